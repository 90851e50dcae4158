/**
 * The lede (teaser, intro paragraph) that many CMS templates print between the headline and the
 * body, in a container of its own that Readability often leaves out. The page's own summary
 * (`<meta name=description>`, `og:description`, `twitter:description`) tells which element it is:
 * the first visible block in the page that says the same thing. Found on the untouched document,
 * before Readability mutates it; one walk over the text nodes, stopped at the first match.
 *
 * A standfirst (British) or dek (American) is headline furniture, not the article's first paragraph:
 * blocks whose class names say so, or that read like a headline (no closing punctuation), are left out.
 */
import { collapse, cuesOf, isElement, metaContent, tagOf, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.js';

const DESCRIPTION_KEYS = ['description', 'og:description', 'twitter:description', 'dc.description'];

/** Descriptions shorter than this are site slogans or keyword lists more often than ledes (trafilatura-eval). */
const MIN_DESCRIPTION_CHARS = 30;
/** Characters of the description looked for in one text node (a lede's opening is rarely split by markup). */
const PROBE_CHARS = 24;

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'select', 'button', 'textarea', 'iframe']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'dd', 'blockquote', 'body', 'main', 'summary']);

/** Regions whose text is never this article's lede: navigation, site header, teaser lists, footers. */
const FOREIGN = /(^|[\s_-])(nav\w*|menu|footer|sidebar|aside|related|recommend\w*|teaser-?list|more-\w+|most-\w+|popular|widget\w*|masthead|site-?(?:header|desc\w*|title|tagline)|header-?desc\w*|tagline|brand\w*|logo|cookie\w*|consent|share\w*|social\w*|comments?|breadcrumbs?)([\s_-]|$)/i;
/** Class names of a standfirst/dek (kept out of the body as headline furniture). */
const STANDFIRST = /(^|[\s_-])(standfirst|dek|subtitle|sub-?headline|subhead|strapline|kicker|deck)([\s_-]|$)/i;

function blockOf(node: DomNode): DomElement | null {
  for (let cur = node.parentElement; cur; cur = cur.parentElement) if (BLOCKS.has(tagOf(cur))) return cur;
  return null;
}

function acceptable(block: DomElement): boolean {
  if (STANDFIRST.test(cuesOf(block))) return false;
  for (let cur: DomElement | null = block; cur; cur = cur.parentElement) {
    const tag = tagOf(cur);
    if (tag === 'a' || tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'form') return false;
    if (tag === 'body') break;
    if (cur.getAttribute('aria-hidden') === 'true' || cur.hasAttribute('hidden')) return false;
    const role = cur.getAttribute('role');
    if (role === 'banner' || role === 'navigation' || role === 'contentinfo') return false;
    if (FOREIGN.test(cuesOf(cur))) return false;
  }
  return true;
}

/** The description with a closing ellipsis or "[…]" taken off. */
function coreOf(description: string): string {
  return collapse(description.replace(/\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*$/u, ''));
}

/** Does the block say what the description says (one holds most of the other)? */
function sameText(block: string, core: string): boolean {
  if (block.length < MIN_DESCRIPTION_CHARS) return false;
  // A block much longer than the summary is the body (or a whole page) that merely starts like it.
  if (block.length > Math.max(core.length * 2, core.length + 400)) return false;
  if (block.includes(core)) return true;
  const head = core.slice(0, Math.floor(core.length * 0.8));
  return block.includes(head) || (core.includes(block) && block.length >= core.length * 0.6);
}

/** Text ending like a sentence (a lede), not like a headline (a standfirst/dek). */
const SENTENCE_END = /[.!?…:;"'“”»«)\]]$/u;

/**
 * The lede block's text, or null when the page has no usable summary or no element that shows it.
 * Must be called before Readability runs (it reads the document as served).
 */
export function findLede(doc: DomDocument): string | null {
  const description = metaContent(doc, DESCRIPTION_KEYS)?.value ?? '';
  const core = coreOf(description);
  if (core.length < MIN_DESCRIPTION_CHARS) return null;
  const probe = core.slice(0, PROBE_CHARS);
  const stack: DomNode[] = [doc.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      if (text.length < 4 || !collapse(text).includes(probe)) continue;
      const block = blockOf(node);
      if (!block || !acceptable(block)) continue;
      const blockText = collapse(block.textContent);
      if (!sameText(blockText, core) || !SENTENCE_END.test(blockText)) continue;
      return blockText;
    }
    if (!isElement(node) || SKIP.has(tagOf(node))) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return null;
}
