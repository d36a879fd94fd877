// Interaction callback and interaction-webhook routes (reply, defer, update, autocomplete, modal, follow-ups, @original).
import { MessageFlags, MessageType } from 'discord.js';
import type { APIMessageInteractionMetadata, RESTPostAPIInteractionCallbackWithResponseResult } from 'discord.js';
import type { FakeCore, InteractionState } from './core.ts';
import { alreadyAcknowledged, invalidWebhookToken, maxFollowUps, throwIfIssues, unknownInteraction, unknownMessage, unknownWebhook } from './errors.ts';
import { INTERACTION_TOKEN_TTL_MS, MESSAGE_FLAGS_MAX, USER_INSTALL_FOLLOW_UPS_MAX } from './limits.ts';
import { type StoredMessage, createMessage, editMessage } from './messages.ts';
import type { Route, RouteContext, RouteResult } from './rest-server.ts';
import { IssueList, isRecord } from './validate-common.ts';
import { allowedCallbackTypes, assertCallbackType, assertValidAutocomplete, assertValidModal } from './validate-interaction.ts';
import { assertNotEmpty, assertValidMessage, type UploadedFile } from './validate-message.ts';

/** Route pattern of the initial response, as recorded in `RecordedRequest.route`. */
export const CALLBACK_ROUTE = 'POST /interactions/:interactionId/:token/callback';
const LOADING = MessageFlags.Loading;

export function interactionRoutes(core: FakeCore): Route[] {
  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:token/callback', auth: false, handle: (ctx) => callback(core, ctx) },
    { method: 'POST', pattern: '/webhooks/:applicationId/:token', auth: false, handle: (ctx) => followUp(core, ctx) },
    { method: 'GET', pattern: '/webhooks/:applicationId/:token/messages/:messageId', auth: false, handle: (ctx) => ({ status: 200, body: resolve(core, ctx).message }) },
    { method: 'PATCH', pattern: '/webhooks/:applicationId/:token/messages/:messageId', auth: false, handle: (ctx) => editOriginal(core, ctx) },
    { method: 'DELETE', pattern: '/webhooks/:applicationId/:token/messages/:messageId', auth: false, handle: (ctx) => deleteOriginal(core, ctx) },
  ];
}

function callback(core: FakeCore, ctx: RouteContext): RouteResult {
  const it = core.interactions.get(ctx.params.interactionId ?? '');
  if (!it || it.token !== ctx.params.token) throw unknownInteraction().because('no interaction with this id and token');
  ctx.tag.interactionId = it.id;
  const { type, message } = acceptInitialResponse(core, it, ctx.body, ctx.files, ctx.after);
  if (ctx.query.get('with_response') !== 'true') return { status: 204 };
  const body: RESTPostAPIInteractionCallbackWithResponseResult = { interaction: { id: it.id, type: it.type } };
  if (message && type !== 6) {
    const flags = message.message.flags ?? 0;
    Object.assign(body.interaction, {
      response_message_id: message.message.id,
      response_message_loading: (flags & LOADING) !== 0,
      response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
    });
    body.resource = { type, message: message.message };
  }
  return { status: 200, body };
}

/**
 * Takes `body` as the initial response of `it`, whether it came through the callback route or as the answer of an
 * interactions endpoint: one per interaction, within the window, valid for the interaction's type. Throws the
 * DiscordHttpError Discord would answer; on success the message it created or updated is `@original`, and the gateway
 * echo is queued with `after` (it runs once the answer is written).
 */
export function acceptInitialResponse(
  core: FakeCore,
  it: InteractionState,
  body: unknown,
  files: UploadedFile[],
  after: (fn: () => void) => void,
): { type: number; message: StoredMessage | undefined } {
  if (it.callback) throw alreadyAcknowledged().because(`${it.label} was already answered with callback type ${it.callback.type}`);
  const age = Date.now() - it.createdAt;
  const window = core.options.interactionWindowMs;
  if (age > window) throw unknownInteraction().because(`${it.label} answered after ${age}ms; Discord only accepts the initial response within ${window}ms`);
  const type = assertCallbackType(body, allowedCallbackTypes(it.type, it.modalFromComponent === true));
  const data = (body as Record<string, unknown>).data;
  let message: StoredMessage | undefined;
  let created = false;
  if (type === 4) {
    assertValidMessage(data, files, { mode: 'create', prefix: ['data'] });
    message = newMessage(core, it, data as Record<string, unknown>, files, 0);
    created = true;
  } else if (type === 5) {
    const issues = new IssueList();
    const d = issues.object([], data);
    if (d) issues.integer(['flags'], d.flags, 0, MESSAGE_FLAGS_MAX);
    throwIfIssues(issues.items, ['data']);
    message = newMessage(core, it, { flags: Number(d?.flags ?? 0) & MessageFlags.Ephemeral }, [], LOADING);
    created = true;
  } else if (type === 6 || type === 7) {
    message = core.message(it.sourceMessageId ?? '');
    if (type === 7) {
      assertValidMessage(data, files, { mode: 'edit', prefix: ['data'], currentFlags: message.message.flags ?? 0 });
      const next = editMessage(message.message, isRecord(data) ? data : {}, files, core.users);
      assertNotEmpty(next as unknown as Record<string, unknown>);
      message.message = next;
    }
  } else if (type === 8) {
    assertValidAutocomplete(data);
  } else if (type === 9) {
    assertValidModal(data);
  }
  it.callback = { type, at: Date.now(), body };
  clearTimeout(it.timer);
  if (message) {
    it.originalMessageId = message.message.id;
    if (created) it.messageIds.push(message.message.id);
    const stored = message;
    if (type !== 6) after(() => core.echo(created ? 'MESSAGE_CREATE' : 'MESSAGE_UPDATE', stored));
  }
  return { type, message };
}

