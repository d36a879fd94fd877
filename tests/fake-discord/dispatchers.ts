// Test-side events: slash commands, autocomplete, clicks, selections, modal submits and user messages sent to the bot.
import { ChannelType, MessageType } from 'discord.js';
import type { APIEmbed, APIMessage, APIThreadChannel, APIUser } from 'discord.js';
import { buttonData, modalData, selectData } from './component-lookup.ts';
import type { FakeCore } from './core.ts';
import type { FakeErrorKind } from './errors.ts';
import { type InteractionHandle, dispatchInteraction } from './interaction-handle.ts';
import {
  type AutocompleteInput,
  type InteractionTarget,
  type SlashCommandInput,
  autocompletePayload,
  chatInputPayload,
  componentAuthorization,
  componentPayload,
  modalAuthorization,
  modalSubmitPayload,
  resolvePlace,
} from './interaction-payloads.ts';
import { THREAD_NAME_MAX } from './limits.ts';
import { createMessage, editMessage } from './messages.ts';
import type { RecordedRequest, WaitableLog } from './recorder.ts';
import { newForumPost, newThread } from './threads.ts';

/** A message id, or anything with an `id` (APIMessage, discord.js Message). */
export type MessageRef = string | { id: string };

export interface MessageCreateInput {
  content: string;
  /** Default: `fake.defaultUser`; pass `fake.createUser({ bot: true })` for a bot author. */
  author?: APIUser;
  channelId?: string;
  guildId?: string;
  /** Users to mention; `<@id>` is prepended to the content when missing. */
  mentions?: APIUser[];
  embeds?: APIEmbed[];
  replyTo?: MessageRef;
  /** Posted by this webhook (Discord then sends no `member`); pass an author with `bot: true`, as Discord does. */
  webhookId?: string;
}

export interface DirectMessageInput {
  content: string;
  /** Default: `fake.defaultUser`. The DM channel between this user and the bot is opened on first use. */
  author?: APIUser;
  embeds?: APIEmbed[];
  replyTo?: MessageRef;
}

export interface CreateThreadInput {
  /** A guild text (or announcement) channel; default: the first guild's first text channel. */
  channelId?: string;
  name: string;
  /** Default: `fake.defaultUser`; becomes the thread's `owner_id`. */
  author?: APIUser;
}

export interface ForumPostInput {
  /** A forum channel (`type: 'forum'`). */
  channelId: string;
  /** The post's title: the thread's name. */
  title: string;
  /** The post's first message. */
  content: string;
  /** Default: `fake.defaultUser`. */
  author?: APIUser;
  /** Users to mention; `<@id>` is prepended to the content when missing. */
  mentions?: APIUser[];
  embeds?: APIEmbed[];
}

export interface MessageUpdateInput {
  message: MessageRef;
  /** The edited text, as its author typed it. */
  content: string;
}

export interface ButtonInput extends InteractionTarget {
  customId: string;
  message: MessageRef;
}

export interface SelectMenuInput extends ButtonInput {
  values: string[];
}

export interface ModalSubmitInput extends InteractionTarget {
  /** The interaction the bot answered with a modal (callback type 9). */
  from: InteractionHandle;
  /** Text-input custom_id → typed text (select custom_id → values). */
  fields: Record<string, string | string[]>;
}

export interface DispatchContext {
  core: FakeCore;
  log: WaitableLog<RecordedRequest>;
  error: (kind: FakeErrorKind, message: string) => void;
  defaultUser: APIUser;
}

export function refId(ref: MessageRef): string {
  return typeof ref === 'string' ? ref : ref.id;
}

export function slashCommand(ctx: DispatchContext, input: SlashCommandInput): InteractionHandle {
  const place = resolvePlace(ctx.core, input, ctx.defaultUser);
  const { payload, label } = chatInputPayload(ctx.core, input, place);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, label);
}

export function autocomplete(ctx: DispatchContext, input: AutocompleteInput): InteractionHandle {
  const place = resolvePlace(ctx.core, input, ctx.defaultUser);
  const { payload, label } = autocompletePayload(ctx.core, input, place);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, label);
}

export function button(ctx: DispatchContext, input: ButtonInput): InteractionHandle {
  const stored = ctx.core.message(refId(input.message));
  const label = `button ${input.customId}`;
  const place = resolvePlace(ctx.core, input, ctx.defaultUser, stored.message.channel_id);
  const auth = componentAuthorization(place, stored, input.installation, label);
  const payload = componentPayload(ctx.core, place, stored, buttonData(stored, input.customId), auth);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, label, { sourceMessageId: stored.message.id });
}

export function selectMenu(ctx: DispatchContext, input: SelectMenuInput): InteractionHandle {
  const stored = ctx.core.message(refId(input.message));
  const label = `select ${input.customId}`;
  const place = resolvePlace(ctx.core, input, ctx.defaultUser, stored.message.channel_id);
  const auth = componentAuthorization(place, stored, input.installation, label);
  const payload = componentPayload(ctx.core, place, stored, selectData(stored, input.customId, input.values), auth);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, label, { sourceMessageId: stored.message.id });
}

