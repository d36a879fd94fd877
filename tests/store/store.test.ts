import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.ts';
import type { QuestionRecord } from '../../src/store/records.ts';
import { Store } from '../../src/store/store.ts';
import { removeTempDbs, tempDbPath } from './temp-db.ts';

afterAll(removeTempDbs);

const DAY = 86_400_000;
const USER = '223344556677889900';
const question = (over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  ref: Math.random().toString(36).slice(2, 12),
  askedAt: Date.parse('2026-12-01T10:00:00Z'),
  guildId: '111111111111111111',
  surface: 'slash',
  language: 'en',
  question: 'how do I pass a GPU through?',
  status: 'uncertain',
  factId: 'vga-passthrough-4-4',
  confidence: 0.5,
  latencyMs: 1.2,
  userId: USER,
  ...over,
});

describe('the store file', () => {
  it('GIVEN no file THEN creates the folder and the file at the latest schema, in WAL mode', () => {
    const path = join(dirname(tempDbPath()), 'nested', 'data', 'xenbot.sqlite');
    const store = Store.open(path, { recordQuestions: true });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(['answer_channels', 'asker_keys', 'feedback', 'guild_settings', 'picks', 'questions']);
    db.close();
  });

  it('GIVEN a file of the previous version with data THEN migrates it and keeps the data', () => {
    const path = tempDbPath();
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO questions (ref, asked_at, surface, language, question, status, confidence, latency_ms, asker) VALUES ('r1', 1, 'slash', 'en', 'old question', 'unknown', 0.1, 1, 'h')").run();
    old.close();
    const store = Store.open(path, { recordQuestions: true });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.questionsSince(0).map((q) => q.question)).toEqual(['old question']);
    expect(store.settings().size).toBe(0); // the version-2 tables exist and are empty
    store.close();
  });

  it('GIVEN a file written by a newer xenbot THEN refuses it rather than guess', () => {
    const path = tempDbPath();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => Store.open(path, { recordQuestions: true })).toThrow(/newer xenbot/);
  });

  it('GIVEN records and settings THEN a restart reads them all back', () => {
    const path = tempDbPath();
    const first = Store.open(path, { recordQuestions: true });
    first.write([
      { kind: 'question', record: question({ ref: 'q1' }) },
      { kind: 'feedback', record: { questionRef: 'q1', factId: 'vga-passthrough-4-4', vote: -1, comment: 'says nothing about AMD cards', at: Date.parse('2026-12-01T10:01:00Z'), userId: USER } },
      { kind: 'pick', record: { questionRef: 'q1', factId: 'pci-passthrough-howto', via: 'did-you-mean', at: Date.parse('2026-12-01T10:02:00Z'), userId: USER } },
      { kind: 'settings', guildId: 'g1', cooldownSeconds: 30, defaultLanguage: 'fr', at: 5 },
      { kind: 'channel', guildId: 'g1', channelId: 'c1', add: true, at: 5 },
      { kind: 'channel', guildId: 'g1', channelId: 'c2', add: true, at: 6 },
      { kind: 'channel', guildId: 'g1', channelId: 'c1', add: false, at: 7 },
    ]);
    first.close();
    const again = Store.open(path, { recordQuestions: true });
    expect(again.questionsSince(0)).toHaveLength(1);
    expect(again.feedbackSince(0)).toEqual([{ factId: 'vga-passthrough-4-4', vote: -1, comment: 'says nothing about AMD cards', at: Date.parse('2026-12-01T10:01:00Z') }]);
    expect(again.picksSince(0)).toMatchObject([{ question: 'how do I pass a GPU through?', language: 'en', factId: 'pci-passthrough-howto', via: 'did-you-mean' }]);
    expect(again.settings().get('g1')).toEqual({ cooldownSeconds: 30, defaultLanguage: 'fr', answerChannels: ['c2'] });
    again.close();
  });

  it('GIVEN a settings change of one field THEN leaves the other as it was', () => {
    const store = Store.open(tempDbPath(), { recordQuestions: true });
    store.write([{ kind: 'settings', guildId: 'g', cooldownSeconds: 12, defaultLanguage: 'fr', at: 1 }]);
    store.write([{ kind: 'settings', guildId: 'g', cooldownSeconds: null, at: 2 }]);
    expect(store.settings().get('g')).toEqual({ defaultLanguage: 'fr', answerChannels: [] });
    store.close();
  });

  it('GIVEN RECORD_QUESTIONS=false THEN counts the question but keeps no text', () => {
    const store = Store.open(tempDbPath(), { recordQuestions: false });
    store.write([{ kind: 'question', record: question() }]);
    expect(store.questionsSince(0)).toMatchObject([{ question: null, status: 'uncertain', factId: 'vga-passthrough-4-4' }]);
    store.close();
  });

  it('GIVEN a question longer than 500 characters THEN keeps its first 500', () => {
    const store = Store.open(tempDbPath(), { recordQuestions: true });
    store.write([{ kind: 'question', record: question({ question: 'x'.repeat(2000) }) }]);
    expect(store.questionsSince(0)[0]?.question).toHaveLength(500);
    store.close();
  });

  it('GIVEN rows older than the retention period THEN pruning deletes them and only them', () => {
    const store = Store.open(tempDbPath(), { recordQuestions: true });
    const now = Date.parse('2026-12-06T00:00:00Z');
    store.write([
      { kind: 'question', record: question({ ref: 'old', askedAt: now - 91 * DAY }) },
      { kind: 'question', record: question({ ref: 'new', askedAt: now - 89 * DAY }) },
      { kind: 'feedback', record: { questionRef: 'old', factId: 'f', vote: 1, comment: null, at: now - 91 * DAY, userId: USER } },
      { kind: 'pick', record: { questionRef: 'new', factId: 'f', via: 'related', at: now - DAY, userId: USER } },
    ]);
    expect(store.prune(now - 90 * DAY)).toEqual({ questions: 1, feedback: 1, picks: 0 });
    expect(store.questionsSince(0).map((q) => q.ref)).toEqual(['new']);
    store.close();
  });

  it('GIVEN a user id recorded THEN neither the file nor its WAL holds it', () => {
    const path = tempDbPath();
    const store = Store.open(path, { recordQuestions: true });
    store.write([
      { kind: 'question', record: question() },
      { kind: 'feedback', record: { questionRef: null, factId: 'f', vote: 1, comment: null, at: 1, userId: USER } },
      { kind: 'pick', record: { questionRef: null, factId: 'f', via: 'related', at: 1, userId: USER } },
    ]);
    const bytes = readdirSync(dirname(path)).map((f) => readFileSync(join(dirname(path), f)).toString('latin1')).join('');
    expect(bytes).not.toContain(USER);
    expect(store.questionsSince(0)[0]?.asker).toMatch(/^[\w-]{16}$/);
    store.close();
  });

  it('GIVEN the same user on one day THEN one asker; on the next day THEN another, and the old key is gone', () => {
    const path = tempDbPath();
    const store = Store.open(path, { recordQuestions: true });
    const day1 = Date.parse('2026-12-01T10:00:00Z');
    store.write([
      { kind: 'question', record: question({ ref: 'a', askedAt: day1 }) },
      { kind: 'question', record: question({ ref: 'b', askedAt: day1 + 3_600_000 }) },
      { kind: 'question', record: question({ ref: 'c', askedAt: day1 + 2 * DAY }) },
    ]);
    const [a, b, c] = store.questionsSince(0).map((q) => q.asker);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    store.close();
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT day FROM asker_keys ORDER BY day').all() as Array<{ day: string }>).map((r) => r.day)).toEqual(['2026-12-03']);
    db.close();
  });
});
