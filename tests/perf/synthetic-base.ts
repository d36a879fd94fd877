// Larger knowledge bases for the benchmark, grown from the real facts: how cost scales with size, not a quality test.
import type { Fact } from '../../src/knowledge/schema.ts';
import type { KnowledgeBase } from '../../src/knowledge/validate.ts';
import { seededRandom } from './measure.ts';

/** Share of a copy's words replaced by new ones: the vocabulary grows with the base, as a real one would. */
const VARIED_WORDS = 0.3;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Replaces some words with pseudo-words derived from them ("channels" → "chanqelsv"), keeping the text's shape. */
function varyText(text: string, random: () => number): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (random() >= VARIED_WORDS) return word;
    const letter = () => LETTERS[Math.floor(random() * LETTERS.length)]!;
    const at = 1 + Math.floor(random() * (word.length - 2));
    return `${word.slice(0, at)}${letter()}${word.slice(at + 1)}${letter()}`;
  });
}

/**
 * The base with `times` copies of every fact: the originals first, then copies with new ids and varied words.
 * Related facts and citations still point at the originals, so every copy renders like a real fact.
 */
export function syntheticBase(kb: KnowledgeBase, times: number, seed = 44): KnowledgeBase {
  const random = seededRandom(seed);
  const facts: Fact[] = [...kb.facts];
  for (let copy = 1; copy < times; copy++) {
    for (const fact of kb.facts) {
      const vary = (text: string) => varyText(text, random);
      facts.push({
        ...fact,
        id: `${fact.id}-s${copy}`,
        title: { en: vary(fact.title.en), fr: vary(fact.title.fr) },
        aliases: { en: fact.aliases.en.map(vary), fr: fact.aliases.fr.map(vary) },
        text: { en: vary(fact.text.en), ...(fact.text.fr ? { fr: vary(fact.text.fr) } : {}) },
        tags: fact.tags.map(vary),
      });
    }
  }
  return { ...kb, facts, factsById: new Map(facts.map((f) => [f.id, f])) };
}
