import { describe, expect, it } from 'vitest';
import { agglomerate, type AggItem } from './agglomerate.js';
import { dateFactor, determinerShare, DEVELOPMENT_TIME, pairFactor, prepareFeatures, Vocabulary, whoFactor, type EventTime, type Vec } from './features.js';
import { EVENT_WINDOW_DAYS, FAR_APART_FACTOR, FRAGMENT_SIZE, OTHER_PROTAGONIST_FACTOR, OTHER_YEAR_FACTOR, STORY_THRESHOLD } from './thresholds.js';

const time = (t: Partial<EventTime> = {}): EventTime => ({ day: null, year: null, ...t });

describe('event time and protagonist read from a text', () => {
  const prepare = (text: string, published?: string) => prepareFeatures({ text, published: published ?? null }, new Vocabulary(), new Vocabulary());
  it('takes the year an undated text names, and the publication day when known', () => {
    expect(prepare('The Orlen mill burned on 3 May 2031. Nobody was hurt.').time).toEqual({ day: null, year: 2031 });
    expect(prepare('The mill burned on Friday night.', '2031-05-03T08:00:00Z').time).toMatchObject({ year: 2031 });
  });
  it('names the person a text is about: the one it names most, at least twice, no tie', () => {
    const v = new Vocabulary();
    const about = (text: string) => prepareFeatures({ text }, new Vocabulary(), v).who;
    const ada = about('Ada Varga was taken to hospital on Friday. Varga had been skiing with Tom Brill. Varga is recovering.');
    expect(ada).toBeGreaterThanOrEqual(0);
    expect(about('Coach Ada Varga said her team would recover. Varga praised the fans.')).toBe(ada);
    expect(about('Tom Brill was taken to hospital. Brill had been skiing.')).not.toBe(ada);
    expect(about('Ada Varga met Tom Brill on Friday.')).toBe(-1);
  });
  it('a name a determiner leads (a team, a law) is no protagonist; "the Varga family" once does not unmake a person', () => {
    const about = (text: string) => prepareFeatures({ text }, new Vocabulary(), new Vocabulary()).who;
    expect(about('The Harbour Colts beat the Rams on Sunday. The Colts led from the start, and the Colts fans sang.')).toBe(-1);
    expect(about('Ada Varga was taken to hospital. Varga had been skiing. Varga is recovering. Varga thanked the nurses, the Varga family said.')).toBeGreaterThanOrEqual(0);
    expect(determinerShare('The Colts won. The Harbour Colts lost. Colts fans cheered.', 'colts')).toBeCloseTo(2 / 3);
    expect(determinerShare('Varga said. The Varga family. Varga left.', 'varga')).toBeCloseTo(1 / 3);
  });
  it('penalises years that differ and protagonists that differ, each once', () => {
    expect(dateFactor(time({ year: 2008 }), time({ year: 2013 }))).toBe(OTHER_YEAR_FACTOR);
    expect(dateFactor(time({ year: 2008 }), time())).toBe(1);
    expect(whoFactor(3, 4)).toBe(OTHER_PROTAGONIST_FACTOR);
    expect(whoFactor(3, 3)).toBe(1);
    expect(whoFactor(3, -1)).toBe(1);
    expect(pairFactor({ time: time({ year: 2008 }), who: 3 }, { time: time({ year: 2013 }), who: 4 })).toBeCloseTo(OTHER_YEAR_FACTOR * OTHER_PROTAGONIST_FACTOR);
  });
});

/** A unit vector over term ids 0.. with these weights on ids `at`, the rest of its length on its own id `own`. */
function vec(own: number, at: Record<number, number> = {}): Vec {
  const entries = Object.entries(at).map(([k, w]) => [Number(k), w] as const);
  const rest = Math.sqrt(1 - entries.reduce((s, [, w]) => s + w * w, 0));
  const all = [...entries, [own, rest] as const].sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(all.map((e) => e[0])), w: Float32Array.from(all.map((e) => e[1])) };
}
const item = (terms: Vec, t: Partial<EventTime> = {}): AggItem => ({ terms, entities: { ids: new Int32Array(0), w: new Float32Array(0) }, time: time(t), who: -1 });
const allPairs = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => Array.from({ length: i }, (_, j) => [j, i] as [number, number])).flat();
const options = { threshold: STORY_THRESHOLD, entityWeight: 0.6 };

