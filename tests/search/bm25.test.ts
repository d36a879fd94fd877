import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';
import { analyze } from '../../src/search/analyze.ts';
import { Bm25Index, type Bm25Hit } from '../../src/search/bm25.ts';
import { SortedStrings } from '../../src/search/sorted-strings.ts';
import { FIELD_BOOST, FIELDS, fieldsOf } from '../../src/search/search-index.ts';
import { seededRandom } from '../perf/measure.ts';
import { syntheticBase } from '../perf/synthetic-base.ts';

const terms = (text: string) => analyze(text).flatMap((g) => g.terms);

// The shipped base, laid out and weighted as the search index does it, indexed by both engines.
const documents = loadKnowledge().facts.map(fieldsOf);
const ours = Bm25Index.build(
  documents.map((d) => ({ id: d.id, fields: FIELDS.map((field) => terms(d[field])) })),
  FIELDS.map((field) => FIELD_BOOST[field]),
);
const reference = new MiniSearch({ fields: [...FIELDS], tokenize: terms, processTerm: (t) => t, searchOptions: { tokenize: (t) => [t], processTerm: (t) => t, boost: { ...FIELD_BOOST } } });
reference.addAll(documents);

/** What a search with `limit` must keep of the full hit list: the best `limit`, any tied with the last, the included. */
function keptByLimit(all: readonly Bm25Hit[], limit: number, include: ReadonlySet<string>): Bm25Hit[] {
  const bar = limit === 0 ? Number.POSITIVE_INFINITY : (all[limit - 1]?.score ?? Number.NEGATIVE_INFINITY);
  return all.filter((h) => h.score >= bar || include.has(h.id));
}

const byId = (hits: Array<{ id: unknown; score: number }>) => new Map(hits.map((h) => [String(h.id), h.score]));

describe('BM25 over typed arrays', () => {
  it('GIVEN every evaluation question THEN finds the same facts with the same scores as MiniSearch', () => {
    const mismatches: string[] = [];
    for (const { question } of loadQuestionSet()) {
      const query = [...new Set(analyze(question, { forQuery: true }).flatMap((g) => g.terms))];
      if (query.length === 0) continue;
      const expected = byId(reference.search({ combineWith: 'OR', queries: query }));
      const actual = byId(ours.search(query));
      const same = expected.size === actual.size && [...expected].every(([id, score]) => Math.abs((actual.get(id) ?? Number.NaN) - score) <= 1e-9 * score);
      if (!same) mismatches.push(question);
    }
    expect(mismatches).toEqual([]);
  });

  it('GIVEN hits THEN they come best first, and a repeated query term counts once', () => {
    const hits = ours.search(['pvh', 'pvh', 'guest']);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(hits).toEqual(ours.search(['pvh', 'guest']));
  });

  it('GIVEN a limit THEN keeps the best hits and those tied with the last, plus matching included ids', () => {
    const all = ours.search(['guest', 'xl']);
    const limited = ours.search(['guest', 'xl'], 5);
    const fifth = all[4]!.score;
    expect(limited).toEqual(all.filter((h) => h.score >= fifth));
    const far = all.at(-1)!;
    expect(ours.search(['guest', 'xl'], 5, new Set([far.id, 'not-a-fact']))).toEqual([...limited, far]);
    expect(ours.search(['guest', 'xl'], 0, new Set([far.id]))).toEqual([far]);
  });

  it('GIVEN a limit THEN the pruned search keeps exactly what scoring every posting keeps, on the base and on one 3 times larger', () => {
    const larger = Bm25Index.build(
      syntheticBase(loadKnowledge(), 3).facts.map(fieldsOf).map((d) => ({ id: d.id, fields: FIELDS.map((field) => terms(d[field])) })),
      FIELDS.map((field) => FIELD_BOOST[field]),
    );
    const mismatches: string[] = [];
    for (const index of [ours, larger]) {
      for (const { question } of loadQuestionSet()) {
        const query = analyze(question, { forQuery: true }).flatMap((g) => g.terms);
        const all = index.search(query);
        // Far hits as included documents: the named and fuzzy matches rank.ts forces into the list.
        const include = new Set([all.at(-1)?.id, all.at(-7)?.id, 'not-a-fact'].filter((id): id is string => id !== undefined));
        for (const limit of [0, 1, 5, 50]) {
          const expected = keptByLimit(all, limit, include);
          const actual = index.search(query, limit, include);
          const same =
            expected.length === actual.length &&
            expected.every((h) => Math.abs((actual.find((a) => a.id === h.id)?.score ?? Number.NaN) - h.score) <= 1e-9 * h.score);
          if (!same) mismatches.push(`${limit} ${question}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('GIVEN random documents with many exact copies THEN the pruned search keeps exactly what scoring every posting keeps', () => {
    const random = seededRandom(7);
    // Common words in most documents, rare ones in a few: the shape pruning is for. Every third document is a copy.
    const word = () => `w${Math.floor(300 * random() ** 3)}`;
    const made: string[][][] = [];
    for (let d = 0; d < 3000; d++) {
      made.push(d % 3 === 2 ? made[d - 1]! : [0, 1, 2, 3].map((f) => Array.from({ length: f === 2 ? 20 : 4 }, word)));
    }
    const index = Bm25Index.build(made.map((fields, d) => ({ id: `d${d}`, fields })), [2, 1.5, 1, 1]);
    const { fields } = index.parts();
    const postingsOf = (query: string[]) =>
      [...new Set(query)].reduce((n, term) => {
        const t = index.termList().idOf(term);
        return t < 0 ? n : n + fields.reduce((m, f) => m + f.start[t + 1]! - f.start[t]!, 0);
      }, 0);
    const mismatches: string[] = [];
    let large = 0;
    for (let q = 0; q < 300; q++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 20) }, word);
      if (postingsOf(query) > 4000) large++;
      const all = index.search(query);
      const include = new Set([`d${Math.floor(random() * 3000)}`, all.at(-1)?.id ?? 'd0']);
      for (const limit of [0, 1, 2, 5, 50]) {
        const expected = keptByLimit(all, limit, include).map((h) => h.id).sort();
        const actual = index.search(query, limit, include).map((h) => h.id).sort();
        if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${limit} ${query.join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Most questions here take the pruned path (more than 4,000 postings): the comparison is about it.
    expect(large).toBeGreaterThan(150);
  });

  it('GIVEN terms the base never uses THEN finds nothing, and the next question is not affected', () => {
    const before = ours.search(['fifo']);
    expect(ours.search(['zzzz-not-a-term'])).toEqual([]);
    expect(ours.search(['fifo'])).toEqual(before);
  });

  it('GIVEN its parts THEN an index made from them answers exactly as the original', () => {
    const parts = ours.parts();
    const copy = (a: Uint32Array | Uint16Array) => a.slice();
    const fields = parts.fields.map((f) => ({ start: copy(f.start) as Uint32Array, docs: copy(f.docs) as Uint32Array, frequencies: copy(f.frequencies) as Uint16Array, lengths: copy(f.lengths) as Uint32Array }));
    const restored = Bm25Index.fromParts(SortedStrings.fromSorted([...ours.termList().list()]), { ...parts, ids: [...parts.ids], fields });
    for (const query of [['pvh'], ['event', 'channel', 'fifo'], ['arm', 'board', 'support']]) {
      expect(restored.search(query)).toEqual(ours.search(query));
    }
  });
});
