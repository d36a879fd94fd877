// The fake Discord a test starts: wires gateway, REST, state and validation, and offers dispatch/inspection helpers.
import type { KeyObject } from 'node:crypto';
import type { APIApplicationCommand, APIInteraction, APIMessage, APIThreadChannel, APIUser, GatewayGuildCreateDispatchData } from 'discord.js';
import { APPLICATION_FLAGS, applicationRoutes } from './application-routes.ts';
import { channelRoutes } from './channel-routes.ts';
import { FakeCore } from './core.ts';
import * as dispatchers from './dispatchers.ts';
import type {
  ButtonInput,
  CreateThreadInput,
  DirectMessageInput,
  DispatchContext,
  ForumPostInput,
  MessageCreateInput,
  MessageRef,
  MessageUpdateInput,
  ModalSubmitInput,
  SelectMenuInput,
} from './dispatchers.ts';
import type { FakeErrorKind } from './errors.ts';
import { type Fault, FaultInjector, type FaultSpec } from './faults.ts';
import { type FakeGuildOptions, type FakeUserOptions, buildGuildCreate, buildReady, makeGuild, makeUser } from './fixtures.ts';
import { type DispatchData, FakeGateway, guildIdOf } from './gateway.ts';
import { type InteractionHandle, dispatchInteraction } from './interaction-handle.ts';
import type { AutocompleteInput, SlashCommandInput } from './interaction-payloads.ts';
import { interactionRoutes } from './interaction-routes.ts';
import {
  type EndpointAnswer,
  type InteractionsEndpoint,
  InteractionsEndpointClient,
  type PingResult,
  type SignedPostOptions,
  generateInteractionKeys,
  postSigned,
  publicKeyHex,
} from './interactions-endpoint.ts';
import { INTERACTION_RESPONSE_WINDOW_MS } from './limits.ts';
import {
  type FakeError,
  type GatewayEvent,
  type RecordedRequest,
  type WaitOptions,
  WaitableLog,
  describeError,
  describeGatewayEvent,
  describeRequest,
  replyKey,
  requestKeys,
} from './recorder.ts';
import { RestServer } from './rest-server.ts';
import { type ShardPair, onShard } from './shards.ts';

/** An Interactions Endpoint URL; `privateKey` (default: the application's own key) signs what is POSTed there. */
export interface InteractionsEndpointOptions {
  url: string;
  privateKey?: KeyObject;
}

export interface FakeDiscordOptions {
  botUser?: FakeUserOptions;
  /** Defaults to the bot user's id, as for applications created since 2020. */
  applicationId?: string;
  /** Default: one guild "Fake Guild" with a "general" text channel. */
  guilds?: FakeGuildOptions[];
  /** When set, IDENTIFY, RESUME and bot-authenticated REST calls must use exactly this token. */
  token?: string;
  /** HELLO heartbeat_interval; Discord uses 41250. Lower it to exercise heartbeats in a test. */
  heartbeatIntervalMs?: number;
  /** Window for the initial interaction response; Discord's is 3000 ms. */
  interactionResponseWindowMs?: number;
  /** Discord echoes the bot's own messages as MESSAGE_CREATE; default true. */
  echoBotMessages?: boolean;
  /** Deliver interactions to this URL over HTTP instead of INTERACTION_CREATE (see `useInteractionsEndpoint`). */
  interactionsEndpoint?: InteractionsEndpointOptions;
  /** `shards` of GET /gateway/bot (what discord.js spawns with `shards: 'auto'`); default 1. */
  recommendedShards?: number;
  /** `session_start_limit.max_concurrency` of GET /gateway/bot; default 1 (discord.js then identifies one shard per 5 s). */
  maxConcurrency?: number;
  /** Discord accepts several sessions on the same shard; the fake records an error for it unless this is true. */
  allowDuplicateShards?: boolean;
}

