import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/store/store.ts';
import { CALLBACK_ROUTE, startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
import { repliesIn } from './channel-replies.ts';
import { TOKEN } from './harness.ts';
import { startMain, stopAllMains } from './process-runner.ts';

// `npm start` as a real process: configuration, start-up, answering, shutdown.
const MESSAGES = 'POST /channels/:channelId/messages';
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await stopAllMains();
  await fake?.close();
  fake = undefined;
});

/** Starting tsx and indexing the knowledge base takes seconds on a busy machine; these tests also wait for a drain. */
const SLOW_START_MS = 45_000;

/** Starts `npm start` against a fresh fake and resolves once it is connected. */
async function running(env: Record<string, string> = {}) {
  const f = await startFakeDiscord({ token: TOKEN });
  fake = f;
  const run = startMain({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${f.restUrl}/api`, LOG_LEVEL: 'info', ...env });
  await expect.poll(() => run.logs().map((l) => l.msg), { timeout: 20_000, interval: 100 }).toContain('connected to Discord');
  return { fake: f, ...run };
}

type Running = Awaited<ReturnType<typeof running>>;

/** A mention whose reply the fake holds until `release()`; resolves once the bot is waiting on it. */
async function mentionWithHeldReply(run: Running) {
  const held = run.fake.injectFault({ match: MESSAGES, hang: true });
  const question = run.fake.messageCreate({ content: 'What is PVH?', mentions: [run.fake.botUser], author: run.fake.createUser({ username: 'asker' }) });
  await held.waitForHit(1, 10_000);
  return { question, release: () => held.release() };
}

/** Sends SIGTERM and waits for the bot to log `msg` in answer. */
async function sigterm(run: Running, msg: string): Promise<void> {
  run.proc.kill('SIGTERM');
  await expect.poll(() => run.logs().map((l) => l.msg), { timeout: 5_000 }).toContain(msg);
}

describe('npm start', () => {
  it('GIVEN no token THEN exits 1 saying what to set and that npm run ask works without one', async () => {
    const run = startMain({});
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('DISCORD_TOKEN');
    expect(run.stderr()).toContain('npm run ask');
  }, 30_000);

  it('GIVEN a malformed variable THEN exits 1 naming it', async () => {
    const run = startMain({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/LOG_LEVEL/);
  }, 30_000);

  it('GIVEN a token THEN connects, answers, logs JSON without the token, and stops cleanly on SIGTERM', async () => {
    const run = await running();
    const body = await run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response({ timeoutMs: 10_000 });
    expect(body.data?.embeds?.[0]?.footer?.text).toMatch(/^pvh-guests · Xen 4\.4/);

    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
    expect(run.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['knowledge base loaded', 'connected to Discord', 'interaction handled', 'shutting down']));
    expect(run.output()).not.toContain(TOKEN);
    run.fake.assertNoErrors();
  }, SLOW_START_MS);

  it('GIVEN SIGTERM while a channel reply is on its way THEN the reply is still delivered and the process exits 0', async () => {
    // A channel reply, not an interaction callback: holding a callback races Discord's 3 s window, which flakes on a busy machine.
    const run = await running({ SHUTDOWN_GRACE_SECONDS: '10' });
    const { question, release } = await mentionWithHeldReply(run);
    await sigterm(run, 'shutting down');
    release();
    expect(await run.exited).toBe(0);
    expect(repliesIn(run.fake, question)).toEqual([
      expect.objectContaining({ embeds: [expect.objectContaining({ footer: expect.objectContaining({ text: expect.stringMatching(/^pvh-guests/) }) })] }),
    ]);
    expect(run.logs()).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM', inFlight: 1 }));
    expect(run.logs()).toContainEqual(expect.objectContaining({ msg: 'in-flight work finished', finished: 1 }));
    run.fake.assertNoErrors();
  }, SLOW_START_MS);

  it('GIVEN a second SIGTERM during the drain (npm and systemd relay signals) THEN it is ignored, the reply lands and the process exits 0', async () => {
    const run = await running({ SHUTDOWN_GRACE_SECONDS: '10' });
    const { question, release } = await mentionWithHeldReply(run);
    await sigterm(run, 'shutting down');
    await sigterm(run, 'already shutting down');
    release();
    expect(await run.exited).toBe(0);
    expect(repliesIn(run.fake, question)).toHaveLength(1);
    expect(run.logs()).toContainEqual(expect.objectContaining({ msg: 'in-flight work finished', finished: 1 }));
    run.fake.assertNoErrors();
  }, SLOW_START_MS);

  it('GIVEN SIGTERM while an answer hangs past the shutdown bound THEN it is abandoned with a log line and the process exits 0', async () => {
    const run = await running({ SHUTDOWN_GRACE_SECONDS: '0.5' });
    const held = run.fake.injectFault({ match: CALLBACK_ROUTE, hang: true });
    run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } });
    await held.waitForHit(1, 10_000);
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.logs()).toContainEqual(expect.objectContaining({ msg: 'abandoned in-flight work still running at the shutdown bound', abandoned: 1, graceMs: 500 }));
    expect(run.logs().map((l) => l.msg)).not.toContain('interaction handled');
    // The held answer never reached Discord: the only problem is the interaction left unanswered.
    run.fake.takeErrors().forEach((e) => expect(e.message).toMatch(/\/xen ask was not acknowledged/));
    run.fake.assertNoErrors({ allowUnanswered: true });
  }, SLOW_START_MS);

  describe('the store (XENBOT_DB)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xenbot-main-store-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('GIVEN XENBOT_DB THEN the bot records the question there, and it is written by the time it has stopped', async () => {
      const path = join(dir, 'sub', 'bot.sqlite'); // the folder is created
      const run = await running({ XENBOT_DB: path });
      await run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response({ timeoutMs: 10_000 });
      await expect.poll(() => run.logs().map((l) => l.msg)).toContain('interaction handled');
      run.proc.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      const store = Store.openReadOnly(path);
      try {
        expect(store.questionsSince(0)).toEqual([expect.objectContaining({ question: 'What is PVH?', status: 'answered', factId: 'pvh-guests', guildId: run.fake.guildIds()[0] })]);
      } finally {
        store.close();
      }
    }, SLOW_START_MS);

    it('GIVEN a store file that is not a database THEN warns once and answers all the same', async () => {
      const path = join(dir, 'not-a-db.sqlite');
      writeFileSync(path, 'this is not SQLite, just text '.repeat(200));
      const run = await running({ XENBOT_DB: path });
      for (const question of ['What is PVH?', 'What is PVH?']) {
        const body = await run.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question }, user: run.fake.createUser({ username: 'u' }) }).response({ timeoutMs: 10_000 });
        expect(body.data?.embeds).toHaveLength(1);
      }
      run.proc.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.logs().filter((l) => typeof l.msg === 'string' && l.msg.startsWith('store unavailable'))).toHaveLength(1);
      expect(run.stderr()).toBe('');
      run.fake.assertNoErrors();
    }, SLOW_START_MS);
  });
});
