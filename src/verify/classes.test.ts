/** Closed classes, antonyms, derivations, nation words and the decision threshold, on invented text. */
import { describe, expect, it } from 'vitest';
import { closedClass } from './classes.js';
import { lemmaKey } from './lexicon.js';
import { stem } from '../text/index.js';
import { buildSourceIndex, verifyClaim } from './index.js';

const SRC = buildSourceIndex([
  {
    id: 'marsh',
    text: [
      'Volunteers in Lisbon painted the old harbour gate red and white on Saturday.',
      'The Tallow Media founder said the two-day festival drew 4,000 visitors.',
      'French officials approved the plan, and the struggling ferry company welcomed the decision.',
      'Troops invaded the northern valley last spring, the report said.',
      'An Irish tourist and her husband were rescued from the marsh by a fisherman.',
    ].join('\n\n'),
  },
]);
const verdict = (claim: string, threshold?: number): string => verifyClaim(claim, SRC, threshold === undefined ? {} : { threshold }).verdict;

describe('closed word classes', () => {
  it('knows colours, ordinals, nations, counts and role prefixes', () => {
    expect(closedClass('green')).toBe('colour');
    expect(closedClass('third')).toBe('ordinal');
    expect(closedClass('canadian')).toBe('nation');
    expect(closedClass('one-month')).toBe('count');
    expect(closedClass('co-founder')).toBe('role');
    expect(closedClass('gate')).toBeNull();
  });
  it('contradicts a swapped member of a class even when other words may be tolerated', () => {
    const r = verifyClaim('Volunteers in Lisbon painted the old harbour gate red and green on Saturday.', SRC);
    expect(r.verdict).toBe('contradicted');
    expect(r.conflicts[0]!.sourceSpan).toBe('white');
    expect(verdict('A Canadian tourist and her husband were rescued from the marsh by a fisherman.')).not.toBe('supported');
    expect(verdict('An Irish tourist and her brother were rescued from the marsh by a fisherman.')).not.toBe('supported');
    expect(verdict('The Tallow Media co-founder said the two-day festival drew 4,000 visitors.')).not.toBe('supported');
  });
  it('does not let a count with another unit pass ("two-week" for "two-day")', () => {
    expect(verdict('The Tallow Media founder said the two-week festival drew 4,000 visitors.')).not.toBe('supported');
    expect(verdict('The Tallow Media founder said the two-day festival drew 4,000 visitors.')).toBe('supported');
  });
});

describe('names', () => {
  it('does not support an organisation through a generic word it shares ("Media")', () => {
    expect(verdict('The Brindle Media founder said the two-day festival drew 4,000 visitors.')).toBe('unsupported');
  });
  it('reads "US" and "U.S." as a country, not the stopword "us"', () => {
    expect(verdict('U.S. officials approved the plan.')).not.toBe('supported');
    const ix = buildSourceIndex([{ id: 'u', text: 'US officials approved the plan on Monday.' }]);
    expect(verifyClaim('U.S. officials approved the plan.', ix).verdict).toBe('supported');
  });
  it('lets a city support its country, never the reverse', () => {
    expect(verdict('Portuguese volunteers painted the old harbour gate red and white.')).toBe('supported');
    const ix = buildSourceIndex([{ id: 'p', text: 'Portuguese volunteers painted the harbour gate.' }]);
    expect(verifyClaim('Volunteers in Lisbon painted the harbour gate.', ix).verdict).not.toBe('supported');
  });
});

describe('antonyms and derivations', () => {
  it('contradicts an opposite word', () => {
    expect(verdict('French officials vetoed the plan.')).toBe('contradicted');
    expect(verdict('The thriving ferry company welcomed the decision.')).toBe('contradicted');
  });
  it('meets a noun with the verb it comes from', () => {
    expect(lemmaKey('invasion', stem('invasion'))).toBe(lemmaKey('invaded', stem('invaded')));
    expect(lemmaKey('approval', stem('approval'))).toBe(lemmaKey('approved', stem('approved')));
    expect(lemmaKey('organisation', stem('organisation'))).toBe(lemmaKey('organize', stem('organize')));
    expect(lemmaKey('tension', stem('tension'))).not.toBe(lemmaKey('tend', stem('tend')));
    expect(verdict('The invasion of the northern valley by troops was last spring, the report said.')).toBe('supported');
    expect(verdict('The plan had the approval of French officials.')).toBe('supported');
  });
});

describe('the decision threshold', () => {
  it('supports a paraphrase by default, not a new phrase, and follows the threshold', () => {
    expect(verdict('An Irish tourist and her husband were saved from the marsh by a fisherman.')).toBe('supported');
    expect(verdict('An Irish tourist and her husband were rescued from the toxic swamp by a fisherman.')).toBe('unsupported');
    const p = verifyClaim('An Irish tourist and her husband were saved from the marsh by a fisherman.', SRC).score;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(verdict('An Irish tourist and her husband were saved from the marsh by a fisherman.', Math.min(1, p + 0.001))).toBe('unsupported');
  });
});
