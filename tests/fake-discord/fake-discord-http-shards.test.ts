// Interactions delivered to an HTTP endpoint (signed with Ed25519) instead of the gateway, and guild sharding.
import { createPublicKey, verify } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIInteraction, type Client, Events, GatewayIntentBits, type Message, Partials, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CALLBACK_ROUTE,
  type FakeDiscord,
  type FakeDiscordOptions,
  INTERACTIONS_ENDPOINT_ROUTE,
  INTERACTIONS_USER_AGENT,
  generateInteractionKeys,
  guildIdOnShard,
  shardOf,
  signInteraction,
  startFakeDiscord,
} from './index.ts';
import { loginClient } from './test-client.ts';

let fake: FakeDiscord | undefined;
let clients: Client[] = [];
let closers: (() => Promise<void>)[] = [];

async function setup(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await startFakeDiscord(opts);
  return fake;
}

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  clients = [];
  await Promise.all(closers.map((close) => close()));
  closers = [];
  const f = fake;
  fake = undefined;
  try {
    f?.assertNoErrors();
  } finally {
    await f?.close();
  }
});

type Answer = (interaction: APIInteraction, res: ServerResponse) => void | Promise<void>;

interface Endpoint {
  url: string;
  /** Headers of every request, verified or not. */
  headers: IncomingMessage['headers'][];
}

const json = (res: ServerResponse, body: unknown, status = 200): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/**
 * A bot's interactions endpoint as the Discord docs describe it: verify X-Signature-Ed25519 over timestamp + raw
 * body with the application's public key (401 otherwise), PONG a PING, hand anything else to `answer`.
 */
