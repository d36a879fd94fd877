// The confidence policy: answer, offer "did you mean", or say "I don't know".
import { coverage } from '../search/coverage.ts';
import type { Ranking } from '../search/rank.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { AnswerStatus } from './types.ts';

/**
 * At or above `answer` the top fact is shown; from `suggest` a "did you mean" list; below, "I don't know".
 * Set with npm run eval (accuracy per confidence band) and checked on the held-out set: at 0.6 one held-out
 * answer in twenty was confidently wrong, at 0.7 one in thirty; the cost is more "did you mean" menus.
 */
export const CONFIDENCE = { answer: 0.7, suggest: 0.35 } as const;
/** When the runner-up scores this close to the winner, the winner's lead is not trusted in full. */
const TIE_RATIO = 0.75;
const SINGLE_WORD_CEILING = 0.55;

export interface Decision {
  status: AnswerStatus;
  confidence: number;
  /** The fact to show (answered) or the best guess (otherwise). */
  best?: string;
}

export function decide(index: SearchIndex, ranking: Ranking): Decision {
  if (ranking.exact) return { status: 'answered', confidence: 1, best: ranking.exact };
  const [top, second] = ranking.candidates;
  if (!top) return { status: 'unknown', confidence: 0 };

  const covered = top.coverage ?? coverage(index, ranking.groups, top.factId);
  // A near-tie halves confidence at worst: two facts fit the question about equally well.
  const ratio = second ? second.score / top.score : 0;
  const lead = ratio <= TIE_RATIO ? 1 : 1 - (ratio - TIE_RATIO) * 2;
  // One word that is not a fact's name ("monde", "kexce") is a guess at best: offer it, do not assert it.
  const ceiling = ranking.groups.length === 1 ? SINGLE_WORD_CEILING : 1;
  const confidence = round(Math.min(covered * lead, ceiling));
  const status = confidence >= CONFIDENCE.answer ? 'answered' : confidence >= CONFIDENCE.suggest ? 'uncertain' : 'unknown';
  return { status, confidence, best: top.factId };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
