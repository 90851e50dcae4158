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
