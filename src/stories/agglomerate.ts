/**
 * Average-link agglomerative clustering over a sparse candidate graph.
 *
 * Items carry unit-length term and entity vectors. A cluster keeps the SUM of its members' vectors, so the mean
 * pairwise cosine of two clusters is dot(sumA, sumB) / (|A| |B|): exact average link at centroid cost, over every
 * member pair (not only the graph's edges), which is what stops chaining. The graph only says which clusters are
 * worth comparing. Merges go best-first; ties break on the smaller item rank, so the result depends only on the
 * items and their ranks, never on arrival order.
 */
import { dateFactor, dot, STORY_TIME, whoFactor, type EventTime, type TimeModel, type Vec } from './features.js';
import * as T from './thresholds.js';

export interface AggItem {
  terms: Vec;
  entities: Vec;
  time: EventTime;
  /** The protagonist (RawFeatures.who), -1 when none. */
  who: number;
}

export interface AggOptions {
  threshold: number;
  entityWeight: number;
  /** Factor of a pair whose protagonists differ (default thresholds.ts OTHER_PROTAGONIST_FACTOR). */
  protagonistFactor?: number;
  /** How publication days apart weigh (default: stories'). */
  time?: TimeModel;
}

type Sum = Map<number, number>;

/**
 * A cluster's summed vector: the member's own (unit) vector while the cluster is a singleton, a map once it has
 * merged. Singletons never copy their vector, so 100k items cost no 100k maps.
 */
type SumOrVec = Vec | Sum;

interface Cluster {
  n: number;
  /** Members with at least one entity. */
  nE: number;
  terms: SumOrVec;
  entities: SumOrVec;
  /** Distinct known event days or years of the members, and how many members have each. */
  times: EventTime[];
  timeCounts: number[];
  /**
   * Members by their protagonist (`AggItem.who`), members without one left out: a single protagonist's id while only
   * one member has one (no map for each of 100k singletons), null when none has.
   */
  who: Map<number, number> | number | null;
  members: number[];
  nbrs: Set<number>;
  version: number;
  alive: boolean;
}

const isVec = (x: SumOrVec): x is Vec => !(x instanceof Map);
const sizeOf = (x: SumOrVec): number => (isVec(x) ? x.ids.length : x.size);

function dotSums(a: Sum, b: Sum): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

function dotAny(a: SumOrVec, b: SumOrVec): number {
  if (isVec(a)) {
    if (isVec(b)) return dot(a, b);
    [a, b] = [b, a];
  }
  if (isVec(b)) {
    let s = 0;
    for (let i = 0; i < b.ids.length; i++) {
      const y = a.get(b.ids[i]!);
      if (y !== undefined) s += y * b.w[i]!;
    }
    return s;
  }
  return dotSums(a, b as Sum);
}

function toSum(v: Vec): Sum {
  const m: Sum = new Map();
  for (let i = 0; i < v.ids.length; i++) m.set(v.ids[i]!, v.w[i]!);
  return m;
}

/** a + b, reusing the bigger map when there is one (the smaller side is added into it). */
function addSums(a: SumOrVec, b: SumOrVec): Sum {
  if (sizeOf(b) > sizeOf(a) || (isVec(a) && !isVec(b))) [a, b] = [b, a];
  const into = isVec(a) ? toSum(a) : a;
  if (isVec(b)) for (let i = 0; i < b.ids.length; i++) into.set(b.ids[i]!, (into.get(b.ids[i]!) ?? 0) + b.w[i]!);
  else for (const [k, x] of b) into.set(k, (into.get(k) ?? 0) + x);
  return into;
}

const sameTime = (a: EventTime, b: EventTime): boolean => a.day === b.day && a.year === b.year;

/**
 * The mean `dateFactor` over member pairs with known days or years (`daysOnly`: known days), 1 when no such pair
 * exists.
 */
function clusterDate(a: Cluster, b: Cluster, model: TimeModel, daysOnly = false): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.times.length; i++) {
    const ta = a.times[i]!;
    if (daysOnly && ta.day === null) continue;
    for (let j = 0; j < b.times.length; j++) {
      const tb = b.times[j]!;
      if (daysOnly && tb.day === null) continue;
      const k = a.timeCounts[i]! * b.timeCounts[j]!;
      s += k * dateFactor(ta, tb, model);
      n += k;
    }
  }
  return n ? s / n : 1;
}

const whoCounts = (w: Map<number, number> | number): Iterable<[number, number]> => (typeof w === 'number' ? [[w, 1]] : w);

/**
 * The mean protagonist factor over all member pairs (a pair where either has none counts 1): what average link
 * over pair similarities, each content × factor, gives. Averaged over the pairs that carry protagonists only, one
 * odd pair (the follow-up's new name against the analysis piece's) would weigh on the whole story.
 */
