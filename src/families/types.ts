/**
 * Syndication families (see ../shared/DESIGN.md, "The article model": Family). A family is a set of copies of ONE
 * text (a wire story republished with edits, an aggregator's shortened copy); independent sources are counted as
 * families, not as outlets.
 */

export interface FamilyInput {
  id: string;
  /** Cleaned body text (paragraphs separated by blank lines, or one sentence per line: both work). */
  text: string;
  /** Not used for matching (copies often carry different headlines); kept for callers. */
  title?: string | null;
  /** ISO 8601 date or date-time; breaks ties when choosing the canonical member. */
  published?: string | null;
  /** The outlet; a copy that credits itself in its dateline ("MARROWBY (Northgate Press) —") looks original. */
  publisher?: string | null;
}

/** A sentence of one document: `text` is `doc.text.slice(start, end)`. */
export interface SentenceRef {
  text: string;
  start: number;
  end: number;
}

/** A member sentence that matched a canonical sentence only approximately (a light edit). */
export interface ChangedSentence extends SentenceRef {
  /** The canonical sentence it stands for (offsets into the canonical's text). */
  canonical: SentenceRef;
}

export interface FamilyMember {
  id: string;
  /**
   * Jaccard-style resemblance to the canonical member, 0..1 (1 for the canonical itself): exact Jaccard of the
   * two texts' 5-word shingle sets, rounded to 4 decimals. A shortened copy resembles little (its containment in
   * the canonical is what made it a member); its `drops` say what it cut.
   */
  similarity: number;
  /** Sentences this member has that the canonical lacks (text as in this member, with {start,end} offsets into this member's text). */
  adds: SentenceRef[];
  /** Canonical sentences this member lacks (text as in the canonical, offsets into the canonical's text). */
  drops: SentenceRef[];
  /** Member sentences that are light edits of a canonical sentence (neither added nor dropped). Empty for the canonical. */
  changed?: ChangedSentence[];
}

export interface Family {
  /** `family:<canonical id>`: stable while the canonical stays the same. */
  id: string;
  canonical: string;
  /** Canonical first, then by id. */
  members: FamilyMember[];
}

/** Tuning knobs; every default is documented (and its calibration stated) in ./thresholds.ts. */
export interface FamilyOptions {
  /** Words per shingle. */
  shingleSize?: number;
  /** MinHash signature length (a multiple of `bandRows`). */
  numHashes?: number;
  /** Rows per LSH band. */
  bandRows?: number;
  /** Token Jaccard at or above which two sentences are the same sentence (lightly edited). */
  sentenceJaccard?: number;
  /** Share of the smaller copy's words, in sentences matched in the other, needed for a pair to be a family edge. */
  minCoverage?: number;
  /** Lower share each member must reach against the family's canonical (anti-chaining re-check). */
  canonicalMinCoverage?: number;
  /** Matched sentences needed (in both copies) before any pair counts: short texts do not match on boilerplate. */
  minSharedSentences?: number;
  /** Words in matched sentences needed (in the smaller copy) before any pair counts. */
  minSharedTokens?: number;
}

export class FamilyInputError extends Error {
  override name = 'FamilyInputError';
  constructor(
    readonly inputId: string,
    message: string,
  ) {
    super(`families: input ${JSON.stringify(inputId)}: ${message}`);
  }
}
