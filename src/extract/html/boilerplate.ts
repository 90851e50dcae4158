/**
 * Boilerplate that main-content detection leaves inside the article: share bars, newsletter and
 * subscription prompts, related/recommended/most-read blocks, comment sections, paywall and sign-in
 * prompts, gallery UI, navigation, and byline/date lines. Cues are generic (class/id/role/aria names,
 * element kinds, link density, length), never the wording of one language. Every removal is recorded.
 */
import type { Removed } from '../types.js';
import { all, collapse, cuesOf, linkDensity, tagOf, textOf, type DomElement } from './dom.js';
import { looksLikeDateLine } from './dates.js';
import { blockText } from './paragraphs.js';

interface Rule {
  reason: string;
  cue: RegExp;
}

const B = '(?:^|[\\s_-])';
const E = '(?:$|[\\s_-])';
const cue = (alternatives: string): RegExp => new RegExp(`${B}(?:${alternatives})${E}`, 'i');

/** Ordered: the first rule whose cue matches names the reason. */
const RULES: Rule[] = [
  { reason: 'comments', cue: cue('comments?|comment-?(?:list|section|form|area|s-?wrapper|count|thread)|disqus(?:_thread)?|respond|replies|kommentare?|commentaires?|comentarios?|commenti') },
  { reason: 'share', cue: cue('share|shares|sharing|share-?(?:bar|tools|buttons|links|box|icons)|social-?(?:share|links|media|bar|buttons|icons|tools)|socials?|addthis|shariff|sociable|teilen|partager|compartir|condividi') },
  { reason: 'newsletter', cue: cue('newsletters?|subscribe|subscription|signup|sign-?up|optin|opt-?in|mailing-?list|abonnieren|abonnement|abo-?teaser|inscription') },
  { reason: 'paywall', cue: cue('paywall|pay-?wall|regwall|reg-?wall|piano|tp-?container|premium-?(?:teaser|banner|wall|box)|subscriber-?only|plus-?teaser|login-?wall|sign-?in|signin|log-?in|login|metered') },
  { reason: 'related', cue: cue('related|related-?(?:articles|posts|stories|content|links)|recommend(?:ed|ations?)?|read-?more|more-?(?:stories|articles|news|from)|most-?(?:read|popular|viewed|shared)|popular|trending|also-?read|further-?reading|outbrain|taboola|ob-?widget|teaser-?(?:list|box)|mehr-?zum-?thema|weitere-?artikel|lire-?aussi|a-?lire|leer-?mas|yarpp') },
  { reason: 'gallery', cue: cue('gallery-?(?:nav|navigation|controls?|counter|thumbs|thumbnails)|slideshow-?(?:nav|controls?|counter)|carousel-?(?:nav|controls?|indicators)|slider-?(?:nav|controls?)|lightbox|swiper-?(?:pagination|button-?(?:next|prev))|pswp') },
  { reason: 'navigation', cue: cue('breadcrumbs?|breadcrumb-?list|pagination|pager|nav|navbar|navigation|menu|skip-?link|toolbar|tags|tag-?list|post-?tags|categories|article-?tags') },
  { reason: 'promo', cue: cue('ad|ads|advert|advertisement|ad-?(?:slot|unit|container|wrapper|banner)|sponsored?|promo|promotion|banner|teaser-?ad|anzeige|publicit[ée]|werbung') },
  { reason: 'standfirst', cue: cue('standfirst|dek|strapline|kicker') },
  { reason: 'pullquote', cue: cue('pull-?quote|pullout|pull-?out|quote-?pull') },
  { reason: 'byline-line', cue: cue('byline|by-?line|author|authors|author-?(?:info|name|box|bio)|article-?author|contributor|entry-?author|meta-?author') },
  { reason: 'dateline', cue: cue('dateline|date|time|timestamp|published|pubdate|post-?date|entry-?date|article-?date|updated|meta-?date') },
];

