// `npm run load`: mixed load through the fake Discord at the sizes asked, sequential, and a memory run; prints tables.
import { parseArgs } from 'node:util';
import { startBot } from '../discord/e2e/start-bot.ts';
import { profiled } from './cpu-profile.ts';
import { runLoad, stopQuietly, type LoadFigures } from './load-driver.ts';
import { runMemoryRounds } from './memory-run.ts';
import { summarise } from './profile-summary.ts';
import { machine } from './measure.ts';
import { DEFAULT_MIX } from './workload.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100,2000' },
    'in-flight': { type: 'string', default: '20' },
    sequential: { type: 'string', default: '300' },
    'memory-rounds': { type: 'string', default: '5' },
    'memory-size': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    profile: { type: 'string' },
    /** `http`: interactions go to the HTTP endpoint (signed POSTs), mentions still through the gateway. */
    transport: { type: 'string', default: 'gateway' },
  },
});
const sizes = values.n.split(',').map(Number).filter((n) => n > 0);
const inFlight = Number(values['in-flight']);
const seed = Number(values.seed);

const ms = (x: number) => x.toFixed(1).padStart(8);
const HEADER = `${'run'.padEnd(26)} ${'n'.padStart(5)} ${'wall s'.padStart(7)} ${'ok/s'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)} ${'once'.padStart(5)} ${'miss'.padStart(5)} ${'dup'.padStart(4)} ${'refused'.padStart(7)}`;
function row(label: string, f: LoadFigures): string {
  const l = f.latencyMs;
  const at = (x: number) => (f.replied > 0 ? ms(x) : '-'.padStart(8));
  return `${label.padEnd(26)} ${String(f.n).padStart(5)} ${(f.wallMs / 1000).toFixed(2).padStart(7)} ${f.throughputPerSec.toFixed(0).padStart(6)} ${at(l.p50)} ${at(l.p95)} ${at(l.p99)} ${at(l.max)} ${String(f.answeredOnce).padStart(5)} ${String(f.missing).padStart(5)} ${String(f.duplicated).padStart(4)} ${String(f.fakeErrors.length).padStart(7)}`;
}
const byKind = (f: LoadFigures) =>
  Object.entries(f.latencyByKindMs)
    .map(([kind, p]) => `${kind} ${p.p50.toFixed(1)}/${p.p99.toFixed(1)}`)
    .join(', ');

console.log(`xenbot load through the fake Discord (real discord.js client, real handlers, cooldown 0)`);
console.log(`${machine()}; ${new Date().toISOString()}`);
console.log(`mix ask:feature:autocomplete:mention = ${Object.values(DEFAULT_MIX).join(':')}, seed ${seed}, mentions over 4 text channels`);
console.log(`latency in ms from dispatch to the captured reply (interactions: first accepted callback; mentions: the reply message)\n`);

const transport = values.transport === 'http' ? 'http' : 'gateway';
console.log(`interactions through the ${transport === 'http' ? 'HTTP endpoint (signed POSTs, answered in the HTTP response)' : 'gateway'}`);
const bot = await startBot({ cooldownSeconds: 0, textChannels: 4, keepLogs: false, transport });
const results: Array<[string, LoadFigures]> = [];
try {
  await runLoad({ n: 200, concurrency: 1, bot, seed: seed + 1000 }); // warm-up: JIT and caches, not reported
  const runs: Array<[string, number, number | 'all']> = [
    ['sequential', Number(values.sequential), 1],
    ...sizes.map((n): [string, number, 'all'] => [`${n} at once`, n, 'all']),
    ...(inFlight > 0 ? [[`${Math.max(...sizes)}, ${inFlight} in flight`, Math.max(...sizes), inFlight] as [string, number, number]] : []),
  ];
  console.log(HEADER);
  for (const [label, n, concurrency] of runs) {
    if (n <= 0) continue;
    const file = values.profile ? `${values.profile}/${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile` : undefined;
    const figures = await profiled(file, () => runLoad({ n, concurrency, bot, seed }));
    results.push([label, figures]);
    console.log(row(label, figures));
  }
} finally {
  await stopQuietly(bot);
}

console.log('\np50/p99 ms by kind');
for (const [label, f] of results) console.log(`  ${label.padEnd(24)} ${byKind(f)}${f.dispatchAllMs === undefined ? '' : `; the fake took ${f.dispatchAllMs.toFixed(0)} ms to dispatch them all`}`);
const refused = results.flatMap(([label, f]) => (f.fakeErrors.length ? [`  ${label}: ${f.fakeErrors.length}, first: ${f.fakeErrors[0]}`] : []));
if (refused.length) console.log(`\nrefused by the fake (as Discord would)\n${refused.join('\n')}`);
const pings = results.filter(([, f]) => f.pings);
console.log(`\npings: ${pings.length === 0 ? 'none' : pings.map(([l, f]) => `${l}: ${f.pings}`).join('\n')}`);

if (values.profile) {
  console.log(`\nwhere the time goes (CPU self time by area; profiles in ${values.profile})`);
  for (const [label] of results) {
    const top = summarise(`${values.profile}/${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`)
      .filter((r) => !Number.isNaN(r.share))
      .slice(0, 8);
    console.log(`  ${label}: ${top.map((r) => `${r.area} ${(r.share * 100).toFixed(0)}%`).join('; ')}`);
  }
}

const rounds = Number(values['memory-rounds']);
const size = Number(values['memory-size']);
if (rounds > 0 && size > 0) {
  console.log(`\nmemory: ${rounds} rounds of ${size} mixed, ${inFlight || 'all'} in flight, one bot; heap after forced GC${(globalThis as { gc?: unknown }).gc ? '' : ' (NOT forced: run node with --expose-gc)'}`);
  const run = await runMemoryRounds({ rounds, size, concurrency: inFlight || 'all', seed });
  console.log(`${'round'.padStart(5)} ${'total'.padStart(6)} ${'heap MB'.padStart(8)} ${'rss MB'.padStart(7)} ${'once'.padStart(5)} ${'refused'.padStart(7)}`);
  console.log(`${'start'.padStart(5)} ${'0'.padStart(6)} ${run.start.heapMb.toFixed(1).padStart(8)} ${run.start.rssMb.toFixed(0).padStart(7)}`);
  for (const r of run.rounds) {
    console.log(`${String(r.round).padStart(5)} ${String(r.total).padStart(6)} ${r.after.heapMb.toFixed(1).padStart(8)} ${r.after.rssMb.toFixed(0).padStart(7)} ${String(r.figures.answeredOnce).padStart(5)} ${String(r.figures.fakeErrors.length).padStart(7)}`);
  }
  const later = run.rounds.slice(1).map((r) => r.after.heapMb);
  if (later.length >= 2) console.log(`heap from round 2 to ${rounds}: ${later[0]!.toFixed(1)} → ${later.at(-1)!.toFixed(1)} MB (${(later.at(-1)! - later[0]!).toFixed(1)} MB)`);
}
