// What a load run sends: a seeded mix of /xen ask, /xen feature, autocomplete and mention questions, from real data.
import type { KnowledgeBase } from '../../src/knowledge/validate.ts';
import { loadQuestionSet } from '../../src/quality/question-set.ts';
import { seededRandom } from './measure.ts';

export interface LoadMix {
  ask: number;
  feature: number;
  autocomplete: number;
  mention: number;
}

export type JobKind = keyof LoadMix;

export type Job =
  | { kind: 'ask'; question: string; french: boolean }
  | { kind: 'feature'; name: string; french: boolean }
  | { kind: 'autocomplete'; typed: string; french: boolean }
  | { kind: 'mention'; question: string; channel: number };

let questionSet: ReturnType<typeof loadQuestionSet> | undefined;

export const DEFAULT_MIX: LoadMix = { ask: 4, feature: 2, autocomplete: 3, mention: 1 };

/** `n` jobs drawn with the mix's weights; the same seed gives the same jobs. */
export function buildWorkload(kb: KnowledgeBase, n: number, mix: LoadMix, seed: number, channels = 1): Job[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const questions = (questionSet ??= loadQuestionSet());
  const kinds = (Object.keys(mix) as JobKind[]).filter((k) => mix[k] > 0);
  const total = kinds.reduce((sum, k) => sum + mix[k], 0);
  if (total <= 0) throw new Error('the load mix has no positive weight');

  const drawKind = (): JobKind => {
    let r = random() * total;
    for (const k of kinds) if ((r -= mix[k]) < 0) return k;
    return kinds.at(-1)!;
  };
  return Array.from({ length: n }, (): Job => {
    const kind = drawKind();
    if (kind === 'ask' || kind === 'mention') {
      const q = pick(questions);
      return kind === 'ask'
        ? { kind, question: q.question, french: q.category === 'french' }
        : { kind, question: q.question, channel: Math.floor(random() * channels) };
    }
    const fact = pick(kb.facts);
    const french = random() < 0.3;
    const title = french ? fact.title.fr : fact.title.en;
    // The value a picked suggestion sends is the fact id; people who do not pick send the title as typed.
    if (kind === 'feature') return { kind, name: random() < 0.7 ? fact.id : title, french };
    // What someone has typed so far: empty, or the start of a real title.
    const typed = random() < 0.1 ? '' : title.slice(0, 1 + Math.floor(random() * Math.min(title.length, 12)));
    return { kind, typed, french };
  });
}
