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
  const html = dropLeadingJunk(input);
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

/** Parses an HTML document; always yields a document with `documentElement` and `body`. */
export function parseDocument(html: string): DomDocument {
  const parser = new DOMParser();
  const doc = parser.parseFromString(withBody(html), 'text/html') as unknown as DomDocument;
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
