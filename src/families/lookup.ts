/**
 * Online family candidates: each stored article's LSH band keys and long-sentence keys (the two retrieval routes of
 * candidates.ts), indexed so that a new article finds the stored articles it could be a copy of without preparing
 * the store again. Shingle hashes come from the words alone (prepare.ts Vocabulary hashes each word with FNV-1a), so
 * keys computed in different runs agree and could be persisted as they are.
 */
import { bandKey, minhash } from './candidates.js';
import { fnv1a32, fixedSeeds } from './hash.js';
import { prepareDoc, Vocabulary } from './prepare.js';
import * as T from './thresholds.js';
import type { FamilyInput } from './types.js';

export interface FamilyKeys {
  /** Band b's key at position b; empty when the text has too few shingles to take part (as in findFamilies). */
  bands: number[];
  /** FNV-1a hashes of the text's distinct long sentences (LONG_SENTENCE_TOKENS words or more). */
  sentences: number[];
}

const SEEDS = fixedSeeds(T.NUM_HASHES);
const BANDS = Math.floor(T.NUM_HASHES / T.BAND_ROWS);
/** findFamilies' default minShingles (a quarter of MIN_SHARED_TOKENS: shingles overlap). */
const MIN_SHINGLES = Math.ceil(T.MIN_SHARED_TOKENS / 4);

/** The retrieval keys of one text, with findFamilies' default settings. */
export function familyKeys(doc: FamilyInput): FamilyKeys {
  const d = prepareDoc(doc, 0, new Vocabulary(), T.SHINGLE_SIZE);
  if (d.shingles.length < MIN_SHINGLES) return { bands: [], sentences: [] };
  const sig = minhash(d.shingles, SEEDS);
  const bands = Array.from({ length: BANDS }, (_, b) => bandKey(sig, b, T.BAND_ROWS));
  const sentences = [...new Set(d.sentences.filter((s) => s.seq.length >= T.LONG_SENTENCE_TOKENS).map((s) => fnv1a32(s.key)))];
  return { bands, sentences };
}

/** Stored articles by band key and by long sentence. */
export class FamilyLookup {
  private readonly bands: Map<number, string[]>[] = Array.from({ length: BANDS }, () => new Map());
  private readonly sentences = new Map<number, string[]>();

  add(id: string, keys: FamilyKeys): void {
    keys.bands.forEach((k, b) => push(this.bands[b]!, k, id));
    for (const k of keys.sentences) push(this.sentences, k, id);
  }

  /**
   * Stored articles findFamilies could pair with a text of these keys: one sharing a band, or MIN_SHARED_LONG_SENTENCES
   * long sentences. A bucket bigger than MAX_FULL_BUCKET gives its BUCKET_WINDOW latest articles (findFamilies
   * pairs a big bucket's texts with their BUCKET_WINDOW neighbours only); a long sentence in more texts than that is
   * ignored, as there.
   */
  candidates(keys: FamilyKeys): Set<string> {
    const out = new Set<string>();
    keys.bands.forEach((k, b) => {
      const list = this.bands[b]!.get(k);
      if (list) for (const id of list.length > T.MAX_FULL_BUCKET ? list.slice(-T.BUCKET_WINDOW) : list) out.add(id);
    });
    const shared = new Map<string, number>();
    for (const k of keys.sentences) {
      const list = this.sentences.get(k);
      if (!list || list.length > T.MAX_FULL_BUCKET) continue;
      for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    for (const [id, n] of shared) if (n >= T.MIN_SHARED_LONG_SENTENCES) out.add(id);
    return out;
  }
}

function push(map: Map<number, string[]>, key: number, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
