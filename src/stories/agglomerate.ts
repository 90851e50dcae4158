/**
 * Average-link agglomerative clustering over a sparse candidate graph.
 *
 * Items carry unit-length term and entity vectors. A cluster keeps the SUM of its members' vectors, so the mean
 * pairwise cosine of two clusters is dot(sumA, sumB) / (|A| |B|): exact average link at centroid cost, over every
 * member pair (not only the graph's edges), which is what stops chaining. The graph only says which clusters are
 * worth comparing. Merges go best-first; ties break on the smaller item rank, so the result depends only on the
 * items and their ranks, never on arrival order.
 */
import { timeFactor, type EventTime, type Vec } from './features.js';

export interface AggItem {
  terms: Vec;
  entities: Vec;
  time: EventTime;
}

export interface AggOptions {
  threshold: number;
  entityWeight: number;
  linkage?: 'average' | 'centroid';
}

type Sum = Map<number, number>;

interface Cluster {
  n: number;
  /** Members with at least one entity. */
  nE: number;
  terms: Sum;
  entities: Sum;
  /** Known event times of (a bounded sample of) members. */
  times: EventTime[];
  members: number[];
  nbrs: Set<number>;
  version: number;
  alive: boolean;
}

/** Members' times kept per cluster for the time factor (evenly spaced sample beyond this). */
const MAX_TIMES = 24;

function sumOf(v: Vec): Sum {
  const m: Sum = new Map();
  for (let i = 0; i < v.ids.length; i++) m.set(v.ids[i]!, v.w[i]!);
  return m;
}

function dotSums(a: Sum, b: Sum): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

function addInto(into: Sum, from: Sum): void {
  for (const [k, x] of from) into.set(k, (into.get(k) ?? 0) + x);
}

function sampleTimes(t: EventTime[]): EventTime[] {
  if (t.length <= MAX_TIMES) return t;
  const out: EventTime[] = [];
  for (let i = 0; i < MAX_TIMES; i++) out.push(t[Math.floor((i * t.length) / MAX_TIMES)]!);
  return out;
}

function timeKey(t: EventTime): number {
  return t.day ?? (t.year !== null ? (t.year - 1970) * 365.25 : 0);
}

/** Mean time factor over member pairs with known times (1 when none). */
function clusterTime(a: Cluster, b: Cluster): number {
  if (!a.times.length || !b.times.length) return 1;
  let s = 0;
  for (const x of a.times) for (const y of b.times) s += timeFactor(x, y);
  return s / (a.times.length * b.times.length);
}

/** Term and entity similarity combined (weighted arithmetic mean). */
export function mix(t: number, e: number, entityWeight: number): number {
  return (1 - entityWeight) * t + entityWeight * e;
}

export interface Summed {
  n: number;
  nE: number;
  terms: Sum;
  entities: Sum;
}

function norm(m: Sum): number {
  let s = 0;
  for (const x of m.values()) s += x * x;
  return Math.sqrt(s);
}

/**
 * Content similarity (no time) between two clusters: term similarity mixed with entity similarity. `average`:
 * mean pairwise cosine; `centroid`: cosine of the summed vectors.
 */
export function contentSim(a: Summed, b: Summed, entityWeight: number, linkage: 'average' | 'centroid' = 'average'): number {
  const centroid = linkage === 'centroid';
  const tn = centroid ? norm(a.terms) * norm(b.terms) : a.n * b.n;
  const t = tn > 0 ? dotSums(a.terms, b.terms) / tn : 0;
  if (a.nE === 0 || b.nE === 0) return t;
  const en = centroid ? norm(a.entities) * norm(b.entities) : a.nE * b.nE;
  const e = en > 0 ? dotSums(a.entities, b.entities) / en : 0;
  return mix(t, e, entityWeight);
}

