// Opens the answer engine on a knowledge folder: from a snapshot while nothing it was built from has changed,
// from the YAML files otherwise. Parsing, validating and indexing take about a second; opening the snapshot a few
// milliseconds, as its arrays are used where they lie in the file and its facts parsed when shown (npm run bench).
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths.ts';
import { buildIndexData, searchIndexOf } from '../search/search-index.ts';
import { indexFromSections, indexSections } from '../snapshot/index-sections.ts';
import { knowledgeFromSections, knowledgeSections } from '../snapshot/knowledge-sections.ts';
import { encodeSections, readSnapshotFile, sectionsOf } from '../snapshot/sections-file.ts';
import { createAnswerEngine, type AnswerEngine } from './engine.ts';

/** Kept with the dependencies, like other tools' caches: `npm ci` starts from a clean slate. */
export const DEFAULT_SNAPSHOT_DIR = fileURLToPath(new URL('../../node_modules/.cache/xenbot', import.meta.url));

/** The code that turns files into an engine: a change to any of it makes old snapshots stale. */
const BUILDER_DIRS = ['../knowledge/', '../search/', '../text/', '../snapshot/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
/** Bump when the snapshot's layout changes in a way the code hash would not catch. */
const SNAPSHOT_FORMAT = 2;

/** Snapshots kept besides the shipped base's: one per knowledge folder in use, the least recently written go first. */
const MAX_SNAPSHOTS = 8;

export interface OpenEngineOptions {
  knowledgeDir?: string;
  /** Where snapshots are kept; null reads and writes none. Default: XENBOT_SNAPSHOT_DIR, else DEFAULT_SNAPSHOT_DIR. */
  snapshotDir?: string | null;
}

/** XENBOT_SNAPSHOT_DIR: unset or blank is the default folder, "off" turns snapshots off, anything else is a folder. */
export function snapshotDirFromEnv(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return DEFAULT_SNAPSHOT_DIR;
  return value.trim().toLowerCase() === 'off' ? null : value;
}

export interface OpenedEngine {
  engine: AnswerEngine;
  /** Which path was taken, for logs and the benchmark. */
  from: 'snapshot' | 'files';
}

/**
 * The engine for a knowledge folder. A broken base throws the loader's KnowledgeError, listing every problem;
 * a missing, stale or unreadable snapshot only means the slow path, and a snapshot that cannot be written is skipped.
 */
export async function openAnswerEngine(options: OpenEngineOptions = {}): Promise<OpenedEngine> {
  const { bytes, from } = await engineSnapshot(options);
  return { engine: engineFromSnapshot(bytes), from };
}

/** A snapshot's bytes as an engine: its arrays used where they lie, its lists and facts parsed when first needed. */
export function engineFromSnapshot(bytes: Buffer): AnswerEngine {
  const sections = sectionsOf(bytes);
  if (!sections) throw new Error('not a snapshot of the answer engine');
  return createAnswerEngine(knowledgeFromSections(sections), searchIndexOf(indexFromSections(sections)));
}

/**
 * The snapshot of a knowledge folder, as bytes: read while current, else built from the files (and written, when
 * snapshots are kept). The slow part of opening an engine, and all of what the reload worker does.
 */
export async function engineSnapshot(options: OpenEngineOptions = {}): Promise<{ bytes: Buffer; from: OpenedEngine['from'] }> {
  const knowledgeDir = resolve(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const snapshotDir = options.snapshotDir === undefined ? snapshotDirFromEnv(process.env.XENBOT_SNAPSHOT_DIR) : options.snapshotDir;
  const fingerprint = snapshotDir ? fingerprintOf(knowledgeDir) : '';
  const file = snapshotDir ? join(snapshotDir, snapshotName(knowledgeDir)) : '';

  const current = snapshotDir ? readSnapshotFile(file, fingerprint) : undefined;
  if (current) return { bytes: current, from: 'snapshot' };

  // Imported here so the snapshot path never pays for the YAML parser and the schema library.
  const { loadKnowledge } = await import('../knowledge/load.ts');
  const kb = loadKnowledge(knowledgeDir);
  await nextTurn(); // a running bot's waiting events get through between the two long steps
  const bytes = encodeSections(fingerprint, { ...knowledgeSections(kb), ...indexSections(buildIndexData(kb.facts)) });
  if (snapshotDir) writeSnapshot(snapshotDir, file, bytes);
  return { bytes, from: 'files' };
}

function writeSnapshot(dir: string, file: string, bytes: Buffer): void {
  // Written aside and renamed, so a reader never sees half a file, even with two processes starting at once.
  const partial = `${file}.${process.pid}-${threadId}-${randomUUID()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    pruneSnapshots(dir);
  } catch {
    // A read-only install still answers, only more slowly at start-up.
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/**
 * One snapshot per knowledge folder and per copy of the builder code: the tests and scripts (src/ through tsx)
 * and ask and the bot (dist/) would otherwise replace each other's snapshot of the same folder at every switch.
 */
const snapshotName = (knowledgeDir: string) => `engine-${hash([knowledgeDir, ...BUILDER_DIRS]).slice(0, 16)}.snap`;

/**
 * Tests and curators open many temporary folders: only the most recently written snapshots are kept, and always
 * the shipped knowledge's, so a test run never costs the bot its fast start.
 */
function pruneSnapshots(dir: string): void {
  const shipped = snapshotName(resolve(DEFAULT_KNOWLEDGE_DIR));
  const files = readdirSync(dir)
    .filter((name) => /^engine-[0-9a-f]+\.(?:snap|json)$/.test(name) && name !== shipped)
    .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const { path } of files.slice(MAX_SNAPSHOTS)) rmSync(path, { force: true });
  // Half-written files of a process that died before renaming its snapshot.
  const abandoned = Date.now() - 60_000;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tmp'))) {
    const path = join(dir, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < abandoned) rmSync(path, { force: true });
  }
}

/** Everything a snapshot was built from: the knowledge files, the builder's code and its dependencies. */
function fingerprintOf(knowledgeDir: string): string {
  // Node's version too: its Unicode tables decide how accents fold.
  const parts: Array<string | Buffer> = [`format ${SNAPSHOT_FORMAT}`, process.version];
  const addFolder = (dir: string, recursive: boolean) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      parts.push(`missing ${dir}`);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // Followed like the loader follows them: a symlinked fact file that changes must change the fingerprint.
      const stats = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
      if (stats?.isDirectory() && recursive) addFolder(path, recursive);
      else if (stats?.isFile()) parts.push(path, readFileSync(path));
    }
  };
  addFolder(knowledgeDir, true);
  for (const dir of BUILDER_DIRS) addFolder(dir, false);
  try {
    parts.push(readFileSync(LOCKFILE));
  } catch {
    parts.push('no lockfile');
  }
  return hash(parts);
}

function hash(parts: Array<string | Buffer>): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}
