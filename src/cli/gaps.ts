// `npm run gaps`: the curator's report from the bot's store (no Discord needed).
//   --since 7d|24h|30d (default 30d)   --limit N (default 20)   --json   (XENBOT_DB picks the file)
import { gapsReport, formatGaps } from '../curation/gaps.ts';
import { contentWordsKey } from '../curation/words-key.ts';
import { dbPathFromEnv } from '../store/paths.ts';
import { Store, StoreError } from '../store/store.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';

const USAGE = 'usage: npm run gaps -- [--since 7d|24h|30d] [--limit N] [--json]';

export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,4})\s*([hdw])$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2]!.toLowerCase() as 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

exitQuietlyOnClosedPipe();
const args = process.argv.slice(2);
const known = new Set(['--since', '--limit', '--json']);
const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !(i > 0 && ['--since', '--limit'].includes(args[i - 1]!)));
const window = parseDuration(option(args, '--since') ?? '30d');
const limit = Number(option(args, '--limit') ?? 20);
if (unknown.length || window === undefined || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
  console.error(unknown.length ? `unknown option ${unknown[0]}\n${USAGE}` : `--since takes 7d, 24h, 2w…; --limit a number from 1 to 1000\n${USAGE}`);
  process.exit(2);
}

const path = dbPathFromEnv(process.env.XENBOT_DB);
let store: Store;
try {
  store = Store.openReadOnly(path);
} catch (error) {
  const problem = error instanceof StoreError ? error.message : String(error);
  console.error(`Cannot read the store: ${problem}\nThe bot creates it when it first records a question (XENBOT_DB sets where).`);
  process.exit(1);
}
const since = Date.now() - window;
const report = gapsReport({ questions: store.questionsSince(since), feedback: store.feedbackSince(since), picks: store.picksSince(since) }, contentWordsKey, since, limit);
store.close();
console.log(args.includes('--json') ? JSON.stringify(report, null, 2) : formatGaps(report));
