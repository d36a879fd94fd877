// INTERACTION_CREATE payload builders carrying every field discord.js reads (ids, token, member, channel, locale...),
// and where an interaction comes from: guild or bot DM, through the guild's or the user's installation of the app.
import { ApplicationCommandType, ApplicationIntegrationType, ChannelType, InteractionContextType, InteractionType, Locale } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteInteraction,
  APIAuthorizingIntegrationOwnersMap,
  APIChatInputApplicationCommandInteraction,
  APIMessage,
  APIMessageComponentInteraction,
  APIModalSubmitInteraction,
  APIUser,
} from 'discord.js';
import { type CommandInvocation, buildCommand } from './command-options.ts';
import type { FakeCore, StoredChannel } from './core.ts';
import { type GuildModel, RESPONSE_PERMISSIONS, appPermissionsWithoutBot, interactionMember, memberPermissions } from './fixtures.ts';
import { interactionToken, snowflake } from './ids.ts';
import { UPLOAD_BYTES_MAX } from './limits.ts';
import type { StoredMessage } from './messages.ts';

/**
 * Whose installation of the app an interaction goes through: 'guild' (the bot added to the server) or 'user' (the
 * app added to the user's account, usable where the bot is not).
 */
export type Installation = 'guild' | 'user';

/** Who interacts, where, and in which client language; everything defaults to the first guild's first text channel. */
export interface InteractionTarget {
  user?: APIUser;
  guildId?: string;
  channelId?: string;
  locale?: `${Locale}`;
  /**
   * Default 'guild' for commands; components and modals default to the installation of the message or command
   * they come from (passing another one throws). In a guild where the bot is not installed only 'user' is possible.
   */
  installation?: Installation;
  /** In the user's DM with the bot (context BOT_DM, 1) instead of a guild channel. */
  dm?: true;
}

export interface SlashCommandInput extends CommandInvocation, InteractionTarget {}

export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the focused option; its value in `options` is the text typed so far. */
  focused: string;
}

export interface Place {
  user: APIUser;
  /** Undefined in the DM with the bot. */
  guild: GuildModel | undefined;
  channel: StoredChannel;
  locale: `${Locale}`;
}

/** What `authorizing_integration_owners` and `context` say about an interaction. */
export interface Authorization {
  owners: APIAuthorizingIntegrationOwnersMap;
  context: InteractionContextType;
}

const INSTALL_KEY = { guild: ApplicationIntegrationType.GuildInstall, user: ApplicationIntegrationType.UserInstall } as const;
const CONTEXT_NAMES = ['GUILD', 'BOT_DM', 'PRIVATE_CHANNEL'];
const INSTALL_NAMES = ['GUILD_INSTALL', 'USER_INSTALL'];

export function resolvePlace(core: FakeCore, target: InteractionTarget, defaultUser: APIUser, channelId?: string): Place {
  const locale = target.locale ?? Locale.EnglishUS;
  const id = channelId ?? target.channelId;
  const known = id ? core.channel(id) : undefined;
  if (target.dm || known?.channel.type === ChannelType.DM) {
    if (target.guildId) throw new Error('fake-discord: `dm: true` and `guildId` exclude each other');
    if (known && known.channel.type !== ChannelType.DM) throw new Error(`fake-discord: \`dm: true\` but channel ${known.channel.id} is a guild channel`);
    const recipient = known?.channel.type === ChannelType.DM ? known.channel.recipients?.[0] : undefined;
    if (recipient && target.user && target.user.id !== recipient.id) {
      throw new Error(`fake-discord: channel ${known?.channel.id ?? ''} is the bot's DM with ${recipient.username}, not with ${target.user.username}`);
    }
    const user = recipient ?? target.user ?? defaultUser;
    const dm = core.dmChannel(user);
    return { user, guild: undefined, channel: core.channel(dm.id), locale };
  }
  const user = target.user ?? defaultUser;
  let channel: StoredChannel | undefined;
  if (known) {
    if (known.channel.type === ChannelType.GuildForum) {
      throw new Error(`fake-discord: channel ${known.channel.id} is a forum; messages and commands happen in its posts (threads)`);
    }
    channel = core.textChannel(known.channel.id);
  } else {
    const guild = target.guildId ? core.guilds.get(target.guildId) : core.guilds.values().next().value;
    const first = guild?.channels.find((c) => c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement);
    if (first) channel = core.channels.get(first.id);
  }
  const guild = channel?.guildId ? core.guilds.get(channel.guildId) : undefined;
  if (!channel || !guild) throw new Error('fake-discord: no guild text channel to interact in (configure a guild with a text channel)');
  core.ensureMember(user, guild.id);
  return { user, guild, channel, locale };
}

