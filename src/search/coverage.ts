// The confidence gate: how much of what the question asks about does a fact actually talk about?
// Engine scores say "this is the best of what we have"; coverage says "this is what was asked".
import { stems, type WordGroup } from './analyze.ts';
import type { Postings } from './postings.ts';
import type { SearchIndex } from './search-index.ts';

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
 * A group's words and terms as ids of the index, looked up once per question rather than once per candidate fact
 * (an id of -1, a word the base lacks, is in no fact's list).
 */
export interface GroupIds {
  /** Some term of the group is in the base. */
  seen: boolean;
  terms: readonly number[];
  words: readonly number[];
  compound?: { joined: number; parts: ReadonlyArray<{ word: number; terms: readonly number[] }> };
}

function groupIds(index: SearchIndex, group: WordGroup): GroupIds {
  const { terms, words } = index.data;
  const termIds = group.terms.map((t) => terms.idOf(t));
  return {
    seen: termIds.some((t) => t >= 0),
    terms: termIds.filter((t) => t >= 0),
    words: group.words.map((w) => words.idOf(w)).filter((w) => w >= 0),
    ...(group.compound
      ? {
          compound: {
            joined: words.idOf(group.compound.joined),
            parts: group.compound.parts.map((part) => ({ word: words.idOf(part), terms: stems(part).map((t) => terms.idOf(t)).filter((t) => t >= 0) })),
          },
        }
      : {}),
  };
}

/**
 * A group is covered when one of its words or terms (stems) is in the vocabulary. Typos were corrected before
 * (spelling.ts), so no fuzziness here: a near miss on a real word ("pare" for "part") is a different word.
 * A compound ("pare-feu") needs its joined form or every part: one shared half proves nothing.
 * The vocabulary is fact f's lists of term and word ids.
 */
function covers(ids: GroupIds, termLists: Postings, wordLists: Postings, f: number): boolean {
  if (ids.compound) {
    const { parts, joined } = ids.compound;
    return wordLists.has(f, joined) || parts.every((part) => wordLists.has(f, part.word) || part.terms.some((t) => termLists.has(f, t)));
  }
  return ids.words.some((w) => wordLists.has(f, w)) || ids.terms.some((t) => termLists.has(f, t));
}

/** The question's word groups with their IDF weights: computed once per question, used for every candidate. */
export interface WeightedGroup {
  group: WordGroup;
  weight: number;
  ids: GroupIds;
}

/**
 * Quantities say how much, not what about: "limit dom0 memory to 4 GB" is about dom0 memory whatever the size, and a
 * fact that never writes "4" or "GB" answers it. Numbers and size units weigh this share of a word's weight.
 */
export const QUANTITY_WEIGHT = 0.15;
/** The units written after a number ("4gb", "1.5 GB", "2.4 ghz"). */
const UNITS = '[kmgt]i?b?|[kmgt]o|bytes?|octets?|megs?|gigs?|%|ms|s|h|min|sec|mhz|ghz';
/** A number, with or without its unit, or a size unit alone. */
const QUANTITY = new RegExp(`^(?:\\d+(?:[.,]\\d+)?\\s*(?:${UNITS})?|[kmgt]i?b|[kmgt]o|megs?|gigs?|bytes?|octets?)$`, 'i');
const UNIT = new RegExp(`^(?:${UNITS})$`, 'i');
/** A dotted number: a size ("1.5 GB") or a release ("xenserver 6.5", "centos 6.5"). */
const DOTTED = /^\d+\.\d+(?:\.\d+)*$/;
const LINUX = /^(?:linux|kernel|kernels|noyau|noyaux)$/;

/**
 * A dotted number after a product's name, with no unit after it, is a release, which says what the question is about
 * ("xenserver 6.5 is based on which xen"). Not Xen's own 4.x (versions.ts weighs those), not an address ("03:00.0"),
 * and not a Linux release: facts write "Linux 3.14 or later", not every release before it.
 */
function isRelease(groups: readonly WordGroup[], i: number): boolean {
  const surface = groups[i]!.surface;
  const before = groups[i - 1]?.surface ?? '';
  const next = groups[i + 1]?.surface ?? '';
  return DOTTED.test(surface) && !/^(?:0\d|4\.)/.test(surface) && /^\p{L}+$/u.test(before) && !UNIT.test(next) && !LINUX.test(before) && !LINUX.test(next);
}

export function weighGroups(index: SearchIndex, groups: readonly WordGroup[]): WeightedGroup[] {
  return groups.map((group, i) => ({ group, weight: groupWeight(index, group) * (QUANTITY.test(group.surface) && !isRelease(groups, i) ? QUANTITY_WEIGHT : 1), ids: groupIds(index, group) }));
}

/**
 * A question that writes a setting out ("guest_loglvl default value", "numa= valeurs possibles", "name= c'est
 * obligatoire ?") is a lookup: the words asking for its default, values or syntax are its frame, which every entry
 * of the reference answers, and weigh this share of a word's weight (npm run eval: training set, reference questions).
 */
export const LOOKUP_WEIGHT = 0.15;
const LOOKUP_WORDS = new Set([
  'default', 'defaults', 'defaut', 'value', 'values', 'valeur', 'valeurs', 'possible', 'possibles', 'allowed', 'accepted', 'valid',
  'syntax', 'syntaxe', 'format', 'parameter', 'parameters', 'parametre', 'parametres', 'mandatory', 'required', 'obligatoire',
  'requis', 'optional', 'optionnel', 'optionnelle', 'example', 'examples', 'exemple', 'exemples', 'meaning', 'signifie', 'useful',
  'utile', 'utiles', 'unit', 'units', 'unite', 'unites',
]);

/** The question's groups with the lookup frame lightened (LOOKUP_WEIGHT), for a question that writes a setting. */
export function asLookup(groups: readonly WeightedGroup[]): WeightedGroup[] {
  return groups.map((g) => (g.group.words.length > 0 && g.group.words.every((w) => LOOKUP_WORDS.has(w)) ? { ...g, weight: g.weight * LOOKUP_WEIGHT } : g));
}

/** IDF-weighted share of the question's words that the fact covers, 0..1. */
export function coverage(index: SearchIndex, question: readonly WeightedGroup[], factId: string): number {
  return coverageDetail(index, question, factId).weighted;
}

/** The parts of coverage the answer decision weighs separately. */
export interface CoverageDetail {
  /** Names count fully, body text by half (what `coverage` returns). */
  weighted: number;
  /** Share covered by the fact's title, aliases and tags alone. */
  names: number;
  /** Share covered anywhere in the fact. */
  any: number;
  /** `weighted`, counting only words the base knows: an unknown word is an out-of-scope sign, not a miss of this fact. */
  known: number;
  /** Weight share of the words the base never uses. */
  unseen: number;
  /** Where the question's rarest known word is found: 1 in the names, 0.5 in the body only, 0 not at all. */
  rarest: number;
}

export function coverageDetail(index: SearchIndex, question: readonly WeightedGroup[], factId: string): CoverageDetail {
  const f = index.positionOf(factId);
  const { factTerms, factWords, curatedTerms, curatedWords } = index.data;
  let all = 0;
  let weighted = 0;
  let names = 0;
  let any = 0;
  let unseen = 0;
  let rarestWeight = -1;
  let rarest = 0;
  for (const { ids, weight } of question) {
    all += weight;
    const seen = ids.seen;
    if (!seen) unseen += weight;
    if (f === undefined) continue;
    const inNames = covers(ids, curatedTerms, curatedWords, f);
    const inAny = inNames || covers(ids, factTerms, factWords, f);
    const credit = inNames ? 1 : inAny ? BODY_ONLY_CREDIT : 0;
    weighted += weight * credit;
    names += inNames ? weight : 0;
    any += inAny ? weight : 0;
    if (seen && weight > rarestWeight) [rarestWeight, rarest] = [weight, credit];
  }
  if (all === 0) return { weighted: 0, names: 0, any: 0, known: 0, unseen: 0, rarest: 0 };
  const known = all - unseen;
  return { weighted: weighted / all, names: names / all, any: any / all, known: known > 0 ? weighted / known : 0, unseen: unseen / all, rarest };
}