function clusterWho(a: Cluster, b: Cluster, other: number): number {
  if (a.who === null || b.who === null) return 1;
  let differ = 0;
  for (const [ma, ca] of whoCounts(a.who)) for (const [mb, cb] of whoCounts(b.who)) if (whoFactor(ma, mb, other) < 1) differ += ca * cb;
  return 1 - ((1 - other) * differ) / (a.n * b.n);
}

/**
 * The time-and-protagonist factor of two clusters: dates (averaged over the member pairs that carry them, so a
 * year conflict is not diluted by members without a known year) times protagonists.
 */
function clusterFactor(a: Cluster, b: Cluster, model: TimeModel, otherWho: number): number {
  return clusterDate(a, b, model) * clusterWho(a, b, otherWho);
}

/** Term and entity similarity combined (weighted arithmetic mean). */
export function mix(t: number, e: number, entityWeight: number): number {
  return (1 - entityWeight) * t + entityWeight * e;
}

export interface Summed {
  n: number;
  nE: number;
  terms: Sum | Vec;
  entities: Sum | Vec;
}

/**
 * Content similarity (no time) between two clusters: term similarity mixed with entity similarity, each the mean
 * pairwise cosine (average link).
 */
export function contentSim(a: Summed, b: Summed, entityWeight: number): number {
  const tn = a.n * b.n;
  const t = tn > 0 ? dotAny(a.terms, b.terms) / tn : 0;
  if (a.nE === 0 || b.nE === 0) return t;
  const en = a.nE * b.nE;
  const e = en > 0 ? dotAny(a.entities, b.entities) / en : 0;
  return mix(t, e, entityWeight);
}

