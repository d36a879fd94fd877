// BM25 over typed arrays. It scores as MiniSearch did here (BM25+ with k 1.2, b 0.7, d 0.5; IDF per field; field
// boosts; the sum multiplied by how many query terms matched; the same up to the rounding of sums added in another
// order), but keeps postings in flat arrays instead of an
// object per document and term: on a base 100 times this one MiniSearch spent most of each question allocating and
// collecting those objects (npm run bench). tests/search/bm25.test.ts checks the scores against MiniSearch's.

import { SortedStrings } from './sorted-strings.ts';

const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface Bm25Hit {
  id: string;
  score: number;
}

/** A document as analysed terms per field, in the index's field order; repeated terms count as frequency. */
export interface Bm25Document {
  id: string;
  fields: ReadonlyArray<readonly string[]>;
}

/** What a snapshot keeps of the index: typed arrays as they are, and the term list it shares with the search index. */
export interface Bm25Parts {
  ids: readonly string[];
  boosts: readonly number[];
  averageLengths: readonly number[];
  fields: readonly FieldPostings[];
}

export interface FieldPostings {
  /** Postings of term t are docs[start[t]] … docs[start[t + 1] - 1], with their frequencies. */
  start: Uint32Array;
  docs: Uint32Array;
  frequencies: Uint16Array;
  /** Distinct terms of each document in this field. */
  lengths: Uint32Array;
}

/** The k-th largest of `values` (1-based), with a min-heap of k: O(n log k) instead of sorting everything. */
function kthLargest(values: readonly number[], k: number): number {
  const heap: number[] = [];
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left]! < heap[smallest]!) smallest = left;
      if (right < heap.length && heap[right]! < heap[smallest]!) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  };
  for (const value of values) {
    if (heap.length < k) {
      heap.push(value);
      for (let i = heap.length - 1; i > 0 && heap[(i - 1) >> 1]! > heap[i]!; i = (i - 1) >> 1) {
        [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1]!, heap[i]!];
      }
    } else if (value > heap[0]!) {
      heap[0] = value;
      siftDown(0);
    }
  }
  return heap[0]!;
}

/** Below this many postings, walking them all is cheaper than deciding which to skip (tests/perf, A/B). */
const PRUNE_FROM_POSTINGS = 4000;
/** Bounds are rounded up by this share, and the bar down by BAR_SLACK: sums added in another order differ in their
 * last bits, and a document must never be dropped by a rounding error. */
const BOUND_SLACK = 1 + 1e-9;
const BAR_SLACK = 1 - 1e-12;
/** The bar is taken among the first this many times `limit` documents found (see bar()). */
const BAR_SAMPLE = 8;

/** A query term as scored in one field: its postings and the factors of its BM25 formula there. */
interface TermField {
  field: FieldPostings;
  from: number;
  to: number;
  idf: number;
  norm: Float64Array;
  boost: number;
}

export class Bm25Index {
  /** Per-question scratch space, reused: a question allocates nothing per matching document. */
  private readonly total: Float64Array;
  private readonly matchedTerms: Uint16Array;
  /** Documents still in the running while the pruned search looks them up (1), or not (0). */
  private readonly alive: Uint8Array;
  /** The last term (by a counter) that matched each document: a term counts once however many fields have it. */
  private readonly lastTerm: Uint32Array;
  private termCounter = 0;
  /** Per field, each document's length part of the BM25 denominator, K × (1 − B + B × length / average). */
  private norms?: Float64Array[];
  /** The most a term adds to one document's sum (NaN until a question uses it): the index never changes, so kept. */
  private bounds?: Float64Array;
  private positions?: Map<string, number>;

  private constructor(
    /** Term ids are positions in this list, shared with the rest of the search index. */
    private readonly terms: SortedStrings,
    private readonly ids: readonly string[],
    private readonly boosts: readonly number[],
    private readonly averageLengths: readonly number[],
    private readonly fields: readonly FieldPostings[],
  ) {
    this.total = new Float64Array(ids.length);
    this.matchedTerms = new Uint16Array(ids.length);
    this.alive = new Uint8Array(ids.length);
    this.lastTerm = new Uint32Array(ids.length);
  }

