// Cold start of `ask`: from process start to an answer printed, run as users run it (compiled, plain Node).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentiles, type Percentiles } from './measure.ts';

export const ASK_JS = fileURLToPath(new URL('../../dist/cli/ask.js', import.meta.url));

export interface ColdStartFigures {
  /** The first run after a knowledge change: YAML read, validated and indexed, snapshot written. */
  fromFilesMs: number;
  /** Later runs: the snapshot restored. */
  fromSnapshot: Percentiles;
}

/** Wall time of one `node dist/cli/ask.js` run, which includes answering and printing: an upper bound of "ready". */
function runAsk(snapshotDir: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [ASK_JS, '--json', 'What is PVH?'], {
    env: { ...process.env, XENBOT_SNAPSHOT_DIR: snapshotDir },
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (run.status !== 0 || !run.stdout.includes('"status":"answered"')) {
    throw new Error(`ask failed (exit ${run.status}); run npm run build first?\n${run.stderr}`);
  }
  return elapsed;
}

export function measureColdStart(runs: number): ColdStartFigures {
  const snapshotDir = mkdtempSync(join(tmpdir(), 'xenbot-bench-'));
  try {
    const fromFilesMs = runAsk(snapshotDir);
    const samples = Array.from({ length: runs }, () => runAsk(snapshotDir));
    return { fromFilesMs, fromSnapshot: percentiles(samples) };
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}
