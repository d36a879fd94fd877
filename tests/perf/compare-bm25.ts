// A/B of BM25 search alone on a synthetic base: this checkout's index against another checkout's, both built from
// the same analysed facts and asked the evaluation questions interleaved (as compare-engines.ts does for answer()).
//   node --max-old-space-size=8000 --import tsx tests/perf/compare-bm25.ts <other checkout, with its node_modules> [times]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadNamedSet } from '../../src/quality/question-sets.ts';
import { analyze } from '../../src/search/analyze.ts';
import { Bm25Index } from '../../src/search/bm25.ts';
import { FIELD_BOOST, FIELDS, fieldsOf } from '../../src/search/search-index.ts';
import { percentiles } from './measure.ts';
import { syntheticBase } from './synthetic-base.ts';

const [otherDir, timesArg] = process.argv.slice(2);
if (!otherDir) {
  console.error('usage: node --import tsx tests/perf/compare-bm25.ts <other checkout> [times]');
  process.exit(2);
}
const { Bm25Index: OtherBm25 } = (await import(pathToFileURL(resolve(otherDir, 'src/search/bm25.ts')).href)) as { Bm25Index: typeof Bm25Index };
const times = Number(timesArg ?? 35);
const kb = times === 1 ? loadKnowledge() : syntheticBase(loadKnowledge(), times);
const documents = kb.facts.map(fieldsOf).map((d) => ({ id: d.id, fields: FIELDS.map((field) => analyze(d[field]).flatMap((g) => g.terms)) }));
const boosts = FIELDS.map((field) => FIELD_BOOST[field]);
const indexes = { other: OtherBm25.build(documents, boosts), this: Bm25Index.build(documents, boosts) };
const queries = (['public', 'training', 'holdout', 'blind'] as const)
  .flatMap((set) => loadNamedSet(set))
  .map((q) => [...new Set(analyze(q.question, { forQuery: true }).flatMap((g) => g.terms))]);
for (const query of queries) for (const index of Object.values(indexes)) index.search(query, 50); // warm-up: JIT, bounds

const samples = { other: [] as number[], this: [] as number[] };
for (let round = 0; round < 3; round++) {
  for (const query of queries) {
    for (const name of ['other', 'this'] as const) {
      const started = performance.now();
      indexes[name].search(query, 50);
      samples[name].push(performance.now() - started);
    }
  }
}
for (const name of ['other', 'this'] as const) {
  const { p50, p99 } = percentiles(samples[name]);
  const mean = samples[name].reduce((a, b) => a + b, 0) / samples[name].length;
  console.log(`${name.padEnd(5)} BM25 search at ${times}x: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, mean ${mean.toFixed(3)} ms`);
}
