// Buttons and select menus shared by several replies.
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APISelectMenuOption } from 'discord.js';
import type { FactView, Suggestion } from '../../answer/types.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import type { Language } from '../../knowledge/schema.ts';
import { messages } from '../../i18n/messages.ts';
import { encodeAction, type ComponentAction, type PickMode, type PickView } from '../custom-ids.ts';
import { DiscordLimits, truncate } from '../limits.ts';
import type { PickVia } from '../../store/records.ts';
import type { ActionRow } from './payload.ts';

type CustomIdStyle = APIButtonComponentWithCustomId['style'];

const button = (action: ComponentAction, label: string, style: CustomIdStyle, emoji?: string, disabled = false): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  custom_id: encodeAction(action),
  label: truncate(label, DiscordLimits.buttonLabel),
  style,
  ...(emoji ? { emoji: { name: emoji } } : {}),
  disabled,
});

/**
 * Sources, Related, 👍, 👎 and (when the asker is known) 🗑️ under an answer. `ref` ties the votes and Related picks
 * to the question in the store.
 */
export function answerButtons(fact: FactView, language: Language, askerId: string | undefined, ref?: string): ActionRow {
  const t = messages(language);
  const buttons = [
    button({ kind: 'sources', factId: fact.id, language }, t.buttonSources, ButtonStyle.Secondary, '📚'),
    button({ kind: 'related', factId: fact.id, language, ref }, t.buttonRelated, ButtonStyle.Secondary, '🔗', fact.related.length === 0),
    button({ kind: 'feedback', vote: 'up', factId: fact.id, ref }, t.buttonHelpful, ButtonStyle.Secondary, '👍'),
    button({ kind: 'feedback', vote: 'down', factId: fact.id, ref }, t.buttonNotHelpful, ButtonStyle.Secondary, '👎'),
  ];
  if (askerId) buttons.push(button({ kind: 'delete', askerId }, t.buttonDelete, ButtonStyle.Danger, '🗑️'));
  return { type: ComponentType.ActionRow, components: buttons.slice(0, DiscordLimits.buttonsPerRow) };
}

export function pagerButtons(page: number, pages: number, language: Language): ActionRow {
  const t = messages(language);
  return {
    type: ComponentType.ActionRow,
    components: [
      button({ kind: 'bibliography', page: page - 1, language }, t.previous, ButtonStyle.Secondary, '◀️', page <= 0),
      button({ kind: 'bibliography', page: page + 1, language }, t.next, ButtonStyle.Secondary, '▶️', page >= pages - 1),
    ],
  };
}

/**
 * Select menus offering facts; each menu holds at most 25, so long lists take several rows.
 * The menu's id says in which language to show the picked fact, and whether in place of the menu.
 */
export function factPicker(
  kb: KnowledgeBase,
  items: ReadonlyArray<Pick<Suggestion, 'id' | 'title'> & { gist?: string }>,
  language: Language,
  pick: { mode: PickMode; view?: PickView; via?: PickVia; ref?: string },
  placeholder = messages(language).pickPlaceholder,
  maxRows: number = DiscordLimits.actionRows,
): ActionRow[] {
  // Discord refuses a menu with two options of one value; the schema forbids repeats, this is the safety net.
  const unique = items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i);
  const options = unique.map((item): APISelectMenuOption => {
    // The fact's first sentence tells a reader more than its topic's name; the topic when there is no gist.
    const topic = kb.topics.find((tp) => tp.id === kb.factsById.get(item.id)?.topic);
    const description = item.gist || topic?.title[language];
    return {
      label: truncate(item.title, DiscordLimits.selectOptionLabel),
      value: item.id,
      ...(description ? { description: truncate(description, DiscordLimits.selectOptionDescription) } : {}),
    };
  });
  const rows: ActionRow[] = [];
  for (let i = 0; i < options.length && rows.length < maxRows; i += DiscordLimits.selectOptions) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          // Discord requires distinct ids within one message: the row number keeps them apart.
          custom_id: `${encodeAction({ kind: 'pick', language, mode: pick.mode, view: pick.view ?? 'fact', via: pick.via, ref: pick.ref })}:${rows.length}`,
          placeholder: truncate(placeholder, DiscordLimits.selectPlaceholder),
          options: options.slice(i, i + DiscordLimits.selectOptions),
        },
      ],
    });
  }
  return rows;
}
