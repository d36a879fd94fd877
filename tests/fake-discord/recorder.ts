// What the bot did (HTTP requests, gateway frames) and what it got wrong, with awaitable lookups for tests.
import type { FakeErrorKind } from './errors.ts';
import type { UploadedFile } from './validate-message.ts';

/**
 * One HTTP request the bot made, with the fake's answer. A delivery to the bot's interactions endpoint is recorded
 * the other way round: route `INTERACTIONS_ENDPOINT_ROUTE`, `path` the endpoint URL, and `status`, `headers` and
 * `body` the bot's HTTP answer (status 0: no answer).
 */
export interface RecordedRequest {
  /** 0-based position in `fake.requests`; pass `since` to waiters to skip older requests. */
  seq: number;
  method: string;
  /** Path below /api/v10, without the query, e.g. `/channels/123/messages`. */
  path: string;
  /** Matched route pattern, e.g. `POST /channels/:channelId/messages`; '' for an unknown route. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (for multipart: the parsed `payload_json` part). */
  body: unknown;
  files: UploadedFile[];
  status: number;
  response: unknown;
  /** Set for interaction callbacks and interaction webhooks (follow-ups, edits of @original). */
  interactionId?: string;
  /** Deliveries to the interactions endpoint: true when the answer was taken as the initial response (or PONG). */
  accepted?: boolean;
  time: number;
}

/** Something Discord would have refused or that the bot must not do; `assertNoErrors()` throws on any. */
export interface FakeError {
  kind: FakeErrorKind;
  message: string;
  time: number;
  request?: RecordedRequest;
}

/** A gateway frame exchanged with the bot or a connection event. */
export interface GatewayEvent {
  kind: 'connect' | 'close' | 'received' | 'sent';
  op?: number;
  t?: string | null;
  s?: number | null;
  d?: unknown;
  /** For 'connect': the URL path and query; for 'close': the close code. */
  url?: string;
  code?: number;
  sessionId?: string;
  time: number;
}

export interface WaitOptions {
  /** Default 5000. */
  timeoutMs?: number;
  /** Ignore entries before this index (e.g. `fake.requests.length` captured earlier). */
  since?: number;
}

interface Waiter<T> {
  pred: (item: T) => boolean;
  resolve: (item: T) => void;
}

/**
 * An append-only list whose entries can be awaited; waiters also see entries that already arrived.
 * Entries can carry keys (e.g. the interaction they belong to): a wait on a key only looks at that key's
 * entries and is only woken by them, so thousands of pending waits cost no more per entry than one.
 */
export class WaitableLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  private readonly keyedWaiters = new Map<string, Set<Waiter<T>>>();
  /** Entries per key with their position in `items`, for `since`. */
  private readonly byKey = new Map<string, Array<{ index: number; item: T }>>();
  private readonly cancels = new Set<(reason: Error) => void>();

  constructor(
    private readonly describe: (item: T) => string,
    private readonly keysOf: (item: T) => readonly string[] = () => [],
  ) {}

  push(item: T): void {
    const index = this.items.push(item) - 1;
    for (const key of this.keysOf(item)) {
      const entries = this.byKey.get(key);
      if (entries) entries.push({ index, item });
      else this.byKey.set(key, [{ index, item }]);
      for (const w of [...(this.keyedWaiters.get(key) ?? [])]) {
        if (w.pred(item)) w.resolve(item);
      }
    }
    for (const w of [...this.waiters]) {
      if (w.pred(item)) w.resolve(item);
    }
  }

  /** Entries recorded under `key`, oldest first. */
  withKey(key: string, since = 0): T[] {
    return (this.byKey.get(key) ?? []).filter((e) => e.index >= since).map((e) => e.item);
  }

  /** With `key`, only entries recorded under that key are considered. */
  wait(pred: (item: T) => boolean, opts: WaitOptions = {}, what = 'entry', key?: string): Promise<T> {
    const since = opts.since ?? 0;
    const found = key === undefined ? findFrom(this.items, since, pred) : this.withKey(key, since).find(pred);
    if (found !== undefined) return Promise.resolve(found);
    const timeoutMs = opts.timeoutMs ?? 5000;
    const waiters = key === undefined ? this.waiters : this.keyedWaitersOf(key);
    return new Promise<T>((resolve, reject) => {
      const cancel = (reason: Error): void => finish(() => reject(reason));
      const waiter: Waiter<T> = { pred, resolve: (item) => finish(() => resolve(item)) };
      const timer = setTimeout(() => {
        const seen = this.items.slice(Math.max(since, this.items.length - 15)).map(this.describe);
        cancel(new Error(`Timed out after ${timeoutMs}ms waiting for ${what}. Seen: ${seen.length ? `\n  ${seen.join('\n  ')}` : 'nothing'}`));
      }, timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        waiters.delete(waiter);
        if (key !== undefined && waiters.size === 0) this.keyedWaiters.delete(key);
        this.cancels.delete(cancel);
        settle();
      };
      waiters.add(waiter);
      this.cancels.add(cancel);
    });
  }

  /** Forgets every entry (pending waits keep waiting for new ones); `since` positions restart at 0. */
  clear(): void {
    this.items.length = 0;
    this.byKey.clear();
  }

  /** Rejects pending waits so nothing keeps the process alive after `close()`. */
  cancelAll(reason: string): void {
    for (const cancel of [...this.cancels]) cancel(new Error(reason));
  }

  private keyedWaitersOf(key: string): Set<Waiter<T>> {
    let set = this.keyedWaiters.get(key);
    if (!set) this.keyedWaiters.set(key, (set = new Set()));
    return set;
  }
}

function findFrom<T>(items: readonly T[], since: number, pred: (item: T) => boolean): T | undefined {
  for (let i = Math.max(0, since); i < items.length; i++) if (pred(items[i]!)) return items[i];
  return undefined;
}

/** Key of every request made for one interaction (callback, follow-ups, edits). */
export const interactionKey = (interactionId: string): string => `interaction:${interactionId}`;
/** Key of the bot's accepted channel messages that reply to one message. */
export const replyKey = (messageId: string): string => `reply:${messageId}`;

/** Keys the request log indexes requests by, so per-interaction and per-message waits stay cheap under load. */
export function requestKeys(r: RecordedRequest): string[] {
  const keys: string[] = [];
  if (r.interactionId) keys.push(interactionKey(r.interactionId));
  if (r.route === 'POST /channels/:channelId/messages' && r.status === 200) {
    const ref = (r.response as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id;
    if (ref) keys.push(replyKey(ref));
  }
  return keys;
}

export function describeRequest(r: RecordedRequest): string {
  const res = r.response as { message?: unknown } | undefined;
  const why = r.status >= 400 && res && typeof res.message === 'string' ? ` ${res.message}` : '';
  return `${r.method} ${r.path} -> ${r.status}${why}`;
}

export function describeError(e: FakeError): string {
  return `[${e.kind}] ${e.request ? `${e.request.method} ${e.request.path}: ` : ''}${e.message}`;
}

export function describeGatewayEvent(e: GatewayEvent): string {
  if (e.kind === 'connect') return `connect ${e.url ?? ''}`;
  if (e.kind === 'close') return `close ${String(e.code)}`;
  return `${e.kind} op=${String(e.op)}${e.t ? ` ${e.t}` : ''}${e.s !== undefined && e.s !== null ? ` s=${e.s}` : ''}`;
}
