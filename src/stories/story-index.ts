/**
 * The story index: prepared texts ("units": one per syndication family, or per article without one), document
 * frequencies, an inverted index over each unit's heaviest terms and entities, and the current story of every
 * unit. The batch API is one `addArticles` call on an empty index; the store's online path calls it per arrival
 * batch. New arrivals retrieve candidates through the index (never all pairs); the stories they touch are
 * re-clustered together with them, so a batch and a stream of the same texts give the same stories (up to the
 * drift of document frequencies in stories the new texts do not touch).
 */
import { agglomerate, mix, type AggItem } from './agglomerate.js';
import { dayOf, dot, EMPTY_VEC, prepareFeatures, timeFactor, Vocabulary, weigh, type RawFeatures, type Vec } from './features.js';
import * as T from './thresholds.js';
import { StoryInputError, type StoryInput } from './types.js';

export interface Unit {
  /** Canonical article id (the family's canonical member, or the article itself). */
  key: string;
  /** Article ids, the canonical first. */
  members: string[];
  familyId: string | null;
  raw: RawFeatures;
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
  linkage?: 'average' | 'centroid';
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
  /** Unit → story number (internal, stable while the story lives). */
  private storyOf: number[] = [];
  private readonly storyUnits = new Map<number, number[]>();
  private nextStory = 1;
  readonly threshold: number;
  readonly entityWeight: number;
  readonly linkage: 'average' | 'centroid';

  constructor(options: IndexOptions = {}) {
    this.threshold = options.threshold ?? T.STORY_THRESHOLD;
    this.entityWeight = options.entityWeight ?? T.ENTITY_WEIGHT;
    this.linkage = options.linkage ?? T.LINKAGE;
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
    // The region to re-cluster: the new units and every story a new unit retrieves a candidate from.
    const region = new Set<number>(fresh);
    for (const u of fresh) {
      for (const c of this.candidates(u, null)) {
        const s = this.storyOf[c];
        if (s !== undefined && s > 0) for (const m of this.storyUnits.get(s) ?? []) region.add(m);
      }
    }
    const copyUnits = new Set(copies.map((d) => this.unitOfArticle.get(d.id)!));
    for (const u of copyUnits) {
      const s = this.storyOf[u];
      if (s !== undefined && s > 0) for (const m of this.storyUnits.get(s) ?? []) region.add(m);
    }
    this.recluster([...region]);
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
      raw,
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
    const n = this.units.length;
    const avg = this.totalLength / Math.max(1, n);
    unit.terms = weigh(unit.raw.terms, this.termDf, n, unit.raw.length, avg, T.KEEP_TERMS);
    let entLen = 0;
    for (const c of unit.raw.entities.counts) entLen += c;
    unit.entities = weigh(unit.raw.entities, this.entDf, n, entLen, entLen, T.KEEP_ENTITIES);
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

  /** The CANDIDATES units sharing the most (idf-weighted) index keys with `u`, optionally only those in `within`. */
  private candidates(u: number, within: ReadonlySet<number> | null): number[] {
    const score = new Map<number, number>();
    const n = this.units.length;
    for (const k of this.keysOf(u)) {
      const p = this.postings.get(k);
      // A full list is a feature too common to retrieve by.
      if (!p || p.length >= T.MAX_POSTINGS) continue;
      const w = Math.log(1 + n / p.length);
      for (const c of p) if (c !== u && (!within || within.has(c))) score.set(c, (score.get(c) ?? 0) + w);
    }
    return [...score.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, T.CANDIDATES)
      .map((e) => e[0]);
  }

  /** Pair similarity of two units: content (terms and entities) times time compatibility. */
  pairSim(a: number, b: number): number {
    const A = this.units[a]!;
    const B = this.units[b]!;
    const t = dot(A.terms, B.terms);
    const c = A.entities.ids.length && B.entities.ids.length ? mix(t, dot(A.entities, B.entities), this.entityWeight) : t;
    return c * timeFactor(A.raw.time, B.raw.time);
  }

  /** Re-clusters `region` (unit indexes) from scratch and maps the new clusters onto the old story numbers. */
  private recluster(region: number[]): void {
    region.sort((a, b) => cmp(this.units[a]!.sortKey, this.units[b]!.sortKey));
    // Fresh weights: document frequencies have moved since these units were added.
    for (const u of region) this.weighUnit(u);
    const local = new Map<number, number>();
    region.forEach((u, i) => local.set(u, i));
    const within = new Set(region);
    const edges: [number, number][] = [];
    const m = region.length;
    const minEdge = this.threshold * T.EDGE_FRACTION;
    // Candidate lists first (sorted local indexes), so each pair is scored once without a pair set (a Set of
    // millions of pair keys hits V8's size limit at 100k texts): i scores (i, j) when j > i, or when j < i and
    // j did not retrieve i itself.
    const cands: Int32Array[] = region.map((u) => Int32Array.from(this.candidates(u, within), (c) => local.get(c)!).sort());
    const has = (a: Int32Array, x: number): boolean => {
      let lo = 0;
      let hi = a.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (a[mid]! === x) return true;
        if (a[mid]! < x) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    };
    for (let i = 0; i < m; i++) {
      for (const j of cands[i]!) {
        if (j < i && has(cands[j]!, i)) continue;
        if (this.pairSim(region[i]!, region[j]!) >= minEdge) edges.push([i, j]);
      }
    }
    const items: AggItem[] = region.map((u) => ({ terms: this.units[u]!.terms, entities: this.units[u]!.entities, time: this.units[u]!.raw.time }));
    const groups = agglomerate(items, edges, { threshold: this.threshold, entityWeight: this.entityWeight, linkage: this.linkage }).map((g) => g.map((i) => region[i]!));
    // Old story numbers go to the new cluster holding most of their units (largest overlap first; ties: the
    // older story, then the cluster with the smaller first unit rank).
    const overlaps: { g: number; s: number; n: number }[] = [];
    groups.forEach((g, gi) => {
      const count = new Map<number, number>();
      for (const u of g) {
        const s = this.storyOf[u]!;
        if (s > 0) count.set(s, (count.get(s) ?? 0) + 1);
      }
      for (const [s, n] of count) overlaps.push({ g: gi, s, n });
    });
    overlaps.sort((a, b) => b.n - a.n || a.s - b.s || a.g - b.g);
    const numberOf = new Map<number, number>();
    const used = new Set<number>();
    for (const o of overlaps) {
      if (numberOf.has(o.g) || used.has(o.s)) continue;
      numberOf.set(o.g, o.s);
      used.add(o.s);
    }
    for (const u of region) {
      const s = this.storyOf[u]!;
      if (s > 0 && !used.has(s)) this.storyUnits.delete(s);
    }
    groups.forEach((g, gi) => {
      let s = numberOf.get(gi);
      if (s === undefined) s = this.nextStory++;
      this.storyUnits.set(s, g);
      for (const u of g) this.storyOf[u] = s;
    });
  }
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