export class FakeDiscord {
  readonly botUser: APIUser;
  readonly applicationId: string;
  /** The user interactions and messages come from unless a test passes another. */
  readonly defaultUser: APIUser;
  private readonly requestLog = new WaitableLog<RecordedRequest>(describeRequest, requestKeys);
  private readonly errorLog = new WaitableLog<FakeError>(describeError);
  private readonly gatewayLog = new WaitableLog<GatewayEvent>(describeGatewayEvent);
  private readonly gateway: FakeGateway;
  private readonly rest: RestServer;
  private readonly core: FakeCore;
  private readonly faults = new FaultInjector();
  private readonly endpointClient: InteractionsEndpointClient;
  /** The application's Ed25519 key: signs HTTP interactions; its public half is `verify_key`. */
  private signingKey: KeyObject = generateInteractionKeys().privateKey;
  private endpoint: InteractionsEndpoint | undefined;

  constructor(opts: FakeDiscordOptions = {}) {
    this.botUser = makeUser({ username: 'xenbot', ...opts.botUser, bot: true });
    this.applicationId = opts.applicationId ?? this.botUser.id;
    this.defaultUser = makeUser({ username: 'tester' });
    const error = this.recordError;
    this.gateway = new FakeGateway({
      token: opts.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      log: this.gatewayLog,
      error,
      ready: (sessionId, resumeUrl, shard) =>
        buildReady(
          { botUser: this.botUser, applicationId: this.applicationId, applicationFlags: APPLICATION_FLAGS },
          this.botGuilds().filter((g) => onShard(g.id, shard)).map((g) => g.id),
          sessionId,
          resumeUrl,
          shard,
        ),
      guildCreates: () => this.guildCreates(),
      guildMembers: (guildId) => (this.core.botIn(guildId) ? [...(this.core.guilds.get(guildId)?.members.values() ?? [])] : []),
      allowDuplicateShards: opts.allowDuplicateShards ?? false,
    });
    const window = opts.interactionResponseWindowMs ?? INTERACTION_RESPONSE_WINDOW_MS;
    this.core = new FakeCore(
      this.botUser,
      this.applicationId,
      this.gateway,
      { echoBotMessages: opts.echoBotMessages ?? true, interactionWindowMs: window, recommendedShards: opts.recommendedShards ?? 1, maxConcurrency: opts.maxConcurrency ?? 1 },
      error,
    );
    this.core.verifyKey = publicKeyHex(this.signingKey);
    this.endpointClient = new InteractionsEndpointClient(this.core, this.requestLog, error);
    if (opts.interactionsEndpoint) this.useInteractionsEndpoint(opts.interactionsEndpoint);
    for (const g of opts.guilds ?? [{}]) this.core.addGuild(makeGuild(g, this.botUser, this.defaultUser));
    this.rest = new RestServer([...applicationRoutes(this.core), ...interactionRoutes(this.core), ...channelRoutes(this.core)], {
      token: opts.token,
      requests: this.requestLog,
      error,
      faults: this.faults,
    });
  }

  /** Base URL for discord.js `rest.api` is `${restUrl}/api`. */
  get restUrl(): string {
    return this.rest.url;
  }

  get gatewayUrl(): string {
    return this.gateway.url;
  }

  get requests(): readonly RecordedRequest[] {
    return this.requestLog.items;
  }

  get errors(): readonly FakeError[] {
    return this.errorLog.items;
  }

  get gatewayEvents(): readonly GatewayEvent[] {
    return this.gatewayLog.items;
  }

  async start(): Promise<this> {
    await Promise.all([this.gateway.start(), this.rest.start()]);
    return this;
  }

  // ---- world -------------------------------------------------------------------------------------------

  createUser(opts: FakeUserOptions = {}): APIUser {
    const user = makeUser(opts);
    this.core.users.set(user.id, user);
    return user;
  }

  /** Every guild of the fake, including those where the bot is not installed. */
  guildIds(): string[] {
    return [...this.core.guilds.keys()];
  }

  /** Id of the DM channel between this user (default `defaultUser`) and the bot, opened on first use. */
  dmChannelId(user: APIUser = this.defaultUser): string {
    return this.core.dmChannel(user).id;
  }

  /** First text channel of a guild (default: first guild). */
  textChannelId(guildId?: string): string {
    const guild = guildId ? this.core.guilds.get(guildId) : this.core.guilds.values().next().value;
    const channel = guild?.channels.find((c) => c.type === 0 || c.type === 5);
    if (!channel) throw new Error('fake-discord: no text channel');
    return channel.id;
  }

