// BM25 over typed arrays. It scores exactly as MiniSearch did here (BM25+ with k 1.2, b 0.7, d 0.5; IDF per field;
// field boosts; the sum multiplied by how many query terms matched), but keeps postings in flat arrays instead of an
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

export class Bm25Index {
  /** Per-question scratch space, reused: a question allocates nothing per matching document. */
  private readonly total: Float64Array;
  private readonly termScore: Float64Array;
  private readonly matchedTerms: Uint16Array;

  private constructor(
    /** Term ids are positions in this list, shared with the rest of the search index. */
    private readonly terms: SortedStrings,
    private readonly ids: readonly string[],
    private readonly boosts: readonly number[],
    private readonly averageLengths: readonly number[],
    private readonly fields: readonly FieldPostings[],
  ) {
    this.total = new Float64Array(ids.length);
    this.termScore = new Float64Array(ids.length);
    this.matchedTerms = new Uint16Array(ids.length);
  }

  /** `terms` must hold every term of the documents; by default, exactly those. */
  static build(documents: readonly Bm25Document[], boosts: readonly number[], terms = SortedStrings.of(documents.flatMap((d) => d.fields.flat()))): Bm25Index {
    const termCount = terms.size;
    const fields = boosts.map((_, f) => {
      // (term, doc, frequency) triples in document order, grouped by term at the end.
      const postings: number[] = [];
      const lengths = new Uint32Array(documents.length);
      let average = 0;
      documents.forEach((doc, d) => {
        const counts = new Map<number, number>();
        for (const term of doc.fields[f] ?? []) {
          const id = terms.idOf(term);
          if (id < 0) throw new Error(`term "${term}" is missing from the term list`);
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        lengths[d] = counts.size;
        average = (average * d + counts.size) / (d + 1); // as MiniSearch averages, so scores match to the last bit
        // Frequencies are kept in 16 bits: a word repeated more than 65,535 times in one field scores as 65,535.
        for (const [id, count] of counts) postings.push(id, d, Math.min(count, 0xffff));
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
      documents.map((d) => d.id),
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
    const { total, termScore, matchedTerms } = this;
    const count = this.ids.length;
    const touched: number[] = [];
    const termTouched: number[] = [];
    for (const term of new Set(queryTerms)) {
      const t = this.terms.idOf(term);
      if (t < 0) continue;
      this.fields.forEach((field, f) => {
        const from = field.start[t]!;
        const to = field.start[t + 1]!;
        const matching = to - from;
        if (matching === 0) return;
        const idf = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
        const average = this.averageLengths[f]!;
        const boost = this.boosts[f]!;
        for (let p = from; p < to; p++) {
          const d = field.docs[p]!;
          const frequency = field.frequencies[p]!;
          const raw = idf * (D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * field.lengths[d]!) / average)));
          if (termScore[d] === 0) termTouched.push(d);
          termScore[d]! += boost * raw;
        }
      });
      for (const d of termTouched) {
        if (matchedTerms[d] === 0) touched.push(d);
        matchedTerms[d]!++;
        total[d]! += termScore[d]!;
        termScore[d] = 0;
      }
      termTouched.length = 0;
    }
    const scores = touched.map((d) => total[d]! * matchedTerms[d]!);
    // A limit below 1 keeps only the included documents.
    const threshold = limit < 1 ? Number.POSITIVE_INFINITY : scores.length > limit ? kthLargest(scores, limit) : Number.NEGATIVE_INFINITY;
    const hits: Bm25Hit[] = [];
    touched.forEach((d, i) => {
      const id = this.ids[d]!;
      if (scores[i]! >= threshold || include?.has(id)) hits.push({ id, score: scores[i]! });
      total[d] = 0;
      matchedTerms[d] = 0;
    });
    return hits.sort((a, b) => b.score - a.score);
  }
}
