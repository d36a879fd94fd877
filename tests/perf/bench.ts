// `npm run bench`: the speed of xenbot as a table. The engine at 1×, 10× and 100× the real base (each size in a
// process of its own) against fuse.js alone, the cold start of `ask`, the memory of the running bot, and slash
// commands and autocomplete end to end through the fake Discord, `ask` started on 10× and 100× knowledge folders,
// a reload under load. Prints the report and writes docs/performance.md.
// `--quick` runs small sizes and writes nothing unless `--out` is given.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';
import { measureBotMemory } from './bot-memory.ts';
import { measureColdStart, type ColdStartFigures } from './cold-start.ts';
import { measureEndToEnd } from './end-to-end.ts';
import type { EngineFigures } from './engine-size.ts';
import { machine } from './measure.ts';
import { ENGINE_AREAS, summarise } from './profile-summary.ts';
import { measureReloadUnderLoad } from './reload-under-load.ts';
import { renderReport, spliceReport, type BenchFigures } from './report.ts';
import { writeSyntheticKnowledge } from './synthetic-knowledge.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE_SIZE = fileURLToPath(new URL('./engine-size.ts', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'remix-sizes': { type: 'string' },
    'start-sizes': { type: 'string' },
    out: { type: 'string' },
  },
});
const quick = values.quick;
const list = (value: string) => value.split(',').filter(Boolean).map(Number);
// 35× of today's 745 facts is about the 26,200 facts that issue 14 called 100× (of the 262 facts of then).
const sizes = list(values.sizes ?? (quick ? '1,2' : '1,10,35,100'));
/** Sizes measured again with a base of another shape (synthetic-base.ts, remixedBase). */
const remixSizes = list(values['remix-sizes'] ?? (quick ? '' : '10,35'));
/** Sizes at which `ask` is started on a knowledge folder written as YAML: the first run reads all of it. */
const startSizes = list(values['start-sizes'] ?? (quick ? '' : '10,35'));
/** The slow baseline gets fewer questions as the base grows, so the whole run stays within minutes. */
const baselineSample = (times: number) => (quick ? 3 : times >= 100 ? 8 : times >= 10 ? 25 : 425);

function engineAt(times: number, profile?: string, generator: EngineFigures['generator'] = 'copies'): EngineFigures {
  const args = ['--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', ENGINE_SIZE, '--generator', generator, ...(profile ? ['--profile', profile] : [])];
  const repeat = quick ? 1 : times >= 30 ? 2 : 5; // the largest bases are the slowest to repeat, and vary least
  const run = spawnSync(process.execPath, [...args, '--times', String(times), '--repeat', String(repeat), '--baseline-sample', String(baselineSample(times))], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  if (run.status !== 0) throw new Error(`the ${times}× run failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as EngineFigures;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

log('building dist/ (the compiled code ask and the bot run)…');
execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });

// The largest size is profiled too: the report says where its time goes.
const largest = Math.max(...sizes);
const profileDir = mkdtempSync(join(tmpdir(), 'xenbot-bench-profile-'));
const profileFile = join(profileDir, `engine-${largest}x.cpuprofile`);
const engine: EngineFigures[] = [];
for (const times of sizes) {
  log(`engine at ${times}×…`);
  engine.push(engineAt(times, times === largest ? profileFile : undefined));
}
const profile = { times: largest, areas: summarise(profileFile, ENGINE_AREAS) };
rmSync(profileDir, { recursive: true, force: true });
for (const times of remixSizes) {
  log(`engine at ${times}×, remixed base…`);
  engine.push(engineAt(times, undefined, 'remix'));
}
log('cold start of ask…');
const coldStart = measureColdStart(quick ? 2 : 10);
const realFacts = engine.find((e) => e.times === 1)?.facts ?? 0;
const starts: ColdStartFigures[] = [{ ...coldStart, facts: realFacts }];
for (const times of startSizes) {
  log(`ask on a ${times}× knowledge folder (written as YAML)…`);
  const dir = writeSyntheticKnowledge(times);
  try {
    starts.push(measureColdStart(3, dir, realFacts * times));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
log('reload of a 10× base under load…');
const reload = quick ? undefined : await measureReloadUnderLoad(10, createAnswerEngine(loadKnowledge()));
log('the running bot…');
const questions = loadQuestionSet().map((q) => q.question);
const snapshotDir = mkdtempSync(join(tmpdir(), 'xenbot-bench-bot-'));
const botFromFiles = await measureBotMemory(questions, quick ? 20 : 500, snapshotDir);
const botMemory = await measureBotMemory(questions, quick ? 20 : 500, snapshotDir);
rmSync(snapshotDir, { recursive: true, force: true });

log('end to end through the fake Discord…');
const endToEnd = await measureEndToEnd(quick ? { sequential: 20, concurrent: 20, warmup: 10 } : { sequential: 300, concurrent: 500 });

const figures: BenchFigures = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  machine: machine(),
  command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  engine,
  profile,
  coldStart,
  starts,
  ...(reload ? { reload } : {}),
  botFromFiles,
  botMemory,
  endToEnd,
};
const report = renderReport(figures);
process.stdout.write(report);
const out = values.out ?? (quick ? undefined : DEFAULT_OUT);
if (out) {
  // The figures replace the generated part only: notes written by hand around them stay.
  writeFileSync(out, spliceReport(existsSync(out) ? readFileSync(out, 'utf8') : '', report));
  log(`written to ${out}`);
}
