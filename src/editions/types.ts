/**
 * Editions (../shared/DESIGN.md, "Live service and scale"): every published composite of a story, kept immutable,
 * with what changed since the one before.
 */

/** A citation as an edition keeps it: the span of a stored article (ids are stored article ids, as strings). */
export interface EditionCitation {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

export type ChangeKind = 'added' | 'updated' | 'withdrawn' | 'source-added';

export interface EditionChange {
  kind: ChangeKind;
  /** The fact as published (for `withdrawn`: as it was; for `source-added`: the source's name and headline). */
  text: string;
  /** `updated`: the numbers as the previous edition gave them ("300"). */
  before?: string;
  /** `updated`: the numbers now ("412"). */
  after?: string;
  citations: EditionCitation[];
}

/** What a composite says, as far as editions compare it: its facts and the sources behind them. */
export interface EditionSnapshot {
  headline: string;
  facts: { text: string; citations: EditionCitation[] }[];
  sources: { articleId: string; publisher: string | null; title: string | null; familyId: string; url: string | null }[];
}

export interface Edition {
  /** 1, 2, ... per story. */
  n: number;
  /** ISO 8601 time it was published. */
  at: string;
  headline: string;
  changes: EditionChange[];
}
