// The evaluation's question sets: where they live and what each is for.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadQuestionSet, type EvalQuestion } from './question-set.ts';

export const QUESTION_SETS = ['public', 'training', 'holdout', 'blind'] as const;
export type QuestionSetName = (typeof QUESTION_SETS)[number];

export const QUESTION_SET_INFO: Record<QuestionSetName, { dir: string; about: string }> = {
  public: {
    dir: fileURLToPath(new URL('../../tests/eval/questions', import.meta.url)),
    about: 'public set (tests/eval/questions): written with the facts, used to fit the decision',
  },
  training: {
    dir: fileURLToPath(new URL('../../tests/eval/training', import.meta.url)),
    about: 'training set (tests/eval/training): questions typed as in chat, written to fit the decision with the public set',
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

/** The sets the decision is fitted on: their figures are in-sample. Held-out and blind never are. */
export const FITTED_SETS: readonly QuestionSetName[] = ['public', 'training'];

/** The questions of a set; an empty list for a set that does not exist in this checkout. */
export function loadNamedSet(name: QuestionSetName): EvalQuestion[] {
  const { dir } = QUESTION_SET_INFO[name];
  return existsSync(dir) ? loadQuestionSet(dir) : [];
}
