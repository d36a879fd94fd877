// Renders a fact for one language with its resolved citations.
import type { Language } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { lineLink } from './source-link.ts';
import type { CitedSource, FactView, Suggestion } from './types.ts';

/** Fact ids as suggestions titled in `language`; ids that name no fact are skipped. */
export function suggestionsFor(kb: KnowledgeBase, ids: readonly string[], language: Language): Suggestion[] {
  return ids.flatMap((id) => {
    const fact = kb.factsById.get(id);
    return fact ? [{ id, title: fact.title[language], gist: gistOf((language === 'fr' ? fact.text.fr : undefined) ?? fact.text.en) }] : [];
  });
}

/** Shown under a "did you mean" title: long enough to recognise the fact, short enough for one line. */
const GIST_LENGTH = 160;

/** Gists already cut, by fact text: every answer and suggestion shows one, and a text is a few kilobytes to scan. */
const gists = new Map<string, string>();
const MAX_GISTS = 20_000;

/** The first sentence of a text, cut at a word when too long. */
export function gistOf(text: string): string {
  const known = gists.get(text);
  if (known !== undefined) return known;
  const gist = cutGist(text);
  if (gists.size >= MAX_GISTS) gists.clear(); // a bound, not a policy: the real base has under 2,000 texts
  gists.set(text, gist);
  return gist;
}

function cutGist(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // A sentence ends at . ! ? followed by a space and a capital, a backtick or a digit (not inside "4.4" or "e.g. x").
  const end = /[.!?](?=\s+[\p{Lu}`\d«"(])/u.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length <= GIST_LENGTH) return sentence;
  const cut = sentence.slice(0, GIST_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), GIST_LENGTH / 2))}…`;
}

export function viewFact(kb: KnowledgeBase, factId: string, language: Language): FactView | undefined {
  const fact = kb.factsById.get(factId);
  if (!fact) return undefined;
  const french = language === 'fr' ? fact.text.fr : undefined;
  const sources = fact.citations.flatMap((c): CitedSource[] => {
    const s = kb.sources.get(c.source);
    return s ? [{ id: s.id, title: s.title, publisher: s.publisher, url: lineLink(s.url, c.line), date: s.date, kind: s.kind, locator: c.locator, line: c.line }] : [];
  });
  const text = french ?? fact.text.en;
  const reference = fact.reference;
  const fallback = reference?.default;
  return {
    id: fact.id,
    title: fact.title[language],
    text,
    gist: gistOf(text),
    scope: fact.scope,
    ...(reference
      ? {
          reference: {
            kind: reference.kind,
            names: reference.names,
            syntax: reference.syntax,
            ...(fallback !== undefined ? { default: typeof fallback === 'string' ? fallback : fallback[language] } : {}),
            ...(reference.example ? { example: reference.example } : {}),
          },
        }
      : {}),
    textLanguage: french ? 'fr' : 'en',
    status: fact.status,
    verdict: fact.verdict,
    disputed: fact.disputed,
    topic: fact.topic,
    sources,
    related: fact.related,
  };
}
