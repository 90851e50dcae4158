/**
 * The article model shared by every stage after ingest (see ../shared/DESIGN.md, "The article model").
 * Extraction turns one decoded document into one ExtractedArticle; nothing here touches storage.
 */

/** A piece of the input that cleaning took out of the article, with the reason it was taken out. */
export interface Removed {
  text: string;
  /**
   * Short machine-readable reason, `kind` or `kind:detail`, e.g. `banner`, `promo`, `paywall`,
   * `sign-in`, `comments`, `related`, `repeated-headline`, `navigation`, `share`, `newsletter`,
   * `byline-line`, `dateline`, `publisher-line`, `caption` (captions are also listed in `captions`).
   */
  reason: string;
}

/** Where a metadata value was found, e.g. `json-ld`, `meta:og:site_name`, `time[datetime]`, `text:dateline`, `hint`. */
export type FoundBy = string;

export interface LeadImage {
  url: string;
  caption: string | null;
}

export interface ExtractedArticle {
  /** Headline as the copy states it; null when the copy does not state one. */
  title: string | null;
  titleFoundBy: FoundBy | null;
  /** People who wrote it ("Tom Watling and Archie Mitchell"), never "By", dates or job titles. */
  byline: string | null;
  bylineFoundBy: FoundBy | null;
  /** The outlet that wrote the article ("The Independent"). */
  publisher: string | null;
  publisherFoundBy: FoundBy | null;
  /** The aggregator that carried the copy ("inkl", "Daily8"), when the copy came through one. */
  via: string | null;
  viaFoundBy: FoundBy | null;
  /** Publication date or date-time, ISO 8601 (`2025-08-19` or `2025-08-19T10:00:00Z`). */
  published: string | null;
  publishedFoundBy: FoundBy | null;
  /** A relative age stated by the copy ("8 hours ago") when no absolute date was found. */
  publishedRelative: string | null;
  /** BCP 47 primary language subtag ("en", "de"), from markup or detected from the text. */
  language: string | null;
  languageFoundBy: FoundBy | null;
  /** Page URL the document came from (or was declared to come from). */
  url: string | null;
  /** Canonical URL the page declares (`<link rel=canonical>`, `og:url`, JSON-LD). */
  canonicalUrl: string | null;
  leadImage: LeadImage | null;
  /** Body paragraphs in reading order, plain text, whitespace collapsed. */
  paragraphs: string[];
  /** Photo captions (with credits), kept apart from the body. */
  captions: string[];
  /** Everything cleaning removed, with the reason. */
  removed: Removed[];
  /** Problems that did not stop extraction (truncated markup, undecodable bytes, no body found...). */
  warnings: string[];
  /** Which extractor produced it and its version, e.g. `html@1`, `text@1`. */
  extractor: string;
}

/** Hints that come from outside the document itself (a JSON record, a feed entry, the fetch). */
export interface ExtractHints {
  url?: string | null;
  title?: string | null;
  byline?: string | null;
  publisher?: string | null;
  published?: string | null;
  language?: string | null;
}

export type DocumentKind = 'html' | 'text';

export interface ExtractInput {
  /** The decoded document. */
  content: string;
  kind: DocumentKind;
  hints?: ExtractHints;
}

/** Where each metadata value was found, keyed by field (for provenance in JSON and in the store). */
export function foundByOf(a: ExtractedArticle): Record<'title' | 'byline' | 'publisher' | 'via' | 'published' | 'language', FoundBy | null> {
  return {
    title: a.titleFoundBy,
    byline: a.bylineFoundBy,
    publisher: a.publisherFoundBy,
    via: a.viaFoundBy,
    published: a.publishedFoundBy,
    language: a.languageFoundBy,
  };
}

/** Joins body paragraphs the way the CLI contract defines `text`: blank line between paragraphs. */
export function articleText(article: Pick<ExtractedArticle, 'paragraphs'>): string {
  return article.paragraphs.join('\n\n');
}

export function emptyArticle(extractor: string): ExtractedArticle {
  return {
    title: null,
    titleFoundBy: null,
    byline: null,
    bylineFoundBy: null,
    publisher: null,
    publisherFoundBy: null,
    via: null,
    viaFoundBy: null,
    published: null,
    publishedFoundBy: null,
    publishedRelative: null,
    language: null,
    languageFoundBy: null,
    url: null,
    canonicalUrl: null,
    leadImage: null,
    paragraphs: [],
    captions: [],
    removed: [],
    warnings: [],
    extractor,
  };
}
