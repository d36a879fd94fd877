// A story before the question: people say who they are and what they run before they ask. The story's words must
// not outweigh the question's (src/search/question-focus.ts). Every public question answered on its own is asked
// again after a story of two sentences, in English and in French.
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';

const engine = createAnswerEngine(loadKnowledge());
const answered = loadQuestionSet()
  .map((q) => ({ question: q.question, answer: engine.answer(q.question) }))
  .filter(({ answer }) => answer.status === 'answered');

describe('a story told before the question', () => {
  it.each([
    'hey all, long time lurker. we have an old dual xeon box at work that has been sitting in a rack for years and my boss wants a few guests on it.',
    'salut, petite question. on a un vieux serveur au boulot qui traîne dans une baie depuis des années et mon chef veut y mettre quelques machines.',
  ])('GIVEN %j before each answered public question THEN nearly every answer stays the same', (story) => {
    const kept = answered.filter(({ question, answer }) => {
      const told = engine.answer(`${story} ${question}`);
      return told.status === 'answered' && told.answer?.id === answer.answer?.id;
    });
    // Measured: 670 and 665 of 670 kept; without reading the asking sentences alone, fewer than 150.
    expect(answered.length).toBeGreaterThan(600);
    expect(kept.length / answered.length).toBeGreaterThanOrEqual(0.98);
  });
});
