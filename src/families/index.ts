/**
 * Syndication families: which texts are copies of one text (wire copy republished with edits, an aggregator's
 * shortened copy), which copy is canonical, and what every other copy adds and drops, sentence by sentence.
 *
 * Pipeline: sentences and normalised words (../text) → word shingles per sentence → MinHash + LSH bands and a
 * shared-long-sentence index for candidate pairs (never all pairs) → sentence alignment verifies each candidate →
 * union-find over verified pairs → canonical per group and an anti-chaining re-check against it.
 * Deterministic: inputs are sorted by id first, and nothing depends on input order or on Map iteration of inputs.
 */
import { isCopy, type Alignment, type MatchRule } from './align.js';
import { candidatePairs, pairOf } from './candidates.js';
import { AlignmentCache, resolveGroup, UnionFind, type ResolvedFamily } from './cluster.js';
import { intersectCount, prepareDoc, Vocabulary, type PreparedDoc } from './prepare.js';
import * as T from './thresholds.js';
import { FamilyInputError, type ChangedSentence, type Family, type FamilyInput, type FamilyMember, type FamilyOptions, type SentenceRef } from './types.js';

export * from './types.js';
export { addsOverLead, type VersionText } from './versions.js';

interface Settings {
  shingleSize: number;
  numHashes: number;
  bandRows: number;
  sentenceJaccard: number;
  strict: MatchRule;
  recheck: MatchRule;
}

function settings(o: FamilyOptions = {}): Settings {
  const minSharedSentences = o.minSharedSentences ?? T.MIN_SHARED_SENTENCES;
  const minSharedTokens = o.minSharedTokens ?? T.MIN_SHARED_TOKENS;
  const bandRows = Math.max(1, Math.floor(o.bandRows ?? T.BAND_ROWS));
  return {
    shingleSize: Math.max(1, Math.floor(o.shingleSize ?? T.SHINGLE_SIZE)),
    numHashes: Math.max(bandRows, Math.floor(o.numHashes ?? T.NUM_HASHES)),
    bandRows,
    sentenceJaccard: o.sentenceJaccard ?? T.SENTENCE_JACCARD,
    strict: { minCoverage: o.minCoverage ?? T.MIN_COVERAGE, minSharedSentences, minSharedTokens },
    recheck: { minCoverage: o.canonicalMinCoverage ?? T.CANONICAL_MIN_COVERAGE, minSharedSentences, minSharedTokens },
  };
}

function shingleContainment(a: PreparedDoc, b: PreparedDoc): number {
  const lo = Math.min(a.shingles.length, b.shingles.length);
  return lo === 0 ? 0 : intersectCount(a.shingles, b.shingles) / lo;
}

const byId = (x: FamilyInput, y: FamilyInput): number => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Prepared documents in id order (throws FamilyInputError on a missing or duplicate id). */
function prepareAll(docs: readonly FamilyInput[], s: Settings): PreparedDoc[] {
  const sorted = [...docs].sort(byId);
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (typeof d.id !== 'string' || d.id === '') throw new FamilyInputError(String(d.id), 'id must be a non-empty string');
    if (i > 0 && sorted[i - 1]!.id === d.id) throw new FamilyInputError(d.id, 'duplicate id');
  }
  const vocab = new Vocabulary();
  return sorted.map((d, i) => prepareDoc(d, i, vocab, s.shingleSize));
}

/**
 * Groups `docs` into syndication families. Every doc is in exactly one family (singletons included); families are
 * ordered by canonical id, members canonical first then by id. The same docs in any order give the same result.
 */
export function findFamilies(docs: FamilyInput[], options?: FamilyOptions): Family[] {
  const s = settings(options);
  const prepared = prepareAll(docs, s);
  const cache = new AlignmentCache(prepared, s.sentenceJaccard);
  const uf = new UnionFind(prepared.length);
  const edges = new Map<number, number[]>();
  const addEdge = (x: number, y: number): void => {
    (edges.get(x) ?? edges.set(x, []).get(x)!).push(y);
    (edges.get(y) ?? edges.set(y, []).get(y)!).push(x);
  };
  const minShingles = Math.ceil(s.strict.minSharedTokens / 4);
  for (const key of candidatePairs(prepared, { numHashes: s.numHashes, bandRows: s.bandRows, minShingles })) {
    const [x, y] = pairOf(key);
    if (shingleContainment(prepared[x]!, prepared[y]!) < T.PREFILTER_CONTAINMENT) continue;
    if (isCopy(cache.get(x, y), s.strict)) {
      addEdge(x, y);
      uf.union(x, y);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < prepared.length; i++) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const resolved: ResolvedFamily[] = [];
  // Union-find groups are the connected components of the verified edges; each is split further if needed.
  for (const g of groups.values()) resolveGroup(g, prepared, edges, cache, s.recheck, resolved);
  resolved.sort((a, b) => a.canonical - b.canonical);
  return resolved.map((f) => toFamily(f, prepared, cache));
}

const ref = (x: { text: string; start: number; end: number }): SentenceRef => ({ text: x.text, start: x.start, end: x.end });
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function memberOf(m: number, al: Alignment): FamilyMember {
  const mIsA = al.a.index === m;
  const member = mIsA ? al.a : al.b;
  const canon = mIsA ? al.b : al.a;
  const mMatch = mIsA ? al.aMatch : al.bMatch;
  const mExact = mIsA ? al.aExact : al.bExact;
  const cMatch = mIsA ? al.bMatch : al.aMatch;
  const adds: SentenceRef[] = [];
  const changed: ChangedSentence[] = [];
  member.sentences.forEach((sent, i) => {
    const j = mMatch[i]!;
    if (j < 0) adds.push(ref(sent));
    else if (!mExact[i]) changed.push({ ...ref(sent), canonical: ref(canon.sentences[j]!) });
  });
  const drops = canon.sentences.filter((_, j) => cMatch[j]! < 0).map(ref);
  return { id: member.input.id, similarity: round4(al.jaccard), adds, drops, changed };
}

function toFamily(f: ResolvedFamily, docs: readonly PreparedDoc[], cache: AlignmentCache): Family {
  const c = f.canonical;
  const canonId = docs[c]!.input.id;
  const members: FamilyMember[] = [{ id: canonId, similarity: 1, adds: [], drops: [], changed: [] }];
  for (const m of f.members) if (m !== c) members.push(memberOf(m, cache.get(m, c)));
  return { id: `family:${canonId}`, canonical: canonId, members };
}
