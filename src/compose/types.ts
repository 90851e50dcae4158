/**
 * The composite article (see ../shared/DESIGN.md, "The article model": Composite): one merged article per story,
 * every sentence citing the source spans it is drawn from, every sentence passed by the verifier.
 */
import type { Family } from '../families/index.js';
import type { Evidence, Verdict } from '../verify/index.js';
import type { DerivedSignal } from './derived.js';

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
  /**
   * Photo captions, verbatim (`roundup extract`'s `captions`). Never a body sentence; only evidence of who holds
   * which role ("People in this story").
   */
  captions?: string[];
  /**
   * What cleaning removed (`roundup extract`'s `removed`): where a derived source's own note (an AI disclosure, a
   * list of the sources it was compiled from) usually ends up.
   */
  removed?: { text: string; reason?: string }[];
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
  /**
   * The story's title (../stories: the headline of its most central article, else the opening words of its text):
   * when given, the composite's headline, so that one story has one headline everywhere and whatever the length.
   */
  headline?: string | null;
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
  /** Set when the span is in the article's caption of this index (`captions[caption].slice(start, end)`), not its text. */
  caption?: number;
}

/** One entry of "People in this story": a name bound to a role by the sources. */
export interface PersonEntry {
  /** Full name as the sources attest it. */
  name: string;
  /** Role title as written ("German chancellor"). */
  role: string;
  /** The entry as published and verified: "Friedrich Merz, German chancellor". */
  text: string;
  /** The spans that bind the name to the role (caption spans carry `caption`). */
  citations: Citation[];
  families: number;
  /** Only captions bind this name to the role (the body text never does). */
  fromCaptions: boolean;
  verdict: Verdict;
  score: number;
}

/** `model`: the model writer's wording, kept because the verifier supports it against the fact's sources. */
export type RewriteKind = 'pronoun' | 'anaphor' | 'speaker' | 'honorific' | 'spelling' | 'connective' | 'dateline' | 'model';

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
  /**
   * Set on a derived source (an AI-written composite, a write-up of other outlets' reports): what shows it is one.
   * A derived source is never counted as independent, and while the story has a first-hand source nothing only the
   * derived one says is used (body, people, quotes, disagreements): it is then among the sources not used. Renderers
   * list derived sources under their own heading.
   */
  derived?: DerivedSignal[];
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
  /** Which writer gave the wording (absent in composites made before there was a choice: extractive). */
  writer?: WriterProvenance;
}

/** What the model writer did, sentence by sentence (`--writer llm`). */
export interface WriterProvenance {
  kind: 'extractive' | 'llm';
  model?: string;
  /** The endpoint, without credentials. */
  url?: string;
  /** Facts whose model wording was published. */
  kept?: number;
  /** Facts whose model wording failed the gate (or never came): the extractive sentence stands in its place. */
  fallbacks?: { fact: string; extractive: string; model: string | null; reason: string }[];
  /** Why the whole model pass was given up, when it was (HTTP error, timeout, unreadable answer). */
  warnings?: string[];
}

export interface Composite {
  /** Stable id: a hash of the input article ids. */
  id: string;
  /**
   * `overview`: a storyline's overview (the latest state first, then each development in order under its date),
   * written before the stories' own articles; absent for a story's article.
   */
  kind?: 'overview';
  /**
   * `story-title`: the story's own title, given by the caller (`ComposeInput.headline`) so that the composite, the
   * story listings, search and feeds show one headline; `source-headline`: a source's headline (the given title when
   * it is one); `lede-sentence`: the opening sentence, when no source has a headline and none was given.
   */
  headline: { text: string; articleId: string | null; citation: Citation | null; from: 'source-headline' | 'lede-sentence' | 'story-title' };
  lede: CompositeSentence[];
  sections: Section[];
  quotes: KeyQuote[];
  /** Who is who (name–role bindings in the sources' text and captions). Absent in composites made before it existed. */
  people?: PersonEntry[];
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
