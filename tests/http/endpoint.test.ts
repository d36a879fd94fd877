// The interactions endpoint over real HTTP on 127.0.0.1, with real Ed25519 signatures: what it refuses, and PING.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';
import type { BotContext } from '../../src/discord/interactions/context.ts';
import { InFlight } from '../../src/discord/shutdown.ts';
import { MAX_BODY_BYTES } from '../../src/http/interactions-endpoint.ts';
import { createInteractionsServer } from '../../src/http/server.ts';
import { publicKeyFromHex } from '../../src/http/signature.ts';
import { createLogger } from '../../src/log/logger.ts';
import { Metrics } from '../../src/metrics/metrics.ts';
import { fixtureEngine } from '../helpers/knowledge.ts';
import { interactionKeys, postSigned, signature } from './signed-requests.ts';

const keys = interactionKeys();
const lines: string[] = [];
const ctx: BotContext = {
  engine: fixtureEngine(),
  logger: createLogger('debug', { write: (line: string) => void lines.push(line) }),
  cooldown: new Cooldown(0),
  about: { version: 'test' },
  answerChannelIds: new Set(),
  metrics: new Metrics({ processMetrics: false }),
};
let server: Server;
let url = '';
let ready = false;

beforeAll(async () => {
  server = createInteractionsServer(ctx, { publicKey: publicKeyFromHex(keys.publicKeyHex), rest: new REST(), inFlight: new InFlight() }, () => (ready ? [] : ['listener']));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const PING = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });

describe('POST /interactions', () => {
  it('GIVEN a signed PING THEN answers PONG', async () => {
    expect(await postSigned(`${url}/interactions`, keys, PING)).toEqual({ status: 200, text: '{"type":1}' });
  });

  it.each([
    ['no signature', { signature: null }],
    ['a signature of other bytes', { signature: signature(keys.privateKey, '1', 'something else') }],
    ['a signature by another key', { signature: signature(interactionKeys().privateKey, String(Math.floor(Date.now() / 1000)), PING) }],
    ['a signature that is not hex', { signature: 'z'.repeat(128) }],
  ])('GIVEN %s THEN 401', async (_what, options) => {
    expect((await postSigned(`${url}/interactions`, keys, PING, options)).status).toBe(401);
  });

  it('GIVEN a correctly signed request more than 5 minutes old (a replay) THEN 401', async () => {
    const old = String(Math.floor(Date.now() / 1000) - 301);
    expect((await postSigned(`${url}/interactions`, keys, PING, { timestamp: old })).status).toBe(401);
  });

  it('GIVEN a body over 64 KB THEN 413, before reading the rest', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 'a');
    expect((await postSigned(`${url}/interactions`, keys, huge)).status).toBe(413);
  });

  it('GIVEN a signed body that is not JSON, or not an interaction THEN 400', async () => {
    expect((await postSigned(`${url}/interactions`, keys, '{"type": 2,')).status).toBe(400);
    expect((await postSigned(`${url}/interactions`, keys, '[1, 2]')).status).toBe(400);
  });

  it('GIVEN bad requests THEN the log says why without their content', async () => {
    await postSigned(`${url}/interactions`, keys, '{"question": "secret words"}', { signature: null });
    expect(lines.join('')).toContain('"reason":"missing"');
    expect(lines.join('')).not.toContain('secret words');
  });
});

describe('GET /metrics and /healthz', () => {
  it('GIVEN the listener not ready THEN /healthz is 503 naming it; ready THEN 200', async () => {
    ready = false;
    const before = await fetch(`${url}/healthz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ok: false, waiting: ['listener'] });
    ready = true;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('THEN /metrics is Prometheus text with xenbot_ metrics, and unknown paths are 404', async () => {
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toMatch(/^# HELP xenbot_questions_total /m);
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/interactions`)).status).toBe(404); // GET: only POST carries interactions
  });
});
