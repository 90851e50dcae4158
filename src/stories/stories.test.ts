import { describe, expect, it } from 'vitest';
import { clusterStories, StoryIndex, storiesOf, type StoryInput } from './index.js';

// Invented events, written for these tests.
const docs: StoryInput[] = [
  {
    id: 'quake-a',
    title: 'Strong earthquake shakes Veltria coast, three dead',
    published: '2031-05-04T08:00:00Z',
    text: 'A magnitude 6.4 earthquake struck the Veltria coast early on Sunday, killing three people in the port town of Sarnow. The Veltria Seismic Institute said the quake was centred 20 km off shore. Rescue teams searched collapsed houses in Sarnow through the morning.',
  },
  {
    id: 'quake-b',
    title: 'Three killed as quake hits Sarnow',
    published: '2031-05-04T11:30:00Z',
    text: 'Three people died in Sarnow when a powerful earthquake hit the Veltria coast on Sunday. Mayor Ilsa Marrek said rescue teams were still searching collapsed houses. The Veltria Seismic Institute measured the quake at magnitude 6.4.',
  },
  {
    id: 'quake-c',
    title: 'Sarnow counts the damage',
    published: '2031-05-04T19:00:00Z',
    text: 'Residents of Sarnow spent Sunday clearing rubble after the earthquake on the Veltria coast. Mayor Ilsa Marrek said dozens of houses had collapsed and three people had died. Rescue teams from the Veltria Seismic Institute checked the harbour wall.',
  },
  {
    id: 'quake-old',
    title: 'Earthquake shakes Veltria coast',
    published: '2024-02-11T08:00:00Z',
    text: 'A magnitude 5.1 earthquake struck the Veltria coast on Saturday near the town of Kelmouth. The Veltria Seismic Institute said there was minor damage in Kelmouth and no one was hurt. Engineers inspected the Kelmouth bridge.',
  },
  {
    id: 'budget',
    title: 'Orland parliament passes budget',
    published: '2031-05-04T10:00:00Z',
    text: 'The Orland parliament passed the annual budget on Sunday after a long debate. Finance minister Tomas Brevik said spending on schools would rise. The opposition Green Alliance voted against the budget.',
  },
  {
    id: 'quake-inquiry',
    title: 'Inquiry ordered into Sarnow building collapses after Veltria earthquake',
    published: '2031-05-06T09:00:00Z',
    text: 'The Veltria government ordered an inquiry on Tuesday into why so many houses collapsed in Sarnow during Sunday’s earthquake. Mayor Ilsa Marrek said building inspections in Sarnow had been delayed for years. The inquiry will report in September.',
  },
];

const shape = (r: ReturnType<typeof clusterStories>): string[][] => r.stories.map((s) => [...s.members].sort()).sort();

function permutations<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < 8; k++) {
    const a = [...xs];
    // Deterministic shuffles.
    for (let i = a.length - 1; i > 0; i--) {
      const j = (i * 7 + k * 13) % (i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    out.push(a);
  }
  out.push([...xs].reverse());
  return out;
}

describe('clusterStories', () => {
  const r = clusterStories(docs);
  it('merges one event worded differently, with its follow-up two days later, and keeps a similar event from another year apart', () => {
    expect(shape(r)).toEqual([['budget'], ['quake-a', 'quake-b', 'quake-c', 'quake-inquiry'], ['quake-old']]);
  });
  it('splits the event into its developments: the quake day, then the inquiry', () => {
    const quake = r.stories.find((s) => s.members.includes('quake-a'))!;
    expect(quake.developments.map((d) => [...d.members].sort())).toEqual([['quake-a', 'quake-b', 'quake-c'], ['quake-inquiry']]);
    expect(quake.developments.map((d) => d.first)).toEqual(['2031-05-04T08:00:00Z', '2031-05-06T09:00:00Z']);
    expect(quake.developments[1]!.title).toMatch(/Inquiry/);
    // A one-day story is one development.
    const budget = r.stories.find((s) => s.members.includes('budget'))!;
    expect(budget.developments).toEqual([{ members: ['budget'], title: 'Orland parliament passes budget', first: '2031-05-04T10:00:00Z' }]);
  });
  it('links no story of another event into a storyline', () => {
    expect(r.storylines.every((l) => l.stories.length === 1)).toBe(true);
  });
  it('gives the same result in any input order', () => {
    const want = JSON.stringify(r);
    for (const p of permutations(docs)) expect(JSON.stringify(clusterStories(p))).toBe(want);
  });
  it('numbers stories by time and gives each a title and a span', () => {
    expect(r.stories.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    const quake = r.stories.find((s) => s.members.includes('quake-a'))!;
    expect(quake.first).toBe('2031-05-04T08:00:00Z');
    expect(quake.last).toBe('2031-05-06T09:00:00Z');
    expect(quake.title).toMatch(/quake|Sarnow/);
  });
  it('clusters a family once, through its canonical member', () => {
    const copy: StoryInput = { id: 'quake-a-copy', title: 'Quake kills three', published: '2031-05-04T09:00:00Z', text: docs[0]!.text };
    const families = [{ id: 'family:quake-a', canonical: 'quake-a', members: [{ id: 'quake-a' }, { id: 'quake-a-copy' }] }];
    const withFam = clusterStories([...docs, copy], { families });
    const quake = withFam.stories.find((s) => s.members.includes('quake-a'))!;
    expect(quake.members).toContain('quake-a-copy');
    expect(quake.families).toEqual(['family:quake-a', 'family:quake-b', 'family:quake-c', 'family:quake-inquiry']);
  });
  it('rejects duplicate ids', () => {
    expect(() => clusterStories([docs[0]!, docs[0]!])).toThrow(/duplicate/);
  });
});

describe('StoryIndex.addArticles (online)', () => {
  it('assigns arrivals to existing stories, consistently with the batch', () => {
    const index = new StoryIndex();
    index.addArticles(docs.slice(0, 2));
    const before = index.storyOfUnit(index.unitOf('quake-a')!);
    const assigned = index.addArticles(docs.slice(2));
    expect(assigned.get('quake-c')).toBe(before);
    const online = storiesOf(index).map((s) => [...s.members].sort()).sort();
    expect(online).toEqual(shape(clusterStories(docs)));
  });
});
