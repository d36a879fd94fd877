// Packed string lists (a snapshot's form) read back exactly as the arrays they were packed from.
import { describe, expect, it } from 'vitest';
import { SortedStrings } from '../../src/search/sorted-strings.ts';
import { columnList, packedColumn, packStrings } from '../../src/search/string-column.ts';

const strings = ['', 'dom0_mem', 'virtualisation imbriquée', 'ß', '日本', 'xl migrate', 'emoji 🙂'];

describe('packed string columns', () => {
  it('GIVEN strings with accents, emoji, CJK and an empty one THEN each reads back as it was, by position', () => {
    const column = packedColumn(packStrings(strings));
    expect(column.length).toBe(strings.length);
    expect(columnList(column)).toEqual(strings);
    expect([column.at(-1), column.at(strings.length)]).toEqual([undefined, undefined]);
  });

  it('GIVEN a sorted list restored from its packed form THEN lookups and prefix ranges are those of the list', () => {
    const built = SortedStrings.of(['pvh', 'pv', 'hvm', 'hap', 'hap_1gb', 'hap_2mb', 'évtchn', 'xl cd-insert']);
    const restored = SortedStrings.fromPacked(built.packed());
    expect(restored.list()).toEqual(built.list());
    for (const probe of ['pv', 'pvh', 'hap_2mb', 'évtchn', 'missing', '', 'zzz']) expect(restored.idOf(probe)).toBe(built.idOf(probe));
    for (const prefix of ['ha', 'hap_', 'p', 'x', 'q', '']) expect(restored.prefixRange(prefix)).toEqual(built.prefixRange(prefix));
  });

  it('GIVEN no strings THEN an empty column', () => {
    expect(columnList(packedColumn(packStrings([])))).toEqual([]);
    expect(SortedStrings.fromPacked(SortedStrings.of([]).packed()).idOf('x')).toBe(-1);
  });
});
