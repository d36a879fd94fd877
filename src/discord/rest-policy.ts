// How the bot's REST client treats slow, failing and rate-limited Discord requests (timeouts, retries, waits).
import { DefaultRestOptions, type RESTOptions, type RateLimitData } from 'discord.js';
import { DiscordLimits } from './limits.ts';

export interface RestPolicy {
  /** A request with no answer after this long is aborted, then retried like a 5xx. */
  timeoutMs: number;
  /** Retries after a 5xx, a timeout or a reset connection (rate limits are waited out, not counted). */
  retries: number;
  /** The initial interaction response gives up after this long and is not retried. */
  callbackTimeoutMs: number;
  /** Rate limits longer than this fail the initial interaction response instead of being waited out. */
  callbackMaxWaitMs: number;
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
  // it only holds the handler; a retry could also meet a response that did land (40060).
  callbackTimeoutMs: DiscordLimits.acknowledgeMs,
  callbackMaxWaitMs: 2_000,
  // An answer that arrives much later than this is stale; the user gets nothing rather than a reply out of the blue.
  maxWaitMs: 10_000,
};

const CALLBACK_BUCKET = '/interactions/:id/:token/callback';
const CALLBACK_URL = /\/interactions\/\d+\/[^/]+\/callback(\?|$)/;

/** Thrown when the initial response got no answer in time; not an AbortError, so @discordjs/rest does not retry it. */
export class InteractionCallbackTimeout extends Error {
  override name = 'InteractionCallbackTimeout';
  constructor(ms: number) {
    super(`the initial interaction response got no answer within ${ms} ms`); // never the URL: it holds the token
  }
}

/** discord.js `rest` options for this policy (and another API base URL, for the tests' fake Discord). */
export function restOptions(policy: RestPolicy, apiUrl?: string): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    timeout: policy.timeoutMs,
    retries: policy.retries,
    rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > (data.route === CALLBACK_BUCKET ? policy.callbackMaxWaitMs : policy.maxWaitMs),
    makeRequest: async (url, init) => {
      if (!CALLBACK_URL.test(url)) return DefaultRestOptions.makeRequest(url, init);
      const started = Date.now();
      const deadline = AbortSignal.timeout(policy.callbackTimeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal as AbortSignal, deadline]) : deadline;
      try {
        return await DefaultRestOptions.makeRequest(url, { ...init, signal: signal as typeof init.signal });
      } catch (error) {
        // Whichever timeout fired (this one or the general one), a late initial response is never retried.
        if (signal.aborted) throw new InteractionCallbackTimeout(Date.now() - started);
        throw error;
      }
    },
  };
}
