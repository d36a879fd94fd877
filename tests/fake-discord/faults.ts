// Injected REST faults (rate limits, 5xx, hung requests, commit-then-fail) so tests can prove the bot survives them.
import { type RecordedRequest, WaitableLog, describeRequest } from './recorder.ts';
import type { RouteResult } from './rest-server.ts';

/** Which requests a fault applies to: a recorded route (`'POST /channels/:channelId/messages'`) or a predicate. */
export type FaultMatch = string | ((request: RecordedRequest) => boolean);

export interface FaultSpec {
  match: FaultMatch;
  /** Answer with this status instead of running the route (default 500 when no `hang`/`delayMs`). */
  status?: number;
  /** Seconds, for a 429: sent as `Retry-After`, `X-RateLimit-Reset-After` and `retry_after` in the body. */
  retryAfter?: number;
  /** A 429 on the global limit: `X-RateLimit-Global: true`, `X-RateLimit-Scope: global`, `global: true`. */
  global?: boolean;
  /** How many matching requests are hit (default 1; `Infinity` for every one until `remove()`). */
  times?: number;
  /** Hold the request without answering until `release()` (then it runs normally); never answers otherwise. */
  hang?: boolean;
  /** Hold the request this long, then run it normally. */
  delayMs?: number;
  /** Run the route (the message is created, the gateway echoes it), then answer `status` anyway (default 500). */
  commitThenFail?: boolean;
}

/** What the REST server does with a request a fault hit. */
export type FaultAction =
  | { kind: 'respond'; result: RouteResult }
  | { kind: 'hold'; until: Promise<void> }
  | { kind: 'commit-then-fail'; result: RouteResult };

/** A live fault: count and await its hits, release held requests, or remove it early. */
export class Fault {
  /** Requests this fault hit, in arrival order (recorded before any answer, so a held request shows up here). */
  readonly hits = new WaitableLog<RecordedRequest>(describeRequest);
  private releaseHeld!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.releaseHeld = resolve));
  removed = false;

  constructor(readonly spec: FaultSpec) {}

  /** Resolves with the n-th hit (1-based), e.g. once a held request has arrived. */
  waitForHit(n = 1, timeoutMs = 5000): Promise<RecordedRequest> {
    let seen = 0;
    return this.hits.wait(() => (seen += 1) >= n, { timeoutMs }, `hit #${n} of a fault`);
  }

  /** Lets held requests (and any later ones) through; they then run normally. */
  release(): void {
    this.releaseHeld();
  }

  /** Stops matching new requests; held ones stay held until `release()`. */
  remove(): void {
    this.removed = true;
  }

  get exhausted(): boolean {
    return this.removed || this.hits.items.length >= (this.spec.times ?? 1);
  }

  matches(request: RecordedRequest): boolean {
    const m = this.spec.match;
    return typeof m === 'string' ? request.route === m : m(request);
  }

  action(request: RecordedRequest): FaultAction {
    this.hits.push(request);
    const { spec } = this;
    if (spec.hang) return { kind: 'hold', until: this.released };
    if (spec.delayMs !== undefined) return { kind: 'hold', until: new Promise((resolve) => setTimeout(resolve, spec.delayMs)) };
    const result = errorResult(spec);
    return spec.commitThenFail ? { kind: 'commit-then-fail', result } : { kind: 'respond', result };
  }
}

/** The bodies and headers Discord sends with a 429 and a 5xx. */
function errorResult(spec: FaultSpec): RouteResult {
  const status = spec.status ?? 500;
  if (status !== 429) return { status, body: { code: 0, message: `${status}: fake-discord injected fault` } };
  const retryAfter = spec.retryAfter ?? 1;
  const headers: Record<string, string> = {
    'retry-after': String(Math.ceil(retryAfter)),
    'x-ratelimit-scope': spec.global ? 'global' : 'user',
  };
  if (spec.global) headers['x-ratelimit-global'] = 'true';
  else Object.assign(headers, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': String(retryAfter), 'x-ratelimit-bucket': 'fake-bucket' });
  return { status, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: spec.global === true, code: spec.global ? 0 : 20028 } };
}

/** The faults of one fake Discord; the REST server asks it about every routed request. */
export class FaultInjector {
  private readonly faults: Fault[] = [];

  inject(spec: FaultSpec): Fault {
    const fault = new Fault(spec);
    this.faults.push(fault);
    return fault;
  }

  /** The first live fault matching this request, consumed by one hit; undefined to run the route normally. */
  intercept(request: RecordedRequest): FaultAction | undefined {
    const fault = this.faults.find((f) => !f.exhausted && f.matches(request));
    return fault?.action(request);
  }
}
