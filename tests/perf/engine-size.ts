// One row of the benchmark: the engine and the fuse.js baseline on one base size, measured in a process of its own
// so that heap and RSS are this size's alone. Prints one JSON object (see EngineFigures).
import { parseArgs } from 'node:util';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { evaluate, ratio } from '../../src/quality/evaluate.ts';
import { isOutOfScope, loadQuestionSet } from '../../src/quality/question-set.ts';
import { completeFacts } from '../../src/search/autocomplete.ts';
import { profiled } from './cpu-profile.ts';
import { fuseBaseline } from './fuse-baseline.ts';
import { memory, percentiles, seededRandom, timeEach, type Percentiles } from './measure.ts';
import { buildIndexData, searchIndexOf } from '../../src/search/search-index.ts';
import { indexSections } from '../../src/snapshot/index-sections.ts';
import { knowledgeSections } from '../../src/snapshot/knowledge-sections.ts';
import { encodeSections } from '../../src/snapshot/sections-file.ts';
import { remixedBase, syntheticBase } from './synthetic-base.ts';

export interface EngineFigures {
  times: number;
  /** Which synthetic base: the real facts copied with varied words, or remixed (see synthetic-base.ts). */
  generator: 'copies' | 'remix';
  facts: number;
  buildMs: number;
  /** The snapshot's size per fact, and the time to encode it. */
  snapshotBytesPerFact: number;
  encodeMs: number;
  /** Peak resident memory of this process by the end of the build (it runs alone for this size). */
  peakRssMb: number;
  heapMb: number;
  rssMb: number;
  answer: Percentiles;
  /** Questions answered per second by one core, one after the other. */
  qps: number;
  autocomplete: Percentiles;
  baseline: { buildMs: number; answer: Percentiles; sample: number };
  /** The same sample of questions through both: baseline time / xenbot time. */
  speedup: { p50: number; mean: number };
  /** On the real base only: share of in-scope questions whose best fact is right. */
  top1?: { xenbot: number; baseline: number; questions: number };
}

export interface EngineBenchOptions {
  times: number;
  /** How many times the question set is answered, for stable percentiles. */
  repeat: number;
  /** Questions sent to the (slow) baseline; its top-1 uses every in-scope question on the real base. */
  baselineSample: number;
  knowledgeDir?: string;
  generator?: EngineFigures['generator'];
  /** Also profile one more pass over the questions (after the timings, which it does not affect) into this file. */
  profile?: string;
}

const mean = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);

/** Prefixes as typed in a picker: of names of real features, a few lengths each. */
function autocompleteInputs(titles: readonly string[], count: number): string[] {
  const random = seededRandom(7);
  const picked = Array.from({ length: count }, () => titles[Math.floor(random() * titles.length)]!);
  return ['', ...picked.flatMap((title) => [1, 2, 3, 5, 8, 13, 21].filter((n) => n <= title.length).map((n) => title.slice(0, n)))];
}

export async function benchEngine(options: EngineBenchOptions): Promise<EngineFigures> {
  const kb = loadKnowledge(options.knowledgeDir);
  const questions = loadQuestionSet();
  const texts = questions.map((q) => q.question);
  const generator = options.generator ?? 'copies';
  const base = (generator === 'remix' ? remixedBase : syntheticBase)(kb, options.times);

  const before = memory();
  let started = performance.now();
  const data = buildIndexData(base.facts);
  const buildMs = performance.now() - started;
  const engine = createAnswerEngine(base, searchIndexOf(data));
  const after = memory();
  started = performance.now();
  const snapshot = encodeSections('bench', { ...knowledgeSections(base), ...indexSections(data) });
  const encodeMs = performance.now() - started;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  for (const q of texts) engine.answer(q); // warm-up: JIT, stem cache
  const rounds = Array.from({ length: options.repeat }, () => texts).flat();
  started = performance.now();
  const answerSamples = timeEach(rounds, (q) => engine.answer(q));
  const qps = rounds.length / ((performance.now() - started) / 1000);
  if (options.profile) await profiled(options.profile, async () => texts.forEach((q) => engine.answer(q)));

  const titles = kb.facts.flatMap((f) => [f.title.en, f.title.fr]);
  const prefixes = autocompleteInputs(titles, options.times >= 100 ? 20 : 60);
  const warmUp = options.times >= 100 ? prefixes.slice(0, 20) : prefixes; // at 100× a full pass takes a minute
  for (const p of warmUp) completeFacts(base, engine.index, p, 'en', 25);
  const autocompleteSamples = timeEach(prefixes, (p) => completeFacts(base, engine.index, p, 'en', 25));

  // The baseline scans every fact for every question: a sample keeps the run short at large sizes.
  started = performance.now();
  const baseline = fuseBaseline(base.facts);
  const baselineBuildMs = performance.now() - started;
  const random = seededRandom(11);
  const sample = [...texts].sort(() => random() - 0.5).slice(0, options.baselineSample);
  const baselineBest = new Map<string, string | undefined>();
  const baselineSamples = timeEach(sample, (q) => baselineBest.set(q, baseline.best(q)));
  const xenbotSamples = timeEach(sample, (q) => engine.answer(q));

  let top1: EngineFigures['top1'];
  if (options.times === 1) {
    const inScope = questions.filter((q) => !isOutOfScope(q));
    const report = evaluate(engine, questions);
    // The timed sample is usually every question at 1×: its answers are reused rather than searched again.
    const best = (q: string) => (baselineBest.has(q) ? baselineBest.get(q) : baseline.best(q));
    const baselineRight = inScope.filter((q) => q.expected.includes(best(q.question) ?? '')).length;
    top1 = { xenbot: ratio(report.top1, report.inScope), baseline: ratio(baselineRight, inScope.length), questions: inScope.length };
  }

  return {
    times: options.times,
    generator,
    facts: base.facts.length,
    buildMs,
    snapshotBytesPerFact: snapshot.byteLength / base.facts.length,
    encodeMs,
    peakRssMb,
    heapMb: after.heapMb - before.heapMb,
    rssMb: after.rssMb,
    answer: percentiles(answerSamples),
    qps,
    autocomplete: percentiles(autocompleteSamples),
    baseline: { buildMs: baselineBuildMs, answer: percentiles(baselineSamples), sample: sample.length },
    speedup: { p50: percentiles(baselineSamples).p50 / percentiles(xenbotSamples).p50, mean: mean(baselineSamples) / mean(xenbotSamples) },
    top1,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      times: { type: 'string', default: '1' },
      repeat: { type: 'string', default: '5' },
      'baseline-sample': { type: 'string', default: '40' },
      profile: { type: 'string' },
      generator: { type: 'string', default: 'copies' },
    },
  });
  const figures = await benchEngine({
    times: Number(values.times),
    repeat: Number(values.repeat),
    baselineSample: Number(values['baseline-sample']),
    generator: values.generator === 'remix' ? 'remix' : 'copies',
    ...(values.profile ? { profile: values.profile } : {}),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
