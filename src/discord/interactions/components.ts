// Buttons and select menus under answers: sources, related facts, feedback, delete, picks and pages.
import { ComponentType, TextInputStyle, type APIMessageComponentInteraction } from 'discord.js';
import { relatedFacts } from '../../answer/lookup.ts';
import { messages } from '../../i18n/messages.ts';
import { MAX_STORED_COMMENT } from '../../store/records.ts';
import { decodeAction } from '../custom-ids.ts';
import { encodeAction } from '../custom-ids.ts';
import { deferUpdate, modalWith, replyWith, updateWith } from '../outgoing.ts';
import { renderFact } from '../render/answer.ts';
import { factPicker } from '../render/components.ts';
import { renderBibliography, renderFactSources } from '../render/sources.ts';
import { localeLanguage, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { localeOf, userOf } from './who.ts';

/** The custom ids of the buttons and menus on a message, to check a click against what was really shown. */
function idsOn(interaction: APIMessageComponentInteraction): Set<string> {
  const ids = new Set<string>();
  for (const row of interaction.message?.components ?? []) {
    for (const component of 'components' in row ? row.components : []) {
      if ('custom_id' in component && typeof component.custom_id === 'string') ids.add(component.custom_id);
    }
  }
  return ids;
}

export function handleComponent(ctx: BotContext, interaction: APIMessageComponentInteraction): Handled {
  const customId = interaction.data?.custom_id ?? '';
  const action = decodeAction(customId);
  const t = messages(action && 'language' in action ? action.language : localeLanguage(localeOf(interaction)));
  const kb = ctx.engine.kb;
  const user = userOf(interaction);
  const reply = (outcome: string, ...rest: Parameters<typeof replyWith>): Handled => ({ response: replyWith(...rest), outcome });
  // An id from an older version of the bot, or forged; a modified client could also send an id that is not on the
  // message (say, a delete button naming its own user under someone else's answer). Say so rather than act.
  if (!action || !idsOn(interaction).has(customId)) return reply('stale-component', { content: t.staleComponent }, true);

  switch (action.kind) {
    case 'sources': {
      const fact = ctx.engine.view(action.factId, action.language);
      return reply(`sources:${action.factId}`, fact ? renderFactSources(fact, action.language) : { content: t.factNotFound }, true);
    }
    case 'related': {
      if (!kb.factsById.has(action.factId)) return reply('related-unknown', { content: t.factNotFound }, true);
      const related = relatedFacts(ctx.engine, action.factId, action.language);
      const payload = related.length
        ? { components: factPicker(kb, related, action.language, { mode: 'update', via: 'related', ref: action.ref }, t.relatedPlaceholder, 1) }
        : { content: t.noRelated };
      return reply(`related:${action.factId}`, payload, true);
    }
    case 'feedback': {
      // A vote on a fact that does not exist (removed since, or a forged id) would only pollute the feedback.
      if (!kb.factsById.has(action.factId)) return reply('feedback-unknown', { content: t.factNotFound }, true);
      const record = { questionRef: action.ref ?? null, factId: action.factId, vote: action.vote === 'up' ? (1 as const) : (-1 as const), comment: null, at: Date.now(), userId: user.id };
      ctx.logger.info({ event: 'feedback', vote: action.vote, factId: action.factId }, 'answer feedback');
      if (action.vote === 'up') return { ...reply('feedback:up', { content: t.feedbackThanks }, true), records: [{ kind: 'feedback', record }] };
      // 👎 counts at once; the form that opens lets the user say what was wrong (and can be dismissed).
      return {
        response: modalWith({
          custom_id: encodeAction({ kind: 'comment', factId: action.factId, ref: action.ref }),
          title: t.whatWasWrongTitle,
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.TextInput, custom_id: 'comment', style: TextInputStyle.Paragraph, label: t.whatWasWrongLabel, placeholder: t.whatWasWrongPlaceholder, required: false, max_length: MAX_STORED_COMMENT },
              ],
            },
          ],
        }),
        outcome: 'feedback:down',
        records: [{ kind: 'feedback', record }],
      };
    }
    case 'delete':
      if (user.id !== action.askerId) return reply('delete-denied', { content: t.onlyAskerCanDelete }, true);
      return { response: deferUpdate, outcome: 'deleted', followUps: [{ kind: 'delete-original' }] };
    case 'pick': {
      const factId = interaction.data.component_type === ComponentType.StringSelect ? interaction.data.values[0] : undefined;
      const fact = factId ? ctx.engine.view(factId, action.language) : undefined;
      if (!fact) return reply('pick-unknown', { content: t.factNotFound }, true);
      const payload = action.view === 'sources' ? renderFactSources(fact, action.language) : renderFact(fact, action.language, { askerId: user.id, ref: action.ref });
      const records = action.via ? [{ kind: 'pick' as const, record: { questionRef: action.ref ?? null, factId: fact.id, via: action.via, at: Date.now(), userId: user.id } }] : [];
      return { response: action.mode === 'update' ? updateWith(payload) : replyWith(payload, true), outcome: `pick:${action.view}:${fact.id}`, records };
    }
    case 'bibliography':
      return { response: updateWith(renderBibliography(kb, action.page, action.language)), outcome: `bibliography:${action.page}` };
    case 'comment':
      return reply('stale-component', { content: t.staleComponent }, true); // a modal id is never a button's
  }
}
