// The words of the base with their frequencies, for spelling correction: a letter trie in four typed arrays, walked
// with one Levenshtein row per letter and left as soon as a row exceeds the allowance. Typed arrays are built once
// with the index and kept in the snapshot, where a radix tree of objects had to be rebuilt by every process that met
// a typo: seconds and hundreds of megabytes at 100 times this base (npm run bench).
import type { SortedStrings } from './sorted-strings.ts';

export interface SpellingTrie {
  /** By node: its first child, its next sibling (-1 for none), the letter (UTF-16 code unit) leading to it, and
   * the id of the word ending there (-1 for none). Node 0 is the root; siblings are in letter order. */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  letter: Uint16Array;
  word: Int32Array;
}

/** The trie of words sorted in code-unit order, as SortedStrings keeps them. */
export function spellingTrie(words: readonly string[]): SpellingTrie {
  const firstChild = [-1];
  const nextSibling = [-1];
  const letter = [0];
  const word = [-1];
  const lastChild = [-1];
  // The nodes of the previous word's path: sorted input shares its prefix with the path, and extends it.
  const path = [0];
  let previous = '';
  words.forEach((text, id) => {
    let common = 0;
    while (common < text.length && common < previous.length && text.charCodeAt(common) === previous.charCodeAt(common)) common++;
    path.length = common + 1;
    for (let depth = common; depth < text.length; depth++) {
      const parent = path[depth]!;
      const node = firstChild.length;
      firstChild.push(-1);
      nextSibling.push(-1);
      letter.push(text.charCodeAt(depth));
      word.push(-1);
      lastChild.push(-1);
      if (lastChild[parent] === -1) firstChild[parent] = node;
      else nextSibling[lastChild[parent]!] = node;
      lastChild[parent] = node;
      path.push(node);
    }
    word[path[text.length]!] = id;
    previous = text;
  });
  return { firstChild: Int32Array.from(firstChild), nextSibling: Int32Array.from(nextSibling), letter: Uint16Array.from(letter), word: Int32Array.from(word) };
}

export class SpellingDictionary {
  constructor(
    readonly words: SortedStrings,
    /** How many facts use each word, by word id. */
    readonly frequencies: Uint32Array,
    private readonly trie: SpellingTrie,
  ) {}

  /** Every word within `maxDistance` Levenshtein edits of `query`, with its frequency. */
  near(query: string, maxDistance: number): Array<[string, number]> {
    if (maxDistance === 0) {
      // The word itself or nothing: a lookup, where the walk below would go down the trie letter by letter (spelling.ts
      // asks this for every transposed spelling of a short word).
      const id = this.words.idOf(query);
      return id < 0 ? [] : [[query, this.frequencies[id]!]];
    }
    const found: Array<[string, number]> = [];
    const { firstChild, nextSibling, letter, word } = this.trie;
    const n = query.length;
    const k = maxDistance;
    const far = k + 1; // any distance beyond the allowance: only whether a cell is within it matters
    const codes = Uint16Array.from({ length: n }, (_, j) => query.charCodeAt(j));
    const first = new Uint32Array(n + 2).fill(far);
    for (let j = 0; j <= Math.min(n, k); j++) first[j] = j;
    const rows = [first];
    // Only the cells within k of the diagonal can stay within k (Ukkonen's band): 2k + 1 cells per letter, not n + 1.
    const walk = (node: number, depth: number) => {
      const previous = rows[depth]!;
      const row = (rows[depth + 1] ??= new Uint32Array(n + 2));
      const length = depth + 1;
      const lo = Math.max(1, length - k);
      const hi = Math.min(n, length + k);
      for (let child = firstChild[node]!; child !== -1; child = nextSibling[child]!) {
        const code = letter[child]!;
        row[0] = Math.min(length, far);
        row[lo - 1] = lo === 1 ? row[0]! : far;
        let best = lo === 1 ? row[0]! : far;
        for (let j = lo; j <= hi; j++) {
          const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (codes[j - 1] === code ? 0 : 1), far);
          row[j] = value;
          if (value < best) best = value;
        }
        row[hi + 1] = far;
        if (best > k) continue;
        const id = word[child]!;
        if (id >= 0 && (n === 0 ? row[0]! : n >= lo && n <= hi ? row[n]! : far) <= k) found.push([this.words.at(id), this.frequencies[id]!]);
        walk(child, length);
      }
    };
    if (word[0]! >= 0 && n <= k) found.push([this.words.at(word[0]!), this.frequencies[word[0]!]!]);
    walk(0, 0);
    return found;
  }
}
