// Opens the answer engine on a knowledge folder: from a snapshot while nothing it was built from has changed,
// from the YAML files otherwise. Parsing, validating and indexing take about a second; opening the snapshot a few
// milliseconds, as its arrays are used where they lie in the file and its facts parsed when shown (npm run bench).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/paths.ts';
import { buildIndexData, searchIndexOf } from '../search/search-index.ts';
import { indexFromSections, indexSections } from '../snapshot/index-sections.ts';
import { knowledgeFromSections, knowledgeSections } from '../snapshot/knowledge-sections.ts';
import { encodeSections, openSnapshotFile, readSnapshotFile, sectionsOf, type Sections } from '../snapshot/sections-file.ts';
import { createAnswerEngine, type AnswerEngine } from './engine.ts';

/** Kept with the dependencies, like other tools' caches: `npm ci` starts from a clean slate. */
export const DEFAULT_SNAPSHOT_DIR = fileURLToPath(new URL('../../node_modules/.cache/xenbot', import.meta.url));

/** The code that turns files into an engine: a change to any of it makes old snapshots stale. */
const BUILDER_DIRS = ['../knowledge/', '../search/', '../text/', '../snapshot/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));
/** Bump when the snapshot's layout changes in a way the code hash would not catch. */
const SNAPSHOT_FORMAT = 3;

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
  const { value: sections, from } = await currentOrBuilt(options, openSnapshotFile, sectionsOf);
  if (!sections) throw new Error('not a snapshot of the answer engine');
  return { engine: engineFromSections(sections), from };
}

/** A snapshot's bytes as an engine: its arrays used where they lie, its lists and facts parsed when first needed. */
export function engineFromSnapshot(bytes: Buffer): AnswerEngine {
  const sections = sectionsOf(bytes);
  if (!sections) throw new Error('not a snapshot of the answer engine');
  return engineFromSections(sections);
}

function engineFromSections(sections: Sections): AnswerEngine {
  return createAnswerEngine(knowledgeFromSections(sections), searchIndexOf(indexFromSections(sections)));
}

/**
 * The snapshot of a knowledge folder, as bytes: read while current, else built from the files (and written, when
 * snapshots are kept). All of what the reload worker does.
 */
export async function engineSnapshot(options: OpenEngineOptions = {}): Promise<{ bytes: Buffer; from: OpenedEngine['from'] }> {
  const { value, from } = await currentOrBuilt(options, readSnapshotFile, (bytes) => bytes);
  return { bytes: value, from };
}

/**
 * The current snapshot of a knowledge folder as `readCurrent` opens it (whole, or a section at a time), else the
 * snapshot built from the files (and written, when snapshots are kept) as `fromBuilt` makes it of its bytes.
 */
async function currentOrBuilt<T>(
  options: OpenEngineOptions,
  readCurrent: (file: string, fingerprint: string) => T | undefined,
  fromBuilt: (bytes: Buffer) => T,
): Promise<{ value: T; from: OpenedEngine['from'] }> {
  const knowledgeDir = resolve(options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR);
  const snapshotDir = options.snapshotDir === undefined ? snapshotDirFromEnv(process.env.XENBOT_SNAPSHOT_DIR) : options.snapshotDir;
  const inputs = snapshotDir ? inputsOf(knowledgeDir) : undefined;
  const file = snapshotDir ? join(snapshotDir, snapshotName(knowledgeDir)) : '';
  let fingerprint: string | undefined;
  const fingerprintNow = () => (fingerprint ??= inputs ? contentFingerprint(inputs) : '');

  if (inputs) {
    // The stamp file vouches for the fingerprint of inputs with this stamp: when it matches, nothing is read.
    const stamp = statStamp(inputs);
    const vouched = readStamp(file);
    const expected = vouched?.stamp === stamp ? vouched.fingerprint : fingerprintNow();
    const current = readCurrent(file, expected);
    if (current) {
      if (vouched?.stamp !== stamp && settled(inputs)) writeStamp(file, { stamp, fingerprint: expected });
      return { value: current, from: 'snapshot' };
    }
  }

  // Taken before the files are read: a file changed while building must make this snapshot stale.
  fingerprintNow();
  // Imported here so the snapshot path never pays for the YAML parser and the schema library.
  const { loadKnowledge } = await import('../knowledge/load.ts');
  const kb = loadKnowledge(knowledgeDir);
  await nextTurn(); // a running bot's waiting events get through between the two long steps
  const bytes = encodeSections(fingerprintNow(), { ...knowledgeSections(kb), ...indexSections(buildIndexData(kb.facts)) });
  if (snapshotDir) writeSnapshot(snapshotDir, file, bytes);
  // The stamp as the inputs were before they were read: one changed since fails it, and its contents are compared.
  if (snapshotDir && inputs && settled(inputs)) writeStamp(file, { stamp: statStamp(inputs), fingerprint: fingerprintNow() });
  return { value: fromBuilt(bytes), from: 'files' };
}

