// The gateway half of the fake: a real WebSocket server speaking Discord's v10 JSON protocol (hello, identify, resume).
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGuildMember, GatewayGuildCreateDispatchData, GatewayReadyDispatchData } from 'discord.js';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { FakeErrorKind } from './errors.ts';
import { sessionId as newSessionId } from './ids.ts';
import type { GatewayEvent, WaitableLog } from './recorder.ts';
import { type ShardPair, invalidShard, onShard } from './shards.ts';
import { isRecord } from './validate-common.ts';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;
const Close = { UnknownError: 4000, UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidShard: 4010, InvalidAPIVersion: 4012, InvalidIntents: 4013 } as const;
/** How many dispatches a session keeps for replay on RESUME. */
const BACKLOG_MAX = 1000;

export interface GatewayHooks {
  token: string | undefined;
  heartbeatIntervalMs: number;
  log: WaitableLog<GatewayEvent>;
  error(kind: FakeErrorKind, message: string): void;
  /** READY for a session of that shard (its `guilds` are the shard's). */
  ready(sessionId: string, resumeUrl: string, shard: ShardPair): GatewayReadyDispatchData;
  /** GUILD_CREATE of every guild the bot is in; the gateway sends each session its shard's. */
  guildCreates(): GatewayGuildCreateDispatchData[];
  guildMembers(guildId: string): APIGuildMember[];
  /** Discord lets several sessions identify as the same shard; the fake flags it unless this is true. */
  allowDuplicateShards: boolean;
}

/** A gateway session; it outlives its socket so the bot can RESUME it. */
export interface GatewaySession {
  id: string;
  seq: number;
  intents: number;
  /** From IDENTIFY; [0, 1] when it had no `shard`. */
  shard: ShardPair;
  alive: boolean;
  backlog: { s: number; t: string; d: unknown }[];
  conn: Connection | null;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
  closedByServer: boolean;
}

/** Data for one dispatch, or a function deriving it from the session's intents (undefined = not delivered). */
export type DispatchData = unknown | ((intents: number) => unknown);

/** The `guild_id` of a dispatch's data, if it is an object that has one. */
export function guildIdOf(data: DispatchData): string | undefined {
  return isRecord(data) && typeof data.guild_id === 'string' ? data.guild_id : undefined;
}

export class FakeGateway {
  url = '';
  /** False simulates a zombie connection: heartbeats arrive but are never acknowledged. */
  ackHeartbeats = true;
  readonly sessions = new Map<string, GatewaySession>();
  private readonly conns = new Set<Connection>();
  private readonly http: Server = createServer((_req, res) => res.writeHead(426).end());
  private readonly wss = new WebSocketServer({ server: this.http });

