/**
 * Stories: articles about one event, clustered by words (BM25 over stems, headline words counted extra), named
 * entities and time; storylines: stories of one thread linked across days.
 *
 * Pipeline: features per text (./features) → one unit per syndication family (its canonical member) → inverted
 * index over each unit's heaviest terms and entities, capped postings (./story-index) → exact similarity for the
 * top candidates only (never all pairs), each unit keeping edges to its nearest few → average-link agglomeration
 * on that sparse graph, then small fragments joined to their nearest bigger story at a lower bar (./agglomerate)
 * → storylines over the stories (./storylines). Time is the publication day where known, else the year the
 * text names; a text's protagonist (the person it names most) tells two same-kind events apart. Every step costs
 * O(units) however big a story grows (see bench/stories.ts). Inputs are sorted by (published, id) and every tie breaks on that
 * rank, so the result does not depend on arrival order.
 */
import { agglomerate, type AggItem } from './agglomerate.js';
import { dateFactor, DEVELOPMENT_TIME } from './features.js';
import * as T from './thresholds.js';
import { linkStorylines, type StoryProfile } from './storylines.js';
import { StoryIndex, cmp, sortKeyOf } from './story-index.js';
import type { Development, Story, StoryInput, StoryOptions, Storyline, StorylineOptions } from './types.js';

export * from './types.js';
export { StoryIndex, sortKeyOf } from './story-index.js';
export { bcubed, pairwise, type ClusterScores } from './eval.js';
export { singlePassBaseline } from './baseline.js';
export * as thresholds from './thresholds.js';

export interface StoryResult {
  stories: Story[];
  storylines: Storyline[];
}

/** The family of every article (id → canonical and family id), from `findFamilies` output. */
export function familyMap(families: StoryOptions['families']): Map<string, { canonical: string; familyId: string }> {
  const m = new Map<string, { canonical: string; familyId: string }>();
  for (const f of families ?? []) for (const mem of f.members) m.set(mem.id, { canonical: f.canonical, familyId: f.id });
  return m;
}

/** Builds an index holding `docs` (clustered as one batch). */
export function buildIndex(docs: readonly StoryInput[], options: StoryOptions = {}): StoryIndex {
  const index = new StoryIndex(options);
  index.addArticles(docs, familyMap(options.families));
  return index;
}

/** Stories of an index, as internal story number → Story (id `s<number>`), ordered by time. */
export function storiesOf(index: StoryIndex): Story[] {
  const out: Story[] = [];
  for (const [num, units] of index.stories()) out.push(storyOfUnits(index, num, units));
  return sortStories(index, out);
}

/** One story of an index (id `s<num>`): its units' articles in (published, id) order, developments and title. */
export function storyOfUnits(index: StoryIndex, num: number, units: readonly number[]): Story {
  const members: string[] = [];
  const families: string[] = [];
  for (const u of units) {
    const unit = index.units[u]!;
    members.push(...unit.members);
    families.push(unit.familyId ?? `family:${unit.key}`);
  }
  const meta = (id: string) => index.articles.get(id) ?? { published: null, title: null };
  members.sort((a, b) => cmp(sortKeyOf(a, meta(a).published), sortKeyOf(b, meta(b).published)));
  const dates = datesOf(members.map((m) => meta(m).published));
  const developments = developmentsOf(index, [...units], (ms) => members.filter((m) => ms.has(m)));
  // The story is named by its most covered development (ties: the earlier one): the event, not its latest turn.
  const lead = developments.reduce((a, b) => (b.members.length > a.members.length ? b : a));
  const title = lead.title ?? titleOf(index, [...units]);
  return { id: `s${num}`, title, members, families: [...new Set(families)].sort(), first: dates[0] ?? null, last: dates[dates.length - 1] ?? null, developments };
}

