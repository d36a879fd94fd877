// `npm run start:http` as a real process: configuration, PING over signed HTTP, health, clean stop.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_MAIN, startMain, stopAllMains } from '../discord/e2e/process-runner.ts';
import { interactionKeys, postSigned } from './signed-requests.ts';

afterEach(stopAllMains);

/** A port free right now on 127.0.0.1. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('npm run start:http', () => {
  it('GIVEN no DISCORD_PUBLIC_KEY THEN exits 1 naming it', async () => {
    const run = startMain({}, HTTP_MAIN);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/DISCORD_PUBLIC_KEY/);
  }, 30_000);

  it('GIVEN a key and a port THEN answers a signed PING, refuses an unsigned one, is healthy, and stops cleanly on SIGTERM', async () => {
    const keys = interactionKeys();
    const port = await freePort();
    const run = startMain({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }, HTTP_MAIN);
    await expect.poll(() => run.logs().map((l) => l.msg), { timeout: 20_000, interval: 100 }).toContain('interactions endpoint listening');
    const url = `http://127.0.0.1:${port}`;
    const ping = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });
    expect(await postSigned(`${url}/interactions`, keys, ping)).toEqual({ status: 200, text: '{"type":1}' });
    expect((await postSigned(`${url}/interactions`, keys, ping, { signature: null })).status).toBe(401);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
  }, 45_000);
});
