/**
 * Ranking and selection: centrality (cosine of a fact's TF-IDF vector to the story centroid), corroboration
 * (independent families), position in the source (ledes matter), then MMR against what is already chosen.
 */
import type { Fact } from './facts.js';
import { jaccard } from './facts.js';
import type { Candidate } from './prepare.js';

export type Vec = Map<string, number>;

/** Weights of the score; set by reading the seed and example composites, not fitted. */
export const W_CENTRAL = 0.4;
export const W_FAMILIES = 0.2;
export const W_POSITION = 0.4;
/** Sentences longer than this many words score less (by the square root of the ratio). */
export const LONG_WORDS = 35;
/** Factor on a sentence that is mostly quotation. */
export const QUOTE_HEAVY = 0.8;
/** MMR trade-off between relevance and novelty. */
export const MMR_LAMBDA = 0.7;
/** A candidate this close (content-stem Jaccard) to a chosen fact says the same thing: never chosen with it. */
export const REDUNDANT_JACCARD = 0.45;
export const REDUNDANT_OPENINGS = 0.25;
/** TF-IDF cosine (names included) at which two facts are one fact told twice. */
export const REDUNDANT_COSINE = 0.5;
/**
 * Weighted containment (IDF mass of the shared stems over the smaller sentence's mass) at which, with at least
 * REDUNDANT_SHARED shared stems, two facts tell one event twice ("X was one of the leaders, including A and B, who
 * travelled on Monday" / "X joined A and B for talks on Monday"). Set on the seed and example composites.
 */
export const REDUNDANT_CONTAINMENT = 0.6;
export const REDUNDANT_SHARED = 5;
/** MMR bonus for a fact that brings in a person not yet named (novelty). */
export const NOVELTY = 0.1;
/**
 * MMR bonus per share of the fact's content weight (IDF) not yet covered by the chosen facts. 0.35: at 0.5 novelty
 * outweighed relevance (a top-ranked fact, "work on security guarantees ... as soon as Tuesday", lost to trivia whose
 * words were new); at 0.25 the article narrows to fewer threads (seed White House composite, examples corpus).
 */
export const COVERAGE = 0.35;
/** Position prior: 1 / (1 + decay * sentence index). */
export const POSITION_DECAY = 0.2;

export function idfOf(cands: readonly Candidate[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of cands) for (const s of c.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const n = cands.length;
  const idf = new Map<string, number>();
  for (const [s, d] of df) idf.set(s, Math.log(1 + n / d));
  return idf;
}

export function vectorOf(stems: readonly string[], idf: Map<string, number>): Vec {
  const v: Vec = new Map();
  let norm = 0;
  for (const s of stems) {
    const w = idf.get(s) ?? 0;
    v.set(s, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, w] of v) v.set(k, w / norm);
  return v;
}

export function cosine(a: Vec, b: Vec): number {
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of x) {
    const z = y.get(k);
    if (z !== undefined) s += w * z;
  }
  return s;
}

export interface Ranked {
  fact: Fact;
  /** TF-IDF of the common (lower-case) words: MMR's redundancy measure, so shared names do not make facts alike. */
  said: Vec;
  /** People the wording names (lowercased surnames): a fact that brings a new one in is novel. */
  people: string[];
  vec: Vec;
  score: number;
  /** Earliest sentence index among members: 0 is a lede. */
  firstIndex: number;
  /** Mean relative position of the members in their sources (0 top, 1 bottom): used to order the article. */
  order: number;
  /** Where the sources place the fact (0..1: 1 for a lede, small for the last lines): the position prior. */
  position: number;
}

/**
 * The independent reports of a fact: its families, counting once the families that carry it in (nearly) the same
 * words: one wire paragraph that two outlets' otherwise different articles both ran, lightly edited (the seeds' PA
 * lines on Mr Zelensky's black shirt and the prime minister's holiday plans). Corroboration is a second outlet
 * saying it in its own words, not a second copy of it.
 */
export function reportsOf(f: Fact): number {
  const wordings: (readonly string[])[] = [];
  const seen = new Set<number>();
  for (const m of f.members) {
    if (seen.has(m.family)) continue;
    seen.add(m.family);
    if (!wordings.some((w) => jaccard(w, m.stems) >= SAME_WORDING)) wordings.push(m.stems);
  }
  return Math.max(1, Math.min(f.families, wordings.length));
}

/**
 * Content-stem Jaccard at which two families' sentences are one wording (an edited copy). 0.5: in the seeds, the
 * facts that The Independent and the Glasgow Times both carry are PA copy at 0.57 (the holiday-plans line: "had
 * disrupted" / "was understood to have disrupted ... as reported in The Times") to 1.00, and the one pair in the
 * outlets' own words is at 0.30; above REDUNDANT_JACCARD (0.45), where MMR treats two sentences as one fact.
 */
export const SAME_WORDING = 0.5;

