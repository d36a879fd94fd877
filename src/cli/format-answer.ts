// Renders an Answer as plain text for the terminal.
import type { Answer, FactView } from '../answer/types.ts';
import { messages, statusLabel } from '../i18n/messages.ts';

function statusLine(fact: FactView, answer: Answer): string {
  const t = messages(answer.language);
  const label = statusLabel(fact.status, fact.verdict, answer.language);
  return `${label} · ${t.answerStatus[answer.status]}, ${t.confidence} ${answer.confidence.toFixed(2)}`;
}

export function formatAnswer(answer: Answer): string {
  const t = messages(answer.language);
  const lines: string[] = [];
  const fact = answer.answer;
  if (fact) {
    lines.push(fact.title, `(${statusLine(fact, answer)})`, '', fact.text);
    if (fact.disputed) lines.push('', `⚠ ${t.disputed}`);
    if (fact.textLanguage !== answer.language) lines.push('', t.englishFallback);
    lines.push('', `${t.sources}:`);
    fact.sources.forEach((s, i) => {
      const where = s.locator ? ` — ${s.locator}` : '';
      lines.push(`  [${i + 1}] ${s.title}, ${s.publisher}${s.date ? ` (${s.date})` : ''}${where}`, `      ${s.url}`);
    });
    if (answer.suggestions.length) lines.push('', `${t.seeAlso}: ${answer.suggestions.map((s) => s.title).join(' · ')}`);
  } else if (answer.status === 'uncertain') {
    lines.push(`${t.didYouMean} (${t.confidence} ${answer.confidence.toFixed(2)})`);
    answer.suggestions.forEach((s, i) => lines.push(`  ${i + 1}. ${s.title}  [${s.id}]`));
  } else {
    lines.push(`${t.unknown} (${t.confidence} ${answer.confidence.toFixed(2)})`);
    if (answer.suggestions.length) lines.push(`${t.closestTopics}: ${answer.suggestions.map((s) => s.title).join(' · ')}`);
  }
  return lines.join('\n');
}
