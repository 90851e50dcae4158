/**
 * The story index: prepared texts ("units": one per syndication family, or per article without one), document
 * frequencies, an inverted index over each unit's heaviest terms and entities, and the current story of every
 * unit. The batch API is one `addArticles` call on an empty index; the store's online path calls it per arrival
 * batch. New arrivals retrieve candidates through the index (never all pairs); the stories they can reach (a
 * candidate at the edge floor or above) are re-clustered together with them, so a batch and a stream of the same
 * texts give nearly the same stories (up to the drift of document frequencies in stories the new texts do not
 * touch; bench/stories-online.ts measures it).
 */
import { agglomerate, mix, type AggItem } from './agglomerate.js';
import { carryByOwner } from './carry.js';
import { dayOf, dot, EMPTY_VEC, heaviestCounts, pairFactor, prepareFeatures, STORY_TIME, Vocabulary, weigh, type EventTime, type RawFeatures, type TimeModel, type Vec } from './features.js';
import * as T from './thresholds.js';
import { StoryInputError, type StoryInput } from './types.js';

/**
 * The share of the edge floor (threshold × EDGE_FRACTION) at which a retrieved candidate brings its story into an
 * online arrival's region. Below 1 because the candidate's weights are those of its last re-weighing: on ECB+ dev
 * fed in batches of 20 (bench:stories-online, seeds 1–3), 1 left one seed's online stories at B³ F1 0.9931 against
 * the batch; 0.5 gives 1.0000 on all three, and a 20-article arrival's story step on an 8,000-article bench:watch
 * store takes 160 ms instead of 610 ms with every retrieved candidate's story.
 */
const REACH_FRACTION = 0.5;

export interface Unit {
  /** Canonical article id (the family's canonical member, or the article itself). */
  key: string;
  /** Article ids, the canonical first. */
  members: string[];
  familyId: string | null;
  /** Event time and protagonist (features.ts RawFeatures). */
  time: EventTime;
  who: number;
  /**
   * Term and entity counts, for weighing again when document frequencies move (online arrivals). Once weighed,
   * only the heaviest KEEP_COUNTS terms are kept (all of a long text's terms were most of the heap at 100k texts).
   */
  counts: Pick<RawFeatures, 'terms' | 'entities' | 'length'>;
  published: string | null;
  title: string | null;
  /** (published, id): the canonical order. */
  sortKey: string;
  /** Opening words of the text, a title of last resort. */
  lede: string;
  terms: Vec;
  entities: Vec;
}

export interface IndexOptions {
  threshold?: number;
  entityWeight?: number;
  protagonistFactor?: number;
  yearFactor?: number;
}

/** A unit's canonical sort key: dated texts first by date, then by id. */
export function sortKeyOf(id: string, published: string | null | undefined): string {
  return `${dayOf(published) !== null ? published!.slice(0, 19) : '~'}\u0000${id}`;
}

export class StoryIndex {
  readonly terms = new Vocabulary();
  readonly entities = new Vocabulary();
  readonly units: Unit[] = [];
  /** Article id → unit index. */
  private readonly unitOfArticle = new Map<string, number>();
  /** Every indexed article's date and headline. */
  readonly articles = new Map<string, { published: string | null; title: string | null }>();
  private termDf: Int32Array = new Int32Array(1024);
  private entDf: Int32Array = new Int32Array(1024);
  private totalLength = 0;
  private readonly postings = new Map<number, number[]>();
  /** Candidate scores by unit, all zero between queries. */
  private scratch = new Float64Array(0);
  private readonly denseBufs: [Float32Array, Float32Array] = [new Float32Array(0), new Float32Array(0)];
  private localBuf = new Int32Array(0);
  private withinBuf = new Uint8Array(0);
  /** Unit → story number (internal, stable while the story lives). */
  private storyOf: number[] = [];
  private readonly storyUnits = new Map<number, number[]>();
  private nextStory = 1;
  /** Story numbers whose articles changed (created, grown, shrunk, gone) since the last `takeChanged`. */
  private changed = new Set<number>();
  readonly threshold: number;
  readonly entityWeight: number;
  readonly protagonistFactor: number;
  /** The stories' time model, with the options' year factor. */
  readonly time: TimeModel;

