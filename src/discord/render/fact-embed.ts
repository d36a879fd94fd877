// A fact as a Discord embed: the answer, honest labels, citations as masked links, id in the footer.
import type { APIEmbed } from 'discord.js';
import type { FactView } from '../../answer/types.ts';
import type { FactStatus, Language } from '../../knowledge/schema.ts';
import { messages, statusLabel } from '../../i18n/messages.ts';
import { DiscordLimits } from '../limits.ts';
import { maskedLink } from './payload.ts';

const COLOURS: Record<FactStatus, number> = {
  new: 0x2e7d32,
  improved: 0x2e7d32,
  experimental: 0xf9a825,
  'tech-preview': 0xf9a825,
  deprecated: 0xc62828,
  removed: 0xc62828,
  'not-in-4.4': 0xc62828,
  release: 0x1565c0,
  background: 0x1565c0,
  'press-claim': 0x6a1b9a,
};

/** Citation lines that fit one embed field; the rest is left to the Sources button. */
function citationField(fact: FactView, language: Language): string {
  const t = messages(language);
  const lines = fact.sources.map((s, i) => `${i + 1}. ${maskedLink(s.title, s.url)} — ${s.publisher}`);
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = lines.length - i - 1;
    const reserve = more > 0 ? t.moreSources(more).length + 1 : 0;
    if (length + line.length + 1 + reserve > DiscordLimits.embedFieldValue) {
      kept.push(t.moreSources(lines.length - i));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** A reference entry's card: syntax, default, what it applies to, an example. */
function referenceFields(fact: FactView, language: Language): APIEmbed['fields'] {
  const ref = fact.reference;
  if (!ref) return [];
  const t = messages(language);
  const code = (text: string) => `\`${text.replace(/`/g, 'ˋ')}\``;
  const applies = fact.scope.length ? fact.scope.map((s) => t.scope[s]).join(', ') : t.refEverywhere;
  return [
    { name: `${t.refSyntax} · ${t.refKind[ref.kind]}`, value: code(ref.syntax) },
    ...(ref.default !== undefined ? [{ name: t.refDefault, value: ref.default, inline: true }] : []),
    { name: t.refAppliesTo, value: applies, inline: true },
    ...(ref.example ? [{ name: t.refExample, value: code(ref.example) }] : []),
  ];
}

export function factEmbed(fact: FactView, language: Language, confidence?: number): APIEmbed {
  const t = messages(language);
  const notes = [
    fact.disputed ? `⚠️ ${t.disputed}` : undefined,
    fact.textLanguage !== language ? `_${t.englishFallback}_` : undefined,
  ].filter(Boolean);
  const footer = [t.footer(fact.id), confidence === undefined ? undefined : `${t.confidence} ${confidence.toFixed(2)}`];
  return {
    title: fact.title,
    author: { name: statusLabel(fact.status, fact.verdict, language) },
    description: [fact.text, ...notes].join('\n\n'),
    color: COLOURS[fact.status],
    fields: [...(referenceFields(fact, language) ?? []), ...(fact.sources.length ? [{ name: t.sources, value: citationField(fact, language) }] : [])],
    footer: { text: footer.filter(Boolean).join(' · ') },
  };
}