describe('fragments', () => {
  // Similarity below the merge threshold but above the fragment bar.
  const near = STORY_THRESHOLD * 0.7;
  const story = (own: number, t: Partial<EventTime> = {}) => Array.from({ length: FRAGMENT_SIZE + 1 }, () => item(vec(own), t));
  it('a small cluster joins the bigger story it is near', () => {
    const items = [...story(1), item(vec(9, { 1: near }))];
    expect(agglomerate(items, allPairs(items.length), options)).toEqual([[0, 1, 2, 3, 4]]);
  });
  it('two big stories never merge through the lower bar', () => {
    const items = [...story(1), ...Array.from({ length: FRAGMENT_SIZE + 1 }, () => item(vec(2, { 1: near })))];
    expect(agglomerate(items, allPairs(items.length), options)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });
  it('a fragment published within the event window joins; one published months later stays its own story', () => {
    const soon = [...story(1, { day: 20_000 }), item(vec(9, { 1: near }), { day: 20_001 })];
    expect(agglomerate(soon, allPairs(soon.length), options)).toEqual([[0, 1, 2, 3, 4]]);
    const late = [...story(1, { day: 20_000 }), item(vec(9, { 1: near }), { day: 20_000 + EVENT_WINDOW_DAYS + 30 })];
    expect(agglomerate(late, allPairs(late.length), options)).toEqual([[0, 1, 2, 3], [4]]);
  });
  it('as a development, a fragment published on another day stays its own', () => {
    const items = [...story(1, { day: 20_000 }), item(vec(9, { 1: near }), { day: 20_001 })];
    expect(agglomerate(items, allPairs(items.length), { ...options, time: DEVELOPMENT_TIME })).toEqual([[0, 1, 2, 3], [4]]);
  });
  it('a fragment joins a small story too, when that story is bigger than the fragment', () => {
    const items = [item(vec(1)), item(vec(1)), item(vec(9, { 1: near }))];
    expect(agglomerate(items, allPairs(items.length), options)).toEqual([[0, 1, 2]]);
  });
  it('a fragment too far from every story stays alone', () => {
    const items = [...story(1), item(vec(9, { 1: STORY_THRESHOLD * 0.3 }))];
    expect(agglomerate(items, allPairs(items.length), options)).toEqual([[0, 1, 2, 3], [4]]);
  });
});

describe('the time models', () => {
  it('stories: one time within the event window, fading after it to the far-apart factor', () => {
    expect(dateFactor(time({ day: 20_000 }), time({ day: 20_000 + EVENT_WINDOW_DAYS }))).toBe(1);
    const later = dateFactor(time({ day: 20_000 }), time({ day: 20_000 + EVENT_WINDOW_DAYS + 15 }));
    expect(later).toBeLessThan(1);
    expect(later).toBeGreaterThan(FAR_APART_FACTOR);
    expect(dateFactor(time({ day: 20_000 }), time({ day: 20_000 + 400 }))).toBe(FAR_APART_FACTOR);
  });
  it('developments: the next day already weighs a third', () => {
    expect(dateFactor(time({ day: 20_000 }), time({ day: 20_001 }), DEVELOPMENT_TIME)).toBeCloseTo(Math.pow(0.5, 1 / 0.6));
  });
});

describe('protagonists across clusters', () => {
  // Two stories of FRAGMENT_SIZE + 1 items (no fragment rule), every cross pair at content x. One item of the first
  // names a protagonist, every item of the second names another: 4 of the 16 cross pairs differ.
  const n = FRAGMENT_SIZE + 1;
  const x = STORY_THRESHOLD / 0.85;
  const items = [
    ...Array.from({ length: n }, (_, i) => ({ ...item(vec(1)), who: i === 0 ? 1 : -1 })),
    ...Array.from({ length: n }, () => ({ ...item(vec(2, { 1: x })), who: 2 })),
  ];
  it('weigh a conflict over all member pairs: one member of a story does not decide for all of it', () => {
    // Factor 1 − (1 − 0.586) × 4/16 ≈ 0.90 ≥ 0.85: they merge; averaged over the 4 pairs that carry protagonists
    // alone, it would be 0.586 and they would not.
    expect(agglomerate(items, allPairs(items.length), { ...options, protagonistFactor: OTHER_PROTAGONIST_FACTOR })).toEqual([Array.from({ length: 2 * n }, (_, i) => i)]);
  });
  it('keep two stories apart when every pair names other people', () => {
    const all = items.map((it, i) => (i < n ? { ...it, who: 1 } : it));
    expect(agglomerate(all, allPairs(all.length), { ...options, protagonistFactor: OTHER_PROTAGONIST_FACTOR })).toHaveLength(2);
  });
});
