// Test-side events: slash commands, autocomplete, clicks, selections, modal submits and user messages sent to the bot.
import { MessageType } from 'discord.js';
import type { APIEmbed, APIMessage, APIUser } from 'discord.js';
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
  componentPayload,
  modalSubmitPayload,
  resolvePlace,
} from './interaction-payloads.ts';
import { createMessage, editMessage } from './messages.ts';
import type { RecordedRequest, WaitableLog } from './recorder.ts';

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
  const place = resolvePlace(ctx.core, input, ctx.defaultUser, stored.message.channel_id);
  const payload = componentPayload(ctx.core, place, stored, buttonData(stored, input.customId));
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, `button ${input.customId}`, { sourceMessageId: stored.message.id });
}

export function selectMenu(ctx: DispatchContext, input: SelectMenuInput): InteractionHandle {
  const stored = ctx.core.message(refId(input.message));
  const place = resolvePlace(ctx.core, input, ctx.defaultUser, stored.message.channel_id);
  const payload = componentPayload(ctx.core, place, stored, selectData(stored, input.customId, input.values));
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, `select ${input.customId}`, { sourceMessageId: stored.message.id });
}

export function modalSubmit(ctx: DispatchContext, input: ModalSubmitInput): InteractionHandle {
  const parent = input.from.state;
  if (parent.callback?.type !== 9) throw new Error(`fake-discord: ${parent.label} was not answered with a modal`);
  const modal = (parent.callback.body as { data: Record<string, unknown> }).data;
  const user = input.user ?? parent.payload.member?.user ?? ctx.defaultUser;
  const place = resolvePlace(ctx.core, { ...input, user }, ctx.defaultUser, parent.channelId);
  const source = parent.sourceMessageId ? ctx.core.messages.get(parent.sourceMessageId)?.message : undefined;
  const payload = modalSubmitPayload(ctx.core, place, modalData(modal, input.fields), source);
  return dispatchInteraction(ctx.core, ctx.log, ctx.error, payload, `modal ${String(modal.custom_id)}`, {
    parentId: parent.id,
    modalFromComponent: parent.type === 3,
    ...(parent.sourceMessageId ? { sourceMessageId: parent.sourceMessageId } : {}),
  });
}

export function messageCreate(ctx: DispatchContext, input: MessageCreateInput): APIMessage {
  const { core } = ctx;
  if (core.gateway.liveSessions().length === 0) throw new Error('fake-discord: no bot session is connected; log the client in first');
  const author = input.author ?? ctx.defaultUser;
  const place = resolvePlace(core, { user: author, ...(input.guildId ? { guildId: input.guildId } : {}) }, ctx.defaultUser, input.channelId);
  let content = input.content;
  for (const user of input.mentions ?? []) {
    core.users.set(user.id, user);
    if (!new RegExp(`<@!?${user.id}>`).test(content)) content = `<@${user.id}> ${content}`;
  }
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
  core.echo('MESSAGE_CREATE', core.store(message, place.guild.id));
  return message;
}

/** A user edits their message: stored and echoed as MESSAGE_UPDATE, like the bot's own edits. */
export function messageUpdate(ctx: DispatchContext, input: MessageUpdateInput): APIMessage {
  const stored = ctx.core.message(refId(input.message));
  stored.message = editMessage(stored.message, { content: input.content }, [], ctx.core.users);
  ctx.core.echo('MESSAGE_UPDATE', stored);
  return stored.message;
}
