// Hybrid ranking: an exact name wins outright; otherwise BM25 over all fields, nudged by fuzzy name matches.
import type { Intent } from '../knowledge/schema.ts';
import { nameKey, referenceKey } from '../text/fold.ts';
import { analyze, type WordGroup } from './analyze.ts';
import { matchErrors, type ErrorMatch } from './error-match.ts';
import { namedReferences } from './named-references.ts';
import { questionIntents } from './intent.ts';
import { scopesNamedIn, scopesOverlap, scopesUnasked } from '../knowledge/scopes.ts';
import { askingSentences } from './question-focus.ts';
import { stripQuestionFrame, withoutVersionTail, withoutXenBeforeVersion } from './question-frame.ts';
import type { SearchIndex } from './search-index.ts';
import { coverage, weighGroups, type WeightedGroup } from './coverage.ts';
import { correctGroup } from './spelling.ts';
import { stopWordMisspelt } from './stopwords.ts';
import { BAG_MAX_GROUPS, wordBagKey } from './word-bag.ts';

export interface Candidate {
  factId: string;
  /** Combined score, relative: 1 is the best BM25 hit of this question. */
  score: number;
  /** Weighted coverage of the question by this fact (see coverage.ts); computed for the re-scored head only. */
  coverage?: number;
  /** This fact's BM25 score relative to the best hit, before fuzzy names and coverage. */
  bm25: number;
  /** How closely the question, as a whole, spells one of the fact's names (0 none … 1 exact). */
  fuzzy: number;
  /** The question writes this fact's reference name as a setting (`vcpus=4`, `dom0_mem`): 1 first and exact. */
  named: number;
}

export interface Ranking {
  /** The question's content words after spelling correction, with their weights. */
  groups: WeightedGroup[];
  /** The fact whose id, title, alias or reference name the question is (once "what is …?" is stripped), if any. */
  exact?: string;
  /** Several facts carry the reference name the question is ("hap": an xl.cfg key and a boot option). */
  ambiguous?: readonly string[];
  /** Error messages of the base found in the question, best first. */
  errors: readonly ErrorMatch[];
  /** The kinds of question its wording shows ("when", "how do I"…). */
  intents: ReadonlySet<Intent>;
  /** Words that spelling correction changed. */
  corrected: number;
  candidates: Candidate[];
}

export interface RankOptions {
  /** Facts to leave out, as if they were not in the base: how the decision is trained on near misses. */
  exclude?: ReadonlySet<string>;
  /** The question is one sentence of a longer message: its words are not read as a name in any order. */
  excerpt?: boolean;
}

/** Word groups beyond this are ignored: a 100 KB paste is not a question, and must stay fast. */
export const MAX_QUERY_GROUPS = 48;
/** fuse.js's Bitap matcher works on patterns of up to 32 characters. */
const FUSE_MAX_PATTERN = 32;
/** Weight of a fuzzy name match next to the normalised BM25 score (measured with npm run eval). */
export const FUZZY_NAME_WEIGHT = 0.5;
/** Weight of a reference name written in the question (measured with npm run eval on the public and training sets). */
export const NAMED_WEIGHT = 0.3;
/** How many of the best BM25 hits are re-scored by coverage, and the share of the score coverage cannot take away. */
const RERANK_DEPTH = 10;
const RERANK_FLOOR = 0.5;
/** In the re-scored head: a fact that answers the kind of question asked gains this share. */
const INTENT_BONUS = 0.1;
/** In the re-scored head: a fact limited to a case the question does not name (ARM, AMD…) keeps this share (docs/quality.md). */
const SCOPE_UNASKED = 0.85;
/** In the re-scored head: a fact about an error message, when the question shows no error, keeps this share. */
const ERROR_UNASKED = 0.75;
/** In the re-scored head: when the question names ARM (or an ARM board), a fact limited to ARM gains this share: "live migration
 * between my two cubieboards" is asked of ARM, where a general fact matches its words as well (npm run eval). */
const SCOPE_ASKED = 1.15;
/** In the re-scored head: the entry of another xl command than the one the question writes keeps this share. */
const OTHER_COMMAND = 0.85;
/** Candidates kept after ranking: the answer, the runner-up and suggestions never need more. */
export const MAX_CANDIDATES = 50;
/** fuse.js scores run from 0 (perfect) to 1; above this a name match is noise. */
const FUZZY_NAME_MAX_SCORE = 0.3;

const XL_COMMAND = /\bxl\s+([a-z][a-z0-9-]*)/g;

