// The answer engine: one pure, synchronous answer() for every front end, after a one-time index build.
import type { Language } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { rank } from '../search/rank.ts';
import { buildSearchIndex, type SearchIndex } from '../search/search-index.ts';
import { decide } from './decide.ts';
import { detectLanguage } from './language.ts';
import type { Answer, AnswerOptions, FactView } from './types.ts';
import { suggestionsFor, viewFact } from './view.ts';

/** Only the start of a very long paste is read; the rest cannot change which fact fits. */
export const MAX_QUESTION_CHARS = 4000;
export const MAX_SUGGESTIONS = 5;
/** A candidate this far below the winner is not worth suggesting. */
const SUGGESTION_MIN_SCORE = 0.25;

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  readonly index: SearchIndex;
  answer(question: string, options?: AnswerOptions): Answer;
  /** One fact in one language, e.g. for `/xen feature` or a "did you mean" pick. */
  view(factId: string, language: Language): FactView | undefined;
}

/** The engine for a validated base; `index` is given when restored from a snapshot instead of built. */
export function createAnswerEngine(kb: KnowledgeBase, index: SearchIndex = buildSearchIndex(kb.facts)): AnswerEngine {

  function answer(question: string, options: AnswerOptions = {}): Answer {
    if (typeof question !== 'string') throw new TypeError(`answer() needs a string question, got ${typeof question}`);
    const text = question.slice(0, MAX_QUESTION_CHARS);
    const language = options.language ?? detectLanguage(text, options.fallbackLanguage ?? 'en');
    const ranking = rank(index, text);
    const decision = decide(index, ranking);

    const chosen = decision.status === 'answered' ? decision.best : undefined;
    const topScore = ranking.candidates[0]?.score ?? 0;
    const pool = ranking.candidates
      .filter((c) => c.factId !== chosen && c.score >= topScore * SUGGESTION_MIN_SCORE)
      .map((c) => c.factId);
    // Answered: nothing close enough → offer the fact's own related facts instead.
    const ids = chosen && pool.length === 0 ? (kb.factsById.get(chosen)?.related ?? []) : pool;
    return {
      status: decision.status,
      confidence: decision.confidence,
      language,
      answer: chosen ? (viewFact(kb, chosen, language) ?? null) : null,
      suggestions: suggestionsFor(kb, ids.slice(0, MAX_SUGGESTIONS), language),
    };
  }

  return { kb, index, answer, view: (factId, language) => viewFact(kb, factId, language) };
}
