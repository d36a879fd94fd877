// A snapshot file: a small JSON header, then named sections of bytes. Typed arrays are written as they are in memory
// and read back as they are (no parsing); lists and objects are JSON, parsed only when first asked for. Opened from
// its file, each section is read when first used; handed over whole (the reload worker), sections are views of the
// bytes. Replaces one JSON document, whose parse alone took longer than answering (npm run bench).
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

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
  /** Bytes [start, end) of a u8 section, without reading the rest of it (one fact of the base). */
  slice(name: string, start: number, end: number): Uint8Array;
}

/** Where a snapshot's bytes are: all in memory, or in a file read a section at a time. */
interface ByteSource {
  size: number;
  /** `length` bytes from `offset`, starting at a position of their buffer aligned for any typed array. */
  read(offset: number, length: number): Uint8Array;
}

function memorySource(bytes: Buffer): ByteSource {
  return {
    size: bytes.byteLength,
    read(offset, length) {
      const at = bytes.byteOffset + offset;
      // A view when the buffer is aligned, as it is when read whole; a copy otherwise.
      return at % 8 === 0 ? new Uint8Array(bytes.buffer, at, length) : new Uint8Array(bytes.buffer.slice(at, at + length));
    },
  };
}

/** Snapshots opened from files whose engine is gone: their file is closed with them. */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const bytes = new Uint8Array(length);
      for (let done = 0; done < length; ) {
        const read = readSync(fd, bytes, done, length - done, offset + done);
        if (read === 0) throw new Error('snapshot file ended early');
        done += read;
      }
      return bytes;
    },
  };
}

function headerOf(source: ByteSource): Header | undefined {
  try {
    const probe = source.read(0, Math.min(HEADER_PROBE, source.size));
    if (probe.byteLength < MAGIC.length + 4 || Buffer.from(probe.buffer, probe.byteOffset, MAGIC.length).toString('latin1') !== MAGIC) return undefined;
    const length = Buffer.from(probe.buffer, probe.byteOffset, probe.byteLength).readUInt32LE(MAGIC.length);
    const bytes = MAGIC.length + 4 + length <= probe.byteLength ? probe.subarray(MAGIC.length + 4, MAGIC.length + 4 + length) : source.read(MAGIC.length + 4, length);
    const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Header;
    // Sections are decoded lazily: a truncated file is caught here, not in the middle of answering.
    return Object.values(header.sections).every((s) => s.offset + s.length <= source.size) ? header : undefined;
  } catch {
    return undefined;
  }
}

function sectionsFrom(source: ByteSource, header: Header): Sections {
  const entry = (name: string, kind: Kind) => {
    const found = header.sections[name];
    if (!found || found.kind !== kind) throw new Error(`snapshot section ${name} is missing`);
    return found;
  };
  const view = <T>(name: string, kind: Kind, size: number, Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T): T => {
    const { offset, length } = entry(name, kind);
    const bytes = source.read(offset, length);
    return new Type(bytes.buffer, bytes.byteOffset, length / size);
  };
  return {
    u8: (name) => view(name, 'u8', 1, Uint8Array),
    u16: (name) => view(name, 'u16', 2, Uint16Array),
    u32: (name) => view(name, 'u32', 4, Uint32Array),
    json: <T>(name: string) => {
      const { offset, length } = entry(name, 'json');
      const bytes = source.read(offset, length);
      return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T;
    },
    slice(name, start, end) {
      const { offset, length } = entry(name, 'u8');
      if (start < 0 || end > length || start > end) throw new Error(`snapshot section ${name} has no bytes ${start}–${end}`);
      return source.read(offset + start, end - start);
    },
  };
}

/** The sections of a snapshot's bytes (handed over by the reload worker); undefined if damaged. */
export function sectionsOf(bytes: Buffer): Sections | undefined {
  const source = memorySource(bytes);
  const header = headerOf(source);
  return header && sectionsFrom(source, header);
}

/**
 * A snapshot file with this fingerprint, opened: its sections are read from the file when first used (a question
 * reads a few of them, a fact a few hundred bytes), and the file is closed when they are no longer referenced.
 * Undefined if missing, damaged or stale.
 */
export function openSnapshotFile(file: string, fingerprint: string): Sections | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const source = fileSource(fd, fstatSync(fd).size);
    const header = headerOf(source);
    if (!header || header.fingerprint !== fingerprint) {
      closeSync(fd);
      return undefined;
    }
    const sections = sectionsFrom(source, header);
    openFiles.register(sections, fd);
    return sections;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** The bytes of `file` if it is a whole snapshot with this fingerprint (for the reload worker to hand over). */
export function readSnapshotFile(file: string, fingerprint: string): Buffer | undefined {
  try {
    // The header first: a stale snapshot of a large base is not read whole for nothing.
    const fd = openSync(file, 'r');
    let header: Header | undefined;
    try {
      header = headerOf(fileSource(fd, fstatSync(fd).size));
    } finally {
      closeSync(fd);
    }
    if (header?.fingerprint !== fingerprint) return undefined;
    const bytes = readFileSync(file);
    return headerOf(memorySource(bytes))?.fingerprint === fingerprint ? bytes : undefined;
  } catch {
    return undefined;
  }
}
