/**
 * Storylines: stories of one thread across days (the flood, then the inquiry into it). Two stories are linked
 * when their content similarity (average-link terms and entities, no time factor) reaches STORYLINE_THRESHOLD
 * and the gap between their time spans is at most STORYLINE_MAX_GAP_DAYS (unknown dates do not block a link).
 * Candidates come from an inverted index over each story's heaviest features; links are closed transitively.
 */
import { components } from '../graph.js';
import { contentSim } from './agglomerate.js';
import type { Vec } from './features.js';
import * as T from './thresholds.js';

export interface StoryProfile {
  /** Story id. */
  id: string;
  /** Members' unit vectors (unit length each). */
  terms: Vec[];
  entities: Vec[];
  /** Known event days of members. */
  days: number[];
  /** Canonical sort key of the story (first member's (published, id)). */
  sortKey: string;
}

interface Summed {
  n: number;
  nE: number;
  terms: Map<number, number>;
  entities: Map<number, number>;
  lo: number | null;
  hi: number | null;
}

function summed(p: StoryProfile): Summed {
  const terms = new Map<number, number>();
  const entities = new Map<number, number>();
  let nE = 0;
  for (const v of p.terms) for (let i = 0; i < v.ids.length; i++) terms.set(v.ids[i]!, (terms.get(v.ids[i]!) ?? 0) + v.w[i]!);
  for (const v of p.entities) {
    if (v.ids.length) nE++;
    for (let i = 0; i < v.ids.length; i++) entities.set(v.ids[i]!, (entities.get(v.ids[i]!) ?? 0) + v.w[i]!);
  }
  const lo = p.days.length ? Math.min(...p.days) : null;
  const hi = p.days.length ? Math.max(...p.days) : null;
  return { n: p.terms.length, nE, terms, entities, lo, hi };
}

function topKeys(m: Map<number, number>, k: number, odd: number): number[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, k)
    .map((e) => e[0] * 2 + odd);
}

/** Gap in days between two spans (0 when they overlap), null when either is unknown. */
function gapDays(a: Summed, b: Summed): number | null {
  if (a.lo === null || b.lo === null || a.hi === null || b.hi === null) return null;
  return Math.max(0, b.lo - a.hi, a.lo - b.hi);
}

/**
 * A profile's sums and retrieval keys, kept while the profile object lives: the store's online path passes the
 * same profile object for a story that did not change, so relinking after an arrival batch does not sum every
 * story again (a batch builds new profiles and computes everything).
 */
const preparedCache = new WeakMap<StoryProfile, { sum: Summed; keys: number[] }>();

function preparedOf(p: StoryProfile): { sum: Summed; keys: number[] } {
  let x = preparedCache.get(p);
  if (!x) {
    const sum = summed(p);
    x = { sum, keys: [...topKeys(sum.terms, T.INDEX_TERMS, 0), ...topKeys(sum.entities, T.INDEX_ENTITIES, 1)] };
    preparedCache.set(p, x);
  }
  return x;
}

export function linkStorylines(profiles: readonly StoryProfile[], options: { threshold?: number; maxGapDays?: number; entityWeight: number }): string[][] {
  const threshold = options.threshold ?? T.STORYLINE_THRESHOLD;
  const maxGap = options.maxGapDays ?? T.STORYLINE_MAX_GAP_DAYS;
  const order = [...profiles].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const prepared = order.map(preparedOf);
  const sums = prepared.map((p) => p.sum);
  const keys = prepared.map((p) => p.keys);
  const postings = new Map<number, number[]>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const p = postings.get(k);
      if (!p) postings.set(k, [i]);
      else if (p.length < T.MAX_POSTINGS) p.push(i);
    }
  });
  const parent = order.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < order.length; i++) {
    const shared = new Map<number, number>();
    for (const k of keys[i]!) {
      const p = postings.get(k)!;
      if (p.length >= T.MAX_POSTINGS) continue;
      for (const j of p) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const cands = [...shared.entries()].filter((e) => e[1] >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, T.CANDIDATES);
    for (const [j] of cands) {
      const gap = gapDays(sums[i]!, sums[j]!);
      if (gap !== null && gap > maxGap) continue;
      if (contentSim(sums[i]!, sums[j]!, options.entityWeight) < threshold) continue;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < order.length; i++) {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  }
  const out: string[][] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    // By time: earliest known day of each story, then its canonical key.
    const lo = (x: number): number => sums[x]!.lo ?? Number.MAX_SAFE_INTEGER;
    g.sort((x, y) => lo(x) - lo(y) || x - y);
    out.push(g.map((i) => order[i]!.id));
  }
  return out;
}

