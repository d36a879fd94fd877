// A dispatched interaction as seen by a test: await its initial response, list its requests and resulting messages.
import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIInteractionResponseCallbackData,
  APIMessage,
  APIModalInteractionResponseCallbackData,
  InteractionResponseType,
} from 'discord.js';
import type { FakeCore, InteractionState } from './core.ts';
import type { FakeErrorKind } from './errors.ts';
import { CALLBACK_ROUTE } from './interaction-routes.ts';
import { INTERACTIONS_ENDPOINT_ROUTE } from './interactions-endpoint.ts';
import { interactionKey, type RecordedRequest, type WaitOptions, type WaitableLog } from './recorder.ts';

/** Body of an initial response, typed loosely enough to read any callback type without narrowing. */
export interface CallbackBody {
  type: InteractionResponseType;
  data?: APIInteractionResponseCallbackData & {
    choices?: APIApplicationCommandOptionChoice[];
    custom_id?: string;
    title?: string;
    components?: APIModalInteractionResponseCallbackData['components'] | APIInteractionResponseCallbackData['components'];
  };
}

export class InteractionHandle {
  constructor(
    private readonly core: FakeCore,
    private readonly log: WaitableLog<RecordedRequest>,
    readonly state: InteractionState,
  ) {}

  get id(): string {
    return this.state.id;
  }

  get token(): string {
    return this.state.token;
  }

  get payload(): APIInteraction {
    return this.state.payload;
  }

  /** True once Discord accepted an initial response. */
  get acknowledged(): boolean {
    return this.state.callback !== undefined;
  }

  /**
   * The accepted initial response: the body of the callback request, or the interactions endpoint's HTTP answer.
   * Rejected attempts (400s) do not count, so a bot that retries with a valid payload still resolves; on timeout
   * the error lists what the bot sent instead.
   */
  async response(opts: WaitOptions = {}): Promise<CallbackBody> {
    const r = await this.log.wait(
      (req) =>
        req.interactionId === this.id &&
        ((req.route === CALLBACK_ROUTE && req.status < 300) || (req.route === INTERACTIONS_ENDPOINT_ROUTE && req.accepted === true)),
      opts,
      `an accepted initial response to ${this.state.label}`,
      interactionKey(this.id),
    );
    return r.body as CallbackBody;
  }

  /** Callback (or endpoint delivery), follow-ups, edits, fetches and deletes of this interaction, in order. */
  requests(): RecordedRequest[] {
    return this.log.withKey(interactionKey(this.id));
  }

  waitForRequest(pred: (r: RecordedRequest) => boolean, opts: WaitOptions = {}): Promise<RecordedRequest> {
    return this.log.wait((r) => r.interactionId === this.id && pred(r), opts, `a matching request for ${this.state.label}`, interactionKey(this.id));
  }

  /** What `@original` currently designates (the reply, or the component's message after an update). */
  message(): APIMessage | undefined {
    const id = this.state.originalMessageId;
    const stored = id ? this.core.messages.get(id) : undefined;
    return stored && !stored.deleted ? stored.message : undefined;
  }

  /** Messages created by this interaction (reply and follow-ups) that still exist, oldest first. */
  messages(): APIMessage[] {
    return this.state.messageIds.flatMap((id) => {
      const stored = this.core.messages.get(id);
      return stored && !stored.deleted ? [stored.message] : [];
    });
  }
}

/**
 * Registers and delivers an interaction (INTERACTION_CREATE to the guild's shard, or a POST to the interactions
 * endpoint when one is configured); Discord's 3-second window starts now.
 */
export function dispatchInteraction(
  core: FakeCore,
  log: WaitableLog<RecordedRequest>,
  error: (kind: FakeErrorKind, message: string) => void,
  payload: APIInteraction,
  label: string,
  extra: Partial<InteractionState> = {},
): InteractionHandle {
  if (!core.httpDelivery && core.gateway.liveSessions().length === 0) throw new Error('fake-discord: no bot session is connected; log the client in first');
  const state: InteractionState = {
    id: payload.id,
    token: payload.token,
    type: payload.type,
    label,
    payload,
    channelId: payload.channel?.id ?? '',
    guildId: payload.guild_id ?? '',
    createdAt: Date.now(),
    messageIds: [],
    ...extra,
  };
  const window = core.options.interactionWindowMs;
  state.timer = setTimeout(() => {
    if (state.callback) return;
    state.timedOut = true;
    error('interaction', `${label} was not acknowledged within ${window}ms (users see "The application did not respond")`);
  }, window);
  state.timer.unref();
  core.interactions.set(state.id, state);
  if (core.httpDelivery) core.httpDelivery(state);
  else core.gateway.dispatch('INTERACTION_CREATE', payload, payload.guild_id);
  return new InteractionHandle(core, log, state);
}
