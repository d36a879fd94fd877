// Channel routes the bot may call: send/edit/delete/fetch messages, typing, threads and channel lookup.
import { ChannelType, MessageFlags, MessageType, PermissionFlagsBits } from 'discord.js';
import type { APIChannel } from 'discord.js';
import type { FakeCore, StoredChannel } from './core.ts';
import { DiscordHttpError, cannotEditOthersMessage, invalidFormBody, missingPermissions, throwIfIssues, unknownUser } from './errors.ts';
import { memberPermissions } from './fixtures.ts';
import { THREAD_AUTO_ARCHIVE_DURATIONS, THREAD_NAME_MAX } from './limits.ts';
import { type StoredMessage, createMessage, editMessage } from './messages.ts';
import { NonceRegistry } from './nonces.ts';
import type { Route, RouteContext, RouteResult } from './rest-server.ts';
import { newForumPost, newThread } from './threads.ts';
import { IssueList, isRecord } from './validate-common.ts';
import { assertNotEmpty, assertValidMessage } from './validate-message.ts';

const THREAD_TYPES: readonly ChannelType[] = [ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread];

export function channelRoutes(core: FakeCore): Route[] {
  const nonces = new NonceRegistry();
  return [
    { method: 'GET', pattern: '/channels/:channelId', auth: true, handle: (ctx) => ({ status: 200, body: channelBody(core, ctx.params.channelId ?? '') }) },
    { method: 'POST', pattern: '/channels/:channelId/typing', auth: true, handle: (ctx) => (core.botTextChannel(ctx.params.channelId ?? ''), { status: 204 }) },
    { method: 'POST', pattern: '/channels/:channelId/messages', auth: true, handle: (ctx) => postMessage(core, nonces, ctx) },
    { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => ({ status: 200, body: botMessage(core, ctx).message }) },
    { method: 'PATCH', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => patchMessage(core, ctx) },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => deleteMessage(core, ctx) },
    { method: 'POST', pattern: '/channels/:channelId/messages/:messageId/threads', auth: true, handle: (ctx) => startThread(core, ctx, ctx.params.messageId) },
    { method: 'POST', pattern: '/channels/:channelId/threads', auth: true, handle: (ctx) => startThread(core, ctx, undefined) },
    { method: 'POST', pattern: '/users/@me/channels', auth: true, handle: (ctx) => openDm(core, ctx) },
  ];
}

function channelBody(core: FakeCore, id: string): APIChannel {
  const { channel, guildId } = core.botChannel(id);
  return guildId ? ({ ...channel, guild_id: guildId } as APIChannel) : channel;
}

/** A message of a channel the bot can access (403 first, as Discord checks the channel before the message). */
function botMessage(core: FakeCore, ctx: RouteContext): StoredMessage {
  core.botChannel(ctx.params.channelId ?? '');
  return core.message(ctx.params.messageId ?? '', ctx.params.channelId);
}

/** Create DM: returns the existing DM channel with that user, or opens one. */
function openDm(core: FakeCore, ctx: RouteContext): RouteResult {
  const issues = new IssueList();
  const body = issues.object([], ctx.body, { required: true }) ?? {};
  issues.string(['recipient_id'], body.recipient_id, 20, { min: 1, required: true });
  throwIfIssues(issues.items);
  const user = core.users.get(String(body.recipient_id));
  if (!user || user.id === core.botUser.id) throw unknownUser().because(`no user ${String(body.recipient_id)} the bot could DM`);
  return { status: 200, body: core.dmChannel(user) };
}

/** SEND_MESSAGES in a guild channel, SEND_MESSAGES_IN_THREADS in a thread (SEND_MESSAGES has no effect there). */
function assertCanSend(core: FakeCore, { channel, guildId }: StoredChannel): void {
  if (guildId === undefined) return;
  const thread = THREAD_TYPES.includes(channel.type);
  const needed = thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  if (!botCan(core, guildId, needed)) throw missingPermissions().because(`posting in ${thread ? 'a thread' : 'a channel'} needs ${thread ? 'SEND_MESSAGES_IN_THREADS' : 'SEND_MESSAGES'}`);
}