/** Roles that mark non-content regions whatever their class names. */
const ROLE_REASON: Record<string, string> = {
  navigation: 'navigation',
  banner: 'banner',
  contentinfo: 'navigation',
  complementary: 'related',
  search: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  toolbar: 'navigation',
};

/** Element kinds that never hold article text. */
const UI_TAGS = new Set(['button', 'nav', 'form', 'select', 'input', 'textarea', 'dialog', 'menu']);

/**
 * Longest text a cue-named block may have and still be dropped as boilerplate, as a share of the
 * whole article text: a wrapper whose class happens to say "share" must not take the article with it.
 * 0.5 calibrated on trafilatura-eval (lower values kept more related lists; higher lost bodies).
 */
const MAX_SHARE_OF_ARTICLE = 0.5;
/** Byline and date lines are short; longer blocks named "author" are author bios, kept apart below. */
const MAX_META_LINE_CHARS = 200;
/** Standfirsts run to two sentences; example corpus and trafilatura-eval headers stay under this. */
const MAX_STANDFIRST_CHARS = 300;

/**
 * A small boxed aside inside the body ("Need help?", "Info", "Hinweis" boxes): a div/section that
 * opens with its own heading, holds at most two short paragraphs, and stands among the body's
 * paragraphs. Limits calibrated on the example corpus and checked on trafilatura-eval (no loss).
 */
const MAX_BOX_CHARS = 320;
/** Names of boxes (a plain section wrapper with a heading is article text: trafilatura-eval lost two without this). */
const BOX_CUE = /box|callout|panel|info|hint|hinweis|note|tip|service|help|kasten|encadr|service/i;
function isBoxedAside(el: DomElement): boolean {
  const tag = tagOf(el);
  if (tag !== 'div' && tag !== 'section') return false;
  if (!BOX_CUE.test(cuesOf(el))) return false;
  const firstChild = el.children[0];
  if (!firstChild || !/^h[2-6]$/.test(tagOf(firstChild))) return false;
  const text = textOf(el);
  if (text.length > MAX_BOX_CHARS || all(el, 'p').length > 2 || all(el, 'div, section, ul, ol, table').length > 0) return false;
  const parent = el.parentElement;
  if (!parent) return false;
  let siblingParagraphs = 0;
  for (let i = 0; i < parent.children.length; i++) if (tagOf(parent.children[i] as DomElement) === 'p') siblingParagraphs++;
  return siblingParagraphs >= 3;
}

function reasonFor(el: DomElement, articleChars: number): string | null {
  const tag = tagOf(el);
  if (tag === 'html' || tag === 'body' || tag === 'article' || tag === 'main') return null;
  if (UI_TAGS.has(tag)) return tag === 'nav' || tag === 'menu' ? 'navigation' : textOf(el) ? 'ui' : null;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return textOf(el) ? 'hidden' : null;
  if (tag === 'aside') return 'related';
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (ROLE_REASON[role]) return ROLE_REASON[role] ?? null;
  const cues = cuesOf(el);
  if (!cues || !RULES.some((r) => r.cue.test(cues))) return null;
  // Text only for named elements: computing it for every element made cleaning quadratic in depth.
  const text = textOf(el);
  if (text.length > articleChars * MAX_SHARE_OF_ARTICLE) return null;
  for (const rule of RULES) {
    if (!rule.cue.test(cues)) continue;
    // A standfirst/dek or kicker is headline furniture only while short; a long block so named is the intro.
    if (rule.reason === 'standfirst' && text.length > MAX_STANDFIRST_CHARS) continue;
    if (rule.reason === 'byline-line' || rule.reason === 'dateline') {
      // Only short lines: a long block named "author" is an author bio (still boilerplate).
      if (text.length > MAX_META_LINE_CHARS) return /bio|info|box/.test(cues) ? 'author-bio' : null;
      if (all(el, 'p').length > 1) return null;
    }
    return rule.reason;
  }
  return null;
}

