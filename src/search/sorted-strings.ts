// A sorted list of distinct strings: a string's position is its id, found by binary search. It replaces a Map from
// string to id: nothing to build when restored from a snapshot, a fraction of the memory, and prefix ranges for free
// (autocomplete, the spelling walk). Restored from a snapshot, the strings stay packed as UTF-8 and each is decoded
// when looked at: a one-question `ask` reads a few dozen of the 50,000 words instead of parsing them all.
import { packedColumn, packStrings, type PackedStrings } from './string-column.ts';

export class SortedStrings {
  private constructor(
    private readonly item: (id: number) => string,
    readonly size: number,
    private items?: readonly string[],
    /** While an index is built, ids are looked up for every word of the base: a hash table beats binary search. */
    private readonly ids?: ReadonlyMap<string, number>,
  ) {}

  /** The distinct strings of `strings`, sorted, with a hash table for the many lookups of a build. */
  static of(strings: Iterable<string>): SortedStrings {
    // The default sort compares UTF-16 code units, as `<` does: the same on every machine and in every locale.
    const items = [...new Set(strings)].sort();
    return new SortedStrings((id) => items[id]!, items.length, items, new Map(items.map((item, i) => [item, i])));
  }

  /** Strings already sorted and distinct, as `list()` gave them. */
  static fromSorted(items: readonly string[]): SortedStrings {
    return new SortedStrings((id) => items[id]!, items.length, items);
  }

  /** Strings already sorted and distinct, packed as `packed()` gave them (a snapshot's bytes, used where they lie). */
  static fromPacked(packed: PackedStrings): SortedStrings {
    const column = packedColumn(packed);
    return new SortedStrings((id) => column.at(id)!, column.length);
  }

  /** The strings as UTF-8 bytes and offsets, for a snapshot. */
  packed(): PackedStrings {
    return packStrings(this.list());
  }

  at(id: number): string {
    return this.item(id);
  }

  list(): readonly string[] {
    return (this.items ??= Array.from({ length: this.size }, (_, id) => this.item(id)));
  }

  /** The id of `value`, or -1. */
  idOf(value: string): number {
    if (this.ids) return this.ids.get(value) ?? -1;
    const at = this.lowerBound(value);
    return at < this.size && this.item(at) === value ? at : -1;
  }

  /** The first position whose string is not below `value`. */
  lowerBound(value: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.item(mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ids [from, to) of the strings that start with `prefix`. */
  prefixRange(prefix: string, from = 0, to = this.size): [number, number] {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.item(mid) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.item(mid).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }
}
