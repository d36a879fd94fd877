// Runs the bot (src/discord/main.ts) as a real process from an empty folder, capturing all it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `node --import tsx`, not the tsx wrapper: one process, so a signal sent to it reaches the bot (tsx relays only SIGINT and SIGTERM). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = fileURLToPath(new URL('../../../src/discord/main.ts', import.meta.url));
/** `npm run start:http`'s entry. */
export const HTTP_MAIN = fileURLToPath(new URL('../../../src/http/main.ts', import.meta.url));

export interface RunningMain {
  proc: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  stderr(): string;
  /** Structured log lines (stdout) so far. */
  logs(): Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
const folders: string[] = [];

/**
 * The empty folder keeps a developer's own .env out; only PATH and HOME come from the test's environment.
 * The store goes in that folder too, unless the test says where, so no run writes into the checkout's data/.
 */
export function startMain(env: Record<string, string>, entry = MAIN): RunningMain {
  const cwd = mkdtempSync(join(tmpdir(), 'xenbot-run-'));
  folders.push(cwd);
  const proc = spawn(process.execPath, ['--import', TSX_LOADER, entry], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', XENBOT_DB: join(cwd, 'xenbot.sqlite'), ...env } });
  running.add(proc);
  let output = '';
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (chunk: Buffer) => ((output += chunk.toString()), (stdout += chunk.toString())));
  proc.stderr!.on('data', (chunk: Buffer) => ((output += chunk.toString()), (stderr += chunk.toString())));
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      running.delete(proc);
      resolve(code);
    }),
  );
  const logs = () =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { proc, output: () => output, stderr: () => stderr, logs, exited };
}

/** Kill what is still running (SIGKILL: a test that failed may have left it mid-way) and remove the folders. */
export async function stopAllMains(): Promise<void> {
  await Promise.all(
    [...running].map((proc) => {
      const gone = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGKILL');
      return gone;
    }),
  );
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
}
