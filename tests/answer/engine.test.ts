import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS } from '../../src/answer/engine.ts';
import { DECISION_MODEL } from '../../src/answer/decision-model.ts';
import { rank } from '../../src/search/rank.ts';
import { fixtureEngine } from '../helpers/knowledge.ts';

const engine = fixtureEngine();

describe('ranking rules', () => {
  it('GIVEN a question that is exactly an alias THEN that fact wins with at least the answer threshold as confidence', () => {
    const answer = engine.answer('nestedhvm');
    expect(answer).toMatchObject({ status: 'answered', answer: { id: 'nested-virtualization' } });
    expect(answer.confidence).toBeGreaterThanOrEqual(DECISION_MODEL.thresholds.answer);
  });

  it('GIVEN an exact name that other facts mention more often THEN exact still beats the lexical score', () => {
    // "HVM" appears in the PVH and nested facts' text too; the alias belongs to concept-hvm alone.
    const ranking = rank(engine.index, 'HVM');
    expect(ranking.exact).toBe('concept-hvm');
    expect(ranking.candidates[0]?.factId).toBe('concept-hvm');
  });

  it('GIVEN the name inside a question frame THEN the frame is stripped before the exact match', () => {
    expect(engine.answer('What is xl devd?').answer?.id).toBe('xl-devd');
    expect(engine.answer("Qu'est-ce que le mode PVH ?").answer?.id).toBe('pvh-guests');
  });

  it.each([
    ['pvh mdoe', 'pvh-guests'],
    ['evnet chanels', 'fifo-event-channels'],
    ['nested virtualsation', 'nested-virtualization'],
  ])('GIVEN the typo "%s" THEN still finds %s', (question, id) => {
    expect(engine.answer(question).answer?.id).toBe(id);
  });
});

describe('answering', () => {
  it('GIVEN a French question THEN answers in French with the French text', () => {
    const answer = engine.answer("Comment activer le mode PVH ?");
    expect(answer.language).toBe('fr');
    expect(answer.answer).toMatchObject({ id: 'pvh-guests', title: 'Invités PVH', textLanguage: 'fr' });
  });

  it('GIVEN a fact without French text THEN falls back to English and says so', () => {
    const answer = engine.answer('la virtualisation imbriquée');
    expect(answer.answer).toMatchObject({ id: 'nested-virtualization', title: 'Virtualisation imbriquée', textLanguage: 'en' });
  });

  it('GIVEN a forced language THEN uses it whatever the question', () => {
    expect(engine.answer('What is PVH?', { language: 'fr' }).answer?.title).toBe('Invités PVH');
  });

  it('GIVEN an answer THEN every citation resolves to a titled source with a URL', () => {
    const fact = engine.answer('FIFO event channels').answer;
    expect(fact?.sources.length).toBeGreaterThan(0);
    for (const source of fact?.sources ?? []) expect(source).toMatchObject({ title: expect.any(String), url: expect.stringMatching(/^https?:/) });
  });

  it.each(['hello', 'asdf qwerty zxcv', '???', 'How do I configure Docker networking on Ubuntu?'])(
    'GIVEN "%s" (nothing to do with Xen 4.4) THEN says it does not know, choosing no fact',
    (question) => {
      const answer = engine.answer(question);
      expect(answer.status).toBe('unknown');
      expect(answer.answer).toBeNull();
    },
  );

  it('GIVEN any question THEN offers at most five suggestions, never the answer itself', () => {
    for (const q of ['pvh', 'event channels', 'guest', 'hvm nested pvh fifo devd']) {
      const answer = engine.answer(q);
      expect(answer.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      expect(answer.suggestions.map((s) => s.id)).not.toContain(answer.answer?.id);
    }
  });

  it('GIVEN a 100 KB question with control characters THEN still returns a well-formed answer', () => {
    const question = `${'PVH \u0000\u0007 guests '.repeat(5000)}`.slice(0, 100_000);
    const answer = engine.answer(question);
    expect(['answered', 'uncertain', 'unknown']).toContain(answer.status);
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it('GIVEN something that is not a string THEN throws a clear TypeError', () => {
    expect(() => engine.answer(42 as unknown as string)).toThrow(/needs a string question, got number/);
  });
});
