// Sums a .cpuprofile's self time by where the code lives (the fake, discord.js, the bot, node…): where load time goes.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PROFILER = 'profiler itself';
/** Not time the run spent: shown, but left out of the shares. */
const NOT_BUSY = new Set(['idle', PROFILER]);

export type Areas = Array<[string, RegExp]>;

/** Where a question's time goes inside the answer engine (npm run bench). */
export const ENGINE_AREAS: Areas = [
  ['fuzzy names: trigram shortlist and fuse.js', /src\/search\/fuzzy-names|node_modules\/fuse\.js\//],
  ['BM25', /src\/search\/bm25/],
  ['index lookups (sorted lists, postings)', /src\/search\/(sorted-strings|postings|search-index)/],
  ['spelling correction (trie walk, edit distance)', /src\/search\/(spelling|spelling-dictionary|edit-distance)/],
  ['ranking and coverage', /src\/search\/(rank|coverage)/],
  ['analysis (words, stems, folding)', /src\/(search\/(analyze|stopwords|glossary|question-frame)|text\/)|node_modules\/@nlpjs/],
  ['answer: decision, language, view', /src\/answer\//],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
];

const AREAS: Areas = [
  ['fake Discord (tests/fake-discord)', /tests\/fake-discord\//],
  ['load driver (tests/perf, e2e harness)', /tests\/(perf|discord)\//],
  ['bot: answer engine and search (src/answer, src/search, fuse.js, minisearch, stemmers)', /src\/(answer|search|knowledge|text)\/|node_modules\/(fuse\.js|@nlpjs)\//],
  ['bot: Discord handlers and rendering (src/discord)', /src\/discord\//],
  ['bot: logging (pino)', /node_modules\/(pino|sonic-boom|thread-stream|fast-redact)/],
  ['discord.js (client, rest, ws, builders)', /node_modules\/(@?discord|@discordjs|@sapphire|@vladfrangu)/],
  ['HTTP client (undici)', /node_modules\/undici|node:internal\/deps\/undici/],
  ['WebSocket (ws)', /node_modules\/ws\//],
  ['other node_modules', /node_modules\//],
  ['other src', /\/src\//],
  ['node internals (http, net, streams, timers)', /^node:|internal\//],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
];

function area(node: ProfileNode, areas: Areas): string {
  const { url, functionName } = node.callFrame;
  // Profiler.stop serialises the profile inside a native `dispatch`: the profiler's own cost, not the run's.
  if (url === '' && functionName === 'dispatch') return PROFILER;
  const key = url || `(${functionName.replace(/^\(|\)$/g, '')})`;
  for (const [name, pattern] of areas) if (pattern.test(key)) return name;
  if (url === '') return 'native / VM (JSON, regexps, builtins)';
  return 'other';
}

export function summarise(path: string, areas: Areas = AREAS): Array<{ area: string; ms: number; share: number }> {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = area(byId.get(id)!, areas);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...totals].filter(([name]) => !NOT_BUSY.has(name)).reduce((sum, [, ms]) => sum + ms, 0);
  return [...totals]
    .map(([name, ms]) => ({ area: name, ms, share: NOT_BUSY.has(name) ? NaN : ms / busy }))
    .sort((a, b) => b.ms - a.ms);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    console.log(file);
    for (const row of summarise(file)) {
      console.log(`  ${row.area.padEnd(58)} ${row.ms.toFixed(0).padStart(7)} ms ${Number.isNaN(row.share) ? '' : `${(row.share * 100).toFixed(1).padStart(5)} %`}`);
    }
  }
}
