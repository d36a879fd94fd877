// Starts the real bot (real discord.js client, real handlers, real knowledge base) against a fresh fake Discord.
import { Client, Events, REST } from 'discord.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../../src/answer/engine.ts';
import { createBot } from '../../../src/discord/bot.ts';
import { Cooldown } from '../../../src/discord/cooldown.ts';
import type { BotContext } from '../../../src/discord/handlers/context.ts';
import { registerCommands } from '../../../src/discord/register-commands.ts';
import type { RestPolicy } from '../../../src/discord/rest-policy.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { createLogger } from '../../../src/log/logger.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../../fake-discord/index.ts';

/** Looks like a bot token, so a log line that leaked it would be easy to spot. */
export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token-for-tests-only-0123456789';

let engine: AnswerEngine | undefined;
/** The shipped knowledge base, indexed once per test file. */
export function sharedEngine(): AnswerEngine {
  engine ??= createAnswerEngine(loadKnowledge());
  return engine;
}

export interface BotUnderTest {
  fake: FakeDiscord;
  client: Client;
  ctx: BotContext;
  /** Every structured log line the bot wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The raw log output, to check that secrets never appear in it. */
  rawLogs: () => string;
  stop(): Promise<void>;
}

export interface BotOptions {
  cooldownSeconds?: number;
  /** Answer every message in the fake's text channel. */
  answerInTextChannel?: boolean;
  engine?: AnswerEngine;
  /** Shorter REST timeouts and waits, so fault tests stay quick. */
  rest?: Partial<RestPolicy>;
  /** Options of the fake, e.g. a short `heartbeatIntervalMs`. */
  fake?: Omit<FakeDiscordOptions, 'token'>;
}

export async function startBot(options: BotOptions = {}): Promise<BotUnderTest> {
  const fake = await startFakeDiscord({ ...options.fake, token: TOKEN });
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  const ctx: BotContext = {
    engine: options.engine ?? sharedEngine(),
    logger,
    cooldown: new Cooldown(options.cooldownSeconds ?? 0),
    about: { version: '9.9.9-test', knowledgeUpdated: '2026-11-26' },
    answerChannelIds: new Set(options.answerInTextChannel ? [fake.textChannelId()] : []),
  };
  const apiUrl = `${fake.restUrl}/api`;
  // Registered as `npm run deploy-commands` would: the fake then checks every slash command against it.
  await registerCommands(new REST({ api: apiUrl }).setToken(TOKEN), fake.applicationId, fake.guildIds()[0]);

  const client = createBot(ctx, { token: TOKEN, apiUrl, ...(options.rest ? { rest: options.rest } : {}) });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return {
    fake,
    client,
    ctx,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    rawLogs: () => lines.join(''),
    async stop() {
      await client.destroy();
      try {
        fake.assertNoErrors();
        assertNoPings(fake);
      } finally {
        await fake.close();
      }
    },
  };
}

/** Every message the bot sent or edited, whatever the route, carried allowed_mentions that parse nothing. */
export function assertNoPings(fake: FakeDiscord): void {
  const sent = fake.requests.filter((r) => r.status < 300 && ['POST', 'PATCH'].includes(r.method) && !r.route.includes('/commands'));
  const offending = sent.flatMap((r) => {
    const body = r.body as { type?: number; data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown } | undefined;
    if (!body) return [];
    const isCallback = typeof body.type === 'number';
    if (isCallback && body.data === undefined) return []; // deferrals carry no message
    if (isCallback && body.type === 8) return []; // autocomplete choices are not a message
    const mentions = (isCallback ? body.data?.allowed_mentions : body.allowed_mentions) as { parse?: unknown[]; roles?: unknown[]; users?: unknown[] } | undefined;
    const safe = mentions?.parse?.length === 0 && (mentions.roles ?? []).length === 0 && (mentions.users ?? []).length <= 1;
    return safe ? [] : [`${r.method} ${r.path}: ${JSON.stringify(mentions)}`];
  });
  if (sent.length === 0) return;
  if (offending.length > 0) throw new Error(`replies that could ping:\n  ${offending.join('\n  ')}`);
}

/** A fresh bot for each test that asks for one: `start()` inside the test; it is stopped and checked after the test. */
export function botPerTest(): (options?: BotOptions) => Promise<BotUnderTest> {
  let bot: BotUnderTest | undefined;
  afterEach(async () => {
    const stopping = bot;
    bot = undefined;
    await stopping?.stop();
  });
  return async (options = {}) => {
    bot = await startBot(options);
    return bot;
  };
}

/** One bot for a whole test file: started before the first test, checked after each, stopped after the last. */
export function sharedBot(options: BotOptions = {}): () => BotUnderTest {
  let bot: BotUnderTest | undefined;
  beforeAll(async () => {
    bot = await startBot(options);
  });
  afterAll(async () => {
    await bot?.stop();
  });
  afterEach(() => {
    bot?.fake.assertNoErrors();
  });
  return () => {
    if (!bot) throw new Error('the bot is not started yet: call bot() inside a test');
    return bot;
  };
}