/** Stories in `storiesOf`'s order: by their first member's (published, id). Sorts in place. */
export function sortStories(index: StoryIndex, stories: Story[]): Story[] {
  return stories.sort((a, b) => cmp(storyKey(index, a), storyKey(index, b)));
}

const datesOf = (ps: (string | null)[]): string[] => ps.filter((p): p is string => !!p && /^\d{4}-\d\d-\d\d/.test(p)).sort();

/** Units compared per unit when splitting a story into developments: its neighbours in time order. */
const DEVELOPMENT_NEIGHBOURS = 40;

/**
 * A story's developments: its units clustered again with the development time model (one day's news), each unit
 * compared with its DEVELOPMENT_NEIGHBOURS nearest in time order (O(units), whatever the story's size).
 * `ordered` puts a development's article ids in the story's member order.
 */
function developmentsOf(index: StoryIndex, units: number[], ordered: (ids: Set<string>) => string[]): Development[] {
  const byTime = [...units].sort((a, b) => cmp(index.units[a]!.sortKey, index.units[b]!.sortKey));
  const days = new Set(byTime.map((u) => index.units[u]!.time.day));
  let groups: number[][];
  if (days.size < 2) groups = [byTime.map((_, i) => i)];
  else {
    const items: AggItem[] = byTime.map((u) => ({ terms: index.units[u]!.terms, entities: index.units[u]!.entities, time: index.units[u]!.time, who: index.units[u]!.who }));
    const edges: [number, number][] = [];
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < Math.min(items.length, i + 1 + DEVELOPMENT_NEIGHBOURS); j++) edges.push([i, j]);
    // Inside one story every text reports the event: who a text is about says nothing of which day it reports.
    groups = agglomerate(items, edges, { threshold: T.DEVELOPMENT_THRESHOLD, entityWeight: index.entityWeight, protagonistFactor: 1, time: DEVELOPMENT_TIME });
  }
  return groups
    .map((g) => {
      const us = g.map((i) => byTime[i]!);
      const members = ordered(new Set(us.flatMap((u) => index.units[u]!.members)));
      const first = datesOf(members.map((m) => index.articles.get(m)?.published ?? null))[0] ?? null;
      return { members, title: titleOf(index, us), first, key: index.units[us[0]!]!.sortKey };
    })
    .sort((a, b) => cmp(a.key, b.key))
    .map(({ members, title, first }) => ({ members, title, first }));
}

function storyKey(index: StoryIndex, s: Story): string {
  const first = s.members[0]!;
  return sortKeyOf(first, index.articles.get(first)?.published);
}

/**
 * The story's title: the headline of its most central unit (highest summed pair similarity to the other units,
 * `StoryIndex.pairSim`), else any member's headline, else the opening words of the central text.
 */
function titleOf(index: StoryIndex, units: number[]): string | null {
  let best = units[0]!;
  if (units.length > 2) {
    const central = centrality(index, units);
    let bestScore = -1;
    units.forEach((u, i) => {
      if (central[i]! > bestScore + 1e-12 && index.units[u]!.title) [best, bestScore] = [u, central[i]!];
    });
  }
  const unit = index.units[best]!;
  if (unit.title) return unit.title;
  for (const u of units) if (index.units[u]!.title) return index.units[u]!.title;
  return unit.lede || null;
}

/**
 * For each unit, the sum of `pairSim` to every other unit of the story, in O(units × distinct times) dot products
 * instead of all pairs: within one story the similarity is content(u, v) × dateFactor(u, v) (protagonists say
 * nothing there, as in developmentsOf), and content is linear in v's vectors (terms, or the entity mix when both have
 * entities), so the units of one event time are summed once.
 */
