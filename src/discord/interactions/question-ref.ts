// The key that ties an answer's buttons and menus to the question they answer, in the store.
import { randomBytes } from 'node:crypto';

/** 10 characters of base64url: unique enough for months of questions, short enough for a custom id. */
export const newQuestionRef = () => randomBytes(8).toString('base64url').slice(0, 10);

export const isQuestionRef = (s: string | undefined): s is string => s !== undefined && /^[\w-]{10}$/.test(s);
