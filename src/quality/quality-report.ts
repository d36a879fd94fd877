// docs/quality.md: the three sets' figures side by side, a reliability diagram and a precision/coverage curve.
import { DECISION_MODEL } from '../answer/decision-model.ts';
import { precisionCoverage, ratio, type EvalReport } from './evaluate.ts';
import type { QuestionSetName } from './question-sets.ts';
import { precisionCoverageCurve, reliabilityDiagram, type Series } from './svg-charts.ts';

const COLORS: Record<QuestionSetName, string> = { public: '#1f77b4', training: '#9467bd', holdout: '#d62728', blind: '#2ca02c' };
const pct = (part: number, whole: number) => `${(100 * ratio(part, whole)).toFixed(1)} %`;

export interface QualityDocument {
  markdown: string;
  svgs: Record<'reliability' | 'precision-coverage', string>;
}

export function qualityDocument(reports: ReadonlyArray<{ set: QuestionSetName; report: EvalReport }>, facts: number, date: string): QualityDocument {
  const rows = reports.map(
    ({ set, report: r }) =>
      `| ${set} | ${r.inScope} / ${r.outOfScope} | ${pct(r.top1, r.inScope)} | ${pct(r.top3, r.inScope)} | ${pct(r.answeredCorrect, r.inScope)} | ${pct(r.answeredWrong, r.inScope)} | ${pct(r.rejected, r.outOfScope)} |`,
  );
  const reliability: Series[] = reports.map(({ set, report }) => ({
    name: set,
    color: COLORS[set],
    points: report.calibration.filter((b) => b.total > 0).map((b) => ({ x: b.meanConfidence, y: b.correct / b.total, n: b.total })),
  }));
  const curves: Series[] = reports.map(({ set, report }) => ({
    name: set,
    color: COLORS[set],
    points: precisionCoverage(report).map((p) => ({ x: p.coverage, y: p.precision })),
  }));
  const marks = reports.map(({ set, report }) => {
    const answered = report.results.filter((r) => r.answer.status === 'answered' && report.results.includes(r) && r.question.expected[0] !== 'unknown');
    return { color: COLORS[set], x: answered.length / Math.max(1, report.inScope), y: answered.filter((r) => r.top1).length / Math.max(1, answered.length) };
  });
  const fitted = DECISION_MODEL.fitted;
  const markdown = [
    `Figures of \`npm run eval -- --report\` on ${date}, knowledge base of ${facts} facts; decision fitted on ${fitted.date}`,
    `(answer at P ≥ ${DECISION_MODEL.thresholds.answer}, "I don't know" below P(in scope) ${DECISION_MODEL.thresholds.inScope}).`,
    '',
    '| set | in scope / out | top-1 | top-3 | answered and right | answered and wrong | out of scope declined |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    '![Reliability diagram](quality/reliability.svg) ![Precision and coverage](quality/precision-coverage.svg)',
    '',
    'Reliability: in-scope questions grouped by the confidence the bot gave, against the share whose best fact was',
    'right; on the dashed line the confidence means what it says. Precision/coverage: every possible answer threshold,',
    'from answering everything (right end) to answering nothing; the ring is the threshold the bot uses.',
    '',
  ].join('\n');
  return { markdown, svgs: { reliability: reliabilityDiagram(reliability), 'precision-coverage': precisionCoverageCurve(curves, marks) } };
}
