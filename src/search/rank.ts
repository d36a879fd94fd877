// Hybrid ranking: an exact name wins outright; otherwise BM25 over all fields, nudged by fuzzy name matches.
import { nameKey } from '../text/fold.ts';
import { analyze } from './analyze.ts';
import { stripQuestionFrame } from './question-frame.ts';
import type { SearchIndex } from './search-index.ts';
import { coverage, weighGroups, type WeightedGroup } from './coverage.ts';
import { correctGroup } from './spelling.ts';

export interface Candidate {
  factId: string;
  /** Combined score, relative: 1 is the best BM25 hit of this question. */
  score: number;
  /** Weighted coverage of the question by this fact (see coverage.ts); computed for the re-scored head only. */
  coverage?: number;
}

export interface Ranking {
  /** The question's content words after spelling correction, with their weights. */
  groups: WeightedGroup[];
  /** The fact whose id, title or alias the question is (once "what is …?" is stripped), if any. */
  exact?: string;
  candidates: Candidate[];
}

/** Word groups beyond this are ignored: a 100 KB paste is not a question, and must stay fast. */
export const MAX_QUERY_GROUPS = 48;
/** fuse.js's Bitap matcher works on patterns of up to 32 characters. */
const FUSE_MAX_PATTERN = 32;
/** Weight of a fuzzy name match next to the normalised BM25 score (measured with npm run eval). */
export const FUZZY_NAME_WEIGHT = 0.5;
/** How many of the best BM25 hits are re-scored by coverage, and the share of the score coverage cannot take away. */
const RERANK_DEPTH = 10;
const RERANK_FLOOR = 0.5;
/** Candidates kept after ranking: the answer, the runner-up and suggestions never need more. */
export const MAX_CANDIDATES = 50;
/** fuse.js scores run from 0 (perfect) to 1; above this a name match is noise. */
const FUZZY_NAME_MAX_SCORE = 0.3;

/** The question as a name: "What is PVH?" → "pvh". */
function nameOf(question: string): string {
  return nameKey(stripQuestionFrame(question));
}

function fuzzyNameScores(index: SearchIndex, key: string): Map<string, number> {
  const scores = new Map<string, number>();
  if (key.length < 3 || key.length > FUSE_MAX_PATTERN) return scores;
  for (const hit of index.fuzzyNames.search(key, 20)) {
    const score = hit.score;
    if (score > FUZZY_NAME_MAX_SCORE) continue;
    const closeness = 1 - score / FUZZY_NAME_MAX_SCORE;
    scores.set(hit.item.factId, Math.max(scores.get(hit.item.factId) ?? 0, closeness));
  }
  return scores;
}

/** Best score first; equal scores in id order (code-unit order: cheap, and the same on every machine). */
function byScoreThenId(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);
}

export function rank(index: SearchIndex, question: string): Ranking {
  const corrected = analyze(question, { forQuery: true, maxGroups: MAX_QUERY_GROUPS }).map((g) => correctGroup(index, g));
  const groups = weighGroups(index, corrected);
  const name = nameOf(question);
  const exact = name ? index.exactNames.get(name) : undefined;
  const queryTerms = [...new Set(corrected.flatMap((g) => g.terms))];

  // Measured (npm run eval): fuzzy names add about one point of top-1, mostly typos that are real words
  // ("pont releases"). Long questions skip them: fuse.js patterns stop at 32 characters.
  const fuzzy = fuzzyNameScores(index, name);
  const combined = new Map<string, number>();
  if (queryTerms.length > 0) {
    // Only the best BM25 hits can make the list, and the fuzzy matches, which need their BM25 score too.
    const hits = index.bm25.search(queryTerms, MAX_CANDIDATES, new Set(fuzzy.keys()));
    const top = hits[0]?.score ?? 0;
    for (const hit of hits) combined.set(hit.id, top > 0 ? hit.score / top : 0);
  }
  for (const [factId, closeness] of fuzzy) {
    combined.set(factId, (combined.get(factId) ?? 0) + FUZZY_NAME_WEIGHT * closeness);
  }

  // BM25 rewards repeating a word; coverage rewards answering every part of the question, in curated names
  // first. Re-scoring the head of the list by coverage gained two points of top-1 (npm run eval).
  // A large base matches thousands of facts on common words: only the best are sorted in full and kept.
  const byScore = [...combined].map(([factId, score]) => ({ factId, score })).sort(byScoreThenId).slice(0, MAX_CANDIDATES);
  const head = byScore.slice(0, RERANK_DEPTH).map((c): Candidate => {
    const covered = coverage(index, groups, c.factId);
    return { factId: c.factId, score: c.score * (RERANK_FLOOR + (1 - RERANK_FLOOR) * covered), coverage: covered };
  });
  const candidates: Candidate[] = [...head, ...byScore.slice(RERANK_DEPTH)].sort(byScoreThenId);
  if (exact) {
    // Exact beats fuzzy: the named fact goes first whatever the scores say.
    const rest = candidates.filter((c) => c.factId !== exact);
    candidates.splice(0, candidates.length, { factId: exact, score: Math.max(1, candidates[0]?.score ?? 1) }, ...rest);
  }
  return { groups, exact, candidates };
}
