import { describe, expect, it } from 'vitest';
import { agglomerate, type AggItem } from './agglomerate.js';
import { DEVELOPMENT_TIME, prepareFeatures, timeFactor, Vocabulary, type EventTime, type Vec } from './features.js';
import { EVENT_WINDOW_DAYS, FRAGMENT_SIZE, OTHER_WEEKDAY_FACTOR, OTHER_YEAR_FACTOR, STORY_THRESHOLD } from './thresholds.js';

const time = (t: Partial<EventTime> = {}): EventTime => ({ day: null, year: null, weekdays: 0, ...t });
const bit = (...days: number[]): number => days.reduce((m, d) => m | (1 << d), 0);

describe('event time read from an undated text', () => {
  const prepare = (text: string, published?: string) => prepareFeatures({ text, published: published ?? null }, new Vocabulary(), new Vocabulary()).time;
  it('keeps the weekdays the lede names', () => {
    const text = 'Fire crews fought a blaze at the Orlen mill on Friday night. By Saturday morning the roof had fallen in. Nobody was hurt.';
    expect(prepare(text)).toEqual({ day: null, year: null, weekdays: bit(5, 6) });
  });
  it('reads no weekday past the lede, and none when the publication day is known', () => {
    const lede = Array.from({ length: 6 }, (_, i) => `The mill fire burned through part ${i + 1} of the site.`).join(' ');
    expect(prepare(`${lede} Repairs start on Monday.`).weekdays).toBe(0);
    expect(prepare('The mill burned on Friday night.', '2031-05-03T08:00:00Z')).toMatchObject({ weekdays: 0, year: 2031 });
  });
  it('penalises ledes naming different weekdays, and years that differ', () => {
    expect(timeFactor(time({ weekdays: bit(5) }), time({ weekdays: bit(0) }))).toBe(OTHER_WEEKDAY_FACTOR);
    expect(timeFactor(time({ weekdays: bit(5, 6) }), time({ weekdays: bit(6) }))).toBe(1);
    expect(timeFactor(time({ weekdays: bit(5) }), time())).toBe(1);
    expect(timeFactor(time({ year: 2008, weekdays: bit(5) }), time({ year: 2013, weekdays: bit(0) }))).toBeCloseTo(OTHER_YEAR_FACTOR * OTHER_WEEKDAY_FACTOR);
  });
});

/** A unit vector over term ids 0.. with these weights on ids `at`, the rest of its length on its own id `own`. */
function vec(own: number, at: Record<number, number> = {}): Vec {
  const entries = Object.entries(at).map(([k, w]) => [Number(k), w] as const);
  const rest = Math.sqrt(1 - entries.reduce((s, [, w]) => s + w * w, 0));
  const all = [...entries, [own, rest] as const].sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(all.map((e) => e[0])), w: Float32Array.from(all.map((e) => e[1])) };
}
const item = (terms: Vec, t: Partial<EventTime> = {}): AggItem => ({ terms, entities: { ids: new Int32Array(0), w: new Float32Array(0) }, time: time(t) });
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
  it('a fragment too far from every story stays alone', () => {
    const items = [...story(1), item(vec(9, { 1: STORY_THRESHOLD * 0.3 }))];
    expect(agglomerate(items, allPairs(items.length), options)).toEqual([[0, 1, 2, 3], [4]]);
  });
});

describe('the time models', () => {
  it('stories: one time within the event window, fading after it to the other-year factor', () => {
    expect(timeFactor(time({ day: 20_000 }), time({ day: 20_000 + EVENT_WINDOW_DAYS }))).toBe(1);
    const later = timeFactor(time({ day: 20_000 }), time({ day: 20_000 + EVENT_WINDOW_DAYS + 15 }));
    expect(later).toBeLessThan(1);
    expect(later).toBeGreaterThan(OTHER_YEAR_FACTOR);
    expect(timeFactor(time({ day: 20_000 }), time({ day: 20_000 + 400 }))).toBe(OTHER_YEAR_FACTOR);
  });
  it('developments: the next day already weighs a third', () => {
    expect(timeFactor(time({ day: 20_000 }), time({ day: 20_001 }), DEVELOPMENT_TIME)).toBeCloseTo(Math.pow(0.5, 1 / 0.6));
  });
});
