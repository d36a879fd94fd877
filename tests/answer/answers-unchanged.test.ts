// Every evaluation question answered exactly as recorded in tests/answer/reference/answers.json: how the index is
// built, stored and restored may change for speed, answers may not. After a change meant to alter answers (facts,
// ranking, the decision), re-record with `npm run record-answers` and read the diff.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnswerEngine } from '../../src/answer/open-engine.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/paths.ts';
import { recordAnswers, REFERENCE_FILE, type AnswerRecord } from './reference/answers.ts';

const reference = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Record<string, AnswerRecord[]>;
const snapshotDir = mkdtempSync(join(tmpdir(), 'xenbot-answers-'));
afterAll(() => rmSync(snapshotDir, { recursive: true, force: true }));

/** The answers that differ from the record, as "set: recorded → now" lines. */
function differences(now: Record<string, AnswerRecord[]>): string[] {
  return Object.entries(reference).flatMap(([set, rows]) => {
    const current = new Map((now[set] ?? []).map((r) => [r[0], r]));
    const moved = rows.filter((r) => JSON.stringify(current.get(r[0])) !== JSON.stringify(r));
    const added = (now[set] ?? []).filter((r) => !rows.some((old) => old[0] === r[0]));
    return [...moved.map((r) => `${set}: ${JSON.stringify(r)} → ${JSON.stringify(current.get(r[0]) ?? 'gone')}`), ...added.map((r) => `${set}: new ${JSON.stringify(r)}`)];
  });
}

describe('answers to every evaluation question', () => {
  it('GIVEN the engine built from the knowledge files THEN every answer is the recorded one', async () => {
    const opened = await openAnswerEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, snapshotDir });
    expect(opened.from).toBe('files');
    expect(differences(recordAnswers(opened.engine))).toEqual([]);
  });

  it('GIVEN the engine restored from its snapshot THEN every answer is the recorded one', async () => {
    const opened = await openAnswerEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, snapshotDir });
    expect(opened.from).toBe('snapshot');
    expect(differences(recordAnswers(opened.engine))).toEqual([]);
  });
});
