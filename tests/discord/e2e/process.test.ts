import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
import { TOKEN } from './harness.ts';

// `npm start` as a real process: configuration, start-up, answering, shutdown. Run from an empty folder so a
// developer's own .env cannot leak in.
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../src/discord/main.ts', import.meta.url));

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
const folders: string[] = [];
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenbot-run-'));
  folders.push(dir);
  return dir;
}

const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

describe('npm start', () => {
  it('GIVEN no token THEN exits 1 saying what to set and that npm run ask works without one', () => {
    const run = spawnSync(TSX, [MAIN], { cwd: emptyFolder(), env: baseEnv, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN');
    expect(run.stderr).toContain('npm run ask');
  });

  it('GIVEN a malformed variable THEN exits 1 naming it', () => {
    const run = spawnSync(TSX, [MAIN], { cwd: emptyFolder(), env: { ...baseEnv, DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
  });

  it('GIVEN a token THEN connects, answers, logs JSON without the token, and stops cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const proc = spawn(TSX, [MAIN], {
      cwd: emptyFolder(),
      env: { ...baseEnv, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, LOG_LEVEL: 'info' },
    });
    child = proc;
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 20_000, interval: 100 }).toContain('connected to Discord');

    const body = await fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response({ timeoutMs: 10_000 });
    expect(body.data?.embeds?.[0]?.footer?.text).toMatch(/^pvh-guests · Xen 4\.4/);

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    const lines = output.trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['knowledge base loaded', 'connected to Discord', 'interaction handled', 'shutting down']));
    expect(output).not.toContain(TOKEN);
    fake.assertNoErrors();
  });
});
