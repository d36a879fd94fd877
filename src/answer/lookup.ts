// Lookups front ends need besides answer(): a fact named in an option, a topic by name, a fact's related facts.
import type { Language, Topic } from '../knowledge/schema.ts';
import { nameKey } from '../text/fold.ts';
import type { AnswerEngine } from './engine.ts';
import type { Answer, FactView, Suggestion } from './types.ts';
import { suggestionsFor } from './view.ts';
import { completeReferences, referencesNamed } from '../search/autocomplete.ts';

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

export type ReferenceLookup = { kind: 'fact'; fact: FactView } | { kind: 'several' | 'none'; choices: Suggestion[] };

/** Closest entries offered when a typed name matches none. */
const REFERENCE_CHOICES = 5;

/**
 * A reference entry by the id a picker sends, or by a name typed in full ("dom0_mem", "xl migrate", "hap"); a name
 * several entries share, or a near miss, gives the entries to choose from.
 */
export function findReference(engine: AnswerEngine, value: string, language: Language): ReferenceLookup {
  const picked = engine.kb.factsById.get(value.trim());
  if (picked?.reference) return { kind: 'fact', fact: engine.view(picked.id, language)! };
  const owners = referencesNamed(engine.index, value);
  if (owners.length === 1) return { kind: 'fact', fact: engine.view(owners[0]!, language)! };
  if (owners.length > 1) return { kind: 'several', choices: suggestionsFor(engine.kb, owners, language) };
  const answer = engine.answer(value, { language });
  if (answer.status === 'answered' && answer.answer?.reference) return { kind: 'fact', fact: answer.answer };
  const close = [...new Set(completeReferences(engine.kb, engine.index, value, REFERENCE_CHOICES * 2).map((c) => c.id))];
  return { kind: 'none', choices: suggestionsFor(engine.kb, close.slice(0, REFERENCE_CHOICES), language) };
}
