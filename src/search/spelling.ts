// Spelling correction of question words against the words the knowledge base actually uses.
import { stems, type WordGroup } from './analyze.ts';
import { digitsOf, editDistance, typoAllowance } from './edit-distance.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Best dictionary word within the typo allowance: closest first, then the most frequent, then alphabetical, so the
 * choice never depends on the order the dictionary happens to list words in (a restored snapshot lists them differently).
 */
export function correctWord(index: SearchIndex, word: string): string | undefined {
  const allowance = typoAllowance(word);
  if (allowance === 0) return undefined;
  let best: { word: string; distance: number; frequency: number } | undefined;
  // The radix tree finds Levenshtein neighbours; one more edit lets transpositions ("mdoe") through to the OSA check.
  for (const [candidate, [frequency]] of index.vocabulary.fuzzyGet(word, allowance + 1)) {
    if (digitsOf(candidate) !== digitsOf(word)) continue;
    const distance = editDistance(word, candidate, allowance);
    if (distance > allowance || distance === 0) continue;
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance && (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)));
    if (better) {
      best = { word: candidate, distance, frequency };
    }
  }
  return best?.word;
}

/** A word group whose terms are all unknown to the index gets the terms of its corrected spelling added. */
export function correctGroup(index: SearchIndex, group: WordGroup): WordGroup {
  if (group.terms.some((t) => index.documentFrequency.has(t))) return group;
  const corrections = group.words.map((w) => correctWord(index, w)).filter((w): w is string => w !== undefined);
  if (corrections.length === 0) return group;
  return {
    ...group,
    words: [...new Set([...group.words, ...corrections])],
    terms: [...new Set([...group.terms, ...corrections.flatMap((w) => stems(w))])],
  };
}