  /** `terms` must hold every term of the documents; by default, exactly those. */
  static build(documents: readonly Bm25Document[], boosts: readonly number[], terms = SortedStrings.of(documents.flatMap((d) => d.fields.flat()))): Bm25Index {
    const idsOf = (list: readonly string[]) =>
      list.map((term) => {
        const id = terms.idOf(term);
        if (id < 0) throw new Error(`term "${term}" is missing from the term list`);
        return id;
      });
    return Bm25Index.buildFromIds(
      documents.map((d) => d.id),
      documents.map((d) => boosts.map((_, f) => idsOf(d.fields[f] ?? []))),
      boosts,
      terms,
    );
  }

  /**
   * The same from term ids: `documents[d][f]` lists the ids (positions in `terms`) of document d's terms in field f,
   * repeated terms counting as frequency. A build looks each distinct word up once instead of at every occurrence.
   */
  static buildFromIds(ids: readonly string[], documents: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>, boosts: readonly number[], terms: SortedStrings): Bm25Index {
    const termCount = terms.size;
    // Occurrences of each term in the current document and field, reset after each: no Map per document.
    const counts = new Uint32Array(termCount);
    const fields = boosts.map((_, f) => {
      // (term, doc, frequency) triples in document order, grouped by term at the end.
      const postings: number[] = [];
      const lengths = new Uint32Array(documents.length);
      let average = 0;
      documents.forEach((doc, d) => {
        const list = doc[f] ?? [];
        const distinct: number[] = [];
        for (let i = 0; i < list.length; i++) {
          const t = list[i]!;
          // A typed array ignores a wrong index silently: a term lost from the index would be a wrong answer later.
          if (!(t >= 0 && t < termCount && t === Math.floor(t))) throw new Error(`term id ${t} is not in the term list`);
          if (counts[t] === 0) distinct.push(t);
          counts[t]!++;
        }
        lengths[d] = distinct.length;
        average = (average * d + distinct.length) / (d + 1); // as MiniSearch averages, to the last bit
        // Frequencies are kept in 16 bits: a word repeated more than 65,535 times in one field scores as 65,535.
        for (const t of distinct) {
          postings.push(t, d, Math.min(counts[t]!, 0xffff));
          counts[t] = 0;
        }
      });
      return { postings, lengths, average };
    });
    const compiled = fields.map(({ postings, lengths }) => {
      const start = new Uint32Array(termCount + 1);
      for (let i = 0; i < postings.length; i += 3) start[postings[i]! + 1]!++;
      for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
      const docs = new Uint32Array(postings.length / 3);
      const frequencies = new Uint16Array(postings.length / 3);
      const next = start.slice(0, termCount);
      for (let i = 0; i < postings.length; i += 3) {
        const at = next[postings[i]!]!++;
        docs[at] = postings[i + 1]!;
        frequencies[at] = postings[i + 2]!;
      }
      return { start, docs, frequencies, lengths };
    });
    return new Bm25Index(
      terms,
      ids,
      boosts,
      fields.map((f) => f.average),
      compiled,
    );
  }

  static fromParts(terms: SortedStrings, parts: Bm25Parts): Bm25Index {
    return new Bm25Index(terms, parts.ids, parts.boosts, parts.averageLengths, parts.fields);
  }

  termList(): SortedStrings {
    return this.terms;
  }

  parts(): Bm25Parts {
    return { ids: this.ids, boosts: this.boosts, averageLengths: this.averageLengths, fields: this.fields };
  }