export function rankFacts(facts: readonly Fact[], idf: Map<string, number>, peopleOf: (f: Fact) => string[] = () => []): Ranked[] {
  const vecs = facts.map((f) => vectorOf(f.rep.stems, idf));
  const centroid: Vec = new Map();
  facts.forEach((f, i) => {
    for (const [k, w] of vecs[i]!) centroid.set(k, (centroid.get(k) ?? 0) + w * f.families);
  });
  const reports = facts.map(reportsOf);
  const maxFam = Math.max(1, ...reports);
  const central = vecs.map((v) => cosine(v, centroid));
  const maxCentral = Math.max(1e-9, ...central);
  return facts.map((f, i) => {
    const firstIndex = Math.min(...f.members.map((m) => m.sentence.index));
    const order = f.members.reduce((s, m) => s + m.sentence.index / Math.max(1, m.count), 0) / f.members.length;
    // Lede-ness (absolute index) and how high in its source the fact sits (relative: trivia sinks to the end).
    const relative = Math.max(...f.members.map((m) => 1 - m.sentence.index / Math.max(1, m.count)));
    const position = 0.5 / (1 + POSITION_DECAY * firstIndex) + 0.5 * relative;
    // Long sentences cost the budget more, and a sentence that is mostly quotation belongs in Key quotes.
    const rep = f.rep.sentence.text;
    const quoted = (rep.match(/["“”‘’'][^"“”]{12,}["“”’']/g) ?? []).join('').length / Math.max(1, rep.length);
    const length = Math.min(1, Math.sqrt(LONG_WORDS / Math.max(1, f.rep.words)));
    const score = (W_CENTRAL * (central[i]! / maxCentral) + W_FAMILIES * (reports[i]! / maxFam) + W_POSITION * position) * length * (quoted > 0.6 ? QUOTE_HEAVY : 1);
    return { fact: f, said: vectorOf(f.rep.common, idf), people: peopleOf(f), vec: vecs[i]!, score, firstIndex, order, position };
  });
}

/** Whether two stem lists say the same thing by weighted containment (see REDUNDANT_CONTAINMENT). */
export function contained(a: readonly string[], b: readonly string[], idf: Map<string, number>): boolean {
  const w = (x: string): number => idf.get(x) ?? 1;
  const set = new Set(b);
  let shared = 0;
  let n = 0;
  let wa = 0;
  for (const x of a) {
    wa += w(x);
    if (set.has(x)) {
      shared += w(x);
      n++;
    }
  }
  if (n < REDUNDANT_SHARED) return false;
  let wb = 0;
  for (const x of b) wb += w(x);
  return shared / Math.max(1e-9, Math.min(wa, wb)) >= REDUNDANT_CONTAINMENT;
}

/**
 * Whether `r` says what the chosen `c` says (then the two are never taken together). `openings`: two openings are
 * held to a lower bar (off for openings of different days' reports, which share the event's words but tell new news).
 */
export function redundant(r: Ranked, c: Ranked, idf: Map<string, number>, openings = true): boolean {
  const j = jaccard(r.fact.rep.stems, c.fact.rep.stems);
  // Two outlets' opening sentences usually tell the same news in other words: a lower bar between them.
  return j >= REDUNDANT_JACCARD || cosine(r.vec, c.vec) >= REDUNDANT_COSINE || (openings && r.firstIndex === 0 && c.firstIndex === 0 && j >= REDUNDANT_OPENINGS) || contained(r.fact.rep.stems, c.fact.rep.stems, idf);
}

/** Greedy MMR up to `words` words; redundant facts (by stems) are never taken together. */
export function selectMmr(ranked: readonly Ranked[], words: number, idf: Map<string, number> = new Map(), first?: (r: Ranked) => boolean): Ranked[] {
  const pool = ranked.filter((r) => r.fact.eligible).sort((a, b) => b.score - a.score || a.fact.id - b.fact.id);
  const chosen: Ranked[] = [];
  const seenPeople = new Set<string>();
  const covered = new Set<string>();
  // Per pool item: its highest similarity to a chosen fact, and whether a chosen fact already says it.
  const maxSim = new Map<Ranked, number>();
  const blocked = new Set<Ranked>();
  // How central each stem is to the story: its weight in the family-weighted centroid of the facts' TF-IDF vectors
  // (a word many sentences of many outlets use), relative to the most central stem's (0..1).
  const centroid = new Map<string, number>();
  for (const r of pool) for (const [k, w] of r.vec) centroid.set(k, (centroid.get(k) ?? 0) + w * r.fact.families);
  const top = Math.max(1e-9, ...centroid.values());
  const central = (st: string): number => (centroid.get(st) ?? 0) / top;
  let total = 0;
  while (pool.length && total < words) {
    let best = -1;
    let bestVal = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const r = pool[i]!;
      if (blocked.has(r)) continue;
      const novel = r.people.some((p) => !seenPeople.has(p)) ? NOVELTY : 0;
      // Coverage: the share of the sentence's content (IDF mass) that is new to the article, each new word counted by
      // how central it is to the story: fresh *central* content. A sentence of words only it uses ("a black shirt
      // with buttons and a black blazer") gains next to nothing from being new. Scaled by where the sources place
      // the fact: the colour a wire story keeps for its last lines is new, but its writers ranked it last.
      let all = 0;
      let fresh = 0;
      for (const st of r.fact.rep.common) {
        const w = idf.get(st) ?? 0;
        all += w;
        if (!covered.has(st)) fresh += w * central(st);
      }
      const val = MMR_LAMBDA * r.score - (1 - MMR_LAMBDA) * (maxSim.get(r) ?? 0) + novel + COVERAGE * r.position * (all ? fresh / all : 0);
      if (val > bestVal + 1e-12) {
        bestVal = val;
        best = i;
      }
    }
    // `first`: the best fact it accepts is taken before any other (the latest report's opening of a developing story).
    const firstAt = !chosen.length && first ? pool.findIndex((r) => !blocked.has(r) && first(r)) : -1;
    if (firstAt >= 0) best = firstAt;
    if (best < 0) break;
    const [c] = pool.splice(best, 1);
    chosen.push(c!);
    for (const p of c!.people) seenPeople.add(p);
    for (const st of c!.fact.rep.common) covered.add(st);
    total += c!.fact.rep.words;
    for (const r of pool) {
      if (blocked.has(r)) continue;
      maxSim.set(r, Math.max(maxSim.get(r) ?? 0, cosine(r.said, c!.said)));
      if (redundant(r, c!, idf)) blocked.add(r);
    }
  }
  return chosen;
}