/** Whether Discord would offer this registered command through that installation in that context. */
function commandAllows(command: APIApplicationCommand, installation: Installation, context: InteractionContextType): string | undefined {
  // Guild commands exist only in their guild, through its installation; integration_types and contexts are for global ones.
  if (command.guild_id) {
    if (installation !== 'guild') return `it is a command of guild ${command.guild_id}, which only the guild installation offers`;
    return context === InteractionContextType.Guild ? undefined : `guild commands are not offered in ${CONTEXT_NAMES[context]}`;
  }
  const types = command.integration_types ?? [ApplicationIntegrationType.GuildInstall];
  if (!types.includes(INSTALL_KEY[installation])) {
    return `its integration_types [${types.join(', ')}] do not include ${INSTALL_KEY[installation]} (${INSTALL_NAMES[INSTALL_KEY[installation]]})`;
  }
  // A command registered without contexts is offered everywhere, except the bot DM when dm_permission is false.
  const contexts = command.contexts ?? (command.dm_permission === false ? [0, 2] : [0, 1, 2]);
  if (!contexts.includes(context)) return `its contexts [${contexts.join(', ')}] do not include ${context} (${CONTEXT_NAMES[context]})`;
  return undefined;
}

/**
 * authorizing_integration_owners and context of a command invocation, checked against the registered command
 * (Discord would not show the command otherwise). Throws a test-authoring Error when the invocation is impossible.
 */
export function commandAuthorization(place: Place, installation: Installation = 'guild', command: APIApplicationCommand | undefined, label: string): Authorization {
  const { guild } = place;
  const context = guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
  if (guild && installation === 'guild' && !guild.botInstalled) {
    throw new Error(`${label}: the bot is not installed in guild ${guild.id}; only installation: 'user' reaches it there`);
  }
  if (command) {
    const refused = commandAllows(command, installation, context);
    if (refused) throw new Error(`${label}: the registered /${command.name} cannot be used through the ${installation} installation in ${CONTEXT_NAMES[context]}: ${refused}`);
  }
  const owners: APIAuthorizingIntegrationOwnersMap = {};
  // The guild key is the guild's id, or "0" in the DM with the bot. A user-installed command that the guild's own
  // installation also offers there carries both keys, as Discord sends them.
  if (installation === 'guild') owners[ApplicationIntegrationType.GuildInstall] = guild?.id ?? '0';
  else {
    if (guild?.botInstalled && (!command || !commandAllows(command, 'guild', context))) owners[ApplicationIntegrationType.GuildInstall] = guild.id;
    owners[ApplicationIntegrationType.UserInstall] = place.user.id;
  }
  return { owners, context };
}

/** Installations an owners map stands for. */
function installationsOf(owners: APIAuthorizingIntegrationOwnersMap): Installation[] {
  return (['guild', 'user'] as const).filter((i) => owners[INSTALL_KEY[i]] !== undefined);
}

/**
 * A component on a message answers through the installation the message came from: the owners of the interaction
 * that created it (the authorizing user stays the one who ran the command, whoever clicks), or the guild's
 * installation for a message the bot posted itself.
 */
export function componentAuthorization(place: Place, stored: StoredMessage, installation: Installation | undefined, label: string): Authorization {
  const fromInteraction = stored.message.interaction_metadata?.authorizing_integration_owners;
  const owners = fromInteraction ? { ...fromInteraction } : { [ApplicationIntegrationType.GuildInstall]: place.guild?.id ?? '0' };
  return checkedInstallation({ owners, context: place.guild ? InteractionContextType.Guild : InteractionContextType.BotDM }, installation, label, `message ${stored.message.id}`);
}

