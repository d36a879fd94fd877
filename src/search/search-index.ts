// Builds, once at start-up, everything a question is matched against: a BM25 index, fact names, a vocabulary.
import SearchableMap from 'minisearch/SearchableMap';
import type { Fact, Intent, Scope } from '../knowledge/schema.ts';
import { foldAccents, nameKey, referenceNameKeys } from '../text/fold.ts';
import { analyze, type WordGroup } from './analyze.ts';
import { Bm25Index, type Bm25Snapshot } from './bm25.ts';
import { compileErrorTemplate, type ErrorTemplate } from './error-match.ts';
import { FuzzyNames, type TrigramPostings } from './fuzzy-names.ts';
import { stripQuestionFrame } from './question-frame.ts';

/** One name a fact answers to, as shown to users (title or alias) and as compared (folded). */
export interface FactName {
  factId: string;
  name: string;
  folded: string;
  /** The name's words, folded: for word-prefix completion ("virt imb" → "virtualisation imbriquée"). */
  words: readonly string[];
  /** `reference`: a name of the 4.4 reference (an xl subcommand, a config key, a boot option), which may be shared. */
  kind: 'title' | 'alias' | 'reference';
  language: 'en' | 'fr';
}

/** What the ranking and the decision need to know of a fact besides its words. */
export interface FactTraits {
  readonly intent: readonly Intent[];
  readonly scope: readonly Scope[];
  readonly topic: string;
  readonly related: readonly string[];
}

export interface SearchIndex {
  /** How many facts are indexed, for IDF weights. */
  readonly factCount: number;
  readonly bm25: Bm25Index;
  /** nameKey(id | title | alias) → fact id: the exact-match table. */
  readonly exactNames: ReadonlyMap<string, string>;
  readonly names: readonly FactName[];
  /** Fuzzy matcher over short names only: fuse.js is at its best there, and whole sentences exceed its 32-char pattern. */
  readonly fuzzyNames: FuzzyNames<FactName>;
  /** What each fact says, for the coverage gate: all its fields, and its curated names alone. */
  readonly factVocabulary: FactVocabularies;
  /** In how many facts each term appears, for IDF weights. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  /** Folded surface words seen in the base, with their frequency: the dictionary for spelling correction. */
  readonly vocabulary: SearchableMap<number>;
  /** referenceKey(reference name) → the facts carrying it: "hap" is an xl.cfg key and a boot option. */
  readonly referenceNames: ReadonlyMap<string, readonly string[]>;
  /** The error messages facts explain, for pasted logs. */
  readonly errorTemplates: readonly ErrorTemplate[];
  readonly traits: ReadonlyMap<string, FactTraits>;
}

/** Looked up for a handful of candidates per question; a Map, or a lazy view of a snapshot. */
export interface FactVocabularies {
  get(factId: string): { all: Vocabulary; names: Vocabulary } | undefined;
}

