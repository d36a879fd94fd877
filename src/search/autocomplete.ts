// Name completion for pickers (Discord autocomplete): exact and prefix matches first, then fuzzy rescue.
import type { Language, ReferenceKind } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { nameKey, referenceKey } from '../text/fold.ts';
import { nameWords, type FactName, type SearchIndex } from './search-index.ts';

export interface Completion {
  id: string;
  /** What to show: the fact's title, with the alias that matched when it differs. */
  label: string;
}

/** How well a name matches what was typed; lower is better, undefined is no match. */
function matchRank(name: FactName, typed: string, words: string[]): number | undefined {
  if (name.folded === typed) return 0;
  if (name.folded.startsWith(typed)) return 1;
  if (words.every((w) => name.words.some((nw) => nw.startsWith(w)))) return 2;
  if (name.folded.includes(typed)) return 3;
  return undefined;
}

export function completeFacts(kb: KnowledgeBase, index: SearchIndex, input: string, language: Language, limit: number): Completion[] {
  const typed = nameKey(input);
  const title = (id: string) => kb.factsById.get(id)?.title[language] ?? id;
  if (!typed) {
    const ids = [...kb.featured, ...kb.facts.map((f) => f.id)];
    return [...new Set(ids)].slice(0, limit).map((id) => ({ id, label: title(id) }));
  }

  const words = nameWords(input);
  const best = new Map<string, { rank: number; name: FactName }>();
  for (const name of index.names) {
    const rank = matchRank(name, typed, words);
    if (rank === undefined) continue;
    // Prefer titles to aliases, the asker's language, and shorter names at equal rank.
    const score = rank * 10 + (name.kind === 'title' ? 0 : 2) + (name.language === language ? 0 : 1);
    const current = best.get(name.factId);
    if (!current || score < current.rank || (score === current.rank && name.name.length < current.name.name.length)) {
      best.set(name.factId, { rank: score, name });
    }
  }
  const ranked = [...best.values()].sort((a, b) => a.rank - b.rank || a.name.name.length - b.name.name.length);
  // Labels only for what is shown: one typed letter matches most names.
  const results = ranked.slice(0, limit).map(({ name }) => ({ id: name.factId, label: labelFor(title(name.factId), name) }));

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

export function completeReferences(kb: KnowledgeBase, index: SearchIndex, input: string, limit: number): ReferenceCompletion[] {
  const entries = kb.facts.flatMap((f) => (f.reference ? f.reference.names.map((name) => ({ id: f.id, name, kind: f.reference!.kind })) : []));
  const typed = nameKey(input.replace(/^\s*xl\s+/i, ''));
  if (!typed) {
    const byKey = new Map(entries.map((e) => [`${e.kind}/${e.name}`, e]));
    const popular = POPULAR_REFERENCES.flatMap((key) => byKey.get(key) ?? []);
    return [...popular, ...entries.filter((e) => !popular.includes(e))].slice(0, limit);
  }
  const scored = entries.flatMap((e) => {
    const key = nameKey(e.name);
    const rank = key === typed ? 0 : key.startsWith(typed) ? 1 : key.includes(typed) ? 2 : undefined;
    return rank === undefined ? [] : [{ e, rank }];
  });
  scored.sort((a, b) => a.rank - b.rank || a.e.name.length - b.e.name.length || (a.e.name < b.e.name ? -1 : 1));
  const results = scored.slice(0, limit).map(({ e }) => e);
  // Typos ("dom0mem", "gfx_pasthru"): fuse.js over the same names, reference entries only.
  if (results.length < limit && typed.length <= 32) {
    const seen = new Set(results.map((r) => `${r.kind}/${r.name}`));
    for (const hit of index.fuzzyNames.search(typed, limit * 4)) {
      if (hit.item.kind !== 'reference') continue;
      const fact = kb.factsById.get(hit.item.factId);
      if (!fact?.reference) continue;
      const key = `${fact.reference.kind}/${hit.item.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      results.push({ id: fact.id, name: hit.item.name, kind: fact.reference.kind });
    }
  }
  return results.slice(0, limit);
}

/** The reference entries a typed name designates exactly: none, one, or several of different kinds. */
export function referencesNamed(index: SearchIndex, input: string): readonly string[] {
  return index.referenceNames.get(referenceKey(input)) ?? [];
}
