// Buttons and select menus under answers: sources, related facts, feedback, delete, picks and pages.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import { relatedFacts } from '../../answer/lookup.ts';
import { decodeAction } from '../custom-ids.ts';
import { renderFact } from '../render/answer.ts';
import { factPicker } from '../render/components.ts';
import { renderBibliography, renderFactSources } from '../render/sources.ts';
import { reply, update } from '../respond.ts';
import { localeLanguage, type BotContext, type Outcome } from './context.ts';

export async function handleComponent(ctx: BotContext, interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<Outcome> {
  const action = decodeAction(interaction.customId);
  const t = messages(action && 'language' in action ? action.language : localeLanguage(interaction.locale));
  const kb = ctx.engine.kb;
  // An id from an older version of the bot, or forged; a modified client could also send an id that is not on the
  // message (say, a delete button naming its own user under someone else's answer). Say so rather than act.
  if (!action || !interaction.component) {
    await reply(interaction, { content: t.staleComponent }, true);
    return 'stale-component';
  }

  switch (action.kind) {
    case 'sources': {
      const fact = ctx.engine.view(action.factId, action.language);
      await reply(interaction, fact ? renderFactSources(fact, action.language) : { content: t.factNotFound }, true);
      return `sources:${action.factId}`;
    }
    case 'related': {
      if (!kb.factsById.has(action.factId)) {
        await reply(interaction, { content: t.factNotFound }, true);
        return 'related-unknown';
      }
      const related = relatedFacts(ctx.engine, action.factId, action.language);
      const payload = related.length
        ? { components: factPicker(kb, related, action.language, { mode: 'update' }, t.relatedPlaceholder, 1) }
        : { content: t.noRelated };
      await reply(interaction, payload, true);
      return `related:${action.factId}`;
    }
    case 'feedback':
      // A vote on a fact that does not exist (removed since, or a forged id) would only pollute the feedback log.
      if (!kb.factsById.has(action.factId)) {
        await reply(interaction, { content: t.factNotFound }, true);
        return 'feedback-unknown';
      }
      ctx.logger.info({ event: 'feedback', vote: action.vote, factId: action.factId, userId: interaction.user.id }, 'answer feedback');
      await reply(interaction, { content: t.feedbackThanks }, true);
      return `feedback:${action.vote}`;
    case 'delete':
      if (interaction.user.id !== action.askerId) {
        await reply(interaction, { content: t.onlyAskerCanDelete }, true);
        return 'delete-denied';
      }
      await interaction.deferUpdate();
      await interaction.deleteReply();
      return 'deleted';
    case 'pick': {
      const factId = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
      const fact = factId ? ctx.engine.view(factId, action.language) : undefined;
      if (!fact) {
        await reply(interaction, { content: t.factNotFound }, true);
        return 'pick-unknown';
      }
      const payload = action.view === 'sources' ? renderFactSources(fact, action.language) : renderFact(fact, action.language, { askerId: interaction.user.id });
      if (action.mode === 'update') await update(interaction, payload);
      else await reply(interaction, payload, true);
      return `pick:${action.view}:${fact.id}`;
    }
    case 'bibliography':
      await update(interaction, renderBibliography(kb, action.page, action.language));
      return `bibliography:${action.page}`;
  }
}
