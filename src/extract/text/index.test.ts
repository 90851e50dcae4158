import { describe, expect, it } from 'vitest';
import { cleanText } from './index.js';

const EN_PAGE = [
  'Skip to content',
  'Subscribe',
  'Northern Courier',
  'Northern Courier',
  'Jana Novak and Peter Holm',
  '',
  'Floods close the valley road for a week',
  '',
  'Heavy rain has closed the main road through the Lenne valley for at least a week, the regional road agency said on Sunday.',
  '',
  'Engineers found that two sections of the embankment had been washed away and said repairs could only start when the river falls.',
  '',
  'open image in gallery Water covers the valley road near the old mill ( Northwire )',
  '',
  '"We have never seen the river this high in October," said a farmer who lives next to the road.',
  '',
  'Buses will use the mountain pass instead, adding about forty minutes to the journey.',
  '',
  'Comments',
  'Be the first to comment on this story and tell us what you think.',
  'Top stories on Newsly right now',
  'Download Newsly app',
].join('\n');

const DE_PAGE = [
  'Startseite',
  'Anmelden',
  '19.08.2025',
  'Hochwasser sperrt die Talstraße für eine Woche',
  'Von Anna Berg',
  'Starker Regen hat die Hauptstraße durch das Lennetal für mindestens eine Woche unpassierbar gemacht, teilte die Straßenbehörde am Sonntag mit.',
  'Die Ingenieure stellten fest, dass zwei Abschnitte der Böschung weggespült worden sind und erst repariert werden können, wenn der Fluss sinkt.',
  'Wasser bedeckt die Talstraße an der alten Mühle. Foto: Peter Holm',
  'Die Busse fahren bis dahin über den Pass, was die Fahrt um etwa vierzig Minuten verlängert.',
  'Mehr zum Thema',
  'Sturm reißt Dächer ab',
].join('\n');

describe('cleanText', () => {
  it('cleans an English page dump and reads its metadata', () => {
    const a = cleanText(EN_PAGE);
    expect(a.extractor).toBe('text@1');
    expect(a.title).toBe('Floods close the valley road for a week');
    expect(a.byline).toBe('Jana Novak and Peter Holm');
    expect(a.publisher).toBe('Northern Courier');
    expect(a.via).toBe('Newsly');
    expect(a.language).toBe('en');
    expect(a.paragraphs).toHaveLength(4);
    expect(a.captions).toEqual(['open image in gallery Water covers the valley road near the old mill ( Northwire )']);
    expect(a.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['navigation', 'paywall', 'publisher-line', 'byline-line', 'caption', 'comments']),
    );
    expect(a.paragraphs.join(' ')).not.toMatch(/Be the first|Newsly|gallery/);
  });

  it('cleans a German page dump', () => {
    const a = cleanText(DE_PAGE);
    expect(a.title).toBe('Hochwasser sperrt die Talstraße für eine Woche');
    expect(a.byline).toBe('Anna Berg');
    expect(a.published).toBe('2025-08-19');
    expect(a.language).toBe('de');
    expect(a.paragraphs).toHaveLength(3);
    expect(a.captions).toHaveLength(1);
    expect(a.removed.find((r) => r.text === 'Sturm reißt Dächer ab')?.reason).toBe('related');
  });

  it('keeps a relative age only when no date is stated', () => {
    const a = cleanText(['Westhaven Gazette5 hours ago', EN_PAGE.split('\n').slice(8).join('\n')].join('\n'));
    expect(a.publishedRelative).toBe('5 hours ago');
    expect(a.publisher).toBe('Westhaven Gazette');
    expect(a.published).toBeNull();
  });

  it('lets hints override what the text says', () => {
    const a = cleanText(EN_PAGE, { title: 'Valley road closed', publisher: 'Courier Group', published: '2024-10-06', byline: 'Desk', language: 'en-GB', url: 'https://example.org/a' });
    expect(a).toMatchObject({ title: 'Valley road closed', titleFoundBy: 'hint', publisher: 'Courier Group', published: '2024-10-06', byline: 'Desk', language: 'en', url: 'https://example.org/a' });
  });

  it('accounts for every word of the input', () => {
    const a = cleanText(EN_PAGE);
    const words = (s: string[]) => s.join(' ').split(/\s+/).filter(Boolean).sort();
    expect(words([a.title ?? '', ...a.paragraphs, ...a.removed.map((r) => r.text)])).toEqual(words([EN_PAGE]));
  });

  it('ends the article at a note about its author or a sign-off', () => {
    const withBio = EN_PAGE.replace(
      'Comments\n',
      'Jana Novak is a reporter at the Northern Courier and has covered the valley for ten years, mostly its roads and rivers.\n\nComments\n',
    );
    const a = cleanText(withBio);
    expect(a.paragraphs.at(-1)).toBe('Buses will use the mountain pass instead, adding about forty minutes to the journey.');
    expect(a.removed).toContainEqual({ text: expect.stringContaining('Jana Novak is a reporter') as unknown as string, reason: 'author-bio' });
    // A closing sentence about a group or an official is the article's.
    const official = cleanText(EN_PAGE.replace('Comments\n', 'The Road Agency is a public body and will publish a new timetable for the repairs on Friday morning.\n\nComments\n'));
    expect(official.paragraphs.at(-1)).toContain('The Road Agency is a public body');
  });

  it('gives text in canonical composition (NFC)', () => {
    const body = cleanText(EN_PAGE).paragraphs.join('\n');
    const decomposed = cleanText(EN_PAGE.replace(/ the /g, ' the cafe\u0301 ')).paragraphs.join('\n');
    expect(decomposed).not.toContain('\u0301');
    expect(decomposed).toBe(body.replace(/ the /g, ' the caf\u00e9 '));
  });

  it('never throws on odd input', () => {
    expect(cleanText('').warnings.length).toBeGreaterThan(0);
    expect(cleanText('\u0000\u0001 ### \n\n ***').paragraphs).toBeDefined();
    expect(cleanText(undefined as unknown as string).extractor).toBe('text@1');
    const long = 'word '.repeat(200000);
    expect(cleanText(long).paragraphs).toHaveLength(1);
  });
});
