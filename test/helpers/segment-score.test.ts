import { describe, expect, it } from 'vitest';
import { inHalf, readPredictions, scoreSegments, type GoldPage } from './segment-score.js';

const gold: GoldPage[] = [
  { file: 'html/a.html', with: ['kept  line one', 'kept two'], without: ['menu'] },
  { file: 'html/b.html', with: ['second page text'], without: ['footer', 'cookie'] },
  { file: 'html/c.html', with: ['never output'], without: ['x'] },
];

describe('scoreSegments (the reference scorer’s count)', () => {
  const texts = readPredictions(
    [JSON.stringify({ input: 'html/a.html', text: 'kept line one\n\nmenu' }), JSON.stringify({ input: 'b.html', text: 'second page\ntext and cookie' }), 'not json'].join('\n'),
  );
  it('counts found segments with whitespace folded; a page without output misses every with', () => {
    const s = scoreSegments(gold, texts);
    expect([s.tp, s.fn, s.fp, s.tn]).toEqual([2, 2, 2, 2]);
    expect(s.f).toBeCloseTo(4 / 8);
  });
  it('splits by page number from 1: pages 1 and 3 odd, page 2 even', () => {
    expect([0, 1, 2].map((i) => inHalf(i, 'odd'))).toEqual([true, false, true]);
    expect(scoreSegments(gold, texts, 'even')).toMatchObject({ pages: 1, tp: 1, fp: 1, fn: 0 });
    expect(scoreSegments(gold, texts, 'odd')).toMatchObject({ pages: 2, tp: 1, fp: 1, fn: 2 });
  });
});