export function modalSubmit(ctx: DispatchContext, input: ModalSubmitInput): InteractionHandle {
  const parent = input.from.state;
  if (parent.callback?.type !== 9) throw new Error(`fake-discord: ${parent.label} was not answered with a modal`);
  const modal = (parent.callback.body as { data: Record<string, unknown> }).data;
  const user = input.user ?? parent.payload.member?.user ?? parent.payload.user ?? ctx.defaultUser;
  const label = `modal ${String(modal.custom_id)}`;
  const place = resolvePlace(ctx.core, { ...input, user }, ctx.defaultUser, parent.channelId);
  const auth = modalAuthorization(parent.payload, input.installation, label);
  const source = parent.sourceMessageId ? ctx.core.messages.get(parent.sourceMessageId)?.message : undefined;
  const payload = modalSubmitPayload(ctx.core, place, modalData(modal, input.fields), source, auth);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, label, {
    parentId: parent.id,
    modalFromComponent: parent.type === 3,
    ...(parent.sourceMessageId ? { sourceMessageId: parent.sourceMessageId } : {}),
  });
}

function assertConnected(core: FakeCore): void {
  if (core.gateway.liveSessions().length === 0) throw new Error('fake-discord: no bot session is connected; log the client in first');
}

/** Prepends `<@id>` for each mentioned user missing from the text (and makes the users known). */
function withMentions(core: FakeCore, content: string, mentions: APIUser[] | undefined): string {
  for (const user of mentions ?? []) {
    core.users.set(user.id, user);
    if (!new RegExp(`<@!?${user.id}>`).test(content)) content = `<@${user.id}> ${content}`;
  }
  return content;
}

/** A user posts in a guild text channel, a thread, or (given its id) their DM with the bot. */
export function messageCreate(ctx: DispatchContext, input: MessageCreateInput): APIMessage {
  const { core } = ctx;
  assertConnected(core);
  const author = input.author ?? ctx.defaultUser;
  const place = resolvePlace(core, { user: author, ...(input.guildId ? { guildId: input.guildId } : {}) }, ctx.defaultUser, input.channelId);
  const content = withMentions(core, input.content, input.mentions);
  const channelId = place.channel.channel.id;
  const referenced = input.replyTo ? core.message(refId(input.replyTo), channelId).message : undefined;
  const message = createMessage({
    channelId,
    author,
    body: { content, embeds: input.embeds ?? [] },
    files: [],
    type: referenced ? MessageType.Reply : MessageType.Default,
    users: core.users,
    ...(referenced ? { referenced } : {}),
    ...(input.webhookId ? { webhookId: input.webhookId } : {}),
  });
  core.echo('MESSAGE_CREATE', core.store(message, place.guild?.id));
  return message;
}

/** A user writes to the bot in their DM: MESSAGE_CREATE (no guild_id) to sessions with DIRECT_MESSAGES. */
export function directMessage(ctx: DispatchContext, input: DirectMessageInput): APIMessage {
  const author = input.author ?? ctx.defaultUser;
  if (author.id === ctx.core.botUser.id) throw new Error('fake-discord: the bot does not DM itself; let the bot POST to the DM channel instead');
  const dm = ctx.core.dmChannel(author);
  return messageCreate(ctx, { content: input.content, author, channelId: dm.id, ...(input.embeds ? { embeds: input.embeds } : {}), ...(input.replyTo ? { replyTo: input.replyTo } : {}) });
}

function assertThreadName(name: string): void {
  if (name.length < 1 || name.length > THREAD_NAME_MAX) throw new Error(`fake-discord: a thread name is 1-${THREAD_NAME_MAX} characters, got ${name.length}`);
}

/** A user starts a public thread in a text channel (no starter message): THREAD_CREATE with `newly_created`. */
export function createThread(ctx: DispatchContext, input: CreateThreadInput): APIThreadChannel {
  const { core } = ctx;
  const author = input.author ?? ctx.defaultUser;
  assertThreadName(input.name);
  const place = resolvePlace(core, { user: author }, ctx.defaultUser, input.channelId);
  const parent = place.channel;
  if (parent.channel.type !== ChannelType.GuildText && parent.channel.type !== ChannelType.GuildAnnouncement) {
    throw new Error(`fake-discord: threads start in a text or announcement channel, not in channel ${parent.channel.id} (type ${parent.channel.type}); use forumPost for a forum`);
  }
  const type = parent.channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
  const thread = newThread(core, { type, parent, owner: author, name: input.name });
  core.dispatchThreadCreate(thread, true);
  return thread;
}

/**
 * A user creates a forum post: THREAD_CREATE (`newly_created`), then MESSAGE_CREATE of its starter message, which
 * has the thread's id.
 */
export function forumPost(ctx: DispatchContext, input: ForumPostInput): { thread: APIThreadChannel; message: APIMessage } {
  const { core } = ctx;
  assertConnected(core);
  const forum = core.channel(input.channelId);
  if (forum.channel.type !== ChannelType.GuildForum || !forum.guildId) throw new Error(`fake-discord: channel ${input.channelId} is not a forum channel`);
  assertThreadName(input.title);
  const author = input.author ?? ctx.defaultUser;
  core.ensureMember(author, forum.guildId);
  const content = withMentions(core, input.content, input.mentions);
  const { thread, stored } = newForumPost(core, forum, author, input.title, { content, embeds: input.embeds ?? [] }, []);
  core.dispatchThreadCreate(thread, true);
  core.echo('MESSAGE_CREATE', stored);
  return { thread, message: stored.message };
}

/** A user edits their message: stored and echoed as MESSAGE_UPDATE, like the bot's own edits. */
export function messageUpdate(ctx: DispatchContext, input: MessageUpdateInput): APIMessage {
  const stored = ctx.core.message(refId(input.message));
  stored.message = editMessage(stored.message, { content: input.content }, [], ctx.core.users);
  ctx.core.echo('MESSAGE_UPDATE', stored);
  return stored.message;
}
