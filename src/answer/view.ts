// Renders a fact for one language with its resolved citations.
import type { Language } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import type { CitedSource, FactView, Suggestion } from './types.ts';

/** Fact ids as suggestions titled in `language`; ids that name no fact are skipped. */
export function suggestionsFor(kb: KnowledgeBase, ids: readonly string[], language: Language): Suggestion[] {
  return ids.flatMap((id) => {
    const fact = kb.factsById.get(id);
    return fact ? [{ id, title: fact.title[language] }] : [];
  });
}

export function viewFact(kb: KnowledgeBase, factId: string, language: Language): FactView | undefined {
  const fact = kb.factsById.get(factId);
  if (!fact) return undefined;
  const french = language === 'fr' ? fact.text.fr : undefined;
  const sources = fact.citations.flatMap((c): CitedSource[] => {
    const s = kb.sources.get(c.source);
    return s ? [{ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date, kind: s.kind, locator: c.locator }] : [];
  });
  return {
    id: fact.id,
    title: fact.title[language],
    text: french ?? fact.text.en,
    textLanguage: french ? 'fr' : 'en',
    status: fact.status,
    verdict: fact.verdict,
    disputed: fact.disputed,
    topic: fact.topic,
    sources,
    related: fact.related,
  };
}
