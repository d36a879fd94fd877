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

  it('has French text and a primary citation for every fact, and facts in every topic', () => {
    if (!result.ok) return expect.fail('the base does not load');
    const summary = summarize(result.kb);
    expect(summary.frenchText).toBe(summary.facts);
    expect(summary.frenchAliases).toBe(summary.facts);
    expect(summary.topics.filter((t) => t.facts === 0).map((t) => t.topic)).toEqual([]);
    const withoutPrimary = result.kb.facts
      .filter((f) => f.status !== 'press-claim' || f.verdict !== 'opinion')
      .filter((f) => !f.citations.some((c) => result.kb.sources.get(c.source)?.kind === 'primary'))
      .map((f) => f.id);
    expect(withoutPrimary).toEqual([]);
  });

  it('cites every registered source at least once', () => {
    expect(result.warnings.map(formatIssue)).toEqual([]);
  });
});
