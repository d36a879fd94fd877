// Scores the answer engine on a question set: ranking (top-1, top-3), the decision (answered and right, answered
// and wrong, out-of-scope declined), by category, and how well the confidence is calibrated.
import type { AnswerEngine } from '../answer/engine.ts';
import type { Answer } from '../answer/types.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { isOutOfScope, parseReferenceExpectation, type EvalQuestion, type QuestionCategory } from './question-set.ts';

export interface QuestionResult {
  question: EvalQuestion;
  answer: Answer;
  /** Facts in the order the user sees them: the answer (if any), then the suggestions. */
  shown: string[];
  /** The engine's best fact, answered or not. */
  best?: string;
  top1: boolean;
  top3: boolean;
}

export interface CategoryScore {
  category: QuestionCategory;
  total: number;
  top1: number;
  top3: number;
  answeredRight: number;
  answeredWrong: number;
}

export interface EvalReport {
  results: QuestionResult[];
  inScope: number;
  top1: number;
  top3: number;
  answeredCorrect: number;
  answeredWrong: number;
  outOfScope: number;
  rejected: number;
  /** Out-of-scope questions answered with a fact: the worst kind of wrong answer. */
  outOfScopeAnswered: number;
  frenchDetected: number;
  frenchTotal: number;
  categories: CategoryScore[];
  /** In-scope questions per topic of the expected fact: every topic should be asked about, in French too. */
  topics: Array<{ topic: string; total: number; french: number; top1: number }>;
  /** Confidence bands of in-scope questions: how often the best fact was right in each. */
  calibration: Array<{ from: number; to: number; total: number; correct: number; meanConfidence: number }>;
  unknownExpectations: string[];
}

/** Expectations as fact ids: `ref:<kind>/<name>` becomes the fact that carries that reference (kept as is if none does). */
export function resolveExpectations(kb: KnowledgeBase, questions: readonly EvalQuestion[]): EvalQuestion[] {
  const owners = new Map<string, string>();
  for (const fact of kb.facts) for (const name of fact.reference?.names ?? []) owners.set(`${fact.reference!.kind}/${name}`, fact.id);
  return questions.map((q) => ({
    ...q,
    expected: q.expected.map((e) => {
      const ref = parseReferenceExpectation(e);
      // A fact that replaced the expected id (two facts merged) is the answer now.
      return ref ? (owners.get(`${ref.kind}/${ref.name}`) ?? e) : (kb.factsById.get(e)?.id ?? e);
    }),
  }));
}

const BANDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

export function evaluate(engine: AnswerEngine, asked: readonly EvalQuestion[]): EvalReport {
  const questions = resolveExpectations(engine.kb, asked);
  const results = questions.map((question): QuestionResult => {
    const answer = engine.answer(question.question);
    const shown = [...(answer.answer ? [answer.answer.id] : []), ...answer.suggestions.map((s) => s.id)];
    const outOfScope = isOutOfScope(question);
    const best = shown[0];
    return {
      question,
      answer,
      shown,
      best,
      top1: outOfScope ? answer.status === 'unknown' : question.expected.includes(best ?? ''),
      top3: outOfScope ? answer.status === 'unknown' : shown.slice(0, 3).some((id) => question.expected.includes(id)),
    };
  });
  const inScope = results.filter((r) => !isOutOfScope(r.question));
  const outOfScope = results.filter((r) => isOutOfScope(r.question));
  const french = results.filter((r) => r.question.language === 'fr');
  const answeredRight = (r: QuestionResult) => !isOutOfScope(r.question) && r.answer.status === 'answered' && r.top1;
  const answeredWrong = (r: QuestionResult) => r.answer.status === 'answered' && (isOutOfScope(r.question) || !r.top1);

  const categories = [...new Set(results.map((r) => r.question.category))].map((category): CategoryScore => {
    const rs = results.filter((r) => r.question.category === category);
    return {
      category,
      total: rs.length,
      top1: rs.filter((r) => r.top1).length,
      top3: rs.filter((r) => r.top3).length,
      answeredRight: rs.filter(answeredRight).length,
      answeredWrong: rs.filter(answeredWrong).length,
    };
  });
  const calibration = BANDS.slice(0, -1).map((from, i) => {
    const to = BANDS[i + 1]!;
    const rs = inScope.filter((r) => r.answer.confidence >= from && r.answer.confidence < to);
    const meanConfidence = rs.reduce((s, r) => s + r.answer.confidence, 0) / Math.max(1, rs.length);
    return { from, to: Math.min(to, 1), total: rs.length, correct: rs.filter((r) => r.top1).length, meanConfidence };
  });
  const topicOf = (r: QuestionResult) => engine.kb.factsById.get(r.question.expected[0] ?? '')?.topic;
  const topics = engine.kb.topics.map(({ id }) => {
    const rs = inScope.filter((r) => topicOf(r) === id);
    return { topic: id, total: rs.length, french: rs.filter((r) => r.question.language === 'fr').length, top1: rs.filter((r) => r.top1).length };
  });
  const known = new Set(engine.kb.factsById.keys());
  const unknownExpectations = [...new Set(inScope.flatMap((r) => r.question.expected).filter((id) => !known.has(id)))];

  return {
    results,
    inScope: inScope.length,
    top1: inScope.filter((r) => r.top1).length,
    top3: inScope.filter((r) => r.top3).length,
    answeredCorrect: inScope.filter(answeredRight).length,
    answeredWrong: inScope.filter(answeredWrong).length,
    outOfScope: outOfScope.length,
    rejected: outOfScope.filter((r) => r.answer.status === 'unknown').length,
    outOfScopeAnswered: outOfScope.filter((r) => r.answer.status === 'answered').length,
    frenchDetected: french.filter((r) => r.answer.language === 'fr').length,
    frenchTotal: french.length,
    categories,
    topics,
    calibration,
    unknownExpectations,
  };
}

/** Precision (right among answered) and coverage (answered among in scope) for every answer threshold. */
export function precisionCoverage(report: EvalReport): Array<{ threshold: number; coverage: number; precision: number }> {
  const inScope = report.results.filter((r) => !isOutOfScope(r.question));
  const thresholds = [...new Set(inScope.map((r) => r.answer.confidence))].sort((a, b) => a - b);
  return thresholds.map((threshold) => {
    const answered = inScope.filter((r) => r.answer.confidence >= threshold);
    return {
      threshold,
      coverage: answered.length / Math.max(1, inScope.length),
      precision: answered.filter((r) => r.top1).length / Math.max(1, answered.length),
    };
  });
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
