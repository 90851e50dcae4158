/**
 * Dead subtrees out before main-content detection. Every element removed here is one that never
 * reaches our body text anyway: Readability drops hidden nodes in its first pass and `aside`,
 * form controls, `iframe`/`object`/`embed` from its result, and our own cleaning drops
 * `nav`/`menu`/`dialog` wherever they stand. Taking them out first means Readability scores,
 * serializes and (on its retries) re-parses a smaller body, and the steps after it walk less.
 *
 * Runs after metadata, captions and lede are read (a hidden `itemprop=datePublished` still counts
 * there) and before the named body container is copied. One walk over the elements, no selectors.
 */
import { Readability } from '@mozilla/readability';
import { collapse, tagOf, type DomElement } from './dom.js';
import type { Removed } from '../types.js';
import { toParagraphs } from './paragraphs.js';

/**
 * Element kinds that hold no article text (see above for who drops each one later anyway).
 * `footer` is left in: pruning it too scored F 0.927 vs 0.925 on trafilatura-eval, but lost
 * Readability bylines and authors that articles print in their own `<footer>` (bench/metadata-score).
 */
const DEAD = new Set(['nav', 'menu', 'aside', 'dialog', 'select', 'button', 'input', 'textarea', 'iframe', 'object', 'embed', 'frameset']);

const KIND: Record<string, string> = { nav: 'navigation', menu: 'navigation', aside: 'aside', dialog: 'dialog', select: 'form', button: 'form', input: 'form', textarea: 'form', iframe: 'embed', object: 'embed', embed: 'embed', frameset: 'embed' };

/** `pruned:<kind>`: hidden, or the element kind (`navigation`, `aside`, `dialog`, `form`, `embed`). */
function pruneReason(el: DomElement): string {
  return `pruned:${isHidden(el) ? 'hidden' : (KIND[tagOf(el)] ?? tagOf(el))}`;
}

/** Landmarks that hold the article: broken markup sometimes puts them inside a footer or aside. */
function isLandmark(el: DomElement): boolean {
  const tag = tagOf(el);
  return tag === 'article' || tag === 'main' || el.getAttribute('itemprop') === 'articleBody' || el.getAttribute('role') === 'main';
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** Hidden the way Readability's `_isProbablyVisible` reads it (inline style, `hidden`, `aria-hidden`). */
export function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image')) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  // Readability also drops modal dialogs whatever their class names.
  return el.getAttribute('aria-modal') === 'true' && el.getAttribute('role') === 'dialog';
}

/** Is there a landmark in `el`'s subtree? A plain walk: a selector query compiles on every call. */
function holdsArticle(el: DomElement): boolean {
  const stack: DomElement[] = [el];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (!cur) continue;
    if (isLandmark(cur)) return true;
    const kids = cur.children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return false;
}

/**
 * Readability's own byline test (v0.6 `_isValidByline` and the walk around it in `_grabArticle`),
 * read from its prototype so that it follows the installed version; null (no rescue) if it moved.
 */
interface ReadabilityRules {
  REGEXPS: { byline: RegExp; unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp };
  UNLIKELY_ROLES: string[];
}
const RULES: ReadabilityRules | null = (() => {
  const p = Readability.prototype as unknown as Partial<ReadabilityRules>;
  const r = p.REGEXPS;
  return r?.byline && r.unlikelyCandidates && r.okMaybeItsACandidate && Array.isArray(p.UNLIKELY_ROLES) ? (p as ReadabilityRules) : null;
})();

/** Readability tests `className + " " + id`; no pattern holds a space, so each is tested alone (no string built). */
const matches = (re: RegExp, el: DomElement): boolean => {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  return (cls !== null && re.test(cls)) || (id !== null && re.test(id));
};

function isReadabilityByline(el: DomElement, rules: ReadabilityRules): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (!(el.getAttribute('rel') === 'author' || (itemprop && itemprop.includes('author')) || matches(rules.REGEXPS.byline, el))) return false;
  const length = (el.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

/** Readability's first pass drops these subtrees (unlikely class names and roles) before it sees their bylines. */
function isUnlikely(el: DomElement, rules: ReadabilityRules): boolean {
  const tag = tagOf(el);
  if (tag === 'body' || tag === 'a') return false;
  const role = el.getAttribute('role');
  if (role && rules.UNLIKELY_ROLES.includes(role)) return true;
  if (!matches(rules.REGEXPS.unlikelyCandidates, el) || matches(rules.REGEXPS.okMaybeItsACandidate, el)) return false;
  // Readability spares them within three levels below a table or code element.
  let p = el.parentElement;
  for (let depth = 0; p && depth <= 3; depth++, p = p.parentElement) {
    const t = tagOf(p);
    if (t === 'table' || t === 'code') return false;
  }
  return true;
}

interface Visit {
  el: DomElement;
  /** The doomed subtree this element sits in, if any. */
  doomed: DomElement | null;
  /** Readability's first byline walk reaches this element (no hidden or unlikely ancestor). */
  strict: boolean;
  /** Its later walks (after a first pass found too little text, unlikely names kept) reach it. */
  loose: boolean;
}

interface Found {
  el: DomElement;
  /** The doomed subtree it sits in. */
  doomedIn: DomElement | null;
}

/** The byline element Readability will take, and its text. */
export interface ReadabilityByline {
  /** What Readability reports: the text content of the element (or of its `itemprop=name` part). */
  text: string;
  /** The byline as we read it: blocks kept apart (`stripInert` drops the line breaks between them). */
  spaced: string;
  /** Found by Readability's first pass (else only by its later ones, which run when that finds too little). */
  firstPass: boolean;
}

/** Elements below `el` in document order. */
function* descendants(el: DomElement): Generator<DomElement> {
  const stack: DomElement[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i] as DomElement);
  while (stack.length > 0) {
    const cur = stack.pop() as DomElement;
    yield cur;
    for (let i = cur.children.length - 1; i >= 0; i--) stack.push(cur.children[i] as DomElement);
  }
}

