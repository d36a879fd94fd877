// Spelling correction of question words against the words the knowledge base actually uses.
import { stems, type WordGroup } from './analyze.ts';
import { digitsOf, editDistance, typoAllowance } from './edit-distance.ts';
import type { SearchIndex } from './search-index.ts';

/** Longer than any word worth correcting ("virtualisation" is 14, "spiceusbredirection" 19). */
const MAX_CORRECTABLE_LENGTH = 32;

/**
 * Best dictionary word within the typo allowance: closest first, then the most frequent, then alphabetical, so the
 * choice never depends on the order the dictionary happens to list words in (a restored snapshot lists them differently).
 */
export function correctWord(index: SearchIndex, word: string): string | undefined {
  const allowance = typoAllowance(word);
  // A pasted hash or a run of letters is no typo of a word, and each extra letter costs one more lookup below.
  if (allowance === 0 || word.length > MAX_CORRECTABLE_LENGTH) return undefined;
  // Dictionary words within `allowance` edits, counting an adjacent transposition ("mdoe") as one edit. The dictionary
  // walk only knows Levenshtein edits, in which a transposition costs two; searching one edit further finds those too
  // but explores far more of a large dictionary, so the transposed spellings are looked up one edit closer instead.
  const seen = new Set<string>();
  let best = closest(word, allowance, index.vocabulary.near(word, allowance), seen, undefined);
  const swapped = transpositions(word);
  for (const spelling of swapped) best = closest(word, allowance, index.vocabulary.near(spelling, 0), seen, best);
  // What a transposed spelling's walk adds beyond itself is two edits away (a word one edit away is one of the words
  // above): it cannot beat a correction one edit away, and those walks were most of a long word's cost.
  if (allowance >= 2 && !(best && best.distance <= 1)) {
    for (const spelling of swapped) best = closest(word, allowance, index.vocabulary.near(spelling, allowance - 1), seen, best);
  }
  return best?.word;
}

interface Correction {
  word: string;
  distance: number;
  frequency: number;
}

/** The best of `best` and the dictionary words `found` (see correctWord for the order); words in `seen` were checked before. */
function closest(word: string, allowance: number, found: ReadonlyArray<[string, number]>, seen: Set<string>, best: Correction | undefined): Correction | undefined {
  for (const [candidate, frequency] of found) {
    if (seen.has(candidate)) continue; // a word near several transposed spellings is checked once
    seen.add(candidate);
    if (digitsOf(candidate) !== digitsOf(word)) continue;
    const distance = editDistance(word, candidate, allowance);
    if (distance > allowance || distance === 0) continue;
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance && (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)));
    if (better) best = { word: candidate, distance, frequency };
  }
  return best;
}

/** The word with each pair of adjacent letters swapped ("mdoe" → "dmoe", "mode", "mdeo"), where that changes it. */
function transpositions(word: string): string[] {
  const spellings: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    spellings.push(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`);
  }
  return spellings;
}

/**
 * An inflected typo is often more than two edits from every inflected form the base writes ("suportées" against
 * "supporte", "supported") but one from a word once its ending is cut: its stems are corrected instead ("suport" →
 * "support"). Longer stems first; shorter stems are too easily one edit from an unrelated word ("azur", the stem of
 * "Azure", is one from "aur").
 */
const MIN_STEM_TO_CORRECT = 5;
function correctStem(index: SearchIndex, word: string): string | undefined {
  const cut = [...new Set(stems(word))].filter((t) => t !== word && t.length >= MIN_STEM_TO_CORRECT).sort((a, b) => b.length - a.length);
  for (const stem of cut) {
    const correction = correctWord(index, stem);
    if (correction) return correction;
  }
  return undefined;
}

const known = (index: SearchIndex, word: string) => stems(word).some((t) => index.documentFrequency.has(t));

/**
 * A word group gets the terms of the corrected spelling of each of its words the index does not know. A compound
 * is checked part by part and whole: in "sync_consle" the known "sync" must not hide the typo in "consle".
 */
export function correctGroup(index: SearchIndex, group: WordGroup): WordGroup {
  const unknown = group.compound ? group.words.filter((w) => !known(index, w)) : group.terms.some((t) => index.documentFrequency.has(t)) ? [] : group.words;
  if (unknown.length === 0) return group;
  const fixed = new Map(unknown.flatMap((w): Array<[string, string]> => {
    const correction = correctWord(index, w) ?? correctStem(index, w);
    return correction ? [[w, correction]] : [];
  }));
  if (fixed.size === 0) return group;
  const corrections = [...fixed.values()];
  // The compound is read with its corrected parts, so that coverage sees "sync_console" in "sync_consle".
  const compound = group.compound && {
    parts: group.compound.parts.map((p) => fixed.get(p) ?? p),
    joined: fixed.get(group.compound.joined) ?? group.compound.joined,
  };
  return {
    ...group,
    words: [...new Set([...group.words, ...corrections])],
    terms: [...new Set([...group.terms, ...corrections.flatMap((w) => stems(w))])],
    ...(compound ? { compound } : {}),
  };
}
