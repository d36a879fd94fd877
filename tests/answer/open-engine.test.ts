import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT_DIR, openAnswerEngine, snapshotDirFromEnv } from '../../src/answer/open-engine.ts';
import { KnowledgeError } from '../../src/knowledge/issues.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';
import { brokenCopy, FIXTURE_DIR, removeCopies } from '../helpers/knowledge.ts';

const folders: string[] = [];
function snapshotFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenbot-snapshot-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  removeCopies();
});

const snapshotFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.snap'));

describe('opening the engine from a snapshot', () => {
  it('GIVEN the shipped base THEN the restored engine answers every evaluation question exactly as the freshly built one', async () => {
    const snapshotDir = snapshotFolder();
    const built = await openAnswerEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, snapshotDir });
    const restored = await openAnswerEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, snapshotDir });
    expect([built.from, restored.from]).toEqual(['files', 'snapshot']);

    const questions = [...loadQuestionSet().map((q) => q.question), 'pvh mdoe', 'nestd', 'xl devd', 'ESXi'];
    const differences = questions.filter((q) => JSON.stringify(built.engine.answer(q)) !== JSON.stringify(restored.engine.answer(q)));
    expect(differences).toEqual([]);
    expect(restored.engine.kb.facts.length).toBe(built.engine.kb.facts.length);
  });

  it('GIVEN an engine opened from a snapshot file THEN it answers after the file is deleted or replaced: it reads what it opened', async () => {
    const snapshotDir = snapshotFolder();
    await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir });
    const opened = await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir });
    expect(opened.from).toBe('snapshot');
    // Sections and facts not read yet are read from the open file: another process pruning or rewriting it changes nothing.
    for (const name of readdirSync(snapshotDir)) rmSync(join(snapshotDir, name));
    await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir });
    expect(opened.engine.answer('PVH').answer?.id).toBe('pvh-guests');
    expect(opened.engine.kb.facts.length).toBeGreaterThan(0);
  });

  it('GIVEN a knowledge file changed since the snapshot THEN the files are read again and the change is answered', async () => {
    const snapshotDir = snapshotFolder();
    const dir = brokenCopy('facts/features.yaml', (text) => text.replace('en: [PVH, PVH mode, pvh=1]', 'en: [PVH, PVH mode, pvh=1, hybrid guest]'));
    expect((await openAnswerEngine({ knowledgeDir: dir, snapshotDir })).engine.answer('hybrid guest').answer?.id).toBe('pvh-guests');

    writeFileSync(join(dir, 'facts/features.yaml'), readFileSync(join(FIXTURE_DIR, 'facts/features.yaml'), 'utf8'));
    const reopened = await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    expect(reopened.from).toBe('files');
    expect(reopened.engine.answer('hybrid guest').answer?.id).not.toBe('pvh-guests');
  });

  it('GIVEN the base broke after a good snapshot THEN it refuses with every problem, never the stale snapshot', async () => {
    const snapshotDir = snapshotFolder();
    const dir = brokenCopy('facts/features.yaml', (text) => `${text}\n`);
    await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    writeFileSync(join(dir, 'facts/features.yaml'), 'facts: [ {');
    await expect(openAnswerEngine({ knowledgeDir: dir, snapshotDir })).rejects.toThrow(KnowledgeError);
  });

  it('GIVEN a damaged snapshot file THEN it is rebuilt from the files and replaced', async () => {
    const snapshotDir = snapshotFolder();
    await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir });
    const [file] = snapshotFiles(snapshotDir);
    writeFileSync(join(snapshotDir, file!), '{"fingerprint": "trunc');
    const reopened = await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir });
    expect(reopened.from).toBe('files');
    expect(reopened.engine.answer('PVH').answer?.id).toBe('pvh-guests');
    expect((await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir })).from).toBe('snapshot');
  });

  it('GIVEN a snapshot folder that cannot be created THEN it still answers, from the files', async () => {
    const blocker = join(snapshotFolder(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const opened = await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir: join(blocker, 'cache') });
    expect(opened.from).toBe('files');
    expect(opened.engine.answer('PVH').answer?.id).toBe('pvh-guests');
  });

  it('GIVEN more knowledge folders than snapshots kept THEN the most recently written remain, and always the shipped base', async () => {
    const snapshotDir = snapshotFolder();
    await openAnswerEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, snapshotDir });
    const [shipped] = snapshotFiles(snapshotDir);
    for (let i = 0; i < 10; i++) {
      const dir = brokenCopy('facts/features.yaml', (text) => `${text}\n# copy ${i}\n`);
      await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    }
    expect(snapshotFiles(snapshotDir)).toHaveLength(9);
    expect(snapshotFiles(snapshotDir)).toContain(shipped);
  });

  it('GIVEN XENBOT_SNAPSHOT_DIR THEN off means none, blank the default folder, anything else a folder', () => {
    expect(snapshotDirFromEnv('off')).toBeNull();
    expect(snapshotDirFromEnv(' OFF ')).toBeNull();
    expect(snapshotDirFromEnv('')).toBe(DEFAULT_SNAPSHOT_DIR);
    expect(snapshotDirFromEnv('/srv/xenbot-cache')).toBe('/srv/xenbot-cache');
  });

  it('GIVEN snapshots turned off THEN nothing is written', async () => {
    const snapshotDir = snapshotFolder();
    const opened = await openAnswerEngine({ knowledgeDir: FIXTURE_DIR, snapshotDir: null });
    expect(opened.from).toBe('files');
    expect(snapshotFiles(snapshotDir)).toEqual([]);
  });
});