  /**
   * Documents matching any of the terms, best first; each term counts once. With a `limit`, only the best `limit`
   * and any tied with the last of them (a common word matches thousands of facts nobody will look at), plus the
   * documents in `include` that match at all.
   */
  search(queryTerms: readonly string[], limit = Number.POSITIVE_INFINITY, include?: ReadonlySet<string>): Bm25Hit[] {
    const termIds = [...new Set(queryTerms)].map((term) => this.terms.idOf(term)).filter((t) => t >= 0);
    const included = include ? [...include].map((id) => this.positionOf(id)).filter((d) => d >= 0) : [];
    const postings = termIds.reduce((n, t) => n + this.fields.reduce((m, field) => m + field.start[t + 1]! - field.start[t]!, 0), 0);
    const touched = Number.isFinite(limit) && postings > PRUNE_FROM_POSTINGS ? this.scorePruned(termIds, limit, included) : this.scoreAll(termIds);
    const { total, matchedTerms } = this;
    // A document's score is its sum times the number of query terms it matched (MiniSearch's OR).
    const scores = touched.map((d) => total[d]! * matchedTerms[d]!);
    // A limit below 1 keeps only the included documents.
    const threshold = limit < 1 ? Number.POSITIVE_INFINITY : scores.length > limit ? kthLargest(scores, limit) : Number.NEGATIVE_INFINITY;
    const hits: Bm25Hit[] = [];
    touched.forEach((d, i) => {
      const id = this.ids[d]!;
      if (matchedTerms[d]! > 0 && (scores[i]! >= threshold || include?.has(id))) hits.push({ id, score: scores[i]! });
      total[d] = 0;
      matchedTerms[d] = 0;
      this.alive[d] = 0;
    });
    return hits.sort((a, b) => b.score - a.score);
  }

  /** Scores every document matching a term into `total` and `matchedTerms`; returns them. */
  private scoreAll(termIds: readonly number[]): number[] {
    const touched: number[] = [];
    for (const t of termIds) this.addTerm(t, touched);
    return touched;
  }

  /**
   * The same scores for every document that can be among the best `limit` or tie with the last (and the included
   * ones), without walking every posting of common words. Terms go from the one that can add most to the least;
   * once even a document matching all the terms left could not reach the `limit`-th best score so far, no new
   * document can make the list, and the terms left are only looked up for the documents still in the running
   * (MaxScore, as search engines prune: Turtle and Flood, 1995). A document's score never falls as terms are
   * added, so the score so far of the `limit`-th best is a safe bar; bounds include the coordination factor. The
   * documents kept are those scoring every posting keeps; their scores may differ in the last bits (terms added
   * in another order), which only matters to exact ties, and rank.ts breaks ties by id.
   */
  private scorePruned(termIds: readonly number[], limit: number, included: readonly number[]): number[] {
    const { total, matchedTerms, alive } = this;
    const order = termIds.map((t) => ({ t, bound: this.termBound(t) })).sort((a, b) => b.bound - a.bound);
    // left[i]: the most the terms from i on can add to one document's sum.
    const left = new Float64Array(order.length + 1);
    for (let i = order.length - 1; i >= 0; i--) left[i] = left[i + 1]! + order[i]!.bound;
    const touched: number[] = [];
    for (const d of included) {
      if (alive[d]) continue;
      alive[d] = 1;
      touched.push(d);
    }
    let i = 0;
    // Phase 1: every posting counts, while a document no term has matched yet could still make the list.
    for (; i < order.length; i++) {
      const untouched = left[i]! * (order.length - i);
      // No score so far exceeds what the terms done can add times their number: below that, the bar need not be
      // computed to know a new document could still reach it.
      const most = limit < 1 ? Number.POSITIVE_INFINITY : (left[0]! - left[i]!) * i;
      if (untouched < most && untouched < (limit < 1 ? most : this.bar(touched, limit) * BAR_SLACK)) break;
      this.addTerm(order[i]!.t, touched);
    }
    if (i === order.length) return touched;
    // Phase 2: only documents already found can still make it; drop those that cannot, look the rest up.
    const forced = new Set(included);
    let running = touched.filter((d) => matchedTerms[d]! > 0 || alive[d]);
    for (const d of running) alive[d] = 1;
    for (; i < order.length; i++) {
      const bar = limit < 1 ? Number.POSITIVE_INFINITY : this.bar(running, limit) * BAR_SLACK;
      const more = order.length - i;
      running = running.filter((d) => {
        const keep = forced.has(d) || (total[d]! + left[i]!) * (matchedTerms[d]! + more) >= bar;
        if (!keep) alive[d] = 0;
        return keep;
      });
      this.lookUpTerm(order[i]!.t, running);
    }
    return touched;
  }

  /** The `limit`-th best score so far among `docs` (−∞ while fewer have matched). */
  private bar(docs: readonly number[], limit: number): number {
    const { total, matchedTerms } = this;
    const scores: number[] = [];
    // The `limit`-th best of some of the documents is no higher than that of all of them, so still a safe bar: the
    // first found (by the terms that can add most) are the likeliest best, and a long question need not sort
    // thousands of partial scores at every term.
    const sample = Math.min(docs.length, BAR_SAMPLE * limit);
    for (let i = 0; i < sample; i++) {
      const d = docs[i]!;
      if (matchedTerms[d]! > 0) scores.push(total[d]! * matchedTerms[d]!);
    }
    return scores.length >= limit ? kthLargest(scores, limit) : Number.NEGATIVE_INFINITY;
  }

