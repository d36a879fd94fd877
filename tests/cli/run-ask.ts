// Runs `npm run ask` (src/cli/ask.ts through tsx) on the fixture knowledge base, as the CLI tests need it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIXTURE_DIR } from '../helpers/knowledge.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Exit code and output of `ask` with these arguments and stdin. */
export function ask(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(TSX, ['src/cli/ask.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, XENBOT_KNOWLEDGE_DIR: FIXTURE_DIR },
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