function newMessage(core: FakeCore, it: InteractionState, body: Record<string, unknown>, files: UploadedFile[], extraFlags: number): StoredMessage {
  const message = createMessage({
    channelId: it.channelId,
    author: core.botUser,
    body,
    files,
    type: it.type === 2 ? MessageType.ChatInputCommand : MessageType.Default,
    users: core.users,
    webhookId: core.applicationId,
    applicationId: core.applicationId,
    interactionMetadata: metadata(core, it),
    extraFlags,
  });
  return core.store(message, it.guildId, it.id);
}

function metadata(core: FakeCore, it: InteractionState): APIMessageInteractionMetadata {
  const user = it.payload.member?.user ?? it.payload.user ?? core.botUser;
  const base = { id: it.id, user, authorizing_integration_owners: it.payload.authorizing_integration_owners };
  if (it.type === 3) return { ...base, type: 3, interacted_message_id: it.sourceMessageId ?? '' };
  if (it.type === 5) {
    const parent = core.interactions.get(it.parentId ?? '');
    const trigger = parent && parent.type === 3
      ? { ...base, id: parent.id, type: 3 as const, interacted_message_id: parent.sourceMessageId ?? '' }
      : { ...base, id: parent?.id ?? it.id, type: 2 as const };
    return { ...base, type: 5, triggering_interaction_metadata: trigger };
  }
  return { ...base, type: 2 };
}

/** Interaction webhooks are addressed by application id + interaction token. */
function webhookInteraction(core: FakeCore, ctx: RouteContext): InteractionState {
  if (ctx.params.applicationId !== core.applicationId) throw unknownWebhook().because(`webhook id ${String(ctx.params.applicationId)} is not the application id`);
  const it = core.interactionByToken(ctx.params.token ?? '');
  if (!it) throw invalidWebhookToken().because('no interaction has this token');
  ctx.tag.interactionId = it.id;
  if (Date.now() - it.createdAt > INTERACTION_TOKEN_TTL_MS) throw invalidWebhookToken().because('interaction token expired (15 minutes)');
  return it;
}

function followUp(core: FakeCore, ctx: RouteContext): RouteResult {
  const it = webhookInteraction(core, ctx);
  if (!it.callback || it.type === 4) {
    throw unknownWebhook().because(it.type === 4 ? 'autocomplete interactions have no follow-ups' : `follow-up for ${it.label} sent before the initial response`);
  }
  assertValidMessage(ctx.body, ctx.files, { mode: 'create' });
  // Only through a user's installation, without the app installed in the guild: at most 5 follow-ups.
  const owners = it.payload.authorizing_integration_owners as Record<string, string> | undefined;
  if (owners && owners['0'] === undefined && (it.followUps ?? 0) >= USER_INSTALL_FOLLOW_UPS_MAX) {
    throw maxFollowUps().because(`${it.label} came only through a user installation, which allows ${USER_INSTALL_FOLLOW_UPS_MAX} follow-ups`);
  }
  it.followUps = (it.followUps ?? 0) + 1;
  const body = ctx.body as Record<string, unknown>;
  const original = it.originalMessageId ? core.messages.get(it.originalMessageId) : undefined;
  let stored: StoredMessage;
  if (it.callback.type === 5 && original && !original.deleted && ((original.message.flags ?? 0) & LOADING) !== 0) {
    // The first follow-up after a deferred reply replaces the "thinking…" message instead of adding one.
    const next = editMessage(original.message, body, ctx.files, core.users);
    next.flags = (next.flags ?? 0) & ~LOADING;
    original.message = next;
    stored = original;
    ctx.after(() => core.echo('MESSAGE_UPDATE', original));
  } else {
    stored = newMessage(core, it, body, ctx.files, 0);
    it.messageIds.push(stored.message.id);
    ctx.after(() => core.echo('MESSAGE_CREATE', stored));
  }
  return ctx.query.get('wait') === 'true' ? { status: 200, body: stored.message } : { status: 204 };
}

function resolve(core: FakeCore, ctx: RouteContext): StoredMessage {
  const it = webhookInteraction(core, ctx);
  const ref = ctx.params.messageId ?? '';
  if (!it.callback) throw unknownMessage().because(`${ref} of ${it.label} requested before the initial response`);
  const id = ref === '@original' ? it.originalMessageId : ref;
  if (!id || (id !== it.originalMessageId && !it.messageIds.includes(id))) {
    throw unknownMessage().because(`${ref} is not a message of ${it.label} (callback type ${it.callback.type})`);
  }
  return core.message(id);
}

function editOriginal(core: FakeCore, ctx: RouteContext): RouteResult {
  const stored = resolve(core, ctx);
  assertValidMessage(ctx.body, ctx.files, { mode: 'edit', currentFlags: stored.message.flags ?? 0 });
  const next = editMessage(stored.message, isRecord(ctx.body) ? ctx.body : {}, ctx.files, core.users);
  next.flags = (next.flags ?? 0) & ~LOADING;
  assertNotEmpty(next as unknown as Record<string, unknown>);
  stored.message = next;
  ctx.after(() => core.echo('MESSAGE_UPDATE', stored));
  return { status: 200, body: next };
}

function deleteOriginal(core: FakeCore, ctx: RouteContext): RouteResult {
  const stored = resolve(core, ctx);
  stored.deleted = true;
  ctx.after(() => core.echoDelete(stored));
  return { status: 204 };
}
