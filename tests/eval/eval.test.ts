import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { evaluate, ratio } from '../../src/quality/evaluate.ts';
import { isOutOfScope, loadQuestionSet } from '../../src/quality/question-set.ts';

// The same figures `npm run eval` prints, with thresholds that fail the build. They sit just under what the
// public set reaches today (a regression guard), not at issue 11's targets, which are not reached yet:
// docs/quality.md has the figures of every set, the held-out and blind ones included.
const questions = loadQuestionSet();
const report = evaluate(createAnswerEngine(loadKnowledge()), questions);

describe('retrieval quality on the public question set', () => {
  it('has a question set big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(questions.filter(isOutOfScope).length).toBeGreaterThanOrEqual(20);
    for (const category of ['name', 'plain', 'paraphrase', 'typo', 'french', 'misconception']) {
      expect(questions.filter((q) => q.category === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  it('asks about every topic, in French too', () => {
    const thin = report.topics.filter((t) => t.total < 3 || t.french < 1).map((t) => `${t.topic} (${t.total}, ${t.french} FR)`);
    expect(thin).toEqual([]);
  });

  it('expects only facts that exist', () => {
    expect(report.unknownExpectations).toEqual([]);
  });

  it('puts the right fact first for at least 94% of in-scope questions', () => {
    expect(ratio(report.top1, report.inScope)).toBeGreaterThanOrEqual(0.94);
  });

  it('answers at least 80% of in-scope questions with the right fact', () => {
    expect(ratio(report.answeredCorrect, report.inScope)).toBeGreaterThanOrEqual(0.8);
  });

  it('declines at least 85% of out-of-scope questions', () => {
    expect(ratio(report.rejected, report.outOfScope)).toBeGreaterThanOrEqual(0.85);
  });

  it('answers confidently but wrongly at most 2% of in-scope questions', () => {
    expect(ratio(report.answeredWrong, report.inScope)).toBeLessThanOrEqual(0.02);
  });

  it('replies in French to at least 90% of French questions', () => {
    expect(ratio(report.frenchDetected, report.frenchTotal)).toBeGreaterThanOrEqual(0.9);
  });
});
