/**
 * One pass over each text: sentences (shared splitter), normalised word ids per sentence, whether a sentence is
 * mostly quotation, and the text's set of word shingles (hashed, sorted, unique).
 */
import { quoteSpans, splitSentences, tokenize } from '../text/index.js';
import { fmix32, fnv1a32 } from './hash.js';
import { QUOTE_SHARE } from './thresholds.js';
import type { FamilyInput } from './types.js';

export interface PreparedSentence {
  start: number;
  end: number;
  text: string;
  /** Word ids in order (normalised: case, diacritics, quote marks, apostrophes and hyphens folded). */
  seq: Int32Array;
  /** Distinct word ids, ascending. */
  set: Int32Array;
  /** Exact-match key: the normalised word sequence. */
  key: string;
  /** Most of the sentence is inside quotation marks. */
  quote: boolean;
}

export interface PreparedDoc {
  /** Position after sorting inputs by id. */
  index: number;
  input: FamilyInput;
  sentences: PreparedSentence[];
  /** Words in all sentences. */
  tokens: number;
  /** Hashed shingles, ascending, unique. */
  shingles: Uint32Array;
  /** Publication time in ms for ordering (date-only values count as the end of their day); Infinity when unknown. */
  publishedMs: number;
}

/** Interns normalised words for one run: id per distinct word and its 32-bit hash. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly hashes: number[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.hashes.length;
      this.ids.set(word, id);
      this.hashes.push(fnv1a32(word));
    }
    return id;
  }
}

/** Token norm (already lowercase, quotes and diacritics folded by `tokenize`) with apostrophes and hyphens dropped. */
function foldWord(norm: string): string {
  return norm.replace(/['’‐‑-]/g, '');
}

export function publishedMs(published: string | null | undefined): number {
  if (!published) return Number.POSITIVE_INFINITY;
  const s = published.trim();
  // A bare date says nothing about the hour: put it at the end of its day so a timed copy that day sorts first.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const ms = Date.parse(dateOnly ? `${s}T23:59:59.999Z` : s);
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

function markQuotes(text: string, sentences: { start: number; end: number }[]): boolean[] {
  const spans = quoteSpans(text)
    .map((q) => [q.start, q.end] as const)
    .sort((a, b) => a[0] - b[0]);
  return sentences.map((s) => {
    let inside = 0;
    for (const [a, b] of spans) {
      if (a >= s.end) break;
      const lo = Math.max(a, s.start);
      const hi = Math.min(b, s.end);
      if (hi > lo) inside += hi - lo;
    }
    return inside >= QUOTE_SHARE * (s.end - s.start);
  });
}

export function prepareDoc(input: FamilyInput, index: number, vocab: Vocabulary, shingleSize: number): PreparedDoc {
  const text = input.text ?? '';
  const raw = splitSentences(text);
  const quotes = markQuotes(text, raw);
  const toks = tokenize(text);
  const sentences: PreparedSentence[] = [];
  const shingleList: number[] = [];
  let ti = 0;
  let total = 0;
  raw.forEach((s, si) => {
    while (ti < toks.length && toks[ti]!.start < s.start) ti++;
    const ids: number[] = [];
    const words: string[] = [];
    while (ti < toks.length && toks[ti]!.end <= s.end) {
      const w = foldWord(toks[ti]!.norm);
      ti++;
      if (!w) continue;
      ids.push(vocab.id(w));
      words.push(w);
    }
    if (ids.length === 0) return;
    const seq = Int32Array.from(ids);
    const set = Int32Array.from(new Set(ids)).sort();
    sentences.push({ start: s.start, end: s.end, text: s.text, seq, set, key: words.join(' '), quote: quotes[si]! });
    total += ids.length;
    addShingles(seq, vocab.hashes, shingleSize, shingleList);
  });
  const shingles = Uint32Array.from(shingleList).sort();
  return { index, input, sentences, tokens: total, shingles: uniqueSorted(shingles), publishedMs: publishedMs(input.published) };
}

/** Word k-grams inside one sentence; a sentence shorter than k (but of 3+ words) is one shingle. */
function addShingles(seq: Int32Array, hashes: readonly number[], k: number, out: number[]): void {
  const n = seq.length;
  if (n < k) {
    if (n >= 3) out.push(combine(seq, 0, n, hashes));
    return;
  }
  for (let i = 0; i + k <= n; i++) out.push(combine(seq, i, i + k, hashes));
}

function combine(seq: Int32Array, from: number, to: number, hashes: readonly number[]): number {
  let h = 0x9747b28c ^ (to - from);
  for (let i = from; i < to; i++) h = Math.imul(h ^ hashes[seq[i]!]!, 0x01000193);
  return fmix32(h);
}

function uniqueSorted(a: Uint32Array): Uint32Array {
  if (a.length < 2) return a;
  let w = 1;
  for (let r = 1; r < a.length; r++) if (a[r] !== a[w - 1]) a[w++] = a[r]!;
  return a.subarray(0, w);
}

/** |A ∩ B| of two ascending unique arrays. */
export function intersectCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
