// The gateway transport: a discord.js client that carries interactions to the shared handlers and back over REST,
// and answers channel messages. One safety net: a failure logs and apologises, never crashes.
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Partials, RESTEvents, Routes, type APIInteraction } from 'discord.js';
import type { Metrics } from '../../metrics/metrics.ts';
import { handleInteraction, interactionKind, interactionLog } from '../interactions/route.ts';
import { readsMessageContent, type BotContext } from '../interactions/context.ts';
import { channelReply } from '../outgoing.ts';
import { DEFAULT_REST_POLICY, restOptions, type RestPolicy } from '../rest-policy.ts';
import { InFlight } from '../shutdown.ts';
import { keepRecords } from '../after-response.ts';
import { apologize, deliverOverRest } from './deliver.ts';
import { handleMessage } from './messages.ts';

export interface BotOptions {
  token: string;
  /** REST base URL, e.g. https://discord.com/api (the tests point it at a local fake). */
  apiUrl?: string;
  /** Overrides of the REST timeouts, retries and rate-limit waits (the tests shorten them). */
  rest?: Partial<RestPolicy>;
  /** Tracks running handlers so a shutdown can drain them; new events are ignored once it is closed. */
  inFlight?: InFlight;
  /** `http`: interactions go to the HTTP endpoint (npm run start:http); this client then only reads messages. */
  interactions?: 'gateway' | 'http';
  /** The shards this process runs, of how many; `auto`: all of Discord's recommended count. Default: one shard. */
  shards?: 'auto' | { ids: number[]; count: number };
}

/**
 * Guild messages are needed for mentions; message content only when channels are answered without one. It is
 * privileged (Discord refuses the login unless the portal enables it), so it is asked for only when the operator
 * lists answer channels or says with MESSAGE_CONTENT_INTENT that admins may add theirs with /xen-admin.
 */
export function intentsFor(ctx: BotContext): GatewayIntentBits[] {
  // Direct messages are questions too; that intent is not privileged.
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (readsMessageContent(ctx)) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createBot(ctx: BotContext, options: BotOptions): Client {
  const inFlight = options.inFlight ?? new InFlight();
  const client = new Client({
    intents: intentsFor(ctx),
    partials: [Partials.Channel], // a DM channel is not cached before its first message: without this discord.js drops it
    // discord.js's WebSocket manager runs every shard of this process on one event loop, with one index in memory.
    ...(options.shards === 'auto' ? { shards: 'auto' as const } : options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    rest: restOptions({ ...DEFAULT_REST_POLICY, ...options.rest }, options.apiUrl),
    allowedMentions: { parse: [], repliedUser: false }, // the default for anything that bypasses outgoing.ts
  });
  const track = (what: Record<string, unknown>, work: () => Promise<unknown>): void => {
    // Debug, not info: during a drain every event lands here, and the shutdown lines already say why.
    if (!inFlight.run(work)) ctx.logger.debug(what, 'ignored: shutting down');
  };

  if (options.interactions !== 'http') client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: APIInteraction) =>
    track({ interactionId: raw.id }, async () => {
      const started = performance.now();
      // A copy: a knowledge reload swaps ctx.engine, and this interaction keeps the base it began with.
      const handled = handleInteraction({ ...ctx }, raw);
      const log = interactionLog(ctx, raw);
      const delivery = { acknowledged: false };
      try {
        await deliverOverRest(ctx, client.rest, raw, handled, delivery);
        const latencyMs = Math.round(performance.now() - started);
        ctx.metrics?.interactionSeconds.observe({ kind: interactionKind(raw), transport: 'gateway' }, latencyMs / 1000);
        ctx.logger.info({ ...log, status: handled.outcome, latencyMs }, 'interaction handled');
      } catch (error) {
        ctx.metrics?.errors.inc({ kind: 'interaction' });
        ctx.logger.error({ ...log, status: handled.outcome, err: error, latencyMs: Math.round(performance.now() - started) }, 'interaction failed');
        await apologize(client.rest, raw, delivery).catch((apologyError: unknown) => ctx.logger.error({ ...log, err: apologyError }, 'could not send the apology'));
      }
    }),
  );
  client.on(Events.MessageCreate, (message) =>
    track({ messageId: message.id }, async () => {
      const started = performance.now();
      try {
        const reply = handleMessage({ ...ctx }, message); // a copy, as for interactions
        if (!reply) return;
        if (reply.payload) await client.rest.post(Routes.channelMessages(message.channelId), { body: channelReply(reply.payload, message.id) });
        keepRecords(ctx, reply.records);
        ctx.logger.info({ messageId: message.id, channelId: message.channelId, status: reply.outcome, latencyMs: Math.round(performance.now() - started) }, 'message handled');
      } catch (error) {
        ctx.metrics?.errors.inc({ kind: 'message' });
        ctx.logger.error({ messageId: message.id, err: error }, 'message handling failed');
      }
    }),
  );
  client.once(Events.ClientReady, (ready) => ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.Error, (error) => {
    ctx.metrics?.errors.inc({ kind: 'client' });
    ctx.logger.error({ err: error }, 'discord client error');
  });
  if (ctx.metrics) watchClient(client, ctx.metrics);
  client.on(Events.Warn, (warning) => ctx.logger.warn({ warning }, 'discord client warning'));
  return client;
}

export async function startBot(ctx: BotContext, options: BotOptions): Promise<Client> {
  const client = createBot(ctx, options);
  await client.login(options.token);
  return client;
}

/** Shard readiness and heartbeat latency, REST rate limits and retries, for /metrics. */
function watchClient(client: Client, metrics: Metrics): void {
  const shard = (id: number) => ({ shard: String(id) });
  client.on(Events.ShardReady, (id) => metrics.shardReady.set(shard(id), 1));
  client.on(Events.ShardResume, (id) => metrics.shardReady.set(shard(id), 1));
  client.on(Events.ShardDisconnect, (_event, id) => metrics.shardReady.set(shard(id), 0));
  client.on(Events.ShardReconnecting, (id) => metrics.shardReady.set(shard(id), 0));
  metrics.pingSource = () => [...client.ws.shards.values()].map((ws) => [ws.id, ws.ping] as [number, number]);
  client.rest.on(RESTEvents.RateLimited, (info) => metrics.rateLimits.inc({ scope: info.global ? 'global' : 'route' }));
  client.rest.on(RESTEvents.Response, (request) => {
    if (request.retries > 0) metrics.restRetries.inc();
  });
}
