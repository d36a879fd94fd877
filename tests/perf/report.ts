// The benchmark's figures as Markdown: printed by `npm run bench` and written to docs/performance.md.
import { spliceGenerated } from '../../src/quality/generated-section.ts';
import type { BotMemoryFigures } from './bot-memory.ts';
import type { ColdStartFigures } from './cold-start.ts';
import type { EndToEndRow } from './end-to-end.ts';
import type { EngineFigures } from './engine-size.ts';
import { ms } from './measure.ts';

export interface BenchFigures {
  date: string;
  machine: string;
  command: string;
  engine: EngineFigures[];
  coldStart?: ColdStartFigures;
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

export function targets(figures: BenchFigures): Target[] {
  const real = figures.engine.find((e) => e.times === 1);
  const largest = [...figures.engine].sort((a, b) => b.times - a.times)[0];
  const list: Target[] = [];
  if (real) {
    list.push({ what: 'answer(), real base, p50', target: '≤ 0.3 ms', measured: `${ms(real.answer.p50)} ms`, met: real.answer.p50 <= 0.3 });
    list.push({ what: 'answer(), real base, p99', target: '≤ 2 ms', measured: `${ms(real.answer.p99)} ms`, met: real.answer.p99 <= 2 });
    list.push({ what: 'autocomplete, real base, p99', target: '≤ 2 ms', measured: `${ms(real.autocomplete.p99)} ms`, met: real.autocomplete.p99 <= 2 });
  }
  if (largest && largest.times > 1) {
    list.push({ what: `answer(), ${largest.times}× base, p99`, target: '≤ 25 ms', measured: `${ms(largest.answer.p99)} ms`, met: largest.answer.p99 <= 25 });
    list.push({
      what: `speed-up over fuse.js alone, ${largest.times}× base`,
      target: '≥ 20×',
      measured: `${largest.speedup.mean.toFixed(0)}× (mean), ${largest.speedup.p50.toFixed(0)}× (p50)`,
      met: Math.min(largest.speedup.mean, largest.speedup.p50) >= 20,
    });
  }
  if (figures.coldStart) {
    const p50 = figures.coldStart.fromSnapshot.p50;
    list.push({ what: 'cold start of ask (snapshot), p50', target: '≤ 500 ms', measured: `${ms(p50, 0)} ms`, met: p50 <= 500 });
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
    list.push({ what: 'RSS of the running bot, real base', target: '≤ 150 MB', measured: `${rss.toFixed(0)} MB`, met: rss <= 150 });
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
      ['', ...sizes.map((s) => `${s.times}× (${s.facts.toLocaleString('en')} facts)`)],
      [
        ['index build', ...sizes.map((s) => `${ms(s.buildMs, 0)} ms`)],
        ['heap after build', ...sizes.map((s) => `${s.heapMb.toFixed(0)} MB`)],
        ['RSS after build', ...sizes.map((s) => `${s.rssMb.toFixed(0)} MB`)],
        ['answer() p50 / p99 / max', ...sizes.map((s) => `${ms(s.answer.p50)} / ${ms(s.answer.p99)} / ${ms(s.answer.max)}`)],
        ['answers per second, one core', ...sizes.map((s) => s.qps.toFixed(0))],
        ['autocomplete p50 / p99', ...sizes.map((s) => `${ms(s.autocomplete.p50)} / ${ms(s.autocomplete.p99)}`)],
        ['fuse.js alone: build', ...sizes.map((s) => `${ms(s.baseline.buildMs, 0)} ms`)],
        ['fuse.js alone: p50 / p99 (sample)', ...sizes.map((s) => `${ms(s.baseline.answer.p50, 1)} / ${ms(s.baseline.answer.p99, 1)} (${s.baseline.sample})`)],
        ['xenbot faster by (mean / p50)', ...sizes.map((s) => `${s.speedup.mean.toFixed(0)}× / ${s.speedup.p50.toFixed(0)}×`)],
      ],
    ),
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
  if (figures.coldStart) {
    const c = figures.coldStart;
    parts.push(
      '',
      '## Cold start of `ask`',
      '',
      'Process start to answer printed, `node dist/cli/ask.js --json "What is PVH?"` (what `npm run ask` runs, without npm\'s own start-up):',
      '',
      table(
        ['', 'wall time'],
        [
          ['first run after a knowledge change (YAML parsed, validated, indexed; snapshot written)', `${ms(c.fromFilesMs, 0)} ms`],
          [`later runs, from the snapshot (p50 / max of ${c.fromSnapshot.n})`, `${ms(c.fromSnapshot.p50, 0)} / ${ms(c.fromSnapshot.max, 0)} ms`],
        ],
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
