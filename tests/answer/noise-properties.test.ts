// Noise does not decide: mentions, greetings, thanks, emoji, markdown and code fences around a question neither
// make nor break an answer. Every public evaluation question is asked again wrapped in random chat noise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';

const engine = createAnswerEngine(loadKnowledge());
const questions = loadQuestionSet().map((q) => q.question);

const before = fc.constantFrom(
  '<@123456789012345678> ', '<@!123456789012345678>, ', '@everyone ', '@here ', 'hi, ', 'Hello everyone! ', 'hey guys quick question: ',
  'Bonjour, ', 'salut à tous ', 'yo ', '🙂 ', ':thinking: ', '<:xen:123456789012345678> ', '> ', '**', '',
);
const after = fc.constantFrom(
  ' @everyone @here', ' thanks!', ' thx', ' merci d’avance', ' svp', ' 🙏', ' :)', ' <@&876543210987654321>', ' please', ' any idea?', '**', '',
);
const wrap = fc.constantFrom(
  (q: string) => q,
  (q: string) => `**${q}**`,
  (q: string) => `\`\`\`\n${q}\n\`\`\``,
  (q: string) => `> ${q}`,
  (q: string) => `_${q}_`,
  (q: string) => `|| ${q} ||`,
);

describe('noise around a question', () => {
  it('GIVEN any evaluation question wrapped in chat noise THEN the decision and the fact stay the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...questions), before, after, wrap, (question, pre, post, around) => {
        const clean = engine.answer(question);
        const noisy = engine.answer(`${pre}${around(question)}${post}`);
        expect({ status: noisy.status, fact: noisy.answer?.id, best: noisy.suggestions[0]?.id }).toEqual({
          status: clean.status,
          fact: clean.answer?.id,
          best: clean.suggestions[0]?.id,
        });
      }),
      // Seeded, so that CI runs the same 600 cases every time; a new seed explores others (fast-check prints the
      // failing seed and case, to keep as a fixed example in noise.test.ts).
      { numRuns: 600, seed: 20261206 },
    );
  });
});
