// A logistic model over named features: standardised inputs, one weight each, a bias. Small enough to read.

export interface LogisticModel<F extends string> {
  bias: number;
  weights: Record<F, number>;
  /** Standardisation: each input becomes (x − mean) / scale before weighting. */
  mean: Record<F, number>;
  scale: Record<F, number>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** P(label = 1 | x). Features the model does not know weigh nothing. */
export function predict<F extends string>(model: LogisticModel<F>, x: Readonly<Record<F, number>>): number {
  let z = model.bias;
  for (const name of Object.keys(model.weights) as F[]) {
    const value = x[name];
    if (value === undefined) continue;
    z += model.weights[name] * ((value - model.mean[name]) / model.scale[name]);
  }
  return sigmoid(z);
}
