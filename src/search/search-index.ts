// Builds, once per base, everything a question is matched against: BM25 postings, what each fact says (for
// coverage), the spelling dictionary and the names facts answer to. All of it is sorted string lists and typed
// arrays (index-data.ts), the same whether just built or read back from a snapshot.
import type { Fact, Intent, ReferenceKind, Scope } from '../knowledge/schema.ts';
import { foldAccents, nameKey, referenceNameKeys } from '../text/fold.ts';
import { analyze, collectingStems, useKnownStems, type WordGroup } from './analyze.ts';
import { Bm25Index } from './bm25.ts';
import { compileErrorTemplate, type ErrorTemplate } from './error-match.ts';
import { FuzzyNames, trigramIndex } from './fuzzy-names.ts';
import { NAME_KINDS, namePenalty, type IndexData } from './index-data.ts';
import { invert, Postings } from './postings.ts';
import { stripQuestionFrame, withoutXenBeforeVersion } from './question-frame.ts';
import { SortedStrings } from './sorted-strings.ts';
import { SpellingDictionary, spellingTrie } from './spelling-dictionary.ts';
import { BAG_MAX_GROUPS, wordBagKey } from './word-bag.ts';

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
  /** For a reference entry: which document of the 4.4 reference it is from. */
  readonly reference?: ReferenceKind;
}

/** A read-only lookup: what the rest of the engine needs of a map. */
export interface Lookup<T> {
  get(key: string): T | undefined;
}

/** Index terms (stems) and folded surface words of a piece of text. */
export interface Vocabulary {
  terms: { has(term: string): boolean };
  words: { has(word: string): boolean };
}

/** What a fact says, looked up for a handful of candidates per question. */
export interface FactVocabularies {
  get(factId: string): { all: Vocabulary; names: Vocabulary } | undefined;
}

/** The names facts answer to, as columns: one object per name would be most of a large base's memory. */
export interface NameTable {
  readonly count: number;
  /** The i-th name, made on demand. */
  at(position: number): FactName;
  /** Fact position of the i-th name. */
  factOf(position: number): number;
}

