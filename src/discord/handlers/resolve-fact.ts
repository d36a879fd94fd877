// Turns what a user put in a fact option (an autocomplete id, or text typed without picking) into a fact.
import type { AnswerEngine } from '../../answer/engine.ts';
import type { Answer, FactView } from '../../answer/types.ts';
import type { Language } from '../../knowledge/schema.ts';

export type Resolution = { kind: 'fact'; fact: FactView } | { kind: 'answer'; answer: Answer };

export function resolveFact(engine: AnswerEngine, value: string, language: Language): Resolution {
  const picked = engine.view(value.trim(), language);
  if (picked) return { kind: 'fact', fact: picked };
  // Typed but not picked: treat it as a question, answered in the user's language.
  const answer = engine.answer(value, { language });
  return answer.status === 'answered' && answer.answer ? { kind: 'fact', fact: answer.answer } : { kind: 'answer', answer };
}
