/**
 * The small slice of the DOM that the HTML extractor uses, typed here so that the project does not
 * need the DOM lib, plus parsing with linkedom and a few text helpers shared by every step.
 */
import { DOMParser } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  contains(other: DomNode | null): boolean;
  remove(): void;
  appendChild(child: DomNode): DomNode;
  insertBefore(child: DomNode, before: DomNode | null): DomNode;
  cloneNode(deep?: boolean): DomNode;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * linkedom does not build the implied `<html>`/`<body>` of the HTML standard: a fragment or a page
 * without a `<body>` tag would end up outside the body. Such input is wrapped before parsing.
 */
function withBody(input: string): string {
  let html = dropLeadingJunk(input);
  if (!/<html[\s>]/i.test(html)) {
    // A page that opens with `<head>` or `<body>`: linkedom would make that element the root and put
    // an empty `<body>` inside it (the text ended up outside the body).
    const prolog = /^(?:\s|<\?xml[^>]*>|<!doctype[^>]*>)*/i.exec(html)?.[0] ?? '';
    html = `${prolog}<html>${html.slice(prolog.length)}</html>`;
  }
  if (/<body[\s>]/i.test(html)) return html;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) {
    const close = html.slice(headEnd).match(/^<\/head\s*>/i)?.[0] ?? '</head>';
    const rest = html.slice(headEnd + close.length).replace(/<\/html\s*>\s*$/i, '');
    return `${html.slice(0, headEnd)}</head><body>${rest}</body></html>`;
  }
  const inner = html.replace(/<!doctype[^>]*>/i, '').replace(/<\/?html[^>]*>/gi, '');
  return `<!DOCTYPE html><html><head></head><body>${inner}</body></html>`;
}

/**
 * Text printed before `<!DOCTYPE>`/`<html>` (server error messages, stray output) makes linkedom
 * put the whole page in the wrong place; it is dropped.
 */
function dropLeadingJunk(html: string): string {
  const start = html.search(/<!doctype\s|<html[\s>]/i);
  if (start <= 0) return html;
  const prefix = html.slice(0, start).replace(/<!--[\s\S]*?-->|<\?xml[^>]*>/g, '');
  return prefix.trim() ? html.slice(start) : html;
}

/**
 * Markup that never holds article text, cut out of the source before parsing: comments, scripts
 * (except JSON-LD, which metadata and Readability read), styles, inline SVG, templates, noscript.
 * Readability and every later step drop these anyway, but parsing them is about half the bytes of a
 * typical page (trafilatura-eval: scripts 24%, styles 16%, SVG 5%, comments 1.3%, noscript 0.9%),
 * and linkedom pays for every node and character it tokenizes (and Readability re-parses the body
 * on each retry). One left-to-right pass, so a `<!--` inside a script or a `</style>` inside a
 * comment is read the way the HTML tokenizer reads it; an end tag ends at its `>` even with junk
 * before it (`</script <!-- x -->`), `<!-->` is an empty comment, a self-closed `<svg/>` holds
 * nothing, and an element left open is kept for the parser.
 */
