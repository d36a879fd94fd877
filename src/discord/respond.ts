// The one door out to Discord: every reply is fitted to the limits and pings nobody unless asked to.
import {
  MessageFlags,
  type CacheType,
  type InteractionReplyOptions,
  type Message,
  type ButtonInteraction,
  type StringSelectMenuInteraction,
  type MessageCreateOptions,
  type RepliableInteraction,
} from 'discord.js';
import { fitPayload } from './fit.ts';
import type { ReplyPayload } from './render/payload.ts';

/** Mentions are never parsed from text; only the user chosen with the `mention` option may be pinged. */
function allowedMentions(payload: ReplyPayload) {
  return { parse: [], users: payload.pingUserId ? [payload.pingUserId] : [], roles: [], repliedUser: false } as const;
}

/** Message fields, with empty values kept so an edit or update replaces what was there. */
function messageFields(payload: ReplyPayload) {
  const fitted = fitPayload(payload);
  return {
    content: fitted.content ?? '',
    embeds: fitted.embeds ?? [],
    components: fitted.components ?? [],
    allowedMentions: allowedMentions(payload),
  };
}

/** Reply to an interaction, or follow up if it was already acknowledged (deferred or answered). */
export async function reply(interaction: RepliableInteraction<CacheType>, payload: ReplyPayload, ephemeral: boolean): Promise<void> {
  const fields = messageFields(payload);
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred && !interaction.replied) {
    await interaction.editReply(fields);
  } else if (interaction.replied) {
    await interaction.followUp({ ...fields, flags } as InteractionReplyOptions);
  } else {
    await interaction.reply({ ...fields, flags } as InteractionReplyOptions);
  }
}

/**
 * Tell the user something went wrong, privately, without touching what was already shown: after a deferred
 * update, editing the reply would overwrite the public answer the button sits on.
 */
export async function apologize(interaction: RepliableInteraction<CacheType>, content: string): Promise<void> {
  const fields = messageFields({ content });
  if (interaction.deferred || interaction.replied) await interaction.followUp({ ...fields, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
  else await interaction.reply({ ...fields, flags: MessageFlags.Ephemeral } as InteractionReplyOptions);
}

/** Replace the message a button or menu sits on. */
export async function update(interaction: ButtonInteraction | StringSelectMenuInteraction, payload: ReplyPayload): Promise<void> {
  await interaction.update(messageFields(payload));
}

/** One reply per question: the nonce names the message answered, so a retried create cannot post twice. */
export function replyNonce(message: Message): string {
  return `re${message.id}`; // a snowflake has at most 20 digits; Discord allows 25 characters
}

/**
 * Answer a channel message as a reply to it, without pinging its author. Discord can create a message and still
 * fail the request (a 5xx or a dropped connection); with `enforceNonce` the retry returns that message.
 */
export async function replyToMessage(message: Message, payload: ReplyPayload): Promise<Message> {
  const fields = messageFields(payload);
  return message.reply({ ...fields, failIfNotExists: false, nonce: replyNonce(message), enforceNonce: true } as MessageCreateOptions & { failIfNotExists: boolean });
}
