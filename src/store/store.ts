// The one module that speaks SQL: opening the file, migrating it, writing records and settings, pruning, reading.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Language } from '../knowledge/schema.ts';
import { askerHash, dayOf, newAskerKey } from './asker-key.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';
import {
  MAX_STORED_COMMENT,
  MAX_STORED_QUESTION,
  type GuildSettings,
  type StoredFeedback,
  type StoredPick,
  type StoredQuestion,
  type StoreRecord,
} from './records.ts';

/** Why the store is unusable, in words an operator can act on. */
export type StoreProblem = 'folder' | 'read-only' | 'locked' | 'not-a-database' | 'newer-schema' | 'other';

export class StoreError extends Error {
  constructor(
    readonly problem: StoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Setting changes travel with the records: written in order, retried alike. */
export type SettingsChange =
  | { kind: 'settings'; guildId: string; cooldownSeconds?: number | null; defaultLanguage?: Language | null; at: number }
  | { kind: 'channel'; guildId: string; channelId: string; add: boolean; at: number };

export type StoreWrite = StoreRecord | SettingsChange;

export interface StoreOptions {
  /** False: questions are counted (status, fact, language…) but their text is not kept. */
  recordQuestions: boolean;
}

/** What an SQLite error means for the operator. */
export function classify(error: unknown, path: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? String(error);
  if (/^SQLITE_BUSY|^SQLITE_LOCKED/.test(code)) return new StoreError('locked', `${path} is locked by another process`);
  if (/^SQLITE_READONLY/.test(code) || code === 'EROFS' || code === 'EACCES') return new StoreError('read-only', `${path} cannot be written (read-only or no permission)`);
  if (/^SQLITE_NOTADB/.test(code) || /not a database/i.test(message)) return new StoreError('not-a-database', `${path} is not an SQLite database`);
  if (/^SQLITE_CANTOPEN/.test(code) || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EEXIST') return new StoreError('folder', `cannot open ${path}: its folder is missing or cannot be created`);
  return new StoreError('other', `${path}: ${message}`);
}

export class Store {
  private readonly keys = new Map<string, Buffer>();

  private constructor(
    private readonly db: Database.Database,
    private readonly options: StoreOptions,
  ) {}

  /** Opens (creating the folder and file if needed) and migrates; throws a StoreError saying what is wrong. */
  static open(path: string, options: StoreOptions): Store {
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      // No busy wait: a lock held elsewhere must never stall the bot's only thread. Writes that meet one are retried.
      db = new Database(path, { timeout: 0 });
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new StoreError('newer-schema', `${path} was written by a newer xenbot (schema ${version}, this one knows ${SCHEMA_VERSION})`);
      for (let v = version; v < SCHEMA_VERSION; v++) {
        db.transaction(() => {
          db!.exec(MIGRATIONS[v]!);
          db!.pragma(`user_version = ${v + 1}`);
        })();
      }
      return new Store(db, options);
    } catch (error) {
      db?.close();
      throw classify(error, path);
    }
  }

  /** For reports: never writes, never creates; the file must exist and be at a version this code reads. */
  static openReadOnly(path: string): Store {
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 });
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version === 0) throw new StoreError('not-a-database', `${path} holds no xenbot store`);
      if (version > SCHEMA_VERSION) throw new StoreError('newer-schema', `${path} was written by a newer xenbot (schema ${version}, this one knows ${SCHEMA_VERSION})`);
      return new Store(db, { recordQuestions: false });
    } catch (error) {
      db?.close();
      throw classify(error, path);
    }
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Today's key, created on first use; keys older than yesterday are deleted with it. */
  private keyFor(at: number): Buffer {
    const day = dayOf(at);
    let key = this.keys.get(day);
    if (key) return key;
    const row = this.db.prepare('SELECT key FROM asker_keys WHERE day = ?').get(day) as { key: Buffer } | undefined;
    key = row?.key ?? newAskerKey();
    if (!row) {
      this.db.prepare('INSERT INTO asker_keys (day, key) VALUES (?, ?)').run(day, key);
      const yesterday = dayOf(at - 86_400_000);
      this.db.prepare('DELETE FROM asker_keys WHERE day < ?').run(yesterday);
      for (const known of this.keys.keys()) if (known < yesterday) this.keys.delete(known);
    }
    this.keys.set(day, key);
    return key;
  }

  /** Writes everything in one transaction: all or nothing, so a failed batch can be retried whole. */
  write(batch: readonly StoreWrite[]): void {
    const insertQuestion = this.db.prepare(
      `INSERT OR IGNORE INTO questions (ref, asked_at, guild_id, surface, language, question, status, fact_id, confidence, latency_ms, asker)
       VALUES (@ref, @askedAt, @guildId, @surface, @language, @question, @status, @factId, @confidence, @latencyMs, @asker)`,
    );
    const insertFeedback = this.db.prepare(
      'INSERT INTO feedback (question_ref, fact_id, vote, comment, at, asker) VALUES (@questionRef, @factId, @vote, @comment, @at, @asker)',
    );
    const insertPick = this.db.prepare('INSERT INTO picks (question_ref, fact_id, via, at, asker) VALUES (@questionRef, @factId, @via, @at, @asker)');
    const upsertSettings = this.db.prepare(
      `INSERT INTO guild_settings (guild_id, cooldown_seconds, default_language, updated_at) VALUES (@guildId, @cooldown, @language, @at)
       ON CONFLICT (guild_id) DO UPDATE SET
         cooldown_seconds = CASE WHEN @setCooldown THEN @cooldown ELSE cooldown_seconds END,
         default_language = CASE WHEN @setLanguage THEN @language ELSE default_language END,
         updated_at = @at`,
    );
    this.db.transaction(() => {
      for (const item of batch) {
        switch (item.kind) {
          case 'question': {
            const r = item.record;
            insertQuestion.run({
              ...r,
              question: this.options.recordQuestions ? r.question.slice(0, MAX_STORED_QUESTION) : null,
              asker: askerHash(this.keyFor(r.askedAt), r.userId),
            });
            break;
          }
          case 'feedback': {
            const r = item.record;
            insertFeedback.run({ questionRef: r.questionRef, factId: r.factId, vote: r.vote, comment: r.comment?.slice(0, MAX_STORED_COMMENT) ?? null, at: r.at, asker: askerHash(this.keyFor(r.at), r.userId) });
            break;
          }
          case 'comment': {
            // The comment belongs to the 👎 the same person gave this fact just before; without one, it is its own 👎.
            const r = item.record;
            const asker = askerHash(this.keyFor(r.at), r.userId);
            const comment = r.comment.slice(0, MAX_STORED_COMMENT);
            const updated = this.db
              .prepare(
                `UPDATE feedback SET comment = ? WHERE id = (SELECT id FROM feedback WHERE fact_id = ? AND asker = ? AND vote = -1 AND comment IS NULL
                 AND at >= ? AND (question_ref IS ? OR question_ref = ?) ORDER BY id DESC LIMIT 1)`,
              )
              .run(comment, r.factId, asker, r.at - 3_600_000, r.questionRef, r.questionRef).changes;
            if (updated === 0) insertFeedback.run({ questionRef: r.questionRef, factId: r.factId, vote: -1, comment, at: r.at, asker });
            break;
          }
          case 'pick': {
            const r = item.record;
            insertPick.run({ questionRef: r.questionRef, factId: r.factId, via: r.via, at: r.at, asker: askerHash(this.keyFor(r.at), r.userId) });
            break;
          }
          case 'settings':
            upsertSettings.run({
              guildId: item.guildId,
              at: item.at,
              setCooldown: item.cooldownSeconds === undefined ? 0 : 1,
              cooldown: item.cooldownSeconds ?? null,
              setLanguage: item.defaultLanguage === undefined ? 0 : 1,
              language: item.defaultLanguage ?? null,
            });
            break;
          case 'channel':
            if (item.add) this.db.prepare('INSERT OR IGNORE INTO answer_channels (guild_id, channel_id, added_at) VALUES (?, ?, ?)').run(item.guildId, item.channelId, item.at);
            else this.db.prepare('DELETE FROM answer_channels WHERE guild_id = ? AND channel_id = ?').run(item.guildId, item.channelId);
            break;
        }
      }
    })();
  }

  settings(): Map<string, GuildSettings> {
    const all = new Map<string, GuildSettings>();
    const entry = (guildId: string) => {
      let s = all.get(guildId);
      if (!s) all.set(guildId, (s = { answerChannels: [] }));
      return s;
    };
    for (const row of this.db.prepare('SELECT guild_id, cooldown_seconds, default_language FROM guild_settings').all() as Array<{ guild_id: string; cooldown_seconds: number | null; default_language: string | null }>) {
      const s = entry(row.guild_id);
      if (row.cooldown_seconds !== null) s.cooldownSeconds = row.cooldown_seconds;
      if (row.default_language === 'en' || row.default_language === 'fr') s.defaultLanguage = row.default_language;
    }
    for (const row of this.db.prepare('SELECT guild_id, channel_id FROM answer_channels ORDER BY added_at, channel_id').all() as Array<{ guild_id: string; channel_id: string }>) {
      entry(row.guild_id).answerChannels.push(row.channel_id);
    }
    return all;
  }

  /** Deletes what is older than the retention period; returns how many rows of each kind went. */
  prune(before: number): { questions: number; feedback: number; picks: number } {
    return this.db.transaction(() => ({
      questions: this.db.prepare('DELETE FROM questions WHERE asked_at < ?').run(before).changes,
      feedback: this.db.prepare('DELETE FROM feedback WHERE at < ?').run(before).changes,
      picks: this.db.prepare('DELETE FROM picks WHERE at < ?').run(before).changes,
    }))();
  }

  questionsSince(since: number, guildId?: string): StoredQuestion[] {
    const rows = this.db
      .prepare(
        `SELECT ref, asked_at AS askedAt, guild_id AS guildId, question, status, fact_id AS factId, confidence, asker
         FROM questions WHERE asked_at >= ? AND (? IS NULL OR guild_id = ?) ORDER BY asked_at`,
      )
      .all(since, guildId ?? null, guildId ?? null);
    return rows as StoredQuestion[];
  }

  feedbackSince(since: number): StoredFeedback[] {
    return this.db.prepare('SELECT fact_id AS factId, vote, comment, at FROM feedback WHERE at >= ? ORDER BY at').all(since) as StoredFeedback[];
  }

  picksSince(since: number): StoredPick[] {
    return this.db
      .prepare(
        `SELECT q.question AS question, q.language AS language, p.fact_id AS factId, p.via AS via, p.at AS at, p.asker AS asker
         FROM picks p LEFT JOIN questions q ON q.ref = p.question_ref WHERE p.at >= ? ORDER BY p.at`,
      )
      .all(since) as StoredPick[];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
