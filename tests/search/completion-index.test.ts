// Completion and spelling read sorted lists and postings instead of scanning every name or walking a radix tree;
// these tests hold them to what a plain scan of the same names and words gives.
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { completeFacts, completeReferences } from '../../src/search/autocomplete.ts';
import { buildSearchIndex, nameWords, type FactName } from '../../src/search/search-index.ts';
import { nameKey } from '../../src/text/fold.ts';
import { syntheticBase } from '../perf/synthetic-base.ts';

const kb = loadKnowledge();
const index = buildSearchIndex(kb.facts);
const allNames: FactName[] = Array.from({ length: index.names.count }, (_, i) => index.names.at(i));
// A base four times larger: one typed letter then matches more names than are walked, and the picker's order is read.
const large = syntheticBase(kb, 4);
const largeIndex = buildSearchIndex(large.facts);
const largeNames: FactName[] = Array.from({ length: largeIndex.names.count }, (_, i) => largeIndex.names.at(i));

type Match = { score: number; length: number; position: number };
const byMatch = (a: Match, b: Match) => a.score - b.score || a.length - b.length || a.position - b.position;

/** The completion as a scan of every name: rank of each name, best name per fact, then the order of the picker. */
function scanFacts(names: readonly FactName[], input: string, language: 'en' | 'fr', limit: number): string[] {
  const typed = nameKey(input);
  const words = nameWords(input);
  const best = new Map<string, Match>();
  names.forEach((name, position) => {
    const rank =
      name.folded === typed ? 0
      : name.folded.startsWith(typed) ? 1
      : words.every((w) => name.words.some((nw) => nw.startsWith(w))) ? 2
      : name.folded.includes(typed) ? 3
      : undefined;
    if (rank === undefined) return;
    const match = { score: rank * 10 + (name.kind === 'title' ? 0 : 2) + (name.language === language ? 0 : 1), length: name.name.length, position };
    const current = best.get(name.factId);
    if (!current || byMatch(match, current) < 0) best.set(name.factId, match);
  });
  return [...best]
    .sort(([, a], [, b]) => byMatch(a, b))
    .slice(0, limit)
    .map(([id]) => id);
}

const INPUTS = ['p', 'a', 'c', 's', 'the', 'pv', 'pvh', 'x', 'xl', 'xl c', 'dom0', 'dom0_m', 'virt imb', 'event chan', 'numa', 'credit2', 'arm', 'ion', 'ev', 'zz', 'mig', 'passthrough', 'tmem', 'e', 'vif', 'qemu up', 'blk'];

describe('completion over the sorted name index', () => {
  it('GIVEN typed prefixes, words and fragments THEN offers the facts a scan of every name offers, in the same order', () => {
    for (const input of INPUTS) {
      for (const language of ['en', 'fr'] as const) {
        for (const limit of [5, 25]) {
          const scanned = scanFacts(allNames, input, language, limit);
          // Fuzzy rescue only adds to a short list; compare what the exact matches gave.
          const offered = completeFacts(kb, index, input, language, limit).map((c) => c.id).slice(0, scanned.length);
          expect({ input, language, limit, offered }).toEqual({ input, language, limit, offered: scanned });
          const scannedLarge = scanFacts(largeNames, input, language, limit);
          const offeredLarge = completeFacts(large, largeIndex, input, language, limit).map((c) => c.id).slice(0, scannedLarge.length);
          expect({ input, language, limit, offeredLarge }).toEqual({ input, language, limit, offeredLarge: scannedLarge });
        }
      }
    }
  });

  it('GIVEN a fragment in the middle of a reference name THEN finds it like a scan of the reference names', () => {
    for (const [input, names, base, searchIndex] of ['mem', 'dom0_mem', 'pass', 'console', 'xl migr', 'hap', 'sched', 'd', 'x'].flatMap((i) => [
      [i, allNames, kb, index] as const,
      [i, largeNames, large, largeIndex] as const,
    ])) {
      const typed = nameKey(input.replace(/^\s*xl\s+/i, ''));
      const scanned = names
        .map((name, position) => ({ name, position }))
        .filter(({ name }) => name.kind === 'reference' && name.folded.includes(typed))
        .map(({ name, position }) => ({ id: name.factId, name: name.name, rank: name.folded === typed ? 0 : name.folded.startsWith(typed) ? 1 : 2, position }))
        .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.position - b.position)
        .slice(0, 25)
        .map(({ id, name }) => `${id} ${name}`);
      const offered = completeReferences(base, searchIndex, input, 25).map((c) => `${c.id} ${c.name}`).slice(0, scanned.length);
      expect({ input, offered }).toEqual({ input, offered: scanned });
    }
  });
});

describe('the spelling dictionary', () => {
  it('GIVEN words with typos THEN finds exactly the words a radix tree finds within the same edit distance', () => {
    const words = index.data.words.list();
    const tree = new SearchableMap<number>();
    words.forEach((word, i) => tree.set(word, index.data.wordFrequency[i]!));
    const queries = ['virtualisaton', 'mdoe', 'pvhh', 'consle', 'schedular', 'evnt', 'xx', 'migraton', 'passthru', 'hypervisr', 'credti', 'a', ''];
    for (const query of queries) {
      for (const distance of [0, 1, 2]) {
        const ours = index.vocabulary.near(query, distance).sort(([a], [b]) => (a < b ? -1 : 1));
        const theirs = [...tree.fuzzyGet(query, distance)].map(([w, [f]]): [string, number] => [w, f]).sort(([a], [b]) => (a < b ? -1 : 1));
        expect({ query, distance, found: ours }).toEqual({ query, distance, found: theirs });
      }
    }
  });
});
