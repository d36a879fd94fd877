// What the store keeps, as plain data: front ends build these, the store writes them, the curation report reads them.
import type { Language } from '../knowledge/schema.ts';

export type Surface = 'slash' | 'mention' | 'channel' | 'dm';
export type PickVia = 'did-you-mean' | 'related';

/** The most of a question kept: the engine reads no more of a Discord option. */
export const MAX_STORED_QUESTION = 500;
export const MAX_STORED_COMMENT = 300;

export interface QuestionRecord {
  ref: string;
  askedAt: number;
  guildId: string | null;
  surface: Surface;
  language: Language;
  question: string;
  status: 'answered' | 'uncertain' | 'unknown';
  factId: string | null;
  confidence: number;
  latencyMs: number;
  /** The asker's Discord user id: hashed by the store before anything is written. */
  userId: string;
}

export interface FeedbackRecord {
  questionRef: string | null;
  factId: string;
  vote: 1 | -1;
  comment: string | null;
  at: number;
  userId: string;
}

export interface PickRecord {
  questionRef: string | null;
  factId: string;
  via: PickVia;
  at: number;
  userId: string;
}

/** What a user wrote in the form a 👎 opened: it goes with that vote. */
export interface CommentRecord {
  questionRef: string | null;
  factId: string;
  comment: string;
  at: number;
  userId: string;
}

export type StoreRecord =
  | { kind: 'question'; record: QuestionRecord }
  | { kind: 'feedback'; record: FeedbackRecord }
  | { kind: 'comment'; record: CommentRecord }
  | { kind: 'pick'; record: PickRecord };

export interface GuildSettings {
  cooldownSeconds?: number;
  defaultLanguage?: Language;
  answerChannels: string[];
}

/** Rows as the curation report reads them. */
export interface StoredQuestion {
  ref: string;
  askedAt: number;
  guildId: string | null;
  question: string | null;
  status: string;
  factId: string | null;
  confidence: number;
  asker: string;
}
export interface StoredFeedback {
  factId: string;
  vote: number;
  comment: string | null;
  at: number;
}
export interface StoredPick {
  question: string | null;
  /** The language the question was asked in, when it is known. */
  language: string | null;
  factId: string;
  via: string;
  at: number;
  asker: string;
}
