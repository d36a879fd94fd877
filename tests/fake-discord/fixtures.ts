// Builders for the users, guilds, roles, channels and members the fake serves, with every field discord.js caches.
import { ChannelType, GuildMemberFlags, Locale, PermissionFlagsBits } from 'discord.js';
import type {
  APIDMChannel,
  APIGuildCategoryChannel,
  APIGuildForumChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APINewsChannel,
  APIRole,
  APITextChannel,
  APIUser,
  ApplicationFlags,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildSystemChannelFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { snowflake } from './ids.ts';

export interface FakeUserOptions {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

export interface FakeChannelOptions {
  id?: string;
  name: string;
  /** Default 'text'. Announcement channels are text-based too; a forum only holds posts (threads). */
  type?: 'text' | 'announcement' | 'category' | 'forum';
  parentId?: string | null;
}

export interface FakeGuildOptions {
  /** A snowflake; `guildIdOnShard(k, n)` makes one whose events go to shard k of n. */
  id?: string;
  name?: string;
  preferredLocale?: `${Locale}`;
  /** Default: one text channel named "general". */
  channels?: FakeChannelOptions[];
  /**
   * Default true. When false the bot user is not a member: the guild is not in READY, gets no GUILD_CREATE, its
   * events are not dispatched, and the bot's REST calls on its channels fail with 403 Missing Access (50001).
   * Only user-installed commands (`installation: 'user'`) can be used there.
   */
  botInstalled?: boolean;
  /** Permissions of the @everyone role; default `EVERYONE_PERMISSIONS`. */
  everyonePermissions?: bigint;
  /** Permissions of the bot's managed role (added to @everyone's); default `BOT_PERMISSIONS`. */
  botPermissions?: bigint;
}

export type GuildChannel = APITextChannel | APINewsChannel | APIGuildCategoryChannel | APIGuildForumChannel;

/** The fake's model of one guild; GUILD_CREATE and interaction payloads are derived from it. */
export interface GuildModel {
  id: string;
  name: string;
  preferredLocale: `${Locale}`;
  ownerId: string;
  joinedAt: string;
  roles: APIRole[];
  channels: GuildChannel[];
  members: Map<string, APIGuildMember>;
  /** The bot's managed role; absent when the bot is not installed. */
  botRoleId?: string;
  botInstalled: boolean;
}

const P = PermissionFlagsBits;
export const EVERYONE_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.CreatePublicThreads | P.EmbedLinks | P.AttachFiles |
  P.ReadMessageHistory | P.AddReactions | P.UseApplicationCommands | P.UseExternalEmojis;
export const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | P.ManageMessages | P.ManageThreads;

export function makeUser(opts: FakeUserOptions = {}): APIUser {
  const username = opts.username ?? 'tester';
  return {
    id: opts.id ?? snowflake(),
    username,
    discriminator: '0',
    global_name: opts.globalName === undefined ? (opts.bot ? null : username) : opts.globalName,
    avatar: null,
    bot: opts.bot ?? false,
    system: false,
    banner: null,
    accent_color: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
  };
}

export function makeRole(init: Partial<APIRole> & Pick<APIRole, 'id' | 'name' | 'permissions'>): APIRole {
  return {
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...init,
  };
}

export function makeMember(user: APIUser, roles: string[], joinedAt = new Date().toISOString()): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: GuildMemberFlags.CompletedOnboarding,
    pending: false,
    communication_disabled_until: null,
  };
}

export function makeChannel(guildId: string, opts: FakeChannelOptions, position: number): GuildChannel {
  const base = {
    id: opts.id ?? snowflake(),
    guild_id: guildId,
    name: opts.name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: opts.parentId ?? null,
    flags: 0,
  };
  if (opts.type === 'category') return { ...base, parent_id: null, type: ChannelType.GuildCategory };
  if (opts.type === 'forum') {
    return {
      ...base,
      type: ChannelType.GuildForum,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 4320,
      default_thread_rate_limit_per_user: 0,
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: 0,
    };
  }
  const text = { ...base, topic: null, last_message_id: null, last_pin_timestamp: null, default_auto_archive_duration: 1440 as const };
  if (opts.type === 'announcement') return { ...text, type: ChannelType.GuildAnnouncement };
  return { ...text, type: ChannelType.GuildText, rate_limit_per_user: 0 };
}

