// The curator's report from rows, without a store: grouping by content words, votes, alias suggestions.
import { describe, expect, it } from 'vitest';
import { formatGaps, gapsReport } from '../../src/curation/gaps.ts';
import { contentWordsKey } from '../../src/curation/words-key.ts';
import type { StoredFeedback, StoredPick, StoredQuestion } from '../../src/store/records.ts';

const AT = Date.parse('2026-12-01T10:00:00Z');
let n = 0;
const asked = (question: string | null, asker: string, status = 'unknown', factId: string | null = null): StoredQuestion => ({
  ref: `r${++n}`,
  askedAt: AT + n * 1000,
  guildId: '112233445566778899',
  question,
  status,
  factId,
  confidence: 0.1,
  asker,
});
const vote = (factId: string, v: 1 | -1, comment: string | null = null): StoredFeedback => ({ factId, vote: v, comment, at: AT });
const pick = (question: string, factId: string, asker: string, language = 'en'): StoredPick => ({ question, language, factId, via: 'did-you-mean', at: AT, asker });

describe('the gaps report', () => {
  it('GIVEN wordings with the same content words THEN groups them, counts askers and keeps the commonest wording', () => {
    const report = gapsReport(
      {
        questions: [
          asked('How do I use vmotion?', 'a'),
          asked('how do i use VMotion', 'b', 'uncertain', 'live-migration-howto'),
          asked('How do I use vmotion?', 'a'),
          asked('what is PVH?', 'c', 'answered', 'pvh-guests'), // answered: not a gap
          asked(null, 'd'), // RECORD_QUESTIONS=false: no text to show
          asked('tmem on arm?', 'e', 'uncertain', 'tmem'),
        ],
        feedback: [],
        picks: [],
      },
      contentWordsKey,
      AT,
      20,
    );
    expect(report.questions).toBe(6);
    expect(report.unanswered).toEqual([
      expect.objectContaining({ question: 'How do I use vmotion?', count: 3, askers: 2, status: 'unknown', bestGuess: 'live-migration-howto' }),
      expect.objectContaining({ question: 'tmem on arm?', count: 1, askers: 1, status: 'uncertain', bestGuess: 'tmem' }),
    ]);
  });

  it('GIVEN votes THEN lists facts with a 👎, with their comments, most disliked first', () => {
    const report = gapsReport(
      { questions: [], feedback: [vote('a-fact', -1, 'too vague'), vote('a-fact', 1), vote('b-fact', -1), vote('b-fact', -1, 'wrong version'), vote('c-fact', 1)], picks: [] },
      contentWordsKey,
      AT,
      20,
    );
    expect(report.disliked.map((d) => d.factId)).toEqual(['b-fact', 'a-fact']);
    expect(report.disliked[0]).toEqual({ factId: 'b-fact', up: 0, down: 2, comments: ['wrong version'] });
  });

  it('GIVEN the same words resolved to the same fact THEN suggests an alias only once two different people did it', () => {
    const one = gapsReport({ questions: [], feedback: [], picks: [pick('kexce', 'kexec', 'a'), pick('kexce', 'kexec', 'a')] }, contentWordsKey, AT, 20);
    expect(one.aliasSuggestions).toEqual([]);
    const two = gapsReport({ questions: [], feedback: [], picks: [pick('kexce', 'kexec', 'a'), pick('Kexce?', 'kexec', 'b'), pick('kexce', 'other', 'c')] }, contentWordsKey, AT, 20);
    expect(two.aliasSuggestions).toEqual([{ factId: 'kexec', question: 'kexce', language: 'en', count: 2 }]);
    expect(formatGaps(two)).toContain(`  - id: kexec\n    aliases:\n      en: ["kexce"]`);
  });
});
