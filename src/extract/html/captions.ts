/**
 * Captions: `<figure>` text, `<figcaption>` and elements whose class/id names a caption or a photo
 * credit are taken OUT of the body. A caption and the credit beside it become one string.
 */
import type { Removed } from '../types.js';
import { all, collapse, cuesOf, first, tagOf, textOf, type DomDocument, type DomElement } from './dom.js';
import { blockText } from './paragraphs.js';

/** Class/id names of captions and credits (language-neutral CMS names plus a few local ones). */
const CAPTION_CUE =
  /(^|[\s_-])(caption|captions|figcaption|wp-caption-text|credit|credits|photo-?credit|image-?credit|img-?credit|bildunterschrift|bildtext|bildnachweis|legende|légende|legend|didascalia|pie-?de-?foto|copyright-?image|media-?caption|image-?caption|photo-?caption)([\s_-]|$)/i;

/**
 * A "credit" line that credits the story's writers ("Reporting by …; Editing by …", the wire
 * services' sign-off) is the article's, not a picture's (test/pages/010-byline-at-end).
 */
const STORY_CREDIT = /\b(reporting|reported|editing|edited|writing|written|additional reporting|compiled) by\b/i;

/** A figure with this much text is a layout wrapper, not an illustration; calibrated on trafilatura-eval pages. */
const MAX_CAPTION_CHARS = 600;

/**
 * Text in a figure outside its figcaption beyond this is content (slideshow pages put the story there);
 * calibrated on trafilatura-eval slideshow pages.
 */
const MAX_FIGURE_TEXT = 200;

export interface CaptionResult {
  captions: string[];
  removed: Removed[];
}

function isCaptionLike(el: DomElement): boolean {
  const tag = el.localName.toLowerCase();
  if (tag === 'figcaption') return true;
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  return CAPTION_CUE.test(cuesOf(el)) && !STORY_CREDIT.test(textOf(el));
}

function record(text: string, out: CaptionResult): void {
  const t = collapse(text);
  if (!t) return;
  if (!out.captions.includes(t)) out.captions.push(t);
  out.removed.push({ text: t, reason: 'caption' });
}

/** Removes captions from `root` (in place) and returns them. */
export function extractCaptions(root: DomElement): CaptionResult {
  const out: CaptionResult = { captions: [], removed: [] };
  // Whole figures first: their text is caption + credit.
  for (const figure of all(root, 'figure')) {
    if (!root.contains(figure)) continue; // already gone with an outer figure
    const text = textOf(figure);
    const blocks = all(figure, 'p, li, h2, h3, h4, blockquote').length;
    const outsideCaption = text.length - all(figure, 'figcaption').reduce((n, fc) => n + textOf(fc).length, 0);
    if (text.length > MAX_CAPTION_CHARS || blocks > 2 || outsideCaption > MAX_FIGURE_TEXT) {
      // A content wrapper named "figure": only its captions go.
      for (const fc of all(figure, 'figcaption')) {
        record(blockText(fc), out);
        fc.remove();
      }
      continue;
    }
    record(blockText(figure), out);
    figure.remove();
  }
  // Captions and credits outside figures; a caption followed by its credit is joined.
  for (const el of all(root, '*')) {
    if (!root.contains(el) || !isCaptionLike(el)) continue;
    const text = textOf(el);
    if (text.length > MAX_CAPTION_CHARS) continue;
    let joined = blockText(el);
    const next = el.nextElementSibling;
    if (next && isCaptionLike(next) && textOf(next).length <= MAX_CAPTION_CHARS) {
      joined = collapse(`${blockText(el)} ${blockText(next)}`);
      next.remove();
    }
    record(joined, out);
    el.remove();
  }
  return out;
}

/** Regions of the page whose pictures belong to other articles or to the site. */
const FOREIGN_REGION = /(^|[\s_-])(related|recommend\w*|teaser\w*|sidebar|comments?|more-\w+|most-\w+|popular|trending|footer|nav\w*|widget\w*|promo\w*|ad|ads|advert\w*)([\s_-]|$)/i;

