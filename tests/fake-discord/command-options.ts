// Builds slash-command/autocomplete option trees, checked against the registered commands when there are any.
import { ApplicationCommandOptionType as T } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteractionDataResolved,
  APIInteractionDataResolvedChannel,
} from 'discord.js';
import type { FakeCore } from './core.ts';
import { interactionMember, withoutUser } from './fixtures.ts';
import { isRecord } from './validate-common.ts';

/** A plain value (type inferred or taken from the registered command) or an explicit `{ type, value }`. */
export type OptionValue = string | number | boolean | { type: T; value: string | number | boolean };

export interface CommandInvocation {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface BuiltCommand {
  command: APIApplicationCommand | undefined;
  options: APIApplicationCommandInteractionDataOption[];
  resolved: APIInteractionDataResolved;
  label: string;
}

type OptionDefs = readonly APIApplicationCommandOption[] | undefined;

/**
 * Throws (a test-authoring error, not a Discord response) when the Discord client could not have produced
 * this invocation: unknown command/option, missing required option, value outside choices or bounds.
 */
export function buildCommand(core: FakeCore, input: CommandInvocation, guildId: string | undefined, focused?: string): BuiltCommand {
  const label = `/${[input.name, input.subcommandGroup, input.subcommand].filter(Boolean).join(' ')}`;
  // Outside a guild (the DM with the bot) only global commands exist.
  const registered = [...((guildId ? core.commands.get(guildId) : undefined) ?? []), ...(core.commands.get('global') ?? [])];
  const command = registered.find((c) => c.name === input.name && (c.type ?? 1) === 1);
  const anyRegistered = [...core.commands.values()].some((list) => list.length > 0);
  if (anyRegistered && !command) throw new Error(`${label}: no chat input command "${input.name}" is registered (have: ${registered.map((c) => c.name).join(', ')})`);
  const find = (defs: OptionDefs, name: string, type: T): APIApplicationCommandOption | undefined => {
    const def = defs?.find((o) => o.name === name && o.type === type);
    if (command && !def) throw new Error(`${label}: "${name}" is not a ${T[type]} of /${input.name}`);
    return def;
  };
  const group = input.subcommandGroup ? find(command?.options, input.subcommandGroup, T.SubcommandGroup) : undefined;
  const sub = input.subcommand ? find(group && 'options' in group ? group.options : command?.options, input.subcommand, T.Subcommand) : undefined;
  const topDefs = command?.options;
  if (!input.subcommand && topDefs?.some((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup)) {
    throw new Error(`${label}: /${input.name} needs a subcommand`);
  }
  const leafDefs: OptionDefs = command ? (input.subcommand ? (sub && 'options' in sub ? (sub.options as OptionDefs) ?? [] : []) : topDefs ?? []) : undefined;
  const resolved: APIInteractionDataResolved = {};
  let options = buildLeaves(core, leafDefs, input.options ?? {}, guildId, focused, label, resolved);
  if (input.subcommand) options = [{ type: T.Subcommand, name: input.subcommand, options } as APIApplicationCommandInteractionDataOption];
  if (input.subcommandGroup) options = [{ type: T.SubcommandGroup, name: input.subcommandGroup, options } as APIApplicationCommandInteractionDataOption];
  return { command, options, resolved, label };
}

function buildLeaves(
  core: FakeCore,
  defs: OptionDefs,
  values: Record<string, OptionValue>,
  guildId: string | undefined,
  focused: string | undefined,
  label: string,
  resolved: APIInteractionDataResolved,
): APIApplicationCommandInteractionDataOption[] {
  const out: APIApplicationCommandInteractionDataOption[] = [];
  if (focused !== undefined && !(focused in values)) throw new Error(`${label}: focused option "${focused}" needs a value (the text typed so far)`);
  for (const [name, raw] of Object.entries(values)) {
    const def = defs?.find((o) => o.name === name);
    if (defs && !def) throw new Error(`${label}: option "${name}" is not declared (have: ${defs.map((o) => o.name).join(', ')})`);
    const explicit = isRecord(raw) ? (raw as { type: T; value: string | number | boolean }) : undefined;
    const value = explicit ? explicit.value : (raw as string | number | boolean);
    const type = explicit?.type ?? def?.type ?? inferType(value);
    if (name === focused) {
      if (def && !('autocomplete' in def && def.autocomplete)) throw new Error(`${label}: option "${name}" does not have autocomplete enabled`);
      // Discord sends the raw typed text for the focused option, whatever its type.
      out.push({ type, name, value: String(value), focused: true } as APIApplicationCommandInteractionDataOption);
      continue;
    }
    checkValue(def, type, value, `${label} ${name}`);
    if (focused === undefined) addResolved(core, type, value, guildId, resolved, `${label} ${name}`);
    out.push({ type, name, value } as APIApplicationCommandInteractionDataOption);
  }
  if (focused === undefined) {
    for (const def of defs ?? []) {
      if ('required' in def && def.required && !(def.name in values)) throw new Error(`${label}: required option "${def.name}" is missing`);
    }
  }
  return out;
}

function inferType(value: string | number | boolean): T {
  if (typeof value === 'boolean') return T.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? T.Integer : T.Number;
  return T.String;
}

function checkValue(def: APIApplicationCommandOption | undefined, type: T, value: unknown, what: string): void {
  const ok =
    type === T.String ? typeof value === 'string'
    : type === T.Integer ? Number.isInteger(value)
    : type === T.Number ? typeof value === 'number'
    : type === T.Boolean ? typeof value === 'boolean'
    : typeof value === 'string' && /^\d{17,20}$/.test(value);
  if (!ok) throw new Error(`${what}: ${JSON.stringify(value)} is not a valid ${T[type]} value`);
  if (!def) return;
  const d = def as { choices?: { value: unknown }[]; min_length?: number; max_length?: number; min_value?: number; max_value?: number };
  if (d.choices && !d.choices.some((c) => c.value === value)) throw new Error(`${what}: ${JSON.stringify(value)} is not one of the declared choices`);
  if (typeof value === 'string' && ((d.min_length !== undefined && value.length < d.min_length) || (d.max_length !== undefined && value.length > d.max_length))) {
    throw new Error(`${what}: length ${value.length} is outside min_length/max_length`);
  }
  if (typeof value === 'number' && ((d.min_value !== undefined && value < d.min_value) || (d.max_value !== undefined && value > d.max_value))) {
    throw new Error(`${what}: ${value} is outside min_value/max_value`);
  }
}

/** User, channel and role options arrive with their objects in `resolved`, as discord.js expects. */
function addResolved(core: FakeCore, type: T, value: unknown, guildId: string | undefined, resolved: APIInteractionDataResolved, what: string): void {
  const id = String(value);
  const guild = guildId ? core.guilds.get(guildId) : undefined;
  if (type === T.User || type === T.Mentionable) {
    const user = core.users.get(id);
    const role = guild?.roles.find((r) => r.id === id);
    if (user) {
      (resolved.users ??= {})[id] = user;
      const member = guild?.members.get(id);
      if (guild && member) {
        (resolved.members ??= {})[id] = withoutUser(interactionMember(guild, member));
      }
    } else if (role && type === T.Mentionable) (resolved.roles ??= {})[id] = role;
    else throw new Error(`${what}: unknown user ${id}`);
  } else if (type === T.Channel) {
    const stored = core.channels.get(id);
    if (!stored) throw new Error(`${what}: unknown channel ${id}`);
    const c = stored.channel as { id: string; type: number; name?: string | null };
    (resolved.channels ??= {})[id] = { id: c.id, type: c.type, name: c.name ?? '', permissions: '0' } as APIInteractionDataResolvedChannel;
  } else if (type === T.Role) {
    const role = guild?.roles.find((r) => r.id === id);
    if (!role) throw new Error(`${what}: unknown role ${id}`);
    (resolved.roles ??= {})[id] = role;
  }
}
