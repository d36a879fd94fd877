import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CALLBACK_ROUTE, startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
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

  /** Starting tsx and indexing the knowledge base takes seconds on a busy machine; these tests also wait for a drain. */
  const SLOW_START_MS = 45_000;

  /** Starts `npm start` against a fresh fake and resolves once it is connected; `output()` is everything it printed. */
  async function running(env: Record<string, string> = {}) {
    const f = await startFakeDiscord({ token: TOKEN });
    fake = f;
    const proc = spawn(TSX, [MAIN], {
      cwd: emptyFolder(),
      env: { ...baseEnv, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${f.restUrl}/api`, LOG_LEVEL: 'info', ...env },
    });
    child = proc;
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 20_000, interval: 100 }).toContain('connected to Discord');
    const logLines = () => output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    return { fake: f, proc, exited, output: () => output, logLines };
  }

  it('GIVEN SIGTERM while an answer is on its way THEN the answer is still delivered and the process exits 0', async () => {
    const run = await running({ SHUTDOWN_GRACE_SECONDS: '10' });
    const held = run.fake.injectFault({ match: CALLBACK_ROUTE, hang: true });
    const handle = run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    await held.waitForHit(1, 10_000);
    run.proc.kill('SIGTERM');
    await expect.poll(() => run.output(), { timeout: 5_000 }).toContain('shutting down');
    held.release();
    expect((await handle.response()).data?.embeds).toHaveLength(1);
    expect(await run.exited).toBe(0);
    child = undefined;
    expect(run.logLines()).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM', inFlight: 1 }));
    expect(run.logLines()).toContainEqual(expect.objectContaining({ msg: 'in-flight work finished', finished: 1 }));
    run.fake.assertNoErrors();
  }, SLOW_START_MS);

  it('GIVEN SIGTERM while an answer hangs past the shutdown bound THEN it is abandoned with a log line and the process exits 0', async () => {
    const run = await running({ SHUTDOWN_GRACE_SECONDS: '0.5' });
    const held = run.fake.injectFault({ match: CALLBACK_ROUTE, hang: true });
    run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    await held.waitForHit(1, 10_000);
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    child = undefined;
    expect(run.logLines()).toContainEqual(expect.objectContaining({ msg: 'abandoned in-flight work still running at the shutdown bound', abandoned: 1, graceMs: 500 }));
    expect(run.logLines().map((l) => l.msg)).not.toContain('interaction handled');
    // The held answer never reached Discord: the only problem is the interaction left unanswered.
    run.fake.takeErrors().forEach((e) => expect(e.message).toMatch(/\/xen ask was not acknowledged/));
    run.fake.assertNoErrors({ allowUnanswered: true });
  }, SLOW_START_MS);
});
