// End-to-end latency for `npm run bench`: slash commands and autocomplete through the fake Discord, sequential
// and all at once, from dispatch to the captured reply.
import { startBot } from '../discord/e2e/start-bot.ts';
import { runLoad, stopQuietly, type LoadFigures } from './load-driver.ts';
import type { LoadMix } from './workload.ts';

export interface EndToEndRow {
  what: 'slash commands' | 'autocomplete';
  mode: 'sequential' | 'concurrent';
  figures: LoadFigures;
}

const SLASH: LoadMix = { ask: 2, feature: 1, autocomplete: 0, mention: 0 };
const AUTOCOMPLETE: LoadMix = { ask: 0, feature: 0, autocomplete: 1, mention: 0 };

/** One bot, warmed up first; `concurrent` interactions are dispatched at once (the target: 500, each answered once). */
export async function measureEndToEnd(opts: { sequential?: number; concurrent?: number; warmup?: number } = {}): Promise<EndToEndRow[]> {
  const sequential = opts.sequential ?? 300;
  const concurrent = opts.concurrent ?? 500;
  const bot = await startBot({ cooldownSeconds: 0, keepLogs: false });
  try {
    await runLoad({ n: opts.warmup ?? 200, concurrency: 1, bot, seed: 99 });
    const rows: EndToEndRow[] = [];
    for (const [what, mix] of [['slash commands', SLASH], ['autocomplete', AUTOCOMPLETE]] as const) {
      rows.push({ what, mode: 'sequential', figures: await runLoad({ n: sequential, concurrency: 1, mix, bot, seed: 1 }) });
      rows.push({ what, mode: 'concurrent', figures: await runLoad({ n: concurrent, concurrency: 'all', mix, bot, seed: 2 }) });
    }
    return rows;
  } finally {
    await stopQuietly(bot);
  }
}

/** The rows as aligned text lines: p50/p99 ms and how many were answered exactly once. */
export function formatEndToEnd(rows: readonly EndToEndRow[]): string[] {
  const header = `${'end to end (fake Discord)'.padEnd(40)} ${'p50'.padStart(7)} ${'p99'.padStart(7)}  answered once`;
  return [
    header,
    ...rows.map(({ what, mode, figures: f }) => {
      const label = `${what}, ${mode === 'sequential' ? 'sequential' : `${f.n} at once`}`;
      const problems = f.fakeErrors.length > 0 ? ` (${f.fakeErrors.length} refused by the fake)` : '';
      const at = (x: number) => (f.replied > 0 ? x.toFixed(2) : '-').padStart(7);
      return `${label.padEnd(40)} ${at(f.latencyMs.p50)} ${at(f.latencyMs.p99)}  ${f.answeredOnce}/${f.n}${problems}`;
    }),
  ];
}
