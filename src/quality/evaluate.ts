// Scores the answer engine on a question set: top-1, top-3, rejection of out-of-scope questions, calibration.
import type { AnswerEngine } from '../answer/engine.ts';
import { CONFIDENCE } from '../answer/decide.ts';
import type { Answer } from '../answer/types.ts';
import { isOutOfScope, type EvalQuestion, type QuestionCategory } from './question-set.ts';

export interface QuestionResult {
  question: EvalQuestion;
  answer: Answer;
  /** Facts in the order the user sees them: the answer (if any), then the suggestions. */
  shown: string[];
  top1: boolean;
  top3: boolean;
}

export interface CategoryScore {
  category: QuestionCategory;
  total: number;
  top1: number;
  top3: number;
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
  frenchDetected: number;
  frenchTotal: number;
  categories: CategoryScore[];
  /** In-scope questions per topic of the expected fact: every topic should be asked about, in French too. */
  topics: Array<{ topic: string; total: number; french: number; top1: number }>;
  /** Accuracy of the best shown fact per confidence band, to set the thresholds. */
  calibration: Array<{ from: number; to: number; total: number; correct: number }>;
  unknownExpectations: string[];
}

export function evaluate(engine: AnswerEngine, questions: readonly EvalQuestion[]): EvalReport {
  const results = questions.map((question): QuestionResult => {
    const answer = engine.answer(question.question);
    const shown = [...(answer.answer ? [answer.answer.id] : []), ...answer.suggestions.map((s) => s.id)];
    const outOfScope = isOutOfScope(question);
    return {
      question,
      answer,
      shown,
      top1: outOfScope ? answer.status === 'unknown' : question.expected.includes(shown[0] ?? ''),
      top3: outOfScope ? answer.status === 'unknown' : shown.slice(0, 3).some((id) => question.expected.includes(id)),
    };
  });
  const inScope = results.filter((r) => !isOutOfScope(r.question));
  const outOfScope = results.filter((r) => isOutOfScope(r.question));
  const french = results.filter((r) => r.question.category === 'french');

  const categories = [...new Set(results.map((r) => r.question.category))].map((category) => {
    const rs = results.filter((r) => r.question.category === category);
    return { category, total: rs.length, top1: rs.filter((r) => r.top1).length, top3: rs.filter((r) => r.top3).length };
  });
  const bands = [0, CONFIDENCE.suggest, CONFIDENCE.answer, 0.85, 1.0001];
  const calibration = bands.slice(0, -1).map((from, i) => {
    const to = bands[i + 1]!;
    const rs = inScope.filter((r) => r.answer.confidence >= from && r.answer.confidence < to);
    return { from, to: Math.min(to, 1), total: rs.length, correct: rs.filter((r) => r.top1).length };
  });
  const topicOf = (r: QuestionResult) => engine.kb.factsById.get(r.question.expected[0] ?? '')?.topic;
  const topics = engine.kb.topics.map(({ id }) => {
    const rs = inScope.filter((r) => topicOf(r) === id);
    return { topic: id, total: rs.length, french: rs.filter((r) => r.question.category === 'french').length, top1: rs.filter((r) => r.top1).length };
  });
  const known = new Set(engine.kb.factsById.keys());
  const unknownExpectations = [
    ...new Set(inScope.flatMap((r) => r.question.expected).filter((id) => !known.has(id))),
  ];

  return {
    results,
    inScope: inScope.length,
    top1: inScope.filter((r) => r.top1).length,
    top3: inScope.filter((r) => r.top3).length,
    answeredCorrect: inScope.filter((r) => r.answer.status === 'answered' && r.top1).length,
    answeredWrong: inScope.filter((r) => r.answer.status === 'answered' && !r.top1).length,
    outOfScope: outOfScope.length,
    rejected: outOfScope.filter((r) => r.answer.status === 'unknown').length,
    frenchDetected: french.filter((r) => r.answer.language === 'fr').length,
    frenchTotal: french.length,
    categories,
    topics,
    calibration,
    unknownExpectations,
  };
}

export const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
