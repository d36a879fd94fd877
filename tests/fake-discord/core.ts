// Shared state of one fake Discord (users, guilds, channels, messages, interactions, commands) and its gateway echoes.
import { ChannelType, GatewayIntentBits } from 'discord.js';
import type { APIApplicationCommand, APIChannel, APIInteraction, APIMessage, APIThreadChannel, APIUser } from 'discord.js';
import { unknownChannel, unknownMessage, type FakeErrorKind } from './errors.ts';
import { type GuildModel, makeMember } from './fixtures.ts';
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
  timer?: NodeJS.Timeout;
  /** Set when the response window passed without an initial response (already recorded as an error). */
  timedOut?: boolean;
}

export interface StoredChannel {
  channel: APIChannel;
  guildId: string;
}

export interface CoreOptions {
  echoBotMessages: boolean;
  interactionWindowMs: number;
}

const TEXT_TYPES: readonly ChannelType[] = [
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
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionState>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();

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

  /** MESSAGE_CREATE/UPDATE for sessions with the right intents; ephemeral messages never reach the gateway. */
  echo(kind: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', stored: StoredMessage): void {
    if (!this.options.echoBotMessages && stored.message.author.id === this.botUser.id) return;
    if (((stored.message.flags ?? 0) & 64) !== 0) return;
    const members = stored.guildId ? this.guilds.get(stored.guildId)?.members : undefined;
    this.gateway.dispatch(kind, (intents: number) =>
      (intents & GatewayIntentBits.GuildMessages) !== 0 ? gatewayMessage(stored, members, intents, this.botUser.id) : undefined,
    );
  }

  echoDelete(stored: StoredMessage): void {
    if (((stored.message.flags ?? 0) & 64) !== 0) return;
    const d = { id: stored.message.id, channel_id: stored.message.channel_id, guild_id: stored.guildId };
    this.gateway.dispatch('MESSAGE_DELETE', (intents: number) => ((intents & GatewayIntentBits.GuildMessages) !== 0 ? d : undefined));
  }
}