/** The reference entries of the xl commands a question writes out (`xl destroy`), spelled right. */
export function writtenCommandEntries(index: SearchIndex, question: string): ReadonlySet<string> {
  return commandEntries(index, question, XL_COMMAND);
}

/** The entries of the xl commands `pattern` finds in the question (its first group is the command's name). */
function commandEntries(index: SearchIndex, question: string, pattern: RegExp): ReadonlySet<string> {
  const entries = new Set<string>();
  for (const m of referenceKey(question.toLowerCase()).matchAll(pattern)) {
    for (const factId of index.referenceNames.get(`xl ${m[1]}`) ?? []) if (index.traits.get(factId)?.reference === 'xl-command') entries.add(factId);
  }
  return entries;
}

/** `xl list -l`, `xl console -t serial`: a command written with its options is what the question is about. */
const XL_COMMAND_WITH_OPTIONS = /\bxl\s+([a-z][a-z0-9-]*)(?=(?:\s+-{1,2}[a-z][a-z0-9-]*)+(?![^\s?!.,;:)]))/g;

/** The reference entries of the xl commands a question writes with options, spelled right. */
export function optionedCommandEntries(index: SearchIndex, question: string): ReadonlySet<string> {
  return commandEntries(index, question, XL_COMMAND_WITH_OPTIONS);
}

/** The share of its score the entry `factId` keeps when the question writes the xl commands `commands`. */
export function commandShare(index: SearchIndex, commands: ReadonlySet<string>, factId: string): number {
  const other = commands.size > 0 && !commands.has(factId) && index.traits.get(factId)?.reference === 'xl-command';
  return other ? OTHER_COMMAND : 1;
}

/** A name is a few words: a longer question that happens to spell most of an alias is a sentence, not a typo. */
const FUZZY_MAX_WORDS = 4;

function fuzzyNameScores(index: SearchIndex, key: string, words: number, exclude?: ReadonlySet<string>): Map<string, number> {
  const scores = new Map<string, number>();
  if (key.length < 3 || key.length > FUSE_MAX_PATTERN || words > FUZZY_MAX_WORDS) return scores;
  for (const hit of index.fuzzyNames.search(key, 20)) {
    const score = hit.score;
    if (score > FUZZY_NAME_MAX_SCORE || exclude?.has(hit.item.factId)) continue;
    const closeness = 1 - score / FUZZY_NAME_MAX_SCORE;
    scores.set(hit.item.factId, Math.max(scores.get(hit.item.factId) ?? 0, closeness));
  }
  return scores;
}

/** Names of a few words are found in any word order: "event channels fifo" is the name "FIFO event channels". */
const REORDER_MAX_WORDS = 4;

function reorderedName(index: SearchIndex, stripped: string): string | undefined {
  const words = stripped.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > REORDER_MAX_WORDS) return undefined;
  // A name's key drops the spaces between its words: the words' keys, joined, are the key of the words joined.
  for (const order of permutations(words.map(nameKey))) {
    const found = index.exactNames.get(order.join(''));
    if (found) return found;
  }
  return undefined;
}

/**
 * The name with its misspelt words spelt right: "fifo event chanels" is the name "FIFO event channels". Names of two
 * words or more only: a lone misspelt word ("kexce") is a guess to offer as "did you mean", not an answer.
 */
function correctedName(index: SearchIndex, stripped: string, spellings: ReadonlyMap<string, string>): string | undefined {
  if (spellings.size === 0) return undefined;
  const words = stripped.split(' ');
  if (words.length < 2) return undefined;
  const spelled = words.map((w) => spellings.get(w) ?? w);
  if (!spelled.some((w, i) => w !== words[i])) return undefined;
  const text = spelled.join(' ');
  return index.exactNames.get(nameKey(text)) ?? reorderedName(index, text);
}

/** A name asked in one sentence of a longer message: "comment passer un guest pv en hvm ? c'est un vieux centos 5". */
function askedName(index: SearchIndex, question: string, kept: (id: string | undefined) => string | undefined): string | undefined {
  const sentences = askingSentences(question);
  if (sentences.length === 0) return undefined;
  const found = new Set(sentences.map((s) => kept(index.exactNames.get(nameKey(stripQuestionFrame(s))))));
  // Every asking sentence must name the same fact: two names, or a name and another question, ask two things.
  return found.size === 1 ? [...found][0] : undefined;
}

/** A name of a few words in any order and inflection (word-bag.ts); not for a sentence cut from a longer message. */
const BAG_MAX_WORDS = 10;

