import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';
import { splitSentences } from './sentences.js';

const pick = (t: string, published: string | null = '2025-08-19') =>
  findDates(t, splitSentences(t), published).map((d) => [d.text, d.date, d.relative, d.resolvedBy]);

// 2025-08-19 is a Tuesday.
describe('findDates', () => {
  it('reads absolute dates in common formats and languages', () => {
    expect(pick('Filed 19 August 2025, heard 2025-08-20, reviewed 21.08.2025, closed August 22, 2025.')).toEqual([
      ['19 August 2025', '2025-08-19', false, 'absolute'],
      ['2025-08-20', '2025-08-20', false, 'absolute'],
      ['21.08.2025', '2025-08-21', false, 'absolute'],
      ['August 22, 2025', '2025-08-22', false, 'absolute'],
    ]);
    expect(pick('Am 19. August tagte der Rat; el 3 de septiembre de 2025 y le 1er août.').map((d) => d[1])).toEqual(['2025-08-19', '2025-09-03', '2025-08-01']);
  });
  it('fills a missing year from the publication date', () => {
    expect(pick('The levee failed on August 17.')).toEqual([['August 17', '2025-08-17', false, 'year-from-publication']]);
  });
  it('resolves weekdays by tense', () => {
    expect(pick('The council met on Monday.')).toEqual([['on Monday', '2025-08-18', true, 'past-tense']]);
    expect(pick('The council will meet on Friday.')).toEqual([['on Friday', '2025-08-22', true, 'future-tense']]);
    expect(pick('Crews worked through Tuesday morning.')).toEqual([['Tuesday morning', '2025-08-19', true, 'past-tense']]);
    expect(pick('A vote on Thursday.')).toEqual([['on Thursday', '2025-08-21', true, 'nearest']]);
    expect(pick('Residents left last Tuesday.')).toEqual([['last Tuesday', '2025-08-12', true, 'past-tense']]);
    expect(pick("During Monday's talks they agreed.")[0]!.slice(0, 2)).toEqual(["Monday's", '2025-08-18']);
  });
  it('resolves yesterday, tomorrow, weeks and weekends', () => {
    expect(pick('It rained yesterday and will rain tomorrow.').map((d) => d[1])).toEqual(['2025-08-18', '2025-08-20']);
    expect(pick('The mayor had suggested over the weekend that a plan existed last week.').map((d) => d[1])).toEqual(['2025-08-16', '2025-08-11']);
    expect(pick('A meeting in February was tense.').map((d) => d[1])).toEqual(['2025-02-01']);
  });
  it('leaves relative dates unresolved without a publication date', () => {
    expect(pick('The council met on Monday.', null)).toEqual([['on Monday', null, true, 'unresolved']]);
  });
  it('names the weekday of a weekday reference, resolved or not', () => {
    const t = 'The fire began on Friday night, burned until Saturday and was reported on 3 May 2031.';
    const weekdays = (published: string | null) => findDates(t, splitSentences(t), published).map((d) => d.weekday);
    expect(weekdays(null)).toEqual([5, 6, undefined]);
    expect(weekdays('2031-05-05')).toEqual([5, 6, undefined]);
  });
});
