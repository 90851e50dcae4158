/**
 * A deliberately simple HTML-to-text conversion, used to turn saved HTML pages into the whole-page
 * plain-text dumps that the text-mode cleaner (src/extract/text) is measured on
 * (bench/text-score.ts) — roughly what "select all, copy" on a rendered page gives.
 *
 * Rules, in order:
 * 1. Parse with linkedom; drop script, style, noscript, template, svg and head (and comments).
 * 2. Block elements (p, div, li, h1–h6, br, tr, section, article, header, footer, nav, aside,
 *    blockquote, figure, figcaption, pre, table, ul, ol, dl, dt, dd, form, main, hr) start and end
 *    a line; inline text is concatenated as it stands in the source.
 *    Each block element's start and end is a line break, so text in two sibling blocks is separated
 *    by a blank line; `br` (an empty block) gives one line break, keeping its lines in one block.
 * 3. Whitespace within a line collapses to one space; lines are trimmed; runs of blank lines become
 *    one blank line.
 *
 * Page bytes are decoded with decodeBytes(bytes, 'html') (src/ingest/decode.ts): see htmlBytesToText.
 */
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../../src/ingest/decode.js';

const DROP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const BLOCK = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'tr', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'blockquote', 'figure', 'figcaption', 'pre', 'table', 'ul', 'ol', 'dl', 'dt', 'dd', 'form', 'main', 'hr',
]);

/** Minimal view of the DOM nodes linkedom gives (so the walk does not depend on DOM lib typings). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function htmlToText(html: string): string {
  // Wrapping in a document keeps fragments and full pages alike.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  const BREAK = '\n';
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      out.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (DROP.has(name)) return;
    if (name === 'br') {
      out.push(BREAK);
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push(BREAK);
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k) walk(k);
    }
    if (block) out.push(BREAK);
  };
  walk(document as unknown as DomNode);
  const lines = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
  const text: string[] = [];
  for (const l of lines) {
    if (l || (text.length > 0 && text[text.length - 1] !== '')) text.push(l);
  }
  while (text[text.length - 1] === '') text.pop();
  return text.length ? `${text.join('\n')}\n` : '';
}

/** Decodes page bytes (charset sniffed as for any HTML input) and converts them to text. */
export function htmlBytesToText(bytes: Uint8Array): string {
  return htmlToText(decodeBytes(bytes, 'html').text);
}
