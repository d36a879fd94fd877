// The HTTP transport: Discord POSTs each interaction here, signed, and takes the response from the HTTP reply.
// The same handlers as the gateway (interactions/route.ts) decide the response; this file only checks the request,
// carries the response, and leaves follow-ups, records and metrics to after-response.ts once it is sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { InteractionType, type APIInteraction, type REST } from 'discord.js';
import { keepRecords, runFollowUps } from '../discord/after-response.ts';
import type { BotContext } from '../discord/interactions/context.ts';
import { handleInteraction, interactionKind, interactionLog } from '../discord/interactions/route.ts';
import type { InFlight } from '../discord/shutdown.ts';
import { checkSignature } from './signature.ts';

/** Discord's interactions are a few kilobytes; anything this big is not one. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface EndpointOptions {
  publicKey: KeyObject;
  /** For follow-ups; they use the interaction's token, so no bot token is needed. */
  rest: REST;
  inFlight: InFlight;
  now?: () => number;
}

type Body = { ok: true; body: Buffer } | { ok: false; status: 413 };

/** The raw body, or 413 as soon as it passes the bound (the rest is not read). */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve({ ok: false, status: 413 });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Handles POST /interactions; the caller routes by path and method. */
export function interactionsEndpoint(ctx: BotContext, options: EndpointOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const started = performance.now();
    const read = await readBody(req);
    if (!read.ok) return send(res, 413, 'request body too large');
    const check = checkSignature(
      options.publicKey,
      { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') },
      read.body,
      (options.now ?? Date.now)() / 1000,
    );
    if (!check.ok) {
      ctx.logger.warn({ reason: check.reason }, 'interaction request refused: bad signature');
      return send(res, 401, 'invalid request signature');
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(read.body.toString('utf8')) as APIInteraction;
    } catch {
      return send(res, 400, 'body is not JSON');
    }
    if (!interaction || typeof interaction !== 'object' || typeof interaction.type !== 'number') return send(res, 400, 'not an interaction');
    if (interaction.type === InteractionType.Ping) return send(res, 200, { type: 1 });
    // A copy: a knowledge reload swaps ctx.engine, and this interaction keeps the base it began with.
    const local = { ...ctx };
    const accepted = options.inFlight.run(async () => {
      const handled = handleInteraction(local, interaction);
      const log = interactionLog(local, interaction);
      send(res, 200, handled.response);
      await new Promise<void>((resolve) => (res.writableFinished ? resolve() : res.once('finish', () => resolve())));
      const latencyMs = Math.round(performance.now() - started);
      ctx.metrics?.interactionSeconds.observe({ kind: interactionKind(interaction), transport: 'http' }, latencyMs / 1000);
      ctx.logger.info({ ...log, status: handled.outcome, latencyMs, transport: 'http' }, 'interaction handled');
      keepRecords(local, handled.records);
      try {
        await runFollowUps(options.rest, interaction, handled.followUps);
      } catch (error) {
        ctx.metrics?.errors.inc({ kind: 'interaction' });
        ctx.logger.error({ ...log, err: error }, 'interaction follow-up failed');
      }
    });
    // Shutting down: Discord shows "did not respond", as with the gateway transport.
    if (!accepted) send(res, 503, 'shutting down');
  };
}
