/**
 * Content element to body paragraphs: every block element (p, h1-h6, li, blockquote, pre, table row,
 * div...) closes the paragraph before it and starts a new one; inline text runs together, whitespace
 * collapsed; two consecutive `<br>` break a paragraph. Nothing empty is returned.
 */
import { collapse, isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption',
  'figure', 'figcaption', 'address', 'details', 'summary', 'hr', 'center', 'fieldset', 'form', 'body', 'html',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'input', 'textarea', 'iframe', 'object', 'head', 'title', 'meta', 'link']);
const CELL = new Set(['td', 'th']);

function hidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** An element's text with its blocks separated by spaces (for removed pieces and captions). */
export function blockText(root: DomElement): string {
  return toParagraphs(root).join(' ');
}

/** Paragraph texts of `root` in reading order. */
export function toParagraphs(root: DomElement): string[] {
  const out: string[] = [];
  let buffer = '';
  let pendingBr = 0;
  const flush = (): void => {
    const t = collapse(buffer);
    if (t) out.push(t);
    buffer = '';
    pendingBr = 0;
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t.trim()) pendingBr = 0;
      buffer += t;
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (SKIP.has(tag) || hidden(node)) return;
    if (tag === 'br') {
      pendingBr++;
      if (pendingBr >= 2) flush();
      else buffer += ' ';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (CELL.has(tag)) buffer += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k) walk(k);
    }
    if (CELL.has(tag)) buffer += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
