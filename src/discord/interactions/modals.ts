// Forms the bot opened: "what was wrong?" after a 👎.
import { ComponentType, type APIModalSubmitInteraction } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { MAX_STORED_COMMENT } from '../../store/records.ts';
import { decodeAction } from '../custom-ids.ts';
import { replyWith } from '../outgoing.ts';
import { localeLanguage, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { localeOf, userOf } from './who.ts';

/** The text typed in the form, whatever row it came in; a malformed payload reads as empty. */
function commentOf(interaction: APIModalSubmitInteraction): string {
  for (const row of interaction.data?.components ?? []) {
    for (const input of 'components' in row ? row.components : []) {
      if (input.type === ComponentType.TextInput && input.custom_id === 'comment' && typeof input.value === 'string') return input.value;
    }
  }
  return '';
}

export function handleModal(ctx: BotContext, interaction: APIModalSubmitInteraction): Handled {
  const t = messages(localeLanguage(localeOf(interaction)));
  const action = decodeAction(interaction.data?.custom_id ?? '');
  if (action?.kind !== 'comment' || !ctx.engine.kb.factsById.has(action.factId)) return { response: replyWith({ content: t.staleComponent }, true), outcome: 'stale-modal' };
  // Invisible and control characters out; the text itself is never logged.
  const comment = commentOf(interaction).replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_STORED_COMMENT);
  return {
    response: replyWith({ content: t.feedbackThanks }, true),
    outcome: comment ? 'feedback:comment' : 'feedback:no-comment',
    records: comment ? [{ kind: 'comment', record: { questionRef: action.ref ?? null, factId: action.factId, comment, at: Date.now(), userId: userOf(interaction).id } }] : [],
  };
}