/**
 * Lists and blocks made mostly of links (link density above 0.6 with at least three links and
 * little text besides): navigation and "more on this" lists. Thresholds calibrated on trafilatura-eval.
 */
function isLinkList(el: DomElement): boolean {
  const tag = tagOf(el);
  if (tag !== 'ul' && tag !== 'ol' && tag !== 'div' && tag !== 'section' && tag !== 'table') return false;
  const links = all(el, 'a');
  if (links.length < 3) return false;
  // Links to anchors in the page are a table of contents, which belongs to the article.
  if (links.filter((a) => (a.getAttribute('href') ?? '').startsWith('#')).length * 2 > links.length) return false;
  return linkDensity(el) > 0.6;
}

/**
 * Link lines: longest text (a teaser headline with its label), most text outside the links (a label
 * such as "See also:" in any language), and the tags they come in. Tuned on the odd pages of
 * trafilatura-eval, checked on the even ones: with the rule F odd 0.9155 / even 0.9339, without it
 * 0.9132 / 0.9280 (measured with dead-subtree pruning, `footer` kept); 120-250 chars and 15-30 label
 * chars score within one segment of each other.
 */
const MAX_LINK_LINE_CHARS = 160;
const MAX_LINK_LINE_LABEL = 30;
const LINK_LINE_TAGS = ['p', 'h2', 'h3', 'h4', 'h5', 'h6'];
const LINK_LINE_TAG_SET = new Set(LINK_LINE_TAGS);

/**
 * A paragraph or heading that is nothing but a link to another page, perhaps behind a short label
 * ("Read also: <a>headline</a>"): a teaser for another article set inside the body.
 */
function isLinkLine(el: DomElement): boolean {
  if (!LINK_LINE_TAG_SET.has(tagOf(el))) return false;
  const links = all(el, 'a');
  if (links.length === 0 || links.length > 2) return false;
  if (links.some((a) => (a.getAttribute('href') ?? '#').startsWith('#'))) return false;
  const text = textOf(el);
  if (text.length > MAX_LINK_LINE_CHARS) return false;
  const inLinks = links.reduce((n, a) => n + textOf(a).length, 0);
  return inLinks > 0 && text.length - inLinks <= MAX_LINK_LINE_LABEL && inLinks * 2 >= text.length;
}

/**
 * Link lines that together hold more than this share of the text are the article itself (a link
 * blog, a list of sources): none is removed then. 0.25 on trafilatura-eval odd pages (0.15 within one segment).
 */
const MAX_LINK_LINES_SHARE = 0.25;

/**
 * Link lines before the first block of other text are kept: there they are a headline linking to its
 * own page or a link to the original report, not a teaser (postlight content_start lost two such
 * openings; on trafilatura-eval odd pages +1 segment, even unchanged).
 */
function findLinkLines(root: DomElement, articleChars: number): Set<DomElement> {
  const lines: DomElement[] = [];
  let leading = true;
  for (const el of all(root, LINK_LINE_TAGS.join(','))) {
    if (isLinkLine(el)) {
      if (!leading) lines.push(el);
    } else if (textOf(el)) leading = false;
  }
  const chars = lines.reduce((n, el) => n + textOf(el).length, 0);
  return chars > articleChars * MAX_LINK_LINES_SHARE ? new Set() : new Set(lines);
}

/**
 * Readability replaces a `<div>` that holds a single `<p>` by that `<p>`, and a text-only `<div>` by a
 * bare `<p>`, losing the div's class and id. Before it runs, a wrapper's boilerplate cue is copied onto
 * its only child, and the text of a short cue-named text-only block is remembered with its reason,
 * so that removeBoilerplate still sees both afterwards.
 */