  constructor(options: IndexOptions = {}) {
    this.threshold = options.threshold ?? T.STORY_THRESHOLD;
    this.entityWeight = options.entityWeight ?? T.ENTITY_WEIGHT;
    this.protagonistFactor = options.protagonistFactor ?? T.OTHER_PROTAGONIST_FACTOR;
    this.time = { ...STORY_TIME, otherYear: options.yearFactor ?? T.OTHER_YEAR_FACTOR };
  }

  get size(): number {
    return this.units.length;
  }

  /** Unit index of an article, or undefined. */
  unitOf(articleId: string): number | undefined {
    return this.unitOfArticle.get(articleId);
  }

  /** Stories as lists of unit indexes, keyed by internal story number. */
  stories(): Map<number, number[]> {
    return this.storyUnits;
  }

  storyOfUnit(u: number): number {
    return this.storyOf[u]!;
  }

  /**
   * The story numbers whose articles changed since the last call (a number no longer in `stories()` is a story
   * that went), and forgets them: what the store's online path rewrites after an arrival batch.
   */
  takeChanged(): Set<number> {
    const out = this.changed;
    this.changed = new Set();
    return out;
  }

  /**
   * Adds articles (with their family: `familyOf` maps an article id to its family's canonical id and family id).
   * A copy whose family canonical is already indexed joins that unit; every other text becomes a unit. Returns
   * the story number of every added article.
   */
  addArticles(docs: readonly StoryInput[], familyOf?: ReadonlyMap<string, { canonical: string; familyId: string }>): Map<string, number> {
    const byId = new Map<string, StoryInput>();
    for (const d of docs) {
      if (typeof d.id !== 'string' || d.id === '') throw new StoryInputError(String(d.id), 'id must be a non-empty string');
      if (byId.has(d.id) || this.unitOfArticle.has(d.id)) throw new StoryInputError(d.id, 'duplicate id');
      byId.set(d.id, d);
    }
    for (const d of byId.values()) this.articles.set(d.id, { published: d.published ?? null, title: d.title ?? null });
    const sorted = [...byId.values()].sort((a, b) => cmp(sortKeyOf(a.id, a.published), sortKeyOf(b.id, b.published)));
    // Canonicals (and family-less texts) become units; copies attach afterwards.
    const fresh: number[] = [];
    const copies: StoryInput[] = [];
    for (const d of sorted) {
      const f = familyOf?.get(d.id);
      if (f && f.canonical !== d.id && (byId.has(f.canonical) || this.unitOfArticle.has(f.canonical))) {
        copies.push(d);
        continue;
      }
      fresh.push(this.addUnit(d, f?.familyId ?? null));
    }
    for (const d of copies) {
      const u = this.unitOfArticle.get(familyOf!.get(d.id)!.canonical)!;
      const unit = this.units[u]!;
      unit.members.push(d.id);
      if (!unit.published && d.published) unit.published = d.published;
      if (!unit.title && d.title) unit.title = d.title;
      this.unitOfArticle.set(d.id, u);
    }
    for (const u of fresh) this.weighUnit(u);
    for (const u of fresh) this.indexUnit(u);
    // The region to re-cluster: the new units and every story a new unit retrieves a candidate from. On an index
    // that held nothing before (a batch), that is every unit, and no retrieval is needed to know it.
    const wasEmpty = fresh.length === this.units.length;
    // A retrieved candidate brings its story only if it could be an edge of the new unit (at least the edge
    // floor, as recluster keeps edges): a story no new unit can reach is left as it is, so the region, and the cost
    // of an arrival, stay proportional to what the new units touch (bench:watch: 20 arrivals retrieved ~2,000
    // candidates, most of them below the floor, and their stories were most of a 20,000-article store).
    const region = new Set<number>(fresh);
    const freshCands = new Map<number, number[]>();
    const minEdge = this.threshold * T.EDGE_FRACTION;
    if (!wasEmpty) {
      for (const u of fresh) {
        const cands = this.candidates(u, null);
        freshCands.set(u, cands);
        for (const c of cands) {
          if (this.storyOf[c] === 0 || this.pairSim(u, c) < minEdge * REACH_FRACTION) continue;
          const s = this.storyOf[c];
          if (s !== undefined && s > 0) for (const m of this.storyUnits.get(s) ?? []) region.add(m);
        }
      }
    }
    const copyUnits = new Set(copies.map((d) => this.unitOfArticle.get(d.id)!));
    for (const u of copyUnits) {
      const s = this.storyOf[u];
      if (s !== undefined && s > 0) for (const m of this.storyUnits.get(s) ?? []) region.add(m);
    }
    this.recluster([...region], new Set(fresh), freshCands);
    // A copy joining a unit changes its story's articles though not its units.
    for (const u of copyUnits) this.changed.add(this.storyOf[u]!);
    const out = new Map<string, number>();
    for (const d of sorted) out.set(d.id, this.storyOf[this.unitOfArticle.get(d.id)!]!);
    return out;
  }

