// Turns what a user put in a fact option (an autocomplete id, or text typed without picking) into a fact.
import type { AnswerEngine } from '../../answer/engine.ts';
import type { Answer } from '../../answer/types.ts';
import type { Language } from '../../knowledge/schema.ts';

export type Resolution = { kind: 'fact'; factId: string } | { kind: 'answer'; answer: Answer };

export function resolveFact(engine: AnswerEngine, value: string, language: Language): Resolution {
  const trimmed = value.trim();
  if (engine.kb.factsById.has(trimmed)) return { kind: 'fact', factId: trimmed };
  // Typed but not picked: treat it as a question, answered in the user's language.
  const answer = engine.answer(trimmed, { language });
  return answer.status === 'answered' && answer.answer ? { kind: 'fact', factId: answer.answer.id } : { kind: 'answer', answer };
}
