// Reads a subcommand's options into the types derived from the command definition, refusing what does not fit it.
import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import { optionsOf, type ArgumentsOf, type SubcommandName } from '../command-definition.ts';

/** An option missing or of another type than registered: an outdated or modified client, never a user's typo. */
export class InvalidOptionError extends Error {
  constructor(readonly option: string) {
    super(`option "${option}" is missing or of the wrong type`);
    this.name = 'InvalidOptionError';
  }
}

/** The option's value if it has the registered type, else undefined. */
function valueOf(type: ApplicationCommandOptionType, option: CommandInteractionOption): unknown {
  if (option.type !== type) return undefined;
  switch (type) {
    case ApplicationCommandOptionType.String:
      return typeof option.value === 'string' ? option.value : undefined;
    case ApplicationCommandOptionType.Boolean:
      return typeof option.value === 'boolean' ? option.value : undefined;
    case ApplicationCommandOptionType.User: {
      // Only a user Discord resolved: a bare id in a forged payload could otherwise ping anyone at all.
      const id = option.user?.id;
      return typeof id === 'string' && /^\d{17,20}$/.test(id) && option.value === id ? { id } : undefined;
    }
    default:
      throw new Error(`option type ${type} has no reader`);
  }
}

export function readArguments<N extends SubcommandName>(interaction: ChatInputCommandInteraction, name: N): ArgumentsOf<N> {
  const args: Record<string, unknown> = {};
  for (const option of optionsOf(name)) {
    const given = interaction.options.get(option.name);
    const value = given ? valueOf(option.type, given) : undefined;
    if ((given && value === undefined) || (option.required && value === undefined)) throw new InvalidOptionError(option.name);
    args[option.name] = value;
  }
  return args as ArgumentsOf<N>;
}
