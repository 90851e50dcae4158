import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers.js';

const pick = (t: string) => findNumbers(t).map((n) => [n.text, n.value, n.unit, n.kind]);

describe('findNumbers', () => {
  it('reads money with currency and magnitude', () => {
    expect(pick('The repair costs $1.5bn, the levy £20m and the EU grant €5 billion; locals raised 90 million dollars.')).toEqual([
      ['$1.5bn', 1.5e9, 'USD', 'money'],
      ['£20m', 2e7, 'GBP', 'money'],
      ['€5 billion', 5e9, 'EUR', 'money'],
      ['90 million dollars', 9e7, 'USD', 'money'],
    ]);
  });
  it('reads percentages, counts with nouns and magnitudes', () => {
    expect(pick('Turnout fell 27 percent, or 11 per cent, as 20,000 children and 2.3 million people left 30-plus towns.')).toEqual([
      ['27 percent', 27, '%', 'percent'],
      ['11 per cent', 11, '%', 'percent'],
      ['20,000 children', 20000, 'children', 'count'],
      ['2.3 million people', 2.3e6, 'people', 'count'],
      ['30-plus towns', 30, 'towns', 'count'],
    ]);
  });
  it('reads number words, durations, ordinals and years', () => {
    expect(pick('After six months and twenty-five days, a three-way deal was the first such pact since 2014; 3rd in line.')).toEqual([
      ['six months', 6, 'months', 'duration'],
      ['twenty-five days', 25, 'days', 'duration'],
      ['three-way', 3, 'way', 'count'],
      ['first', 1, null, 'ordinal'],
      ['2014', 2014, null, 'year'],
      ['3rd', 3, null, 'ordinal'],
    ]);
  });
  it('skips clock times and the pronoun "one"', () => {
    expect(pick('At 2pm, one of the crews left.')).toEqual([]);
  });
});
