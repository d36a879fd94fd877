// Shared state of one fake Discord (users, guilds, channels, messages, interactions, commands) and its gateway echoes.
import { ChannelType, GatewayIntentBits } from 'discord.js';
import type { APIApplicationCommand, APIChannel, APIDMChannel, APIInteraction, APIMessage, APIThreadChannel, APIUser } from 'discord.js';
import { cannotSendInForum, missingAccess, unknownChannel, unknownMessage, type FakeErrorKind } from './errors.ts';
import { type GuildModel, makeDmChannel, makeMember } from './fixtures.ts';
import type { FakeGateway } from './gateway.ts';
import { type StoredMessage, gatewayMessage } from './messages.ts';

/** What the fake tracks per interaction to enforce "one initial response, within the window, before follow-ups". */
export interface InteractionState {
  id: string;
  token: string;
  /** InteractionType: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  /** Human label for errors, e.g. "/xen ask" or "button ask:more". */
  label: string;
  payload: APIInteraction;
  channelId: string;
  /** '' in the bot's DM. */
  guildId: string;
  createdAt: number;
  callback?: { type: number; at: number; body: unknown };
  /** Message that `@original` designates once acknowledged. */
  originalMessageId?: string;
  /** Message carrying the clicked component (component interactions). */
  sourceMessageId?: string;
  /** Modal submits from a component may update that component's message. */
  modalFromComponent?: boolean;
  /** For a modal submit: the interaction that opened the modal. */
  parentId?: string;
  messageIds: string[];
  /** Accepted Create Followup Message calls (user-installed apps get at most 5). */
  followUps?: number;
  timer?: NodeJS.Timeout;
  /**
   * Set when the interaction failed without an initial response (already recorded as an error): the window passed,
   * or the interactions endpoint answered something Discord does not take.
   */
  timedOut?: boolean;
}

export interface StoredChannel {
  channel: APIChannel;
  /** Undefined for the DM channel between a user and the bot. */
  guildId?: string;
}

export interface CoreOptions {
  echoBotMessages: boolean;
  interactionWindowMs: number;
  /** `shards` of GET /gateway/bot. */
  recommendedShards: number;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot. */
  maxConcurrency: number;
}

const TEXT_TYPES: readonly ChannelType[] = [
  ChannelType.DM,
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
];

export class FakeCore {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildModel>();
  readonly channels = new Map<string, StoredChannel>();
  readonly threads = new Map<string, APIThreadChannel>();
  /** DM channel with the bot, by recipient user id. */
  readonly dms = new Map<string, APIDMChannel>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionState>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  /**
   * Set while an Interactions Endpoint URL is configured: interactions are POSTed there instead of being sent as
   * INTERACTION_CREATE. Undefined: gateway delivery.
   */
  httpDelivery: ((state: InteractionState) => void) | undefined = undefined;
  /** The Interactions Endpoint URL in use (GET /applications/@me `interactions_endpoint_url`). */
  interactionsEndpointUrl: string | undefined = undefined;
  /** The application's public key, hex (GET /applications/@me `verify_key`). */
  verifyKey = '0'.repeat(64);

  constructor(
    readonly botUser: APIUser,
    readonly applicationId: string,
    readonly gateway: FakeGateway,
    readonly options: CoreOptions,
    readonly error: (kind: FakeErrorKind, message: string) => void,
  ) {
    this.users.set(botUser.id, botUser);
  }

  addGuild(guild: GuildModel): void {
    this.guilds.set(guild.id, guild);
    for (const channel of guild.channels) this.channels.set(channel.id, { channel, guildId: guild.id });
    for (const member of guild.members.values()) this.users.set(member.user.id, member.user);
  }

  /** Makes sure the user exists and is a member of the guild (Discord only routes events from members). */
  ensureMember(user: APIUser, guildId: string): void {
    this.users.set(user.id, user);
    const guild = this.guilds.get(guildId);
    if (guild && !guild.members.has(user.id)) guild.members.set(user.id, makeMember(user, []));
  }

  /** The DM channel between this user and the bot, opened on first use (Discord keeps one per pair). */
  dmChannel(user: APIUser): APIDMChannel {
    this.users.set(user.id, user);
    let dm = this.dms.get(user.id);
    if (!dm) {
      dm = makeDmChannel(user);
      this.dms.set(user.id, dm);
      this.channels.set(dm.id, { channel: dm });
    }
    return dm;
  }