describe('knowing whether a snapshot is current', () => {
  /** Every file of `dir` dated `seconds` ago, in whole seconds (so that a date written back is the same to the nanosecond). */
  function age(dir: string, seconds: number): void {
    const then = Math.floor(Date.now() / 1000) - seconds;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), then, then);
    }
  }
  /** Rewrites `file` with the same size and puts its dates back: only its content changes. */
  function editKeepingStat(file: string, from: string, to: string): void {
    expect(to).toHaveLength(from.length);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    utimesSync(file, atime, mtime);
  }
  const withAlias = (text: string) => text.replace('en: [PVH, PVH mode, pvh=1]', 'en: [PVH, PVH mode, pvh=1, hybrid guest]');

  it('GIVEN inputs settled before the snapshot and untouched since THEN it is trusted on their size, date and inode, unread', async () => {
    const snapshotDir = snapshotFolder();
    const dir = brokenCopy('facts/features.yaml', withAlias);
    age(dir, 3600);
    expect((await openAnswerEngine({ knowledgeDir: dir, snapshotDir })).from).toBe('files');
    // An edit that keeps size, date and inode is one no editor or checkout makes: the stamp cannot see it, by design.
    editKeepingStat(join(dir, 'facts/features.yaml'), 'hybrid guest', 'hybrid GUEST');
    const reopened = await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    expect(reopened.from).toBe('snapshot');
    expect(reopened.engine.answer('hybrid guest').answer?.id).toBe('pvh-guests');
  });

  it('GIVEN a file edited in the moments around the snapshot THEN the contents are compared, and the edit is seen', async () => {
    const snapshotDir = snapshotFolder();
    const dir = brokenCopy('facts/features.yaml', withAlias); // written just now: too recent for a stamp
    await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    editKeepingStat(join(dir, 'facts/features.yaml'), 'hybrid guest', 'hybrid GUEST');
    expect((await openAnswerEngine({ knowledgeDir: dir, snapshotDir })).from).toBe('files');
  });

  it('GIVEN a file touched but unchanged THEN the contents are compared and the snapshot is still used', async () => {
    const snapshotDir = snapshotFolder();
    const dir = brokenCopy('facts/features.yaml', withAlias);
    age(dir, 3600);
    await openAnswerEngine({ knowledgeDir: dir, snapshotDir });
    const now = new Date();
    utimesSync(join(dir, 'facts/features.yaml'), now, now);
    expect((await openAnswerEngine({ knowledgeDir: dir, snapshotDir })).from).toBe('snapshot');
  });
});
