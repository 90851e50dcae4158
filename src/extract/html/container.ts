/**
 * Readability's pick against the densest-blocks candidate (fallback.ts's `densestContainer`, run on a
 * copy of the pruned page taken before Readability changes it). Readability sometimes picks a
 * container one level too high: the article plus a teaser row, a fact box of short lines, a
 * comment count, a footer strip. When the densest-blocks container is a part of Readability's text,
 * holds all of its prose and less else, it is the article without those extras, and it wins.
 *
 * Measured on the odd pages of trafilatura-eval (bench/split-score.ts), with everything else fixed:
 * of the ways to compare the two (prose ratio alone at 1.1-3×, prose minus 0.1-1× the rest, and
 * the part-of rule at 0.9-1.0× the prose), the part-of rule at "all of the prose" changed 48 of
 * 495 pages for 2 fewer true and 15 fewer false segments (0.98×: 55 pages, -4 / -16; 0.95×: 70
 * pages, -10 / -17); taking the candidate for having more prose alone never gained more than one
 * segment. Odd half F 0.9178 → 0.9221 (tp -2, fp -16); even half, checked once afterwards, 0.9342 →
 * 0.9341 (tp -10, fp -11): the precision carries over, the recall cost is larger there.
 */

/** A paragraph this long that ends like a sentence is prose (80: the one length tried, on the odd half). */
export const MIN_PROSE_CHARS = 80;
/** Sentence ends, closing quotes and brackets, and the CJK and Devanagari/Bengali full stops. */
const PROSE_END = /[.!?…:;"'”’»)\]。！？।]$/u;
/**
 * Share of the candidate's text that must be found in Readability's paragraphs for it to count as
 * a part of them (0.9, 0.95 and 0.99 changed the same pages on the odd half).
 */
export const PART_OF_SHARE = 0.95;

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const chars = (ps: string[]): number => ps.reduce((n, p) => n + p.length, 0);

/** Characters in paragraphs that read as prose: long enough and ending like a sentence. */
export function proseChars(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => (p.length >= MIN_PROSE_CHARS && PROSE_END.test(p) ? n + p.length : n), 0);
}

/** Whether any paragraph is not prose (else no part of them can hold all their prose and less text). */
export function hasNonProse(paragraphs: string[]): boolean {
  return proseChars(paragraphs) < chars(paragraphs);
}

/**
 * Whether `candidate` should replace `picked`: it is a part of `picked` (PART_OF_SHARE of its text in
 * `picked`'s paragraphs), shorter, and holds at least as much prose.
 */
export function preferCandidate(picked: string[], candidate: string[]): boolean {
  const total = chars(candidate);
  if (total === 0 || total >= chars(picked)) return false;
  if (proseChars(candidate) < proseChars(picked)) return false;
  const text = ws(picked.join(' '));
  const inside = candidate.reduce((n, p) => (text.includes(ws(p)) ? n + p.length : n), 0);
  return inside >= PART_OF_SHARE * total;
}
