/**
 * Verifier types: a claim (one sentence or a few) checked against source documents.
 * Every Evidence offset is a UTF-16 index into its source's `text`: `source.text.slice(start, end) === text`.
 */
import type { Analysis } from '../text/index.js';

export interface SourceDoc {
  id: string;
  text: string;
  published?: string | null;
  title?: string | null;
  publisher?: string | null;
}

export type Verdict = 'supported' | 'unsupported' | 'contradicted';

/** What a checked sentence is: only `claim` sentences carry a verdict that counts. */
export type ClaimKind = 'claim' | 'heading' | 'meta';

export interface Evidence {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  score: number;
}

/**
 * `person-in-role`: a role bound to another person (or the claim names someone where the source's role noun, e.g.
 * "the president", refers to another person); `actor`: the claim names someone where the source's pronoun refers to
 * another person.
 */
export type ConflictKind = 'person-in-role' | 'actor' | 'number' | 'date' | 'negation' | 'altered-quote' | 'speaker' | 'place' | 'other';

export interface Conflict {
  kind: ConflictKind;
  claimSpan: string;
  sourceSpan: string;
  evidence: Evidence;
  explanation: string;
}

export interface QuoteCheck {
  text: string;
  /** Found character for character (after folding typographic quote marks and whitespace) in a source. */
  verbatim: boolean;
  sourceId: string | null;
  note?: string;
}

export interface ClaimResult {
  claim: string;
  /** Span of the claim in the audited article (auditArticle only). */
  start?: number;
  end?: number;
  /** `heading` and `meta` sentences are not checkable: their verdict is `unsupported` and is not counted. */
  kind?: ClaimKind;
  verdict: Verdict;
  /** 0..1: the decision model's probability that the claim is supported by the evidence. */
  score: number;
  evidence: Evidence[];
  /** Words, names, numbers and dates of the claim with no support, as written in the claim. */
  missing: string[];
  conflicts: Conflict[];
  quotes: QuoteCheck[];
  /** Why the verdict is what it is, in one line (for people). */
  note?: string;
}

export interface AuditSummary {
  supported: number;
  unsupported: number;
  contradicted: number;
  /** Checkable claims (headings and meta lines are left out). */
  total: number;
}

export interface AuditResult {
  sentences: ClaimResult[];
  summary: AuditSummary;
}

export interface VerifyOptions {
  /** Publication date of the claim's article: anchors its relative dates ("on Tuesday"). */
  published?: string | null;
  /**
   * Probability (of the decision model, model.ts) at or above which a claim counts as supported. Default: the
   * shipped model's calibrated threshold (DEFAULT_THRESHOLD).
   */
  threshold?: number;
}

/** A claim inside an analysed text (the audited article, or the claim alone). */
export interface ClaimContext {
  text: string;
  start: number;
  end: number;
  analysis: Analysis;
  published: string | null;
}

/** Seam for an optional model-based entailment scorer (an HTTP service): probability that the evidence entails the claim. */
export interface ClaimScorer {
  score(claim: string, evidence: string[]): Promise<number>;
}
