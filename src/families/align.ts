/**
 * Sentence alignment of two texts: a sentence matches when the other text has the same normalised sentence, or a
 * near-equal one (token Jaccard, or containment for a sentence split in two or merged). Order is ignored, so
 * reordered paragraphs align fully. Coverage is word-weighted, with quote-dominated sentences down-weighted.
 */
import { intersectCount, type PreparedDoc, type PreparedSentence } from './prepare.js';
import { QUOTE_WEIGHT, SPLIT_CONTAINMENT, SPLIT_MIN_TOKENS } from './thresholds.js';

export interface Alignment {
  a: PreparedDoc;
  b: PreparedDoc;
  /** For each sentence of `a`: the index of its counterpart in `b`, or -1. */
  aMatch: Int32Array;
  /** 1 where the counterpart is the same normalised sentence, 0 where it is a near match. */
  aExact: Uint8Array;
  bMatch: Int32Array;
  bExact: Uint8Array;
  /**
   * Share of each side's words in matched sentences, each sentence weighted by its match (1 exact, else its token
   * Jaccard) and quote-dominated sentences down-weighted: a copy scores near 1, a rewrite of the same facts low.
   */
  covA: number;
  covB: number;
  /** Matched sentences on each side. */
  sharedA: number;
  sharedB: number;
  /** Words in matched sentences on each side. */
  sharedTokensA: number;
  sharedTokensB: number;
  /** Exact shingle Jaccard. */
  jaccard: number;
}

function near(x: PreparedSentence, y: PreparedSentence, minJaccard: number): number {
  const nx = x.set.length;
  const ny = y.set.length;
  const lo = Math.min(nx, ny);
  const hi = Math.max(nx, ny);
  if (lo / hi < minJaccard && lo < SPLIT_MIN_TOKENS) return 0;
  const inter = intersectCount(x.set, y.set);
  const j = inter / (nx + ny - inter);
  if (j >= minJaccard) return j;
  // A sentence split in two or merged with its neighbour: scores just under any real Jaccard match.
  if (lo >= SPLIT_MIN_TOKENS && inter / lo >= SPLIT_CONTAINMENT) return minJaccard * 0.999;
  return 0;
}

function matchSide(from: PreparedDoc, to: PreparedDoc, toByKey: Map<string, number>, minJaccard: number): [Int32Array, Uint8Array, Float64Array] {
  const match = new Int32Array(from.sentences.length).fill(-1);
  const exact = new Uint8Array(from.sentences.length);
  const sim = new Float64Array(from.sentences.length);
  from.sentences.forEach((s, i) => {
    const k = toByKey.get(s.key);
    if (k !== undefined) {
      match[i] = k;
      exact[i] = 1;
      sim[i] = 1;
      return;
    }
    let best = 0;
    to.sentences.forEach((t, j) => {
      const score = near(s, t, minJaccard);
      if (score > best) {
        best = score;
        match[i] = j;
      }
    });
    sim[i] = best;
  });
  return [match, exact, sim];
}

function keyIndex(d: PreparedDoc): Map<string, number> {
  const m = new Map<string, number>();
  d.sentences.forEach((s, i) => {
    if (!m.has(s.key)) m.set(s.key, i);
  });
  return m;
}

function weight(s: PreparedSentence): number {
  return s.seq.length * (s.quote ? QUOTE_WEIGHT : 1);
}

function coverage(d: PreparedDoc, match: Int32Array, sim: Float64Array): { cov: number; shared: number; sharedTokens: number } {
  let all = 0;
  let hit = 0;
  let shared = 0;
  let sharedTokens = 0;
  d.sentences.forEach((s, i) => {
    const w = weight(s);
    all += w;
    if (match[i]! >= 0) {
      hit += w * sim[i]!;
      shared++;
      sharedTokens += s.seq.length;
    }
  });
  return { cov: all > 0 ? hit / all : 0, shared, sharedTokens };
}

export function align(a: PreparedDoc, b: PreparedDoc, minJaccard: number): Alignment {
  const [aMatch, aExact, aSim] = matchSide(a, b, keyIndex(b), minJaccard);
  const [bMatch, bExact, bSim] = matchSide(b, a, keyIndex(a), minJaccard);
  const ca = coverage(a, aMatch, aSim);
  const cb = coverage(b, bMatch, bSim);
  const inter = intersectCount(a.shingles, b.shingles);
  const union = a.shingles.length + b.shingles.length - inter;
  return {
    a,
    b,
    aMatch,
    aExact,
    bMatch,
    bExact,
    covA: ca.cov,
    covB: cb.cov,
    sharedA: ca.shared,
    sharedB: cb.shared,
    sharedTokensA: ca.sharedTokens,
    sharedTokensB: cb.sharedTokens,
    jaccard: union > 0 ? inter / union : a.shingles.length === 0 && b.shingles.length === 0 ? 1 : 0,
  };
}

export interface MatchRule {
  minCoverage: number;
  minSharedSentences: number;
  minSharedTokens: number;
}

/** Is the pair one text? Enough shared material on both sides, and most of one copy found in the other. */
export function isCopy(al: Alignment, rule: MatchRule): boolean {
  if (Math.min(al.sharedA, al.sharedB) < rule.minSharedSentences) return false;
  if (Math.min(al.sharedTokensA, al.sharedTokensB) < rule.minSharedTokens) return false;
  return Math.max(al.covA, al.covB) >= rule.minCoverage;
}

/** The coverage that decides (max of both directions). */
export const pairScore = (al: Alignment): number => Math.max(al.covA, al.covB);
