// Autocomplete for fact and topic options: answered from memory, well inside Discord's 3-second window.
import type { AutocompleteInteraction } from 'discord.js';
import { completeFacts, completeTopics } from '../../search/autocomplete.ts';
import { DiscordLimits, truncate } from '../limits.ts';
import { localeLanguage, type BotContext, type Outcome } from './context.ts';

/** The option being typed; a malformed payload (none focused, no value) reads as an empty fact field. */
function focusedOption(interaction: AutocompleteInteraction): { name: string; text: string } {
  let focused: { name: string; value: unknown } | undefined;
  try {
    focused = interaction.options.getFocused(true);
  } catch {
    focused = undefined; // discord.js throws when no option is focused
  }
  const value = focused?.value;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return { name: focused?.name ?? '', text: text.slice(0, 200) };
}

export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<Outcome> {
  const focused = focusedOption(interaction);
  const language = localeLanguage(interaction.locale);
  const completions =
    focused.name === 'category'
      ? completeTopics(ctx.engine.kb, focused.text, language, DiscordLimits.choices)
      : completeFacts(ctx.engine.kb, ctx.engine.index, focused.text, language, DiscordLimits.choices);
  await interaction.respond(
    completions.slice(0, DiscordLimits.choices).map((c) => ({
      name: truncate(c.label, DiscordLimits.choiceName),
      value: c.id.slice(0, DiscordLimits.choiceValue),
    })),
  );
  return `choices:${completions.length}`;
}
