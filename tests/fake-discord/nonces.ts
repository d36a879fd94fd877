// Discord's `enforce_nonce`: the same nonce from the same author in a channel, within minutes, returns the first message.

/** Discord says "the past few minutes"; the fake keeps nonces this long. */
export const NONCE_DEDUPE_MS = 5 * 60_000;

/** Nonces of messages the bot created with `enforce_nonce: true`. */
export class NonceRegistry {
  private readonly seen = new Map<string, { messageId: string; at: number }>();

  /** Key of a create request that asks for deduplication, or undefined when it does not. */
  static key(channelId: string, authorId: string, body: Record<string, unknown>): string | undefined {
    if (body.enforce_nonce !== true) return undefined;
    if (typeof body.nonce !== 'string' && typeof body.nonce !== 'number') return undefined;
    return `${channelId}:${authorId}:${String(body.nonce)}`;
  }

  /** Id of the message an earlier request with this key created, if recent enough. */
  find(key: string, now = Date.now()): string | undefined {
    const hit = this.seen.get(key);
    return hit && now - hit.at <= NONCE_DEDUPE_MS ? hit.messageId : undefined;
  }

  remember(key: string, messageId: string, now = Date.now()): void {
    this.seen.set(key, { messageId, at: now });
  }
}