/** A modal submit goes through the installation of the interaction that opened the modal. */
export function modalAuthorization(parent: { authorizing_integration_owners: APIAuthorizingIntegrationOwnersMap; context?: InteractionContextType }, installation: Installation | undefined, label: string): Authorization {
  const auth = { owners: { ...parent.authorizing_integration_owners }, context: parent.context ?? InteractionContextType.Guild };
  return checkedInstallation(auth, installation, label, 'the interaction that opened the modal');
}

function checkedInstallation(auth: Authorization, installation: Installation | undefined, label: string, source: string): Authorization {
  const available = installationsOf(auth.owners);
  if (installation && !available.includes(installation)) {
    throw new Error(`${label}: ${source} came through the ${available.join(' and ')} installation, not the ${installation} one`);
  }
  return auth;
}

function base<Type extends InteractionType>(core: FakeCore, type: Type, place: Place, auth: Authorization) {
  const { guild, channel, user } = place;
  const common = {
    id: snowflake(),
    application_id: core.applicationId,
    type,
    token: interactionToken(),
    version: 1 as const,
    channel_id: channel.channel.id,
    locale: place.locale as Locale,
    entitlements: [],
    authorizing_integration_owners: auth.owners,
    context: auth.context,
    attachment_size_limit: UPLOAD_BYTES_MAX,
  };
  // In the DM with the bot: `user` instead of `member`, and the permissions usable in responses.
  if (!guild) return { ...common, channel: { ...channel.channel }, user, app_permissions: RESPONSE_PERMISSIONS.toString() };
  const member = guild.members.get(user.id);
  if (!member) throw new Error('fake-discord: member missing');
  const botMember = guild.members.get(core.botUser.id);
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale as Locale, features: [] },
    channel: { ...channel.channel, guild_id: guild.id },
    member: interactionMember(guild, member),
    app_permissions: botMember ? memberPermissions(guild, botMember) : appPermissionsWithoutBot(guild),
    guild_locale: guild.preferredLocale as Locale,
  };
}

export function chatInputPayload(core: FakeCore, input: SlashCommandInput, place: Place): { payload: APIChatInputApplicationCommandInteraction; label: string } {
  const built = buildCommand(core, input, place.guild?.id);
  const auth = commandAuthorization(place, input.installation, built.command, built.label);
  const data: APIChatInputApplicationCommandInteraction['data'] = {
    id: built.command?.id ?? snowflake(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    options: built.options,
  };
  if (built.command?.guild_id) data.guild_id = built.command.guild_id;
  if (Object.keys(built.resolved).length > 0) data.resolved = built.resolved;
  const payload = { ...base(core, InteractionType.ApplicationCommand, place, auth), data } as APIChatInputApplicationCommandInteraction;
  return { payload, label: built.label };
}

export function autocompletePayload(core: FakeCore, input: AutocompleteInput, place: Place): { payload: APIApplicationCommandAutocompleteInteraction; label: string } {
  const built = buildCommand(core, input, place.guild?.id, input.focused);
  const label = `autocomplete ${built.label} ${input.focused}`;
  const auth = commandAuthorization(place, input.installation, built.command, label);
  const data: APIApplicationCommandAutocompleteInteraction['data'] = {
    id: built.command?.id ?? snowflake(),
    name: input.name,
    type: ApplicationCommandType.ChatInput,
    options: built.options,
  };
  if (built.command?.guild_id) data.guild_id = built.command.guild_id;
  const payload = { ...base(core, InteractionType.ApplicationCommandAutocomplete, place, auth), data } as APIApplicationCommandAutocompleteInteraction;
  return { payload, label };
}

export function componentPayload(
  core: FakeCore,
  place: Place,
  stored: StoredMessage,
  data: APIMessageComponentInteraction['data'],
  auth: Authorization,
): APIMessageComponentInteraction {
  return { ...base(core, InteractionType.MessageComponent, place, auth), message: stored.message, data } as APIMessageComponentInteraction;
}

export function modalSubmitPayload(
  core: FakeCore,
  place: Place,
  data: APIModalSubmitInteraction['data'],
  message: APIMessage | undefined,
  auth: Authorization,
): APIModalSubmitInteraction {
  const payload = { ...base(core, InteractionType.ModalSubmit, place, auth), data } as APIModalSubmitInteraction;
  if (message) payload.message = message;
  return payload;
}
