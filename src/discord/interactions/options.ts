// Reads a command's options from the raw interaction into the types derived from its definition, refusing what
// does not fit it: an option missing or of another type comes from an outdated or modified client, never a typo.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionDataResolved,
} from 'discord.js';

export class InvalidOptionError extends Error {
  constructor(readonly option: string) {
    super(`option "${option}" is missing or of the wrong type`);
    this.name = 'InvalidOptionError';
  }
}

/** The subcommand called, its group if any, and its options by name. */
export interface CommandCall {
  group?: string;
  subcommand?: string;
  options: ReadonlyMap<string, APIApplicationCommandInteractionDataOption>;
  resolved?: APIInteractionDataResolved;
}

export function readCall(data: { options?: APIApplicationCommandInteractionDataOption[]; resolved?: APIInteractionDataResolved }): CommandCall {
  let options = Array.isArray(data.options) ? data.options : [];
  let group: string | undefined;
  let subcommand: string | undefined;
  const first = options[0];
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    group = first.name;
    options = Array.isArray(first.options) ? first.options : [];
  }
  const sub = options[0];
  if (sub?.type === ApplicationCommandOptionType.Subcommand) {
    subcommand = sub.name;
    options = Array.isArray(sub.options) ? sub.options : [];
  }
  return { group, subcommand, options: new Map(options.filter((o) => typeof o?.name === 'string').map((o) => [o.name, o])), resolved: data.resolved };
}

/** The option being typed in an autocomplete; a malformed payload reads as an empty field. */
export function focusedOption(call: CommandCall): { name: string; text: string } {
  const focused = [...call.options.values()].find((o) => 'focused' in o && o.focused === true);
  const value = focused && 'value' in focused ? focused.value : undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return { name: focused?.name ?? '', text: text.slice(0, 200) };
}

/** The value of one option when it has the registered type, else undefined. */
function valueOf(type: ApplicationCommandOptionType, option: APIApplicationCommandInteractionDataOption, resolved?: APIInteractionDataResolved): unknown {
  if (option.type !== type || !('value' in option)) return undefined;
  switch (type) {
    case ApplicationCommandOptionType.String:
      return typeof option.value === 'string' ? option.value : undefined;
    case ApplicationCommandOptionType.Integer:
      return Number.isInteger(option.value) ? option.value : undefined;
    case ApplicationCommandOptionType.Boolean:
      return typeof option.value === 'boolean' ? option.value : undefined;
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel: {
      // Only what Discord resolved: a bare id in a forged payload could otherwise ping anyone, or name any channel.
      const id = option.value;
      const known = type === ApplicationCommandOptionType.User ? resolved?.users?.[String(id)] : resolved?.channels?.[String(id)];
      return typeof id === 'string' && /^\d{17,20}$/.test(id) && known?.id === id ? { id } : undefined;
    }
    default:
      throw new Error(`option type ${type} has no reader`);
  }
}

/** The options a subcommand declares, for reading its arguments generically. */
export interface OptionSpec {
  name: string;
  type: ApplicationCommandOptionType;
  required?: boolean;
}

export function readOptions(call: CommandCall, specs: readonly OptionSpec[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const spec of specs) {
    const given = call.options.get(spec.name);
    const value = given ? valueOf(spec.type, given, call.resolved) : undefined;
    if ((given && value === undefined) || (spec.required && value === undefined)) throw new InvalidOptionError(spec.name);
    args[spec.name] = value;
  }
  return args;
}