export interface SearchIndex {
  /** How many facts are indexed, for IDF weights. */
  readonly factCount: number;
  /** Fact ids, by position. */
  readonly factIds: readonly string[];
  /** A fact's position (its number in `data`), or undefined for an id the base lacks. */
  positionOf(factId: string): number | undefined;
  readonly bm25: Bm25Index;
  /** nameKey(id | title | alias) → fact id: the exact-match table. */
  readonly exactNames: Lookup<string>;
  /** wordBagKey(title | alias) → fact id, where only one fact has names of that key. */
  readonly bagNames: Lookup<string>;
  readonly names: NameTable;
  /** Fuzzy matcher over short names only: fuse.js is at its best there, and whole sentences exceed its 32-char pattern. */
  readonly fuzzyNames: FuzzyNames<FactName>;
  /** What each fact says, for the coverage gate: all its fields, and its curated names alone. */
  readonly factVocabulary: FactVocabularies;
  /** In how many facts each term appears, for IDF weights. */
  readonly documentFrequency: { get(term: string): number | undefined; has(term: string): boolean };
  /** Folded surface words seen in the base, with their frequency: the dictionary for spelling correction. */
  readonly vocabulary: SpellingDictionary;
  /** referenceKey(reference name) → the facts carrying it: "hap" is an xl.cfg key and a boot option. */
  readonly referenceNames: Lookup<readonly string[]>;
  /** The error messages facts explain, for pasted logs. */
  readonly errorTemplates: readonly ErrorTemplate[];
  readonly traits: Lookup<FactTraits>;
  /** The arrays behind all of the above, for a snapshot and for the completion indexes. */
  readonly data: IndexData;
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

/** A word group's term and word ids, looked up once per distinct group (groups are shared between occurrences). */
interface GroupIds {
  terms: readonly number[];
  words: readonly number[];
}

/** The terms and words of some word groups, as ids. */
function idsOf(groups: Iterable<WordGroup>, ids: ReadonlyMap<WordGroup, GroupIds>): { terms: number[]; words: number[] } {
  const termIds: number[] = [];
  const wordIds: number[] = [];
  for (const group of groups) {
    const { terms, words } = ids.get(group)!;
    for (const t of terms) termIds.push(t);
    for (const w of words) wordIds.push(w);
  }
  return { terms: termIds, words: wordIds };
}

/** The stems of each word, as a sorted word list and the stems in the same order. */
function stemTable(stems: ReadonlyArray<readonly [string, readonly string[]]>): Pick<IndexData, 'stemWords' | 'stems'> {
  // collectingStems gives one entry per word, sorted: as a snapshot gives them back (no hash table, which only the
  // first questions would use).
  const stemWords = SortedStrings.fromSorted(stems.map(([word]) => word));
  // Stems of one word never hold a space: one string per word packs and restores as one column.
  return { stemWords, stems: stems.map(([, wordStems]) => wordStems.join(' ')) };
}

/** A list of entries (string key → number), sorted by key, as two columns. */
function sortedColumns(entries: ReadonlyMap<string, number>): { keys: SortedStrings; values: Uint32Array } {
  const keys = SortedStrings.of(entries.keys());
  return { keys, values: Uint32Array.from(keys.list(), (key) => entries.get(key)!) };
}

/** Each short name's word-bag key → its fact, leaving out keys that names of two facts share. Empty names are skipped. */
function uniqueBags(names: readonly string[], nameFact: readonly number[]): Map<string, number> {
  const bags = new Map<string, number>();
  const shared = new Set<string>();
  names.forEach((name, i) => {
    const groups = name ? analyze(name, { forQuery: true }) : [];
    const key = groups.length <= BAG_MAX_GROUPS && wordBagKey(groups, name);
    if (!key || shared.has(key)) return;
    const owner = bags.get(key);
    if (owner === undefined) bags.set(key, nameFact[i]!);
    else if (owner !== nameFact[i]) {
      bags.delete(key);
      shared.add(key);
    }
  });
  return bags;
}

/** A title's main clause, before its colon, parenthesis or dash: "Windows PV drivers for Xen 4.4: GPLPV or …". */
function titleHead(title: string): string {
  const head = title.split(/\s*(?::|\(|\s[-–—]\s)/)[0]!;
  return head !== title ? head : '';
}

export function buildIndexData(facts: readonly Fact[]): IndexData {
  // Each field is analysed once and the result shared by BM25 and the coverage vocabularies.
  const documents = facts.map(fieldsOf);
  const { result: analysed, stems } = collectingStems(() => documents.map((doc) => FIELDS.map((field) => analyze(doc[field]))));
  // analyze() hands out one object per distinct word group: a base of thousands of facts repeats each a thousand
  // times, so ids are looked up per group, not per occurrence (npm run bench: index build).
  const distinct = new Set<WordGroup>();
  for (const fields of analysed) for (const groups of fields) for (const group of groups) distinct.add(group);
  const allTerms = new Set<string>();
  const allWords = new Set<string>();
  for (const group of distinct) {
    for (const term of group.terms) allTerms.add(term);
    for (const word of group.words) allWords.add(word);
  }
  const terms = SortedStrings.of(allTerms);
  const words = SortedStrings.of(allWords);
  const groupIds = new Map<WordGroup, GroupIds>();
  for (const group of distinct) groupIds.set(group, { terms: group.terms.map((t) => terms.idOf(t)), words: group.words.map((w) => words.idOf(w)) });
  const bm25 = Bm25Index.buildFromIds(
    documents.map((doc) => doc.id),
    analysed.map((fields) => fields.map((groups) => idsOf(groups, groupIds).terms)),
    FIELDS.map((field) => FIELD_BOOST[field]),
    terms,
  );

  const vocabularies = analysed.map(([title, aliases, text, tags]) => {
    const nameGroups = [...title!, ...aliases!, ...tags!];
    return { all: idsOf([...nameGroups, ...text!], groupIds), names: idsOf(nameGroups, groupIds) };
  });
  const factTerms = Postings.fromLists(vocabularies.map((v) => v.all.terms));
  const factWords = Postings.fromLists(vocabularies.map((v) => v.all.words));
  const documentFrequency = new Uint32Array(terms.size);
  for (const t of factTerms.values) documentFrequency[t]!++;
  const wordFrequency = new Uint32Array(words.size);
  for (const w of factWords.values) wordFrequency[w]!++;

  const nameText: string[] = [];
  // Each name's key, made once: it is looked up as an exact name and indexed for completion and fuzzy matching.
  const nameKeys: string[] = [];
  const nameFact: number[] = [];
  const nameKind: number[] = [];
  const exactNames = new Map<string, number>();
  facts.forEach((fact, f) => {
    exactNames.set(nameKey(fact.id), f);
    const add = (name: string, kind: FactName['kind'], language: FactName['language']) => {
      const key = nameKey(name);
      nameText.push(name);
      nameKeys.push(key);
      nameFact.push(f);
      nameKind.push(NAME_KINDS.indexOf(kind) | (language === 'fr' ? 4 : 0));
      exactNames.set(key, f);
    };
    add(fact.title.en, 'title', 'en');
    add(fact.title.fr, 'title', 'fr');
    for (const alias of fact.aliases.en) add(alias, 'alias', 'en');
    for (const alias of fact.aliases.fr) add(alias, 'alias', 'fr');
  });
  // A title reads "Nested virtualisation in Xen 4.4"; people type "nested virtualisation". Names are also
  // known without the frame questions get stripped of, unless that shorter form already names another fact.
  nameText.forEach((name, i) => {
    const stripped = stripQuestionFrame(name);
    for (const bare of [nameKey(stripped), nameKey(withoutXenBeforeVersion(stripped))]) {
      if (bare && !exactNames.has(bare)) exactNames.set(bare, nameFact[i]!);
    }
  });
  const referenceOwners = new Map<string, number[]>();
  facts.forEach((fact, f) => {
    for (const name of fact.reference?.names ?? []) {
      if (!fact.reference) break;
      nameText.push(name);
      nameKeys.push(nameKey(name));
      nameFact.push(f);
      nameKind.push(NAME_KINDS.indexOf('reference'));
      for (const key of referenceNameKeys(fact.reference.kind, name)) {
        const owners = referenceOwners.get(key) ?? [];
        if (!owners.includes(f)) referenceOwners.set(key, [...owners, f]);
      }
    }
  });
  const referenceKeys = SortedStrings.of(referenceOwners.keys());
  const exact = sortedColumns(exactNames);
  const heads = facts.flatMap((fact) => [titleHead(fact.title.en), titleHead(fact.title.fr)]);
  const headFacts = facts.flatMap((_, f) => [f, f]);
  const bags = sortedColumns(uniqueBags([...nameText.map((name, i) => (NAME_KINDS[nameKind[i]! & 3] === 'reference' ? '' : name)), ...heads], [...nameFact, ...headFacts]));
  const trigrams = trigramIndex(nameKeys);
  const completionKeys = invert(nameKeys.map((key) => [key]));
  const completionWords = invert(nameText.map(nameWords));
  const nameKeyIds = Uint32Array.from(nameKeys, (key) => completionKeys.keys.idOf(key));
  const positions = nameText.map((_, i) => i);
  const pickerOrder = (language: 'en' | 'fr') =>
    Uint32Array.from([...positions].sort((a, b) => namePenalty(nameKind[a]!, language) - namePenalty(nameKind[b]!, language) || nameText[a]!.length - nameText[b]!.length || a - b));
  const referenceOrder = Uint32Array.from(
    positions
      .filter((i) => NAME_KINDS[nameKind[i]! & 3] === 'reference')
      .sort((a, b) => nameText[a]!.length - nameText[b]!.length || (nameText[a]! < nameText[b]! ? -1 : nameText[a]! > nameText[b]! ? 1 : 0) || a - b),
  );

  return {
    factIds: facts.map((f) => f.id),
    terms,
    documentFrequency,
    bm25: bm25.parts(),
    words,
    wordFrequency,
    spellingTrie: spellingTrie(words.list()),
    factTerms,
    curatedTerms: Postings.fromLists(vocabularies.map((v) => v.names.terms)),
    factWords,
    curatedWords: Postings.fromLists(vocabularies.map((v) => v.names.words)),
    names: { text: nameText, fact: Uint32Array.from(nameFact), kind: Uint8Array.from(nameKind) },
    completionKeys: completionKeys.keys,
    completionKeyNames: completionKeys.positions,
    completionWords: completionWords.keys,
    completionWordNames: completionWords.positions,
    nameKeyIds,
    pickerOrder: { en: pickerOrder('en'), fr: pickerOrder('fr') },
    referenceOrder,
    exactKeys: exact.keys,
    exactFacts: exact.values,
    bagKeys: bags.keys,
    bagFacts: bags.values,
    trigrams: trigrams.grams,
    trigramNames: trigrams.names,
    referenceKeys,
    referenceFacts: Postings.fromLists(referenceKeys.list().map((key) => referenceOwners.get(key)!)),
    ...stemTable(stems),
    errorTemplates: facts.flatMap((fact) => fact.errors.map((message) => compileErrorTemplate(fact.id, message))),
    traits: facts.map((f) => ({ intent: f.intent, scope: f.scope, topic: f.topic, related: f.related, ...(f.reference ? { reference: f.reference.kind } : {}) })),
  };
}

const FUZZY_OPTIONS = {
  keys: ['folded'],
  includeScore: true,
  ignoreLocation: true, // a typo may sit anywhere in a long alias
  threshold: 0.34,
  minMatchCharLength: 2,
};

/** The index over its arrays. Nothing is copied or converted here: a restored snapshot answers its first question at once. */
export function searchIndexOf(data: IndexData): SearchIndex {
  let positions: Map<string, number> | undefined;
  const positionOf = (factId: string) => (positions ??= new Map(data.factIds.map((id, i) => [id, i]))).get(factId);
  const vocabularyOf = (termLists: Postings, wordLists: Postings, f: number): Vocabulary => ({
    terms: { has: (term) => termLists.has(f, data.terms.idOf(term)) },
    words: { has: (word) => wordLists.has(f, data.words.idOf(word)) },
  });
  const names: NameTable = {
    count: data.names.fact.length,
    factOf: (i) => data.names.fact[i]!,
    at(i) {
      const name = data.names.text.at(i)!;
      const kind = data.names.kind[i]!;
      let words: readonly string[] | undefined;
      // The fuzzy matcher makes up to a hundred of these per question: the key is the one stored for completion, and
      // the words (for completion only) are split when asked for.
      return {
        factId: data.factIds[data.names.fact[i]!]!,
        name,
        folded: data.completionKeys.at(data.nameKeyIds[i]!),
        get words() {
          return (words ??= nameWords(name));
        },
        kind: NAME_KINDS[kind & 3]!,
        language: kind & 4 ? 'fr' : 'en',
      };
    },
  };
  // Questions are stemmed with the base's own table first: the stemmers then load only for a word the base lacks.
  useKnownStems({
    get(word) {
      const at = data.stemWords.idOf(word);
      return at < 0 ? undefined : data.stems.at(at)!.split(' ');
    },
  });
  let bm25: Bm25Index | undefined;
  let fuzzyNames: FuzzyNames<FactName> | undefined;
  let vocabulary: SpellingDictionary | undefined;
  return {
    data,
    factCount: data.factIds.length,
    factIds: data.factIds,
    positionOf,
    get bm25() {
      return (bm25 ??= Bm25Index.fromParts(data.terms, data.bm25));
    },
    exactNames: {
      get(key) {
        const at = data.exactKeys.idOf(key);
        return at < 0 ? undefined : data.factIds[data.exactFacts[at]!];
      },
    },
    bagNames: {
      get(key) {
        const at = data.bagKeys.idOf(key);
        return at < 0 ? undefined : data.factIds[data.bagFacts[at]!];
      },
    },
    names,
    get fuzzyNames() {
      return (fuzzyNames ??= new FuzzyNames(names.count, names.at, FUZZY_OPTIONS, { grams: data.trigrams, names: data.trigramNames }));
    },
    factVocabulary: {
      get(factId) {
        const f = positionOf(factId);
        if (f === undefined) return undefined;
        return { all: vocabularyOf(data.factTerms, data.factWords, f), names: vocabularyOf(data.curatedTerms, data.curatedWords, f) };
      },
    },
    documentFrequency: {
      get(term) {
        const t = data.terms.idOf(term);
        return t < 0 ? undefined : data.documentFrequency[t];
      },
      has: (term) => data.terms.idOf(term) >= 0,
    },
    get vocabulary() {
      return (vocabulary ??= new SpellingDictionary(data.words, data.wordFrequency, data.spellingTrie));
    },
    referenceNames: {
      get(key) {
        const at = data.referenceKeys.idOf(key);
        return at < 0 ? undefined : [...data.referenceFacts.of(at)].map((f) => data.factIds[f]!);
      },
    },
    get errorTemplates() {
      return data.errorTemplates;
    },
    traits: {
      get(factId) {
        const f = positionOf(factId);
        return f === undefined ? undefined : data.traits[f];
      },
    },
  };
}

export function buildSearchIndex(facts: readonly Fact[]): SearchIndex {
  return searchIndexOf(buildIndexData(facts));
}
