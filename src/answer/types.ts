// The shape of an answer, shared by every front end (Discord, the CLI, the tests).
import type { FactStatus, Language, ReferenceKind, Scope, Verdict } from '../knowledge/schema.ts';

export type AnswerStatus = 'answered' | 'uncertain' | 'unknown';

export interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  url: string;
  date?: string;
  kind: 'primary' | 'secondary';
  /** Where in the source the fact is supported, when the curator said. */
  locator?: string;
  /** The line `url` points at, for sources that are files. */
  line?: number;
}

/** A reference entry's lookup card: syntax, default, what it applies to, an example. */
export interface ReferenceView {
  kind: ReferenceKind;
  names: string[];
  syntax: string;
  default?: string;
  example?: string;
}

/** A fact rendered for one language, ready to show. */
export interface FactView {
  id: string;
  title: string;
  text: string;
  /** The text's first sentence: enough to tell whether a suggestion is what was asked. */
  gist: string;
  scope: Scope[];
  reference?: ReferenceView;
  /** The language of `text`: English when the French text is missing. */
  textLanguage: Language;
  status: FactStatus;
  verdict?: Verdict;
  disputed: boolean;
  topic: string;
  sources: CitedSource[];
  related: string[];
}

export interface Suggestion {
  id: string;
  title: string;
  /** The first sentence of the fact, in the asker's language. */
  gist: string;
}

export interface Answer {
  status: AnswerStatus;
  /** 0..1: how sure the engine is that `answer` (or the best suggestion) is what was asked. */
  confidence: number;
  /** The language the reply is written in. */
  language: Language;
  /** The chosen fact; null unless the status is "answered". */
  answer: FactView | null;
  /** Up to five other facts: next best matches, or the closest topics when nothing matched well. */
  suggestions: Suggestion[];
}

export interface AnswerOptions {
  /** Force the reply language instead of detecting it. */
  language?: Language;
  /** Language to use when the question gives no clue (e.g. a Discord user's locale). */
  fallbackLanguage?: Language;
}
