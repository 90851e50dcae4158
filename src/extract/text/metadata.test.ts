import { describe, expect, it } from 'vitest';
import {
  brandsInUi,
  findDate,
  isPersonName,
  isTimeLine,
  looksLikeOutletName,
  outletNamedInPromo,
  parseByline,
  parseDateLine,
  parseRelativeAge,
  splitLeadingDate,
  stripEdition,
} from './metadata.js';
import { cleanText } from './index.js';
import { isAnyStopword } from './stopwords.js';

describe('dates', () => {
  it('reads date lines in several forms and languages', () => {
    expect(parseDateLine('Published 3 March 2024')).toBe('2024-03-03');
    expect(parseDateLine('Stand: 19.08.2025, 14:00 Uhr')).toBe('2025-08-19');
    expect(parseDateLine('Veröffentlicht am 5. Mai 2023')).toBe('2023-05-05');
    expect(parseDateLine('April 7, 2022')).toBe('2022-04-07');
    expect(parseDateLine('publié le 12 janvier 2021 à 10h30')).toBe('2021-01-12');
    expect(parseDateLine('2024-06-01T09:30:00Z')).toBe('2024-06-01T09:30:00Z');
  });

  it('takes a clock time on its own line for the time half of a dateline, never a headline', () => {
    for (const l of ['Updated 5:40 p.m. ET', 'at 7:31 AM ET', 'Last updated at 17:50 GMT', '3:05 PM EDT', '14:00 Uhr', '09:30']) expect(isTimeLine(l), l).toBe(true);
    for (const l of ['5:40 p.m. the council met', 'Updated daily', 'Score 2:1 at half time', '10.30 am today']) expect(isTimeLine(l), l).toBe(false);
    // The time stays on the date's line rather than being split off.
    expect(splitLeadingDate('June 6, 2013 3:05 PM EDT')).toBeNull();
    const head = cleanText('Ferry returns to Holm after repairs\nJune 6, 2013 3:05 PM EDT\nUpdated 5:40 p.m. ET\nThe ferry to Holm sailed again on Thursday after three weeks of repairs to its ramp, the operator said.\nPassengers waiting at the quay cheered as it came in.');
    expect(head.title).toBe('Ferry returns to Holm after repairs');
    expect(head.published).toBe('2013-06-06');
  });

  it('reads the numeric and agency datelines of wire copy', () => {
    // Invented datelines in the forms wire copy uses. Ambiguous figures: the weekday decides (3 May 2011 was a
    // Tuesday, 5 March a Saturday), then the time zone.
    const lines: [string, string][] = [
      ['Last updated 13:26 14/09/2013', '2013-09-14'],
      ['11/30/09 05:40 PM ET', '2009-11-30'],
      ['Updated 4/9/2007 6:04 PM', '2007-04-09'],
      ['Posted 3:21 PM ET, 01/5/2011', '2011-01-05'],
      ['On Tue, 16/08/2011-13:42', '2011-08-16'],
      ['Tuesday 03/05/2011', '2011-05-03'],
      ['Saturday 03/05/2011', '2011-03-05'],
      ['Updated 03/05/2011 10:00 BST', '2011-05-03'],
      ['Updated 03/05/2011 10:00 EDT', '2011-03-05'],
      ['Published: 2012.08.08 09:01 AM', '2012-08-08'],
      ['7:15 a.m. Dec.7, 2009', '2009-12-07'],
      ['8:56am Monday 10th June 2013', '2013-06-10'],
      ['First Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET', '2011-10-25'],
    ];
    for (const [line, iso] of lines) expect(parseDateLine(line), line).toBe(iso);
    // Not dates: scores, fractions, a ratio of figures.
    expect(parseDateLine('The vote was 3/4 in favour')).toBeNull();
    expect(findDate('won 24/7 coverage')).toBeNull();
    for (const l of ['Jul.7 5:59 PM EDT', 'Updated Wednesday, Jan 5 at 5:53 PM', 'Mar 8 5:46 PM EST']) expect(isTimeLine(l), l).toBe(true);
    const head = cleanText('Last updated 13:26 14/09/2013\nClimber dies in fall on the Tarn ridge\nA climber from Holm died after a fall of about 150 metres on the Tarn ridge on Saturday, police said.\nA rescue helicopter recovered his body on Sunday morning.');
    expect(head.title).toBe('Climber dies in fall on the Tarn ridge');
    expect(head.published).toBe('2013-09-14');
  });

  it('does not take a body sentence that mentions a date for a date line', () => {
    expect(parseDateLine('The ferry line, which opened on 3 March 2024, carried more passengers than expected in its first week.')).toBeNull();
    expect(findDate('no date here')).toBeNull();
  });

  it('splits a date glued to the start of a longer line', () => {
    expect(splitLeadingDate('date 2024-02-10 Breaking news from the valley')).toEqual({
      dateText: 'date 2024-02-10',
      iso: '2024-02-10',
      rest: 'Breaking news from the valley',
    });
    expect(splitLeadingDate('The council met on 2024-02-10 to vote.')).toBeNull();
  });
});