export function preserveCues(root: DomElement): Map<string, string> {
  const remembered = new Map<string, string>();
  for (const el of all(root, 'div, section')) {
    const cues = cuesOf(el);
    const rule = cues ? RULES.find((r) => r.cue.test(cues)) : undefined;
    if (!rule) continue;
    if (el.children.length === 0) {
      const text = textOf(el);
      if (text && text.length <= MAX_STANDFIRST_CHARS) remembered.set(text, rule.reason);
      continue;
    }
    if (el.children.length !== 1) continue;
    const child = el.children[0];
    if (!child) continue;
    const own = [el.getAttribute('class'), el.getAttribute('id')].filter(Boolean).join(' ');
    child.setAttribute('class', collapse(`${child.getAttribute('class') ?? ''} ${own}`));
  }
  return remembered;
}

export interface CleanOptions {
  /** The byline found elsewhere on the page: a body line that just restates it is dropped. */
  byline?: string | null;
  /** Texts of cue-named blocks that Readability may have stripped of their names (from preserveCues). */
  remembered?: Map<string, string>;
}

/** Removes boilerplate blocks from `root` in place; returns what went and why. */
export function removeBoilerplate(root: DomElement, options: CleanOptions = {}): Removed[] {
  const removed: Removed[] = [];
  const articleChars = Math.max(1, textOf(root).length);
  const linkLines = findLinkLines(root, articleChars);
  for (const el of all(root, '*')) {
    if (!root.contains(el)) continue;
    const tag = tagOf(el);
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') {
      el.remove();
      continue;
    }
    let reason = reasonFor(el, articleChars);
    if (!reason && options.remembered && (tag === 'p' || tag === 'div') && el.children.length === 0 && !el.getAttribute('class')) {
      reason = options.remembered.get(textOf(el)) ?? null;
    }
    if (!reason && isBoxedAside(el)) reason = 'box';
    if (!reason && isLinkList(el) && textOf(el).length < articleChars * MAX_SHARE_OF_ARTICLE) reason = 'navigation';
    if (!reason && linkLines.has(el)) reason = 'link-line';
    if (!reason) continue;
    const text = blockText(el) || textOf(el);
    if (text) removed.push({ text, reason });
    el.remove();
  }
  removed.push(...removeMetaLines(root, options));
  return removed;
}

/** Byline openers in several languages ("By", "Von", "Par", "Por", "Di", "Door", "Av", "Przez"). */
const BYLINE_OPENER = /^(?:by|von|par|por|di|door|af|av|przez|autor(?:in)?|author|auteur|text|texte)\s*:?\s+\p{Lu}/iu;

/** Short leaf blocks at the start and end of the body that are only a byline or a date. */
function removeMetaLines(root: DomElement, options: CleanOptions): Removed[] {
  const removed: Removed[] = [];
  const blocks = all(root, 'p, div, span, h5, h6, address, time').filter((el) => all(el, 'p, div').length === 0);
  // Three blocks at the top, where CMS templates put their meta lines; at the bottom only a restated
  // byline goes, since closing lines with dates or "Author:" are often the article's own (trafilatura-eval).
  const top = blocks.slice(0, 3);
  const bottom = blocks.slice(-3).filter((el) => !top.includes(el));
  const byline = collapse(options.byline).toLowerCase();
  for (const el of [...top, ...bottom]) {
    const atTop = top.includes(el);
    if (!root.contains(el)) continue;
    const text = textOf(el);
    if (!text || text.length > 120) continue;
    const lower = text.toLowerCase();
    let reason: string | null = null;
    if (byline && lower.includes(byline) && text.length <= byline.length + 40) reason = 'byline-line';
    else if (!atTop) reason = null;
    else if (tagOf(el) === 'address') reason = 'byline-line';
    else if (looksLikeDateLine(text)) reason = 'dateline';
    else if (BYLINE_OPENER.test(text) && text.length <= 80 && !/[.!?]$/.test(text)) reason = 'byline-line';
    if (!reason) continue;
    removed.push({ text, reason });
    el.remove();
  }
  return removed;
}
