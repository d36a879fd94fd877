// The answer decision: answer, offer "did you mean", or say "I don't know", from a calibrated probability that the
// winner of the ranking is what was asked. The model is fitted by `npm run eval -- --fit` (src/quality/fit-decision.ts)
// on the public questions and on near misses made by leaving each question's fact out; its weights and thresholds
// are in decision-model.ts, with the figures they were chosen on.
import type { Language } from '../knowledge/schema.ts';
import { MIN_ERROR_SCORE } from '../search/error-match.ts';
import { aboutOtherProductOnly } from '../search/other-hypervisors.ts';
import type { Ranking } from '../search/rank.ts';
import type { SearchIndex } from '../search/search-index.ts';
import { DECISION_MODEL, type DecisionModel } from './decision-model.ts';
import { decisionFeatures, type FeatureVector } from './features.ts';
import { predict } from './logistic.ts';
import type { AnswerStatus } from './types.ts';

export interface Decision {
  status: AnswerStatus;
  /** Calibrated: the probability that `best` answers the question. */
  confidence: number;
  /** The fact to show (answered) or the best guess (otherwise). */
  best?: string;
  features?: FeatureVector;
  /** Calibrated probability that the question is one the base covers at all (low: "I don't know"). */
  inScope?: number;
}

export function decide(
  index: SearchIndex,
  ranking: Ranking,
  question: string,
  language: Language,
  model: DecisionModel = DECISION_MODEL,
): Decision {
  const top = ranking.candidates[0];
  const features = decisionFeatures(index, ranking, question, language);
  if (!top || !features) return { status: 'unknown', confidence: 0 };
  // Questions with nothing a fact could answer, whatever words they share with one, unless they name a fact or paste
  // its message: bare numbers ("whats 2+2", "42 ?"), and another product with nothing of Xen ("snapshot a vm in vmware
  // workstation"; every such question of the public, training and analysed development sets is out of scope, 71 of
  // 71, while the in-scope ones naming another product all name Xen or one of its words: "xen vs kvm", "docker in a domU").
  const bareNumbers = ranking.groups.length > 0 && ranking.groups.every((g) => BARE_NUMBER.test(g.group.surface));
  if (!ranking.exact && ranking.errors.length === 0 && (bareNumbers || aboutOtherProductOnly(question))) {
    return { status: 'unknown', confidence: 0, best: top.factId, features, inScope: 0 };
  }
  const confidence = round(predict(model.answer, features));
  // A message of the base pasted into the question is Xen's own: the question is in scope, whatever else it says
  // ("…board is a supermicro X9SCM with a xeon e3" weighed against "(XEN) I/O virtualisation disabled").
  const predictedInScope = round(predict(model.inScope, features));
  const inScope = features.error >= MIN_ERROR_SCORE ? Math.max(ANSWER_IN_SCOPE, predictedInScope) : predictedInScope;
  // A name shared by several entries ("hap": an xl.cfg key and a boot option) is a question only the asker can settle.
  if (ranking.ambiguous) return { status: 'uncertain', confidence: Math.min(confidence, model.thresholds.answer - 0.001), best: top.factId, features, inScope };
  // Exact beats fuzzy: the question is the fact's name, or a whole error message only that fact explains.
  if (ranking.exact === top.factId || pastedMessageOf(ranking) === top.factId) {
    return { status: 'answered', confidence: Math.max(confidence, model.thresholds.answer), best: top.factId, features, inScope };
  }
  // An answer also needs the question to look like one the base covers: a greeting or a question about another
  // product gets no fact, however well one matches a word of it.
  const status: AnswerStatus =
    confidence >= model.thresholds.answer && inScope >= ANSWER_IN_SCOPE ? 'answered' : inScope < model.thresholds.inScope ? 'unknown' : 'uncertain';
  return { status, confidence, best: top.factId, features, inScope };
}

const BARE_NUMBER = /^\d+$/;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A paste must carry this share of a message's fixed text to name its fact as surely as its title would. */
const WHOLE_MESSAGE = 0.95;

/** The fact whose error message the question pastes whole, when no other fact's message matches as well. */
function pastedMessageOf(ranking: Pick<Ranking, 'errors'>): string | undefined {
  const [best, next] = ranking.errors;
  return best && best.score >= WHOLE_MESSAGE && (next?.score ?? 0) < best.score ? best.factId : undefined;
}

/** P(in scope) an answer needs (measured on the training and a development set: fewer out-of-scope answers, no right ones lost there). */
export const ANSWER_IN_SCOPE = 0.7;
