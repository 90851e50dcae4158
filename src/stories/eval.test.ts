import { describe, expect, it } from 'vitest';
import { bcubed, pairwise } from './eval.js';

describe('bcubed', () => {
  it('is 1/1/1 for a perfect clustering', () => {
    const g = [['a', 'b'], ['c']];
    expect(bcubed(g, g)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
  it('scores everything in one cluster by hand', () => {
    // Gold {a,b} {c}: a: P 2/3 R 1; b: P 2/3 R 1; c: P 1/3 R 1.
    const s = bcubed([['a', 'b', 'c']], [['a', 'b'], ['c']]);
    expect(s.precision).toBeCloseTo(5 / 9);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo((2 * (5 / 9)) / (1 + 5 / 9));
  });
  it('scores all singletons by hand', () => {
    // Gold {a,b,c} {d}: a,b,c: R 1/3; d: R 1.
    const s = bcubed([['a'], ['b'], ['c'], ['d']], [['a', 'b', 'c'], ['d']]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.5);
  });
  it('ignores items only one side has', () => {
    expect(bcubed([['a', 'x']], [['a']]).precision).toBe(1);
  });
});

describe('pairwise', () => {
  it('counts pairs by hand', () => {
    // Predicted pairs: ab ac bc (3); gold pairs: ab (1); correct: ab.
    const s = pairwise([['a', 'b', 'c']], [['a', 'b'], ['c']]);
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBe(1);
  });
});
