/**
 * The verifier's decision: a logistic regression over the alignment features (features.ts), trained by
 * `npm run train:verifier` on synthetic edits of cleaned web pages (model/README.md says how) and shipped as
 * model/verifier.json. `probability` is the model's estimate that a claim is supported; `DEFAULT_THRESHOLD` is the
 * decision point fixed at training time (maximum balanced accuracy over out-of-fold scores on the training pages,
 * never on SummEdits), the one setting the CLI, the composer and the benches share.
 */
import model from './model/verifier.json' with { type: 'json' };
import { FEATURE_NAMES } from './features.js';

export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
  provenance?: Record<string, unknown>;
}

const shipped = model as LogisticModel;

export const DEFAULT_THRESHOLD: number = shipped.threshold;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function predict(m: LogisticModel, x: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += (m.weights[i]! * (x[i]! - m.mean[i]!)) / m.scale[i]!;
  return sigmoid(z);
}

/** Probability that a claim with these features is supported, by the shipped model. */
export function probability(x: readonly number[]): number {
  if (shipped.features.length !== FEATURE_NAMES.length) throw new Error('verify/model/verifier.json was trained on other features: run npm run train:verifier');
  return predict(shipped, x);
}

/**
 * Logistic regression by full-batch gradient descent on standardised features with an L2 penalty. Deterministic.
 * `iterations`: set a priori (3,000 steps of 0.5: the log-loss has stopped moving by then on ~10k rows). `l2`: 1e-3
 * by default; the verifier's trainer chooses it out of fold (bench/train-verifier.ts), and 1e-3 is what it chose.
 */
export function trainLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  options: { l2?: number; iterations?: number; rate?: number; sampleWeights?: readonly number[]; features?: readonly string[] } = {},
): Omit<LogisticModel, 'threshold'> {
  const l2 = options.l2 ?? 1e-3;
  const iterations = options.iterations ?? 3000;
  const rate = options.rate ?? 0.5;
  const d = xs[0]?.length ?? 0;
  const n = xs.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  // Classes weighted to balance, so that the probability is calibrated for a balanced prior; or the caller's weight
  // per row (scaled to a mean of 1), which keeps the data's own prior.
  const pos = ys.filter((y) => y === 1).length;
  const wPos = n / (2 * Math.max(1, pos));
  const wNeg = n / (2 * Math.max(1, n - pos));
  const sw = options.sampleWeights;
  const swMean = sw ? sw.reduce((a, v) => a + v, 0) / n || 1 : 1;
  const rowWeight = (i: number): number => (sw ? sw[i]! / swMean : ys[i] === 1 ? wPos : wNeg);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * row[j]!;
      const err = (sigmoid(s) - ys[i]!) * rowWeight(i);
      for (let j = 0; j < d; j++) gw[j]! += err * row[j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
    b -= (rate * gb) / n;
  }
  return { features: [...(options.features ?? FEATURE_NAMES)], mean, scale, weights: w, bias: b };
}
