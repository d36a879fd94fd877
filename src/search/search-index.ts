// Builds, once at start-up, everything a question is matched against: a BM25 index, fact names, a vocabulary.
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Fact } from '../knowledge/schema.ts';
import { foldAccents, nameKey } from '../text/fold.ts';
import { analyze } from './analyze.ts';
import { FuzzyNames } from './fuzzy-names.ts';
import { stripQuestionFrame } from './question-frame.ts';

/** One name a fact answers to, as shown to users (title or alias) and as compared (folded). */
export interface FactName {
  factId: string;
  name: string;
  folded: string;
  /** The name's words, folded: for word-prefix completion ("virt imb" → "virtualisation imbriquée"). */
  words: readonly string[];
  kind: 'title' | 'alias';
  language: 'en' | 'fr';
}

export interface SearchIndex {
  /** How many facts are indexed, for IDF weights. */
  readonly factCount: number;
  readonly bm25: MiniSearch<IndexedFact>;
  /** nameKey(id | title | alias) → fact id: the exact-match table. */
  readonly exactNames: ReadonlyMap<string, string>;
  readonly names: readonly FactName[];
  /** Fuzzy matcher over short names only: fuse.js is at its best there, and whole sentences exceed its 32-char pattern. */
  readonly fuzzyNames: FuzzyNames<FactName>;
  /** What each fact says, for the coverage gate: all its fields, and its curated names alone. */
  readonly factVocabulary: ReadonlyMap<string, { all: Vocabulary; names: Vocabulary }>;
  /** In how many facts each term appears, for IDF weights. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** Folded surface words seen in the base, with their frequency: the dictionary for spelling correction. */
  readonly vocabulary: SearchableMap<number>;
}

/** Index terms (stems) and folded surface words of a piece of text. */
export interface Vocabulary {
  terms: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

function vocabularyOf(text: string): { terms: Set<string>; words: Set<string> } {
  const terms = new Set<string>();
  const words = new Set<string>();
  for (const group of analyze(text)) {
    for (const term of group.terms) terms.add(term);
    for (const word of group.words) words.add(word);
  }
  return { terms, words };
}

interface IndexedFact {
  id: string;
  title: string;
  aliases: string;
  text: string;
  tags: string;
}

/** Field weights: measured on the evaluation set (npm run eval); titles and aliases are the curated signal. */
export const FIELD_BOOST = { title: 2, aliases: 1.5, text: 1, tags: 1 } as const;

function tokenizeForIndex(text: string): string[] {
  return analyze(text).flatMap((g) => g.terms);
}

function fieldsOf(fact: Fact): IndexedFact {
  return {
    id: fact.id,
    title: `${fact.title.en} \n ${fact.title.fr}`,
    aliases: [...fact.aliases.en, ...fact.aliases.fr].join(' \n '),
    text: `${fact.text.en} \n ${fact.text.fr ?? ''}`,
    tags: [fact.id, ...fact.tags].join(' '),
  };
}

export function nameWords(name: string): string[] {
  return foldAccents(name).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
}

export function buildSearchIndex(facts: readonly Fact[]): SearchIndex {
  const bm25 = new MiniSearch<IndexedFact>({
    fields: ['title', 'aliases', 'text', 'tags'],
    tokenize: tokenizeForIndex,
    processTerm: (term) => term, // terms arrive fully analysed
    searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, boost: FIELD_BOOST },
  });
  const documents = facts.map(fieldsOf);
  bm25.addAll(documents);

  const factVocabulary = new Map<string, { all: Vocabulary; names: Vocabulary }>();
  const documentFrequency = new Map<string, number>();
  const vocabulary = new SearchableMap<number>();
  for (const doc of documents) {
    const all = vocabularyOf([doc.title, doc.aliases, doc.text, doc.tags].join(' \n '));
    const names = vocabularyOf([doc.title, doc.aliases, doc.tags].join(' \n '));
    for (const word of all.words) vocabulary.update(word, (n = 0) => n + 1);
    for (const term of all.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    factVocabulary.set(doc.id, { all, names });
  }

  const names: FactName[] = [];
  const exactNames = new Map<string, string>();
  for (const fact of facts) {
    exactNames.set(nameKey(fact.id), fact.id);
    const add = (name: string, kind: FactName['kind'], language: FactName['language']) => {
      names.push({ factId: fact.id, name, folded: nameKey(name), words: nameWords(name), kind, language });
      exactNames.set(nameKey(name), fact.id);
    };
    add(fact.title.en, 'title', 'en');
    add(fact.title.fr, 'title', 'fr');
    for (const alias of fact.aliases.en) add(alias, 'alias', 'en');
    for (const alias of fact.aliases.fr) add(alias, 'alias', 'fr');
  }
  // A title reads "Nested virtualisation in Xen 4.4"; people type "nested virtualisation". Names are also
  // known without the frame questions get stripped of, unless that shorter form already names another fact.
  for (const { factId, name } of [...names]) {
    const bare = nameKey(stripQuestionFrame(name));
    if (bare && !exactNames.has(bare)) exactNames.set(bare, factId);
  }
  const fuzzyNames = new FuzzyNames(names, (n) => n.folded, {
    keys: ['folded'],
    includeScore: true,
    ignoreLocation: true, // a typo may sit anywhere in a long alias
    threshold: 0.34,
    minMatchCharLength: 2,
  });

  return {
    factCount: facts.length,
    bm25,
    exactNames,
    names,
    fuzzyNames,
    factVocabulary,
    documentFrequency,
    vocabulary,
  };
}
