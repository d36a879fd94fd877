// Lists of strings read by position. While an index is built they are arrays; restored from a snapshot they stay
// packed as UTF-8 bytes and each string is decoded when read, so a one-question `ask` decodes a few dozen strings
// instead of parsing lists of tens of thousands (npm run bench: `ask` from the snapshot).

/** What the engine needs of a list of strings: an array is one. */
export interface StringColumn {
  readonly length: number;
  at(index: number): string | undefined;
}

/** Strings as one run of UTF-8 bytes and the offset where each starts (one more offset: where the last one ends). */
export interface PackedStrings {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

export function packStrings(strings: readonly string[]): PackedStrings {
  const encoded = strings.map((item) => Buffer.from(item, 'utf8'));
  const offsets = new Uint32Array(encoded.length + 1);
  encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i]! + bytes.byteLength));
  return { bytes: Buffer.concat(encoded), offsets };
}

/**
 * A packed list as a column: nothing decoded until read, and each string decoded once (a binary search reads the
 * same middle strings every time; autocomplete reads the same names again and again in a long-running bot).
 */
export function packedColumn({ bytes, offsets }: PackedStrings): StringColumn {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = Math.max(0, offsets.length - 1);
  const decoded: Array<string | undefined> = new Array<string | undefined>(length);
  return {
    length,
    at(index) {
      if (!(index >= 0 && index < length)) return undefined;
      return (decoded[index] ??= buffer.toString('utf8', offsets[index]!, offsets[index + 1]!));
    },
  };
}

/** Every string of a column, decoded (for a snapshot of a restored index, and for tests). */
export function columnList(column: StringColumn): string[] {
  return Array.isArray(column) ? (column as string[]) : Array.from({ length: column.length }, (_, i) => column.at(i)!);
}
