// The search index as data: sorted string lists, typed arrays and a few plain lists. This is what a snapshot writes
// and reads back as it is (src/snapshot/), and what search-index.ts wraps for the engine.
import type { Bm25Parts } from './bm25.ts';
import type { ErrorTemplate } from './error-match.ts';
import type { Postings } from './postings.ts';
import type { FactTraits } from './search-index.ts';
import type { SortedStrings } from './sorted-strings.ts';
import type { SpellingTrie } from './spelling-dictionary.ts';
import type { StringColumn } from './string-column.ts';

/** A name's kind is stored as its position here, in the low two bits; bit 2 says French. */
export const NAME_KINDS = ['title', 'alias', 'reference'] as const;

/** How a picker ranks names of equal match: titles before aliases, then the asker's language. Lower is better. */
export function namePenalty(kindBits: number, language: 'en' | 'fr'): number {
  return (NAME_KINDS[kindBits & 3] === 'title' ? 0 : 2) + ((kindBits & 4 ? 'fr' : 'en') === language ? 0 : 1);
}

export interface IndexData {
  /** Fact ids in the base's order: a fact's position is its number everywhere below. */
  readonly factIds: readonly string[];
  /** Every index term (stem) of the base: a term's position is its id. */
  readonly terms: SortedStrings;
  /** By term id: in how many facts it appears. */
  readonly documentFrequency: Uint32Array;
  readonly bm25: Bm25Parts;
  /** Every folded surface word of the base, and in how many facts each appears: the spelling dictionary. */
  readonly words: SortedStrings;
  readonly wordFrequency: Uint32Array;
  /** The same words as a letter trie, for the spelling walk. */
  readonly spellingTrie: SpellingTrie;
  /** By fact: the ids of the terms and words of all its fields, and of its curated names (title, aliases, tags) alone. */
  readonly factTerms: Postings;
  readonly curatedTerms: Postings;
  readonly factWords: Postings;
  readonly curatedWords: Postings;
  /** The names facts answer to, as columns: text, fact position, kind and language bits (see NAME_KINDS). */
  readonly names: { readonly text: StringColumn; readonly fact: Uint32Array; readonly kind: Uint8Array };
  /** For completion: the distinct nameKeys of names → name positions, and the distinct words of names → name positions. */
  readonly completionKeys: SortedStrings;
  readonly completionKeyNames: Postings;
  readonly completionWords: SortedStrings;
  readonly completionWordNames: Postings;
  /** By name position: the id of its nameKey in completionKeys, so "starts with" is a range test on a number. */
  readonly nameKeyIds: Uint32Array;
  /** Name positions in the order a picker lists equally ranked names, per asker's language (titles, then the
   * asker's language, then shorter names); and reference names by length and name. */
  readonly pickerOrder: { readonly en: Uint32Array; readonly fr: Uint32Array };
  readonly referenceOrder: Uint32Array;
  /** nameKey of ids, titles and aliases → fact position. */
  readonly exactKeys: SortedStrings;
  readonly exactFacts: Uint32Array;
  /** wordBagKey of titles and aliases → fact position, for keys only one fact's names have. */
  readonly bagKeys: SortedStrings;
  readonly bagFacts: Uint32Array;
  /** Trigrams of folded names → name positions: the fuzzy matcher's shortlist. */
  readonly trigrams: SortedStrings;
  readonly trigramNames: Postings;
  /** referenceKey of reference names → fact positions. */
  readonly referenceKeys: SortedStrings;
  readonly referenceFacts: Postings;
  readonly errorTemplates: readonly ErrorTemplate[];
  /** The stems of every word of the base, by word (sorted), space-separated: a question made of the base's words needs no stemmer. */
  readonly stemWords: SortedStrings;
  readonly stems: StringColumn;
  /** By fact position. */
  readonly traits: readonly FactTraits[];
}