  private addUnit(d: StoryInput, familyId: string | null): number {
    const raw = prepareFeatures(d, this.terms, this.entities);
    const u = this.units.length;
    this.units.push({
      key: d.id,
      members: [d.id],
      familyId,
      time: raw.time,
      who: raw.who,
      counts: { terms: raw.terms, entities: raw.entities, length: raw.length },
      published: d.published ?? null,
      title: d.title ?? null,
      sortKey: sortKeyOf(d.id, d.published),
      lede: ledeOf(d.text),
      terms: EMPTY_VEC,
      entities: EMPTY_VEC,
    });
    this.storyOf.push(0);
    this.unitOfArticle.set(d.id, u);
    this.termDf = grow(this.termDf, this.terms.size);
    this.entDf = grow(this.entDf, this.entities.size);
    for (const id of raw.terms.ids) this.termDf[id]!++;
    for (const id of raw.entities.ids) this.entDf[id]!++;
    this.totalLength += raw.length;
    return u;
  }

  private weighUnit(u: number): void {
    const unit = this.units[u]!;
    const raw = unit.counts;
    const n = this.units.length;
    const avg = this.totalLength / Math.max(1, n);
    unit.terms = weigh(raw.terms, this.termDf, n, raw.length, avg, T.KEEP_TERMS);
    let entLen = 0;
    for (const c of raw.entities.counts) entLen += c;
    unit.entities = weigh(raw.entities, this.entDf, n, entLen, entLen, T.KEEP_ENTITIES);
    if (raw.terms.ids.length > T.KEEP_COUNTS) unit.counts = { ...raw, terms: heaviestCounts(raw.terms, this.termDf, n, raw.length, avg, T.KEEP_COUNTS) };
  }

  /** Index keys of a unit: its heaviest terms (even keys) and entities (odd keys). */
  private keysOf(u: number): number[] {
    const unit = this.units[u]!;
    const top = (v: Vec, k: number): number[] =>
      Array.from(v.ids.keys())
        .sort((x, y) => v.w[y]! - v.w[x]! || v.ids[x]! - v.ids[y]!)
        .slice(0, k)
        .map((i) => v.ids[i]!);
    return [...top(unit.terms, T.INDEX_TERMS).map((t) => t * 2), ...top(unit.entities, T.INDEX_ENTITIES).map((e) => e * 2 + 1)];
  }

  private indexUnit(u: number): void {
    for (const k of this.keysOf(u)) {
      const p = this.postings.get(k);
      if (!p) this.postings.set(k, [u]);
      else if (p.length < T.MAX_POSTINGS) p.push(u);
    }
  }

