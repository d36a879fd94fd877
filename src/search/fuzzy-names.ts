// Fuzzy matching of a short string against fact names: trigrams shortlist plausible names, fuse.js scores them.
// fuse.js alone scans all ~3,000 names with Bitap on every keystroke (10–20 ms); the shortlist keeps its
// typo tolerance at a fraction of the cost (npm run bench).
import Fuse, { type IFuseOptions } from 'fuse.js';

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

function trigrams(text: string): string[] {
  const padded = `^${text}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Trigram → positions of the names that contain it. */
export type TrigramPostings = Array<[string, number[]]>;

export class FuzzyNames<T> {
  private readonly postings: Map<string, number[]>;

  /** `postings` come from `trigramPostings()` of the same items when restored from a snapshot. */
  constructor(
    private readonly items: readonly T[],
    keyOf: (item: T) => string,
    private readonly options: IFuseOptions<T>,
    postings?: TrigramPostings,
  ) {
    this.postings = new Map(postings);
    if (postings) return;
    items.forEach((item, i) => {
      for (const gram of trigrams(keyOf(item))) {
        const list = this.postings.get(gram);
        if (list) list.push(i);
        else this.postings.set(gram, [i]);
      }
    });
  }

  trigramPostings(): TrigramPostings {
    return [...this.postings];
  }

  search(pattern: string, limit: number): Array<FuzzyHit<T>> {
    // Trigrams most names share ("ion", "^pv") say little about which name was meant, and walking their lists
    // cost more than the rest of a question in a large base: they are left out, unless nothing else is left.
    const all = trigrams(pattern);
    const common = Math.max(this.items.length * COMMON_TRIGRAM_SHARE, COMMON_TRIGRAM_FLOOR);
    const informative = all.filter((gram) => (this.postings.get(gram)?.length ?? 0) <= common);
    const grams = informative.length > 0 ? informative : all;
    // Counting in a typed array: in a large base a common trigram is shared by tens of thousands of names.
    const shared = new Uint16Array(this.items.length);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const i of this.postings.get(gram) ?? []) {
        const count = shared[i]!;
        if (count === 0) touched.push(i);
        shared[i] = count + 1;
      }
    }
    const needed = Math.max(1, Math.ceil(grams.length * MIN_SHARED_TRIGRAMS));
    const shortlist = touched
      .filter((i) => shared[i]! >= needed)
      .sort((a, b) => shared[b]! - shared[a]! || a - b)
      .slice(0, MAX_SHORTLIST)
      .map((i) => this.items[i]!);
    if (shortlist.length === 0) return [];
    return new Fuse(shortlist, this.options).search(pattern, { limit }).map((hit) => ({ item: hit.item, score: hit.score ?? 1 }));
  }
}
