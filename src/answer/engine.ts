// The answer engine: one pure, synchronous answer() for every front end, after a one-time index build.
import type { Language } from '../knowledge/schema.ts';
import type { KnowledgeBase } from '../knowledge/validate.ts';
import { pastedWords } from '../search/error-match.ts';
import { withoutChatNoise } from '../search/noise.ts';
import { questionFocus } from '../search/question-focus.ts';
import { rank, type Ranking } from '../search/rank.ts';
import { buildSearchIndex, type SearchIndex } from '../search/search-index.ts';
import { decide, type Decision } from './decide.ts';
import { areKin } from './features.ts';
import { languageOf } from './language.ts';
import type { Answer, AnswerOptions, FactView } from './types.ts';
import { suggestionsFor, viewFact } from './view.ts';

/** Only the start of a very long paste is read; the rest cannot change which fact fits. */
export const MAX_QUESTION_CHARS = 4000;
export const MAX_SUGGESTIONS = 5;
/** A candidate this far below the winner is not worth suggesting. */
const SUGGESTION_MIN_SCORE = 0.25;

/** Everything the engine saw and decided about one question: answer() shapes it, the evaluation studies it. */
export interface Examination {
  /** The question as matched: cut to MAX_QUESTION_CHARS, without chat noise; or its asking sentences alone, when that
   * reading of a long message was the surer (question-focus.ts). */
  text: string;
  language: Language;
  ranking: Ranking;
  decision: Decision;
}

export interface ExamineOptions extends AnswerOptions {
  /** Facts to leave out, as if the base lacked them (the evaluation's near misses). */
  exclude?: ReadonlySet<string>;
}

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  readonly index: SearchIndex;
  answer(question: string, options?: AnswerOptions): Answer;
  examine(question: string, options?: ExamineOptions): Examination;
  /** One fact in one language, e.g. for `/xen feature` or a "did you mean" pick. */
  view(factId: string, language: Language): FactView | undefined;
}

/** The engine for a validated base; `index` is given when restored from a snapshot instead of built. */
export function createAnswerEngine(kb: KnowledgeBase, index: SearchIndex = buildSearchIndex(kb.facts)): AnswerEngine {
  function examine(question: string, options: ExamineOptions = {}): Examination {
    if (typeof question !== 'string') throw new TypeError(`answer() needs a string question, got ${typeof question}`);
    const raw = question.slice(0, MAX_QUESTION_CHARS);
    const text = withoutChatNoise(raw);
    // The question's own words decide the language; a greeting around it ("Bonjour, PVH ?") only when they cannot.
    const fallback = options.fallbackLanguage ?? 'en';
    const ranking = rank(index, text, { exclude: options.exclude });
    // The question's words, read once: most questions paste no error message, whose words would not vote.
    const shown = options.language ? undefined : languageOf(text);
    const replyLanguage = () => {
      const pasted = pastedWords(index.errorTemplates, ranking.errors, text);
      // Beside a paste, the few words the asker wrote are all there is to go on, thanks and "des idées ?" included.
      return (pasted.size === 0 ? shown : languageOf(raw, pasted)) ?? languageOf(raw) ?? fallback;
    };
    const language = options.language ?? replyLanguage();
    // The decision sees the question's words only: a "Bonjour" around "shadow_memroy" sets the reply's language, not whether to answer.
    const decisionLanguage = options.language ?? shown ?? fallback;
    const whole = { text, language, ranking, decision: decide(index, ranking, text, decisionLanguage) };
    // A long message is also read as its asking sentences alone; the surer reading wins. A pasted error message
    // is the question, whatever is said around it.
    const focus = ranking.errors.length === 0 ? questionFocus(text) : undefined;
    if (!focus) return whole;
    const focusRanking = rank(index, focus, { exclude: options.exclude, excerpt: true });
    const focused = { text: focus, language, ranking: focusRanking, decision: decide(index, focusRanking, focus, decisionLanguage) };
    return sureness(focused.decision) > sureness(whole.decision) ? focused : whole;
  }

  /** Answered before uncertain before unknown; then the calibrated confidence. */
  const sureness = (d: Decision) => ({ answered: 2, uncertain: 1, unknown: 0 })[d.status] + d.confidence;

  function answer(question: string, options: AnswerOptions = {}): Answer {
    const { language, ranking, decision } = examine(question, options);
    const chosen = decision.status === 'answered' ? decision.best : undefined;
    const topScore = ranking.candidates[0]?.score ?? 0;
    const pool = ranking.candidates
      .filter((c) => c.factId !== chosen && c.score >= topScore * SUGGESTION_MIN_SCORE)
      .map((c) => c.factId);
    // Answered: facts related to the answer come first among the others (two sides of one answer, not rivals);
    // with nothing close enough, the fact's own related facts are offered.
    const kin = chosen ? pool.filter((id) => areKin(index, chosen, id)) : [];
    const ordered = chosen ? [...kin, ...pool.filter((id) => !kin.includes(id))] : pool;
    const ids = chosen && ordered.length === 0 ? (kb.factsById.get(chosen)?.related ?? []) : ordered;
    return {
      status: decision.status,
      confidence: decision.confidence,
      language,
      answer: chosen ? (viewFact(kb, chosen, language) ?? null) : null,
      suggestions: suggestionsFor(kb, ids.slice(0, MAX_SUGGESTIONS), language),
    };
  }

  return { kb, index, answer, examine, view: (factId, language) => viewFact(kb, factId, language) };
}
