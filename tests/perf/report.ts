// The benchmark's figures as Markdown: printed by `npm run bench` and written to docs/performance.md.
import { spliceGenerated } from '../../src/quality/generated-section.ts';
import type { BotMemoryFigures } from './bot-memory.ts';
import type { ColdStartFigures } from './cold-start.ts';
import type { EndToEndRow } from './end-to-end.ts';
import type { EngineFigures } from './engine-size.ts';
import type { ReloadFigures } from './reload-under-load.ts';
import { ms } from './measure.ts';

export interface BenchFigures {
  date: string;
  machine: string;
  command: string;
  engine: EngineFigures[];
  coldStart?: ColdStartFigures;
  /** `ask` on knowledge folders of several sizes: the real one, then synthetic ones written as YAML. */
  starts?: ColdStartFigures[];
  reload?: ReloadFigures;
  /** The bot's first start after a deploy (no snapshot yet), and a restart (snapshot restored). */
  botFromFiles?: BotMemoryFigures;
  botMemory?: BotMemoryFigures;
  endToEnd?: EndToEndRow[];
  /** CPU profile of one pass over the questions at one size, by area of the engine. */
  profile?: { times: number; areas: Array<{ area: string; ms: number; share: number }> };
}

/** The issue's targets, checked against the figures: the table says which hold. */
export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

const mb = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? `${value.toFixed(0)} MB` : '–');

export function targets(figures: BenchFigures): Target[] {
  const copies = figures.engine.filter((e) => e.generator !== 'remix');
  const real = copies.find((e) => e.times === 1);
  const largest = [...copies].sort((a, b) => b.times - a.times)[0];
  const list: Target[] = [];
  if (real) {
    list.push({ what: 'answer(), real base, p50', target: '≤ 0.3 ms', measured: `${ms(real.answer.p50)} ms`, met: real.answer.p50 <= 0.3 });
    list.push({ what: 'answer(), real base, p99', target: '≤ 2 ms', measured: `${ms(real.answer.p99)} ms`, met: real.answer.p99 <= 2 });
    list.push({ what: 'autocomplete, real base, p99', target: '≤ 2 ms', measured: `${ms(real.autocomplete.p99)} ms`, met: real.autocomplete.p99 <= 2 });
    list.push({ what: 'index build, real base', target: '≤ 100 ms', measured: `${ms(real.buildMs, 0)} ms`, met: real.buildMs <= 100 });
  }
  for (const size of copies.filter((e) => e.times > 1)) {
    const facts = `${size.times}× base (${size.facts.toLocaleString('en')} facts)`;
    list.push({ what: `answer(), ${facts}, p99`, target: '≤ 10 ms', measured: `${ms(size.answer.p99)} ms`, met: size.answer.p99 <= 10 });
    list.push({ what: `autocomplete, ${facts}, p99`, target: '≤ 5 ms', measured: `${ms(size.autocomplete.p99)} ms`, met: size.autocomplete.p99 <= 5 });
  }
  if (largest && largest.times > 1) {
    list.push({
      what: `speed-up over fuse.js alone, ${largest.times}× base`,
      target: '≥ 20×',
      measured: `${largest.speedup.mean.toFixed(0)}× (mean), ${largest.speedup.p50.toFixed(0)}× (p50)`,
      met: Math.min(largest.speedup.mean, largest.speedup.p50) >= 20,
    });
  }
  if (figures.coldStart) {
    const p50 = figures.coldStart.fromSnapshot.p50;
    list.push({ what: '`ask` one question from the snapshot, real base, p50', target: '≤ 200 ms', measured: `${ms(p50, 0)} ms`, met: p50 <= 200 });
  }
  const biggestStart = [...(figures.starts ?? [])].sort((a, b) => (b.facts ?? 0) - (a.facts ?? 0))[0];
  if (biggestStart && real && (biggestStart.facts ?? 0) > real.facts) {
    const times = Math.round((biggestStart.facts ?? 0) / real.facts);
    const first = biggestStart.fromFilesPeakRssMb ?? Number.NaN;
    const later = biggestStart.fromSnapshotPeakRssMb ?? Number.NaN;
    list.push({
      what: `first run at ${times}× (load, index, snapshot)`,
      target: '≤ 15 s, ≤ 1 GB peak RSS',
      measured: `${(biggestStart.fromFilesMs / 1000).toFixed(1)} s, ${mb(first)}`,
      met: biggestStart.fromFilesMs <= 15_000 && first <= 1024,
    });
    list.push({
      what: `start from the snapshot at ${times}× (ask, p50)`,
      target: '≤ 1.5 s, ≤ 500 MB RSS',
      measured: `${(biggestStart.fromSnapshot.p50 / 1000).toFixed(2)} s, ${mb(later)}`,
      met: biggestStart.fromSnapshot.p50 <= 1500 && later <= 500,
    });
  }
  if (figures.reload) {
    const r = figures.reload;
    list.push({
      what: `answering during a reload of a ${r.times}× base`,
      target: 'event-loop delay p99 ≤ 50 ms, no interaction late',
      measured: `p99 ${ms(r.eventLoopDelayMs.p99, 0)} ms; ${r.late} late of ${r.latencyMs.n}`,
      met: r.eventLoopDelayMs.p99 <= 50 && r.late === 0 && r.failed === 0,
    });
  }
  const slashSequential = figures.endToEnd?.find((r) => r.what === 'slash commands' && r.mode === 'sequential');
  if (slashSequential) {
    const p50 = slashSequential.figures.latencyMs.p50;
    list.push({ what: 'end to end, slash commands one at a time, p50', target: '≤ 3 ms', measured: `${ms(p50)} ms`, met: p50 <= 3 });
  }
  for (const row of figures.endToEnd?.filter((r) => r.mode === 'concurrent') ?? []) {
    const f = row.figures;
    list.push({ what: `end to end, ${f.n} ${row.what} at once, answered exactly once`, target: `${f.n} / ${f.n}`, measured: `${f.answeredOnce} / ${f.n}`, met: f.answeredOnce === f.n });
  }
  if (figures.botMemory) {
    const rss = figures.botMemory.rssAfterLoadMb;
    list.push({ what: 'RSS of the running bot, real base', target: '≤ 100 MB', measured: `${rss.toFixed(0)} MB`, met: rss <= 100 });
    const first = figures.botFromFiles?.rssAfterLoadMb;
    if (first !== undefined) {
      list.push({ what: 'RSS of the bot on its first start (no snapshot)', target: '≤ 150 MB', measured: `${first.toFixed(0)} MB`, met: first <= 150 });
    }
  }
  return list;
}

