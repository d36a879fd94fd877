// The engine's answer to every question of every evaluation set, as a compact record: what a change to how the
// index is built, stored or restored must leave exactly as it was (answers-unchanged.test.ts).
import type { AnswerEngine } from '../../../src/answer/engine.ts';
import { loadNamedSet, QUESTION_SETS } from '../../../src/quality/question-sets.ts';

export const REFERENCE_FILE = new URL('./answers.json', import.meta.url);

/** One question's answer: status, confidence to 6 places, the fact shown and the suggestions, in order. */
export type AnswerRecord = [question: string, status: string, confidence: string, answer: string, suggestions: string];

export function recordAnswers(engine: AnswerEngine): Record<string, AnswerRecord[]> {
  return Object.fromEntries(
    QUESTION_SETS.map((set) => [
      set,
      loadNamedSet(set).map((q): AnswerRecord => {
        const a = engine.answer(q.question);
        return [q.question, a.status, a.confidence.toFixed(6), a.answer?.id ?? '', a.suggestions.map((s) => s.id).join(' ')];
      }),
    ]),
  );
}
