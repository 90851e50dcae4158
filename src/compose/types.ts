/**
 * The composite article (see ../shared/DESIGN.md, "The article model": Composite): one merged article per story,
 * every sentence citing the source spans it is drawn from, every sentence passed by the verifier.
 */
import type { Family } from '../families/index.js';
import type { Evidence, Verdict } from '../verify/index.js';

/** One source article of the story (the `roundup extract --json` fields the composer needs). */
export interface ComposeArticle {
  id: string;
  /** Body paragraphs joined by blank lines (captions never included). */
  text: string;
  title: string | null;
  publisher: string | null;
  /** Aggregator that carried the copy. */
  via: string | null;
  url: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  byline: string | null;
}

export interface StorylineInput {
  stories: { id: string; title: string | null; published: string | null }[];
}

export interface ComposeInput {
  articles: ComposeArticle[];
  /** Syndication families over `articles` (computed with ../families when absent). */
  families?: Family[];
  /** The storyline this story belongs to: gives the Timeline. */
  storyline?: StorylineInput | null;
  /** Id of this story inside `storyline` (marks the current entry of the timeline). */
  storyId?: string | null;
}

export interface ComposeOptions {
  /** Target length of the body (lede + sections), in words. Default 600. */
  words?: number;
}

/** A span of a source article's `text`: `text.slice(start, end)`. */
export interface Citation {
  articleId: string;
  start: number;
  end: number;
  /** The cited passage (`text.slice(start, end)`), so renderers need not the sources. */
  text: string;
}

export type RewriteKind = 'pronoun' | 'speaker' | 'honorific' | 'connective' | 'dateline';

/** One deterministic edit of the source sentence, in the order applied. */
export interface Rewrite {
  kind: RewriteKind;
  from: string;
  to: string;
}

export interface CompositeSentence {
  text: string;
  /** The source spans behind the sentence: the chosen wording first, then one span per other independent family. */
  citations: Citation[];
  /** Independent families (not articles, not domains) that carry the fact. */
  families: number;
  rewrites: Rewrite[];
  /** The verifier's verdict on `text` (always `supported` for a published sentence). */
  verdict: Verdict;
  score: number;
  evidence: Evidence[];
}

export interface Section {
  /** Null for the lede. */
  heading: string | null;
  /** Paragraphs of sentences (a paragraph groups consecutive sentences from one source passage). */
  paragraphs: CompositeSentence[][];
}

export interface KeyQuote {
  /** Verbatim quote text (inside the marks). */
  text: string;
  speaker: string;
  citation: Citation;
  /** Families in which the quote appears verbatim. */
  families: number;
}

export interface DisagreementValue {
  /** The value as written ("1,400", "Friedrich Merz", "19 August"). */
  value: string;
  /** The sentence that states it, verbatim from the first source. */
  sentence: string;
  citations: Citation[];
  /** Publishers (or article ids) of the sources that give this value. */
  sources: string[];
  families: number;
}

export interface Disagreement {
  kind: 'number' | 'person-in-role' | 'date';
  /** What the slot is ("people evacuated", "German chancellor"). */
  about: string;
  values: DisagreementValue[];
}

export interface TimelineEntry {
  storyId: string;
  title: string | null;
  published: string | null;
  current: boolean;
}

export interface SourceUsed {
  articleId: string;
  publisher: string | null;
  title: string | null;
  url: string | null;
  via: string | null;
  familyId: string;
  published: string | null;
  /** Citations pointing into this article. */
  cited: number;
}

export interface SourceNotUsed extends Omit<SourceUsed, 'cited'> {
  reason: string;
}

export interface RejectedSentence {
  text: string;
  verdict: Verdict | 'unresolved';
  note: string;
  missing: string[];
  citations: Citation[];
  rewrites: Rewrite[];
}

export interface Provenance {
  version: string;
  /** Every input with a SHA-256 of its text. */
  inputs: { articleId: string; sha256: string; chars: number; familyId: string }[];
  families: { id: string; canonical: string; members: string[] }[];
  options: { words: number };
  /** Verdicts of every published sentence, in reading order. */
  verdicts: { text: string; verdict: Verdict; score: number; evidence: Evidence[] }[];
  /** Sentences the composer chose but did not publish (the verifier gate, or an unresolvable pronoun). */
  rejected: RejectedSentence[];
  /** Candidates considered, facts formed, facts selected. */
  counts: { sentences: number; facts: number; selected: number; published: number };
}

export interface Composite {
  /** Stable id: a hash of the input article ids. */
  id: string;
  headline: { text: string; articleId: string | null; citation: Citation | null; from: 'source-headline' | 'lede-sentence' };
  lede: CompositeSentence[];
  sections: Section[];
  quotes: KeyQuote[];
  disagreements: Disagreement[];
  timeline: TimelineEntry[];
  sourcesUsed: SourceUsed[];
  sourcesNotUsed: SourceNotUsed[];
  disclosure: string;
  /** Earliest and latest publication dates of the sources. */
  published: { first: string | null; last: string | null };
  words: number;
  provenance: Provenance;
}

export const DISCLOSURE = 'This article was assembled automatically by Roundup from the sources listed; every sentence links to the passages it is drawn from.';
