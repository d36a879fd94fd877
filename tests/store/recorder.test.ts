// The store's failures never reach the user: records wait in memory, one warning says why, answers go on.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { Recorder } from '../../src/store/recorder.ts';
import type { QuestionRecord } from '../../src/store/records.ts';
import { Store } from '../../src/store/store.ts';
import { removeTempDbs, tempDbPath } from './temp-db.ts';

afterAll(removeTempDbs);

const question = (ref: string): QuestionRecord => ({
  ref,
  askedAt: Date.parse('2026-12-01T10:00:00Z'),
  guildId: null,
  surface: 'dm',
  language: 'en',
  question: `question ${ref}`,
  status: 'unknown',
  factId: null,
  confidence: 0,
  latencyMs: 1,
  userId: '223344556677889900',
});

function recorderAt(path: string, clock = { now: Date.parse('2026-12-01T10:00:00Z') }) {
  const warnings: Array<{ problem: string; msg: string }> = [];
  const logger = createLogger('info', { write: (line: string) => void warnings.push(JSON.parse(line)) });
  const recorder = new Recorder({ path, logger, retentionDays: 90, recordQuestions: true, now: () => clock.now, retryMs: 1 });
  return { recorder, warnings: () => warnings.filter((w) => w.problem), clock };
}

const rows = (path: string) => {
  const store = Store.open(path, { recordQuestions: true });
  const refs = store.questionsSince(0).map((q) => q.ref);
  store.close();
  return refs;
};

describe('the recorder when the store fails', () => {
  it('GIVEN a folder that cannot be created THEN warns once at start, keeps the records, writes them once it can', () => {
    const blocker = tempDbPath('not-a-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const path = join(blocker, 'xenbot.sqlite');
    const { recorder, warnings } = recorderAt(path);
    recorder.start();
    recorder.record({ kind: 'question', record: question('a') });
    recorder.flush();
    expect(recorder.available).toBe(false);
    expect(warnings().map((w) => w.problem)).toEqual(['folder']);
    recorder.close();
  });

  it('GIVEN a file that is not a database THEN says so once and loses nothing when it is replaced', () => {
    const path = tempDbPath();
    writeFileSync(path, 'this is not SQLite, just text '.repeat(200));
    const { recorder, warnings, clock } = recorderAt(path);
    recorder.start();
    recorder.record({ kind: 'question', record: question('a') });
    recorder.record({ kind: 'question', record: question('b') });
    recorder.flush();
    expect(warnings().map((w) => w.problem)).toEqual(['not-a-database']);
    writeFileSync(path, ''); // an empty file is a new database
    clock.now += 1000;
    recorder.flush();
    expect(recorder.available).toBe(true);
    recorder.close();
    expect(rows(path)).toEqual(['a', 'b']);
  });

  it('GIVEN a store locked by another process THEN records wait, one warning a minute, and are written after the lock', () => {
    const path = tempDbPath();
    const { recorder, warnings, clock } = recorderAt(path);
    recorder.start();
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    for (const ref of ['a', 'b', 'c']) {
      recorder.record({ kind: 'question', record: question(ref) });
      recorder.flush();
      clock.now += 10_000;
    }
    expect(warnings().map((w) => w.problem)).toEqual(['locked']);
    clock.now += 60_000;
    recorder.flush();
    expect(warnings().map((w) => w.problem)).toEqual(['locked', 'locked']);
    other.exec('COMMIT');
    other.close();
    recorder.flush();
    recorder.close();
    expect(rows(path)).toEqual(['a', 'b', 'c']);
  });

  it('GIVEN a read-only file THEN warns that it cannot be written and goes on', () => {
    const path = tempDbPath();
    Store.open(path, { recordQuestions: true }).close();
    chmodSync(path, 0o444);
    if (process.getuid?.() !== 0) {
      const { recorder, warnings } = recorderAt(path);
      recorder.start();
      recorder.record({ kind: 'question', record: question('a') });
      recorder.flush();
      expect({ available: recorder.available, warnings: warnings().map((w) => w.problem) }).toEqual({ available: false, warnings: ['read-only'] });
      recorder.close();
      return;
    }
    // Root writes anything: the same check runs as an unprivileged user.
    chmodSync(dirname(path), 0o555);
    const script = fileURLToPath(new URL('./fixtures/record-once.ts', import.meta.url));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, path], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: root, env: { ...process.env, HOME: '/tmp' } });
    chmodSync(dirname(path), 0o755);
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ available: false, warnings: ['read-only'] });
  });

  it('GIVEN more pending records than the bound THEN keeps the newest and says how many were dropped', () => {
    const blocker = tempDbPath('file');
    writeFileSync(blocker, '');
    const warnings: Array<{ problem?: string; msg: string }> = [];
    const logger = createLogger('info', { write: (line: string) => void warnings.push(JSON.parse(line)) });
    const clock = { now: 0 };
    const recorder = new Recorder({ path: join(blocker, 'db.sqlite'), logger, retentionDays: 90, recordQuestions: true, maxPending: 3, now: () => clock.now });
    recorder.start();
    clock.now = 120_000;
    for (const ref of ['a', 'b', 'c', 'd', 'e']) recorder.record({ kind: 'question', record: question(ref) });
    expect(warnings.map((w) => w.problem)).toEqual(['folder', 'overflow']);
    expect(warnings[1]?.msg).toMatch(/1 record\(s\) dropped/);
    recorder.close();
  });
});

describe('settings through the recorder', () => {
  it('GIVEN a change while the store is down THEN applies at once and is saved when the store returns', () => {
    const dir = join(dirname(tempDbPath()), 'later');
    writeFileSync(dir, ''); // a file blocks the folder for now
    const path = join(dir, 'xenbot.sqlite');
    const { recorder, clock } = recorderAt(path);
    recorder.start();
    expect(recorder.changeSettings('g1', { cooldownSeconds: 42 })).toBe(false);
    expect(recorder.setAnswerChannel('g1', 'c9', true)).toBe(false);
    expect(recorder.guildSettings('g1')).toEqual({ cooldownSeconds: 42, answerChannels: ['c9'] });
    // The folder becomes possible: the pending changes are written, and survive a restart.
    execFileSync('rm', ['-f', dir]);
    mkdirSync(dir);
    clock.now += 10_000;
    recorder.flush();
    recorder.close();
    const again = recorderAt(path);
    again.recorder.start();
    expect(again.recorder.guildSettings('g1')).toEqual({ cooldownSeconds: 42, answerChannels: ['c9'] });
    expect([...again.recorder.answerChannels()]).toEqual(['c9']);
    again.recorder.close();
  });
});
