// Fuzzy matching of a short string against fact names: trigrams shortlist plausible names, fuse.js scores them.
// fuse.js alone scans all ~3,000 names with Bitap on every keystroke (10–20 ms); the shortlist keeps its
// typo tolerance at a fraction of the cost (npm run bench).
import Fuse, { type IFuseOptions } from 'fuse.js';
import { Postings } from './postings.ts';
import { SortedStrings } from './sorted-strings.ts';

export interface FuzzyHit<T> {
  item: T;
  /** fuse.js score: 0 is a perfect match, 1 no match. */
  score: number;
}

/** A name must share this share of the query's trigrams to be scored at all. */
const MIN_SHARED_TRIGRAMS = 0.4;
const MAX_SHORTLIST = 100;
/** A trigram found in more than this share of all names is too common to shortlist by... */
const COMMON_TRIGRAM_SHARE = 0.05;
/** ...but in a small base every trigram is rare enough: below this many names a list is always walked. */
const COMMON_TRIGRAM_FLOOR = 50;
const EMPTY = new Uint32Array(0);

export function trigrams(text: string): string[] {
  const grams = new Set<string>();
  eachTrigram(text, (gram) => grams.add(gram));
  return [...grams];
}

/** The trigrams of `text` padded with ^ and $, repeats included: the one definition the index and queries share. */
function eachTrigram(text: string, visit: (gram: string) => void): void {
  const padded = `^${text}$`;
  for (let i = 0; i + 3 <= padded.length; i++) visit(padded.slice(i, i + 3));
}

/** Which names hold each trigram: the shortlist's index, kept in a snapshot. */
export interface TrigramIndex {
  grams: SortedStrings;
  /** By gram id: positions of the names that contain it, ascending. */
  names: Postings;
}

export function trigramIndex(keys: readonly string[]): TrigramIndex {
  // Without a Set and a list per name: names come in order, so a gram met again in the same name is already the
  // last position on its list.
  const holders = new Map<string, number[]>();
  keys.forEach((key, i) =>
    eachTrigram(key, (gram) => {
      const names = holders.get(gram);
      if (!names) holders.set(gram, [i]);
      else if (names[names.length - 1] !== i) names.push(i);
    }),
  );
  const grams = SortedStrings.of(holders.keys());
  return { grams, names: Postings.fromLists(grams.list().map((gram) => holders.get(gram)!)) };
}

export class FuzzyNames<T> {
  /** Shared-trigram counts by name position, reused: in a large base a question must not allocate one per name. */
  private shared: Uint16Array | undefined;

  /** `item(i)` gives the i-th name, made when the shortlist needs it; `index` is `trigramIndex` of their keys. */
  constructor(
    private readonly count: number,
    private readonly item: (position: number) => T,
    private readonly options: IFuseOptions<T>,
    private readonly index: TrigramIndex,
  ) {}

  static of<T>(items: readonly T[], keyOf: (item: T) => string, options: IFuseOptions<T>): FuzzyNames<T> {
    return new FuzzyNames<T>(items.length, (i) => items[i] as T, options, trigramIndex(items.map(keyOf)));
  }

  private namesWith(gram: string): Uint32Array | undefined {
    const id = this.index.grams.idOf(gram);
    return id < 0 ? undefined : this.index.names.of(id);
  }

  search(pattern: string, limit: number): Array<FuzzyHit<T>> {
    // Trigrams most names share ("ion", "^pv") say little about which name was meant, and walking their lists
    // cost more than the rest of a question in a large base: they are left out, unless nothing else is left.
    const all = trigrams(pattern);
    const common = Math.max(this.count * COMMON_TRIGRAM_SHARE, COMMON_TRIGRAM_FLOOR);
    const informative = all.filter((gram) => (this.namesWith(gram)?.length ?? 0) <= common);
    const grams = informative.length > 0 ? informative : all;
    const needed = Math.max(1, Math.ceil(grams.length * MIN_SHARED_TRIGRAMS));
    const shared = (this.shared ??= new Uint16Array(this.count));
    const touched: number[] = [];
    // A name sharing `needed` of the grams is in at least one of any (grams − needed + 1) of their lists: the
    // shortest ones name every candidate, and the longer ones only add to names already found (the counts stay
    // exact). In a large base this spares tracking tens of thousands of names per keystroke.
    const lists = grams.map((gram) => this.namesWith(gram) ?? EMPTY).sort((a, b) => a.length - b.length);
    const seeding = grams.length - needed + 1;
    lists.forEach((names, j) => {
      const seeds = j < seeding;
      for (let k = 0; k < names.length; k++) {
        const i = names[k]!;
        const count = shared[i]!;
        if (count === 0) {
          if (!seeds) continue;
          touched.push(i);
        }
        shared[i] = count + 1;
      }
    });
    // Most shared trigrams first, then name position: names bucketed by count, and only the buckets the shortlist
    // reaches sorted (a large base touches tens of thousands of names; sorting them all was most of a keystroke).
    const buckets: number[][] = [];
    for (const i of touched) {
      const count = shared[i]!;
      shared[i] = 0;
      if (count >= needed) (buckets[count] ??= []).push(i);
    }
    const shortlisted: number[] = [];
    for (let count = buckets.length - 1; count >= needed && shortlisted.length < MAX_SHORTLIST; count--) {
      const bucket = buckets[count];
      if (bucket) shortlisted.push(...Uint32Array.from(bucket).sort().subarray(0, MAX_SHORTLIST - shortlisted.length));
    }
    const shortlist = shortlisted.map((i) => this.item(i));
    if (shortlist.length === 0) return [];
    return new Fuse(shortlist, this.options).search(pattern, { limit }).map((hit) => ({ item: hit.item, score: hit.score ?? 1 }));
  }
}
