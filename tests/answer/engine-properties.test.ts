// Properties of answer() over random and hostile text: never a throw, always a well-formed Answer, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine, MAX_QUESTION_CHARS, MAX_SUGGESTIONS } from '../../src/answer/engine.ts';
import type { Answer } from '../../src/answer/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { HOSTILE_SAMPLES, hostileText } from '../helpers/hostile-text.ts';

// No time per call is asserted (house rule: no timing targets in unit tests; figures come from `npm run bench`).
// Catastrophic backtracking still fails: vitest fails a synchronous test that ran past its timeout (20 s).
const engine = createAnswerEngine(loadKnowledge());

function expectWellFormed(answer: Answer): void {
  expect(['answered', 'uncertain', 'unknown']).toContain(answer.status);
  expect(answer.confidence).toBeGreaterThanOrEqual(0);
  expect(answer.confidence).toBeLessThanOrEqual(1);
  expect(['en', 'fr']).toContain(answer.language);
  expect(answer.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  for (const s of answer.suggestions) expect(engine.kb.factsById.has(s.id)).toBe(true);
  if (answer.status === 'answered') {
    expect(answer.answer).not.toBeNull();
    expect(answer.answer!.sources.length).toBeGreaterThan(0);
    for (const source of answer.answer!.sources) expect(source.url).toMatch(/^https?:\/\//);
  } else {
    expect(answer.answer).toBeNull();
  }
}

describe('answer() over any text', () => {
  it('GIVEN any string of code units (lone surrogates, NUL, controls) THEN returns a well-formed answer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (question) => expectWellFormed(engine.answer(question))),
      { numRuns: 300 },
    );
  });

  it('GIVEN any text made of Unicode graphemes THEN returns a well-formed answer in either forced language', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom('en', 'fr' as const), (question, language) => {
        const answer = engine.answer(question, { language });
        expectWellFormed(answer);
        expect(answer.language).toBe(language);
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN hostile mixes (markdown, mentions, links, RTL, emoji around real words) THEN returns a well-formed answer', () => {
    fc.assert(
      fc.property(hostileText(2000), (question) => expectWellFormed(engine.answer(question))),
      { numRuns: 300 },
    );
  });

  it('GIVEN huge questions of repeated or random text THEN reads only the start and stays bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }), fc.integer({ min: 1_000, max: 200_000 }), (chunk, size) => {
        const question = chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size);
        expectWellFormed(engine.answer(question));
      }),
      { numRuns: 30 },
    );
  });

  it('GIVEN text past the reading limit THEN the answer is the same as for its start', () => {
    fc.assert(
      fc.property(hostileText(200), fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), (start, tail) => {
        const head = start.padEnd(MAX_QUESTION_CHARS, ' ');
        expect(engine.answer(head + tail)).toEqual(engine.answer(head));
      }),
      { numRuns: 50 },
    );
  });

  it.each(Object.entries(HOSTILE_SAMPLES))('GIVEN the %s sample THEN returns a well-formed answer', (_name, question) => {
    expectWellFormed(engine.answer(question));
  });
});

describe('answer() given something that is not a string', () => {
  // The contract at the core: callers (Discord, CLI) hand it strings; anything else is a programming error that
  // must fail loudly and at once, not be coerced ("[object Object]" would be searched and answered "unknown").
  it('GIVEN any non-string value THEN throws a TypeError naming what it got, never another error', () => {
    fc.assert(
      fc.property(fc.anything().filter((v) => typeof v !== 'string'), (value) => {
        expect(() => engine.answer(value as string)).toThrow(TypeError);
        expect(() => engine.answer(value as string)).toThrow(/needs a string question, got /);
      }),
      { numRuns: 200 },
    );
  });
});