async function startEndpoint(publicKeyHex: string, answer: Answer): Promise<Endpoint> {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') }, format: 'jwk' });
  const headers: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      headers.push(req.headers);
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      let valid = false;
      try {
        valid = typeof signature === 'string' && typeof timestamp === 'string' && verify(null, Buffer.from(timestamp + raw), key, Buffer.from(signature, 'hex'));
      } catch {
        valid = false;
      }
      if (!valid) return void res.writeHead(401).end('invalid request signature');
      const interaction = JSON.parse(raw) as APIInteraction;
      if (interaction.type === 1) return json(res, { type: 1 });
      void Promise.resolve(answer(interaction, res)).catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`, headers };
}

/** Answers /xen with a message carrying a button, and the click by updating that message. */
const replyWithButton: Answer = (i, res) => {
  if (i.type === 2) {
    return json(res, {
      type: 4,
      data: { content: `hello ${i.guild_id ? 'guild' : 'dm'}`, components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'more', label: 'More' }] }] },
    });
  }
  if (i.type === 3) return json(res, { type: 7, data: { content: 'more', components: [] } });
  return json(res, { type: 8, data: { choices: [] } });
};

describe('interactions over HTTP', () => {
  it('POSTs signed interactions to the endpoint and takes its answer as the initial response', async () => {
    const keys = generateInteractionKeys();
    expect(keys.publicKeyHex).toMatch(/^[0-9a-f]{64}$/);
    const endpoint = await startEndpoint(keys.publicKeyHex, replyWithButton);
    const f = await setup({ interactionsEndpoint: { url: endpoint.url, privateKey: keys.privateKey } });
    expect(f.publicKeyHex).toBe(keys.publicKeyHex);

    // Saving the URL in the Developer Portal: a signed PING, and a forged one the endpoint must refuse.
    const ping = await f.pingInteractionsEndpoint();
    expect(ping.ok).toBe(true);
    expect(ping.pong.json).toEqual({ type: 1 });
    expect(ping.invalidSignature?.status).toBe(401);

    // No gateway session is needed: Discord does not send INTERACTION_CREATE once an endpoint is configured.
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    const body = await handle.response();
    expect(body).toMatchObject({ type: 4, data: { content: 'hello guild' } });
    expect(handle.message()?.content).toBe('hello guild');
    const [delivery] = handle.requests();
    expect(delivery).toMatchObject({ route: INTERACTIONS_ENDPOINT_ROUTE, status: 200, accepted: true, path: endpoint.url });
    const sent = endpoint.headers.at(-1)!;
    expect(sent['user-agent']).toBe(INTERACTIONS_USER_AGENT);
    expect(sent['content-type']).toBe('application/json');
    expect(Number(sent['x-signature-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);

    // Follow-ups and @original work through the token as always.
    const followUp = await fetch(`${f.restUrl}/api/v10/webhooks/${f.applicationId}/${handle.token}?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'and a follow-up' }),
    });
    expect(followUp.status).toBe(200);
    expect(handle.messages().map((m) => m.content)).toEqual(['hello guild', 'and a follow-up']);

    // The click goes to the endpoint too, and its UPDATE_MESSAGE edits the message.
    const click = f.button({ customId: 'more', message: handle.message()! });
    expect((await click.response()).type).toBe(7);
    expect(f.message(handle.message()!)?.content).toBe('more');

    const app = await fetch(`${f.restUrl}/api/v10/applications/@me`, { headers: { authorization: 'Bot t' } });
    expect(await app.json()).toMatchObject({ verify_key: keys.publicKeyHex, interactions_endpoint_url: endpoint.url });
  });

  it('switches between the gateway and the endpoint at run time', async () => {
    const f = await setup();
    const endpoint = await startEndpoint(f.publicKeyHex, replyWithButton);
    const seen: string[] = [];
    clients.push(
      await loginClient(f, [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], (c) => {
        c.on(Events.InteractionCreate, async (i) => {
          seen.push(i.id);
          if (i.isChatInputCommand()) await i.reply('from the gateway');
        });
      }),
    );
    const echoes: Message[] = [];
    clients[0]!.on(Events.MessageCreate, (m) => echoes.push(m));

    f.useInteractionsEndpoint({ url: endpoint.url });
    const overHttp = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await overHttp.response()).data?.content).toBe('hello guild');
    // The reply is a message like any other: the gateway echoes it.
    await expect.poll(() => echoes.map((m) => m.id)).toContain(overHttp.message()?.id);
    expect(f.gatewayEvents.some((e) => e.t === 'INTERACTION_CREATE')).toBe(false);

    f.useGateway();
    const overGateway = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await overGateway.response()).data?.content).toBe('from the gateway');
    expect(seen).toEqual([overGateway.id]);
    expect(overGateway.requests()[0]?.route).toBe(CALLBACK_ROUTE);
  });

  it('accepts 202 with no body from an endpoint that answers through the callback route', async () => {
    const f = await setup();
    const endpoint = await startEndpoint(f.publicKeyHex, async (i, res) => {
      const callback = await fetch(`${f.restUrl}/api/v10/interactions/${i.id}/${i.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 5 }),
      });
      expect(callback.status).toBe(204);
      res.writeHead(202).end();
    });
    f.useInteractionsEndpoint({ url: endpoint.url });
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await handle.response()).type).toBe(5);
    const delivery = await handle.waitForRequest((r) => r.route === INTERACTIONS_ENDPOINT_ROUTE);
    expect(delivery).toMatchObject({ status: 202, accepted: false });
  });

  it('takes a multipart answer with a file, as the callback route does', async () => {
    const f = await setup();
    const endpoint = await startEndpoint(f.publicKeyHex, async (_i, res) => {
      const form = new FormData();
      form.append('payload_json', JSON.stringify({ type: 4, data: { content: 'see file', attachments: [{ id: 0, filename: 'notes.txt' }] } }));
      form.append('files[0]', new Blob(['hello']), 'notes.txt');
      const encoded = new Response(form);
      res.writeHead(200, { 'content-type': encoded.headers.get('content-type')! }).end(Buffer.from(await encoded.arrayBuffer()));
    });
    f.useInteractionsEndpoint({ url: endpoint.url });
    const handle = f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'q' } });
    expect((await handle.response()).data?.content).toBe('see file');
    expect(handle.requests()[0]?.files).toEqual([{ field: 'files[0]', filename: 'notes.txt', contentType: expect.any(String), size: 5 }]);
    expect(handle.message()?.attachments[0]?.filename).toBe('notes.txt');
  });

  it('lets a test send tampered requests and read the endpoint answer', async () => {
    const f = await setup();
    const keys = generateInteractionKeys();
    const endpoint = await startEndpoint(keys.publicKeyHex, (_i, res) => json(res, { type: 4, data: { content: 'ok' } }));
    f.useInteractionsEndpoint({ url: endpoint.url, privateKey: keys.privateKey });
    const payload = { id: '1', application_id: f.applicationId, type: 1, token: 't', version: 1 };

    expect((await f.postSignedInteraction(payload)).json).toEqual({ type: 1 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const other = signInteraction(generateInteractionKeys().privateKey, timestamp, JSON.stringify(payload));
    const tampered = await f.postSignedInteraction(payload, { timestamp, signature: other });
    expect(tampered.status).toBe(401);
    expect(tampered.text).toBe('invalid request signature');
    const signedForAnotherBody = signInteraction(keys.privateKey, timestamp, '{}');
    expect((await f.postSignedInteraction(payload, { timestamp, signature: signedForAnotherBody })).status).toBe(401);
    expect((await f.postSignedInteraction(payload, { timestamp: null })).status).toBe(401);
    expect((await f.postSignedInteraction(payload, { signature: 'zz' })).status).toBe(401);
    expect((await f.postSignedInteraction(payload, { privateKey: generateInteractionKeys().privateKey })).status).toBe(401);
    // None of this is tracked: the raw helper is for probing the endpoint itself.
    expect(f.requests).toHaveLength(0);
  });

  it('records an endpoint that fails the PING checks', async () => {
    const f = await setup();
    // Answers everything with a PONG and never checks signatures.
    const server = createServer((_req, res) => json(res, { type: 1 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const ping = await f.pingInteractionsEndpoint({ url });
    expect(ping.ok).toBe(false);
    expect(ping.invalidSignature?.status).toBe(200);
    expect(f.takeErrors().map((e) => e.message)).toEqual([expect.stringMatching(/invalid signature was answered 200; Discord requires 401/)]);
  });

  it('records a late answer, a non-200 answer and an invalid answer', async () => {
    const f = await setup({ interactionResponseWindowMs: 300 });
    const endpoint = await startEndpoint(f.publicKeyHex, async (i, res) => {
      const question = (i.data as { options?: { options?: { value: string }[] }[] }).options?.[0]?.options?.[0]?.value;
      if (question === 'late') {
        await new Promise((r) => setTimeout(r, 500));
        return json(res, { type: 4, data: { content: 'too late' } });
      }
      if (question === 'crash') return void res.writeHead(500).end('boom');
      if (question === 'text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('{"type":4}');
      return json(res, { type: 4, data: { content: 'x'.repeat(2001) } });
    });
    f.useInteractionsEndpoint({ url: endpoint.url });
    const ask = (question: string) => f.slashCommand({ name: 'xen', subcommand: 'ask', options: { question } });

    const late = ask('late');
    await f.waitForError((e) => e.message.includes('not acknowledged within 300ms'));
    await late.waitForRequest((r) => r.route === INTERACTIONS_ENDPOINT_ROUTE);
    expect(late.requests()[0]).toMatchObject({ status: 0, accepted: false });
    expect(late.acknowledged).toBe(false);

    const crash = ask('crash');
    expect((await f.waitForError((e) => e.message.includes('answered 500'))).request?.interactionId).toBe(crash.id);
    const text = ask('text');
    await f.waitForError((e) => e.message.includes('Content-Type text/plain'));
    const invalid = ask('long');
    expect((await f.waitForError((e) => e.kind === 'validation')).message).toMatch(/data\.content/);
    for (const h of [crash, text, invalid]) expect(h.acknowledged).toBe(false);
    // One error per failed interaction: the window timer does not add "not acknowledged" on top.
    await new Promise((r) => setTimeout(r, 350));
    expect(f.takeErrors()).toHaveLength(4);
    expect(() => f.assertNoErrors()).not.toThrow();
  });
});

describe('sharding', () => {
  const SHARD0 = guildIdOnShard(0, 2);
  const SHARD1 = guildIdOnShard(1, 2);
  const twoGuilds = (): FakeDiscordOptions => ({
    recommendedShards: 2,
    guilds: [
      { id: SHARD0, name: 'Zero', channels: [{ name: 'general' }] },
      { id: SHARD1, name: 'One', channels: [{ name: 'general' }] },
    ],
  });

  it('computes guild ids on a chosen shard', () => {
    for (const n of [1, 2, 3, 16]) for (let k = 0; k < n; k++) expect(shardOf(guildIdOnShard(k, n), n)).toBe(k);
    expect(new Set(Array.from({ length: 50 }, () => guildIdOnShard(1, 2))).size).toBe(50);
    expect(() => guildIdOnShard(2, 2)).toThrow(/no shard 2 of 2/);
  });

  it("gives each of two clients only its shard's guilds, messages and interactions; DMs go to shard 0", async () => {
    const f = await setup(twoGuilds());
    const gatewayBot = await fetch(`${f.restUrl}/api/v10${Routes.gatewayBot()}`, { headers: { authorization: 'Bot t' } });
    expect(await gatewayBot.json()).toMatchObject({ shards: 2 });
    const received: Record<number, string[]> = { 0: [], 1: [] };
    for (const shard of [0, 1]) {
      const client = await loginClient(
        f,
        [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
        (c) => {
          c.on(Events.MessageCreate, (m) => received[shard]!.push(`message ${m.guildId ?? 'dm'}`));
          c.on(Events.InteractionCreate, async (i) => {
            received[shard]!.push(`interaction ${i.guildId ?? 'dm'}`);
            if (i.isRepliable()) await i.reply({ content: `shard ${shard}`, flags: 64 });
          });
        },
        { shards: [shard], shardCount: 2, partials: [Partials.Channel] },
      );
      clients.push(client);
      expect([...client.guilds.cache.keys()]).toEqual([shard === 0 ? SHARD0 : SHARD1]);
    }
    expect(f.identifiedShards()).toEqual([[0, 2], [1, 2]]);
    const readies = f.gatewayEvents.filter((e) => e.kind === 'sent' && e.t === 'READY').map((e) => e.d as { shard: number[]; guilds: { id: string }[] });
    expect(readies.map((r) => [r.shard, r.guilds.map((g) => g.id)])).toEqual([[[0, 2], [SHARD0]], [[1, 2], [SHARD1]]]);

    f.messageCreate({ content: 'in zero', channelId: f.textChannelId(SHARD0) });
    f.messageCreate({ content: 'in one', channelId: f.textChannelId(SHARD1) });
    f.directMessage({ content: 'in a DM' });
    expect((await f.slashCommand({ name: 'xen', guildId: SHARD1 }).response()).data?.content).toBe('shard 1');
    expect((await f.slashCommand({ name: 'xen', dm: true }).response()).data?.content).toBe('shard 0');
    await expect.poll(() => received[0]!.length + received[1]!.length).toBe(5);
    expect(received[0]).toEqual([`message ${SHARD0}`, 'message dm', 'interaction dm']);
    expect(received[1]).toEqual([`message ${SHARD1}`, `interaction ${SHARD1}`]);
  });

  /** A raw gateway connection that identifies with `shard` and resolves with its READY, or with its close code. */
  function identify(f: FakeDiscord, shard: unknown): Promise<{ ready?: { shard: number[] }; code?: number }> {
    const socket = new WebSocket(`${f.gatewayUrl}/?v=10&encoding=json`);
    closers.push(async () => socket.terminate());
    return new Promise((resolve) => {
      socket.on('message', (raw: Buffer) => {
        const frame = JSON.parse(raw.toString()) as { op: number; t?: string; d: unknown };
        if (frame.op === 10) socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, properties: { os: 'linux', browser: 'x', device: 'x' }, shard } }));
        if (frame.t === 'READY') resolve({ ready: frame.d as { shard: number[] } });
      });
      socket.on('close', (code) => resolve({ code }));
    });
  }

  it('closes an invalid shard with 4010 and records two live sessions on the same shard', async () => {
    const f = await setup(twoGuilds());
    expect(await identify(f, [2, 2])).toEqual({ code: 4010 });
    expect(await identify(f, [0, 0])).toEqual({ code: 4010 });
    expect(f.takeErrors().map((e) => e.message)).toEqual([expect.stringMatching(/shard \[2,2\].*shard_id 2/), expect.stringMatching(/num_shards 0/)]);

    expect((await identify(f, [1, 2])).ready?.shard).toEqual([1, 2]);
    expect((await identify(f, [1, 3])).ready?.shard).toEqual([1, 3]);
    expect(f.takeErrors()).toEqual([]);
    expect((await identify(f, [1, 2])).ready?.shard).toEqual([1, 2]);
    expect(f.takeErrors().map((e) => e.message)).toEqual([expect.stringMatching(/two live sessions identified as shard \[1, 2\]/)]);
    expect(f.identifiedShards()).toEqual([[1, 2], [1, 3], [1, 2]]);
  });

  it('allows duplicate shards when asked (Discord itself accepts them)', async () => {
    const f = await setup({ ...twoGuilds(), allowDuplicateShards: true });
    await identify(f, [0, 2]);
    await identify(f, [0, 2]);
    f.dispatch('GUILD_MEMBER_ADD', { guild_id: SHARD0, user: f.defaultUser });
    f.dispatch('GUILD_MEMBER_ADD', { guild_id: SHARD1, user: f.defaultUser });
    const adds = f.gatewayEvents.filter((e) => e.kind === 'sent' && e.t === 'GUILD_MEMBER_ADD');
    expect(adds.map((e) => (e.d as { guild_id: string }).guild_id)).toEqual([SHARD0, SHARD0]);
  });
});
