// Lookups front ends need besides answer(): a fact named in an option, a topic by name, a fact's related facts.
import type { Language, Topic } from '../knowledge/schema.ts';
import { nameKey } from '../text/fold.ts';
import type { AnswerEngine } from './engine.ts';
import type { Answer, FactView, Suggestion } from './types.ts';
import { suggestionsFor } from './view.ts';

export type Resolution = { kind: 'fact'; fact: FactView } | { kind: 'answer'; answer: Answer };

/** A fact id picked from a list, or text typed without picking, treated as a question in `language`. */
export function resolveFact(engine: AnswerEngine, value: string, language: Language): Resolution {
  const picked = engine.view(value.trim(), language);
  if (picked) return { kind: 'fact', fact: picked };
  const answer = engine.answer(value, { language });
  return answer.status === 'answered' && answer.answer ? { kind: 'fact', fact: answer.answer } : { kind: 'answer', answer };
}

/** A topic by id (as pickers send it) or by its title in either language (as people type it). */
export function findTopic(engine: AnswerEngine, value: string): Topic | undefined {
  const key = nameKey(value);
  return engine.kb.topics.find((t) => t.id === value.trim() || nameKey(t.title.en) === key || nameKey(t.title.fr) === key);
}

/** The facts a fact links to, titled in `language`, in the curator's order. */
export function relatedFacts(engine: AnswerEngine, factId: string, language: Language): Suggestion[] {
  return suggestionsFor(engine.kb, engine.kb.factsById.get(factId)?.related ?? [], language);
}
