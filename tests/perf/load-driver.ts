// Load through the fake Discord: dispatch slash commands, autocomplete and mentions to the real bot, time each
// from dispatch to the captured reply, and check that everything was answered exactly once.
import { ChannelType, Locale, type APIMessage } from 'discord.js';
import { CALLBACK_ROUTE } from '../fake-discord/interaction-routes.ts';
import { INTERACTIONS_ENDPOINT_ROUTE } from '../fake-discord/interactions-endpoint.ts';
import { describeError } from '../fake-discord/recorder.ts';
import { assertNoPings, startBot, type BotUnderTest } from '../discord/e2e/start-bot.ts';
import { memory, percentiles, type Memory, type Percentiles } from './measure.ts';
import { buildWorkload, DEFAULT_MIX, type Job, type JobKind, type LoadMix } from './workload.ts';

export interface LoadOptions {
  n: number;
  /** In flight at once; 'all' dispatches every job before the first reply is awaited, 1 is sequential. */
  concurrency: number | 'all';
  mix?: LoadMix;
  seed?: number;
  /** Reuse a running bot (several rounds against one process); otherwise one is started and stopped. */
  bot?: BotUnderTest;
  /** How long one reply may take before it counts as missing (default 30 s). */
  timeoutMs?: number;
}

export interface LoadFigures {
  n: number;
  concurrency: number | 'all';
  byKind: Record<JobKind, number>;
  wallMs: number;
  /** Time the fake took to build and send every job when dispatched at once (the fake's own share of the wall time). */
  dispatchAllMs?: number;
  /** Jobs answered exactly once per second of wall time. */
  throughputPerSec: number;
  /** Jobs whose reply was captured in time; the latency figures are over these. */
  replied: number;
  latencyMs: Percentiles;
  latencyByKindMs: Partial<Record<JobKind, Percentiles>>;
  /** Interactions with exactly one accepted initial response, mentions with exactly one reply. */
  answeredOnce: number;
  missing: number;
  duplicated: number;
  /** What the fake recorded as something Discord would refuse (10062 late, 40060 twice, 400 invalid…). */
  fakeErrors: string[];
  /** Replies whose allowed_mentions could ping someone (see assertNoPings). */
  pings: string | undefined;
  memoryBefore: Memory;
  memoryAfter: Memory;
}

/** Channels a mention job may be sent to: the guild's text channels, as the bot sees them. */
export const textChannelIds = (bot: BotUnderTest): string[] =>
  [...bot.client.channels.cache.values()].filter((c) => c.type === ChannelType.GuildText).map((c) => c.id);

/** One job dispatched: how to recognise its reply once the run is over. */
type Sent = { job: Job; interactionId?: string; messageId?: string; latencyMs?: number };

function dispatch(bot: BotUnderTest, job: Job, channels: string[], timeoutMs: number): { sent: Sent; replied: Promise<void> } {
  const { fake } = bot;
  const started = performance.now();
  const sent: Sent = { job };
  const done = () => {
    sent.latencyMs = performance.now() - started;
  };
  if (job.kind === 'mention') {
    const message = fake.messageCreate({ content: job.question, mentions: [fake.botUser], channelId: channels[job.channel % channels.length] });
    sent.messageId = message.id;
    const replied = fake.waitForReplyTo(message, { timeoutMs }).then(done);
    return { sent, replied };
  }
  const locale = job.french ? Locale.French : Locale.EnglishUS;
  const handle =
    job.kind === 'ask'
      ? fake.slashCommand({ name: 'xen', subcommand: 'ask', options: { question: job.question }, locale })
      : job.kind === 'feature'
        ? fake.slashCommand({ name: 'xen', subcommand: 'feature', options: { name: job.name }, locale })
        : fake.autocomplete({ name: 'xen', subcommand: 'feature', options: { name: job.typed }, focused: 'name', locale });
  sent.interactionId = handle.id;
  return { sent, replied: handle.response({ timeoutMs }).then(done) };
}

