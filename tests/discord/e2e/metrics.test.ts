// What operators see: /metrics counts what the bot did, /healthz says whether it can serve.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/discord/gateway/bot.ts';
import { startOpsServer } from '../../../src/http/ops-server.ts';
import { Metrics } from '../../../src/metrics/metrics.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fake-discord/index.ts';
import { replyTo } from './channel-replies.ts';
import { TOKEN, startBot, type BotUnderTest } from './harness.ts';

let bot: BotUnderTest | undefined;
let server: Server | undefined;
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await bot?.stop();
  server?.close();
  await fake?.close();
  bot = server = fake = undefined;
});

const serve = async (metrics: Metrics, notReady: () => string[]) => {
  const lines: string[] = [];
  const { createLogger } = await import('../../../src/log/logger.ts');
  server = await startOpsServer(metrics, 0, notReady, createLogger('info', { write: (l: string) => void lines.push(l) }), '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('/metrics', () => {
  it('GIVEN a slash command and a mention answered THEN counts each question by status, surface and language, and times them', async () => {
    bot = await startBot({ metrics: true, fake: { heartbeatIntervalMs: 200 } });
    const url = await serve(bot.ctx.metrics!, () => []);
    await bot.fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: 'What is PVH?' } }).response();
    await replyTo(bot.fake, bot.fake.messageCreate({ content: 'c’est quoi PVH ?', mentions: [bot.fake.botUser] }));
    await expect.poll(async () => (await (await fetch(`${url}/metrics`)).text()).match(/^xenbot_questions_total\{.*\} \d+$/gm)?.sort()).toEqual([
      'xenbot_questions_total{status="answered",surface="mention",language="fr"} 1',
      'xenbot_questions_total{status="answered",surface="slash",language="en"} 1',
    ]);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/^xenbot_answer_seconds_count 2$/m);
    expect(text).toMatch(/^xenbot_interaction_seconds_count\{kind="command",transport="gateway"\} 1$/m);
    expect(text).toMatch(/^xenbot_shard_ready\{shard="0"\} 1$/m);
    // After a heartbeat and its acknowledgement, the shard's round trip.
    await expect.poll(async () => (await (await fetch(`${url}/metrics`)).text()).match(/^xenbot_gateway_ping_seconds\{shard="0"\} [\d.e-]+$/m)).not.toBeNull();
  });
});

describe('/healthz', () => {
  it('GIVEN the gateway not connected yet THEN 503; once ready THEN 200', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const { sharedEngine } = await import('./harness.ts');
    const { createLogger } = await import('../../../src/log/logger.ts');
    const { Cooldown } = await import('../../../src/discord/cooldown.ts');
    const metrics = new Metrics({ processMetrics: false });
    const ctx = { engine: sharedEngine(), logger: createLogger('silent'), cooldown: new Cooldown(0), about: { version: 'test' }, answerChannelIds: new Set<string>(), metrics };
    const client = createBot(ctx, { token: TOKEN, apiUrl: `${fake.restUrl}/api` });
    const url = await serve(metrics, () => (client.isReady() ? [] : ['gateway']));
    const before = await fetch(`${url}/healthz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ok: false, waiting: ['gateway'] });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await client.destroy();
  });
});
