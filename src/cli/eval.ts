// `npm run eval`: scores the engine on the public, held-out and blind question sets.
//   --set public|holdout|blind   only these sets (repeatable)      --verbose   list every miss, not only wrong answers
//   --fit      fit the answer decision on the public and training sets and write src/answer/decision-model.ts
//   --report   write docs/quality.md and its charts (docs/quality/*.svg)
//   --dir F    score the questions in folder F instead (a set kept outside the repository)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnswerEngine } from '../answer/engine.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { evaluate, ratio, type EvalReport } from '../quality/evaluate.ts';
import { decisionModelSource, fitDecision, trainingRows } from '../quality/fit-decision.ts';
import { spliceGenerated } from '../quality/generated-section.ts';
import { isOutOfScope, loadQuestionSet } from '../quality/question-set.ts';
import { FITTED_SETS, loadNamedSet, QUESTION_SET_INFO, QUESTION_SETS, type QuestionSetName } from '../quality/question-sets.ts';
import { qualityDocument } from '../quality/quality-report.ts';
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';

const pct = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)}%`.padStart(6);
const line = (label: string, part: number, whole: number) => console.log(`${label.padEnd(28)}${pct(part, whole)}  ${part}/${whole}`);

function print(set: QuestionSetName | string, report: EvalReport, verbose: boolean): void {
  console.log(`\n== ${set in QUESTION_SET_INFO ? QUESTION_SET_INFO[set as QuestionSetName].about : `questions in ${set}`}`);
  console.log(`questions: ${report.results.length} (${report.inScope} in scope, ${report.outOfScope} out of scope)`);
  line('top-1 (in scope)', report.top1, report.inScope);
  line('top-3 (in scope)', report.top3, report.inScope);
  line('answered and right', report.answeredCorrect, report.inScope);
  line('answered and wrong', report.answeredWrong, report.inScope);
  line('out of scope declined', report.rejected, report.outOfScope);
  line('out of scope answered', report.outOfScopeAnswered, report.outOfScope);
  line('French detected', report.frenchDetected, report.frenchTotal);
  console.log('\ncategory          n   top-1   right   wrong');
  for (const c of report.categories) {
    console.log(`${c.category.padEnd(14)} ${String(c.total).padStart(4)}  ${pct(c.top1, c.total)}  ${pct(c.answeredRight, c.total)}  ${pct(c.answeredWrong, c.total)}`);
  }
  if (report.unknownExpectations.length) console.log(`\n⚠ expected ids missing from the base: ${report.unknownExpectations.join(', ')}`);
  const wrong = report.results.filter((r) => r.answer.status === 'answered' && !r.top1);
  console.log(`\nanswered and wrong (${wrong.length}):`);
  for (const r of wrong.sort((a, b) => a.question.category.localeCompare(b.question.category))) {
    console.log(`  [${r.question.category}] ${r.question.question}`);
    console.log(`      got ${r.best} (${r.answer.confidence.toFixed(2)}), expected ${r.question.expected.join(' | ')}`);
  }
  if (!verbose) return;
  const misses = report.results.filter((r) => !r.top1 || (r.answer.status !== 'answered' && !isOutOfScope(r.question)));
  console.log(`\nnot answered right (${misses.length}):`);
  for (const r of misses) {
    console.log(`  [${r.question.category}] ${r.question.question}`);
    console.log(`      ${r.answer.status} ${r.answer.confidence.toFixed(2)}: ${r.shown.slice(0, 3).join(', ') || '—'}; expected ${r.question.expected.join(' | ')}`);
  }
}

exitQuietlyOnClosedPipe();
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const chosen = args.flatMap((a, i) => (a === '--set' ? [args[i + 1]] : [])).filter((s): s is QuestionSetName => QUESTION_SETS.includes(s as QuestionSetName));
const sets = chosen.length ? chosen : [...QUESTION_SETS];
const started = performance.now();
const kb = loadKnowledge(process.env.XENBOT_KNOWLEDGE_DIR || undefined);
const engine = createAnswerEngine(kb);

if (args.includes('--fit')) {
  // The public and training sets only: the held-out and blind sets are never fitted on.
  const fit = fitDecision(trainingRows(engine, FITTED_SETS.flatMap(loadNamedSet)), undefined, undefined, kb.facts.length);
  const path = fileURLToPath(new URL('../answer/decision-model.ts', import.meta.url));
  writeFileSync(path, decisionModelSource(fit.model));
  const cv = fit.crossValidated;
  console.log(`fitted on ${cv.asked} questions (${FITTED_SETS.join(' and ')} sets), ${cv.nearMisses} near misses, ${cv.outOfScope} out of scope (λ ${fit.lambda})`);
  console.log(`thresholds: answer ${fit.model.thresholds.answer}, in scope ${fit.model.thresholds.inScope}`);
  console.log(`5-fold cross-validated: answered right ${cv.answeredRight}/${cv.asked}, wrong ${cv.answeredWrong}; near misses answered ${cv.nearMissAnswered}/${cv.nearMisses}; out of scope declined ${cv.outOfScopeDeclined}/${cv.outOfScope}`);
  console.log(`written to ${path}; run npm run eval again to score with it`);
  process.exit(0);
}

const outside = args.flatMap((a, i) => (a === '--dir' ? [args[i + 1]] : [])).filter((d): d is string => Boolean(d));
if (outside.length) {
  for (const dir of outside) print(dir, evaluate(engine, loadQuestionSet(dir)), verbose);
  process.exit(0);
}
const reports = sets.map((set) => ({ set, report: evaluate(engine, loadNamedSet(set)) })).filter(({ report }) => report.results.length > 0);
for (const { set, report } of reports) print(set, report, verbose);

console.log('\nset        in/out   top-1   top-3   right   wrong  declined');
for (const { set, report: r } of reports) {
  console.log(`${set.padEnd(9)} ${`${r.inScope}/${r.outOfScope}`.padStart(8)}  ${pct(r.top1, r.inScope)}  ${pct(r.top3, r.inScope)}  ${pct(r.answeredCorrect, r.inScope)}  ${pct(r.answeredWrong, r.inScope)}  ${pct(r.rejected, r.outOfScope)}`);
}

if (args.includes('--report')) {
  const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
  const document = qualityDocument(reports, kb.facts.length, new Date().toISOString().slice(0, 10));
  mkdirSync(`${docs}quality`, { recursive: true });
  for (const [name, svg] of Object.entries(document.svgs)) writeFileSync(`${docs}quality/${name}.svg`, svg);
  let current = '';
  try {
    current = readFileSync(`${docs}quality.md`, 'utf8');
  } catch {
    current = '# Answer quality\n\n';
  }
  const spliced = spliceGenerated(current, document.markdown, 'npm run eval -- --report');
  writeFileSync(`${docs}quality.md`, current.includes('generated from here') ? spliced : `${current}${spliced}`);
  console.log('\nwritten: docs/quality.md, docs/quality/reliability.svg, docs/quality/precision-coverage.svg');
}
console.log(`\n(${(performance.now() - started).toFixed(0)} ms including index build)`);
