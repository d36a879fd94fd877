// What /xen-admin shows: a server's unanswered questions of the week.
import type { GapsReport } from '../../curation/gaps.ts';
import { messages } from '../../i18n/messages.ts';
import type { Language } from '../../knowledge/schema.ts';
import type { KnowledgeBase } from '../../knowledge/validate.ts';
import { DiscordLimits, truncate } from '../limits.ts';
import type { ReplyPayload } from './payload.ts';

export function renderServerGaps(report: GapsReport, kb: KnowledgeBase, language: Language): ReplyPayload {
  const t = messages(language);
  if (report.unanswered.length === 0) return { content: t.adminNoGaps };
  const lines = report.unanswered.map((g) => {
    const guess = g.bestGuess ? kb.factsById.get(g.bestGuess)?.title[language] : undefined;
    // User text goes in a code span: it is shown to an admin, never rendered as markdown or mentions.
    const question = truncate(g.question.replace(/`/g, "'"), 120);
    return `**${g.count}×** \`${question}\` · ${t.adminAskers(g.askers)}${guess ? ` · ${t.adminBestGuess}: ${guess}` : ''}`;
  });
  return { embeds: [{ title: t.adminGapsTitle, description: truncate(lines.join('\n'), DiscordLimits.embedDescription), footer: { text: t.adminGapsFooter } }] };
}
