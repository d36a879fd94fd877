// The evaluation's question sets: where they live and what each is for.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadQuestionSet, type EvalQuestion } from './question-set.ts';

export const QUESTION_SETS = ['public', 'holdout', 'blind'] as const;
export type QuestionSetName = (typeof QUESTION_SETS)[number];

export const QUESTION_SET_INFO: Record<QuestionSetName, { dir: string; about: string }> = {
  public: {
    dir: fileURLToPath(new URL('../../tests/eval/questions', import.meta.url)),
    about: 'public set (tests/eval/questions): written with the facts, used to fit the decision',
  },
  holdout: {
    dir: fileURLToPath(new URL('../../tests/eval/holdout', import.meta.url)),
    about: 'held-out set (tests/eval/holdout): written blind to the aliases, never tuned on',
  },
  blind: {
    dir: fileURLToPath(new URL('../../tests/eval/blind', import.meta.url)),
    about: 'blind set (tests/eval/blind): written before the calibrated decision, never tuned on or edited',
  },
};

/** The questions of a set; an empty list for a set that does not exist in this checkout. */
export function loadNamedSet(name: QuestionSetName): EvalQuestion[] {
  const { dir } = QUESTION_SET_INFO[name];
  return existsSync(dir) ? loadQuestionSet(dir) : [];
}
