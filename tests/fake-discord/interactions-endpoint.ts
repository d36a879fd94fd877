// HTTP interactions: with an Interactions Endpoint URL configured, Discord POSTs each interaction there, signed with
// Ed25519, and takes the HTTP answer (200 + interaction response) as the initial response.
import { type KeyObject, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { FakeCore, InteractionState } from './core.ts';
import { DiscordHttpError, type FakeErrorKind } from './errors.ts';
import { interactionToken, snowflake } from './ids.ts';
import { acceptInitialResponse } from './interaction-routes.ts';
import type { RecordedRequest, WaitableLog } from './recorder.ts';
import { parseBody } from './rest-server.ts';

/** `route` of a recorded delivery to the interactions endpoint (interaction or PING) and the bot's answer. */
export const INTERACTIONS_ENDPOINT_ROUTE = 'POST <interactions endpoint>';
/** The User-Agent Discord sends to interactions endpoints. */
export const INTERACTIONS_USER_AGENT = 'Discord-Interactions/1.0 (+https://discord.com)';

/** Where and how interactions are delivered over HTTP: the bot's URL and the application's signing key. */
export interface InteractionsEndpoint {
  url: string;
  privateKey: KeyObject;
}

export interface InteractionKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key as hex, as the Developer Portal shows the application's "Public Key". */
  publicKeyHex: string;
}

/** A fresh Ed25519 key pair for an application: the fake signs with `privateKey`, the bot verifies with the public key. */
export function generateInteractionKeys(): InteractionKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicKeyHex: publicKeyHex(publicKey) };
}

/** Hex of the raw 32-byte Ed25519 public key (of a public key, or of the public half of a private one). */
export function publicKeyHex(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  // SPKI DER of an Ed25519 key is a 12-byte header followed by the raw key.
  return pub.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
}

/** `X-Signature-Ed25519`: hex Ed25519 signature of timestamp + raw body. */
export function signInteraction(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
}

export interface SignedPostOptions {
  url: string;
  privateKey: KeyObject;
  /** `X-Signature-Timestamp`, default now in unix seconds; null sends no such header. */
  timestamp?: string | number | null;
  /** The raw body to send, default `JSON.stringify(payload)`; the signature covers it unless `signature` is given. */
  body?: string;
  /** Sent instead of the right signature (e.g. one made over another body); null sends no such header. */
  signature?: string | null;
  /** Extra or replacement request headers. */
  headers?: Record<string, string>;
  /** Stop waiting after this many ms (the answer then has status 0). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What an interactions endpoint answered. */
export interface EndpointAnswer {
  /** 0 when no answer arrived (see `failure`). */
  status: number;
  headers: Record<string, string>;
  raw: Buffer;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
  /** What was sent. */
  sent: { body: string; timestamp: string | null; signature: string | null };
  /** Why there is no answer: connection refused, timed out, aborted. */
  failure?: string;
}

/** POSTs `payload` as Discord does (signed, JSON, Discord's User-Agent); options can tamper with every part. */
export async function postSigned(payload: unknown, opts: SignedPostOptions): Promise<EndpointAnswer> {
  const body = opts.body ?? JSON.stringify(payload);
  const timestamp = opts.timestamp === null ? null : String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = opts.signature === undefined ? signInteraction(opts.privateKey, timestamp ?? '', body) : opts.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': INTERACTIONS_USER_AGENT };
  if (signature !== null) headers['x-signature-ed25519'] = signature;
  if (timestamp !== null) headers['x-signature-timestamp'] = timestamp;
  Object.assign(headers, opts.headers);
  const signals = [opts.signal, opts.timeoutMs === undefined ? undefined : AbortSignal.timeout(opts.timeoutMs)].filter((s) => s !== undefined);
  const sent = { body, timestamp, signature };
  try {
    const res = await fetch(opts.url, { method: 'POST', headers, body, redirect: 'manual', signal: signals.length > 0 ? AbortSignal.any(signals) : null });
    const raw = Buffer.from(await res.arrayBuffer());
    const text = raw.toString('utf8');
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: Object.fromEntries(res.headers), raw, text, json, sent };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { status: 0, headers: {}, raw: Buffer.alloc(0), text: '', json: undefined, sent, failure: `${err instanceof Error ? err.message : String(err)}${cause}` };
  }
}