const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function renderReport(figures: BenchFigures): string {
  const sizes = figures.engine;
  const parts = [
    '# Performance',
    '',
    `Measured by \`${figures.command}\` on ${figures.date}: ${figures.machine}.`,
    'Latencies in milliseconds. Synthetic bases are the real facts copied with new ids and 30 % of their words varied',
    '(deterministic seed), so the vocabulary grows with the base; they measure cost, not quality.',
    '',
    '## Targets',
    '',
    table(
      ['what', 'target', 'measured', ''],
      targets(figures).map((t) => [t.what, t.target, t.measured, t.met ? 'met' : '**missed**']),
    ),
    '',
    '## The answer engine by base size',
    '',
    table(
      ['', ...sizes.map((s) => `${s.times}×${s.generator === 'remix' ? ' remixed' : ''} (${s.facts.toLocaleString('en')} facts)`)],
      [
        ['index build', ...sizes.map((s) => `${ms(s.buildMs, 0)} ms`)],
        ['heap after build', ...sizes.map((s) => `${s.heapMb.toFixed(0)} MB`)],
        ['RSS after build / peak', ...sizes.map((s) => `${s.rssMb.toFixed(0)} / ${mb(s.peakRssMb)}`)],
        ['snapshot: bytes per fact, encoding', ...sizes.map((s) => `${(s.snapshotBytesPerFact / 1024).toFixed(1)} KB, ${ms(s.encodeMs, 0)} ms`)],
        ['answer() p50 / p99 / max', ...sizes.map((s) => `${ms(s.answer.p50)} / ${ms(s.answer.p99)} / ${ms(s.answer.max)}`)],
        ['answers per second, one core', ...sizes.map((s) => s.qps.toFixed(0))],
        ['autocomplete p50 / p99', ...sizes.map((s) => `${ms(s.autocomplete.p50)} / ${ms(s.autocomplete.p99)}`)],
        ['fuse.js alone: build', ...sizes.map((s) => `${ms(s.baseline.buildMs, 0)} ms`)],
        ['fuse.js alone: p50 / p99 (sample)', ...sizes.map((s) => `${ms(s.baseline.answer.p50, 1)} / ${ms(s.baseline.answer.p99, 1)} (${s.baseline.sample})`)],
        ['xenbot faster by (mean / p50)', ...sizes.map((s) => `${s.speedup.mean.toFixed(0)}× / ${s.speedup.p50.toFixed(0)}×`)],
      ],
    ),
    '',
    '"Remixed" bases are of another shape: titles from one real fact with their words shuffled, text from sentences of',
    'three others, so the vocabulary does not grow; the figures must hold for both shapes.',
    '',
    `answer() runs over the public question set (${sizes[0]?.answer.n ?? 0} timings at 1×); autocomplete over prefixes of`,
    'feature names (1 to 21 characters). The fuse.js baseline is one index over titles, aliases and texts with the whole',
    'question as the pattern, timed on a sample of the questions; the speed-up compares both on that same sample.',
  ];
  if (figures.profile) {
    const busy = figures.profile.areas.filter((a) => Number.isFinite(a.share) && a.share >= 0.005);
    parts.push(
      '',
      `## Where a question's time goes at ${figures.profile.times}×`,
      '',
      'CPU profile of one more pass over the question set, after the timings (self time by area; the profiler\'s own',
      'cost and idle time left out):',
      '',
      table(['area', 'share'], busy.map((a) => [a.area, `${(100 * a.share).toFixed(1)} %`])),
    );
  }
  const real = sizes.find((s) => s.times === 1);
  if (real?.top1) {
    parts.push(
      '',
      `Quality on the real base (${real.top1.questions} in-scope questions, best fact right): xenbot ${(100 * real.top1.xenbot).toFixed(1)} %,`,
      `fuse.js alone ${(100 * real.top1.baseline).toFixed(1)} %. Speed is not bought with quality.`,
    );
  }
  const starts = figures.starts ?? (figures.coldStart ? [figures.coldStart] : []);
  if (starts.length > 0) {
    parts.push(
      '',
      '## Start-up of `ask`, by base size',
      '',
      'Process start to answer printed, `node dist/cli/ask.js --json "What is PVH?"` (what `npm run ask` runs, without',
      "npm's own start-up), wall time and peak resident memory. The first run after a knowledge change reads, validates",
      'and indexes the YAML and writes the snapshot; later runs open the snapshot. Larger folders are the real one plus',
      'copies of every fact written as YAML (tests/perf/synthetic-knowledge.ts).',
      '',
      table(
        ['facts', 'first run', 'later runs (p50 / max)'],
        starts.map((c) => [
          c.facts !== undefined ? c.facts.toLocaleString('en') : '–',
          `${ms(c.fromFilesMs, 0)} ms, ${mb(c.fromFilesPeakRssMb)}`,
          `${ms(c.fromSnapshot.p50, 0)} / ${ms(c.fromSnapshot.max, 0)} ms, ${mb(c.fromSnapshotPeakRssMb)}`,
        ]),
      ),
    );
  }
  if (figures.reload) {
    const r = figures.reload;
    parts.push(
      '',
      `## Reloading a ${r.times}× base while answering`,
      '',
      `The bot in one process with the fake Discord reloads a ${r.times}× knowledge folder (the worker thread reads, validates`,
      `and indexes it) while \`/xen ask\` arrives every 50 ms. Reload ${r.result.ok ? `${(r.result.durationMs / 1000).toFixed(1)} s` : 'failed'}:`,
      '',
      table(
        ['commands during the reload', 'latency p50 / p99 / max', 'late (≥ 3 s) or failed', 'event-loop delay p99 / max'],
        [[String(r.latencyMs.n), `${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)} / ${ms(r.latencyMs.max)}`, `${r.late} / ${r.failed}`, `${ms(r.eventLoopDelayMs.p99, 0)} / ${ms(r.eventLoopDelayMs.max, 0)} ms`]],
      ),
    );
  }
  if (figures.botMemory) {
    const m = figures.botMemory;
    const rows = [
      ...(figures.botFromFiles ? [['first start after a deploy (index built from the YAML)', figures.botFromFiles] as const] : []),
      ['restart (index snapshot restored)', m] as const,
    ];
    parts.push(
      '',
      '## The running bot',
      '',
      `\`${m.command}\` (what \`npm start\` runs) on the real base, connected to the local fake Discord; resident memory:`,
      '',
      table(
        ['', 'after start-up', `after ${m.interactions} \`/xen ask\``],
        rows.map(([label, f]) => [label, `${f.rssAfterStartMb.toFixed(0)} MB`, `${f.rssAfterLoadMb.toFixed(0)} MB`]),
      ),
    );
  }
  if (figures.endToEnd) {
    parts.push(
      '',
      '## End to end through the fake Discord',
      '',
      'The real bot (discord.js over a WebSocket gateway and HTTP REST on 127.0.0.1, one process with the fake), from',
      'dispatching the interaction to the fake receiving its first response:',
      '',
      table(
        ['', 'p50', 'p99', 'max', 'answered exactly once', 'refused by the fake'],
        figures.endToEnd.map(({ what, mode, figures: f }) => [
          `${what}, ${mode === 'sequential' ? 'one at a time' : `${f.n} at once`}`,
          ms(f.latencyMs.p50),
          ms(f.latencyMs.p99),
          ms(f.latencyMs.max),
          `${f.answeredOnce} / ${f.n}`,
          String(f.fakeErrors.length),
        ]),
      ),
      '',
      'At once, every interaction waits for those dispatched before it: the bot and the fake share one event loop, so',
      'the latency is the queue, not the answer. See docs/load.md (`npm run load`) for mixed load and memory over time.',
    );
  }
  return `${parts.join('\n')}\n`;
}

/** The document with its generated part replaced by `report` (or made of it, the first time). */
export function spliceReport(document: string, report: string): string {
  return spliceGenerated(document, report, 'npm run bench');
}
