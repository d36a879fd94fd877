// Turns text into search terms, the same way for the index and for questions: words, compounds, versions, stems.
import { createRequire } from 'node:module';
import type StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en.js';
import type StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr.js';
import { foldAccents } from '../text/fold.ts';
import { expandSynonyms } from './glossary.ts';
import { isStopWord } from './stopwords.ts';

/** One word of the input and every term it may match: both stems, and for compounds the joined form and parts. */
export interface WordGroup {
  /** The word as written (lower-case, accents kept), e.g. "64-bit" or "événements". */
  readonly surface: string;
  /** Accent-folded words before stemming: the parts of a compound, and the joined form. Used for spelling. */
  readonly words: readonly string[];
  /** Index terms: English and French stems of every word, accent-folded. */
  readonly terms: readonly string[];
  /** For a compound ("pare-feu", "64-bit"): its content parts and its joined form, folded. */
  readonly compound?: { readonly parts: readonly string[]; readonly joined: string };
}

/**
 * nlp.js's Snowball stemmers: the same stems as the snowball-stemmers package on every word of a 10× base, 3 to 4
 * times faster. Loaded on first use: their modules take 50 ms to load, and a question whose words the base uses
 * finds their stems in the table its snapshot carries (useKnownStems).
 */
let stemmers: { english: StemmerEn; french: StemmerFr } | undefined;
function loadStemmers(): { english: StemmerEn; french: StemmerFr } {
  const require = createRequire(import.meta.url);
  const English = require('@nlpjs/lang-en-min/src/stemmer-en.js') as typeof StemmerEn;
  const French = require('@nlpjs/lang-fr/src/stemmer-fr.js') as typeof StemmerFr;
  return { english: new English(), french: new French() };
}

const stemCache = new Map<string, readonly string[]>();
/** Bounded, as questions are user input; large enough for the vocabulary of a base many times this one. */
const STEM_CACHE_LIMIT = 200_000;

/** Stems known in advance, word → stems: a pure function's results, so any table is right for any base. */
export interface StemTable {
  get(word: string): readonly string[] | undefined;
}
/** At most one: see useKnownStems. */
const knownStems: StemTable[] = [];
/** Words stemmed while a collector is set, for the table a snapshot keeps. */
let collected: Map<string, readonly string[]> | undefined;
/** The current collector's number (0: none), so that a cached analysis can say which one has seen its words. */
let collector = 0;
let collectors = 0;

/** English and French stems of a lower-case word, computed on the accented form and then folded. */
export function stems(word: string): readonly string[] {
  let result = stemCache.get(word);
  if (!result) {
    for (const table of knownStems) if ((result = table.get(word))) break;
    result ??= computeStems(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, result);
  }
  collected?.set(word, result);
  return result;
}

/** A feminine past participle typed without its accent: "supportee", "activees". */
const FRENCH_PARTICIPLE = /(?<=[a-z]{3})e(es?)$/;

function computeStems(word: string): readonly string[] {
  const folded = foldAccents(word);
  // Versions, numbers and very short words are kept as they are: stemming "4.4" or "pv" only loses information.
  if (/\d/.test(word) || word.length <= 3) return [folded];
  const { english, french } = (stemmers ??= loadStemmers());
  const found = [foldAccents(english.stemWord(word)), foldAccents(french.stemWord(word))];
  // Chat drops accents, and the French stemmer needs them on a participle: "supportees" stems as "supportées" does.
  if (FRENCH_PARTICIPLE.test(word)) found.push(foldAccents(french.stemWord(word.replace(FRENCH_PARTICIPLE, 'é$1'))));
  return [...new Set(found)];
}

/**
 * Consult `table` before stemming: the latest index's, replacing the one before, which would otherwise keep an old
 * base in memory after a reload (any table is right for any base, as stems do not depend on it).
 */
export function useKnownStems(table: StemTable): void {
  knownStems.splice(0, knownStems.length, table);
}