/** Runs `jobs` with at most `concurrency` awaiting a reply; a missing reply is counted, not thrown. */
async function drive(bot: BotUnderTest, jobs: Job[], concurrency: number | 'all', timeoutMs: number): Promise<{ sent: Sent[]; dispatchAllMs?: number }> {
  const channels = textChannelIds(bot);
  const sent: Sent[] = [];
  const one = (job: Job) => {
    const d = dispatch(bot, job, channels, timeoutMs);
    sent.push(d.sent);
    return d.replied.catch(() => undefined);
  };
  if (concurrency === 'all') {
    const started = performance.now();
    const replies = jobs.map(one);
    const dispatchAllMs = performance.now() - started;
    await Promise.all(replies);
    return { sent, dispatchAllMs };
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await one(jobs[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { sent };
}

/** How many accepted initial responses (callbacks or endpoint answers) each interaction got and how many replies each message got, since `since`. */
function countReplies(bot: BotUnderTest, since: number): { callbacks: Map<string, number>; replies: Map<string, number> } {
  const callbacks = new Map<string, number>();
  const replies = new Map<string, number>();
  for (const r of bot.fake.requests.slice(since)) {
    if (r.status >= 300) continue;
    // The initial response: a callback over REST (gateway), or the endpoint's accepted HTTP answer (HTTP transport).
    const initial = r.route === CALLBACK_ROUTE || (r.route === INTERACTIONS_ENDPOINT_ROUTE && r.accepted !== false);
    if (initial && r.interactionId) callbacks.set(r.interactionId, (callbacks.get(r.interactionId) ?? 0) + 1);
    if (r.route === 'POST /channels/:channelId/messages') {
      const ref = (r.response as APIMessage).message_reference?.message_id;
      if (ref) replies.set(ref, (replies.get(ref) ?? 0) + 1);
    }
  }
  return { callbacks, replies };
}

export async function runLoad(opts: LoadOptions): Promise<LoadFigures> {
  const bot = opts.bot ?? (await startBot({ cooldownSeconds: 0, textChannels: 4, keepLogs: false }));
  try {
    const jobs = buildWorkload(bot.ctx.engine.kb, opts.n, opts.mix ?? DEFAULT_MIX, opts.seed ?? 1, textChannelIds(bot).length);
    const since = bot.fake.requests.length;
    const errorsBefore = bot.fake.errors.length;
    const memoryBefore = memory();

    const started = performance.now();
    const { sent, dispatchAllMs } = await drive(bot, jobs, opts.concurrency, opts.timeoutMs ?? 30_000);
    const wallMs = performance.now() - started;
    // Late answers (past the driver's timeout) and second answers come after: count once the bot has gone quiet,
    // so they are counted here and do not leak into the next run on the same bot.
    await quiet(bot);

    const { callbacks, replies } = countReplies(bot, since);
    const counts = sent.map((s) => (s.interactionId ? callbacks.get(s.interactionId) : replies.get(s.messageId ?? '')) ?? 0);
    const byKind = { ask: 0, feature: 0, autocomplete: 0, mention: 0 };
    const samples: Partial<Record<JobKind, number[]>> = {};
    for (const s of sent) {
      byKind[s.job.kind] += 1;
      if (s.latencyMs !== undefined) (samples[s.job.kind] ??= []).push(s.latencyMs);
    }
    let pings: string | undefined;
    try {
      assertNoPings(bot.fake);
    } catch (error) {
      pings = (error as Error).message;
    }
    return {
      n: jobs.length,
      concurrency: opts.concurrency,
      byKind,
      wallMs,
      ...(dispatchAllMs === undefined ? {} : { dispatchAllMs }),
      throughputPerSec: (counts.filter((c) => c === 1).length / wallMs) * 1000,
      replied: sent.filter((s) => s.latencyMs !== undefined).length,
      latencyMs: percentiles(Object.values(samples).flat()),
      latencyByKindMs: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, percentiles(v)])),
      answeredOnce: counts.filter((c) => c === 1).length,
      missing: counts.filter((c) => c === 0).length,
      duplicated: counts.filter((c) => c > 1).length,
      fakeErrors: bot.fake.errors.slice(errorsBefore).map(describeError),
      pings,
      memoryBefore,
      memoryAfter: memory(),
    };
  } finally {
    if (!opts.bot) await stopQuietly(bot);
  }
}

/** Resolves once the bot has made no request for `quietMs` (at most `maxMs`). */
async function quiet(bot: BotUnderTest, quietMs = 300, maxMs = 120_000): Promise<void> {
  const until = performance.now() + maxMs;
  let seen = -1;
  while (seen !== bot.fake.requests.length && performance.now() < until) {
    seen = bot.fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** Stops a bot whose errors were already reported in the figures. */
export async function stopQuietly(bot: BotUnderTest): Promise<void> {
  await bot.client.destroy();
  await bot.closeEndpoint();
  await bot.fake.close();
}
