// Name completion for pickers (Discord autocomplete): exact and prefix matches first, then fuzzy rescue.
import type { Language, ReferenceKind } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { nameKey, referenceKey } from '../text/fold.ts';
import { NAME_KINDS, namePenalty } from './index-data.ts';
import { nameWords, type FactName, type SearchIndex } from './search-index.ts';

export interface Completion {
  id: string;
  /** What to show: the fact's title, with the alias that matched when it differs. */
  label: string;
}

/** Keeps the `limit` smallest items seen, in order: a picker shows 25 of possibly tens of thousands of matches. */
class Smallest<T> {
  readonly items: T[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { items } = this;
    if (items.length >= this.limit && this.compare(item, items[items.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(items[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
    if (items.length > this.limit) items.pop();
  }
}

/** A prefix range this large is not walked: the picker's order is read instead, until the list is full. */
const WALKED_RANGE = 2048;

/**
 * Names whose nameKey starts with `typed`, by rank (0: the key is `typed`; 1: it only starts with it), offered to
 * `take` until it says the list is full. Names of a small range are all offered; for a large one ("x" matches a
 * tenth of all names), names are offered in `order`, best first, so that the first few dozen fill the list.
 */
function offerPrefixMatches(index: SearchIndex, typed: string, order: Uint32Array, take: (position: number, rank: number) => boolean): void {
  const { completionKeys, completionKeyNames, nameKeyIds } = index.data;
  const [from, to] = completionKeys.prefixRange(typed);
  if (from === to) return;
  const exact = completionKeys.at(from) === typed ? from : -1;
  if (exact >= 0) for (const position of completionKeyNames.of(exact)) take(position, 0);
  const first = exact >= 0 ? from + 1 : from;
  if (completionKeyNames.start[to]! - completionKeyNames.start[first]! <= WALKED_RANGE) {
    for (let k = first; k < to; k++) for (const position of completionKeyNames.of(k)) take(position, 1);
    return;
  }
  for (let i = 0; i < order.length; i++) {
    const position = order[i]!;
    const key = nameKeyIds[position]!;
    if (key >= first && key < to && !take(position, 1)) return;
  }
}

/** Per index, counters by name position, reused: a keystroke must not allocate one per name of a large base. */
const scratch = new WeakMap<SearchIndex, Uint16Array>();

/**
 * Names each of whose `words` begins one of the name's words ("virt imb" → "virtualisation imbriquée"), counted in
 * typed arrays over the words' postings: no name is read as text, however common the words ("the", "a").
 */
function wordPrefixMatches(index: SearchIndex, words: readonly string[]): number[] {
  const { completionWords, completionWordNames } = index.data;
  // Postings of neighbouring keys are contiguous: a word's prefix range is one stretch of values. Rarest first.
  const stretches = [...new Set(words)].slice(0, 0xfffe).map((word) => {
    const [from, to] = completionWords.prefixRange(word);
    return completionWordNames.values.subarray(completionWordNames.start[from], completionWordNames.start[to]);
  });
  stretches.sort((a, b) => a.length - b.length);
  if (stretches.length === 0) return [];
  let count = scratch.get(index);
  if (!count) scratch.set(index, (count = new Uint16Array(index.names.count)));
  const touched: number[] = [];
  stretches.forEach((values, i) => {
    for (let v = 0; v < values.length; v++) {
      const position = values[v]!;
      // Counted once per typed word (a second word of the name with the same prefix finds it at i + 1 already),
      // and only while it has matched every word before.
      if (count[position] !== i) continue;
      if (i === 0) touched.push(position);
      count[position] = i + 1;
    }
  });
  const matches = touched.filter((position) => count[position] === stretches.length);
  for (const position of touched) count[position] = 0;
  return matches;
}

/**
 * Names whose nameKey contains `typed`, found through the trigram index rather than by reading every name: for one
 * or two letters, the trigrams holding them; for three, that trigram; for more, the names holding all its
 * trigrams, checked for the whole string.
 */
function* substringMatches(index: SearchIndex, typed: string): Generator<number> {
  const { trigrams, trigramNames } = index.data;
  if (typed.length < 3) {
    // Every place two letters occur in a name begins one of its trigrams ("^gd$" has "gd$"); a single letter is
    // also the middle of a name's last trigram, so the trigrams are read in full.
    const [from, to] = typed.length === 2 ? trigrams.prefixRange(typed) : [0, trigrams.size];
    const seen = new Set<number>();
    for (let g = from; g < to; g++) {
      if (!trigrams.at(g).includes(typed)) continue;
      for (const position of trigramNames.of(g)) {
        if (seen.has(position)) continue;
        seen.add(position);
        yield position;
      }
    }
    return;
  }
  const lists: Uint32Array[] = [];
  for (let i = 0; i + 3 <= typed.length; i++) {
    const id = trigrams.idOf(typed.slice(i, i + 3));
    if (id < 0) return;
    lists.push(trigramNames.of(id));
  }
  lists.sort((a, b) => a.length - b.length);
  const [shortest, ...rest] = lists;
  for (const position of shortest!) {
    if (!rest.every((list) => hasValue(list, position))) continue;
    if (typed.length === 3 || nameKey(index.data.names.text.at(position)!).includes(typed)) yield position;
  }
}

function hasValue(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] === value;
}

/**
 * A name's place in the picker as one number, smaller first: score (rank, kind, language), then the name's length,
 * then its position. Kept per fact in a typed array: one typed letter matches tens of thousands of names in a large base.
 */
const POSITION_BITS = 2 ** 28;
const LENGTH_BITS = 2 ** 12;
const matchKey = (score: number, length: number, position: number) => (score * LENGTH_BITS + Math.min(length, LENGTH_BITS - 1)) * POSITION_BITS + position;

const bestByFact = new WeakMap<SearchIndex, Float64Array>();

export function completeFacts(kb: KnowledgeBase, index: SearchIndex, input: string, language: Language, limit: number): Completion[] {
  const typed = nameKey(input);
  const title = (id: string) => kb.factsById.get(id)?.title[language] ?? id;
  if (!typed) {
    const ids = [...kb.featured, ...index.factIds.slice(0, limit + kb.featured.length)];
    return [...new Set(ids)].slice(0, limit).map((id) => ({ id, label: title(id) }));
  }

  // Exact, then prefix, then every word a word prefix, then substring: a fact takes its best name's rank, and a
  // rank is only looked for while the better ones have not filled the list (no fact of a worse rank can pass them).
  let best = bestByFact.get(index);
  if (!best) bestByFact.set(index, (best = new Float64Array(index.factCount).fill(Number.POSITIVE_INFINITY)));
  const touched: number[] = [];
  const { kind: kinds, text } = index.data.names;
  const consider = (position: number, rank: number) => {
    // Prefer titles to aliases, the asker's language, and shorter names at equal rank.
    const score = rank * 10 + namePenalty(kinds[position]!, language);
    const key = matchKey(score, text.at(position)!.length, position);
    const fact = index.names.factOf(position);
    if (best[fact] === Number.POSITIVE_INFINITY) touched.push(fact);
    if (key < best[fact]!) best[fact] = key;
  };
  offerPrefixMatches(index, typed, index.data.pickerOrder[language], (position, rank) => {
    consider(position, rank);
    return touched.length < limit;
  });
  if (touched.length < limit) for (const position of wordPrefixMatches(index, nameWords(input))) consider(position, 2);
  if (touched.length < limit) for (const position of substringMatches(index, typed)) consider(position, 3);
  const shown = new Smallest<number>(limit, (a, b) => a - b);
  for (const fact of touched) {
    shown.offer(best[fact]!);
    best[fact] = Number.POSITIVE_INFINITY;
  }
  // Labels only for what is shown: one typed letter matches most names.
  const results = shown.items.map((key) => {
    const name = index.names.at(key % POSITION_BITS);
    return { id: name.factId, label: labelFor(title(name.factId), name) };
  });

  // Typos: fuse.js over the same short names rescues "pvh mdoe" or "nestd". Its pattern limit is 32 characters.
  if (results.length < limit && typed.length <= 32) {
    const seen = new Set(results.map((r) => r.id));
    for (const hit of index.fuzzyNames.search(typed, limit * 2)) {
      if (seen.has(hit.item.factId)) continue;
      seen.add(hit.item.factId);
      results.push({ id: hit.item.factId, label: labelFor(title(hit.item.factId), hit.item) });
    }
  }
  return results.slice(0, limit);
}

function labelFor(title: string, matched: FactName): string {
  // Show the alias that matched only when the title does not already contain it.
  return matched.kind === 'alias' && !nameKey(title).includes(nameKey(matched.name)) ? `${title} (${matched.name})` : title;
}

export function completeTopics(kb: KnowledgeBase, input: string, language: Language, limit: number): Completion[] {
  const typed = nameKey(input);
  return kb.topics
    .filter((t) => !typed || nameKey(t.title[language]).includes(typed) || nameKey(t.title.en).includes(typed) || t.id.includes(typed))
    .slice(0, limit)
    .map((t) => ({ id: t.id, label: t.title[language] }));
}

/** A reference entry offered while typing `/xen ref`: the name as documented, and which document it is from. */
export interface ReferenceCompletion {
  id: string;
  name: string;
  kind: ReferenceKind;
}

/** Offered before anything is typed: what operators look up most. */
const POPULAR_REFERENCES = [
  'xl-command/create', 'xl-command/list', 'xl-command/console', 'xl-command/migrate', 'xl-command/shutdown', 'xl-command/destroy',
  'boot-option/dom0_mem', 'boot-option/dom0_max_vcpus', 'boot-option/iommu', 'boot-option/console', 'boot-option/com1',
  'xl-cfg/memory', 'xl-cfg/maxmem', 'xl-cfg/vcpus', 'xl-cfg/disk', 'xl-cfg/vif', 'xl-cfg/builder', 'xl-cfg/bootloader',
  'xl-cfg/pci', 'xl-cfg/gfx_passthru', 'xl-conf/autoballoon', 'disk-spec/target', 'vif-spec/bridge', 'hotplug-script/xendomains',
];

interface ReferenceMatch extends ReferenceCompletion {
  rank: number;
  position: number;
}

const byReference = (a: ReferenceMatch, b: ReferenceMatch) =>
  a.rank - b.rank || a.name.length - b.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.position - b.position;

export function completeReferences(_kb: KnowledgeBase, index: SearchIndex, input: string, limit: number): ReferenceCompletion[] {
  const entryAt = (position: number): ReferenceCompletion | undefined => {
    if (NAME_KINDS[index.data.names.kind[position]! & 3] !== 'reference') return undefined;
    const fact = index.names.factOf(position);
    const kind = index.data.traits[fact]?.reference;
    return kind && { id: index.factIds[fact]!, name: index.data.names.text.at(position)!, kind };
  };
  const typed = nameKey(input.replace(/^\s*xl\s+/i, ''));
  if (!typed) {
    const popular: ReferenceCompletion[] = [];
    const wanted = new Set(POPULAR_REFERENCES);
    const others: ReferenceCompletion[] = [];
    for (let position = 0; position < index.names.count && (popular.length < wanted.size || others.length < limit); position++) {
      const entry = entryAt(position);
      if (!entry) continue;
      const key = `${entry.kind}/${entry.name}`;
      if (wanted.has(key)) {
        wanted.delete(key);
        popular.push(entry);
      } else if (others.length < limit) others.push(entry);
    }
    const order = (e: ReferenceCompletion) => POPULAR_REFERENCES.indexOf(`${e.kind}/${e.name}`);
    return [...popular.sort((a, b) => order(a) - order(b)), ...others].slice(0, limit);
  }
  const shown = new Smallest<ReferenceMatch>(limit, byReference);
  const matched = new Set<number>();
  let prefixed = 0;
  offerPrefixMatches(index, typed, index.data.referenceOrder, (position, rank) => {
    const entry = entryAt(position);
    if (!entry) return true;
    matched.add(position);
    shown.offer({ ...entry, rank, position });
    return ++prefixed < limit;
  });
  if (shown.items.length < limit) {
    for (const position of substringMatches(index, typed)) {
      const entry = matched.has(position) ? undefined : entryAt(position);
      if (entry) shown.offer({ ...entry, rank: 2, position });
    }
  }
  const results: ReferenceCompletion[] = shown.items.map(({ id, name, kind }) => ({ id, name, kind }));
  // Typos ("dom0mem", "gfx_pasthru"): fuse.js over the same names, reference entries only.
  if (results.length < limit && typed.length <= 32) {
    const seen = new Set(results.map((r) => `${r.kind}/${r.name}`));
    for (const hit of index.fuzzyNames.search(typed, limit * 4)) {
      if (hit.item.kind !== 'reference') continue;
      const kind = index.traits.get(hit.item.factId)?.reference;
      if (!kind) continue;
      const key = `${kind}/${hit.item.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push({ id: hit.item.factId, name: hit.item.name, kind });
    }
  }
  return results.slice(0, limit);
}

/** The reference entries a typed name designates exactly: none, one, or several of different kinds. */
export function referencesNamed(index: SearchIndex, input: string): readonly string[] {
  return index.referenceNames.get(referenceKey(input)) ?? [];
}