  /** Current state of a message, undefined once deleted or if unknown. */
  message(ref: MessageRef): APIMessage | undefined {
    const stored = this.core.messages.get(dispatchers.refId(ref));
    return stored && !stored.deleted ? stored.message : undefined;
  }

  isDeleted(ref: MessageRef): boolean {
    return this.core.messages.get(dispatchers.refId(ref))?.deleted === true;
  }

  /** Existing (non-deleted) messages of a channel (thread, DM), oldest first, ephemeral ones included. */
  channelMessages(channelId: string = this.textChannelId()): APIMessage[] {
    return [...this.core.messages.values()].filter((m) => !m.deleted && m.message.channel_id === channelId).map((m) => m.message);
  }

  /** Commands registered through PUT, globally or for one guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.core.commands.get(guildId ?? 'global') ?? [];
  }

  /** Intents of the most recent live gateway session. */
  identifiedIntents(): number | undefined {
    return this.gateway.liveSessions().at(-1)?.intents;
  }

  /** `[shard_id, num_shards]` of every live gateway session, in the order they identified ([0, 1] without `shard`). */
  identifiedShards(): ShardPair[] {
    return this.gateway.liveSessions().map((s) => [...s.shard]);
  }

  // ---- HTTP interactions -------------------------------------------------------------------------------

  /** The application's public key (hex of the raw 32 bytes, `verify_key`): what the bot verifies signatures with. */
  get publicKeyHex(): string {
    return this.core.verifyKey;
  }

  /**
   * From now on interactions are POSTed, signed, to `url` instead of being sent as INTERACTION_CREATE; the HTTP
   * answer is the initial response. A `privateKey` becomes the application's key (and `publicKeyHex`). Saving
   * the URL in the Developer Portal also sends a PING: call `pingInteractionsEndpoint()` for that.
   */
  useInteractionsEndpoint(opts: InteractionsEndpointOptions): void {
    if (opts.privateKey) {
      if (opts.privateKey.type !== 'private' || opts.privateKey.asymmetricKeyType !== 'ed25519') throw new Error('fake-discord: privateKey must be an Ed25519 private key');
      this.signingKey = opts.privateKey;
      this.core.verifyKey = publicKeyHex(opts.privateKey);
    }
    const endpoint = { url: opts.url, privateKey: this.signingKey };
    this.endpoint = endpoint;
    this.core.interactionsEndpointUrl = opts.url;
    this.core.httpDelivery = (state) => this.endpointClient.deliver(state, endpoint);
  }

  /** Back to INTERACTION_CREATE over the gateway (the Interactions Endpoint URL is removed). */
  useGateway(): void {
    this.endpoint = undefined;
    this.core.interactionsEndpointUrl = undefined;
    this.core.httpDelivery = undefined;
  }

  /**
   * What Discord does when the Interactions Endpoint URL is saved: a signed PING that must be answered 200
   * `{ "type": 1 }` (application/json), then the same PING with a wrong signature that must get 401. Each miss is
   * recorded as an `interaction` error. Default: the configured endpoint.
   */
  pingInteractionsEndpoint(opts: Partial<InteractionsEndpointOptions> & { invalidSignature?: boolean } = {}): Promise<PingResult> {
    return this.endpointClient.ping(this.endpointFor(opts), opts);
  }

  /**
   * POSTs a hand-made request to an interactions endpoint (default: the configured one) as Discord would, signed
   * with the application's key unless `privateKey`, `signature`, `timestamp` or `body` say otherwise. Nothing is
   * tracked or recorded: read the answer's `status` and `json`.
   */
  postSignedInteraction(payload: unknown, opts: Partial<SignedPostOptions> = {}): Promise<EndpointAnswer> {
    return postSigned(payload, { ...opts, ...this.endpointFor(opts) });
  }

  // ---- dispatch ----------------------------------------------------------------------------------------

  slashCommand(input: SlashCommandInput): InteractionHandle {
    return dispatchers.slashCommand(this.dispatchContext, input);
  }