/** Index terms (stems) and folded surface words of a piece of text. */
export interface Vocabulary {
  terms: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

function vocabularyOf(groups: Iterable<WordGroup>): { terms: Set<string>; words: Set<string> } {
  const terms = new Set<string>();
  const words = new Set<string>();
  for (const group of groups) {
    for (const term of group.terms) terms.add(term);
    for (const word of group.words) words.add(word);
  }
  return { terms, words };
}

export interface IndexedFact {
  id: string;
  title: string;
  aliases: string;
  text: string;
  tags: string;
}

/** Field weights: measured on the evaluation set (npm run eval); titles and aliases are the curated signal. */
export const FIELD_BOOST = { title: 2, aliases: 1.5, text: 1, tags: 1 } as const;
/** The indexed fields, in the order BM25 keeps them. */
export const FIELDS = ['title', 'aliases', 'text', 'tags'] as const;

/** A fact as the text of each indexed field. */
export function fieldsOf(fact: Fact): IndexedFact {
  // Reference names and error messages are names people type or paste; a syntax line is part of the text.
  const syntax = fact.reference ? ` \n ${fact.reference.syntax}` : '';
  return {
    id: fact.id,
    title: `${fact.title.en} \n ${fact.title.fr}`,
    aliases: [...fact.aliases.en, ...fact.aliases.fr, ...(fact.reference?.names ?? []), ...fact.errors].join(' \n '),
    text: `${fact.text.en} \n ${fact.text.fr ?? ''}${syntax}`,
    tags: [fact.id, ...fact.tags].join(' '),
  };
}

export function nameWords(name: string): string[] {
  return foldAccents(name).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
}

function fuzzyNamesOf(names: readonly FactName[], postings?: TrigramPostings): FuzzyNames<FactName> {
  const options = {
    keys: ['folded'],
    includeScore: true,
    ignoreLocation: true, // a typo may sit anywhere in a long alias
    threshold: 0.34,
    minMatchCharLength: 2,
  };
  return new FuzzyNames(names, (n) => n.folded, options, postings);
}

export function buildSearchIndex(facts: readonly Fact[]): SearchIndex {
  // Each field is analysed once and the result shared by the BM25 index and the coverage vocabularies.
  const documents = facts.map(fieldsOf);
  const analysed = documents.map((doc) => FIELDS.map((field) => analyze(doc[field])));
  const bm25 = Bm25Index.build(
    documents.map((doc, i) => ({ id: doc.id, fields: analysed[i]!.map((groups) => groups.flatMap((g) => g.terms)) })),
    FIELDS.map((field) => FIELD_BOOST[field]),
  );

  const factVocabulary = new Map<string, { all: Vocabulary; names: Vocabulary }>();
  const documentFrequency = new Map<string, number>();
  const vocabulary = new SearchableMap<number>();
  documents.forEach((doc, i) => {
    const [title, aliases, text, tags] = analysed[i]!;
    const nameGroups = [...title!, ...aliases!, ...tags!];
    const all = vocabularyOf([...nameGroups, ...text!]);
    const names = vocabularyOf(nameGroups);
    for (const word of all.words) vocabulary.update(word, (n = 0) => n + 1);
    for (const term of all.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    factVocabulary.set(doc.id, { all, names });
  });

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
  const referenceNames = new Map<string, string[]>();
  for (const fact of facts) {
    for (const name of fact.reference?.names ?? []) {
      if (!fact.reference) break;
      names.push({ factId: fact.id, name, folded: nameKey(name), words: nameWords(name), kind: 'reference', language: 'en' });
      for (const key of referenceNameKeys(fact.reference.kind, name)) {
        const owners = referenceNames.get(key) ?? [];
        if (!owners.includes(fact.id)) referenceNames.set(key, [...owners, fact.id]);
      }
    }
  }
  const errorTemplates = facts.flatMap((fact) => fact.errors.map((message) => compileErrorTemplate(fact.id, message)));
  const traits = new Map(facts.map((f): [string, FactTraits] => [f.id, { intent: f.intent, scope: f.scope, topic: f.topic, related: f.related }]));
  return {
    factCount: facts.length,
    bm25,
    exactNames,
    names,
    fuzzyNames: fuzzyNamesOf(names),
    factVocabulary,
    documentFrequency,
    vocabulary,
    referenceNames,
    errorTemplates,
    traits,
  };
}

/** A vocabulary as plain data, for a snapshot. */
interface VocabularySnapshot {
  terms: string[];
  words: string[];
}

/** The index as JSON-ready data for a snapshot; the matchers are rebuilt from it on restore. */
export interface IndexSnapshot {
  factCount: number;
  bm25: Bm25Snapshot;
  exactNames: Array<[string, string]>;
  names: FactName[];
  trigrams: TrigramPostings;
  factVocabulary: Array<[string, { all: VocabularySnapshot; names: VocabularySnapshot }]>;
  documentFrequency: Array<[string, number]>;
  vocabulary: Array<[string, number]>;
  referenceNames: Array<[string, readonly string[]]>;
  errorTemplates: ErrorTemplate[];
  traits: Array<[string, FactTraits]>;
}

const plainVocabulary = (v: Vocabulary): VocabularySnapshot => ({ terms: [...v.terms], words: [...v.words] });
const setVocabulary = (v: VocabularySnapshot): Vocabulary => ({ terms: new Set(v.terms), words: new Set(v.words) });

/** Sets are made only for the facts a question brings up: most of them are never looked at in a short run. */
function lazyVocabularies(entries: IndexSnapshot['factVocabulary']): FactVocabularies {
  const plain = new Map(entries);
  const made = new Map<string, { all: Vocabulary; names: Vocabulary }>();
  return {
    get(factId) {
      let vocabulary = made.get(factId);
      const source = vocabulary ? undefined : plain.get(factId);
      if (source) made.set(factId, (vocabulary = { all: setVocabulary(source.all), names: setVocabulary(source.names) }));
      return vocabulary;
    },
  };
}

export function snapshotSearchIndex(index: SearchIndex): IndexSnapshot {
  if (!(index.factVocabulary instanceof Map)) throw new Error('only a freshly built index can be snapshotted');
  const vocabularies = index.factVocabulary as ReadonlyMap<string, { all: Vocabulary; names: Vocabulary }>;
  return {
    factCount: index.factCount,
    bm25: index.bm25.toJSON(),
    exactNames: [...index.exactNames],
    names: [...index.names],
    trigrams: index.fuzzyNames.trigramPostings(),
    factVocabulary: [...vocabularies].map(([id, v]) => [id, { all: plainVocabulary(v.all), names: plainVocabulary(v.names) }]),
    documentFrequency: [...index.documentFrequency],
    vocabulary: [...index.vocabulary],
    referenceNames: [...index.referenceNames],
    errorTemplates: [...index.errorTemplates],
    traits: [...index.traits],
  };
}

export function restoreSearchIndex(snapshot: IndexSnapshot): SearchIndex {
  // The spelling dictionary is only needed for a word the base does not know: built on first use, it stays off
  // the start-up path of a one-question `ask`.
  let vocabulary: SearchableMap<number> | undefined;
  return {
    get vocabulary() {
      return (vocabulary ??= SearchableMap.from(snapshot.vocabulary));
    },
    factCount: snapshot.factCount,
    bm25: Bm25Index.fromJSON(snapshot.bm25),
    exactNames: new Map(snapshot.exactNames),
    names: snapshot.names,
    fuzzyNames: fuzzyNamesOf(snapshot.names, snapshot.trigrams),
    factVocabulary: lazyVocabularies(snapshot.factVocabulary),
    documentFrequency: new Map(snapshot.documentFrequency),
    referenceNames: new Map(snapshot.referenceNames),
    errorTemplates: snapshot.errorTemplates,
    traits: new Map(snapshot.traits),
  };
}
