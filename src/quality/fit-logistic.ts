// Fits a logistic model with an L2 penalty by full-batch gradient descent on standardised features.
// A few hundred rows and twenty features: plain gradient descent converges in well under a second.
import type { LogisticModel } from '../answer/logistic.ts';
import { predict } from '../answer/logistic.ts';

export interface Row<F extends string> {
  x: Readonly<Record<F, number>>;
  y: 0 | 1;
  /** Rows of one question share a group: cross-validation never splits them. */
  group: string;
}

export interface FitOptions {
  /** L2 penalty per row on the standardised weights (not on the bias). */
  lambda: number;
  iterations?: number;
  /** Stop when the gradient's largest component falls below this. */
  tolerance?: number;
}

export function fitLogistic<F extends string>(features: readonly F[], rows: ReadonlyArray<Row<F>>, options: FitOptions): LogisticModel<F> {
  const n = rows.length;
  const mean = {} as Record<F, number>;
  const scale = {} as Record<F, number>;
  for (const f of features) {
    const values = rows.map((r) => r.x[f]);
    const m = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, n));
    mean[f] = m;
    scale[f] = sd > 1e-9 ? sd : 1; // a constant feature stays at weight 0
  }
  const X = rows.map((r) => features.map((f) => (r.x[f] - mean[f]) / scale[f]));
  const w = new Float64Array(features.length);
  let b = 0;
  const rate = 0.5;
  const iterations = options.iterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-6;
  for (let it = 0; it < iterations; it++) {
    const gw = new Float64Array(features.length);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      const xi = X[i]!;
      for (let j = 0; j < xi.length; j++) z += w[j]! * xi[j]!;
      const error = 1 / (1 + Math.exp(-z)) - rows[i]!.y;
      gb += error;
      for (let j = 0; j < xi.length; j++) gw[j]! += error * xi[j]!;
    }
    let largest = Math.abs(gb / n);
    for (let j = 0; j < w.length; j++) {
      const g = gw[j]! / n + options.lambda * w[j]!;
      largest = Math.max(largest, Math.abs(g));
      w[j]! -= rate * g;
    }
    b -= (rate * gb) / n;
    if (largest < tolerance) break;
  }
  const weights = {} as Record<F, number>;
  features.forEach((f, j) => (weights[f] = w[j]!));
  return { bias: b, weights, mean, scale };
}

export function logLoss<F extends string>(model: LogisticModel<F>, rows: ReadonlyArray<Row<F>>): number {
  let sum = 0;
  for (const r of rows) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, predict(model, r.x)));
    sum -= r.y ? Math.log(p) : Math.log(1 - p);
  }
  return sum / Math.max(1, rows.length);
}

/** Groups dealt into k folds in a seeded order, positives and negatives spread evenly (by each group's first row). */
export function foldsOf<F extends string>(rows: ReadonlyArray<Row<F>>, k: number, seed = 1): Map<string, number> {
  const groups = [...new Map(rows.map((r) => [r.group, r.y])).entries()];
  let state = seed >>> 0 || 1;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const shuffled = groups.map((g) => ({ g, key: random() })).sort((a, b) => a.key - b.key).map((e) => e.g);
  const fold = new Map<string, number>();
  let positives = 0;
  let negatives = 0;
  for (const [group, y] of shuffled) fold.set(group, y ? positives++ % k : negatives++ % k);
  return fold;
}

/** Out-of-fold probabilities: each row predicted by a model that never saw its group. */
export function crossValidate<F extends string>(features: readonly F[], rows: ReadonlyArray<Row<F>>, options: FitOptions, k = 5, seed = 1): number[] {
  const fold = foldsOf(rows, k, seed);
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => fold.get(r.group) !== f);
    const model = fitLogistic(features, train, options);
    rows.forEach((r, i) => {
      if (fold.get(r.group) === f) out[i] = predict(model, r.x);
    });
  }
  return out;
}
