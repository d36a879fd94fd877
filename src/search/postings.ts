// Lists of numbers for each of n keys, in two flat typed arrays (compressed sparse rows): the facts of a term, the
// terms of a fact, the names of a trigram. One object however many lists, and written to a snapshot as they are.
import { SortedStrings } from './sorted-strings.ts';

export class Postings {
  /** List k is values[start[k]] … values[start[k + 1] - 1], ascending. */
  constructor(
    readonly start: Uint32Array,
    readonly values: Uint32Array,
  ) {}

  /** From one list per key; each list is sorted and made distinct. */
  static fromLists(lists: ReadonlyArray<readonly number[]>): Postings {
    const start = new Uint32Array(lists.length + 1);
    const values = new Uint32Array(lists.reduce((n, list) => n + list.length, 0));
    let at = 0;
    lists.forEach((list, k) => {
      const from = at;
      values.set(list, from);
      const run = values.subarray(from, from + list.length).sort();
      // Duplicates are now neighbours: keep the first of each.
      at = from;
      for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) values[at++] = run[i]!;
      start[k + 1] = at;
    });
    return new Postings(start, values.slice(0, at));
  }

  get keyCount(): number {
    return this.start.length - 1;
  }

  /** List k, as a view (no copy). */
  of(key: number): Uint32Array {
    return this.values.subarray(this.start[key], this.start[key + 1]);
  }

  length(key: number): number {
    return this.start[key + 1]! - this.start[key]!;
  }

  /** Whether list k holds `value`: a binary search. */
  has(key: number, value: number): boolean {
    let lo = this.start[key]!;
    let hi = this.start[key + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.values[mid]!;
      if (v === value) return true;
      if (v < value) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}

/** An inverted index of string lists: the distinct strings, sorted, each with the positions of the lists that hold it. */
export function invert(lists: ReadonlyArray<readonly string[]>): { keys: SortedStrings; positions: Postings } {
  const holders = new Map<string, number[]>();
  lists.forEach((list, i) => {
    for (const key of list) {
      const at = holders.get(key);
      if (at) at.push(i);
      else holders.set(key, [i]);
    }
  });
  const keys = SortedStrings.of(holders.keys());
  return { keys, positions: Postings.fromLists(keys.list().map((key) => holders.get(key)!)) };
}
