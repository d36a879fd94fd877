import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/knowledge/issues.ts';
import { checkKnowledgeDir } from '../../src/knowledge/load.ts';
import { summarize } from '../../src/knowledge/summary.ts';

// The knowledge base that ships: it must load cleanly and meet the curation bar.
const result = checkKnowledgeDir();

describe('the shipped knowledge base', () => {
  it('loads without a single problem', () => {
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it('has French text for every fact, and facts in every topic', () => {
    if (!result.ok) return expect.fail('the base does not load');
    const summary = summarize(result.kb);
    expect(summary.frenchText).toBe(summary.facts);
    expect(summary.frenchAliases).toBe(summary.facts);
    expect(summary.topics.filter((t) => t.facts === 0).map((t) => t.topic)).toEqual([]);
  });

  it('has at least 650 facts, at least 90% of them citing a primary source, and says which do not', () => {
    if (!result.ok) return expect.fail('the base does not load');
    const summary = summarize(result.kb);
    expect(summary.facts).toBeGreaterThanOrEqual(650);
    expect(summary.factsWithPrimary / summary.facts).toBeGreaterThanOrEqual(0.9);
    // The few that rest on secondary copies only (a distribution's advisory seen through a scanner's copy) are
    // listed; a press claim judged to be opinion cites the press by design and is not counted as missing one.
    const opinions = result.kb.facts.filter((f) => f.status === 'press-claim' && f.verdict === 'opinion');
    const opinionsWithoutPrimary = opinions.filter((f) => f.citations.every((c) => result.kb.sources.get(c.source)?.kind !== 'primary'));
    expect(summary.withoutPrimary.length).toBe(summary.facts - summary.factsWithPrimary - opinionsWithoutPrimary.length);
  });

  it('gives every fact a kind of question it answers', () => {
    if (!result.ok) return expect.fail('the base does not load');
    expect(result.kb.facts.filter((f) => f.intent.length === 0).map((f) => f.id)).toEqual([]);
  });

  it('cites every registered source at least once', () => {
    expect(result.warnings.map(formatIssue)).toEqual([]);
  });
});
