/**
 * Every tuning constant of family detection, with what it was calibrated on.
 *
 * Calibration data: the five seed copies (/work/shared/seeds, gold `syndication`: 000+003 one PA copy, 002 a
 * write-through reusing much of it, 001 a composite, 004 another story), our corpus (examples/corpus, expected
 * `families`) and the synthetic cases in ./families.test.ts. Measured values are quoted next to each constant;
 * `npx vitest run src/families` re-checks all of them.
 */

/**
 * Words per shingle. 5 words: short enough that an edit of a few words costs a copy only a few shingles per
 * sentence, long enough that independent reports rarely share one outside quotes ("the US president said" is 4).
 * Shingles never cross sentence boundaries, so reordered paragraphs and a different layout keep every shingle.
 */
export const SHINGLE_SIZE = 5;

/**
 * 128 MinHash values in 64 bands of 2 rows. A pair becomes a candidate with probability 1-(1-J^2)^64: 0.77 at
 * shingle Jaccard 0.15 (a copy holding a sixth of the original), 0.998 at 0.3, 1.0 for edited copies (J 0.6-1.0:
 * seeds 000/003 measure 0.77, corpus wire vs its copies 0.69-0.97); unrelated texts (J < 0.005) collide with probability
 * below 0.002. Subsets too small for that are caught by the shared-sentence index (LONG_SENTENCE_TOKENS).
 */
export const NUM_HASHES = 128;
export const BAND_ROWS = 2;

/**
 * An exact normalised sentence of at least this many words, shared by two texts, is a candidate-pair signal
 * (MIN_SHARED_LONG_SENTENCES of them make the pair a candidate). 10 words: a sentence that long, word for word,
 * is copied or quoted, not coincident.
 */
export const LONG_SENTENCE_TOKENS = 10;
export const MIN_SHARED_LONG_SENTENCES = 2;

/**
 * A bucket (LSH band) holding more than this many texts pairs each text only with its next
 * BUCKET_WINDOW neighbours (in id order) instead of all pairs: a phrase shared by thousands of texts (boilerplate)
 * must not make the candidate stage quadratic. A real family in a big bucket stays connected through the chain.
 * A shared-sentence bucket that big is skipped (boilerplate; a big family's copies meet in the LSH bands).
 */
export const MAX_FULL_BUCKET = 40;
export const BUCKET_WINDOW = 8;

/**
 * Cheap pre-check before sentence alignment: a candidate pair whose shingle containment (|A∩B| / min(|A|,|B|))
 * is below 0.25 cannot reach MIN_COVERAGE and is rejected without aligning. Measured: copies 0.90-1.0 (seeds
 * 000/003 0.90, corpus 0.90-1.0); the seeds' composite and write-through 0.32-0.63 (still aligned, then rejected);
 * texts sharing only boilerplate lines < 0.1.
 */
export const PREFILTER_CONTAINMENT = 0.25;

/**
 * Two sentences are one sentence (lightly edited) at token-set Jaccard >= 0.7, the usual near-duplicate cut.
 * Checked by reading the seeds' 000/003 alignment: the pairs it forms are copy edits ("President"/"president",
 * quote marks and dashes of another house style, a phrase added or dropped), and in the corpus outlet A's three
 * word changes are reported as `changed`, not as adds and drops.
 */
export const SENTENCE_JACCARD = 0.7;

/**
 * A sentence split in two or merged with another: the shorter's words are >= 90% inside the longer, and the
 * shorter has at least SPLIT_MIN_TOKENS distinct words (so "He said." never matches).
 */
export const SPLIT_CONTAINMENT = 0.9;
export const SPLIT_MIN_TOKENS = 8;

/**
 * A pair is a family edge when its coverage (max of the two directions) is >= 0.7. Coverage = share of a copy's
 * words in sentences matched in the other, each matched sentence weighted by its match (1 exact, else its token
 * Jaccard), quote-dominated sentences at QUOTE_WEIGHT. Measured: seeds 000/003 (one PA copy) 0.87; corpus wire vs
 * its copies 0.91-1.0, aggregator subset (records.jsonl#1) 1.0. Not copies: seeds 001 (AI composite that rewrites
 * PA sentences) vs 000 0.52 and vs 003 0.49; 002 (write-through reusing PA text) vs 000 0.45, vs 003 0.48;
 * corpus day-2 follow-up vs wire 0.01. 0.7 sits in the gap (0.52 .. 0.87).
 */
export const MIN_COVERAGE = 0.7;

/**
 * Canonical choice: copies whose completeness (words in sentences other members also carry) is within 85% of the
 * most complete are contenders; metadata (own-publisher dateline, earliest date) then decides. Corpus: the wire
 * (471 words shared) and outlet A (493, inflated by its aggregator twin's copy of its local paragraph) are both
 * contenders, and the wire's own dateline decides, as `family_root` expects.
 */
export const COMPLETE_SHARE = 0.85;

/**
 * Anti-chaining: after union-find, every member must still reach this coverage against the family's canonical
 * (lower than MIN_COVERAGE because it is a re-check of an already connected copy, e.g. an edit of an edit; still
 * above the 0.52 of the seeds' composite 001 against the copy it rewrites).
 */
export const CANONICAL_MIN_COVERAGE = 0.6;

/**
 * Minimum size: a pair counts only with >= 3 matched sentences and >= 40 words in them on the smaller side. Stops
 * two short texts from "matching" on one boilerplate line or a shared one-line quote.
 */
export const MIN_SHARED_SENTENCES = 3;
export const MIN_SHARED_TOKENS = 40;

/**
 * Quote-dominated sentences (>= 60% of the sentence inside quotation marks) count at half weight in coverage:
 * independent reports legitimately repeat the same statement, so quotes alone must not make a family. Checked on
 * the quote-heavy short report in ./families.test.ts (a lede and four statements quoted word for word from the
 * wire): a family at weight 1, correctly not one at 0.5. The seed and corpus figures above are measured with it.
 */
export const QUOTE_SHARE = 0.6;
export const QUOTE_WEIGHT = 0.5;

/**
 * What a version of a story adds over its lead when the two are not copies (./versions.ts): a sentence adds
 * something when no single lead sentence holds at least this share of its content words. Chosen: a majority, so a
 * restatement in other words (which reuses most of the facts' words) stays out and a new quote or passage comes
 * through. Sentences of fewer than ADDS_MIN_WORDS content words are never counted as adds.
 */
export const ADDS_COVER = 0.5;
export const ADDS_MIN_WORDS = 3;
