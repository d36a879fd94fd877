// The REST half of the fake: a node:http server under /api/v10 that parses JSON/multipart, routes, records everything.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_VERSION } from './limits.ts';
import { DiscordHttpError, type FakeErrorKind, methodNotAllowed, notFoundRoute, unauthorized } from './errors.ts';
import type { FaultInjector } from './faults.ts';
import type { RecordedRequest, WaitableLog } from './recorder.ts';
import type { UploadedFile } from './validate-message.ts';

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** Lets a handler link the recorded request to an interaction. */
  tag: { interactionId?: string };
  /** Runs after the HTTP response is written (Discord's gateway echo arrives after the REST answer). */
  after(fn: () => void): void;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The route's effects happened even though the status says otherwise (an injected commit-then-fail). */
  committed?: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. `/channels/:channelId/messages/:messageId`. */
  pattern: string;
  /** Bot-token routes; interaction callbacks and interaction webhooks are authenticated by their token instead. */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export interface RestHooks {
  token: string | undefined;
  requests: WaitableLog<RecordedRequest>;
  error(kind: FakeErrorKind, message: string, request?: RecordedRequest): void;
  /** Injected faults, consulted once the route and its authentication are known. */
  faults?: FaultInjector;
}

const PREFIX = `/api/v${API_VERSION}`;

export class RestServer {
  url = '';
  private readonly server: Server;

  constructor(
    private readonly routes: Route[],
    private readonly hooks: RestHooks,
  ) {
    this.server = createServer((req, res) => void this.onRequest(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    // undici keeps connections alive; without this close() would wait for them to time out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(`${PREFIX}/`) ? url.pathname.slice(PREFIX.length) : url.pathname;
    const record: RecordedRequest = {
      seq: -1,
      method,
      path,
      route: '',
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      time: Date.now(),
    };
    const afters: (() => void)[] = [];
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    let committed = false;
    let failure: DiscordHttpError | undefined;
    let crash: unknown;
    try {
      const parsed = await readBody(req);
      record.body = parsed.body;
      record.files = parsed.files;
      const result = await this.route(record, url, afters);
      status = result.status;
      body = result.body;
      headers = result.headers ?? {};
      committed = result.committed === true;
    } catch (err) {
      if (err instanceof DiscordHttpError) failure = err;
      else crash = err;
      status = failure?.status ?? 500;
      body = failure?.body ?? { code: 0, message: `fake-discord internal error: ${String(err)}` };
    }
    record.status = status;
    record.response = body;
    record.seq = this.hooks.requests.items.length;
    this.hooks.requests.push(record);
    if (failure) this.hooks.error(failure.kind, failure.message, record);
    if (crash) this.hooks.error('internal', crash instanceof Error ? (crash.stack ?? crash.message) : String(crash), record);
    if (body === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (status < 400 || committed) setImmediate(() => afters.forEach((fn) => fn()));
  }

  private async route(record: RecordedRequest, url: URL, afters: (() => void)[]): Promise<RouteResult> {
    if (!url.pathname.startsWith(`${PREFIX}/`)) throw notFoundRoute();
    const segments = record.path.split('/').slice(1).map(decodeURIComponent);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.pattern, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== record.method) continue;
      record.route = `${route.method} ${route.pattern}`;
      record.params = params;
      if (route.auth && !this.authorized(record.headers.authorization)) throw unauthorized();
      const fault = this.hooks.faults?.intercept(record);
      if (fault?.kind === 'respond') return fault.result;
      if (fault?.kind === 'hold') await fault.until;
      const tag: { interactionId?: string } = {};
      try {
        const result = await route.handle({
          method: record.method,
          path: record.path,
          params,
          query: url.searchParams,
          body: record.body,
          files: record.files,
          tag,
          after: (fn) => afters.push(fn),
        });
        return fault?.kind === 'commit-then-fail' ? { ...fault.result, committed: true } : result;
      } finally {
        if (tag.interactionId) record.interactionId = tag.interactionId;
      }
    }
    throw pathMatched ? methodNotAllowed() : notFoundRoute();
  }

  private authorized(header: string | undefined): boolean {
    const m = /^Bot (.+)$/.exec(header ?? '');
    return !!m && (this.hooks.token === undefined || m[1] === this.hooks.token);
  }
}

function match(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const seg = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = seg;
    else if (part !== seg) return undefined;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return parseBody(Buffer.concat(chunks), req.headers['content-type'] ?? '');
}

/** A JSON or multipart (`payload_json` + `files[n]`) body; throws 50109 on invalid JSON, as Discord answers. */
export async function parseBody(raw: Buffer, type: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) return readMultipart(raw, type);
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordHttpError(400, { code: 50109, message: 'The request body contains invalid JSON.' });
  }
}

/** discord.js sends files as `files[n]` parts and the JSON payload as a `payload_json` part. */
async function readMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  const fields: Record<string, unknown> = {};
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = parseJson(value);
      else fields[field] = value;
    } else {
      files.push({ field, filename: value.name, contentType: value.type, size: value.size });
    }
  }
  return { body: body ?? fields, files };
}
