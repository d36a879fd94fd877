import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { evaluate, ratio } from '../../src/quality/evaluate.ts';
import { isOutOfScope, loadQuestionSet } from '../../src/quality/question-set.ts';

// The quality bar of the issue: the same figures `npm run eval` prints, with thresholds that fail the build.
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

  it('puts the right fact first for at least 90% of in-scope questions', () => {
    expect(ratio(report.top1, report.inScope)).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 90% of out-of-scope questions', () => {
    expect(ratio(report.rejected, report.outOfScope)).toBeGreaterThanOrEqual(0.9);
  });

  it('answers confidently but wrongly at most 5% of in-scope questions', () => {
    expect(ratio(report.answeredWrong, report.inScope)).toBeLessThanOrEqual(0.05);
  });

  it('replies in French to at least 90% of French questions', () => {
    expect(ratio(report.frenchDetected, report.frenchTotal)).toBeGreaterThanOrEqual(0.9);
  });
});
