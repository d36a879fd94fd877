// Reads a subcommand's options into the types derived from the command definition.
import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { optionsOf, type ArgumentsOf, type SubcommandName } from '../command-definition.ts';

export function readArguments<N extends SubcommandName>(interaction: ChatInputCommandInteraction, name: N): ArgumentsOf<N> {
  const args: Record<string, unknown> = {};
  for (const option of optionsOf(name)) {
    switch (option.type) {
      case ApplicationCommandOptionType.String:
        args[option.name] = interaction.options.getString(option.name) ?? undefined;
        break;
      case ApplicationCommandOptionType.Boolean:
        args[option.name] = interaction.options.getBoolean(option.name) ?? undefined;
        break;
      case ApplicationCommandOptionType.User: {
        const user = interaction.options.getUser(option.name);
        args[option.name] = user ? { id: user.id } : undefined;
        break;
      }
      default:
        throw new Error(`option type ${option.type} of /xen ${name} has no reader`);
    }
  }
  return args as ArgumentsOf<N>;
}