/** Binary max-heap of candidate merges; ties: smaller a, then smaller b. */
class MergeHeap {
  private readonly s: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly va: number[] = [];
  private readonly vb: number[] = [];
  get size(): number {
    return this.s.length;
  }
  private above(i: number, j: number): boolean {
    const d = this.s[i]! - this.s[j]!;
    if (d !== 0) return d > 0;
    return this.a[i]! !== this.a[j]! ? this.a[i]! < this.a[j]! : this.b[i]! < this.b[j]!;
  }
  private swap(i: number, j: number): void {
    for (const arr of [this.s, this.a, this.b, this.va, this.vb]) [arr[i], arr[j]] = [arr[j]!, arr[i]!];
  }
  push(s: number, a: number, b: number, va: number, vb: number): void {
    this.s.push(s);
    this.a.push(a);
    this.b.push(b);
    this.va.push(va);
    this.vb.push(vb);
    let i = this.s.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { s: number; a: number; b: number; va: number; vb: number } {
    const top = { s: this.s[0]!, a: this.a[0]!, b: this.b[0]!, va: this.va[0]!, vb: this.vb[0]! };
    const last = this.s.length - 1;
    this.swap(0, last);
    for (const arr of [this.s, this.a, this.b, this.va, this.vb]) arr.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.s.length && this.above(l, m)) m = l;
      if (r < this.s.length && this.above(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

/**
 * Clusters items 0..n-1 (their index is their canonical rank) along `edges` (pairs [i, j], any order).
 * Returns groups of item indexes, each sorted, groups ordered by their smallest member.
 */
export function agglomerate(items: readonly AggItem[], edges: Iterable<[number, number]>, o: AggOptions): number[][] {
  const cl: Cluster[] = items.map((it, i) => ({
    n: 1,
    nE: it.entities.ids.length ? 1 : 0,
    terms: sumOf(it.terms),
    entities: sumOf(it.entities),
    times: it.time.day !== null || it.time.year !== null ? [it.time] : [],
    members: [i],
    nbrs: new Set<number>(),
    version: 0,
    alive: true,
  }));
  const sim = (a: Cluster, b: Cluster): number => {
    const c = contentSim(a, b, o.entityWeight, o.linkage);
    return c <= 0 ? 0 : c * clusterTime(a, b);
  };
  const heap = new MergeHeap();
  for (const [x, y] of edges) {
    if (x === y) continue;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (cl[a]!.nbrs.has(b)) continue;
    cl[a]!.nbrs.add(b);
    cl[b]!.nbrs.add(a);
    const s = sim(cl[a]!, cl[b]!);
    if (s >= o.threshold) heap.push(s, a, b, 0, 0);
  }
  while (heap.size) {
    const e = heap.pop();
    if (e.s < o.threshold) break;
    const A = cl[e.a]!;
    const B = cl[e.b]!;
    if (!A.alive || !B.alive || A.version !== e.va || B.version !== e.vb) continue;
    // Merge B into A (A has the smaller rank). The bigger sums absorb the smaller.
    if (B.terms.size > A.terms.size) [A.terms, B.terms] = [B.terms, A.terms];
    addInto(A.terms, B.terms);
    if (B.entities.size > A.entities.size) [A.entities, B.entities] = [B.entities, A.entities];
    addInto(A.entities, B.entities);
    A.n += B.n;
    A.nE += B.nE;
    A.members.push(...B.members);
    A.times = sampleTimes([...A.times, ...B.times].sort((x, y) => timeKey(x) - timeKey(y)));
    A.version++;
    B.alive = false;
    B.terms = new Map();
    B.entities = new Map();
    for (const c of B.nbrs) {
      if (c === e.a) continue;
      const C = cl[c]!;
      C.nbrs.delete(e.b);
      C.nbrs.add(e.a);
      A.nbrs.add(c);
    }
    A.nbrs.delete(e.b);
    B.nbrs.clear();
    const ns = [...A.nbrs].sort((x, y) => x - y);
    for (const c of ns) {
      const C = cl[c]!;
      const s = sim(A, C);
      if (s < o.threshold) continue;
      if (e.a < c) heap.push(s, e.a, c, A.version, C.version);
      else heap.push(s, c, e.a, C.version, A.version);
    }
  }
  return cl.filter((c) => c.alive).map((c) => c.members.sort((x, y) => x - y));
}
