/** The logistic model: training separates a separable toy set, and prediction follows the weights. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, predict, trainLogistic } from './model.js';

describe('logistic regression', () => {
  it('learns a one-feature rule and gives calibrated-looking probabilities', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const v = (i % 20) / 20;
      xs.push([v, 0.5]);
      ys.push(v >= 0.5 ? 1 : 0);
    }
    const m = { ...trainLogistic(xs, ys, { iterations: 500 }), threshold: 0.5 };
    expect(predict(m, [0.95, 0.5])).toBeGreaterThan(0.9);
    expect(predict(m, [0.05, 0.5])).toBeLessThan(0.1);
    expect(m.weights[0]!).toBeGreaterThan(0);
    // A constant feature carries no weight.
    expect(Math.abs(m.weights[1]!)).toBeLessThan(1e-9);
  });
  it('ships a threshold strictly between 0 and 1', () => {
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_THRESHOLD).toBeLessThan(1);
  });
});
