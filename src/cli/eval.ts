// `npm run eval`: scores retrieval on tests/eval/questions and lists every miss.
import { createAnswerEngine } from '../answer/engine.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { evaluate, ratio, type EvalReport } from '../quality/evaluate.ts';
import { fileURLToPath } from 'node:url';
import { DEFAULT_QUESTIONS_DIR, isOutOfScope, loadQuestionSet } from '../quality/question-set.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';

const pct = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)}%`.padStart(6);

function print(report: EvalReport, verbose: boolean): void {
  console.log(`questions: ${report.results.length} (${report.inScope} in scope, ${report.outOfScope} out of scope)\n`);
  console.log(`top-1 (in scope)        ${pct(report.top1, report.inScope)}  ${report.top1}/${report.inScope}`);
  console.log(`top-3 (in scope)        ${pct(report.top3, report.inScope)}  ${report.top3}/${report.inScope}`);
  console.log(`answered and right      ${pct(report.answeredCorrect, report.inScope)}  ${report.answeredCorrect}/${report.inScope}`);
  console.log(`answered and wrong      ${pct(report.answeredWrong, report.inScope)}  ${report.answeredWrong}/${report.inScope}`);
  console.log(`out-of-scope rejected   ${pct(report.rejected, report.outOfScope)}  ${report.rejected}/${report.outOfScope}`);
  console.log(`French detected         ${pct(report.frenchDetected, report.frenchTotal)}  ${report.frenchDetected}/${report.frenchTotal}`);
  console.log('\ncategory       n   top-1   top-3');
  for (const c of report.categories) {
    console.log(`${c.category.padEnd(13)} ${String(c.total).padStart(3)}  ${pct(c.top1, c.total)}  ${pct(c.top3, c.total)}`);
  }
  console.log('\ntopic                    n  French   top-1');
  for (const t of report.topics) {
    console.log(`${t.topic.padEnd(22)} ${String(t.total).padStart(3)}  ${String(t.french).padStart(6)}  ${pct(t.top1, t.total)}`);
  }
  console.log('\nconfidence band   n   top-1 right');
  for (const b of report.calibration) {
    console.log(`${b.from.toFixed(2)}–${b.to.toFixed(2)}     ${String(b.total).padStart(4)}  ${pct(b.correct, b.total)}`);
  }
  if (report.unknownExpectations.length) console.log(`\n⚠ expected ids missing from the base: ${report.unknownExpectations.join(', ')}`);

  const misses = report.results.filter((r) => !r.top1);
  console.log(`\nmisses (${misses.length}):`);
  for (const r of misses) {
    const got = isOutOfScope(r.question) ? r.answer.status : (r.shown[0] ?? '—');
    console.log(`  [${r.question.category}] ${r.question.question}`);
    console.log(`      expected ${r.question.expected.join(' | ')}, got ${got} (${r.answer.status} ${r.answer.confidence.toFixed(2)})${verbose ? ` shown: ${r.shown.join(', ')}` : ''}`);
  }
}

/** Questions written blind to the facts' aliases, never used for tuning: the honest figure. */
const HOLDOUT_DIR = fileURLToPath(new URL('../../tests/eval/holdout', import.meta.url));

exitQuietlyOnClosedPipe();
const verbose = process.argv.includes('--verbose');
const holdout = process.argv.includes('--holdout');
const started = performance.now();
const engine = createAnswerEngine(loadKnowledge());
console.log(holdout ? 'held-out set (tests/eval/holdout): do not tune on it\n' : 'public set (tests/eval/questions)\n');
const report = evaluate(engine, loadQuestionSet(holdout ? HOLDOUT_DIR : DEFAULT_QUESTIONS_DIR));
print(report, verbose);
console.log(`\n(${(performance.now() - started).toFixed(0)} ms including index build)`);
