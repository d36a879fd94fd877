// Starts the real bot (real discord.js client, real handlers, real knowledge base) against a fresh fake Discord.
// Free of vitest, so scripts (the load driver) can start the bot the same way the tests do.
import { Client, Events, REST } from 'discord.js';
import { createAnswerEngine, type AnswerEngine } from '../../../src/answer/engine.ts';
import { createBot } from '../../../src/discord/gateway/bot.ts';
import { Cooldown } from '../../../src/discord/cooldown.ts';
import type { BotContext } from '../../../src/discord/interactions/context.ts';
import { registerCommands } from '../../../src/discord/register-commands.ts';
import type { RestPolicy } from '../../../src/discord/rest-policy.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import { createLogger } from '../../../src/log/logger.ts';
import { Recorder } from '../../../src/store/recorder.ts';
import { Metrics } from '../../../src/metrics/metrics.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type FakeGuildOptions } from '../../fake-discord/index.ts';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InFlight } from '../../../src/discord/shutdown.ts';
import { createInteractionsServer } from '../../../src/http/server.ts';
import { publicKeyFromHex } from '../../../src/http/signature.ts';

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
  /** Closes the HTTP endpoint, if the bot has one (BotOptions.transport). */
  closeEndpoint(): Promise<void>;
  stop(): Promise<void>;
}

export interface BotOptions {
  cooldownSeconds?: number;
  /** Answer every message in the fake's text channel. */
  answerInTextChannel?: boolean;
  engine?: AnswerEngine;
  /** Text channels in the guild (default 1, #general); load runs spread channel questions over several. */
  textChannels?: number;
  /** Default true. Long load runs drop the log lines (still written by pino, as in production) to keep memory flat. */
  keepLogs?: boolean;
  /** Discord's 3-second window for the first response; tests that are not about speed may widen it. */
  interactionResponseWindowMs?: number;
  /** Shorter REST timeouts and waits, so fault tests stay quick. */
  rest?: Partial<RestPolicy>;
  /** Count questions, latencies and errors as `npm start` does for /metrics. */
  metrics?: boolean;
  /** Register the commands globally, as user installs need (default: in the test guild, as development does). */
  globalCommands?: boolean;
  /** A forum channel "questions" in the guild; with `answerInForum` it is an answer channel. */
  forum?: boolean;
  answerInForum?: boolean;
  /** A second guild, "Elsewhere", that has not added the bot: only a user install reaches it. */
  guildWithoutBot?: boolean;
  /** Fixed ids for the guild and its first channel, so a restarted bot on a new fake meets the same server. */
  ids?: { guild: string; channel: string };
  /** A SQLite file (in a temp folder): the bot records questions, votes, picks and settings there, as with XENBOT_DB. */
  storePath?: string;
  /** As MESSAGE_CONTENT_INTENT=true: admins' answer channels can be read without a mention. */
  messageContentIntent?: boolean;
  /** `http`: interactions reach the bot through its HTTP endpoint (npm run start:http's server), signed by the fake. */
  transport?: 'gateway' | 'http';
  /** The shards this bot runs, of how many; `extraGuilds` lets a test put servers on chosen shards. */
  shards?: { ids: number[]; count: number };
  extraGuilds?: FakeGuildOptions[];
  /** Options of the fake, e.g. a short `heartbeatIntervalMs`. */
  fake?: Omit<FakeDiscordOptions, 'token'>;
}

