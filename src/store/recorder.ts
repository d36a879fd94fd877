// Keeps the store out of the answer path: records are queued and written after the reply has gone, in batches.
// If the store cannot be opened or written (folder missing, read-only, locked, not a database) the bot answers
// as before; it warns once when that starts and at most once a minute while it lasts, keeps the records in memory
// (up to a bound) and writes them when the store comes back.
import type { Language } from '../knowledge/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { GuildSettings, StoreRecord } from './records.ts';
import { classify, Store, type SettingsChange, type StoreOptions, type StoreWrite } from './store.ts';

export interface RecorderOptions extends StoreOptions {
  path: string;
  logger: Logger;
  retentionDays: number;
  now?: () => number;
  /** At most one warning per this many milliseconds while the store stays broken. */
  warnEveryMs?: number;
  /** How often a broken store is tried again. */
  retryMs?: number;
  /** Records kept while the store is down; beyond, the oldest go (and the loss is logged). */
  maxPending?: number;
}

const DAY = 86_400_000;

export class Recorder {
  private store: Store | undefined;
  private pending: StoreWrite[] = [];
  private readonly settings = new Map<string, GuildSettings>();
  private scheduled = false;
  private lastWarning = -Infinity;
  private lastAttempt = -Infinity;
  private dropped = 0;
  private timers: NodeJS.Timeout[] = [];
  private readonly now: () => number;

  constructor(private readonly options: RecorderOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Opens the store and prunes it; a failure is a warning, never an exception. Retries and daily pruning start here. */
  start(): void {
    this.connect();
    const retry = setInterval(() => this.schedule(true), this.options.retryMs ?? 5_000);
    const prune = setInterval(() => this.prune(), DAY);
    retry.unref();
    prune.unref();
    this.timers.push(retry, prune);
  }

  get available(): boolean {
    return this.store !== undefined;
  }

  /** What /xen about tells users about their questions. */
  get recordsQuestions(): { text: boolean; retentionDays: number } {
    return { text: this.options.recordQuestions, retentionDays: this.options.retentionDays };
  }

  /** Queues a record; it is written on a later turn of the event loop, after the reply that produced it. */
  record(record: StoreRecord): void {
    this.enqueue(record);
  }

  guildSettings(guildId: string | null | undefined): GuildSettings | undefined {
    return guildId ? this.settings.get(guildId) : undefined;
  }

  /** Applies at once (in memory) and is written with the records; false when the store is down (not yet saved). */
  changeSettings(guildId: string, change: { cooldownSeconds?: number | null; defaultLanguage?: Language | null }): boolean {
    const s = this.entry(guildId);
    if (change.cooldownSeconds !== undefined) s.cooldownSeconds = change.cooldownSeconds ?? undefined;
    if (change.defaultLanguage !== undefined) s.defaultLanguage = change.defaultLanguage ?? undefined;
    this.enqueue({ kind: 'settings', guildId, ...change, at: this.now() });
    return this.available;
  }

  setAnswerChannel(guildId: string, channelId: string, add: boolean): boolean {
    const s = this.entry(guildId);
    s.answerChannels = add ? [...new Set([...s.answerChannels, channelId])] : s.answerChannels.filter((c) => c !== channelId);
    this.enqueue({ kind: 'channel', guildId, channelId, add, at: this.now() });
    return this.available;
  }

  /** Channels admins listed, across all servers: the message handler answers there without a mention. */
  answerChannels(): Set<string> {
    return new Set([...this.settings.values()].flatMap((s) => s.answerChannels));
  }

  /** Writes what is pending now, synchronously (shutdown, tests). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    if (!this.store && !this.connect()) return;
    const batch = this.pending;
    try {
      this.store!.write(batch);
      this.pending = this.pending.slice(batch.length);
    } catch (error) {
      const problem = classify(error, this.options.path);
      this.warn(problem.message, problem.problem);
      // A file that turned into something else (replaced, corrupted) is reopened from scratch next time.
      if (problem.problem !== 'locked') this.disconnect();
    }
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.flush();
    this.disconnect();
  }

  /** The store itself, for reads (the curation report); undefined while it is down. */
  get reader(): Store | undefined {
    return this.store;
  }

  private entry(guildId: string): GuildSettings {
    let s = this.settings.get(guildId);
    if (!s) this.settings.set(guildId, (s = { answerChannels: [] }));
    return s;
  }

  private enqueue(write: StoreWrite): void {
    this.pending.push(write);
    const max = this.options.maxPending ?? 10_000;
    if (this.pending.length > max) {
      const excess = this.pending.length - max;
      this.pending.splice(0, excess);
      this.dropped += excess;
      this.warn(`the store has been unavailable too long: ${this.dropped} record(s) dropped so far`, 'overflow');
    }
    this.schedule(false);
  }

  private schedule(retrying: boolean): void {
    if (this.scheduled || this.pending.length === 0) return;
    if (retrying && !this.store && this.now() - this.lastAttempt < (this.options.retryMs ?? 5_000)) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private connect(): boolean {
    this.lastAttempt = this.now();
    try {
      this.store = Store.open(this.options.path, this.options);
    } catch (error) {
      const problem = classify(error, this.options.path);
      this.warn(problem.message, problem.problem);
      return false;
    }
    // Settings saved earlier, with the changes made while the store was down applied on top.
    const stored = this.store.settings();
    for (const change of this.pending.filter((w): w is SettingsChange => w.kind === 'settings' || w.kind === 'channel')) apply(stored, change);
    this.settings.clear();
    for (const [guild, s] of stored) this.settings.set(guild, s);
    if (this.lastWarning > -Infinity) this.options.logger.info({ path: this.options.path }, 'store available again');
    this.lastWarning = -Infinity;
    this.prune();
    return true;
  }

  private disconnect(): void {
    this.store?.close();
    this.store = undefined;
  }

  private prune(): void {
    if (!this.store) return;
    try {
      const removed = this.store.prune(this.now() - this.options.retentionDays * DAY);
      if (removed.questions + removed.feedback + removed.picks > 0) this.options.logger.info({ ...removed, retentionDays: this.options.retentionDays }, 'store pruned');
    } catch (error) {
      const problem = classify(error, this.options.path);
      this.warn(problem.message, problem.problem);
    }
  }

  private warn(message: string, problem: string): void {
    const now = this.now();
    if (now - this.lastWarning < (this.options.warnEveryMs ?? 60_000)) return;
    this.lastWarning = now;
    this.options.logger.warn({ problem, path: this.options.path, pending: this.pending.length }, `store unavailable, answers continue: ${message}`);
  }
}

function apply(settings: Map<string, GuildSettings>, change: SettingsChange): void {
  let s = settings.get(change.guildId);
  if (!s) settings.set(change.guildId, (s = { answerChannels: [] }));
  if (change.kind === 'settings') {
    if (change.cooldownSeconds !== undefined) s.cooldownSeconds = change.cooldownSeconds ?? undefined;
    if (change.defaultLanguage !== undefined) s.defaultLanguage = change.defaultLanguage ?? undefined;
  } else {
    s.answerChannels = change.add ? [...new Set([...s.answerChannels, change.channelId])] : s.answerChannels.filter((c) => c !== change.channelId);
  }
}