  /** Term t as scored in each field where some document has it. */
  private termFields(t: number): TermField[] {
    const count = this.ids.length;
    const norms = (this.norms ??= this.fields.map((field, f) => {
      const average = this.averageLengths[f]!;
      return Float64Array.from(field.lengths, (length) => K * (1 - B + (B * length) / average));
    }));
    const out: TermField[] = [];
    this.fields.forEach((field, f) => {
      const from = field.start[t]!;
      const to = field.start[t + 1]!;
      const matching = to - from;
      if (matching === 0) return;
      const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
      out.push({ field, from, to, idf, norm: norms[f]!, boost: this.boosts[f]! });
    });
    return out;
  }

  /** What the posting at p adds in one field (BM25+). */
  private static weight(tf: TermField, p: number): number {
    const frequency = tf.field.frequencies[p]!;
    return tf.boost * tf.idf * (D + (frequency * (K + 1)) / (frequency + tf.norm[tf.field.docs[p]!]!));
  }

  /** Adds term t to every document that has it, recording newly matched documents in `touched`. */
  private addTerm(t: number, touched: number[]): void {
    const { total, matchedTerms, lastTerm, alive } = this;
    const stamp = this.nextTermStamp();
    for (const tf of this.termFields(t)) {
      const docs = tf.field.docs;
      for (let p = tf.from; p < tf.to; p++) {
        const d = docs[p]!;
        if (lastTerm[d] !== stamp) {
          lastTerm[d] = stamp;
          if (matchedTerms[d] === 0 && !alive[d]) touched.push(d);
          matchedTerms[d]!++;
        }
        total[d]! += Bm25Index.weight(tf, p);
      }
    }
  }

  private nextTermStamp(): number {
    if (this.termCounter === 0xffffffff) {
      this.lastTerm.fill(0);
      this.termCounter = 0;
    }
    return ++this.termCounter;
  }

  /** Adds term t to the documents in `docs` only: binary searches when they are few next to its postings. */
  private lookUpTerm(t: number, docs: readonly number[]): void {
    const { total, matchedTerms, alive, lastTerm } = this;
    const stamp = this.nextTermStamp();
    const add = (d: number, tf: TermField, p: number) => {
      if (lastTerm[d] !== stamp) {
        lastTerm[d] = stamp;
        matchedTerms[d]!++;
      }
      total[d]! += Bm25Index.weight(tf, p);
    };
    for (const tf of this.termFields(t)) {
      const length = tf.to - tf.from;
      if (docs.length * Math.log2(length + 1) < length) {
        for (const d of docs) {
          const p = findDoc(tf.field.docs, tf.from, tf.to, d);
          if (p >= 0) add(d, tf, p);
        }
      } else {
        for (let p = tf.from; p < tf.to; p++) if (alive[tf.field.docs[p]!]) add(tf.field.docs[p]!, tf, p);
      }
    }
  }

  /** The most term t adds to one document: each field's best posting, summed (computed once, then kept). */
  private termBound(t: number): number {
    const bounds = (this.bounds ??= new Float64Array(this.terms.size).fill(Number.NaN));
    const known = bounds[t]!;
    if (!Number.isNaN(known)) return known;
    let bound = 0;
    for (const tf of this.termFields(t)) {
      let best = 0;
      for (let p = tf.from; p < tf.to; p++) best = Math.max(best, Bm25Index.weight(tf, p));
      bound += best;
    }
    bounds[t] = bound * BOUND_SLACK;
    return bounds[t]!;
  }

  private positionOf(id: string): number {
    this.positions ??= new Map(this.ids.map((docId, d) => [docId, d]));
    return this.positions.get(id) ?? -1;
  }
}

/** Where document d is in the ascending run docs[from … to), or −1. */
function findDoc(docs: Uint32Array, from: number, to: number, d: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid]!;
    if (v === d) return mid;
    if (v < d) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}
