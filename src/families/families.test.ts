import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/index.js';
import { LOCAL_PARAGRAPH, OTHER, OWN, WIRE, WIRE_PARAGRAPHS } from './fixtures/stories.js';
import { findFamilies, FamilyInputError, type Family, type FamilyInput } from './index.js';

const familyOf = (fams: Family[], id: string): Family => {
  const f = fams.find((x) => x.members.some((m) => m.id === id));
  if (!f) throw new Error(`no family holds ${id}`);
  return f;
};
const idsOf = (f: Family): string[] => f.members.map((m) => m.id).sort();
const memberOf = (f: Family, id: string) => f.members.find((m) => m.id === id)!;
const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => s.text);

/** Every doc in exactly one family; offsets point at the quoted text. */
function checkShape(fams: Family[], docs: FamilyInput[]): void {
  const seen = fams.flatMap((f) => f.members.map((m) => m.id)).sort();
  expect(seen).toEqual(docs.map((d) => d.id).sort());
  const text = new Map(docs.map((d) => [d.id, d.text]));
  for (const f of fams) {
    expect(f.members[0]!.id).toBe(f.canonical);
    expect(f.members[0]!.similarity).toBe(1);
    const rest = f.members.slice(1).map((m) => m.id);
    expect(rest).toEqual([...rest].sort());
    for (const m of f.members) {
      for (const a of m.adds) expect(text.get(m.id)!.slice(a.start, a.end)).toBe(a.text);
      for (const d of m.drops) expect(text.get(f.canonical)!.slice(d.start, d.end)).toBe(d.text);
      expect(m.similarity).toBeGreaterThanOrEqual(0);
      expect(m.similarity).toBeLessThanOrEqual(1);
    }
  }
}

