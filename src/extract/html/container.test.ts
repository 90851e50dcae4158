import { describe, expect, it } from 'vitest';
import { hasNonProse, preferCandidate, proseChars } from './container.js';

const prose = (n: number) => `Sentence ${n} of the article says something long enough to read as a paragraph of running prose here.`;

describe('proseChars', () => {
  it('counts long paragraphs that end like a sentence, in any script', () => {
    expect(proseChars([prose(1), 'Short line.', 'A long list item without any end mark that goes on and on and on for a while'])).toBe(prose(1).length);
    const ja = 'あ'.repeat(85) + '。';
    expect(proseChars([ja])).toBe(ja.length);
    expect(hasNonProse([prose(1), prose(2)])).toBe(false);
    expect(hasNonProse([prose(1), 'Share this'])).toBe(true);
  });
});

describe('preferCandidate', () => {
  const picked = ['Related: five more stories', prose(1), prose(2), '12 comments', 'Tags: rail, ferry'];
  it('takes a part of the pick that keeps all its prose and drops the rest', () => {
    expect(preferCandidate(picked, [prose(1), prose(2)])).toBe(true);
  });
  it('keeps the pick when the candidate loses prose, is not a part of it, or is no shorter', () => {
    expect(preferCandidate(picked, [prose(1)])).toBe(false);
    expect(preferCandidate(picked, [prose(1), prose(2), prose(3)])).toBe(false);
    expect(preferCandidate([prose(1), prose(2)], [prose(1), prose(2)])).toBe(false);
    expect(preferCandidate(picked, [])).toBe(false);
  });
});
