// Larger knowledge bases for the benchmark, grown from the real facts: how cost scales with size, not a quality test.
import type { Fact } from '../../src/knowledge/schema.ts';
import { factsByIdOf, type KnowledgeBase } from '../../src/knowledge/validate.ts';
import { seededRandom } from './measure.ts';

/** Share of a copy's words replaced by variants: the vocabulary grows with the base, as a real one would. */
const VARIED_WORDS = 0.3;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Variant `n` of a word: the same word and `n` always give the same pseudo-word ("channels" → "chanqelsv"), so
 * variants recur across copies as words do across documents.
 */
function variant(word: string, n: number): string {
  const random = seededRandom([...word].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261 ^ n));
  const letter = () => LETTERS[Math.floor(random() * LETTERS.length)]!;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return `${word.slice(0, at)}${letter()}${word.slice(at + 1)}${letter()}`;
}

/**
 * Replaces some words with one of `variants` variants. A real base 100 times larger repeats most of its words:
 * vocabulary grows roughly with the square root of the text (Heaps' law), so the pool of variants per word does too.
 */
function varyText(text: string, random: () => number, variants: number): string {
  return text.replace(/\p{L}{4,}/gu, (word) => (random() < VARIED_WORDS ? variant(word, Math.floor(random() * variants)) : word));
}

/**
 * The base with `times` copies of every fact: the originals first, then copies with new ids and varied words
 * (30 % of words of four letters or more, each one of about 2√times variants: 7 at 10×, 20 at 100×).
 * Related facts and citations still point at the originals, so every copy renders like a real fact.
 */
export function syntheticBase(kb: KnowledgeBase, times: number, seed = 44): KnowledgeBase {
  const random = seededRandom(seed);
  const variants = Math.ceil(2 * Math.sqrt(times));
  const facts: Fact[] = [...kb.facts];
  for (let copy = 1; copy < times; copy++) {
    for (const fact of kb.facts) {
      const vary = (text: string) => varyText(text, random, variants);
      facts.push({
        ...fact,
        id: `${fact.id}--copy-${copy}`, // "--" never appears in a real id: "cfg-acpi-s3" is one
        title: { en: vary(fact.title.en), fr: vary(fact.title.fr) },
        aliases: { en: fact.aliases.en.map(vary), fr: fact.aliases.fr.map(vary) },
        text: { en: vary(fact.text.en), ...(fact.text.fr ? { fr: vary(fact.text.fr) } : {}) },
        tags: fact.tags.map(vary),
      });
    }
  }
  return { ...kb, facts, factsById: factsByIdOf(facts) }; // with the ids facts replaced, as the loader makes it
}

/**
 * A base of another shape, for figures that must not hold only for one generator: each new fact takes its title and
 * aliases from one real fact with their words shuffled, and its text from sentences of three other real facts.
 * Its vocabulary barely grows (no new words), where syntheticBase's grows with the size: the two bracket a real base.
 */
export function remixedBase(kb: KnowledgeBase, times: number, seed = 45): KnowledgeBase {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const shuffle = (text: string) =>
    text
      .split(' ')
      .map((word) => [random(), word] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, word]) => word)
      .join(' ');
  const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);
  const facts: Fact[] = [...kb.facts];
  for (let i = 0; i < kb.facts.length * (times - 1); i++) {
    const named = pick(kb.facts);
    const bodies = [pick(kb.facts), pick(kb.facts), pick(kb.facts)];
    const text = (language: 'en' | 'fr') => bodies.map((b) => pick(sentences(b.text[language] ?? b.text.en))).join(' ');
    facts.push({
      ...named,
      id: `${named.id}--remix-${i}`,
      title: { en: shuffle(named.title.en), fr: shuffle(named.title.fr) },
      aliases: { en: named.aliases.en.map(shuffle), fr: named.aliases.fr.map(shuffle) },
      text: { en: text('en'), fr: text('fr') },
    });
  }
  return { ...kb, facts, factsById: factsByIdOf(facts) }; // with the ids facts replaced, as the loader makes it
}