function edit(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`fixture edit not applicable: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

const wireDoc: FamilyInput = { id: 'harrowgate', text: WIRE, publisher: 'Harrowgate Wire', published: '2026-05-14T08:05:00Z' };

describe('findFamilies', () => {
  it('groups identical copies; canonical by the documented rule', () => {
    const docs: FamilyInput[] = [
      { id: 'c', text: WIRE },
      { id: 'a', text: WIRE, published: '2026-05-14' },
      { id: 'b', text: WIRE, published: '2026-05-14T09:00:00Z', title: 'Ferry fire: passengers brought ashore' },
    ];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(fams).toHaveLength(1);
    // A timed copy beats a bare date the same day; unknown dates come last.
    expect(fams[0]!.canonical).toBe('b');
    for (const m of fams[0]!.members) {
      expect(m.similarity).toBe(1);
      expect(m.adds).toEqual([]);
      expect(m.drops).toEqual([]);
    }
    expect(fams[0]!.id).toBe('family:b');
  });

  it('an edited copy with an added local paragraph: adds are that paragraph, edits are neither adds nor drops', () => {
    const client = edit(WIRE, [
      ['shortly after it left', 'soon after it left'],
      ['were brought ashore safely', 'were taken ashore safely'],
      ['would run a reduced timetable', 'would operate a reduced timetable'],
      [WIRE_PARAGRAPHS[6]!, `${WIRE_PARAGRAPHS[6]!}\n\n${LOCAL_PARAGRAPH}`],
    ]);
    const docs: FamilyInput[] = [
      wireDoc,
      { id: 'brenholm-courier', text: `${client}\n\nSign up for the Brenholm Courier morning newsletter.`, publisher: 'Brenholm Courier', published: '2026-05-14T09:30:00Z', title: 'Ferry turns back after engine-room fire' },
    ];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(fams).toHaveLength(1);
    const f = fams[0]!;
    expect(f.canonical).toBe('harrowgate');
    const m = memberOf(f, 'brenholm-courier');
    expect(m.adds.map((a) => a.text)).toEqual([...sentencesOf(LOCAL_PARAGRAPH), 'Sign up for the Brenholm Courier morning newsletter.']);
    expect(m.drops).toEqual([]);
    expect(m.changed?.map((c) => c.text)).toHaveLength(3);
    expect(m.changed?.[0]?.canonical.text).toContain('shortly after it left');
    expect(m.similarity).toBeGreaterThan(0.7);
    expect(m.similarity).toBeLessThan(1);
  });

  it("an aggregator's shortened copy is in the family, and its drops are the paragraphs it cut", () => {
    const short = WIRE_PARAGRAPHS.slice(0, 5).join('\n\n');
    const docs: FamilyInput[] = [wireDoc, { id: 'newsloom', text: `${short}\n\nRead the full story on the NewsLoom app.` }];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(fams).toHaveLength(1);
    expect(fams[0]!.canonical).toBe('harrowgate');
    const m = memberOf(fams[0]!, 'newsloom');
    expect(m.drops.map((d) => d.text)).toEqual(sentencesOf(WIRE_PARAGRAPHS.slice(5).join('\n\n')));
    expect(m.adds.map((a) => a.text)).toEqual(['Read the full story on the NewsLoom app.']);
    expect(m.similarity).toBeLessThan(0.6); // resemblance is low; containment made it a family
  });

  it('reordered paragraphs, one sentence per line and other quote marks are still one text', () => {
    const order = [0, 1, 2, 5, 6, 3, 4, 7, 10, 11, 8, 9];
    const reordered = order
      .map((i) => sentencesOf(WIRE_PARAGRAPHS[i]!).join('\n'))
      .join('\n')
      .replace(/[“”]/g, "'")
      .replace(/’/g, "'");
    const docs: FamilyInput[] = [wireDoc, { id: 'fjordposten', text: reordered, publisher: 'Fjordposten' }];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(fams).toHaveLength(1);
    const m = memberOf(fams[0]!, 'fjordposten');
    expect(m.adds).toEqual([]);
    expect(m.drops).toEqual([]);
    expect(m.similarity).toBeGreaterThan(0.95);
  });

  it('two different stories on the same event that share quotes are not a family', () => {
    const docs: FamilyInput[] = [wireDoc, { id: 'vessa-herald', text: OWN, publisher: 'Vessa Herald' }];
    expect(findFamilies(docs)).toHaveLength(2);
    // Not even when a short report is built around the same statements, quoted word for word.
    const quoteHeavy = [
      'Passengers and crew of the Saint Odile were praised on Thursday for an orderly evacuation.',
      '“The crew did exactly what they have trained for,” he said. “Nobody was hurt on board, and the ship will be back in service as soon as the inspectors allow it.”',
      '“Nobody needs to panic-buy,” she said. “We have been through longer interruptions in winter storms.”',
    ].join('\n\n');
    const docs2: FamilyInput[] = [wireDoc, { id: 'vessa-herald', text: quoteHeavy }];
    expect(findFamilies(docs2)).toHaveLength(2);
  });

  it('short texts do not match on shared boilerplate', () => {
    const boiler = 'Sign up for our morning newsletter to get the top stories from the valleys in your inbox. Follow us on social media for live updates from our newsroom.';
    const docs: FamilyInput[] = [
      { id: 'x', text: `The library in Ostvik reopens on Monday after repairs to its roof. ${boiler}` },
      { id: 'y', text: `A new bakery has opened on Strandgata in the old harbour district. ${boiler}` },
      { id: 'z', text: '' },
    ];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(fams).toHaveLength(3);
  });

  it('a composite that carries two whole stories does not chain their families together', () => {
    const docs: FamilyInput[] = [
      wireDoc,
      { id: 'w1', text: edit(WIRE, [['shortly after it left', 'soon after it left']]) },
      { id: 'w2', text: WIRE_PARAGRAPHS.slice(0, 9).join('\n\n') },
      { id: 'granstad', text: OTHER, published: '2026-05-13T10:00:00Z' },
      { id: 'o1', text: edit(OTHER, [['approved plans on Wednesday', 'backed plans on Wednesday']]) },
      { id: 'o2', text: OTHER.split('\n\n').slice(0, 6).join('\n\n') },
      { id: 'roundup', text: `${WIRE}\n\n${OTHER}` },
    ];
    const fams = findFamilies(docs);
    checkShape(fams, docs);
    expect(idsOf(familyOf(fams, 'harrowgate'))).toEqual(['harrowgate', 'w1', 'w2']);
    expect(idsOf(familyOf(fams, 'granstad'))).toEqual(['granstad', 'o1', 'o2']);
    expect(idsOf(familyOf(fams, 'roundup'))).toEqual(['roundup']);
  });

  it('gives the same families whatever the input order', () => {
    const docs: FamilyInput[] = [
      wireDoc,
      { id: 'w1', text: edit(WIRE, [['shortly after it left', 'soon after it left']]), published: '2026-05-14T09:00:00Z' },
      { id: 'w2', text: WIRE_PARAGRAPHS.slice(0, 6).join('\n\n') },
      { id: 'w3', text: `${WIRE}\n\n${LOCAL_PARAGRAPH}` },
      { id: 'own', text: OWN },
      { id: 'other', text: OTHER },
      { id: 'o1', text: OTHER },
    ];
    const expected = findFamilies(docs);
    checkShape(expected, docs);
    let seed = 7;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 8; k++) {
      const shuffled = [...docs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(findFamilies(shuffled)).toEqual(expected);
    }
    expect(expected.map(idsOf)).toEqual([['harrowgate', 'w1', 'w2', 'w3'], ['o1', 'other'], ['own']]);
  });

  it('rejects duplicate ids with a typed error', () => {
    expect(() => findFamilies([{ id: 'a', text: WIRE }, { id: 'a', text: OWN }])).toThrow(FamilyInputError);
  });

  it('handles empty input', () => {
    expect(findFamilies([])).toEqual([]);
  });
});
