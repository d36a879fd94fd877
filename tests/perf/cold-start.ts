// Cold start of `ask`: from process start to an answer printed, run as users run it (compiled, plain Node).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentiles, type Percentiles } from './measure.ts';

export const ASK_JS = fileURLToPath(new URL('../../dist/cli/ask.js', import.meta.url));

const PEAK_RSS = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));

export interface ColdStartFigures {
  /** Facts in the knowledge folder asked. */
  facts?: number;
  /** The first run after a knowledge change: YAML read, validated and indexed, snapshot written. */
  fromFilesMs: number;
  fromFilesPeakRssMb?: number;
  /** Later runs: the snapshot restored. */
  fromSnapshot: Percentiles;
  fromSnapshotPeakRssMb?: number;
}

/** One `node dist/cli/ask.js` run, which includes answering and printing: an upper bound of "ready". */
function runAsk(snapshotDir: string, knowledgeDir?: string): { ms: number; peakRssMb: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', PEAK_RSS, ASK_JS, '--json', 'What is PVH?'], {
    env: { ...process.env, XENBOT_SNAPSHOT_DIR: snapshotDir, ...(knowledgeDir ? { XENBOT_KNOWLEDGE_DIR: knowledgeDir } : {}) },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - started;
  if (run.status !== 0 || !run.stdout.includes('"status":"answered"')) {
    throw new Error(`ask failed (exit ${run.status}); run npm run build first?\n${run.stderr.slice(-2000)}`);
  }
  return { ms, peakRssMb: Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1]) / 1024 };
}

/** `ask` on `knowledgeDir` (the shipped base by default): once from the files, then `runs` times from the snapshot. */
export function measureColdStart(runs: number, knowledgeDir?: string, facts?: number): ColdStartFigures {
  const snapshotDir = mkdtempSync(join(tmpdir(), 'xenbot-bench-'));
  try {
    const first = runAsk(snapshotDir, knowledgeDir);
    const later = Array.from({ length: runs }, () => runAsk(snapshotDir, knowledgeDir));
    return {
      ...(facts !== undefined ? { facts } : {}),
      fromFilesMs: first.ms,
      fromFilesPeakRssMb: first.peakRssMb,
      fromSnapshot: percentiles(later.map((r) => r.ms)),
      fromSnapshotPeakRssMb: Math.max(...later.map((r) => r.peakRssMb)),
    };
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}
