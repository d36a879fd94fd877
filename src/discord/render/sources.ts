// The sources of one fact in full, and the paged bibliography of the whole base.
import type { APIEmbed } from 'discord.js';
import type { CitedSource, FactView } from '../../answer/types.ts';
import type { Language, Source } from '../../knowledge/schema.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import { messages } from '../../i18n/messages.ts';
import { DiscordLimits, truncate } from '../limits.ts';
import { pagerButtons } from './components.ts';
import { maskedLink, type ReplyPayload } from './payload.ts';

function citationLine(source: CitedSource | Source, language: Language, index?: number): string {
  const t = messages(language);
  const locator = 'locator' in source && source.locator ? ` · ${source.locator}` : '';
  const number = index === undefined ? '•' : `**${index + 1}.**`;
  return `${number} ${maskedLink(source.title, source.url)} — ${source.publisher}${source.date ? `, ${source.date}` : ''} · ${t[source.kind]}${locator}`;
}

export function renderFactSources(fact: FactView, language: Language): ReplyPayload {
  const t = messages(language);
  return {
    embeds: [
      {
        title: truncate(t.sourcesOf(fact.title), DiscordLimits.embedTitle),
        description: fact.sources.map((s, i) => citationLine(s, language, i)).join('\n'),
        footer: { text: t.footer(fact.id) },
      },
    ],
  };
}

/** Split lines into pages that each fit one embed description, with room to spare. */
function paginate(lines: string[], budget: number): string[][] {
  const pages: string[][] = [[]];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(line);
    used += line.length + 1;
  }
  return pages;
}

const BIBLIOGRAPHY_PAGE_BUDGET = 3500;

export function renderBibliography(kb: KnowledgeBase, page: number, language: Language): ReplyPayload {
  const t = messages(language);
  const sorted = [...kb.sources.values()].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title));
  const section = (kind: Source['kind'], heading: string) => {
    const list = sorted.filter((s) => s.kind === kind);
    return list.length ? [`__**${heading}**__ (${list.length})`, ...list.map((s) => citationLine(s, language))] : [];
  };
  const pages = paginate([...section('primary', t.primarySources), ...section('secondary', t.secondarySources)], BIBLIOGRAPHY_PAGE_BUDGET);
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const embed: APIEmbed = {
    title: t.bibliography,
    description: pages[current]!.join('\n'),
    footer: { text: t.page(current + 1, pages.length) },
  };
  return { embeds: [embed], components: pages.length > 1 ? [pagerButtons(current, pages.length, language)] : [] };
}
