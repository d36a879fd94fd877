// Fits the answer decision (src/answer/decide.ts) on the public questions: the probability that the ranking's
// winner answers the question, and the probability that the question is one the base covers at all.
//
// The public set alone cannot teach a decision: its ranking is right 96% of the time, so it holds a dozen wrong
// winners. Near misses are made instead: each question is asked again of the base without the facts that answer it,
// and whatever wins then is a realistic wrong answer (shared/notes/calibration.md). The answer threshold is set on
// those near misses: the share of them the bot would answer (its false-answer rate) stays under a target, since
// that rate, not the public set's error count, is what carries over to questions nobody tuned for.
import type { AnswerEngine } from '../answer/engine.ts';
import type { DecisionModel } from '../answer/decision-model.ts';
import { FEATURES, type Feature, type FeatureVector } from '../answer/features.ts';
import { crossValidate, fitLogistic, logLoss, type Row } from './fit-logistic.ts';
import { isOutOfScope, type EvalQuestion } from './question-set.ts';
import { resolveExpectations } from './evaluate.ts';

export type RowKind = 'asked' | 'near-miss' | 'out-of-scope';

export interface TrainingRow extends Row<Feature> {
  kind: RowKind;
  question: string;
  /** The fact the engine would show. */
  winner: string;
}

export interface FitTargets {
  /** Largest share of near misses (and wrong winners) the bot may answer. */
  nearMissAnswerRate: number;
  /** Smallest share of out-of-scope questions that must get "I don't know". */
  outOfScopeDeclined: number;
}

export const DEFAULT_TARGETS: FitTargets = { nearMissAnswerRate: 0.2, outOfScopeDeclined: 0.95 };
const LAMBDAS = [0.001, 0.003, 0.01, 0.03, 0.1];

export function trainingRows(engine: AnswerEngine, asked: readonly EvalQuestion[]): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const push = (kind: RowKind, q: EvalQuestion, features: FeatureVector | undefined, winner: string | undefined, y: 0 | 1) => {
    if (features && winner) rows.push({ kind, question: q.question, group: q.question, x: features, y, winner });
  };
  for (const q of resolveExpectations(engine.kb, asked)) {
    const seen = engine.examine(q.question);
    const winner = seen.ranking.candidates[0]?.factId;
    if (isOutOfScope(q)) {
      push('out-of-scope', q, seen.decision.features, winner, 0);
      continue;
    }
    push('asked', q, seen.decision.features, winner, winner && q.expected.includes(winner) ? 1 : 0);
    const without = engine.examine(q.question, { exclude: new Set(q.expected) });
    push('near-miss', q, without.decision.features, without.ranking.candidates[0]?.factId, 0);
  }
  return rows;
}

export interface FitResult {
  model: DecisionModel;
  /** Out-of-fold probabilities of the answer model, row by row (for the report's diagrams). */
  outOfFold: number[];
  rows: TrainingRow[];
  lambda: number;
  crossValidated: { answeredRight: number; answeredWrong: number; asked: number; nearMissAnswered: number; nearMisses: number; outOfScopeDeclined: number; outOfScope: number };
}

