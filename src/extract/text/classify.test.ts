import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { stoplistFor } from './stopwords.js';

const en = stoplistFor('en');
const P1 = 'The harbour authority of Westhaven said on Tuesday that the new ferry line would start in spring, weeks later than planned.';
const P2 = 'Officials blamed the delay on a shortage of engineers and on storms that damaged the new pier in January.';
const P3 = 'Residents have waited almost a decade for the link, which will cut the trip to the islands to forty minutes.';

function decide(text: string, hint: string | null = null) {
  const c = classify(text, en, hint);
  return { c, byText: new Map(c.lines.map((l, i) => [l.text, c.decisions[i]])) };
}

describe('classify', () => {
  it('reads the page head: outlet, byline, headline, date', () => {
    const { c, byText } = decide(
      ['Menu', 'Westhaven Gazette', 'Westhaven Gazette', 'Ferry line to the islands delayed until spring', 'By Maria Lindqvist', 'Published 3 March 2024', '', P1, '', P2, '', P3].join('\n'),
    );
    expect(c.publisher?.value).toBe('Westhaven Gazette');
    expect(c.byline?.value).toBe('Maria Lindqvist');
    expect(c.title?.value).toBe('Ferry line to the islands delayed until spring');
    expect(c.published?.value).toBe('2024-03-03');
    expect(byText.get('Menu')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get(P2)).toEqual({ kind: 'body' });
  });

  it('drops the tail after a tail marker and keeps a heading inside the core', () => {
    const { byText } = decide([P1, 'What happens next', P2, P3, 'Related stories', 'Storm closes mountain pass', 'A much longer teaser for another story that goes on about other things entirely.'].join('\n'));
    expect(byText.get('What happens next')).toEqual({ kind: 'body' });
    expect(byText.get('Storm closes mountain pass')).toEqual({ kind: 'removed', reason: 'related' });
  });

  it('resumes after a tail marker when prose continues', () => {
    const long1 = `${P3} The islanders' association welcomed the news but asked for more sailings in winter.`;
    const long2 = 'The ferry company said tickets would go on sale in March, with discounts for island residents, pensioners, students and anyone travelling with a bicycle.';
    const { byText } = decide([P1, P2, 'Read also', 'Storm closes mountain pass', long1, long2].join('\n'));
    expect(byText.get('Storm closes mountain pass')).toEqual({ kind: 'removed', reason: 'related' });
    expect(byText.get(long1)).toEqual({ kind: 'body' });
  });

  it('removes a repeated headline and link lists inside the core', () => {
    const title = 'Ferry line to the islands delayed until spring';
    const { byText } = decide([title, P1, 'Weather', 'Traffic', 'Sport', P2, title, P3].join('\n'), title);
    expect(byText.get('Traffic')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get(title)).toEqual({ kind: 'removed', reason: 'repeated-headline' });
  });

  it('warns when nothing reads as prose', () => {
    expect(decide('Home\nNews\nSport').c.warnings[0]).toMatch(/no paragraph/);
    expect(decide('').c.warnings[0]).toMatch(/empty/);
  });

  it('skips an appeal box heading and prefers the headline over its standfirst', () => {
    const { c, byText } = decide(
      [
        'Support local reporting',
        'The Westhaven Gazette relies on readers like you to keep our harbour coverage free. Give from just £2 a month.',
        'Ferry line to the islands delayed until spring',
        'Islanders face another winter of long crossings as the new pier waits for repairs',
        'Maria Lindqvist, Coastal Press',
        P1, P2, P3,
      ].join('\n'),
    );
    expect(c.title?.value).toBe('Ferry line to the islands delayed until spring');
    expect(c.byline?.value).toBe('Maria Lindqvist');
    expect(byText.get('Support local reporting')?.kind).toBe('removed');
  });

  it('treats the line after a lone gallery label as a caption', () => {
    const { byText } = decide([P1, 'open image in gallery', 'The damaged pier at Westhaven on Monday', P2, P3].join('\n'));
    expect(byText.get('open image in gallery')).toEqual({ kind: 'removed', reason: 'caption-ui' });
    expect(byText.get('The damaged pier at Westhaven on Monday')).toMatchObject({ kind: 'caption' });
  });

  it('keeps a list between paragraphs and drops a link list', () => {
    const { byText } = decide([P1, '- two sailings a day in winter,', '- four in summer,', '- a night boat on Fridays.', P2, 'Weather', 'Traffic', 'Sport', P3].join('\n'));
    expect(byText.get('- four in summer,')).toEqual({ kind: 'body' });
    expect(byText.get('Traffic')).toEqual({ kind: 'removed', reason: 'navigation' });
  });

  it('ends the core before prose that follows a gap (an author box)', () => {
    const bio = 'Maria Lindqvist has covered the islands for the Gazette since 2015 and lives on the largest of them with her family.';
    const { byText } = decide([P1, P2, P3, 'Share', 'Print', 'About the author', 'Maria Lindqvist', 'Newsletter', 'Topics', bio].join('\n'));
    expect(byText.get(P3)).toEqual({ kind: 'body' });
    expect(byText.get(bio)?.kind).toBe('removed');
  });

  it('needs three items for an article list: two short lines between paragraphs are navigation', () => {
    const { byText } = decide([P1, 'Ferry timetable', 'Island weather', P2, P3].join('\n'));
    expect(byText.get('Island weather')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get(P2)).toEqual({ kind: 'body' });
  });
});