  /**
   * The CANDIDATES units sharing the most (idf-weighted) index keys with `u`, optionally only those in `within`
   * (a mask over unit indexes); in no particular order. Scores accumulate in a dense scratch array (no map per
   * query) and the top ones are selected in linear time (no sort of every unit touched).
   */
  private candidates(u: number, within: Uint8Array | null): number[] {
    const n = this.units.length;
    if (this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, 2 * this.scratch.length));
    const score = this.scratch;
    const touched: number[] = [];
    for (const k of this.keysOf(u)) {
      const p = this.postings.get(k);
      // A full list is a feature too common to retrieve by.
      if (!p || p.length >= T.MAX_POSTINGS) continue;
      const w = Math.log(1 + n / p.length);
      for (const c of p) {
        if (c === u || (within !== null && !within[c])) continue;
        if (score[c] === 0) touched.push(c);
        score[c]! += w;
      }
    }
    const out = touched.length <= T.CANDIDATES ? touched : topK(touched, score, T.CANDIDATES);
    for (const c of touched) score[c] = 0;
    return out;
  }

  /** A zeroed scratch array over term (0) or entity (1) ids, left zeroed by its user. */
  private dense(size: number, which: 0 | 1): Float32Array {
    const cur = this.denseBufs[which];
    if (cur.length >= size) return cur;
    const next = new Float32Array(Math.max(size, 2 * cur.length));
    this.denseBufs[which] = next;
    return next;
  }

  /** Pair similarity of two units: content (terms and entities) times time and protagonist compatibility. */
  pairSim(a: number, b: number): number {
    const A = this.units[a]!;
    const B = this.units[b]!;
    const t = dot(A.terms, B.terms);
    const c = A.entities.ids.length && B.entities.ids.length ? mix(t, dot(A.entities, B.entities), this.entityWeight) : t;
    return c * pairFactor(A, B, this.time, this.protagonistFactor);
  }

  /**
   * Re-clusters `region` (unit indexes) from scratch and maps the new clusters onto the old story numbers.
   * `weighed`: units whose weights are already current; `known`: candidate lists already retrieved.
   */
  private recluster(region: number[], weighed: ReadonlySet<number>, known: ReadonlyMap<number, number[]>): void {
    region.sort((a, b) => cmp(this.units[a]!.sortKey, this.units[b]!.sortKey));
    // Fresh weights: document frequencies have moved since these units were added.
    for (const u of region) if (!weighed.has(u)) this.weighUnit(u);
    // Unit → local index (-1 outside the region) and the region as a mask: index-wide buffers, reset afterwards,
    // so an online arrival costs O(region), not O(index).
    const n = this.units.length;
    if (this.localBuf.length < n) {
      this.localBuf = new Int32Array(Math.max(n, 2 * this.localBuf.length)).fill(-1);
      this.withinBuf = new Uint8Array(this.localBuf.length);
    }
    const local = this.localBuf;
    const within = this.withinBuf;
    region.forEach((u, i) => {
      local[u] = i;
      within[u] = 1;
    });
    const m = region.length;
    const minEdge = this.threshold * T.EDGE_FRACTION;
    // Each unit keeps edges to its NEIGHBOURS most similar candidates (at least minEdge), and to its NEIGHBOURS most
    // similar in content alone: the graph only says which clusters agglomeration compares (it compares them over
    // all member pairs), so a few neighbours per unit connect an event however big it is, and the graph stays
    // O(units) instead of O(units × story size). The content neighbours matter when a story is bigger than
    // NEIGHBOURS on each of several days: the time factor would keep every unit's nearest on its own day, and the
    // days would never be compared.
    // A unit's vectors are scattered into dense arrays once, and each candidate is dotted against them.
    const denseT = this.dense(this.terms.size, 0);
    const denseE = this.dense(this.entities.size, 1);
    let edges = new Int32Array(Math.max(16, m * 4));
    let ne = 0;
    const sims: number[] = [];
    const contents: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < m; i++) {
      const u = region[i]!;
      const A = this.units[u]!;
      for (let k = 0; k < A.terms.ids.length; k++) denseT[A.terms.ids[k]!] = A.terms.w[k]!;
      for (let k = 0; k < A.entities.ids.length; k++) denseE[A.entities.ids[k]!] = A.entities.w[k]!;
      const hasE = A.entities.ids.length > 0;
      sims.length = 0;
      contents.length = 0;
      ids.length = 0;
      for (const c of known.get(u) ?? this.candidates(u, within)) {
        const j = local[c]!;
        if (j < 0) continue;
        const B = this.units[c]!;
        let t = 0;
        for (let k = 0; k < B.terms.ids.length; k++) t += B.terms.w[k]! * denseT[B.terms.ids[k]!]!;
        let sim = t;
        if (hasE && B.entities.ids.length) {
          let e = 0;
          for (let k = 0; k < B.entities.ids.length; k++) e += B.entities.w[k]! * denseE[B.entities.ids[k]!]!;
          sim = mix(t, e, this.entityWeight);
        }
        const content = sim;
        sim *= pairFactor(A, B, this.time, this.protagonistFactor);
        if (sim >= minEdge) {
          sims.push(sim);
          contents.push(content);
          ids.push(j);
        }
      }
      for (let k = 0; k < A.terms.ids.length; k++) denseT[A.terms.ids[k]!] = 0;
      for (let k = 0; k < A.entities.ids.length; k++) denseE[A.entities.ids[k]!] = 0;
      let keep: number[];
      if (ids.length <= T.NEIGHBOURS) keep = [...sims.keys()];
      else {
        const both = new Set(nearest(sims, ids, T.NEIGHBOURS));
        for (const k of nearest(contents, ids, T.NEIGHBOURS)) both.add(k);
        keep = [...both].sort((x, y) => x - y);
      }
      if (ne + 2 * keep.length > edges.length) {
        const bigger = new Int32Array(Math.max(edges.length * 2, ne + 2 * keep.length));
        bigger.set(edges.subarray(0, ne));
        edges = bigger;
      }
      for (const k of keep) {
        edges[ne++] = i;
        edges[ne++] = ids[k]!;
      }
    }
    for (const u of region) {
      local[u] = -1;
      within[u] = 0;
    }
    const items: AggItem[] = region.map((u) => ({ terms: this.units[u]!.terms, entities: this.units[u]!.entities, time: this.units[u]!.time, who: this.units[u]!.who }));
    const groups = agglomerate(items, edges.subarray(0, ne), { threshold: this.threshold, entityWeight: this.entityWeight, protagonistFactor: this.protagonistFactor, time: this.time }).map((g) => g.map((i) => region[i]!));
    // Old story numbers go to the new cluster holding most of their units (carry.ts).
    const numberOf = carryByOwner((u) => (this.storyOf[u]! > 0 ? this.storyOf[u] : undefined), groups);
    const used = new Set(numberOf.values());
    for (const u of region) {
      const s = this.storyOf[u]!;
      if (s > 0 && !used.has(s) && this.storyUnits.delete(s)) this.changed.add(s);
    }
    groups.forEach((g, gi) => {
      let s = numberOf.get(gi);
      if (s === undefined) s = this.nextStory++;
      if (!sameUnits(this.storyUnits.get(s), g)) this.changed.add(s);
      this.storyUnits.set(s, g);
      for (const u of g) this.storyOf[u] = s;
    });
  }
}