  /** True when the bot is a member of that guild (always false for an unknown guild). */
  botIn(guildId: string | undefined): boolean {
    return guildId !== undefined && this.guilds.get(guildId)?.botInstalled === true;
  }

  /** A channel the bot asks for over REST: 403 Missing Access in a guild the bot is not in, as Discord answers. */
  botChannel(id: string): StoredChannel {
    const found = this.channel(id);
    if (found.guildId !== undefined && !this.botIn(found.guildId)) {
      throw missingAccess().because(`the bot is not a member of guild ${found.guildId}, which holds channel ${id}`);
    }
    return found;
  }

  /** A channel the bot sends to: accessible and text-based; a forum is refused as Discord refuses it (40058). */
  botTextChannel(id: string): StoredChannel {
    const found = this.botChannel(id);
    if (found.channel.type === ChannelType.GuildForum) throw cannotSendInForum().because(`channel ${id} is a forum: post in one of its threads`);
    return this.textChannel(id);
  }

  channel(id: string): StoredChannel {
    const found = this.channels.get(id);
    if (!found) throw unknownChannel().because(`channel ${id} does not exist in the fake`);
    return found;
  }

  textChannel(id: string): StoredChannel {
    const found = this.channel(id);
    if (!TEXT_TYPES.includes(found.channel.type)) {
      throw unknownChannel().because(`channel ${id} is not text-based`);
    }
    return found;
  }

  message(id: string, channelId?: string): StoredMessage {
    const stored = this.messages.get(id);
    if (!stored || stored.deleted || (channelId !== undefined && stored.message.channel_id !== channelId)) {
      throw unknownMessage().because(`message ${id} ${stored?.deleted ? 'was deleted' : 'is unknown'}${channelId ? ` in channel ${channelId}` : ''}`);
    }
    return stored;
  }

  store(message: APIMessage, guildId: string | undefined, interactionId?: string): StoredMessage {
    const stored: StoredMessage = { message, deleted: false };
    if (guildId) stored.guildId = guildId;
    if (interactionId) stored.interactionId = interactionId;
    this.messages.set(message.id, stored);
    return stored;
  }

  interactionByToken(token: string): InteractionState | undefined {
    for (const it of this.interactions.values()) if (it.token === token) return it;
    return undefined;
  }

  /**
   * The intent a session needs to receive this message's events: GUILD_MESSAGES in a guild, DIRECT_MESSAGES in the
   * bot's DM; undefined when the bot cannot see the channel (a guild it is not in).
   */
  private messageIntent(stored: StoredMessage): number | undefined {
    if (stored.guildId === undefined) return GatewayIntentBits.DirectMessages;
    return this.botIn(stored.guildId) ? GatewayIntentBits.GuildMessages : undefined;
  }

  /** MESSAGE_CREATE/UPDATE for sessions with the right intents; ephemeral messages never reach the gateway. */
  echo(kind: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', stored: StoredMessage): void {
    if (!this.options.echoBotMessages && stored.message.author.id === this.botUser.id) return;
    if (((stored.message.flags ?? 0) & 64) !== 0) return;
    const intent = this.messageIntent(stored);
    if (intent === undefined) return;
    const members = stored.guildId ? this.guilds.get(stored.guildId)?.members : undefined;
    const channelType = this.channels.get(stored.message.channel_id)?.channel.type;
    this.gateway.dispatch(
      kind,
      (intents: number) => ((intents & intent) !== 0 ? gatewayMessage(stored, members, intents, this.botUser.id, channelType) : undefined),
      stored.guildId,
    );
  }

  echoDelete(stored: StoredMessage): void {
    if (((stored.message.flags ?? 0) & 64) !== 0) return;
    const intent = this.messageIntent(stored);
    if (intent === undefined) return;
    const d: Record<string, string> = { id: stored.message.id, channel_id: stored.message.channel_id };
    if (stored.guildId) d.guild_id = stored.guildId;
    this.gateway.dispatch('MESSAGE_DELETE', (intents: number) => ((intents & intent) !== 0 ? d : undefined), stored.guildId);
  }

  /** THREAD_CREATE (GUILDS intent) for a thread the bot can see. */
  dispatchThreadCreate(thread: APIThreadChannel, newlyCreated: boolean): void {
    if (!this.botIn(thread.guild_id)) return;
    const d = newlyCreated ? { ...thread, newly_created: true } : thread;
    this.gateway.dispatch('THREAD_CREATE', (intents: number) => ((intents & GatewayIntentBits.Guilds) !== 0 ? d : undefined), thread.guild_id);
  }
}
