// The one door out to Discord: every message, interaction response and channel reply is built here, fitted to
// Discord's limits and pinging nobody unless the asker chose someone with the `mention` option.
import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { fitPayload } from './fit.ts';
import { DiscordLimits, truncate } from './limits.ts';
import type { ReplyPayload } from './render/payload.ts';

/** Mentions are never parsed from text; only the user chosen with the `mention` option may be pinged. */
function allowedMentions(payload: ReplyPayload) {
  return { parse: [], users: payload.pingUserId ? [payload.pingUserId] : [], roles: [], replied_user: false };
}

/** A message as Discord's API takes it, with empty fields kept so that an update replaces what was there. */
export function apiMessage(payload: ReplyPayload): APIInteractionResponseCallbackData {
  const fitted = fitPayload(payload);
  return {
    content: fitted.content ?? '',
    embeds: fitted.embeds ?? [],
    components: fitted.components ?? [],
    allowed_mentions: allowedMentions(payload),
  };
}

/** The first response to a command or component: a new message, private to the user when `ephemeral`. */
export function replyWith(payload: ReplyPayload, ephemeral: boolean): APIInteractionResponse {
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...apiMessage(payload), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) },
  };
}

/** Replace the message a button or menu sits on. */
export function updateWith(payload: ReplyPayload): APIInteractionResponse {
  return { type: InteractionResponseType.UpdateMessage, data: apiMessage(payload) };
}

/** Acknowledge a click without changing its message yet (a later REST call does the rest). */
export const deferUpdate: APIInteractionResponse = { type: InteractionResponseType.DeferredMessageUpdate };

export function choicesWith(choices: ReadonlyArray<{ name: string; value: string }>): APIInteractionResponse {
  const fitted: APIApplicationCommandOptionChoice[] = choices.slice(0, DiscordLimits.choices).map((c) => ({
    name: truncate(c.name, DiscordLimits.choiceName) || '…',
    value: c.value.slice(0, DiscordLimits.choiceValue),
  }));
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: fitted } };
}

export function modalWith(modal: APIModalInteractionResponseCallbackData): APIInteractionResponse {
  return { type: InteractionResponseType.Modal, data: modal };
}

/** One reply per question: the nonce names the message answered, so a retried create cannot post twice. */
export function replyNonce(messageId: string): string {
  return `re${messageId}`; // a snowflake has at most 20 digits; Discord allows 25 characters
}

/**
 * A reply to a channel message, pointing at it without pinging its author. Discord can create a message and still
 * fail the request (a 5xx or a dropped connection); with `enforce_nonce` the retry returns that message instead.
 */
export function channelReply(payload: ReplyPayload, messageId: string) {
  return {
    ...apiMessage(payload),
    message_reference: { message_id: messageId, fail_if_not_exists: false },
    nonce: replyNonce(messageId),
    enforce_nonce: true,
  };
}