/** Runs `work` and returns its result with every word it stemmed, sorted: the table a snapshot keeps. */
export function collectingStems<T>(work: () => T): { result: T; stems: Array<[string, readonly string[]]> } {
  const outer = collected;
  const outerNumber = collector;
  const inner = new Map<string, readonly string[]>();
  collected = inner;
  collector = ++collectors;
  try {
    const result = work();
    // The default sort compares code units as `<` does, and is faster than any comparison function.
    return { result, stems: [...inner.keys()].sort().map((word) => [word, inner.get(word)!]) };
  } finally {
    collected = outer;
    collector = outerNumber;
    inner.forEach((value, word) => outer?.set(word, value));
  }
}

// French elisions (l'ABI, qu'est-ce, d'événements) and English contractions (what's, doesn't).
// The patterns that open on "no letter before" say so with a lookbehind: a leading capture group is tried at every
// position of every fact's text, and made these two most of prepare()'s cost in an index build (5× slower).
const ELISION = /(?<!\p{L})(?:l|d|j|n|s|m|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/gu;
const CONTRACTION = /(\p{L})'(?:s|re|ve|ll|d|m|t)(?![\p{L}])/gu;
// French inversion (fonctionne-t-il, est-ce, peut-on): the pronoun is a word of its own, not half of a compound.
// "-on" only after the verbs that take it: PV-on-HVM and panic-on-oops are compounds.
const INVERSION = /(\p{L})-(?:t-)?(il|elle|ils|elles|je|tu|nous|vous|ce)(?![\p{L}\p{N}-])/gu;
const INVERSION_ON = /(?<!\p{L})(peut|doit|fait|sait|va|a|faut|pourrait|devrait)-(?:t-)?on(?![\p{L}\p{N}-])/gu;
/** A run of letters, digits and joining punctuation: "x86_64", "xl.cfg", "64-bit", "4.4.1", "vif.default.backend". */
const RAW_TOKEN = /[\p{L}\p{N}]+(?:[._\-/][\p{L}\p{N}]+)*/gu;
const VERSION = /^\d+(?:\.\d+)+$/;

// What each pattern needs to find, starting on a literal character: a regex that opens on one is a fast scan, while
// the patterns above try a lookbehind or a capture at every position. Most texts hold no inversion or contraction.
const MAY_ELIDE = /'\p{L}/u;
const MAY_INVERT = /-(?:t-)?(?:il|elle|je|tu|nous|vous|ce)/;
const MAY_INVERT_ON = /-(?:t-)?on/;
const MAY_CONTRACT = /'[dlmrstv]/;

/** `text.replace(pattern, replacement)`, skipped when `hint` (which every match of `pattern` satisfies) finds nothing. */
function replaceIf(text: string, hint: RegExp, pattern: RegExp, replacement: string): string {
  return hint.test(text) ? text.replace(pattern, replacement) : text;
}

/** Prepare raw text: Unicode-normalise, lower-case, unify apostrophes, drop invisible characters. */
export function prepare(text: string): string {
  let prepared = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  prepared = replaceIf(prepared, MAY_ELIDE, ELISION, '');
  prepared = replaceIf(prepared, MAY_INVERT, INVERSION, '$1 $2');
  prepared = replaceIf(prepared, MAY_INVERT_ON, INVERSION_ON, '$1 on');
  return replaceIf(prepared, MAY_CONTRACT, CONTRACTION, '$1');
}

/** Split a compound into its meaningful parts: "64-bit" → 64, bit; "linux-3.14" → linux, 3.14; "xl.cfg" → xl, cfg. */
function parts(token: string): string[] {
  return token.split(/[-_/]/).flatMap((part) => (VERSION.test(part) ? [part] : part.split('.'))).filter(Boolean);
}

export interface AnalyzeOptions {
  /** Drop the words every fact is about ("xen", "4.4") as well as function words. */
  forQuery?: boolean;
  /** Stop after this many word groups; protects against pathological input. */
  maxGroups?: number;
}

/** A folded form, one object per string: analyze() marks it seen in a call, where a Set of strings per text cost more. */
interface Folding {
  /** The last analyze() call (by number) that met it. */
  seenBy: number;
}

/** A token's analysis: its folded form (for de-duplication) and its word group, if it has content words. */
interface TokenAnalysis {
  /** Shared by every token with the same folded form ("événement", "evenement"), so that only the first counts. */
  folding: Folding;
  group: WordGroup | undefined;
  /** The words that were stemmed, so that a collector sees them when the analysis comes from the cache. */
  stemmed: readonly string[];
  /** The collector (by number) that has seen them already: a base repeats a word thousands of times, one report is enough. */
  reportedTo: number;
}

/**
 * Analyses of tokens, per mode: a base repeats the same few thousand words hundreds of thousands of times, and
 * analysing each occurrence again was most of the index build (npm run bench). Bounded, as questions are user input.
 */
const tokenCache = [new Map<string, TokenAnalysis>(), new Map<string, TokenAnalysis>()] as const;
const TOKEN_CACHE_LIMIT = 200_000;
/** Folded forms by string. Cleared only between analyze() calls, and with the token caches that hold them: two objects
 * for one form within a call would let a duplicate through. */
const foldings = new Map<string, Folding>();
let analyses = 0;

function foldingOf(folded: string): Folding {
  let folding = foldings.get(folded);
  if (!folding) foldings.set(folded, (folding = { seenBy: 0 }));
  return folding;
}

function analyzeToken(surface: string, forQuery: boolean): TokenAnalysis {
  const cache = tokenCache[forQuery ? 1 : 0];
  const cached = cache.get(surface);
  if (cached) {
    if (collected && cached.reportedTo !== collector) {
      for (const word of cached.stemmed) stems(word);
      cached.reportedTo = collector;
    }
    return cached;
  }
  const folded = foldAccents(surface);
  const kept = VERSION.test(surface) ? [surface] : parts(surface);
  const content = kept.filter((p) => !isStopWord(foldAccents(p), forQuery));
  let group: WordGroup | undefined;
  const stemmed: string[] = [];
  if (content.length > 0) {
    const words = new Set(content.map(foldAccents));
    const joined = kept.length > 1 ? kept.map(foldAccents).join('') : undefined;
    if (joined) words.add(joined); // "64-bit" also matches "64bit"
    for (const word of [...words]) for (const synonym of expandSynonyms(word)) words.add(synonym);
    const terms = new Set<string>();
    stemmed.push(...words, ...content);
    for (const word of stemmed) for (const stem of stems(word)) terms.add(stem);
    const compound = joined && content.length > 1 ? { parts: content.map(foldAccents), joined } : undefined;
    group = { surface, words: [...words], terms: [...terms], ...(compound ? { compound } : {}) };
  }
  if (cache.size >= TOKEN_CACHE_LIMIT) cache.clear();
  const analysis: TokenAnalysis = { folding: foldingOf(folded), group, stemmed, reportedTo: collector };
  cache.set(surface, analysis);
  return analysis;
}

/** Analyse text into word groups, in order, without duplicates. Groups are shared between calls: never mutate one. */
export function analyze(text: string, options: AnalyzeOptions = {}): WordGroup[] {
  const forQuery = options.forQuery ?? false;
  const maxGroups = options.maxGroups ?? Number.POSITIVE_INFINITY;
  const groups: WordGroup[] = [];
  if (foldings.size >= TOKEN_CACHE_LIMIT) {
    foldings.clear();
    for (const cache of tokenCache) cache.clear();
  }
  const call = ++analyses;
  for (const match of prepare(text).matchAll(RAW_TOKEN)) {
    if (groups.length >= maxGroups) break;
    const { folding, group } = analyzeToken(match[0], forQuery);
    if (folding.seenBy === call) continue;
    folding.seenBy = call;
    if (group) groups.push(group);
  }
  return groups;
}