function postMessage(core: FakeCore, nonces: NonceRegistry, ctx: RouteContext): RouteResult {
  const target = core.botTextChannel(ctx.params.channelId ?? '');
  const { channel, guildId } = target;
  assertValidMessage(ctx.body, ctx.files, { mode: 'create' });
  assertCanSend(core, target);
  const body = ctx.body as Record<string, unknown>;
  if (typeof body.flags === 'number' && (body.flags & MessageFlags.Ephemeral) !== 0) {
    throw invalidFormBody([{ path: ['flags'], code: 'MESSAGE_FLAGS_INVALID', message: 'Ephemeral messages can only be sent as interaction responses.' }]);
  }
  const nonceKey = NonceRegistry.key(channel.id, core.botUser.id, body);
  const earlier = nonceKey ? nonces.find(nonceKey) : undefined;
  const existing = earlier ? core.messages.get(earlier) : undefined;
  // A retry of a create that already happened (e.g. the first answer was lost): no second message, no second echo.
  if (existing && !existing.deleted) return { status: 200, body: existing.message };
  const ref = isRecord(body.message_reference) ? body.message_reference : undefined;
  let referenced;
  if (ref && typeof ref.message_id === 'string') {
    const target = core.messages.get(ref.message_id);
    if (target && !target.deleted && target.message.channel_id === channel.id) referenced = target.message;
    else if (ref.fail_if_not_exists !== false) {
      throw invalidFormBody([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
    }
  }
  const message = createMessage({
    channelId: channel.id,
    author: core.botUser,
    body,
    files: ctx.files,
    type: referenced ? MessageType.Reply : MessageType.Default,
    users: core.users,
    ...(referenced ? { referenced } : {}),
  });
  const stored = core.store(message, guildId);
  if (nonceKey) nonces.remember(nonceKey, message.id);
  ctx.after(() => core.echo('MESSAGE_CREATE', stored));
  return { status: 200, body: message };
}

function patchMessage(core: FakeCore, ctx: RouteContext): RouteResult {
  const stored = botMessage(core, ctx);
  if (stored.message.author.id !== core.botUser.id) throw cannotEditOthersMessage();
  assertValidMessage(ctx.body, ctx.files, { mode: 'edit', currentFlags: stored.message.flags ?? 0 });
  const next = editMessage(stored.message, isRecord(ctx.body) ? ctx.body : {}, ctx.files, core.users);
  assertNotEmpty(next as unknown as Record<string, unknown>);
  stored.message = next;
  ctx.after(() => core.echo('MESSAGE_UPDATE', stored));
  return { status: 200, body: next };
}

function deleteMessage(core: FakeCore, ctx: RouteContext): RouteResult {
  const stored = botMessage(core, ctx);
  if (((stored.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) {
    throw new DiscordHttpError(404, { code: 10008, message: 'Unknown Message' }, 'not-found').because('ephemeral messages cannot be deleted through the channel');
  }
  if (stored.message.author.id !== core.botUser.id && !botCan(core, stored.guildId, PermissionFlagsBits.ManageMessages)) {
    throw missingPermissions().because("deleting someone else's message needs MANAGE_MESSAGES");
  }
  stored.deleted = true;
  ctx.after(() => core.echoDelete(stored));
  return { status: 204 };
}

function botCan(core: FakeCore, guildId: string | undefined, permission: bigint): boolean {
  const guild = guildId ? core.guilds.get(guildId) : undefined;
  const member = guild?.members.get(core.botUser.id);
  if (!guild || !member) return false;
  const bits = BigInt(memberPermissions(guild, member));
  return (bits & (permission | PermissionFlagsBits.Administrator)) !== 0n;
}

function startThread(core: FakeCore, ctx: RouteContext, messageId: string | undefined): RouteResult {
  const parent = core.botChannel(ctx.params.channelId ?? '');
  const { channel, guildId } = parent;
  if (channel.type === ChannelType.GuildForum && !messageId) return startForumPost(core, ctx, parent);
  if (guildId === undefined || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) {
    throw invalidFormBody([{ path: [], code: 'CHANNEL_TYPE_INVALID', message: 'Threads can only be created in text, announcement or forum channels.' }]);
  }
  const issues = new IssueList();
  const body = issues.object([], ctx.body, { required: true }) ?? {};
  issues.string(['name'], body.name, THREAD_NAME_MAX, { min: 1, required: true });
  issues.oneOf(['auto_archive_duration'], body.auto_archive_duration, THREAD_AUTO_ARCHIVE_DURATIONS);
  throwIfIssues(issues.items);
  const starter = messageId ? core.message(messageId, channel.id) : undefined;
  if (starter && core.threads.has(starter.message.id)) {
    throw new DiscordHttpError(400, { code: 160004, message: 'A thread has already been created for this message' });
  }
  const isPrivate = !starter && body.type === ChannelType.PrivateThread;
  if (!botCan(core, guildId, isPrivate ? PermissionFlagsBits.CreatePrivateThreads : PermissionFlagsBits.CreatePublicThreads)) {
    throw missingPermissions().because(`starting a thread needs ${isPrivate ? 'CREATE_PRIVATE_THREADS' : 'CREATE_PUBLIC_THREADS'}`);
  }
  const type = starter ? (channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread) : isPrivate ? ChannelType.PrivateThread : ChannelType.PublicThread;
  const thread = newThread(core, {
    // Discord gives a thread started from a message that message's id.
    ...(starter ? { id: starter.message.id } : {}),
    type,
    parent,
    owner: core.botUser,
    name: String(body.name),
    ...(typeof body.auto_archive_duration === 'number' ? { autoArchiveDuration: body.auto_archive_duration } : {}),
    ...(typeof body.rate_limit_per_user === 'number' ? { rateLimitPerUser: body.rate_limit_per_user } : {}),
  });
  if (starter) starter.message = { ...starter.message, flags: (starter.message.flags ?? 0) | MessageFlags.HasThread, thread };
  ctx.after(() => core.dispatchThreadCreate(thread, true));
  return { status: 201, body: thread };
}

/** Start Thread in Forum Channel: the post's thread plus its starter message (same id), returned as `message`. */
function startForumPost(core: FakeCore, ctx: RouteContext, forum: StoredChannel): RouteResult {
  const issues = new IssueList();
  const body = issues.object([], ctx.body, { required: true }) ?? {};
  issues.string(['name'], body.name, THREAD_NAME_MAX, { min: 1, required: true });
  issues.oneOf(['auto_archive_duration'], body.auto_archive_duration, THREAD_AUTO_ARCHIVE_DURATIONS);
  issues.object(['message'], body.message, { required: true });
  throwIfIssues(issues.items);
  assertValidMessage(body.message, ctx.files, { mode: 'create', prefix: ['message'] });
  // Creating a post only needs SEND_MESSAGES in the forum.
  if (!botCan(core, forum.guildId, PermissionFlagsBits.SendMessages)) throw missingPermissions().because('creating a forum post needs SEND_MESSAGES');
  const autoArchive = typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : undefined;
  const { thread, stored } = newForumPost(core, forum, core.botUser, String(body.name), body.message as Record<string, unknown>, ctx.files, autoArchive);
  ctx.after(() => {
    core.dispatchThreadCreate(thread, true);
    core.echo('MESSAGE_CREATE', stored);
  });
  return { status: 201, body: { ...thread, message: stored.message } };
}
