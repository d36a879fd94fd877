import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
import { TOKEN } from './harness.ts';
import { startMain, stopAllMains } from './process-runner.ts';

// The bot token never reaches stdout or stderr, whatever goes wrong; LOG_LEVEL=trace so every log line is written.
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await stopAllMains();
  await fake?.close();
  fake = undefined;
});

/** A local port nothing listens on: Discord unreachable. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the token in what npm start prints', () => {
  it('GIVEN a token Discord rejects THEN exits 1 saying the token is invalid, without printing it', async () => {
    fake = await startFakeDiscord({ token: 'MTk4NjIyNDgzNDcxOTI1MjQ4.another.valid-token-that-is-not-ours' });
    const run = startMain({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${fake.restUrl}/api`, LOG_LEVEL: 'trace' });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^Could not connect to Discord: An invalid token was provided\.\nCheck DISCORD_TOKEN/);
    expect(fake.requests.map((r) => r.status)).toContain(401);
    expect(run.output()).not.toContain(TOKEN);
  }, 30_000);

  it('GIVEN Discord unreachable THEN exits 1 saying so, without printing the token', async () => {
    const run = startMain({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api`, LOG_LEVEL: 'trace' });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/Could not connect to Discord: .*ECONNREFUSED/);
    expect(run.output()).not.toContain(TOKEN);
  }, 60_000);

  it('GIVEN another variable malformed THEN names it, without printing the token', async () => {
    const run = startMain({ DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: 'soon' });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/COOLDOWN_SECONDS/);
    expect(run.output()).not.toContain(TOKEN);
  }, 30_000);

  it('GIVEN a token too short to be one THEN says so without echoing it', async () => {
    const secret = 'shortsecret-42';
    const run = startMain({ DISCORD_TOKEN: secret });

    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('DISCORD_TOKEN does not look like a bot token');
    expect(run.output()).not.toContain(secret);
  }, 30_000);
});