function writeSnapshot(dir: string, file: string, bytes: Buffer): void {
  // Written aside and renamed, so a reader never sees half a file, even with two processes starting at once.
  const partial = `${file}.${process.pid}-${randomUUID()}.tmp`; // unique across processes and their threads
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
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.stamp') && !existsSync(join(dir, n.slice(0, -'.stamp'.length))))) {
    rmSync(join(dir, name), { force: true });
  }
  // Half-written files of a process that died before renaming its snapshot.
  const abandoned = Date.now() - 60_000;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tmp'))) {
    const path = join(dir, name);
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < abandoned) rmSync(path, { force: true });
  }
}

/** A file a snapshot is built from, with what `stat` says of it. */
interface Input {
  path: string;
  size: number;
  mtimeNs: bigint;
  ino: bigint;
}

/** Everything a snapshot is built from: the knowledge files, the builder's code and its dependencies' lockfile. */
function inputsOf(knowledgeDir: string): { inputs: Input[]; missing: string[]; listedAtNs: bigint } {
  const listedAtNs = BigInt(Date.now()) * 1_000_000n;
  const inputs: Input[] = [];
  const missing: string[] = [];
  const add = (path: string) => {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (stats?.isFile()) inputs.push({ path, size: Number(stats.size), mtimeNs: stats.mtimeNs, ino: stats.ino });
    else missing.push(path);
  };
  const addFolder = (dir: string, recursive: boolean) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      missing.push(dir);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      // Followed like the loader follows them: a symlinked fact file that changes must change the fingerprint.
      const isDirectory = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false })?.isDirectory() : entry.isDirectory();
      if (isDirectory) {
        if (recursive) addFolder(path, recursive);
      } else if (entry.isFile() || entry.isSymbolicLink()) add(path);
    }
  };
  addFolder(knowledgeDir, true);
  for (const dir of BUILDER_DIRS) addFolder(dir, false);
  add(LOCKFILE);
  return { inputs, missing, listedAtNs };
}

// Node's version too: its Unicode tables decide how accents fold.
const preamble = () => [`format ${SNAPSHOT_FORMAT}`, process.version];

/** The inputs' contents, hashed: what decides whether a snapshot is current. */
function contentFingerprint({ inputs, missing }: ReturnType<typeof inputsOf>): string {
  const parts: Array<string | Buffer> = [...preamble(), ...missing.map((m) => `missing ${m}`)];
  for (const { path } of inputs) {
    try {
      parts.push(path, readFileSync(path));
    } catch {
      parts.push(`unreadable ${path}`);
    }
  }
  return hash(parts);
}

/**
 * The inputs' sizes, modification times and inodes, hashed. A stamp file beside the snapshot records the fingerprint
 * of the inputs as they were with that stamp, so that while they keep it, nothing needs reading (a third of the time
 * of `ask` from a snapshot). As in git's index, a file modified in the moments before its stamp was taken could
 * change again within the same clock tick: stamps are only recorded for inputs that had settled.
 */
function statStamp({ inputs, missing }: ReturnType<typeof inputsOf>): string {
  return hash([...preamble(), ...missing.map((m) => `missing ${m}`), ...inputs.map((i) => `${i.path} ${i.size} ${i.mtimeNs} ${i.ino}`)]);
}

/** Inputs last modified this long before they were listed: a later change cannot share their modification time. */
const SETTLED_NS = 2_000_000_000n;
const settled = ({ inputs, listedAtNs }: ReturnType<typeof inputsOf>) => inputs.every((i) => listedAtNs - i.mtimeNs > SETTLED_NS);

interface Stamp {
  stamp: string;
  fingerprint: string;
}
const stampFileOf = (snapshotFile: string) => `${snapshotFile}.stamp`;

function readStamp(snapshotFile: string): Stamp | undefined {
  try {
    const read = JSON.parse(readFileSync(stampFileOf(snapshotFile), 'utf8')) as Partial<Stamp>;
    return typeof read.stamp === 'string' && typeof read.fingerprint === 'string' ? { stamp: read.stamp, fingerprint: read.fingerprint } : undefined;
  } catch {
    return undefined; // none yet, or damaged: the contents decide
  }
}

function writeStamp(snapshotFile: string, stamp: Stamp): void {
  const target = stampFileOf(snapshotFile);
  const partial = `${target}.${process.pid}-${randomUUID()}.tmp`;
  try {
    writeFileSync(partial, JSON.stringify(stamp));
    renameSync(partial, target);
  } catch {
    // A read-only cache only costs the next start the fingerprint.
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}

function hash(parts: Array<string | Buffer>): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex');
}