export function fitDecision(rows: TrainingRow[], targets: FitTargets = DEFAULT_TARGETS, date = new Date().toISOString().slice(0, 10), facts = 0): FitResult {
  // λ by out-of-fold log-loss.
  let best = { lambda: LAMBDAS[0]!, loss: Infinity, oof: [] as number[] };
  for (const lambda of LAMBDAS) {
    const oof = crossValidate(FEATURES, rows, { lambda });
    const loss = oof.reduce((s, p, i) => s - (rows[i]!.y ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12))), 0) / rows.length;
    if (loss < best.loss) best = { lambda, loss, oof };
  }
  const answer = fitLogistic(FEATURES, rows, { lambda: best.lambda });

  // The answer threshold: the lowest at which the near misses and wrong winners answered stay under the target.
  const negatives = rows.map((r, i) => ({ r, p: best.oof[i]! })).filter(({ r }) => r.kind !== 'out-of-scope' && r.y === 0);
  const candidates = [...new Set(best.oof.map((p) => Math.round(p * 1000) / 1000))].sort((a, b) => a - b);
  const rate = (t: number) => negatives.filter(({ p }) => p >= t).length / Math.max(1, negatives.length);
  const answerThreshold = Math.max(0.2, candidates.find((t) => rate(t) <= targets.nearMissAnswerRate) ?? 0.99);

  // In scope or not: asked questions against out-of-scope ones; the threshold declines the target share of the latter.
  const scopeRows = rows.filter((r) => r.kind !== 'near-miss').map((r) => ({ ...r, y: (r.kind === 'asked' ? 1 : 0) as 0 | 1 }));
  const scopeLambda = LAMBDAS.reduce(
    (a, lambda) => {
      const oof = crossValidate(FEATURES, scopeRows, { lambda });
      const loss = logLossOf(oof, scopeRows);
      return loss < a.loss ? { lambda, loss, oof } : a;
    },
    { lambda: LAMBDAS[0]!, loss: Infinity, oof: [] as number[] },
  );
  const inScope = fitLogistic(FEATURES, scopeRows, { lambda: scopeLambda.lambda });
  const oosP = scopeRows.map((r, i) => ({ r, p: scopeLambda.oof[i]! })).filter(({ r }) => r.y === 0).map(({ p }) => p).sort((a, b) => a - b);
  const needed = Math.ceil(targets.outOfScopeDeclined * oosP.length);
  // Just above the needed-th lowest out-of-scope probability, so that many are declined.
  const inScopeThreshold = oosP.length ? Math.min(0.95, (oosP[Math.max(0, needed - 1)] ?? 0) + 1e-3) : 0.5;

  const asked = rows.map((r, i) => ({ r, p: best.oof[i]! })).filter(({ r }) => r.kind === 'asked');
  const nearMisses = rows.map((r, i) => ({ r, p: best.oof[i]! })).filter(({ r }) => r.kind === 'near-miss');
  const crossValidated = {
    asked: asked.length,
    answeredRight: asked.filter(({ r, p }) => r.y === 1 && p >= answerThreshold).length,
    answeredWrong: asked.filter(({ r, p }) => r.y === 0 && p >= answerThreshold).length,
    nearMisses: nearMisses.length,
    nearMissAnswered: nearMisses.filter(({ p }) => p >= answerThreshold).length,
    outOfScope: oosP.length,
    outOfScopeDeclined: oosP.filter((p) => p < inScopeThreshold).length,
  };
  const model: DecisionModel = {
    fitted: {
      date,
      facts,
      questions: asked.length + oosP.length,
      nearMisses: nearMisses.length,
      lambda: best.lambda,
      targets,
      crossValidated,
    },
    answer,
    inScope,
    thresholds: { answer: round(answerThreshold), inScope: round(inScopeThreshold) },
  };
  return { model, outOfFold: best.oof, rows, lambda: best.lambda, crossValidated };
}

function logLossOf(oof: readonly number[], rows: ReadonlyArray<Row<Feature>>): number {
  return oof.reduce((s, p, i) => s - (rows[i]!.y ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12))), 0) / Math.max(1, rows.length);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The model as the TypeScript module decide.ts imports: reviewable in a diff, checked by the compiler. */
export function decisionModelSource(model: DecisionModel): string {
  const numbers = (value: unknown): unknown =>
    typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : Array.isArray(value) ? value.map(numbers) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbers(v)])) : value;
  return `// Generated by \`npm run eval -- --fit\` (src/quality/fit-decision.ts): do not edit by hand, fit again.
import type { Feature } from './features.ts';
import type { LogisticModel } from './logistic.ts';

export interface DecisionModel {
  /** What the model was fitted on, and what it scored out of fold there. */
  fitted: {
    date: string;
    facts: number;
    questions: number;
    nearMisses: number;
    lambda: number;
    targets: { nearMissAnswerRate: number; outOfScopeDeclined: number };
    crossValidated: Record<string, number>;
  };
  /** P(the ranking's winner answers the question). */
  answer: LogisticModel<Feature>;
  /** P(the question is about something the base covers). */
  inScope: LogisticModel<Feature>;
  /** Answer at or above \`answer\`; below it, "I don't know" when P(in scope) is under \`inScope\`, else "did you mean". */
  thresholds: { answer: number; inScope: number };
}

export const DECISION_MODEL: DecisionModel = ${JSON.stringify(numbers(model), null, 2)};
`;
}

export { logLoss };