/**
 * Storylines kept up to date story by story (the store's online path): the stories' retrieval keys in postings and
 * the linked pairs as a graph. A changed story drops its pairs and is linked again against every story (both
 * directions, where the batch looks only at later stories, so the cap of CANDIDATES can bind differently); the
 * other stories' pairs stay as they were. `linkStorylines` remains the batch (and exact) path.
 */
export class StorylineGraph {
  private readonly profiles = new Map<string, StoryProfile>();
  private readonly postings = new Map<number, Set<string>>();
  private readonly edges = new Map<string, Set<string>>();
  private readonly threshold: number;
  private readonly maxGap: number;

  constructor(private readonly options: { threshold?: number; maxGapDays?: number; entityWeight: number }) {
    this.threshold = options.threshold ?? T.STORYLINE_THRESHOLD;
    this.maxGap = options.maxGapDays ?? T.STORYLINE_MAX_GAP_DAYS;
  }

  /** Stories added or changed (a profile per story id) and stories gone. */
  update(changed: readonly StoryProfile[], removed: readonly string[]): void {
    for (const id of removed) this.drop(id);
    for (const p of changed) this.drop(p.id);
    for (const p of changed) {
      this.profiles.set(p.id, p);
      for (const k of preparedOf(p).keys) (this.postings.get(k) ?? this.postings.set(k, new Set()).get(k)!).add(p.id);
    }
    for (const p of changed) this.link(p);
  }

  private drop(id: string): void {
    const p = this.profiles.get(id);
    if (!p) return;
    for (const k of preparedOf(p).keys) this.postings.get(k)?.delete(id);
    for (const o of this.edges.get(id) ?? []) this.edges.get(o)?.delete(id);
    this.edges.delete(id);
    this.profiles.delete(id);
  }

  private link(p: StoryProfile): void {
    const a = preparedOf(p);
    const shared = new Map<string, number>();
    for (const k of a.keys) {
      const list = this.postings.get(k)!;
      if (list.size >= T.MAX_POSTINGS) continue;
      for (const id of list) if (id !== p.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const key = (id: string): string => this.profiles.get(id)!.sortKey;
    const cands = [...shared.entries()]
      .filter((e) => e[1] >= 2)
      .sort((x, y) => y[1] - x[1] || (key(x[0]) < key(y[0]) ? -1 : 1))
      .slice(0, T.CANDIDATES);
    for (const [id] of cands) {
      const b = preparedOf(this.profiles.get(id)!);
      const gap = gapDays(a.sum, b.sum);
      if (gap !== null && gap > this.maxGap) continue;
      if (contentSim(a.sum, b.sum, this.options.entityWeight) < this.threshold) continue;
      (this.edges.get(p.id) ?? this.edges.set(p.id, new Set()).get(p.id)!).add(id);
      (this.edges.get(id) ?? this.edges.set(id, new Set()).get(id)!).add(p.id);
    }
  }

  /** Linked stories (two or more), each by time: earliest known day, then canonical key; as linkStorylines. */
  groups(): string[][] {
    const linked = [...this.edges.keys()].filter((id) => this.edges.get(id)!.size);
    return components(linked, (x) => this.edges.get(x) ?? []).map((g) => {
      const lo = (id: string): number => preparedOf(this.profiles.get(id)!).sum.lo ?? Number.MAX_SAFE_INTEGER;
      const key = (id: string): string => this.profiles.get(id)!.sortKey;
      return g.sort((x, y) => lo(x) - lo(y) || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
    });
  }
}
