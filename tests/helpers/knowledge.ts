// Test helpers: the fixture knowledge base, and copies of it with one deliberate defect.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnswerEngine, type AnswerEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));

let engine: AnswerEngine | undefined;
export function fixtureEngine(): AnswerEngine {
  engine ??= createAnswerEngine(loadKnowledge(FIXTURE_DIR));
  return engine;
}

const copies: string[] = [];

/** A temporary copy of the fixture base, with `edit` applied to the text of `file` (relative path). */
export function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'xenbot-kb-'));
  copies.push(dir);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing: the test would prove nothing`);
  writeFileSync(path, after);
  return dir;
}

export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the fixture base plus one fact no other base has (7 facts), so an answer shows which base served it. */
export function fixtureWithCanary(): string {
  return brokenCopy('facts/concepts.yaml', (text) =>
    text.replace(
      'facts:\n',
      `facts:
  - id: reload-canary
    status: background
    intent: [definition]
    title: { en: Reload canary, fr: Canari de rechargement }
    aliases: { en: [reload canary], fr: [canari de rechargement] }
    text:
      en: This fact exists only in the base loaded by the reload tests.
      fr: Ce fait n'existe que dans la base chargée par les tests de rechargement.
    citations: [{ source: fixture-notes }]
`,
    ),
  );
}