/** Binary max-heap of candidate merges (typed arrays, grown by doubling); ties: smaller a, then smaller b. */
class MergeHeap {
  private s = new Float64Array(1024);
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private va = new Int32Array(1024);
  private vb = new Int32Array(1024);
  size = 0;
  private above(i: number, j: number): boolean {
    const d = this.s[i]! - this.s[j]!;
    if (d !== 0) return d > 0;
    return this.a[i]! !== this.a[j]! ? this.a[i]! < this.a[j]! : this.b[i]! < this.b[j]!;
  }
  private swap(i: number, j: number): void {
    const s = this.s[i]!;
    this.s[i] = this.s[j]!;
    this.s[j] = s;
    for (const arr of [this.a, this.b, this.va, this.vb]) {
      const x = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = x;
    }
  }
  private grow(): void {
    const n = this.s.length * 2;
    const f = new Float64Array(n);
    f.set(this.s);
    this.s = f;
    const g = (x: Int32Array): Int32Array<ArrayBuffer> => {
      const y = new Int32Array(n);
      y.set(x);
      return y;
    };
    this.a = g(this.a);
    this.b = g(this.b);
    this.va = g(this.va);
    this.vb = g(this.vb);
  }
  push(s: number, a: number, b: number, va: number, vb: number): void {
    if (this.size === this.s.length) this.grow();
    let i = this.size++;
    this.s[i] = s;
    this.a[i] = a;
    this.b[i] = b;
    this.va[i] = va;
    this.vb[i] = vb;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): { s: number; a: number; b: number; va: number; vb: number } {
    const top = { s: this.s[0]!, a: this.a[0]!, b: this.b[0]!, va: this.va[0]!, vb: this.vb[0]! };
    const last = --this.size;
    this.swap(0, last);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.above(l, m)) m = l;
      if (r < this.size && this.above(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

/**
 * Clusters items 0..n-1 (their index is their canonical rank) along `edges`: pairs [i, j] (any order), or an
 * Int32Array of flat pairs i0, j0, i1, j1, ... Returns groups of item indexes, each sorted, groups ordered by their smallest member.
 */
export function agglomerate(items: readonly AggItem[], edges: Iterable<[number, number]> | Int32Array, o: AggOptions): number[][] {
  const cl: Cluster[] = items.map((it, i) => {
    const known = it.time.day !== null || it.time.year !== null;
    const who = it.who >= 0 ? it.who : null;
    return {
      n: 1,
      nE: it.entities.ids.length ? 1 : 0,
      terms: it.terms,
      entities: it.entities,
      times: known ? [it.time] : [],
      timeCounts: known ? [1] : [],
      who,
      members: [i],
      nbrs: new Set<number>(),
      version: 0,
      alive: true,
    };
  });
  const time = o.time ?? STORY_TIME;
  const otherWho = o.protagonistFactor ?? T.OTHER_PROTAGONIST_FACTOR;
  const sim = (a: Cluster, b: Cluster): number => {
    const c = contentSim(a, b, o.entityWeight);
    return c <= 0 ? 0 : c * clusterFactor(a, b, time, otherWho);
  };
  const heap = new MergeHeap();
  const addEdge = (x: number, y: number): void => {
    if (x === y) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (cl[a]!.nbrs.has(b)) return;
    cl[a]!.nbrs.add(b);
    cl[b]!.nbrs.add(a);
    const s = sim(cl[a]!, cl[b]!);
    if (s >= o.threshold) heap.push(s, a, b, 0, 0);
  };
  if (edges instanceof Int32Array) {
    for (let k = 0; k + 1 < edges.length; k += 2) addEdge(edges[k]!, edges[k + 1]!);
  } else {
    for (const [x, y] of edges) addEdge(x, y);
  }
  while (heap.size) {
    const e = heap.pop();
    if (e.s < o.threshold) break;
    const A = cl[e.a]!;
    const B = cl[e.b]!;
    if (!A.alive || !B.alive || A.version !== e.va || B.version !== e.vb) continue;
    // Merge B into A (A has the smaller rank).
    A.terms = addSums(A.terms, B.terms);
    A.entities = addSums(A.entities, B.entities);
    A.n += B.n;
    A.nE += B.nE;
    for (const m of B.members) A.members.push(m);
    for (let j = 0; j < B.times.length; j++) {
      const t = B.times[j]!;
      const i = A.times.findIndex((x) => sameTime(x, t));
      if (i >= 0) A.timeCounts[i]! += B.timeCounts[j]!;
      else {
        A.times.push(t);
        A.timeCounts.push(B.timeCounts[j]!);
      }
    }
    if (B.who !== null) {
      if (A.who === null) A.who = B.who;
      else {
        const into = typeof A.who === 'number' ? new Map([[A.who, 1]]) : A.who;
        for (const [m, c] of whoCounts(B.who)) into.set(m, (into.get(m) ?? 0) + c);
        A.who = into;
      }
    }
    A.version++;
    B.alive = false;
    B.members = [];
    B.times = [];
    B.timeCounts = [];
    B.who = null;
    for (const c of B.nbrs) {
      if (c === e.a) continue;
      const C = cl[c]!;
      C.nbrs.delete(e.b);
      C.nbrs.add(e.a);
      A.nbrs.add(c);
    }
    A.nbrs.delete(e.b);
    B.nbrs.clear();
    for (const c of A.nbrs) {
      const C = cl[c]!;
      const s = sim(A, C);
      if (s < o.threshold) continue;
      if (e.a < c) heap.push(s, e.a, c, A.version, C.version);
      else heap.push(s, c, e.a, C.version, A.version);
    }
  }
  attachFragments(cl, o);
  return cl.filter((c) => c.alive).map((c) => c.members.sort((x, y) => x - y));
}

/**
 * Fragments: a cluster of at most FRAGMENT_SIZE items joins the neighbouring cluster bigger than itself it is most
 * similar to in content (a small story of a syndicated family and two reports is a target too), when that
 * similarity reaches FRAGMENT_THRESHOLD × threshold and no publication days say otherwise (mean day factor at least
 * FRAGMENT_DAY_FACTOR: the same day, or days unknown). A short or oddly worded report
 * of an event, or one whose text names a stray year, sits below the merge threshold with every member
 * of its story; the lower bar is for such fragments only, so two big stories never merge through it, and a
 * follow-up published on another day stays its own story (its storyline links them). Targets are judged as they
 * were before any fragment moved, fragments in rank order, so the result does not depend on arrival order.
 */
function attachFragments(cl: Cluster[], o: AggOptions): void {
  const bar = T.FRAGMENT_THRESHOLD * o.threshold;
  const moves: [number, number][] = [];
  for (let i = 0; i < cl.length; i++) {
    const f = cl[i]!;
    if (!f.alive || f.n > T.FRAGMENT_SIZE) continue;
    let best = -1;
    let to = -1;
    for (const j of f.nbrs) {
      const c = cl[j]!;
      if (c.n <= f.n || clusterDate(f, c, o.time ?? STORY_TIME, true) < T.FRAGMENT_DAY_FACTOR) continue;
      const s = contentSim(f, c, o.entityWeight);
      if (s > best || (s === best && j < to)) [best, to] = [s, j];
    }
    if (to >= 0 && best >= bar) moves.push([i, to]);
  }
  // A target may itself be a fragment that moved (to a bigger one) before: follow it to the cluster now holding it,
  // or the fragment's members would go into a dead cluster and out of every story.
  const movedTo = new Map<number, number>();
  for (const [i, j] of moves) {
    let t = j;
    while (movedTo.has(t)) t = movedTo.get(t)!;
    for (const m of cl[i]!.members) cl[t]!.members.push(m);
    cl[i]!.alive = false;
    movedTo.set(i, t);
  }
}