export interface PingResult {
  /** True when the endpoint answered the signed PING with 200 `{ type: 1 }` and the bad signature with 401. */
  ok: boolean;
  pong: EndpointAnswer;
  /** The answer to the same PING with a wrong signature (undefined with `invalidSignature: false`). */
  invalidSignature: EndpointAnswer | undefined;
}

type ErrorFn = (kind: FakeErrorKind, message: string, request?: RecordedRequest) => void;

/** Delivers interactions and PINGs to the bot's endpoint and applies its answers as Discord does. */
export class InteractionsEndpointClient {
  private readonly inflight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly core: FakeCore,
    private readonly log: WaitableLog<RecordedRequest>,
    private readonly error: ErrorFn,
  ) {}

  /** POSTs the interaction now; Discord stops waiting for the answer when the response window closes. */
  deliver(it: InteractionState, endpoint: InteractionsEndpoint): void {
    void this.run(it, endpoint);
  }

  /** What Discord does when the URL is saved: a signed PING that must get 200 `{ type: 1 }`, and a forged one that must get 401. */
  async ping(endpoint: InteractionsEndpoint, opts: { invalidSignature?: boolean } = {}): Promise<PingResult> {
    const payload = { id: snowflake(), application_id: this.core.applicationId, type: 1, token: interactionToken(), version: 1 };
    const timeoutMs = this.core.options.interactionWindowMs;
    const problems: string[] = [];
    const pong = await postSigned(payload, { ...endpoint, timeoutMs });
    const type = (pong.json as { type?: unknown } | undefined)?.type;
    if (pong.status !== 200) problems.push(`the PING was answered ${pong.failure ? `with nothing (${pong.failure})` : String(pong.status)}; Discord expects 200 { "type": 1 }`);
    else if (!jsonType(pong.headers['content-type'])) problems.push(`the PONG has Content-Type ${pong.headers['content-type'] ?? '(none)'}; Discord requires application/json`);
    else if (type !== 1) problems.push(`the PING was answered ${pong.text.slice(0, 200)}; Discord expects { "type": 1 }`);
    const pingRecord = this.record(endpoint, pong, undefined, problems.length === 0);
    let forged: EndpointAnswer | undefined;
    if (opts.invalidSignature !== false) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = JSON.stringify(payload);
      // A well-formed signature, but over another body: only a real verification tells it apart.
      const signature = signInteraction(endpoint.privateKey, timestamp, `${body} `);
      forged = await postSigned(payload, { ...endpoint, timestamp, body, signature, timeoutMs });
      this.record(endpoint, forged, undefined, forged.status === 401);
      if (forged.status !== 401) {
        problems.push(`a PING with an invalid signature was answered ${forged.status || `with nothing (${forged.failure ?? ''})`}; Discord requires 401 and does not save the URL`);
      }
    }
    for (const p of problems) this.error('interaction', `interactions endpoint ${endpoint.url}: ${p}`, pingRecord);
    return { ok: problems.length === 0, pong, invalidSignature: forged };
  }

  /** Aborts deliveries in flight, without recording anything for them. */
  close(): void {
    this.closed = true;
    for (const controller of this.inflight) controller.abort(new Error('fake-discord closed'));
  }

  private async run(it: InteractionState, endpoint: InteractionsEndpoint): Promise<void> {
    const window = this.core.options.interactionWindowMs;
    const controller = new AbortController();
    this.inflight.add(controller);
    let late = false;
    const deadline = setTimeout(() => {
      late = true;
      controller.abort(new Error(`no answer within ${window}ms`));
    }, Math.max(0, it.createdAt + window - Date.now()));
    let answer: EndpointAnswer;
    try {
      answer = await postSigned(it.payload, { ...endpoint, signal: controller.signal });
    } finally {
      clearTimeout(deadline);
      this.inflight.delete(controller);
    }
    if (this.closed) return;
    const record = this.record(endpoint, answer, it.id, false, false);
    const afters: (() => void)[] = [];
    let problem: { kind: FakeErrorKind; message: string } | undefined;
    let failed = false;
    const label = `${it.label} over HTTP`;
    if (answer.failure) {
      // Past the window the interaction has failed already (the window timer records it), unless the bot
      // acknowledged it through the callback route and left Discord's request hanging.
      if (!late) {
        problem = { kind: 'interaction', message: `${label}: could not reach the interactions endpoint ${endpoint.url} (${answer.failure})` };
        failed = true;
      } else if (it.callback) {
        problem = { kind: 'interaction', message: `${label}: answered through the callback route, but the HTTP request got no answer within ${window}ms (Discord expects 202 with no body)` };
      }
    } else if (answer.status === 202) {
      // The bot answers (or answered) through POST /interactions/:id/:token/callback; the window timer still runs.
      if (answer.raw.length > 0) problem = { kind: 'interaction', message: `${label}: the interactions endpoint answered 202 with a body; after using the callback route Discord expects 202 and no body` };
    } else if (answer.status !== 200) {
      const why = answer.status === 401 ? ' (it refused a valid signature: is it verifying with the right public key?)' : '';
      problem = { kind: 'interaction', message: `${label}: the interactions endpoint answered ${answer.status}${why}; Discord expects 200 with an interaction response, or 202 after using the callback route (users see "This interaction failed")` };
      failed = true;
    } else if (!jsonType(answer.headers['content-type']) && !answer.headers['content-type']?.startsWith('multipart/form-data')) {
      problem = { kind: 'interaction', message: `${label}: the interactions endpoint answered 200 with Content-Type ${answer.headers['content-type'] ?? '(none)'}; Discord requires application/json (or multipart/form-data with files)` };
      failed = true;
    } else {
      try {
        const parsed = await parseBody(answer.raw, answer.headers['content-type'] ?? '');
        record.body = parsed.body;
        record.files = parsed.files;
        acceptInitialResponse(this.core, it, parsed.body, parsed.files, (fn) => afters.push(fn));
        record.accepted = true;
      } catch (err) {
        if (err instanceof DiscordHttpError) {
          record.response = err.body;
          problem = { kind: err.kind, message: `${label}: the interactions endpoint's answer was refused: ${err.message}` };
        } else {
          problem = { kind: 'internal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
        }
        failed = true;
      }
    }
    if (failed && !it.callback && !it.timedOut) {
      it.timedOut = true;
      clearTimeout(it.timer);
    }
    this.push(record);
    if (problem) this.error(problem.kind, problem.message, record);
    if (afters.length > 0) setImmediate(() => afters.forEach((fn) => fn()));
  }

  private record(endpoint: InteractionsEndpoint, answer: EndpointAnswer, interactionId: string | undefined, accepted: boolean, push = true): RecordedRequest {
    const record: RecordedRequest = {
      seq: -1,
      method: 'POST',
      path: endpoint.url,
      route: INTERACTIONS_ENDPOINT_ROUTE,
      params: {},
      query: {},
      headers: answer.headers,
      body: answer.json ?? (answer.text.length > 0 ? answer.text : undefined),
      files: [],
      status: answer.status,
      response: undefined,
      accepted,
      time: Date.now(),
    };
    if (interactionId) record.interactionId = interactionId;
    if (push) this.push(record);
    return record;
  }

  private push(record: RecordedRequest): void {
    record.seq = this.log.items.length;
    this.log.push(record);
  }
}

function jsonType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