export async function startBot(options: BotOptions = {}): Promise<BotUnderTest> {
  const channels = Array.from({ length: options.textChannels ?? 1 }, (_, i) => ({
    name: i === 0 ? 'general' : `general-${i + 1}`,
    ...(i === 0 && options.ids ? { id: options.ids.channel } : {}),
  }));
  const fake = await startFakeDiscord({
    ...options.fake,
    token: TOKEN,
    guilds: [
      { channels: [...channels, ...(options.forum || options.answerInForum ? [{ id: FORUM_ID, name: 'questions', type: 'forum' as const }] : [])], ...(options.ids ? { id: options.ids.guild } : {}) },
      ...(options.guildWithoutBot ? [{ name: 'Elsewhere', botInstalled: false, channels: [{ name: 'chat' }] }] : []),
      ...(options.extraGuilds ?? []),
    ],
    ...(options.interactionResponseWindowMs ? { interactionResponseWindowMs: options.interactionResponseWindowMs } : {}),
  });
  const lines: string[] = [];
  const keep = options.keepLogs ?? true;
  const logger = createLogger(keep ? 'debug' : 'info', { write: (line: string) => void (keep && lines.push(line)) });
  const ctx: BotContext = {
    engine: options.engine ?? sharedEngine(),
    logger,
    cooldown: new Cooldown(options.cooldownSeconds ?? 0),
    about: { version: '9.9.9-test', knowledgeUpdated: '2026-11-26' },
    answerChannelIds: new Set([...(options.answerInTextChannel ? [fake.textChannelId()] : []), ...(options.answerInForum ? [FORUM_ID] : [])]),
    ...(options.messageContentIntent ? { messageContentIntent: true } : {}),
    ...(options.metrics ? { metrics: new Metrics({ processMetrics: false }) } : {}),
    ...(options.shards && options.shards.count > 1 ? { shardCount: options.shards.count } : {}),
  };
  if (options.storePath) {
    ctx.recorder = new Recorder({ path: options.storePath, logger, retentionDays: 90, recordQuestions: true });
    ctx.recorder.start();
  }
  const apiUrl = `${fake.restUrl}/api`;
  // Registered as `npm run deploy-commands` would: the fake then checks every slash command against it.
  await registerCommands(new REST({ api: apiUrl }).setToken(TOKEN), fake.applicationId, options.globalCommands ? undefined : fake.guildIds()[0]);

  const http = options.transport === 'http';
  const client = createBot(ctx, { token: TOKEN, apiUrl, ...(options.rest ? { rest: options.rest } : {}), ...(http ? { interactions: 'http' as const } : {}), ...(options.shards ? { shards: options.shards } : {}) });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  let endpoint: Server | undefined;
  if (http) {
    // The endpoint as `npm run start:http` serves it, on a free port; the fake signs with the app's key.
    endpoint = createInteractionsServer(ctx, { publicKey: publicKeyFromHex(fake.publicKeyHex), rest: new REST({ api: apiUrl }), inFlight: new InFlight() });
    await new Promise<void>((resolve) => endpoint!.listen(0, '127.0.0.1', () => resolve()));
    fake.useInteractionsEndpoint({ url: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions` });
  }
  // The fake keeps its connections alive between interactions: close them too, or close() waits for them.
  const closeEndpoint = () => new Promise<void>((resolve) => (endpoint ? (endpoint.close(() => resolve()), endpoint.closeAllConnections()) : resolve()));
  return {
    fake,
    client,
    ctx,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    rawLogs: () => lines.join(''),
    closeEndpoint,
    async stop() {
      await client.destroy();
      await closeEndpoint();
      ctx.recorder?.close();
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
    if (isCallback && body.type === 9) return []; // nor is a modal form
    const mentions = (isCallback ? body.data?.allowed_mentions : body.allowed_mentions) as { parse?: unknown[]; roles?: unknown[]; users?: unknown[] } | undefined;
    const safe = mentions?.parse?.length === 0 && (mentions.roles ?? []).length === 0 && (mentions.users ?? []).length <= 1;
    return safe ? [] : [`${r.method} ${r.path}: ${JSON.stringify(mentions)}`];
  });
  if (sent.length === 0) return;
  if (offending.length > 0) throw new Error(`replies that could ping:\n  ${offending.join('\n  ')}`);
}

/** The id of the forum channel "questions" (BotOptions.forum). */
export const FORUM_ID = '223344556677889901';