function bagName(index: SearchIndex, groups: readonly WordGroup[], question: string, intents: ReadonlySet<Intent>): string | undefined {
  if (groups.length > BAG_MAX_GROUPS || question.split(/\s+/).length > BAG_MAX_WORDS) return undefined;
  const key = wordBagKey(groups, question, intents);
  return key ? index.bagNames.get(key) : undefined;
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i]!, ...tail];
  }
}

/** Best score first; equal scores in id order (code-unit order: cheap, and the same on every machine). */
function byScoreThenId(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);
}

/** The fact is mainly about an error message, and the question neither reads as an error nor quotes one of its messages. */
export function errorFactUnasked(index: SearchIndex, factId: string, intents: ReadonlySet<Intent>, errors: readonly ErrorMatch[]): boolean {
  return index.traits.get(factId)?.intent[0] === 'error' && !intents.has('error') && !errors.some((e) => e.factId === factId);
}

/** An error message pasted whole (or nearly) settles the question: its fact goes first, like an exact name. */
const ERROR_MATCH_FIRST = 0.8;

export function rank(index: SearchIndex, question: string, options: RankOptions = {}): Ranking {
  const exclude = options.exclude;
  const kept = (id: string | undefined) => (id && !exclude?.has(id) ? id : undefined);
  const analysed = analyze(question, { forQuery: true, maxGroups: MAX_QUERY_GROUPS });
  // A misspelt function word ("shoud") is dropped like the word it misspells, unless the base uses the word or is
  // one typo from a word it uses ("mdoe" is "mode" before it is "does").
  const checked = analysed.map((g) => [g, correctGroup(index, g)] as const);
  // Each misspelt word and its spelling, for reading the question as a name: the corrected words, and the misspelt
  // function words dropped here ("whne was xen 4.4 relesed").
  const spellings = new Map<string, string>();
  const meantPairs = checked.filter(([g, c]) => {
    if (g.compound || g.words.length !== 1) return true;
    const word = g.words[0]!;
    if (c !== g) {
      const spelling = c.words.find((w) => w !== word);
      if (spelling) spellings.set(word, spelling);
      return true;
    }
    if (g.terms.some((t) => index.documentFrequency.has(t))) return true;
    const stop = stopWordMisspelt(word);
    if (stop) spellings.set(word, stop);
    return stop === undefined;
  });
  const meant = meantPairs.map(([g]) => g);
  const corrected = meantPairs.map(([, c]) => c);
  const groups = weighGroups(index, corrected);
  // The question as a name ("What is PVH?" → "pvh"): its frame is stripped once, for every use below.
  const stripped = stripQuestionFrame(question);
  const name = nameKey(stripped);
  const tailless = withoutVersionTail(stripped);
  const unxenned = withoutXenBeforeVersion(stripped);
  const token = referenceKey(stripped);
  const owners = token ? (index.referenceNames.get(token) ?? []).filter((id) => !exclude?.has(id)) : [];
  // A name of a few words in another order is still the name: "event channels fifo" is "FIFO event channels".
  // The kinds of question its wording shows: for the word-bag reading below and for the re-scoring.
  const intents = questionIntents(question);
  // The first of these readings that names a fact, in this order; a reference name several facts carry stops the
  // looser readings after it.
  const readings: Array<() => string | undefined> = [
    () => kept(name ? index.exactNames.get(name) : undefined),
    () => kept(tailless !== stripped ? index.exactNames.get(nameKey(tailless)) : undefined),
    () => kept(unxenned !== stripped ? index.exactNames.get(nameKey(unxenned)) : undefined),
    () => (owners.length === 1 ? owners[0] : undefined),
    () => (owners.length === 0 ? kept(reorderedName(index, stripped)) : undefined),
    () => (owners.length === 0 ? askedName(index, question, kept) : undefined),
    () => (owners.length === 0 ? kept(correctedName(index, stripped, spellings)) : undefined),
    () => (owners.length === 0 && !options.excerpt ? kept(bagName(index, corrected, question, intents)) : undefined),
  ];
  let exact: string | undefined;
  for (const reading of readings) if ((exact = reading())) break;
  const ambiguous = !exact && owners.length > 1 ? owners : undefined;
  const errors = matchErrors(index.errorTemplates, question).filter((m) => !exclude?.has(m.factId));
  const queryTerms = [...new Set(corrected.flatMap((g) => g.terms))];

  // Measured (npm run eval): fuzzy names add about one point of top-1, mostly typos that are real words
  // ("pont releases"). Long questions skip them: fuse.js patterns stop at 32 characters.
  const fuzzy = fuzzyNameScores(index, name, stripped.split(' ').filter(Boolean).length, exclude);
  const named = namedReferences(index, question, exclude);
  for (const factId of optionedCommandEntries(index, question)) if (!exclude?.has(factId)) named.set(factId, Math.max(named.get(factId) ?? 0, 1));
  const bm25 = new Map<string, number>();
  if (queryTerms.length > 0) {
    // Only the best BM25 hits can make the list, and the fuzzy and named matches, which need their BM25 score too.
    const forced = new Set([...fuzzy.keys(), ...named.keys()]);
    const hits = index.bm25.search(queryTerms, MAX_CANDIDATES + (exclude?.size ?? 0), forced).filter((h) => !exclude?.has(h.id));
    const top = hits[0]?.score ?? 0;
    for (const hit of hits) bm25.set(hit.id, top > 0 ? hit.score / top : 0);
  }
  const combined = new Map(bm25);
  for (const [factId, closeness] of fuzzy) {
    combined.set(factId, (combined.get(factId) ?? 0) + FUZZY_NAME_WEIGHT * closeness);
  }
  for (const [factId, weight] of named) combined.set(factId, (combined.get(factId) ?? 0) + NAMED_WEIGHT * weight);

  // BM25 rewards repeating a word; coverage rewards answering every part of the question, in curated names
  // first. Re-scoring the head of the list by coverage gained two points of top-1 (npm run eval).
  // A large base matches thousands of facts on common words: only the best are sorted in full and kept.
  const describe = (factId: string, score: number): Candidate => ({
    factId,
    score,
    bm25: bm25.get(factId) ?? 0,
    fuzzy: fuzzy.get(factId) ?? 0,
    named: named.get(factId) ?? 0,
  });
  const byScore = [...combined].map(([factId, score]) => describe(factId, score)).sort(byScoreThenId).slice(0, MAX_CANDIDATES);
  // A how-to question and a how-to fact, a "how many" question and a limit…: the kind of answer asked for breaks
  // near ties between a concept and its task (npm run eval).
  const suits = (factId: string) => (index.traits.get(factId)?.intent ?? []).some((i) => intents.has(i));
  // "How much memory does dom0 need?" is not asked about ARM: a fact limited to a case the question does not name
  // gives way to a general one that answers as well (issue 11).
  const asked = scopesNamedIn(question);
  const unasked = (factId: string) => scopesUnasked(index.traits.get(factId)?.scope ?? [], asked).length > 0;
  const answersAsked = (factId: string) => asked.has('arm') && (index.traits.get(factId)?.scope ?? []).some((s) => scopesOverlap(s, 'arm'));
  // "How much RAM should dom0 have?" is not a pasted error: the fact explaining an error gives way likewise.
  const errorUnasked = (factId: string) => errorFactUnasked(index, factId, intents, errors);
  // "xl destroy deletes the disk?" names `xl destroy`: the entry of `xl cpupool-destroy` gives way likewise.
  const commands = writtenCommandEntries(index, question);
  const head = byScore.slice(0, RERANK_DEPTH).map((c): Candidate => {
    const covered = coverage(index, groups, c.factId);
    const bonus = intents.size > 0 && suits(c.factId) ? 1 + INTENT_BONUS : 1;
    const scoped = unasked(c.factId) ? SCOPE_UNASKED : answersAsked(c.factId) ? SCOPE_ASKED : 1;
    const unerred = errorUnasked(c.factId) ? ERROR_UNASKED : 1;
    const commanded = commandShare(index, commands, c.factId);
    return { ...c, score: c.score * (RERANK_FLOOR + (1 - RERANK_FLOOR) * covered) * bonus * scoped * unerred * commanded, coverage: covered };
  });
  const candidates: Candidate[] = [...head, ...byScore.slice(RERANK_DEPTH)].sort(byScoreThenId);
  // Exact beats fuzzy: the named fact goes first whatever the scores say; then a pasted error message; then the
  // facts sharing an ambiguous reference name.
  const first = [exact, ...(errors[0] && errors[0].score >= ERROR_MATCH_FIRST ? [errors[0].factId] : []), ...(ambiguous ?? [])].filter(
    (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
  );
  if (first.length > 0) {
    const top = Math.max(1, candidates[0]?.score ?? 1);
    const promoted = first.map((id) => {
      const known = candidates.find((c) => c.factId === id);
      return { ...(known ?? describe(id, top)), coverage: known?.coverage ?? coverage(index, groups, id), score: top };
    });
    const rest = candidates.filter((c) => !first.includes(c.factId));
    candidates.splice(0, candidates.length, ...promoted, ...rest);
  }
  return { groups, exact, ambiguous, errors, intents, corrected: corrected.filter((g, i) => g !== meant[i]).length, candidates };
}
