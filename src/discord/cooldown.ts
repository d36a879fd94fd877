// Per-user cooldown for questions: the first question too soon gets one polite notice, the rest are ignored.

export type CooldownVerdict = { kind: 'ok' } | { kind: 'notify' | 'silent'; retryAfterSeconds: number };

export class Cooldown {
  private readonly until = new Map<string, { until: number; notified: boolean }>();

  constructor(
    /** The default, COOLDOWN_SECONDS; a server admin may set another for their server. */
    readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record a question from `userId` and say whether to answer it; `seconds` is the server's own setting, if any. */
  check(userId: string, seconds: number = this.seconds): CooldownVerdict {
    if (seconds <= 0) return { kind: 'ok' };
    const now = this.now();
    const entry = this.until.get(userId);
    if (entry && entry.until > now) {
      const retryAfterSeconds = Math.ceil((entry.until - now) / 1000);
      if (entry.notified) return { kind: 'silent', retryAfterSeconds };
      entry.notified = true;
      return { kind: 'notify', retryAfterSeconds };
    }
    if (this.until.size > 10_000) this.prune(now); // bounded memory on a busy server
    this.until.set(userId, { until: now + seconds * 1000, notified: false });
    return { kind: 'ok' };
  }

  private prune(now: number): void {
    for (const [user, entry] of this.until) if (entry.until <= now) this.until.delete(user);
  }
}
