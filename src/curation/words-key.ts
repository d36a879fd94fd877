// "Same question" for the curation report: the same content words, whatever the order, case, accents or frame.
import { analyze } from '../search/analyze.ts';

export function contentWordsKey(question: string): string {
  const stems = analyze(question, { forQuery: true, maxGroups: 48 }).map((g) => g.terms[0] ?? g.words[0] ?? '');
  return [...new Set(stems.filter(Boolean))].sort().join(' ');
}