  constructor(private readonly hooks: GatewayHooks) {
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.url = `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** Sessions that will receive (or replay after RESUME) dispatches. */
  liveSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => s.alive);
  }

  /**
   * Sends an event to the live sessions of the guild's shard (`(guild_id >> 22) % num_shards`); events without a
   * guild (DMs) go to shard 0, as Discord routes them.
   */
  dispatch(t: string, data: DispatchData, guildId: string | undefined): void {
    for (const session of this.liveSessions()) {
      if (!onShard(guildId, session.shard)) continue;
      const d = typeof data === 'function' ? (data as (intents: number) => unknown)(session.intents) : data;
      if (d !== undefined) this.send(session, t, d);
    }
  }

  /** Closes every bot connection like a Discord-side drop; 4000 (default) or an abrupt drop lets the bot resume. */
  disconnect(opts: { code?: number; abrupt?: boolean } = {}): number {
    let closed = 0;
    for (const conn of this.conns) {
      if (!conn.session) continue;
      conn.closedByServer = true;
      if (opts.abrupt) conn.socket.terminate();
      else conn.socket.close(opts.code ?? Close.UnknownError, 'fake-discord: forced disconnect');
      closed += 1;
    }
    return closed;
  }

  /** Op 7: asks the bot to reconnect and resume. */
  requestReconnect(): void {
    for (const conn of this.conns) if (conn.session) this.sendRaw(conn, { op: Op.Reconnect, d: null, s: null, t: null });
  }

  /** Op 9; with `resumable: false` the session is dropped and the bot must identify again. */
  invalidateSession(resumable: boolean): void {
    for (const conn of this.conns) {
      const session = conn.session;
      if (!session) continue;
      if (!resumable) session.alive = false;
      this.sendRaw(conn, { op: Op.InvalidSession, d: resumable, s: null, t: null });
      // The connection is no longer authenticated: the client may RESUME (or IDENTIFY) on it or on a new one.
      conn.session = null;
      session.conn = null;
    }
  }

  async close(): Promise<void> {
    for (const conn of this.conns) conn.socket.terminate();
    this.conns.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const conn: Connection = { socket, session: null, closedByServer: false };
    this.conns.add(conn);
    const url = new URL(req.url ?? '/', 'ws://fake');
    this.hooks.log.push({ kind: 'connect', url: `${url.pathname}${url.search}`, time: Date.now() });
    socket.on('message', (raw, isBinary) => this.onFrame(conn, raw, isBinary));
    socket.on('close', (code) => this.onClose(conn, code));
    socket.on('error', (err) => this.hooks.error('gateway', `socket error: ${err.message}`));
    const q = url.searchParams;
    // discord.js 14 connects with ?v=10&encoding=json and only adds compress=zlib-stream when zlib-sync is installed.
    if (q.get('v') !== '10') return this.fail(conn, Close.InvalidAPIVersion, `gateway connected with v=${String(q.get('v'))}, expected 10`);
    if (q.get('encoding') !== 'json') return this.fail(conn, Close.InvalidAPIVersion, `encoding=${String(q.get('encoding'))} is not supported (json only)`);
    if (q.has('compress')) return this.fail(conn, Close.InvalidAPIVersion, `compress=${String(q.get('compress'))} is not implemented by the fake (is zlib-sync installed?)`);
    this.sendRaw(conn, { op: Op.Hello, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs }, s: null, t: null });
  }

  private onFrame(conn: Connection, raw: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(raw.toString());
    } catch {
      payload = undefined;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') return this.fail(conn, Close.DecodeError, 'undecodable gateway frame');
    const { op, d } = payload;
    this.hooks.log.push({ kind: 'received', op, d, sessionId: conn.session?.id, time: Date.now() });
    if (op === Op.Heartbeat) return this.ackHeartbeats ? this.sendRaw(conn, { op: Op.HeartbeatAck, d: null, s: null, t: null }) : undefined;
    if (op === Op.Identify) return this.identify(conn, d);
    if (op === Op.Resume) return this.resume(conn, d);
    if (!conn.session) return this.fail(conn, Close.NotAuthenticated, `op ${op} sent before IDENTIFY/RESUME`);
    if (op === Op.RequestGuildMembers) return this.guildMembersChunk(conn.session, d);
    if (op === Op.PresenceUpdate || op === Op.VoiceStateUpdate) return;
    this.fail(conn, Close.UnknownOpcode, `unknown opcode ${op}`);
  }

  private identify(conn: Connection, d: unknown): void {
    if (conn.session) return this.fail(conn, Close.AlreadyAuthenticated, 'IDENTIFY sent twice on one connection');
    if (!isRecord(d) || !this.tokenOk(d.token)) return this.fail(conn, Close.AuthenticationFailed, 'IDENTIFY with an invalid token');
    if (typeof d.intents !== 'number' || !Number.isInteger(d.intents) || d.intents < 0) return this.fail(conn, Close.InvalidIntents, 'IDENTIFY without valid intents');
    const badShard = d.shard === undefined ? undefined : invalidShard(d.shard);
    if (badShard) return this.fail(conn, Close.InvalidShard, `IDENTIFY with shard ${JSON.stringify(d.shard)}: ${badShard}`);
    const shard: ShardPair = d.shard === undefined ? [0, 1] : [(d.shard as number[])[0] ?? 0, (d.shard as number[])[1] ?? 1];
    const twin = this.liveSessions().find((s) => s.conn && s.shard[0] === shard[0] && s.shard[1] === shard[1]);
    if (twin && !this.hooks.allowDuplicateShards) {
      this.hooks.error('gateway', `two live sessions identified as shard [${shard.join(', ')}] (session ${twin.id} is still connected): both get that shard's events`);
    }
    if (!isRecord(d.properties)) this.hooks.error('gateway', 'IDENTIFY without properties {os, browser, device}');
    if (d.compress === true) this.hooks.error('gateway', 'IDENTIFY asked for payload compression, which the fake does not implement');
    const session: GatewaySession = { id: newSessionId(), seq: 0, intents: d.intents, shard, alive: true, backlog: [], conn };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.send(session, 'READY', this.hooks.ready(session.id, `${this.url}/resume`, shard));
    for (const guild of this.hooks.guildCreates()) if (onShard(guild.id, shard)) this.send(session, 'GUILD_CREATE', guild);
  }

  private resume(conn: Connection, d: unknown): void {
    if (conn.session) return this.fail(conn, Close.AlreadyAuthenticated, 'RESUME on an already authenticated connection');
    if (!isRecord(d) || !this.tokenOk(d.token)) return this.fail(conn, Close.AuthenticationFailed, 'RESUME with an invalid token');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    if (!session || !session.alive || seq > session.seq) {
      this.sendRaw(conn, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.socket.terminate();
    session.conn = conn;
    conn.session = session;
    for (const event of session.backlog) {
      if (event.s > seq) this.sendRaw(conn, { op: Op.Dispatch, t: event.t, s: event.s, d: event.d });
    }
    this.send(session, 'RESUMED', {});
  }

  private guildMembersChunk(session: GatewaySession, d: unknown): void {
    if (!isRecord(d) || typeof d.guild_id !== 'string') return;
    if (!onShard(d.guild_id, session.shard)) {
      return this.hooks.error('gateway', `REQUEST_GUILD_MEMBERS for guild ${d.guild_id} on shard [${session.shard.join(', ')}], which does not hold it`);
    }
    const ids = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : undefined;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const members = this.hooks.guildMembers(d.guild_id).filter((m) => (ids ? ids.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query)));
    const notFound = ids ? ids.filter((id) => !members.some((m) => m.user.id === id)) : [];
    this.send(session, 'GUILD_MEMBERS_CHUNK', { guild_id: d.guild_id, members, chunk_index: 0, chunk_count: 1, not_found: notFound, nonce: d.nonce });
  }

  private onClose(conn: Connection, code: number): void {
    this.conns.delete(conn);
    this.hooks.log.push({ kind: 'close', code, sessionId: conn.session?.id, time: Date.now() });
    const session = conn.session;
    if (!session || session.conn !== conn) return;
    session.conn = null;
    // A client-initiated 1000/1001 ends the session on Discord's side; anything else stays resumable.
    if (!conn.closedByServer && (code === 1000 || code === 1001)) session.alive = false;
  }

  private tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.length > 0 && (this.hooks.token === undefined || token === this.hooks.token);
  }

  private send(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    session.backlog.push({ s: session.seq, t, d });
    if (session.backlog.length > BACKLOG_MAX) session.backlog.shift();
    if (session.conn) this.sendRaw(session.conn, { op: Op.Dispatch, t, s: session.seq, d });
  }

  private sendRaw(conn: Connection, payload: { op: number; d: unknown; s: number | null; t: string | null }): void {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    conn.socket.send(JSON.stringify(payload));
    this.hooks.log.push({ kind: 'sent', op: payload.op, t: payload.t, s: payload.s, d: payload.d, sessionId: conn.session?.id, time: Date.now() });
  }

  private fail(conn: Connection, code: number, message: string): void {
    this.hooks.error('gateway', message);
    conn.closedByServer = true;
    conn.socket.close(code, message.slice(0, 120));
  }
}
