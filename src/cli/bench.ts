// `npm run bench`: start-up cost and query latency of the answer engine, printed as a table of figures.
import { createAnswerEngine } from '../answer/engine.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { loadQuestionSet } from '../quality/question-set.ts';
import { completeFacts } from '../search/autocomplete.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}

function time(run: () => void, repeat: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The base with every fact copied `times` times under new ids: how cost grows with size, not a quality test. */
function enlarged(kb: KnowledgeBase, times: number): KnowledgeBase {
  const facts: Fact[] = [];
  for (let i = 0; i < times; i++) {
    for (const f of kb.facts) {
      const suffix = i === 0 ? '' : `-copy${i}`;
      facts.push({ ...f, id: `${f.id}${suffix}`, aliases: { en: f.aliases.en.map((a) => `${a}${suffix}`), fr: f.aliases.fr.map((a) => `${a}${suffix}`) }, related: [] });
    }
  }
  return { ...kb, facts, factsById: new Map(facts.map((f) => [f.id, f])) };
}

const row = (label: string, p: ReturnType<typeof percentiles>, n: number) =>
  `${label.padEnd(34)} ${p.p50.toFixed(2).padStart(7)} ${p.p95.toFixed(2).padStart(7)} ${p.p99.toFixed(2).padStart(7)} ${p.max.toFixed(2).padStart(8)} ${String(n).padStart(6)}`;

exitQuietlyOnClosedPipe();
let started = performance.now();
const kb = loadKnowledge();
const loadMs = performance.now() - started;
const questions = loadQuestionSet().map((q) => q.question);

console.log(`Node ${process.version}, ${kb.facts.length} facts, ${questions.length} questions${gc ? '' : ' (run with --expose-gc for heap figures)'}\n`);
console.log(`knowledge load + validation: ${loadMs.toFixed(0)} ms`);
console.log('\nfacts   index build ms   heap MB');
for (const times of [1, 4]) {
  const base = enlarged(kb, times);
  const before = heapMb();
  started = performance.now();
  const engine = createAnswerEngine(base);
  const buildMs = performance.now() - started;
  const heap = heapMb() - before;
  console.log(`${String(engine.kb.facts.length).padStart(5)}   ${buildMs.toFixed(0).padStart(14)}   ${gc ? heap.toFixed(1).padStart(7) : '      –'}`);
}

const engine = createAnswerEngine(kb);
for (const q of questions) engine.answer(q); // warm-up: JIT and stem cache
const short = questions.filter((q) => q.length <= 32);
const long = questions.filter((q) => q.length > 32);
const huge = `PVH ${'lorem ipsum dolor '.repeat(6000)}`.slice(0, 100_000);
const prefixes = ['', 'p', 'pv', 'pvh', 'evt', 'nested', 'virtualisation imb', 'xl d', 'nestd virtualisaton'];

console.log('\nlatency, ms                          p50     p95     p99      max      n');
console.log(row('answer(), all questions', percentiles(questions.flatMap((q) => time(() => engine.answer(q), 5))), questions.length * 5));
console.log(row('answer(), short (≤ 32 chars)', percentiles(short.flatMap((q) => time(() => engine.answer(q), 5))), short.length * 5));
console.log(row('answer(), long (> 32 chars)', percentiles(long.flatMap((q) => time(() => engine.answer(q), 5))), long.length * 5));
console.log(row('answer(), 100 KB question', percentiles(time(() => engine.answer(huge), 20)), 20));
console.log(row('autocomplete (25 choices)', percentiles(prefixes.flatMap((p) => time(() => completeFacts(kb, engine.index, p, 'en', 25), 20))), prefixes.length * 20));
const big = createAnswerEngine(enlarged(kb, 4));
for (const q of questions) big.answer(q);
console.log(row(`answer(), ×4 base (${big.kb.facts.length} facts)`, percentiles(questions.flatMap((q) => time(() => big.answer(q), 2))), questions.length * 2));
