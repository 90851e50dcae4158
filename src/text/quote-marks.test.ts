import { describe, expect, it } from 'vitest';
import { quoteSpans } from './quote-marks.js';

const contents = (t: string): string[] => quoteSpans(t).map((q) => t.slice(q.start, q.end));

describe('quoteSpans', () => {
  it('pairs straight, typographic, mixed and German/French marks', () => {
    expect(contents('He said "yes" and “no” then ‘maybe\' again.')).toEqual(['yes', 'no', 'maybe']);
    expect(contents('Er sagte: „Wir sind bereit“, und ging.')).toEqual(['Wir sind bereit']);
    expect(contents('Il a dit : « Nous sommes prêts », puis il est parti.')).toEqual(['Nous sommes prêts']);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(contents("The Ukrainians' homes and Russia's troops don't move.")).toEqual([]);
    expect(contents("'We won't leave the Ukrainians' homes,' she said.")).toEqual(["We won't leave the Ukrainians' homes,"]);
    expect(contents("A song from the '90s, rock 'n' roll.")).toEqual([]);
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const t = 'She said: "The water is rising.\n\n"Send boats."';
    const q = quoteSpans(t);
    expect(q.map((x) => [t.slice(x.start, x.end), x.close === null, x.opensParagraph])).toEqual([
      ['The water is rising.', true, false],
      ['Send boats.', false, true],
    ]);
    expect(contents("He added: 'We will stay.\n\n'And we will rebuild.'")).toEqual(['We will stay.', 'And we will rebuild.']);
  });

  it('keeps nested quotes inside the outer one', () => {
    expect(contents('"They called it \'a disaster\', and left," he said.')).toEqual(["They called it 'a disaster', and left,"]);
  });
});
