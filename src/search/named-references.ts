// Reference names a question writes out as a setting: `vcpsu=4`, `iommu_inclusive_maping`, `vif.default.script`.
// Operators paste config lines; the key they wrote, typos included, says which entry they ask about better than the
// words around it (npm run eval: training set, reference and typo questions). An `xl` command in a sentence is not
// read so: it is more often the tool the asker used ("xl mem-set refuses", "xl says …") than the subject, and
// counting it answered such questions with the command's entry (docs/quality.md).
import { foldAccents } from '../text/fold.ts';
import { digitsOf, editDistance } from './edit-distance.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * A quoted or listed value says what was set, not what is asked about: `extra="console=hvc0"` names `extra`, not
 * `console`; `vif = [ 'bridge=xenbr0' ]` names `vif`.
 */
const QUOTED_VALUE = /=\s*(?:"[^"]*"?|'[^']*'?|\[[^\]]*\]?)/g;
/** `key=value`, `key = value`. */
const SETTING = /(?<![\p{L}\p{N}_.-])([a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*)\s*=/gu;
/** A word with underscores or inner dots, as config keys and boot options are spelled: `dom0_mem`, `vif.default.script`. */
const IDENTIFIER = /(?<![\p{L}\p{N}_.-])([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)(?![\p{L}\p{N}_-])/gu;
/** Shorter identifiers are abbreviations ("e.g") more often than names. */
const MIN_IDENTIFIER_LENGTH = 5;
/** Names after the first are usually context ("e820_host=0 ignored when i have pci="): they count this much. */
const LATER_NAME_SHARE = 0.5;
/** A name written with one typo, or two in a long name, counts this much of an exact one. */
const TYPO_CLOSENESS = [1, 0.8, 0.6] as const;
/** More names than this at the same distance: the typo does not say which one was meant. */
const MAX_EQUALLY_CLOSE = 2;

/** The names a question writes as settings, in order of appearance, each once. */
export function writtenNames(question: string): string[] {
  const text = foldAccents(question).replace(QUOTED_VALUE, '= ');
  const found: { at: number; name: string }[] = [];
  for (const m of text.matchAll(SETTING)) found.push({ at: m.index, name: m[1]! });
  for (const m of text.matchAll(IDENTIFIER)) if (m[1]!.length >= MIN_IDENTIFIER_LENGTH) found.push({ at: m.index, name: m[1]! });
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}

/**
 * Typos a written name may carry. Unlike a word of prose, a name's digits are kept apart (they must match exactly,
 * below), so `dom0_max_vpcus` is allowed the typos of its letters.
 */
function nameTypoAllowance(name: string): number {
  const letters = name.replace(/[^a-z]/g, '').length;
  return letters < 4 ? 0 : letters >= 8 ? 2 : 1;
}

/** The reference names within the typo allowance of `name`, closest only; exact when the name is one. */
function closestKeys(index: SearchIndex, name: string): { keys: string[]; distance: number } {
  if (index.referenceNames.get(name)) return { keys: [name], distance: 0 };
  const allowance = nameTypoAllowance(name);
  if (allowance === 0) return { keys: [], distance: 0 };
  const all = index.data.referenceKeys;
  const digits = digitsOf(name);
  let best: string[] = [];
  let bestDistance = allowance + 1;
  // A few hundred names: a scan, with the cheap tests (length, then digits) before the edit distance.
  for (let i = 0; i < all.size; i++) {
    const key = all.at(i);
    if (key.startsWith('xl ')) continue; // commands are not read as settings (above)
    if (Math.abs(key.length - name.length) > allowance) continue;
    if (digitsOf(key) !== digits) continue; // `credit2` is not `credit`
    const distance = editDistance(name, key, Math.min(allowance, bestDistance));
    if (distance < bestDistance) [best, bestDistance] = [[key], distance];
    else if (distance === bestDistance) best.push(key);
  }
  return bestDistance <= allowance && best.length <= MAX_EQUALLY_CLOSE ? { keys: best, distance: bestDistance } : { keys: [], distance: 0 };
}

/** Facts whose reference names the question writes out, with how strongly (1: the first name, spelled right). */
export function namedReferences(index: SearchIndex, question: string, exclude?: ReadonlySet<string>): Map<string, number> {
  const named = new Map<string, number>();
  writtenNames(question).forEach((name, order) => {
    const { keys, distance } = closestKeys(index, name);
    const weight = (TYPO_CLOSENESS[distance] ?? 0) * (order === 0 ? 1 : LATER_NAME_SHARE);
    for (const key of keys) {
      for (const factId of index.referenceNames.get(key) ?? []) {
        if (!exclude?.has(factId)) named.set(factId, Math.max(named.get(factId) ?? 0, weight));
      }
    }
  });
  return named;
}
