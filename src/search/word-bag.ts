// A name read as a bag of words: "quand est sorti xen 4.4" is the alias "quand est sortie la 4.4", "tmem compress que
// fait" is "que fait tmem compress". The key is the name's distinct stems in sorted order (function words and
// inflections gone), with the kinds of question its wording shows ("when", "who"…) and whether it denies: "who shipped
// 4.4" is not "what shipped before 4.4", and "my pvh guest won't start" is not "start a pvh guest".
import type { Intent } from '../knowledge/schema.ts';
import { foldAccents } from '../text/fold.ts';
import type { WordGroup } from './analyze.ts';
import { questionIntents } from './intent.ts';

/** Longer names are not read as bags: a question of more content words than this is not a name. */
export const BAG_MAX_GROUPS = 4;

const NEGATION = /\b(?:not|no|never|none|\w+n'?t|pas|jamais|aucune?|fail\w*|refus\w*|broken|cass\w+|plante\w*)\b/;

/**
 * The bag key of a text analysed as `groups` (analyze(text, { forQuery: true })); "" when it has no content word.
 * `intents` are questionIntents(text), passed in by a caller that has them already.
 */
export function wordBagKey(groups: readonly WordGroup[], text: string, intents: ReadonlySet<Intent> = questionIntents(text)): string {
  if (groups.length === 0) return '';
  const terms = [...new Set(groups.map((g) => g.terms.join('+')))].sort().join(' ');
  return `${terms}|${[...intents].sort().join(' ')}|${NEGATION.test(foldAccents(text.toLowerCase())) ? 'not' : ''}`;
}