export function makeGuild(opts: FakeGuildOptions, botUser: APIUser, owner: APIUser): GuildModel {
  const id = opts.id ?? snowflake();
  const botInstalled = opts.botInstalled ?? true;
  const joinedAt = new Date().toISOString();
  const roles = [makeRole({ id, name: '@everyone', permissions: (opts.everyonePermissions ?? EVERYONE_PERMISSIONS).toString() })];
  const channelOpts = opts.channels ?? [{ name: 'general' }];
  const channels = channelOpts.map((c, i) => makeChannel(id, c, i));
  const members = new Map<string, APIGuildMember>();
  let botRoleId: string | undefined;
  if (botInstalled) {
    // Installing a bot creates its managed role and adds it as a member.
    botRoleId = snowflake();
    roles.push(makeRole({ id: botRoleId, name: botUser.username, permissions: (opts.botPermissions ?? BOT_PERMISSIONS).toString(), position: 1, managed: true, tags: { bot_id: botUser.id } }));
    members.set(botUser.id, makeMember(botUser, [botRoleId], joinedAt));
  }
  members.set(owner.id, makeMember(owner, [], joinedAt));
  const guild: GuildModel = { id, name: opts.name ?? 'Fake Guild', preferredLocale: opts.preferredLocale ?? Locale.EnglishUS, ownerId: owner.id, joinedAt, roles, channels, members, botInstalled };
  if (botRoleId) guild.botRoleId = botRoleId;
  return guild;
}

/** The DM channel between a user and the bot, as GET /channels/{id} returns it. */
export function makeDmChannel(recipient: APIUser): APIDMChannel {
  return { id: snowflake(), type: ChannelType.DM, name: null, last_message_id: null, flags: 0 as ChannelFlags, recipients: [recipient] };
}

/**
 * Permissions of @everyone (no overwrites modelled). Discord's app_permissions for an app without a bot in the
 * guild: "the same as the permissions for @everyone, but limited to the permissions that can be used in
 * interaction responses (currently ATTACH_FILES, EMBED_LINKS, MENTION_EVERYONE, and USE_EXTERNAL_EMOJIS)".
 */
export function appPermissionsWithoutBot(guild: GuildModel): string {
  const everyone = BigInt(guild.roles.find((r) => r.id === guild.id)?.permissions ?? '0');
  return (everyone & RESPONSE_PERMISSIONS).toString();
}

/** Permissions usable in interaction responses; app_permissions in the DM with the bot is exactly this set. */
export const RESPONSE_PERMISSIONS = P.AttachFiles | P.EmbedLinks | P.MentionEveryone | P.UseExternalEmojis;

/** Permissions bitfield (string) a member has: union of @everyone and their roles (no overwrites modelled). */
export function memberPermissions(guild: GuildModel, member: APIGuildMember): string {
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || member.roles.includes(role.id)) bits |= BigInt(role.permissions);
  }
  if (member.user.id === guild.ownerId) bits |= P.Administrator;
  return bits.toString();
}

/** The member object without its `user`, as nested in messages and resolved data. */
export function withoutUser<T extends { user?: unknown }>(member: T): Omit<T, 'user'> {
  const copy: Partial<T> = { ...member };
  delete copy.user;
  return copy as Omit<T, 'user'>;
}

export function interactionMember(guild: GuildModel, member: APIGuildMember): APIInteractionGuildMember {
  return { ...member, permissions: memberPermissions(guild, member) };
}

/** GUILD_CREATE as sent after READY: the full guild with channels, roles and the bot's own member. */
export function buildGuildCreate(guild: GuildModel, botUserId: string): GatewayGuildCreateDispatchData {
  const botMember = guild.members.get(botUserId);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels.find((c) => c.type === ChannelType.GuildText)?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale as Locale,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: botMember ? [botMember] : [],
    channels: guild.channels.map(({ guild_id: _omitted, ...c }) => c) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** READY: the bot user, the shard's guilds as unavailable stubs (GUILD_CREATE follows), and where to resume. */
export function buildReady(
  app: { botUser: APIUser; applicationId: string; applicationFlags: ApplicationFlags },
  guildIds: string[],
  sessionId: string,
  resumeUrl: string,
  shard: [number, number] = [0, 1],
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...app.botUser, verified: true, mfa_enabled: false, email: null },
    guilds: guildIds.map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: app.applicationId, flags: app.applicationFlags, flags_new: String(app.applicationFlags) },
  };
}
