/**
 * Fallbacks for when Readability throws or finds nothing: first the container that holds the
 * densest run of text blocks (long text, few links), then, failing that, the visible body text.
 */
import { all, collapse, first, isElement, linkDensity, tagOf, TEXT_NODE, textOf, type DomDocument, type DomElement } from './dom.js';

const NON_CONTENT = 'script, style, noscript, template, svg, nav, header, footer, aside, form, button, select, iframe, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]';

/** A text block shorter than this is not counted (calibrated on trafilatura-eval's old table-layout pages). */
const MIN_BLOCK_CHARS = 25;
/** Blocks whose text is mostly links are menus, not prose. */
const MAX_BLOCK_LINK_DENSITY = 0.33;
/** The densest container must hold at least this much text to be believed. */
export const MIN_FALLBACK_CHARS = 140;

/** Removes regions that never hold the article, unless broken markup put the article inside one. */
function stripNonContent(root: DomElement): void {
  for (const el of all(root, NON_CONTENT)) {
    if (first(el, 'article, main, [itemprop=articleBody]')) continue;
    el.remove();
  }
}

function ownText(el: DomElement): string {
  let t = '';
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (!k) continue;
    if (k.nodeType === TEXT_NODE) t += k.textContent ?? '';
    else if (isElement(k) && /^(a|b|strong|i|em|span|font|u|small|sup|sub|abbr|cite|q|mark|code|br)$/.test(tagOf(k))) t += k.textContent ?? '';
  }
  return collapse(t);
}

/**
 * The element whose text blocks score highest: each block adds its length times (1 - link density)
 * to its parent and half that to its grandparent, so a container of many prose paragraphs wins
 * over a single long caption or a menu.
 */
export function densestContainer(doc: DomDocument): DomElement | null {
  const body = doc.body;
  stripNonContent(body);
  const scores = new Map<DomElement, number>();
  for (const el of all(body, 'p, pre, blockquote, li, td, div, dd, font, span')) {
    const text = ownText(el);
    if (text.length < MIN_BLOCK_CHARS) continue;
    const ld = linkDensity(el);
    if (ld > MAX_BLOCK_LINK_DENSITY) continue;
    const score = text.length * (1 - ld);
    const parent = el.parentElement;
    const target = parent && /^(p|li|font|span)$/.test(tagOf(el)) ? parent : el;
    scores.set(target, (scores.get(target) ?? 0) + score);
    const grand = target.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best || textOf(best).length < MIN_FALLBACK_CHARS) return null;
  return best;
}

/** The body with everything that is never content taken out (the last resort). */
export function visibleBody(doc: DomDocument): DomElement {
  const body = doc.body;
  stripNonContent(body);
  return body;
}

/**
 * Class names CMS templates give the element that holds the article body (WordPress, Drupal, TYPO3,
 * news CMSs); the same family trafilatura's body expressions look for.
 */
const BODY_CUE =
  /(^|[\s_-])(post-?content|entry-?content|article-?content|article__content|article-?body|article__body|articlebody|article-?text|post-?text|post-?body|postbody|entry-?body|story-?body|story-?content|storycontent|field-?body|content-?body|content__body|single-?content|blog-?content|post-?entry|main-?content|page-?content|text-?content|article-?inner|rich-?text|body-?text|fulltext|news-?text)($|[\s_-])/i;
/** A body container with less text than this is a teaser card, not the article (trafilatura-eval). */
const MIN_BODY_CONTAINER_CHARS = 200;

/**
 * The element the page itself names as the article body (`itemprop=articleBody` or a CMS body class),
 * copied before Readability mutates the document; null when the page names none.
 */
export function namedBodyContainer(doc: DomDocument): DomElement | null {
  for (const el of all(doc.body, '[itemprop=articleBody], article, main, div, section')) {
    const named = el.getAttribute('itemprop') === 'articleBody' || BODY_CUE.test(el.getAttribute('class') ?? '');
    if (!named || textOf(el).length < MIN_BODY_CONTAINER_CHARS) continue;
    return el.cloneNode(true) as DomElement;
  }
  return null;
}