describe('relative ages', () => {
  it('reads ages alone or glued to an outlet name', () => {
    expect(parseRelativeAge('Westhaven Gazette3 hours ago')).toEqual({ age: '3 hours ago', prefix: 'Westhaven Gazette' });
    expect(parseRelativeAge('vor 2 Stunden')).toEqual({ age: 'vor 2 Stunden', prefix: null });
    expect(parseRelativeAge('il y a 5 minutes')?.age).toBe('il y a 5 minutes');
    expect(parseRelativeAge('The council will decide in 3 days.')).toBeNull();
  });
});

describe('bylines and names', () => {
  it('parses prefixed and bare bylines, dropping job titles', () => {
    expect(parseByline('By Maria Lindqvist and Tomás Ferreira')).toBe('Maria Lindqvist and Tomás Ferreira');
    expect(parseByline('Von Anna Berg, Redakteurin')).toBe('Anna Berg');
    expect(parseByline('By Coastal Radio Political Editor Jon Hale')).toBe('Jon Hale');
    expect(parseByline('Maria Lindqvist, Tomás Ferreira and Ines van der Berg')).toBe('Maria Lindqvist, Tomás Ferreira and Ines van der Berg');
    expect(parseByline('Par Claire Dubois')).toBe('Claire Dubois');
  });

  it('rejects lines that are not bylines', () => {
    expect(parseByline('The Westhaven Gazette')).toBeNull();
    expect(parseByline('Ferry strike ends after talks')).toBeNull();
    expect(isPersonName('Westhaven Times')).toBe(false);
    expect(isPersonName('Anna Berg')).toBe(true);
  });

  it('recognises outlet names and strips edition codes', () => {
    expect(looksLikeOutletName('Westhaven Gazette')).toBe(true);
    expect(looksLikeOutletName('The Northern Courier UK')).toBe(true);
    expect(looksLikeOutletName('Ferry strike ends after talks')).toBe(false);
    expect(stripEdition('The Northern Courier UK')).toBe('The Northern Courier');
  });
});

describe('outlet and aggregator names in UI text', () => {
  it('finds the outlet a promo names as its subject', () => {
    const promo = [
      'Every day The Northern Courier is there when the story breaks. Your gifts keep us going.',
      'The Northern Courier is read by people of every view, and we want to keep it free for Readers.',
    ];
    expect(outletNamedInPromo(promo, isAnyStopword)).toBe('The Northern Courier');
    expect(outletNamedInPromo(['Read more about Westhaven.'], isAnyStopword)).toBeNull();
  });

  it('finds aggregator brands in their own UI lines', () => {
    const brands = brandsInUi(['Top stories on Newsly right now', 'Download Newsly app today', 'Download the app']);
    expect(brands.get('Newsly')).toBe(2);
    expect(brands.size).toBe(1);
  });
});

describe('bylines with an agency and outlets that rely on readers', () => {
  it('takes the name before an agency or outlet after a comma', () => {
    expect(parseByline('Ines Varga, Harbour Press')).toBe('Ines Varga');
    expect(parseByline('Jan Nowak, PAP')).toBe('Jan Nowak');
    expect(parseByline('Von Lea Brandt, Talbote Zeitung')).toBe('Lea Brandt');
    expect(parseByline('Ines Varga, Tom Reyes')).toBe('Ines Varga and Tom Reyes');
  });
  it('finds the outlet that an appeal says relies on readers', () => {
    expect(outletNamedInPromo(['The Brenmouth Tide relies on readers like you. Give from $4 a month.'], isAnyStopword)).toBe('The Brenmouth Tide');
    expect(outletNamedInPromo(['Der Talbote ist auf Leserinnen und Leser wie Sie angewiesen.'], isAnyStopword)).toBe('Der Talbote');
    expect(outletNamedInPromo(['Le Courrier Vallon compte sur des lecteurs comme vous.'], isAnyStopword)).toBe('Le Courrier Vallon');
  });
});
