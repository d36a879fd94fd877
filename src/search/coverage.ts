// The confidence gate: how much of what the question asks about does a fact actually talk about?
// Engine scores say "this is the best of what we have"; coverage says "this is what was asked".
import { stems, type WordGroup } from './analyze.ts';
import type { SearchIndex, Vocabulary } from './search-index.ts';

/**
 * A word found only in a fact's body counts for this much; in its title, aliases or tags, fully.
 * Curated names are the strong signal: one stray word of a long text must not make an answer.
 */
export const BODY_ONLY_CREDIT = 0.5;

/**
 * A word the base never uses, even after spelling correction, says the question is about something else
 * ("Docker", "ESXi", "Windows 11"): it weighs this many times a word found in a single fact.
 */
export const UNSEEN_WORD_WEIGHT = 2;

/** IDF of a word group: rare words weigh more; a word the base never uses weighs most. */
export function groupWeight(index: SearchIndex, group: WordGroup): number {
  const n = index.factCount;
  const known = group.terms.map((t) => index.documentFrequency.get(t)).filter((df): df is number => df !== undefined);
  if (known.length === 0) return UNSEEN_WORD_WEIGHT * Math.log((n + 1) / 1.5);
  return Math.log((n + 1) / (Math.max(...known) + 0.5));
}

/**
 * A group is covered when one of its words or terms (stems) is in the vocabulary. Typos were corrected before
 * (spelling.ts), so no fuzziness here: a near miss on a real word ("pare" for "part") is a different word.
 * A compound ("pare-feu") needs its joined form or every part: one shared half proves nothing.
 */
function covers(group: WordGroup, vocabulary: Vocabulary): boolean {
  if (group.compound) {
    const { parts, joined } = group.compound;
    return vocabulary.words.has(joined) || parts.every((part) => vocabulary.words.has(part) || stems(part).some((t) => vocabulary.terms.has(t)));
  }
  return group.words.some((w) => vocabulary.words.has(w)) || group.terms.some((t) => vocabulary.terms.has(t));
}

/** The question's word groups with their IDF weights: computed once per question, used for every candidate. */
export interface WeightedGroup {
  group: WordGroup;
  weight: number;
}

export function weighGroups(index: SearchIndex, groups: readonly WordGroup[]): WeightedGroup[] {
  return groups.map((group) => ({ group, weight: groupWeight(index, group) }));
}

/** IDF-weighted share of the question's words that the fact covers, 0..1. */
export function coverage(index: SearchIndex, question: readonly WeightedGroup[], factId: string): number {
  const vocabulary = index.factVocabulary.get(factId);
  let all = 0;
  let hit = 0;
  for (const { group, weight } of question) {
    all += weight;
    if (!vocabulary) continue;
    const credit = covers(group, vocabulary.names) ? 1 : covers(group, vocabulary.all) ? BODY_ONLY_CREDIT : 0;
    hit += weight * credit;
  }
  return all > 0 ? hit / all : 0;
}