const INERT = /<!--(?:-?>|[\s\S]*?-->)|<(script|style|template|noscript)\b([^>]*)>[\s\S]*?<\/\1\b[^>]*>|<svg\b(?:[^>]*[^/>])?>[\s\S]*?<\/svg\b[^>]*>/gi;
const JSON_LD = /type\s*=\s*["']?application\/ld\+json/i;

/**
 * Ruby annotations (`<rt>` readings over kanji, `<rp>` fallback parentheses): text for the eye, not
 * the sentence; readers and trafilatura-eval's gold leave them out (nhk.or.jp: 3 segments). Only
 * annotations holding no markup, up to an end tag or the next tag (the end tag is optional).
 */
const RUBY_ANNOTATION = /<(rt|rp)\b[^>]*>[^<]*(?:<\/\1\s*>)?/gi;
/**
 * A whole second document pasted inside the body (a CMS embedding saved HTML: `<!DOCTYPE>`, `<html>`,
 * `<body>` again): linkedom drops the text after such tags, so they go and their content stays
 * (trafilatura-eval: 22 pages hold a second `<body>`; jaegermagazin.de lost its whole article).
 */
const NESTED_DOCUMENT_TAG = /<!doctype[^>]*>|<\/?(?:html|body)\b[^>]*>/gi;
const FIRST_BODY = /<body\b[^>]*>/i;

function dropNestedDocuments(html: string): string {
  const m = FIRST_BODY.exec(html);
  if (!m) return html;
  const at = m.index + m[0].length;
  const rest = html.slice(at);
  NESTED_DOCUMENT_TAG.lastIndex = 0;
  if (!NESTED_DOCUMENT_TAG.test(rest)) return html;
  return html.slice(0, at) + rest.replace(NESTED_DOCUMENT_TAG, '');
}

export function stripInert(html: string): string {
  return dropNestedDocuments(html)
    .replace(RUBY_ANNOTATION, '')
    .replace(INERT, (whole: string, tag: string | undefined, attrs: string | undefined) =>
      tag && tag.toLowerCase() === 'script' && JSON_LD.test(attrs ?? '') ? whole : '',
    )
    .replace(BLOCK_GAP, (whole: string, tag: string, before: string, after: string) =>
      BLOCK_TAGS.has(before.toLowerCase()) || BLOCK_TAGS.has(after.toLowerCase()) ? tag : whole,
    );
}

/**
 * Block-level tags: whitespace between a tag and the next one, where either is one of these, is
 * never rendered (it sits at a line break), yet linkedom makes a text node of it: 38% of all nodes
 * on trafilatura-eval pages (every indented line). Dropped before parsing; whitespace between inline
 * tags (`</b> <i>`) is text and stays. Paragraph breaks come from the block tags, not this space.
 */
const BLOCK_TAGS = new Set([
  'html', 'head', 'body', 'meta', 'link', 'title', 'base', 'div', 'p', 'section', 'article', 'main', 'header', 'footer', 'nav',
  'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'blockquote', 'form', 'fieldset', 'hr', 'option', 'select', 'center',
]);
/** A tag (named `before`), then whitespace, then the next tag (named `after`, not consumed). */
const BLOCK_GAP = /(<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>)\s+(?=<\/?([a-zA-Z][a-zA-Z0-9]*))/g;

/**
 * Parses an HTML document; always yields a document with `documentElement` and `body`. `keepInert`
 * skips `stripInert` (a benchmark's peer that must see the page as Readability.js users parse it).
 */
export function parseDocument(html: string, options: { keepInert?: boolean } = {}): DomDocument {
  const parser = new DOMParser();
  const doc = parser.parseFromString(withBody(options.keepInert ? html : stripInert(html)), 'text/html') as unknown as DomDocument;
  if (!doc.documentElement || !hasBody(doc)) {
    return parser.parseFromString(withBody(''), 'text/html') as unknown as DomDocument;
  }
  return doc;
}

function hasBody(doc: DomDocument): boolean {
  try {
    return Boolean(doc.body);
  } catch {
    return false;
  }
}

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

export function textOf(node: DomNode | null | undefined): string {
  return node ? collapse(node.textContent) : '';
}

export function tagOf(el: DomNode): string {
  return el.nodeName.toLowerCase();
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function all(root: DomElement | DomDocument, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function first(root: DomElement | DomDocument, selector: string): DomElement | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The names an element carries (class, id, role, aria-label, itemprop), lowercased, one string. */
export function cuesOf(el: DomElement): string {
  const parts = ['class', 'id', 'role', 'aria-label', 'itemprop', 'data-component', 'data-testid']
    .map((a) => el.getAttribute(a))
    .filter((v): v is string => Boolean(v));
  return parts.join(' ').toLowerCase();
}

/** Share of an element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: DomElement): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  const inLinks = all(el, 'a').reduce((n, a) => n + textOf(a).length, 0);
  return Math.min(1, inLinks / total);
}

/** Absolute URL for `href` against `base`; null when it cannot be resolved or is not http(s). */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  const h = collapse(href);
  if (!h || h.startsWith('data:') || h.startsWith('javascript:')) return null;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Each `<meta>` name/property/itemprop/http-equiv (lowercased) to the first non-empty content, per document. */
const metaIndexes = new WeakMap<object, Map<string, string>>();

function metaIndex(doc: DomDocument): Map<string, string> {
  const cached = metaIndexes.get(doc);
  if (cached) return cached;
  const index = new Map<string, string>();
  for (const m of all(doc, 'meta')) {
    const value = collapse(m.getAttribute('content'));
    if (!value) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      for (const name of (m.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (name && !index.has(name)) index.set(name, value);
      }
    }
  }
  metaIndexes.set(doc, index);
  return index;
}

/**
 * Content of the first `<meta>` whose name/property matches one of `keys` (case-insensitive), keys
 * tried in order. The page's metas are indexed once per document (metadata asks for some 40 keys).
 */
export function metaContent(doc: DomDocument, keys: string[]): { key: string; value: string } | null {
  const index = metaIndex(doc);
  for (const k of keys) {
    const key = k.toLowerCase();
    const value = index.get(key);
    if (value) return { key, value };
  }
  return null;
}