  /** `options[focused]` is the text typed so far. */
  autocomplete(input: AutocompleteInput): InteractionHandle {
    return dispatchers.autocomplete(this.dispatchContext, input);
  }

  /** Throws unless the message carries an enabled, non-link button with this custom_id. */
  button(input: ButtonInput): InteractionHandle {
    return dispatchers.button(this.dispatchContext, input);
  }

  /** Throws unless the message carries this string select and the values are among its options. */
  selectMenu(input: SelectMenuInput): InteractionHandle {
    return dispatchers.selectMenu(this.dispatchContext, input);
  }

  modalSubmit(input: ModalSubmitInput): InteractionHandle {
    return dispatchers.modalSubmit(this.dispatchContext, input);
  }

  /**
   * MESSAGE_CREATE to sessions with GUILD_MESSAGES (DIRECT_MESSAGES for a DM channel id); content is blanked without
   * MESSAGE_CONTENT unless the bot is mentioned or it is a DM. Nothing is dispatched in a guild without the bot.
   */
  messageCreate(input: MessageCreateInput): APIMessage {
    return dispatchers.messageCreate(this.dispatchContext, input);
  }

  /** A user writes to the bot in their DM (opened on first use): MESSAGE_CREATE without guild_id, DIRECT_MESSAGES only. */
  directMessage(input: DirectMessageInput): APIMessage {
    return dispatchers.directMessage(this.dispatchContext, input);
  }

  /** A user starts a public thread in a text channel: THREAD_CREATE (GUILDS intent, `newly_created: true`). */
  createThread(input: CreateThreadInput): APIThreadChannel {
    return dispatchers.createThread(this.dispatchContext, input);
  }

  /** A user posts in a forum: THREAD_CREATE, then MESSAGE_CREATE of the starter message (same id as the thread). */
  forumPost(input: ForumPostInput): { thread: APIThreadChannel; message: APIMessage } {
    return dispatchers.forumPost(this.dispatchContext, input);
  }

  /** A user edits a message they sent: MESSAGE_UPDATE to sessions with GUILD_MESSAGES. */
  messageUpdate(input: MessageUpdateInput): APIMessage {
    return dispatchers.messageUpdate(this.dispatchContext, input);
  }

  /**
   * A hand-made INTERACTION_CREATE (forged ids, partial or mistyped options: what a modified client could send),
   * unchecked, but tracked like any other so its responses are validated. Give it a fresh `id` and `token`.
   */
  rawInteraction(payload: APIInteraction, label = `raw interaction ${payload.id}`): InteractionHandle {
    const source = 'message' in payload && payload.message ? { sourceMessageId: payload.message.id } : {};
    return dispatchInteraction(this.core, this.requestLog, this.recordError, payload, label, source);
  }

  /**
   * Any raw dispatch (t, d), e.g. GUILD_MEMBER_ADD, to the live sessions of the shard of `guildId` (default:
   * `d.guild_id`); without a guild, to shard 0 as Discord does.
   */
  dispatch(t: string, d: DispatchData, guildId: string | undefined = guildIdOf(d)): void {
    this.gateway.dispatch(t, d, guildId);
  }

  /** Drops the bot's gateway connection(s): code 4000 (default) or `abrupt` → the bot should RESUME. */
  disconnect(opts: { code?: number; abrupt?: boolean } = {}): number {
    return this.gateway.disconnect(opts);
  }

  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /** Zombie connection: the gateway stops (false) or resumes (true) answering heartbeats with op 11. */
  ackHeartbeats(on: boolean): void {
    this.gateway.ackHeartbeats = on;
  }

  /** Makes matching REST requests fail, hang or be delayed (see faults.ts and the README). */
  injectFault(spec: FaultSpec): Fault {
    return this.faults.inject(spec);
  }

  // ---- waiting & assertions ------------------------------------------------------------------------------

  waitForRequest(pred: (r: RecordedRequest) => boolean, opts?: WaitOptions): Promise<RecordedRequest> {
    return this.requestLog.wait(pred, opts, 'a matching request');
  }