/**
 * The `k` best of `xs` under `better` (a strict total order), in no particular order: quickselect, linear on
 * average; `xs` is reordered.
 */
export function selectBest(xs: Int32Array, k: number, better: (x: number, y: number) => boolean): Int32Array {
  if (k >= xs.length) return xs;
  let lo = 0;
  let hi = xs.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (better(xs[i]!, pivot)) i++;
      while (better(pivot, xs[j]!)) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return xs.subarray(0, k);
}

/** The `k` units of `touched` with the highest score (ties: the smaller unit index). */
function topK(touched: number[], score: Float64Array, k: number): number[] {
  const better = (x: number, y: number): boolean => score[x]! > score[y]! || (score[x] === score[y] && x < y);
  return Array.from(selectBest(Int32Array.from(touched), k, better));
}

/** Positions of the `k` highest `sims` (ties: the smaller id). */
function nearest(sims: number[], ids: number[], k: number): Int32Array {
  const better = (x: number, y: number): boolean => sims[x]! > sims[y]! || (sims[x] === sims[y] && ids[x]! < ids[y]!);
  return selectBest(Int32Array.from(sims.keys()), k, better);
}

/** Whether a story's old unit list and its new one hold the same units. */
function sameUnits(old: readonly number[] | undefined, next: readonly number[]): boolean {
  if (!old || old.length !== next.length) return false;
  const set = new Set(old);
  return next.every((u) => set.has(u));
}

function grow(a: Int32Array, size: number): Int32Array {
  if (a.length >= size) return a;
  let n = a.length;
  while (n < size) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ledeOf(text: string): string {
  const first = text.trim().split(/\n|(?<=[.!?])\s+/, 1)[0] ?? '';
  const one = first.replace(/\s+/g, ' ').trim();
  return one.length > 100 ? one.slice(0, 99) + '…' : one;
}
