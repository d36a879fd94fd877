// Turns accepted payloads into stored messages (ids, mentions, attachments, edits) and shapes MESSAGE_* dispatches.
import { type ChannelType, GatewayIntentBits, MessageFlags, MessageType } from 'discord.js';
import type {
  APIAttachment,
  APIEmbed,
  APIGuildMember,
  APIGuildMemberNoUser,
  APIMessage,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIUser,
  APIUserWithMember,
  GatewayMessageCreateDispatchData,
} from 'discord.js';
import { withoutUser } from './fixtures.ts';
import { snowflake } from './ids.ts';
import { isRecord } from './validate-common.ts';
import type { UploadedFile } from './validate-message.ts';

/** A message the fake knows about (sent by the bot or dispatched by a test). */
export interface StoredMessage {
  message: APIMessage;
  guildId?: string;
  deleted: boolean;
  /** Interaction whose response or follow-up created this message. */
  interactionId?: string;
}

/** Flags a bot may set on a message; Discord silently drops the others. */
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export interface NewMessageInit {
  /** Default: a fresh snowflake (a forum post's starter message takes the thread's id). */
  id?: string;
  channelId: string;
  author: APIUser;
  body: Record<string, unknown>;
  files: UploadedFile[];
  type: MessageType;
  users: ReadonlyMap<string, APIUser>;
  referenced?: APIMessage;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
  /** Extra flags the platform sets (e.g. LOADING for a deferred reply). */
  extraFlags?: number;
}

export function createMessage(init: NewMessageInit): APIMessage {
  const { body } = init;
  const content = typeof body.content === 'string' ? body.content : '';
  const message: APIMessage = {
    id: init.id ?? snowflake(),
    channel_id: init.channelId,
    author: init.author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFrom(init.files, init.channelId, body.attachments),
    embeds: normalizeEmbeds(body.embeds),
    pinned: false,
    type: init.type,
    flags: ((typeof body.flags === 'number' ? body.flags : 0) & SETTABLE_FLAGS) | (init.extraFlags ?? 0),
    components: Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [],
  };
  if (typeof body.nonce === 'string' || typeof body.nonce === 'number') message.nonce = body.nonce;
  if (init.webhookId) message.webhook_id = init.webhookId;
  if (init.applicationId) message.application_id = init.applicationId;
  if (init.interactionMetadata) message.interaction_metadata = init.interactionMetadata;
  if (init.referenced) {
    message.message_reference = { type: 0, message_id: init.referenced.id, channel_id: init.referenced.channel_id };
    message.referenced_message = init.referenced;
  }
  Object.assign(message, resolveMentions(message, body.allowed_mentions, init.users, init.referenced));
  return message;
}

/** PATCH semantics: fields present replace the old ones; attachments not listed in `attachments` are removed. */
export function editMessage(current: APIMessage, body: Record<string, unknown>, files: UploadedFile[], users: ReadonlyMap<string, APIUser>): APIMessage {
  const next: APIMessage = { ...current, edited_timestamp: new Date().toISOString() };
  if ('content' in body) next.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) next.embeds = normalizeEmbeds(body.embeds);
  if ('components' in body) next.components = Array.isArray(body.components) ? (body.components as APIMessageTopLevelComponent[]) : [];
  if (typeof body.flags === 'number') {
    const keep = (current.flags ?? 0) & ~(MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2);
    next.flags = keep | (body.flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2));
  }
  const kept = Array.isArray(body.attachments)
    ? current.attachments.filter((a) => (body.attachments as unknown[]).some((k) => isRecord(k) && k.id === a.id))
    : current.attachments;
  next.attachments = [...kept, ...attachmentsFrom(files, current.channel_id, body.attachments)];
  return { ...next, ...resolveMentions(next, body.allowed_mentions, users, current.referenced_message ?? undefined) };
}

function normalizeEmbeds(value: unknown): APIEmbed[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => ({ type: 'rich', ...(e as APIEmbed) }) as APIEmbed);
}

function attachmentsFrom(files: UploadedFile[], channelId: string, described: unknown): APIAttachment[] {
  return files.map((f, index) => {
    const id = snowflake();
    const meta = Array.isArray(described) ? described.find((d) => isRecord(d) && String(d.id) === String(index)) : undefined;
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(f.filename)}`;
    const attachment: APIAttachment = { id, filename: f.filename, size: f.size, url, proxy_url: url, content_type: f.contentType };
    if (isRecord(meta) && typeof meta.description === 'string') attachment.description = meta.description;
    return attachment;
  });
}

/** Who actually gets pinged, honouring allowed_mentions (Discord's default without it: everything parses). */
function resolveMentions(
  message: APIMessage,
  allowed: unknown,
  users: ReadonlyMap<string, APIUser>,
  referenced: APIMessage | undefined,
): Pick<APIMessage, 'mentions' | 'mention_everyone'> {
  const am = isRecord(allowed) ? allowed : undefined;
  const parse = am && Array.isArray(am.parse) ? (am.parse as string[]) : am ? [] : ['users', 'roles', 'everyone'];
  const allowedIds = am && Array.isArray(am.users) ? (am.users as string[]) : [];
  const mentions: APIUser[] = [];
  for (const match of message.content.matchAll(/<@!?(\d{17,20})>/g)) {
    const user = users.get(match[1] ?? '');
    if (user && (parse.includes('users') || allowedIds.includes(user.id)) && !mentions.some((m) => m.id === user.id)) mentions.push(user);
  }
  const repliedUser = am ? am.replied_user === true : true;
  if (referenced && repliedUser && !mentions.some((m) => m.id === referenced.author.id)) mentions.push(referenced.author);
  return { mentions, mention_everyone: parse.includes('everyone') && /@(everyone|here)\b/.test(message.content) };
}

function memberNoUser(member: APIGuildMember | undefined): APIGuildMemberNoUser | undefined {
  if (!member) return undefined;
  const rest = withoutUser(member);
  return { ...rest, joined_at: rest.joined_at ?? new Date().toISOString() };
}

/**
 * The MESSAGE_CREATE/UPDATE payload one session receives, with the extra fields guild_id, member and channel_type.
 * Without MESSAGE_CONTENT, Discord blanks content, embeds, attachments and components unless the bot is mentioned,
 * is the author, or the message is a DM.
 */
export function gatewayMessage(
  stored: StoredMessage,
  members: ReadonlyMap<string, APIGuildMember> | undefined,
  intents: number,
  botUserId: string,
  channelType?: ChannelType,
): GatewayMessageCreateDispatchData {
  const { message } = stored;
  const mentions: APIUserWithMember[] = message.mentions.map((u) => {
    const member = memberNoUser(members?.get(u.id));
    return member ? { ...u, member } : u;
  });
  const data: GatewayMessageCreateDispatchData = { ...message, mentions };
  if (stored.guildId) data.guild_id = stored.guildId;
  // discord.js needs it to build an uncached DM channel (with Partials.Channel).
  if (channelType !== undefined) Object.assign(data, { channel_type: channelType });
  const authorMember = memberNoUser(members?.get(message.author.id));
  if (authorMember && !message.webhook_id) data.member = authorMember;
  const privileged = (intents & GatewayIntentBits.MessageContent) !== 0;
  const exempt = message.author.id === botUserId || message.mentions.some((u) => u.id === botUserId) || !stored.guildId;
  if (!privileged && !exempt) {
    Object.assign(data, { content: '', embeds: [], attachments: [], components: [] });
    delete data.poll;
  }
  return data;
}
