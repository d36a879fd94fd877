// A/B of answer() speed: this checkout's engine against another checkout's, loaded in one process and asked the
// evaluation questions interleaved, so that the machine's drift between runs (large here) falls on both alike.
//   node --import tsx tests/perf/compare-engines.ts <other checkout, with its node_modules> [rounds]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadNamedSet } from '../../src/quality/question-sets.ts';
import { percentiles } from './measure.ts';

const [otherDir, roundsArg] = process.argv.slice(2);
if (!otherDir) {
  console.error('usage: node --import tsx tests/perf/compare-engines.ts <other checkout> [rounds]');
  process.exit(2);
}
const other = (path: string) => import(pathToFileURL(resolve(otherDir, path)).href);
const { createAnswerEngine: createOther } = (await other('src/answer/engine.ts')) as { createAnswerEngine: typeof createAnswerEngine };
const { loadKnowledge: loadOther } = (await other('src/knowledge/load.ts')) as { loadKnowledge: typeof loadKnowledge };
const engines = { other: createOther(loadOther(resolve(otherDir, 'knowledge'))), this: createAnswerEngine(loadKnowledge()) };
const questions = (['public', 'training', 'holdout', 'blind'] as const).flatMap((set) => loadNamedSet(set)).map((q) => q.question);
for (const q of questions) for (const engine of Object.values(engines)) engine.answer(q); // warm-up: JIT, caches

const samples = { other: [] as number[], this: [] as number[] };
for (let round = 0; round < Number(roundsArg ?? 5); round++) {
  for (const q of questions) {
    for (const name of ['other', 'this'] as const) {
      const started = performance.now();
      engines[name].answer(q);
      samples[name].push(performance.now() - started);
    }
  }
}
for (const name of ['other', 'this'] as const) {
  const { p50, p99 } = percentiles(samples[name]);
  console.log(`${name.padEnd(5)} answer() p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (${samples[name].length} answers)`);
}
