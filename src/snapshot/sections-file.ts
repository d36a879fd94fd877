// A snapshot file: a small JSON header, then named sections of bytes. Typed arrays are written as they are in memory
// and read back as views of the file's buffer (no parsing, no copy); lists and objects are JSON, parsed only when
// first asked for. Replaces one JSON document, whose parse alone took longer than answering (npm run bench).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

const MAGIC = 'XENBOTS2';
/** Header bytes read first, to check the fingerprint before reading a large file for nothing. */
const HEADER_PROBE = 64 * 1024;

type Kind = 'u8' | 'u16' | 'u32' | 'json';
interface SectionEntry {
  kind: Kind;
  offset: number;
  length: number;
}
interface Header {
  fingerprint: string;
  sections: Record<string, SectionEntry>;
}

export type SectionValue = Uint8Array | Uint16Array | Uint32Array | { json: unknown };

/** The file's bytes: magic, header length (u32 LE), header JSON, then each section at an offset aligned to 8 bytes. */
export function encodeSections(fingerprint: string, sections: Record<string, SectionValue>): Buffer {
  const bodies: Array<[string, Kind, Uint8Array]> = Object.entries(sections).map(([name, value]) => {
    if (value instanceof Uint8Array) return [name, 'u8', value];
    if (value instanceof Uint16Array) return [name, 'u16', new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
    if (value instanceof Uint32Array) return [name, 'u32', new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
    return [name, 'json', Buffer.from(JSON.stringify(value.json))];
  });
  // Offsets depend on the header's length and the header holds the offsets: sized with a generous guess first.
  const layout = (start: number) => {
    let at = start;
    const entries: Record<string, SectionEntry> = {};
    for (const [name, kind, bytes] of bodies) {
      at = align(at);
      entries[name] = { kind, offset: at, length: bytes.byteLength };
      at += bytes.byteLength;
    }
    return { entries, end: at };
  };
  let start = 0;
  let header = '';
  for (;;) {
    const { entries } = layout(start);
    header = JSON.stringify({ fingerprint, sections: entries } satisfies Header);
    const needed = align(MAGIC.length + 4 + Buffer.byteLength(header));
    if (needed <= start) break;
    start = needed;
  }
  const { entries, end } = layout(start);
  const file = Buffer.alloc(end);
  file.write(MAGIC, 0, 'latin1');
  const headerBytes = Buffer.from(header);
  file.writeUInt32LE(headerBytes.byteLength, MAGIC.length);
  headerBytes.copy(file, MAGIC.length + 4);
  for (const [name, , bytes] of bodies) file.set(bytes, entries[name]!.offset);
  return file;
}

const align = (n: number) => Math.ceil(n / 8) * 8;

export interface Sections {
  u8(name: string): Uint8Array;
  u16(name: string): Uint16Array;
  u32(name: string): Uint32Array;
  json<T>(name: string): T;
}

/** The bytes of `file` if it is a whole snapshot with this fingerprint; undefined if missing, damaged or stale. */
export function readSnapshotFile(file: string, fingerprint: string): Buffer | undefined {
  let header: Header;
  try {
    const fd = openSync(file, 'r');
    try {
      const probe = Buffer.alloc(HEADER_PROBE);
      const read = readSync(fd, probe, 0, HEADER_PROBE, 0);
      if (read < MAGIC.length + 4 || probe.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
      const length = probe.readUInt32LE(MAGIC.length);
      const headerBytes = length + MAGIC.length + 4 <= read ? probe.subarray(MAGIC.length + 4, MAGIC.length + 4 + length) : readHeader(fd, length);
      header = JSON.parse(headerBytes.toString('utf8')) as Header;
    } finally {
      closeSync(fd);
    }
    if (header.fingerprint !== fingerprint) return undefined;
    const bytes = readFileSync(file);
    return sectionsOf(bytes) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** The sections of a snapshot's bytes (read from a file, or handed over by the reload worker); undefined if damaged. */
export function sectionsOf(bytes: Buffer): Sections | undefined {
  let header: Header;
  try {
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const length = bytes.readUInt32LE(MAGIC.length);
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Header;
  } catch {
    return undefined;
  }
  // Sections are decoded lazily: a truncated file is caught here, not in the middle of answering.
  if (Object.values(header.sections).some((s) => s.offset + s.length > bytes.byteLength)) return undefined;
  const entry = (name: string, kind: Kind) => {
    const found = header.sections[name];
    if (!found || found.kind !== kind) throw new Error(`snapshot section ${name} is missing`);
    return found;
  };
  // A view when the buffer is aligned for the type, as it is when read whole; a copy otherwise.
  const view = <T>(name: string, kind: Kind, size: number, Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T): T => {
    const { offset, length } = entry(name, kind);
    const at = bytes.byteOffset + offset;
    if (at % size === 0) return new Type(bytes.buffer, at, length / size);
    return new Type(bytes.buffer.slice(at, at + length), 0, length / size);
  };
  return {
    u8: (name) => view(name, 'u8', 1, Uint8Array),
    u16: (name) => view(name, 'u16', 2, Uint16Array),
    u32: (name) => view(name, 'u32', 4, Uint32Array),
    json: <T>(name: string) => {
      const { offset, length } = entry(name, 'json');
      return JSON.parse(bytes.toString('utf8', offset, offset + length)) as T;
    },
  };
}

function readHeader(fd: number, length: number): Buffer {
  const header = Buffer.alloc(length);
  readSync(fd, header, 0, length, MAGIC.length + 4);
  return header;
}
