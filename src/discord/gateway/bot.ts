// The gateway transport: a discord.js client that carries interactions to the shared handlers and back over REST,
// and answers channel messages. One safety net: a failure logs and apologises, never crashes.
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, Partials, Routes, type APIInteraction } from 'discord.js';
import { handleInteraction, interactionLog } from '../interactions/route.ts';
import { readsMessageContent, type BotContext } from '../interactions/context.ts';
import { channelReply } from '../outgoing.ts';
import { DEFAULT_REST_POLICY, restOptions, type RestPolicy } from '../rest-policy.ts';
import { InFlight } from '../shutdown.ts';
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
    rest: restOptions({ ...DEFAULT_REST_POLICY, ...options.rest }, options.apiUrl),
    allowedMentions: { parse: [], repliedUser: false }, // the default for anything that bypasses outgoing.ts
  });
  const track = (what: Record<string, unknown>, work: () => Promise<unknown>): void => {
    // Debug, not info: during a drain every event lands here, and the shutdown lines already say why.
    if (!inFlight.run(work)) ctx.logger.debug(what, 'ignored: shutting down');
  };

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (raw: APIInteraction) =>
    track({ interactionId: raw.id }, async () => {
      const started = performance.now();
      // A copy: a knowledge reload swaps ctx.engine, and this interaction keeps the base it began with.
      const handled = handleInteraction({ ...ctx }, raw);
      const log = interactionLog(ctx, raw);
      const delivery = { acknowledged: false };
      try {
        await deliverOverRest(ctx, client.rest, raw, handled, delivery);
        ctx.logger.info({ ...log, status: handled.outcome, latencyMs: Math.round(performance.now() - started) }, 'interaction handled');
      } catch (error) {
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
        for (const record of reply.records ?? []) ctx.recorder?.record(record);
        ctx.logger.info({ messageId: message.id, channelId: message.channelId, status: reply.outcome, latencyMs: Math.round(performance.now() - started) }, 'message handled');
      } catch (error) {
        ctx.logger.error({ messageId: message.id, err: error }, 'message handling failed');
      }
    }),
  );
  client.once(Events.ClientReady, (ready) => ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.Error, (error) => ctx.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (warning) => ctx.logger.warn({ warning }, 'discord client warning'));
  return client;
}

export async function startBot(ctx: BotContext, options: BotOptions): Promise<Client> {
  const client = createBot(ctx, options);
  await client.login(options.token);
  return client;
}
