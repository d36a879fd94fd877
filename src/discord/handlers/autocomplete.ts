// Autocomplete for fact and topic options: answered from memory, well inside Discord's 3-second window.
import type { AutocompleteInteraction } from 'discord.js';
import { completeFacts, completeTopics } from '../../search/autocomplete.ts';
import { DiscordLimits, truncate } from '../limits.ts';
import { localeLanguage, type BotContext, type Outcome } from './context.ts';

export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<Outcome> {
  const focused = interaction.options.getFocused(true);
  const language = localeLanguage(interaction.locale);
  const input = String(focused.value).slice(0, 200);
  const completions =
    focused.name === 'category'
      ? completeTopics(ctx.engine.kb, input, language, DiscordLimits.choices)
      : completeFacts(ctx.engine.kb, ctx.engine.index, input, language, DiscordLimits.choices);
  await interaction.respond(
    completions.slice(0, DiscordLimits.choices).map((c) => ({
      name: truncate(c.label, DiscordLimits.choiceName),
      value: c.id.slice(0, DiscordLimits.choiceValue),
    })),
  );
  return `choices:${completions.length}`;
}
