// Channel routes the bot may call: send/edit/delete/fetch messages, typing, threads and channel lookup.
import { ChannelType, GatewayIntentBits, MessageFlags, MessageType, PermissionFlagsBits } from 'discord.js';
import type { APIThreadChannel, ChannelFlags, ThreadMemberFlags } from 'discord.js';
import type { FakeCore } from './core.ts';
import { DiscordHttpError, cannotEditOthersMessage, invalidFormBody, throwIfIssues } from './errors.ts';
import { memberPermissions } from './fixtures.ts';
import { snowflake } from './ids.ts';
import { THREAD_AUTO_ARCHIVE_DURATIONS, THREAD_NAME_MAX } from './limits.ts';
import { createMessage, editMessage } from './messages.ts';
import { NonceRegistry } from './nonces.ts';
import type { Route, RouteContext, RouteResult } from './rest-server.ts';
import { IssueList, isRecord } from './validate-common.ts';
import { assertNotEmpty, assertValidMessage } from './validate-message.ts';

const missingPermissions = (detail: string): DiscordHttpError =>
  new DiscordHttpError(403, { code: 50013, message: 'Missing Permissions' }, 'auth').because(detail);

export function channelRoutes(core: FakeCore): Route[] {
  const nonces = new NonceRegistry();
  return [
    { method: 'GET', pattern: '/channels/:channelId', auth: true, handle: (ctx) => ({ status: 200, body: channelBody(core, ctx.params.channelId ?? '') }) },
    { method: 'POST', pattern: '/channels/:channelId/typing', auth: true, handle: (ctx) => (core.textChannel(ctx.params.channelId ?? ''), { status: 204 }) },
    { method: 'POST', pattern: '/channels/:channelId/messages', auth: true, handle: (ctx) => postMessage(core, nonces, ctx) },
    { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => ({ status: 200, body: core.message(ctx.params.messageId ?? '', ctx.params.channelId).message }) },
    { method: 'PATCH', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => patchMessage(core, ctx) },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId', auth: true, handle: (ctx) => deleteMessage(core, ctx) },
    { method: 'POST', pattern: '/channels/:channelId/messages/:messageId/threads', auth: true, handle: (ctx) => startThread(core, ctx, ctx.params.messageId) },
    { method: 'POST', pattern: '/channels/:channelId/threads', auth: true, handle: (ctx) => startThread(core, ctx, undefined) },
  ];
}

function channelBody(core: FakeCore, id: string): unknown {
  const { channel, guildId } = core.channel(id);
  return { ...channel, guild_id: guildId };
}

function postMessage(core: FakeCore, nonces: NonceRegistry, ctx: RouteContext): RouteResult {
  const { channel, guildId } = core.textChannel(ctx.params.channelId ?? '');
  assertValidMessage(ctx.body, ctx.files, { mode: 'create' });
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
  const stored = core.message(ctx.params.messageId ?? '', ctx.params.channelId);
  if (stored.message.author.id !== core.botUser.id) throw cannotEditOthersMessage();
  assertValidMessage(ctx.body, ctx.files, { mode: 'edit', currentFlags: stored.message.flags ?? 0 });
  const next = editMessage(stored.message, isRecord(ctx.body) ? ctx.body : {}, ctx.files, core.users);
  assertNotEmpty(next as unknown as Record<string, unknown>);
  stored.message = next;
  ctx.after(() => core.echo('MESSAGE_UPDATE', stored));
  return { status: 200, body: next };
}

function deleteMessage(core: FakeCore, ctx: RouteContext): RouteResult {
  const stored = core.message(ctx.params.messageId ?? '', ctx.params.channelId);
  if (((stored.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) {
    throw new DiscordHttpError(404, { code: 10008, message: 'Unknown Message' }, 'not-found').because('ephemeral messages cannot be deleted through the channel');
  }
  if (stored.message.author.id !== core.botUser.id && !botCan(core, stored.guildId, PermissionFlagsBits.ManageMessages)) {
    throw missingPermissions("deleting someone else's message needs MANAGE_MESSAGES");
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
  const { channel, guildId } = core.textChannel(ctx.params.channelId ?? '');
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    throw invalidFormBody([{ path: [], code: 'CHANNEL_TYPE_INVALID', message: 'Threads can only be created in text or announcement channels.' }]);
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
  const now = new Date().toISOString();
  const type = starter ? (channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread) : body.type === ChannelType.PrivateThread ? ChannelType.PrivateThread : ChannelType.PublicThread;
  // Discord gives a thread started from a message that message's id.
  const id = starter?.message.id ?? snowflake();
  const thread = {
    id,
    type,
    guild_id: guildId,
    parent_id: channel.id,
    owner_id: core.botUser.id,
    name: String(body.name),
    last_message_id: null,
    rate_limit_per_user: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    applied_tags: [],
    thread_metadata: { archived: false, auto_archive_duration: (body.auto_archive_duration ?? 4320) as 60 | 1440 | 4320 | 10080, archive_timestamp: now, locked: false, create_timestamp: now },
    member: { id, user_id: core.botUser.id, join_timestamp: now, flags: 0 as ThreadMemberFlags },
  } as APIThreadChannel;
  core.threads.set(thread.id, thread);
  core.channels.set(thread.id, { channel: thread, guildId });
  if (starter) starter.message = { ...starter.message, flags: (starter.message.flags ?? 0) | MessageFlags.HasThread, thread };
  ctx.after(() =>
    core.gateway.dispatch('THREAD_CREATE', (intents: number) => ((intents & GatewayIntentBits.Guilds) !== 0 ? { ...thread, newly_created: true } : undefined)),
  );
  return { status: 201, body: thread };
}
