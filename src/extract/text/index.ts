/**
 * Text mode: cleans a whole-page plain-text dump of a news page down to its article.
 *
 * Pipeline (one module per step): lines.ts segments the dump; features.ts classifies each line on
 * its own (prose, short sentence, label, caption, UI, date, byline ...) with stopwords.ts and
 * lexicon.ts; classify.ts makes the position-aware decisions (page head, dense core, tails);
 * metadata.ts reads dates, ages, bylines, outlet and aggregator names; this file assembles the
 * ExtractedArticle, applies hints and detects the language. Every input line that is not kept as
 * title, body or caption is listed in `removed` with its reason.
 */

import { emptyArticle, type ExtractedArticle, type ExtractHints } from '../types.js';
import { classify } from './classify.js';
import { detectLanguage } from './language.js';
import { brandsInUi, outletNamedInPromo, stripEdition } from './metadata.js';
import { isAnyStopword, pickStoplist } from './stopwords.js';

export const TEXT_EXTRACTOR = 'text@1';

/** Removed lines whose text may name the outlet as its subject (its own appeals and pitches). */
const PROMO_REASONS = new Set(['banner', 'promo', 'paywall', 'newsletter', 'sign-in']);

function present(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.includes(y) || y.includes(x);
}

function fill(article: ExtractedArticle, content: string, hints: ExtractHints): void {
  const stoplist = pickStoplist(content);
  const hintTitle = present(hints.title) ? hints.title.trim() : null;
  const c = classify(content, stoplist, hintTitle);
  article.warnings.push(...c.warnings);

  c.lines.forEach((line, i) => {
    const d = c.decisions[i];
    if (!d) return;
    if (d.kind === 'body') article.paragraphs.push(line.text);
    else if (d.kind === 'caption') {
      // Kept verbatim, gallery UI words ("open image in gallery") included: the caption as the copy printed it.
      article.captions.push(line.text);
      article.removed.push({ text: line.text, reason: 'caption' });
    } else if (d.kind === 'removed') article.removed.push({ text: line.text, reason: d.reason });
  });

  if (c.title) {
    article.title = c.title.value;
    article.titleFoundBy = c.title.foundBy;
  }
  if (c.byline) {
    article.byline = c.byline.value;
    article.bylineFoundBy = c.byline.foundBy;
  }
  if (c.published) {
    article.published = c.published.value;
    article.publishedFoundBy = c.published.foundBy;
  } else {
    article.publishedRelative = c.publishedRelative;
  }

  if (c.publisher) {
    article.publisher = stripEdition(c.publisher.value);
    article.publisherFoundBy = c.publisher.foundBy;
  } else {
    const promo = article.removed.filter((r) => PROMO_REASONS.has(r.reason)).map((r) => r.text);
    const named = outletNamedInPromo(promo, isAnyStopword);
    if (named) {
      article.publisher = stripEdition(named);
      article.publisherFoundBy = 'text:promo-self-reference';
    }
  }

  // The aggregator: a brand its own UI text names, other than the outlet.
  const brands = brandsInUi(article.removed.filter((r) => r.reason !== 'caption').map((r) => r.text));
  let via: string | null = null;
  let viaCount = 0;
  for (const [brand, n] of brands) {
    if (article.publisher && sameName(brand, article.publisher)) continue;
    if (n > viaCount) {
      via = brand;
      viaCount = n;
    }
  }
  if (via) {
    article.via = via;
    article.viaFoundBy = 'text:ui';
  }

  // Hints come from structured records (JSON, feeds): they override what the text suggests.
  if (present(hints.byline)) {
    article.byline = hints.byline.trim();
    article.bylineFoundBy = 'hint';
  }
  if (present(hints.publisher)) {
    article.publisher = hints.publisher.trim();
    article.publisherFoundBy = 'hint';
    if (article.via && sameName(article.via, article.publisher)) {
      article.via = null;
      article.viaFoundBy = null;
    }
  }
  if (present(hints.published)) {
    article.published = hints.published.trim();
    article.publishedFoundBy = 'hint';
    article.publishedRelative = null;
  }
  if (present(hints.url)) article.url = hints.url.trim();

  if (present(hints.language)) {
    article.language = hints.language.trim().toLowerCase().split(/[-_]/)[0] ?? null;
    article.languageFoundBy = 'hint';
  } else {
    article.language = detectLanguage(article.paragraphs);
    article.languageFoundBy = article.language ? 'detected:franc' : null;
  }

  if (article.paragraphs.length === 0 && content.trim() !== '') article.warnings.push('no body text found');
}

/**
 * Cleans a plain-text page dump to an article (extractor `text@1`). Never throws: on an internal
 * failure it returns the input's paragraphs as they are, with a warning.
 */
export function cleanText(content: string, hints: ExtractHints = {}): ExtractedArticle {
  const article = emptyArticle(TEXT_EXTRACTOR);
  // Canonical composition (NFC), as the HTML extractor gives: a dump saved in decomposed form then
  // matches the same words typed elsewhere (trafilatura-eval's gold is NFC).
  const text = typeof content === 'string' ? content.normalize('NFC') : '';
  try {
    fill(article, text, hints ?? {});
  } catch (e) {
    const fallback = emptyArticle(TEXT_EXTRACTOR);
    fallback.paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    fallback.warnings.push(`text cleaner failed (${e instanceof Error ? e.message : String(e)}); kept the raw paragraphs`);
    return fallback;
  }
  return article;
}
