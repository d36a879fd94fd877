// How the bot's REST client treats slow, failing and rate-limited Discord requests (timeouts, retries, waits).
import { DefaultRestOptions, SnowflakeUtil, type RESTOptions, type RateLimitData } from 'discord.js';
import { DiscordLimits } from './limits.ts';

export interface RestPolicy {
  /** A request with no answer after this long is aborted, then retried like a 5xx. */
  timeoutMs: number;
  /** Retries after a 5xx, a timeout or a reset connection (rate limits are waited out, not counted). */
  retries: number;
  /**
   * The initial interaction response is given up this long after the interaction was created (the time in its id),
   * whatever the attempt: it bounds each request, every retry and every rate-limit wait together.
   */
  callbackWindowMs: number;
  /** Rate limits longer than this fail any other request instead of being waited out. */
  maxWaitMs: number;
}

export const DEFAULT_REST_POLICY: RestPolicy = {
  // Discord answers in well under a second; past 8 s the request is lost, and a retry is safe because channel
  // replies carry an enforced nonce (a retried create returns the first message instead of posting twice).
  timeoutMs: 8_000,
  // Two retries ride out a blip; more only hammer a Discord that is failing while the user waits.
  retries: 2,
  // After Discord's acknowledgement window any initial response is refused (10062), so waiting or retrying past
  // it only holds the handler.
  callbackWindowMs: DiscordLimits.acknowledgeMs,
  // An answer that arrives much later than this is stale; the user gets nothing rather than a reply out of the blue.
  maxWaitMs: 10_000,
};

const CALLBACK_URL = /\/interactions\/(\d+)\/[^/]+\/callback(\?|$)/;

/** When the initial response to the interaction behind `url` stops being worth sending; undefined for other URLs. */
export function callbackDeadline(url: string, windowMs: number): number | undefined {
  const id = CALLBACK_URL.exec(url)?.[1];
  return id === undefined ? undefined : Number(SnowflakeUtil.timestampFrom(id)) + windowMs;
}

/** Thrown when the initial response could not get through in time; not an AbortError, so @discordjs/rest does not retry it. */
export class InteractionCallbackTimeout extends Error {
  override name = 'InteractionCallbackTimeout';
  constructor(windowMs: number) {
    super(`the initial interaction response got no answer within ${windowMs} ms of the interaction`); // never the URL: it holds the token
  }
}

/** discord.js `rest` options for this policy (and another API base URL, for the tests' fake Discord). */
export function restOptions(policy: RestPolicy, apiUrl?: string): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    timeout: policy.timeoutMs,
    retries: policy.retries,
    rejectOnRateLimit: (data: RateLimitData) => {
      const deadline = callbackDeadline(data.url, policy.callbackWindowMs);
      return data.retryAfter > (deadline === undefined ? policy.maxWaitMs : deadline - Date.now());
    },
    makeRequest: async (url, init) => {
      const deadline = callbackDeadline(url, policy.callbackWindowMs);
      if (deadline === undefined) return DefaultRestOptions.makeRequest(url, init);
      const left = deadline - Date.now();
      // A retry after a 5xx, or an interaction replayed after a reconnect, may start with no time left.
      if (left <= 0) throw new InteractionCallbackTimeout(policy.callbackWindowMs);
      const timer = AbortSignal.timeout(left);
      const signal = init.signal ? AbortSignal.any([init.signal as AbortSignal, timer]) : timer;
      try {
        return await DefaultRestOptions.makeRequest(url, { ...init, signal: signal as typeof init.signal });
      } catch (error) {
        // Whichever timeout fired (this one or the general one), a late initial response is never retried.
        if (signal.aborted) throw new InteractionCallbackTimeout(policy.callbackWindowMs);
        throw error;
      }
    },
  };
}
