/**
 * Candidate pairs without comparing all pairs: MinHash signatures in LSH bands (resemblance), plus an index of long
 * sentences shared word for word (containment: an aggregator's shortened copy). Buckets are capped so boilerplate
 * shared by thousands of texts stays linear.
 */
import { fixedSeeds, fmix32 } from './hash.js';
import type { PreparedDoc } from './prepare.js';
import { BUCKET_WINDOW, LONG_SENTENCE_TOKENS, MAX_FULL_BUCKET, MIN_SHARED_LONG_SENTENCES } from './thresholds.js';

/**
 * MinHash signature: for each seed, the minimum over the text's shingles of a cheap seeded permutation
 * (xor with the seed, multiply by an odd constant, xor-shift). Shingle values are already avalanche-mixed, so
 * this two-multiply family is enough for min-wise sampling and 3x faster than a full murmur finaliser per value.
 */
export function minhash(shingles: Uint32Array, seeds: Uint32Array): Uint32Array {
  const n = seeds.length;
  const m = shingles.length;
  const sig = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const seed = seeds[i]!;
    let min = 0xffffffff;
    for (let j = 0; j < m; j++) {
      let h = Math.imul(shingles[j]! ^ seed, 0x9e3779b1);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** The LSH key of band `b` of a signature (`rows` values per band). */
export function bandKey(sig: Uint32Array, b: number, rows: number): number {
  let h = 0x2545f491 + b;
  for (let r = 0; r < rows; r++) h = fmix32(h ^ sig[b * rows + r]!) + r;
  return h >>> 0;
}

/** Pair key for two doc indexes (a < b), exact for up to 2^26 docs. */
export const pairKey = (a: number, b: number): number => (a < b ? a * 67108864 + b : b * 67108864 + a);
export const pairOf = (key: number): [number, number] => [Math.floor(key / 67108864), key % 67108864];

/** Emits pairs from one bucket (doc indexes ascending, unique): all pairs, or a sliding window when it is big. */
function emitBucket(bucket: number[], emit: (a: number, b: number) => void): void {
  const m = bucket.length;
  const window = m <= MAX_FULL_BUCKET ? m : BUCKET_WINDOW;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m && j <= i + window; j++) emit(bucket[i]!, bucket[j]!);
}

function addTo<K>(map: Map<K, number[]>, key: K, doc: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [doc]);
  else if (list[list.length - 1] !== doc) list.push(doc);
}

export interface CandidateOptions {
  numHashes: number;
  bandRows: number;
  /** Docs with fewer shingles take no part (nothing to match on). */
  minShingles: number;
}

/** Candidate pairs as sorted pair keys. `docs` must be in index order. */
export function candidatePairs(docs: readonly PreparedDoc[], opts: CandidateOptions): number[] {
  const seeds = fixedSeeds(opts.numHashes);
  const bands = Math.floor(opts.numHashes / opts.bandRows);
  const bandMaps: Map<number, number[]>[] = Array.from({ length: bands }, () => new Map());
  const sentenceMap = new Map<string, number[]>();
  for (const d of docs) {
    if (d.shingles.length < opts.minShingles) continue;
    const sig = minhash(d.shingles, seeds);
    for (let b = 0; b < bands; b++) addTo(bandMaps[b]!, bandKey(sig, b, opts.bandRows), d.index);
    const seen = new Set<string>();
    for (const s of d.sentences) {
      if (s.seq.length < LONG_SENTENCE_TOKENS || seen.has(s.key)) continue;
      seen.add(s.key);
      addTo(sentenceMap, s.key, d.index);
    }
  }
  const out = new Set<number>();
  const emitPair = (a: number, b: number): void => {
    out.add(pairKey(a, b));
  };
  for (const m of bandMaps) for (const bucket of m.values()) if (bucket.length > 1) emitBucket(bucket, emitPair);
  const shared = new Map<number, number>();
  for (const bucket of sentenceMap.values()) {
    // A sentence in very many texts is boilerplate or a big family: LSH already pairs the big family's copies.
    if (bucket.length < 2 || bucket.length > MAX_FULL_BUCKET) continue;
    emitBucket(bucket, (a, b) => {
      const k = pairKey(a, b);
      if (out.has(k)) return;
      const n = (shared.get(k) ?? 0) + 1;
      shared.set(k, n);
      if (n >= MIN_SHARED_LONG_SENTENCES) out.add(k);
    });
  }
  return [...out].sort((x, y) => x - y);
}
