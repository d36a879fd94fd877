// The curator's report: what users asked that the base could not answer, which answers they disliked, and which
// of their words should become aliases. Pure: it reads rows, the store and the CLI feed it.
import type { StoredFeedback, StoredPick, StoredQuestion } from '../store/records.ts';

export interface UnansweredGroup {
  /** The most common wording of the group. */
  question: string;
  count: number;
  /** Distinct askers (per day: the asker hash changes daily). */
  askers: number;
  lastAsked: string;
  /** "unknown" if any was declined outright, else "uncertain". */
  status: 'uncertain' | 'unknown';
  /** The fact the bot thought closest most often, if any. */
  bestGuess: string | null;
}

export interface DislikedFact {
  factId: string;
  up: number;
  down: number;
  comments: string[];
}

export interface AliasSuggestion {
  factId: string;
  question: string;
  /** Which list of aliases it belongs in. */
  language: 'en' | 'fr';
  /** Distinct askers who picked this fact for these words. */
  count: number;
}

/** The JSON shape of `npm run gaps -- --json`: a contract for other tools. */
export interface GapsReport {
  since: string;
  questions: number;
  unanswered: UnansweredGroup[];
  disliked: DislikedFact[];
  aliasSuggestions: AliasSuggestion[];
}

export interface GapsInput {
  questions: readonly StoredQuestion[];
  feedback: readonly StoredFeedback[];
  picks: readonly StoredPick[];
}

/** Two questions belong together when they have the same content words ("what is pvh?" / "PVH, what's that"). */
export type WordsKey = (question: string) => string;

/** An alias needs this many different people choosing the same fact for the same words. */
export const MIN_ALIAS_ASKERS = 2;

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}

export function gapsReport(input: GapsInput, keyOf: WordsKey, since: number, limit: number): GapsReport {
  const groups = new Map<string, StoredQuestion[]>();
  for (const q of input.questions) {
    if (q.status === 'answered' || !q.question) continue;
    const key = keyOf(q.question) || q.question.toLowerCase().trim();
    groups.set(key, [...(groups.get(key) ?? []), q]);
  }
  const unanswered = [...groups.values()]
    .map((rows): UnansweredGroup => ({
      question: mostCommon(rows.map((r) => r.question!.trim()))!,
      count: rows.length,
      askers: new Set(rows.map((r) => r.asker)).size,
      lastAsked: new Date(Math.max(...rows.map((r) => r.askedAt))).toISOString(),
      status: rows.some((r) => r.status === 'unknown') ? 'unknown' : 'uncertain',
      bestGuess: mostCommon(rows.map((r) => r.factId).filter((f): f is string => f !== null)) ?? null,
    }))
    .sort((a, b) => b.count - a.count || b.askers - a.askers || b.lastAsked.localeCompare(a.lastAsked))
    .slice(0, limit);

  const votes = new Map<string, DislikedFact>();
  for (const f of input.feedback) {
    const entry = votes.get(f.factId) ?? { factId: f.factId, up: 0, down: 0, comments: [] };
    if (f.vote > 0) entry.up += 1;
    else entry.down += 1;
    if (f.comment?.trim()) entry.comments.push(f.comment.trim());
    votes.set(f.factId, entry);
  }
  const disliked = [...votes.values()].filter((v) => v.down > 0).sort((a, b) => b.down - a.down || a.up - b.up || a.factId.localeCompare(b.factId)).slice(0, limit);

  const chosen = new Map<string, { factId: string; wordings: string[]; askers: Set<string>; french: number }>();
  for (const p of input.picks) {
    if (!p.question) continue;
    const key = `${keyOf(p.question) || p.question.toLowerCase().trim()}\u0000${p.factId}`;
    const entry = chosen.get(key) ?? { factId: p.factId, wordings: [], askers: new Set<string>(), french: 0 };
    entry.wordings.push(p.question.trim());
    if (p.language === 'fr') entry.french += 1;
    entry.askers.add(p.asker);
    chosen.set(key, entry);
  }
  const aliasSuggestions = [...chosen.values()]
    .filter((c) => c.askers.size >= MIN_ALIAS_ASKERS)
    .map((c): AliasSuggestion => ({ factId: c.factId, question: mostCommon(c.wordings)!, language: c.french * 2 > c.wordings.length ? 'fr' : 'en', count: c.askers.size }))
    .sort((a, b) => b.count - a.count || a.factId.localeCompare(b.factId))
    .slice(0, limit);

  return { since: new Date(since).toISOString(), questions: input.questions.length, unanswered, disliked, aliasSuggestions };
}

/** The report for people: three sections, and the alias suggestions as YAML to paste under each fact. */
export function formatGaps(report: GapsReport): string {
  const lines = [`Questions since ${report.since}: ${report.questions}`, ''];
  lines.push(`Not answered or not sure (${report.unanswered.length} groups):`);
  if (report.unanswered.length === 0) lines.push('  (none)');
  for (const g of report.unanswered) {
    lines.push(`  ${String(g.count).padStart(4)}×  ${g.askers} asker(s)  ${g.status.padEnd(9)}  last ${g.lastAsked.slice(0, 16).replace('T', ' ')}  ${JSON.stringify(g.question)}`);
    if (g.bestGuess) lines.push(`         best guess: ${g.bestGuess}`);
  }
  lines.push('', `Facts with 👎 (${report.disliked.length}):`);
  if (report.disliked.length === 0) lines.push('  (none)');
  for (const d of report.disliked) {
    lines.push(`  ${d.factId}: 👍 ${d.up}  👎 ${d.down}`);
    for (const c of d.comments) lines.push(`      “${c}”`);
  }
  lines.push('', `Alias suggestions (${report.aliasSuggestions.length}): words at least ${MIN_ALIAS_ASKERS} people resolved by picking the same fact`);
  if (report.aliasSuggestions.length === 0) lines.push('  (none)');
  const byFact = new Map<string, AliasSuggestion[]>();
  for (const s of report.aliasSuggestions) byFact.set(s.factId, [...(byFact.get(s.factId) ?? []), s]);
  for (const [factId, suggestions] of byFact) {
    lines.push(`  # ${factId} (picked by ${suggestions.map((s) => s.count).join(', ')} people): add to its aliases`);
    lines.push(`  - id: ${factId}`, '    aliases:');
    for (const language of ['en', 'fr'] as const) {
      const words = suggestions.filter((s) => s.language === language).map((s) => JSON.stringify(s.question));
      if (words.length) lines.push(`      ${language}: [${words.join(', ')}]`);
    }
  }
  return lines.join('\n');
}