function inForeign(el: DomElement, region: DomElement): boolean {
  for (let cur: DomElement | null = el; cur && cur !== region; cur = cur.parentElement) {
    const tag = cur.localName.toLowerCase();
    if (tag === 'aside' || tag === 'nav' || tag === 'footer') return true;
    if (FOREIGN_REGION.test(cuesOf(cur))) return true;
  }
  return false;
}

/** Paragraphs a region must hold to be the article's (the headline's container, not its header row). */
const MIN_REGION_PARAGRAPHS = 3;
/** Text beside a lone image that is short enough to be its caption (example corpus, trafilatura-eval captions). */
const MAX_SIBLING_CAPTION_CHARS = 300;

/**
 * The article's region in the untouched page: `<article>`, `<main>`, `[role=main]`, articleBody, else
 * the nearest container of the first `<h1>` that also holds the body's paragraphs.
 */
export function articleRegion(doc: DomDocument): DomElement | null {
  const marked = all(doc.body, 'article, main, [role=main], [itemprop=articleBody]').find((el) => all(el, 'p').length >= MIN_REGION_PARAGRAPHS);
  if (marked) return marked;
  const h1 = all(doc.body, 'h1')[0];
  for (let cur = h1?.parentElement ?? null; cur && tagOf(cur) !== 'body'; cur = cur.parentElement) {
    if (all(cur, 'p').length >= MIN_REGION_PARAGRAPHS) return cur;
  }
  return null;
}

function captionAndCredit(el: DomElement): string {
  let joined = blockText(el);
  const next = el.nextElementSibling;
  if (next && isCaptionLike(next) && textOf(next).length <= MAX_CAPTION_CHARS) joined = collapse(`${joined} ${blockText(next)}`);
  return joined;
}

/**
 * Captions of the whole article region, read before Readability runs: what Readability leaves out
 * (the lead figure in the article header, a caption `div` beside an image) is still a caption.
 * Figures, elements named as captions/credits, and the short text standing beside a lone image.
 * Caption and credit come back as one string, in page order; nothing is removed here.
 */
export function collectRegionCaptions(doc: DomDocument): string[] {
  const region = articleRegion(doc);
  if (!region) return [];
  const out: string[] = [];
  const add = (text: string): void => {
    const t = collapse(text);
    if (t && t.length <= MAX_CAPTION_CHARS && !out.some((c) => c.includes(t) || t.includes(c))) out.push(t);
  };
  const taken: DomElement[] = [];
  for (const el of all(region, 'figure, figcaption, img, *[class], *[id]')) {
    const tag = tagOf(el);
    if (tag !== 'figure' && tag !== 'img' && !isCaptionLike(el)) continue;
    if (taken.some((t) => t.contains(el)) || inForeign(el, region)) continue;
    if (tag === 'figure') {
      const fc = first(el, 'figcaption');
      const text = fc ? blockText(fc) : textOf(el).length <= MAX_FIGURE_TEXT ? blockText(el) : '';
      const credits = all(el, '*').filter((c) => !fc?.contains(c) && isCaptionLike(c) && !all(c, 'figcaption').length);
      add(collapse([text, ...credits.map((c) => blockText(c))].join(' ')));
      taken.push(el);
    } else if (tag === 'img') {
      // A lone image whose wrapper holds one short text element besides it: that text is its caption.
      const holder = /^(a|picture)$/.test(tagOf(el.parentElement ?? el)) ? el.parentElement : el;
      const wrapper = holder?.parentElement;
      if (!holder || !wrapper || wrapper === region || wrapper.children.length !== 2) continue;
      const other = wrapper.children[0] === holder ? wrapper.children[1] : wrapper.children[0];
      if (!other || /^(p|h\d|ul|ol|table|a)$/.test(tagOf(other)) || all(other, 'img, a, p').length > 0) continue;
      const text = textOf(other);
      if (text.length < 10 || text.length > MAX_SIBLING_CAPTION_CHARS || textOf(wrapper) !== text) continue;
      add(blockText(other));
      taken.push(wrapper);
    } else if (isCaptionLike(el) && textOf(el).length > 0) {
      add(captionAndCredit(el));
      taken.push(el);
      if (el.nextElementSibling && isCaptionLike(el.nextElementSibling)) taken.push(el.nextElementSibling);
    }
  }
  return out;
}