  waitForError(pred: (e: FakeError) => boolean = () => true, opts?: WaitOptions): Promise<FakeError> {
    return this.errorLog.wait(pred, opts, 'a matching error');
  }

  waitForGateway(pred: (e: GatewayEvent) => boolean, opts?: WaitOptions): Promise<GatewayEvent> {
    return this.gatewayLog.wait(pred, opts, 'a matching gateway event');
  }

  /** First accepted POST /channels/:id/messages matching `pred` (waits if none yet; `since` skips older requests). */
  async waitForBotMessage(pred: (m: APIMessage) => boolean = () => true, opts?: WaitOptions): Promise<APIMessage> {
    const r = await this.requestLog.wait(
      (req) => req.route === 'POST /channels/:channelId/messages' && req.status === 200 && pred(req.response as APIMessage),
      opts,
      'a channel message from the bot',
    );
    return r.response as APIMessage;
  }

  /** The bot's first accepted reply to a channel message (`message_reference` pointing at it); waits if none yet. */
  async waitForReplyTo(message: MessageRef, opts?: WaitOptions): Promise<APIMessage> {
    const id = dispatchers.refId(message);
    const r = await this.requestLog.wait(() => true, opts, `the bot's reply to message ${id}`, replyKey(id));
    return r.response as APIMessage;
  }

  /** Returns and forgets the recorded errors, for tests that provoke one on purpose. */
  takeErrors(): FakeError[] {
    return this.errorLog.items.splice(0);
  }

  /** Throws if Discord would have refused anything, or if an interaction is still unanswered (unless allowed). */
  assertNoErrors(opts: { allowUnanswered?: boolean } = {}): void {
    const problems = this.errorLog.items.map(describeError);
    if (!opts.allowUnanswered) {
      for (const it of this.core.interactions.values()) {
        if (!it.callback && !it.timedOut) problems.push(`[interaction] ${it.label} has no initial response yet`);
      }
    }
    if (problems.length > 0) throw new Error(`fake-discord recorded ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }

  /**
   * Forgets recorded requests, gateway frames, answered interactions and all messages, so a long run measures
   * the bot's memory rather than the fake's history. Errors are kept. Call it between rounds, with nothing pending.
   */
  forgetHistory(): void {
    this.requestLog.clear();
    this.gatewayLog.clear();
    for (const [id, it] of this.core.interactions) if (it.callback || it.timedOut) this.core.interactions.delete(id);
    this.core.messages.clear();
  }

  async close(): Promise<void> {
    for (const it of this.core.interactions.values()) clearTimeout(it.timer);
    this.endpointClient.close();
    for (const log of [this.requestLog, this.errorLog, this.gatewayLog]) log.cancelAll('fake-discord closed');
    await Promise.all([this.gateway.close(), this.rest.close()]);
  }

  private readonly recordError = (kind: FakeErrorKind, message: string, request?: RecordedRequest): void => {
    this.errorLog.push({ kind, message, time: Date.now(), ...(request ? { request } : {}) });
  };

  private endpointFor(opts: { url?: string | undefined; privateKey?: KeyObject | undefined }): InteractionsEndpoint {
    const url = opts.url ?? this.endpoint?.url;
    if (!url) throw new Error('fake-discord: no interactions endpoint: pass `url` or call useInteractionsEndpoint() first');
    return { url, privateKey: opts.privateKey ?? this.signingKey };
  }

  private get dispatchContext(): DispatchContext {
    return { core: this.core, log: this.requestLog, error: this.recordError, defaultUser: this.defaultUser };
  }

  private botGuilds() {
    return [...this.core.guilds.values()].filter((g) => g.botInstalled);
  }

  private guildCreates(): GatewayGuildCreateDispatchData[] {
    return this.botGuilds().map((g) => ({
      ...buildGuildCreate(g, this.botUser.id),
      threads: [...this.core.threads.values()].filter((t) => t.guild_id === g.id) as GatewayGuildCreateDispatchData['threads'],
    }));
  }
}

/** Starts a fake Discord on 127.0.0.1 (random ports). Always `await fake.close()` (e.g. in afterEach). */
export function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(opts).start();
}