/**
 * The byline text of Readability's element. It reports the first `itemprop=name` part, else the
 * whole text. When that text spans several blocks ("Name" over "Job title"), the unstripped page
 * made Readability skip the element (its indentation took it past 100 characters) and take the first
 * byline-like element inside it; that inner byline is used then, else the blocks with spaces between.
 */
function bylineOf(el: DomElement, rules: ReadabilityRules): ReadabilityByline {
  let named: DomElement = el;
  for (const d of descendants(el)) {
    if ((d.getAttribute('itemprop') ?? '').includes('name')) {
      named = d;
      break;
    }
  }
  const text = (named.textContent ?? '').trim();
  const blocks = toParagraphs(named);
  if (blocks.length > 1) {
    for (const d of descendants(named)) if (isReadabilityByline(d, rules)) return { text, spaced: bylineOf(d, rules).spaced, firstPass: true };
  }
  return { text, spaced: blocks.join(' ') || text, firstPass: true };
}

export interface Pruned {
  removed: number;
  /** What was cut, with why (subtrees with text only), for the article's `removed`. */
  dropped: Removed[];
  /** The byline Readability will find (kept for it even inside a dead subtree); null when none. */
  byline: ReadabilityByline | null;
}

/**
 * Removes dead subtrees below `root` in place.
 *
 * Readability takes the first element in document order that looks like a byline (rel/itemprop
 * author, a byline-like class) wherever it stands, in a `<nav>` or `<aside>` too, and removes it from
 * the content. Pruning first would make it take a later one (a date, a teaser's author) or none: on
 * readability-pages that lost 5 of 130 bylines. So the same walk finds the element Readability would
 * take on the unpruned page, and when it sits in a dead subtree it is moved to where that subtree stood
 * and the rest goes: Readability then finds exactly the byline it found before.
 */
export function pruneDead(root: DomElement): Pruned {
  const doomed: DomElement[] = [];
  let strict: Found | null = null;
  let loose: Found | null = null;
  const stack: Visit[] = [];
  const pushKids = (el: DomElement, visit: Omit<Visit, 'el'>): void => {
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push({ el: k, ...visit });
    }
  };
  pushKids(root, { doomed: null, strict: RULES !== null, loose: RULES !== null });
  while (stack.length > 0) {
    const visit = stack.pop();
    if (!visit) continue;
    const el = visit.el;
    let doomedIn = visit.doomed;
    // Once the first pass has its byline, the later passes never run their byline search.
    let searchStrict = visit.strict && !strict;
    let searchLoose = visit.loose && !strict && !loose;
    if (doomedIn && !searchStrict && !searchLoose) continue; // nothing left to look for in a dead subtree
    const hidden = isHidden(el);
    if (RULES && (searchStrict || searchLoose)) {
      if (hidden) searchStrict = searchLoose = false;
      else if (isReadabilityByline(el, RULES)) {
        if (searchStrict) strict = { el, doomedIn };
        else loose = { el, doomedIn };
        searchStrict = searchLoose = false;
      } else if (searchStrict && isUnlikely(el, RULES)) searchStrict = false;
    }
    if (!doomedIn && (DEAD.has(tagOf(el)) || hidden) && !holdsArticle(el)) {
      doomed.push(el);
      doomedIn = el;
    }
    searchStrict &&= !strict;
    searchLoose &&= !strict && !loose;
    if (!doomedIn || searchStrict || searchLoose) pushKids(el, { doomed: doomedIn, strict: searchStrict, loose: searchLoose });
  }
  const found = strict ?? loose;
  const byline = found?.el ?? null;
  if (found?.doomedIn) found.doomedIn.parentElement?.insertBefore(found.el, found.doomedIn);
  let removed = 0;
  const dropped: Removed[] = [];
  for (const el of doomed) {
    if (byline && byline.contains(el)) continue; // its text is the byline (a button in a byline form)
    // Its blocks apart ("News World", not "NewsWorld"); a hidden subtree's text as it stands.
    const text = toParagraphs(el).join(' ') || collapse(el.textContent);
    if (text) dropped.push({ text, reason: pruneReason(el) });
    el.remove();
    removed++;
  }
  return { removed, dropped, byline: byline && RULES ? { ...bylineOf(byline, RULES), firstPass: found === strict } : null };
}

/**
 * The byline to take from Readability's outcome. Readability ran on the pruned page, where a byline
 * container can pass its 100-character test only because a dead part of it is gone: when the byline
 * is one it took from the page (not from its metadata), the element `pruneDead` found on the
 * unpruned page is taken instead. One that only a later pass finds counts only when Readability did
 * report a page byline (else its first pass found the article and never ran the others).
 * `fromPage` null (an unknown Readability version): only the spacing of the same element is fixed.
 */
export function readabilityByline(byline: string | null, fromPage: boolean | null, found: ReadabilityByline | null, searched = RULES !== null): string | null {
  if (fromPage === null || !searched) return byline && found && collapse(byline) === collapse(found.text) ? found.spaced : byline;
  if (byline && !fromPage) return byline;
  if (!found) return null;
  return found.firstPass || fromPage ? found.spaced : null;
}
