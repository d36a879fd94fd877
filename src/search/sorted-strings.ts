// A sorted list of distinct strings: a string's position is its id, found by binary search. It replaces a Map from
// string to id: nothing to build when restored from a snapshot, a fraction of the memory, and prefix ranges for free
// (autocomplete, the spelling walk).

export class SortedStrings {
  private constructor(
    private readonly items: readonly string[],
    /** While an index is built, ids are looked up for every word of the base: a hash table beats binary search. */
    private readonly ids?: ReadonlyMap<string, number>,
  ) {}

  /** The distinct strings of `strings`, sorted, with a hash table for the many lookups of a build. */
  static of(strings: Iterable<string>): SortedStrings {
    // The default sort compares UTF-16 code units, as `<` does: the same on every machine and in every locale.
    const items = [...new Set(strings)].sort();
    return new SortedStrings(items, new Map(items.map((item, i) => [item, i])));
  }

  /** Strings already sorted and distinct, as `list()` gave them (a snapshot). */
  static fromSorted(items: readonly string[]): SortedStrings {
    return new SortedStrings(items);
  }

  get size(): number {
    return this.items.length;
  }

  at(id: number): string {
    return this.items[id]!;
  }

  list(): readonly string[] {
    return this.items;
  }

  /** The id of `value`, or -1. */
  idOf(value: string): number {
    if (this.ids) return this.ids.get(value) ?? -1;
    const at = this.lowerBound(value);
    return this.items[at] === value ? at : -1;
  }

  /** The first position whose string is not below `value`. */
  lowerBound(value: string): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Ids [from, to) of the strings that start with `prefix`. */
  prefixRange(prefix: string, from = 0, to = this.items.length): [number, number] {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }
}
