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
    const long3 = 'Harbour engineers expect the repaired pier to take the larger winter vessel by the end of February, provided the storms of January do not return.';
    const long4 = 'Island councillors said they would hold the company to that date and publish the sailing figures for the first month once the line is running.';
    const { byText } = decide([P1, P2, 'Read also', 'Storm closes mountain pass', long1, long2, long3, long4].join('\n'));
    expect(byText.get('Storm closes mountain pass')).toEqual({ kind: 'removed', reason: 'related' });
    expect(byText.get(long1)).toEqual({ kind: 'body' });
  });

  it('does not resume for a box after a tail marker (two paragraphs, then another tail)', () => {
    const bio1 = 'Maria Lindqvist has reported on the islands and their ferries for the Gazette since 2015, after ten years at a regional radio station.';
    const bio2 = 'She lives on the largest of the islands with her family and two dogs, and crosses the strait at least twice a week in every season.';
    const { byText } = decide([P1, P2, P3, 'About the author', bio1, bio2, 'Comments', 'Be the first to comment.'].join('\n'));
    expect(byText.get(P3)).toEqual({ kind: 'body' });
    expect(byText.get(bio1)).toMatchObject({ kind: 'removed' });
    expect(byText.get(bio2)).toMatchObject({ kind: 'removed' });
  });

  it('keeps a list that the last paragraph introduces', () => {
    const intro = 'The new timetable, the company said, rests on three conditions that the island council must still approve:';
    const { byText } = decide([P1, P2, intro, 'a second berth at the old quay,', 'night lighting on the pier,', 'a waiting room for foot passengers.', 'Share', 'Print'].join('\n'));
    expect(byText.get('night lighting on the pier,')).toEqual({ kind: 'body' });
    expect(byText.get('a waiting room for foot passengers.')).toEqual({ kind: 'body' });
    expect(byText.get('Share')?.kind).toBe('removed');
  });

  it('skips a block of teasers above a much longer article', () => {
    const teasers = [
      'A mountain pass closed after the storm will reopen on Friday, the regional roads office said on Monday.',
      'The island school will get a new gym after the council approved the plans on its third attempt this year.',
      'Fishermen in the northern harbour say the catch of herring was the best in a decade, but prices fell again.',
      'A choir from the largest island won the national contest in the capital with a song about the old lighthouse.',
      'The lighthouse museum on the point reopens in May with a new exhibition on the ships lost in the strait.',
    ];
    const nav = (n: number) => Array.from({ length: n }, (_, i) => `Section ${i + 1}`);
    const lone = 'Tide tables for the coming week are printed on the back page of the paper.';
    const body = [P1, P2, P3, `${P1} ${P2}`, `${P2} ${P3}`, `${P3} ${P1}`, `${P1} ${P3}`, `${P2} ${P1}`];
    const { byText } = decide([...teasers, ...nav(10), lone, ...nav(10), ...body].join('\n'));
    const teaser = teasers[0] ?? '';
    expect(byText.get(teaser)?.kind).toBe('removed');
    expect(byText.get(P2)).toEqual({ kind: 'body' });
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

  it('keeps short lines broken by line breaks only (one block), not one-per-block link lists', () => {
    const { byText } = decide([P1, '', 'Harbour Office', 'Quay Street 4', 'Westhaven', '', P2, '', 'Weather', '', 'Traffic', '', P3].join('\n'));
    expect(byText.get('Quay Street 4')).toEqual({ kind: 'body' });
    expect(byText.get('Traffic')).toEqual({ kind: 'removed', reason: 'navigation' });
  });

  it('needs three items for an article list: two short lines between paragraphs are navigation', () => {
    const { byText } = decide([P1, 'Ferry timetable', 'Island weather', P2, P3].join('\n'));
    expect(byText.get('Island weather')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get(P2)).toEqual({ kind: 'body' });
  });

  it('keeps four or more short lines between paragraphs, whatever their shape (a spec sheet)', () => {
    const specs = ['Length', '68 metres', 'Passengers', '400', 'Top speed', '15 knots'];
    const { byText } = decide([P1, ...specs, P2, P3].join('\n'));
    for (const line of specs) expect(byText.get(line)).toEqual({ kind: 'body' });
  });

  it('drops the heading of a link list with the list, and keeps a heading above prose', () => {
    const { byText } = decide([P1, 'Harbour desk picks', 'Weather', 'Traffic', P2, 'What happens next', P3].join('\n'));
    expect(byText.get('Traffic')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get('Harbour desk picks')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get('What happens next')).toEqual({ kind: 'body' });
  });

  it('drops a short heading ending in a colon above a link list', () => {
    const { byText } = decide([P1, 'From our coastal desk:', 'Storm closes mountain pass', 'Bridge tolls rise', P2, P3].join('\n'));
    expect(byText.get('From our coastal desk:')).toEqual({ kind: 'removed', reason: 'navigation' });
    expect(byText.get('Bridge tolls rise')).toEqual({ kind: 'removed', reason: 'navigation' });
  });
});