function centrality(index: StoryIndex, units: number[]): number[] {
  const w = index.entityWeight;
  interface Group {
    time: StoryIndex['units'][number]['time'];
    /** Terms of every unit; terms and entities of the units with entities. */
    terms: Map<number, number>;
    termsE: Map<number, number>;
    ents: Map<number, number>;
  }
  const add = (m: Map<number, number>, v: { ids: Int32Array; w: Float32Array }): void => {
    for (let i = 0; i < v.ids.length; i++) m.set(v.ids[i]!, (m.get(v.ids[i]!) ?? 0) + v.w[i]!);
  };
  const dotMap = (v: { ids: Int32Array; w: Float32Array }, m: Map<number, number>): number => {
    let s = 0;
    for (let i = 0; i < v.ids.length; i++) s += v.w[i]! * (m.get(v.ids[i]!) ?? 0);
    return s;
  };
  const groups = new Map<string, Group>();
  for (const u of units) {
    const unit = index.units[u]!;
    const key = `${unit.time.day}/${unit.time.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { time: unit.time, terms: new Map(), termsE: new Map(), ents: new Map() }));
    add(g.terms, unit.terms);
    if (unit.entities.ids.length) {
      add(g.termsE, unit.terms);
      add(g.ents, unit.entities);
    }
  }
  return units.map((u) => {
    const unit = index.units[u]!;
    const hasE = unit.entities.ids.length > 0;
    let s = 0;
    for (const g of groups.values()) {
      let c = dotMap(unit.terms, g.terms);
      if (hasE) c += w * (dotMap(unit.entities, g.ents) - dotMap(unit.terms, g.termsE));
      s += c * dateFactor(unit.time, g.time, index.time);
    }
    return s - index.pairSim(u, u);
  });
}

/** Storylines over an index's stories (story ids as `storiesOf` writes them). */
export function storylinesOf(index: StoryIndex, stories: readonly Story[], options: StorylineOptions = {}): Storyline[] {
  const profiles: StoryProfile[] = stories.map((s) => profileOf(index, s));
  const groups = linkStorylines(profiles, { ...options, entityWeight: index.entityWeight });
  const firstKey = new Map(profiles.map((p) => [p.id, p.sortKey]));
  return groups
    .sort((a, b) => cmp(firstKey.get(a[0]!)!, firstKey.get(b[0]!)!))
    .map((g, i) => ({ id: `l${i + 1}`, stories: g }));
}

/**
 * A story's storyline profile, kept while the Story object lives (the online path keeps a story's object until its
 * articles change; linkStorylines keeps the profile's sums as long). A unit re-weighed since, in a story whose
 * articles did not change, keeps its old vector here: storylines drift from the batch's as the stories do.
 */
const profiles = new WeakMap<Story, StoryProfile>();

export function profileOf(index: StoryIndex, s: Story): StoryProfile {
  const had = profiles.get(s);
  if (had) return had;
  const p = ((): StoryProfile => {
    const units = [...new Set(s.members.map((m) => index.unitOf(m)!))];
    const days: number[] = [];
    for (const u of units) {
      const d = index.units[u]!.time.day;
      if (d !== null) days.push(d);
    }
    return {
      id: s.id,
      terms: units.map((u) => index.units[u]!.terms),
      entities: units.map((u) => index.units[u]!.entities),
      days,
      sortKey: storyKey(index, s),
    };
  })();
  profiles.set(s, p);
  return p;
}

/**
 * Batch clustering: stories (renumbered `s1`, `s2`... in order of first publication) and storylines.
 * The same docs in any order give the same result.
 */
export function clusterStories(docs: readonly StoryInput[], options: StoryOptions & { storylines?: StorylineOptions } = {}): StoryResult {
  const index = buildIndex(docs, options);
  const raw = storiesOf(index);
  const rename = new Map(raw.map((s, i) => [s.id, `s${i + 1}`]));
  const stories = raw.map((s) => ({ ...s, id: rename.get(s.id)! }));
  return { stories, storylines: storylinesOf(index, stories, options.storylines) };
}

/** Stories only. */
export function findStories(docs: readonly StoryInput[], options: StoryOptions = {}): Story[] {
  return clusterStories(docs, options).stories;
}
