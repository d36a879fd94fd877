// Autocomplete for fact, reference and topic options: answered from memory, well inside Discord's 3 seconds.
import type { APIApplicationCommandAutocompleteInteraction } from 'discord.js';
import { messages } from '../../i18n/messages.ts';
import type { Language } from '../../knowledge/schema.ts';
import { completeFacts, completeReferences, completeTopics, type Completion } from '../../search/autocomplete.ts';
import { DiscordLimits } from '../limits.ts';
import { choicesWith } from '../outgoing.ts';
import { localeLanguage, type BotContext } from './context.ts';
import type { Handled } from './handled.ts';
import { focusedOption, readCall } from './options.ts';
import { localeOf } from './who.ts';

/** "dom0_mem — hypervisor boot option": one choice per entry, under the name that matched. */
function referenceChoices(ctx: BotContext, text: string, language: Language): Completion[] {
  const t = messages(language);
  const seen = new Set<string>();
  return completeReferences(ctx.engine.kb, ctx.engine.index, text, DiscordLimits.choices * 2)
    .filter((c) => !seen.has(c.id) && seen.add(c.id))
    .slice(0, DiscordLimits.choices)
    .map((c) => ({ id: c.id, label: `${c.kind === 'xl-command' ? `xl ${c.name}` : c.name} — ${t.refKind[c.kind]}` }));
}

export function handleAutocomplete(ctx: BotContext, interaction: APIApplicationCommandAutocompleteInteraction): Handled {
  // A partial payload (nothing focused, no value, no subcommand) reads as an empty fact field.
  const call = readCall(interaction.data ?? {});
  const focused = focusedOption(call);
  const language = localeLanguage(localeOf(interaction));
  const completions =
    focused.name === 'category'
      ? completeTopics(ctx.engine.kb, focused.text, language, DiscordLimits.choices)
      : call.subcommand === 'ref'
        ? referenceChoices(ctx, focused.text, language)
        : completeFacts(ctx.engine.kb, ctx.engine.index, focused.text, language, DiscordLimits.choices);
  return { response: choicesWith(completions.map((c) => ({ name: c.label, value: c.id }))), outcome: `choices:${completions.length}` };
}
