// The baseline xenbot is compared with: fuse.js alone, one index over titles, aliases and text, the whole question as
// the pattern. This is what a bot gets from fuzzy search without an inverted index.
import Fuse from 'fuse.js';
import type { Fact } from '../../src/knowledge/schema.ts';

export interface Baseline {
  /** The best fact for a question, or undefined when nothing matches. */
  best(question: string): string | undefined;
}

export function fuseBaseline(facts: readonly Fact[]): Baseline {
  const fuse = new Fuse(facts, {
    keys: ['title.en', 'title.fr', 'aliases.en', 'aliases.fr', 'text.en', 'text.fr'],
    // fuse.js's defaults. In a one-off comparison (not a committed script) ignoring location was about 2.5 times
    // slower for about 2 more points of top-1 on 120 questions: the defaults are the fairer speed baseline.
  });
  return { best: (question) => fuse.search(question, { limit: 1 })[0]?.item.id };
}
