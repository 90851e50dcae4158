/**
 * Main content with Mozilla Readability (v0.6) on a linkedom document. Readability mutates the
 * document it is given, may throw on some old table-layout pages, and may find nothing: all three
 * are reported, never thrown.
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from './dom.js';

export interface ReadabilityOutcome {
  /** The content element (Readability's own wrapper div), or null when nothing was found. */
  content: DomElement | null;
  title: string | null;
  byline: string | null;
  /**
   * Whether `byline` is an element Readability took from the page (true) rather than its metadata
   * (JSON-LD, meta tags; false); null when the installed Readability does not say.
   */
  bylineFromPage: boolean | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  /** Why no content came back: `threw: <message>` or `null result`. */
  failure: string | null;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/**
 * Readability refuses documents above this many elements (its `maxElemsToParse`); 0 = no limit.
 * Left unlimited: the biggest trafilatura-eval page (1.6 MB) runs in well under a second.
 */
const MAX_ELEMS = 0;

/** Runs Readability on `doc` (which it consumes: pass a document you no longer need). */
export function runReadability(doc: DomDocument): ReadabilityOutcome {
  const none = { content: null, title: null, byline: null, bylineFromPage: null, siteName: null, lang: null, publishedTime: null };
  try {
    const reader = new Readability<DomElement>(doc as unknown as ReadabilityDocument, {
      keepClasses: true, // our caption and boilerplate steps read class names after Readability
      maxElemsToParse: MAX_ELEMS,
      serializer: (node) => node as unknown as DomElement,
    });
    const result = reader.parse();
    if (!result || !result.content) return { ...none, failure: 'null result' };
    // v0.6 keeps the page's byline element's text apart from the metadata's (which wins when both exist).
    const fromPage = (reader as unknown as { _articleByline?: unknown })._articleByline;
    const byline = result.byline || null;
    return {
      content: result.content,
      title: result.title || null,
      byline,
      bylineFromPage: fromPage === undefined ? null : typeof fromPage === 'string' && fromPage !== '' && byline === fromPage,
      siteName: result.siteName || null,
      lang: result.lang || null,
      publishedTime: result.publishedTime || null,
      failure: null,
    };
  } catch (e) {
    return { ...none, failure: `threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}
