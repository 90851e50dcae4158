/**
 * From verified pairs to families: union-find over copy edges, then per connected group a canonical member and an
 * anti-chaining re-check (every member must match the canonical; a canonical that only bridges two groups of
 * copies that do not match each other is a composite and stands alone).
 */
import { components as connectedComponents } from '../graph.js';
import { align, isCopy, type Alignment, type MatchRule } from './align.js';
import { pairKey } from './candidates.js';
import type { PreparedDoc } from './prepare.js';
import { COMPLETE_SHARE } from './thresholds.js';

export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index becomes the root: the result does not depend on edge order.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** Pair alignments, computed once each (orientation: lower index first). */
export class AlignmentCache {
  private readonly cache = new Map<number, Alignment>();
  constructor(
    private readonly docs: readonly PreparedDoc[],
    private readonly sentenceJaccard: number,
  ) {}
  get(x: number, y: number): Alignment {
    const k = pairKey(x, y);
    let al = this.cache.get(k);
    if (!al) {
      al = align(this.docs[Math.min(x, y)]!, this.docs[Math.max(x, y)]!, this.sentenceJaccard);
      this.cache.set(k, al);
    }
    return al;
  }
}

/** Connected components of `nodes` using only edges between them; each ascending, ordered by first node. */
export function components(nodes: readonly number[], edges: ReadonlyMap<number, readonly number[]>): number[][] {
  return connectedComponents([...nodes].sort((a, b) => a - b), (x) => edges.get(x) ?? []).map((c) => c.sort((a, b) => a - b));
}

/** True when the copy names its own publisher in its opening (a wire's own dateline: "MARROWBY (Northgate Press) —"). */
function creditsItself(d: PreparedDoc): boolean {
  const pub = d.input.publisher?.trim().toLowerCase();
  if (!pub || pub.length < 3) return false;
  return d.input.text.slice(0, 200).toLowerCase().includes(pub);
}

/**
 * The canonical member: the most complete original-looking copy. Rule:
 * 1. completeness: the words of a copy in sentences that another member it was verified against also carries
 *    (exactly or lightly edited); copies within COMPLETE_SHARE of the most complete are the contenders
 *    (an exact duplicate of one client's copy must not outvote the original through its local additions);
 * 2. among contenders: a copy whose opening credits its own publisher (an agency's own dateline) first;
 * 3. then the earliest `published` (a bare date counts as the end of its day; unknown dates last);
 * 4. then the most complete, then the longest (words), then the smallest id.
 */
export function pickCanonical(
  group: readonly number[],
  docs: readonly PreparedDoc[],
  edges: ReadonlyMap<number, readonly number[]>,
  cache: AlignmentCache,
): number {
  const inGroup = new Set(group);
  const scored = group.map((i) => {
    const d = docs[i]!;
    const matched = new Uint8Array(d.sentences.length);
    for (const j of edges.get(i) ?? []) {
      if (!inGroup.has(j)) continue;
      const al = cache.get(i, j);
      const m = al.a.index === i ? al.aMatch : al.bMatch;
      for (let k = 0; k < m.length; k++) if (m[k]! >= 0) matched[k] = 1;
    }
    let complete = 0;
    d.sentences.forEach((s, k) => {
      if (matched[k]) complete += s.seq.length;
    });
    return { i, complete, credited: creditsItself(d) ? 1 : 0, published: d.publishedMs, tokens: d.tokens };
  });
  const best = Math.max(...scored.map((x) => x.complete));
  const contenders = scored.filter((x) => x.complete >= COMPLETE_SHARE * best);
  contenders.sort(
    (x, y) =>
      y.credited - x.credited ||
      (x.published === y.published ? 0 : x.published < y.published ? -1 : 1) ||
      y.complete - x.complete ||
      y.tokens - x.tokens ||
      x.i - y.i,
  );
  return contenders[0]!.i;
}

export interface ResolvedFamily {
  canonical: number;
  /** Canonical first, then ascending index (= id order). */
  members: number[];
}

/**
 * Splits one connected group into families. `edges` are the verified copy edges; `recheck` the (lower) rule each
 * member must meet against the canonical.
 */
export function resolveGroup(
  group: readonly number[],
  docs: readonly PreparedDoc[],
  edges: ReadonlyMap<number, readonly number[]>,
  cache: AlignmentCache,
  recheck: MatchRule,
  out: ResolvedFamily[],
): void {
  if (group.length === 1) {
    out.push({ canonical: group[0]!, members: [group[0]!] });
    return;
  }
  const c = pickCanonical(group, docs, edges, cache);
  const members: number[] = [];
  const rejected: number[] = [];
  for (const m of group) {
    if (m === c) continue;
    if (isCopy(cache.get(m, c), recheck)) members.push(m);
    else rejected.push(m);
  }
  // A canonical whose members fall into two or more groups of mutually matching copies (each of 2+) with no edge
  // between the groups is a composite quoting several texts: it stands alone and the groups are resolved apart.
  if (members.length >= 4) {
    const big = components(members, edges).filter((comp) => comp.length >= 2);
    if (big.length >= 2) {
      out.push({ canonical: c, members: [c] });
      for (const comp of components(group.filter((x) => x !== c), edges)) resolveGroup(comp, docs, edges, cache, recheck, out);
      return;
    }
  }
  out.push({ canonical: c, members: [c, ...members.sort((a, b) => a - b)] });
  for (const comp of components(rejected, edges)) resolveGroup(comp, docs, edges, cache, recheck, out);
}
