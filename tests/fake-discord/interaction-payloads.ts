// INTERACTION_CREATE payload builders carrying every field discord.js reads (ids, token, member, channel, locale...).
import { ApplicationCommandType, InteractionContextType, InteractionType, Locale } from 'discord.js';
import type {
  APIApplicationCommandAutocompleteGuildInteraction,
  APIChatInputApplicationCommandGuildInteraction,
  APIMessage,
  APIMessageComponentGuildInteraction,
  APIModalSubmitGuildInteraction,
  APIUser,
} from 'discord.js';
import { type CommandInvocation, buildCommand } from './command-options.ts';
import type { FakeCore, StoredChannel } from './core.ts';
import { type GuildModel, interactionMember, memberPermissions } from './fixtures.ts';
import { interactionToken, snowflake } from './ids.ts';
import { UPLOAD_BYTES_MAX } from './limits.ts';
import type { StoredMessage } from './messages.ts';

/** Who interacts, where, and in which client language; everything defaults to the first guild's first text channel. */
export interface InteractionTarget {
  user?: APIUser;
  guildId?: string;
  channelId?: string;
  locale?: `${Locale}`;
}

export interface SlashCommandInput extends CommandInvocation, InteractionTarget {}

export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the focused option; its value in `options` is the text typed so far. */
  focused: string;
}

interface Place {
  user: APIUser;
  guild: GuildModel;
  channel: StoredChannel;
  locale: `${Locale}`;
}

export function resolvePlace(core: FakeCore, target: InteractionTarget, defaultUser: APIUser, channelId?: string): Place {
  const user = target.user ?? defaultUser;
  const id = channelId ?? target.channelId;
  let channel: StoredChannel | undefined;
  if (id) channel = core.textChannel(id);
  else {
    const guild = target.guildId ? core.guilds.get(target.guildId) : core.guilds.values().next().value;
    const first = guild?.channels.find((c) => c.type === 0 || c.type === 5);
    if (first) channel = core.channels.get(first.id);
  }
  const guild = channel ? core.guilds.get(channel.guildId) : undefined;
  if (!channel || !guild) throw new Error('fake-discord: no guild text channel to interact in (configure a guild with a text channel)');
  core.ensureMember(user, guild.id);
  return { user, guild, channel, locale: target.locale ?? Locale.EnglishUS };
}

function base<Type extends InteractionType>(core: FakeCore, type: Type, place: Place) {
  const { guild, channel, user } = place;
  const member = guild.members.get(user.id);
  const botMember = guild.members.get(core.botUser.id);
  if (!member || !botMember) throw new Error('fake-discord: member missing');
  return {
    id: snowflake(),
    application_id: core.applicationId,
    type,
    token: interactionToken(),
    version: 1 as const,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale as Locale, features: [] },
    channel: { ...channel.channel, guild_id: guild.id } as APIChatInputApplicationCommandGuildInteraction['channel'],
    channel_id: channel.channel.id,
    member: interactionMember(guild, member),
    app_permissions: memberPermissions(guild, botMember),
    locale: place.locale as Locale,
    guild_locale: guild.preferredLocale as Locale,
    entitlements: [],
    authorizing_integration_owners: { 0: guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: UPLOAD_BYTES_MAX,
  };
}

export function chatInputPayload(core: FakeCore, input: SlashCommandInput, place: Place): { payload: APIChatInputApplicationCommandGuildInteraction; label: string } {
  const built = buildCommand(core, input, place.guild.id);
  const data: APIChatInputApplicationCommandGuildInteraction['data'] = {
    id: built.command?.id ?? snowflake(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    options: built.options,
  };
  if (built.command?.guild_id) data.guild_id = built.command.guild_id;
  if (Object.keys(built.resolved).length > 0) data.resolved = built.resolved;
  return { payload: { ...base(core, InteractionType.ApplicationCommand, place), data }, label: built.label };
}

export function autocompletePayload(core: FakeCore, input: AutocompleteInput, place: Place): { payload: APIApplicationCommandAutocompleteGuildInteraction; label: string } {
  const built = buildCommand(core, input, place.guild.id, input.focused);
  const data: APIApplicationCommandAutocompleteGuildInteraction['data'] = {
    id: built.command?.id ?? snowflake(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    options: built.options,
  };
  if (built.command?.guild_id) data.guild_id = built.command.guild_id;
  return { payload: { ...base(core, InteractionType.ApplicationCommandAutocomplete, place), data }, label: `autocomplete ${built.label} ${input.focused}` };
}

export function componentPayload(
  core: FakeCore,
  place: Place,
  stored: StoredMessage,
  data: APIMessageComponentGuildInteraction['data'],
): APIMessageComponentGuildInteraction {
  return { ...base(core, InteractionType.MessageComponent, place), message: stored.message, data };
}

export function modalSubmitPayload(
  core: FakeCore,
  place: Place,
  data: APIModalSubmitGuildInteraction['data'],
  message: APIMessage | undefined,
): APIModalSubmitGuildInteraction {
  const payload: APIModalSubmitGuildInteraction = { ...base(core, InteractionType.ModalSubmit, place), data };
  if (message) payload.message = message;
  return payload;
}
