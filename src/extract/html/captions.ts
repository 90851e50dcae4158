/**
 * Captions: `<figure>` text, `<figcaption>` and elements whose class/id names a caption or a photo
 * credit are taken OUT of the body. A caption and the credit beside it become one string.
 */
import type { Removed } from '../types.js';
import { all, collapse, cuesOf, textOf, type DomElement } from './dom.js';
import { blockText } from './paragraphs.js';

/** Class/id names of captions and credits (language-neutral CMS names plus a few local ones). */
const CAPTION_CUE =
  /(^|[\s_-])(caption|captions|figcaption|wp-caption-text|credit|credits|photo-?credit|image-?credit|img-?credit|bildunterschrift|bildtext|bildnachweis|legende|légende|legend|didascalia|pie-?de-?foto|copyright-?image|media-?caption|image-?caption|photo-?caption)([\s_-]|$)/i;

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
  return CAPTION_CUE.test(cuesOf(el));
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