describe('classify: galleries, tables and lists inside the article', () => {
  const prose = [
    P1,
    P2,
    P3,
    'The first crossing is planned for the second week of April, weather permitting, with a ceremony at the pier.',
    'Two smaller boats will serve the outer islands until the new vessel has passed its sea trials in the bay.',
    'The company has hired twelve deckhands from the islands and is still looking for two experienced engineers.',
    'Fares will be fixed for the first year, after which the council will review them together with the operator.',
    'A bus link from the pier to the town centre is to run every half hour on weekdays and every hour at weekends.',
  ];
  const after = [
    'Fishermen in the harbour fear that the larger ferry will crowd their moorings during the summer season.',
    'The harbour master promised to mark out a separate channel for the fishing fleet before the first crossing.',
  ];

  it('does not let a photo gallery with a repeated label cut the article in two', () => {
    const gallery: string[] = [];
    // Eight items, one with a caption long enough to read as prose: on its own, far from both the
    // article and the prose after the gallery, it would weigh too little to carry the article on.
    for (let k = 1; k <= 8; k++) {
      gallery.push(`Harbour in pictures ${k}/8`);
      gallery.push(k === 4 ? 'Divers inspect the damaged pier after the January storms, while a crane lifts the broken beams onto a barge.' : `Boats at the old pier, view ${k}`);
      gallery.push('Westhaven Gazette archive');
    }
    const { byText } = decide([...prose, ...gallery, ...after].join('\n'));
    for (const p of after) expect(byText.get(p)).toEqual({ kind: 'body' });
  });

  it('lets a short last part of a long article broken into parts join it', () => {
    // Three parts of about 440 characters of prose each, set apart by embeds (nine lines of player
    // and widget text each), then a closing part of about 180 characters: light against the whole
    // article before it, but not against any single part of it.
    const embed = (k: number): string[] => [`Video ${k}`, 'Play', 'Pause', 'Mute', 'Fullscreen', 'Captions', 'Settings', 'Quality', 'Autoplay'];
    const closing = [
      'The first timetable is to be published online and at the pier office in late March.',
      'Season tickets for island residents will go on sale at the same time, the company said.',
    ];
    const parts = [...prose.slice(0, 4), ...embed(1), ...prose.slice(4, 8), ...embed(2), P1, P2, P3, prose[3] ?? '', ...embed(3), ...closing];
    const { byText } = decide(parts.join('\n'));
    for (const p of closing) expect(byText.get(p)).toEqual({ kind: 'body' });
    expect(byText.get('Fullscreen')?.kind).toBe('removed');
  });

  it('keeps a table with numbers next to prose on one side only', () => {
    const table = ['Length', '68 metres', 'Passengers', '400', 'Cars', '60', 'Top speed', '15 knots'];
    // A share button between the table and the next paragraph: prose on one side only.
    const { byText, c } = decide([P1, P2, ...table, 'Share', ...prose.slice(2, 6)].join('\n'));
    expect(c.lines.find((l) => l.text === 'Share')?.cls).toBe('ui');
    for (const line of table) expect(byText.get(line)).toEqual({ kind: 'body' });
  });

  it('keeps a bulleted list that ends the article, heading with a colon included', () => {
    const { byText } = decide([...prose.slice(0, 3), 'Timetable at a glance:', '- Monday to Friday: six crossings', '- Saturday: four crossings', '- Sunday: two crossings'].join('\n'));
    expect(byText.get('Timetable at a glance:')).toEqual({ kind: 'body' });
    expect(byText.get('- Sunday: two crossings')).toEqual({ kind: 'body' });
  });

  it('keeps a list introduced by a paragraph ending in a colon, whatever follows it', () => {
    const intro = 'The new timetable, published by the operator on Monday, names the stops of the ferry in this order:';
    const { byText } = decide([P1, intro, 'Westhaven pier', 'Gull Island', 'Share', ...prose.slice(2, 6)].join('\n'));
    expect(byText.get('Gull Island')).toEqual({ kind: 'body' });
  });

  it('does not end a run of table rows at a repeated cell', () => {
    const rows = ['Route', 'Trips', 'Westhaven to Gull Island', 'Daily', 'Westhaven to Long Skerry', 'Weekends', 'Gull Island to Outer Holm', 'Daily'];
    const { byText, c } = decide([P1, P2, ...rows, ...prose.slice(2, 6)].join('\n'));
    expect(byText.get('Westhaven to Long Skerry')).toEqual({ kind: 'body' });
    const repeats = c.lines.flatMap((l, i) => (l.text === 'Daily' ? [c.decisions[i]] : []));
    expect(repeats).toEqual([{ kind: 'body' }, { kind: 'removed', reason: 'repeated' }]);
  });

  it('takes a heading with a colon or a sentence continued on the next line into the article', () => {
    const split = decide(['Menu', 'Home', 'From next spring the harbour of Westhaven', 'will have a direct ferry line to the islands, the harbour authority said on Tuesday.', P2, P3].join('\n'));
    expect(split.byText.get('From next spring the harbour of Westhaven')).toEqual({ kind: 'body' });
    const heading = decide(['Menu', 'Home', 'Summary:', P1, P2, P3].join('\n'));
    expect(heading.byText.get('Summary:')).toEqual({ kind: 'body' });
    expect(heading.byText.get('Home')?.kind).not.toBe('body');
  });
  it('removes a labelled link to another story set between paragraphs, keeps a "Topic: subtitle" heading', () => {
    const link = 'See also: Storm damage closes the old coastal road between Westhaven and the northern villages';
    const heading = 'Timetable: What changes in spring';
    const numbered = 'Step 2: Harbour engineers inspect the repaired pier before the larger winter vessel docks there';
    const { byText } = decide([P1, link, P2, heading, P3, numbered, P1.replace('Tuesday', 'Monday')].join('\n'));
    expect(byText.get(link)).toEqual({ kind: 'removed', reason: 'link-line' });
    expect(byText.get(heading)).toEqual({ kind: 'body' });
    expect(byText.get(numbered)).toEqual({ kind: 'body' });
  });

  it('keeps a labelled headline-shaped line that does not stand between two paragraphs', () => {
    const line = 'See also: Storm damage closes the old coastal road between Westhaven and the northern villages';
    const { byText } = decide([P1, P2, 'Schedule', line, P3].join('\n'));
    expect(byText.get(line)).toEqual({ kind: 'body' });
  });
});
