/**
 * Sniffing: what kind of input a run of bytes is. The bytes decide; a file extension or an HTTP
 * Content-Type is only a hint, used to break ties (markup that could be HTML or a broken feed,
 * JSON that could be JSON Lines).
 */

export type SniffedFormat = 'html' | 'text' | 'json' | 'jsonl' | 'feed' | 'json-feed' | 'opml';

export type Sniffed =
  | { format: SniffedFormat }
  /** Not something we ingest; `kind` maps onto InputErrorKind, `reason` is the message's cause. */
  | { format: 'unsupported'; kind: 'empty' | 'binary'; reason: string };

export interface SniffHints {
  /** File name or path (only its extension is used). */
  name?: string | null;
  /** Media type without parameters, lower case (`text/html`). */
  mediaType?: string | null;
}

/** How much of the start we look at for binary detection and markup roots. */
const HEAD_BYTES = 8192;
/**
 * Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which
 * a head counts as binary. Text in any 8-bit encoding has almost none; 10% leaves room for the odd
 * stray byte in a damaged text file while catching binaries that happen to hold no NUL.
 */
const CONTROL_RATIO = 0.1;

/** Signatures of common binary formats, so the failure can say what the file looks like. */
const MAGIC: Array<{ bytes: number[]; offset?: number; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'PDF document' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' }, // GIF8
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media (WebP, WAV or AVI)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'zip archive (or an Office/EPUB document)' },
  { bytes: [0x1f, 0x8b], name: 'gzip archive' },
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2 archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: '7z archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
  { bytes: [0x4d, 0x5a], name: 'Windows executable' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'legacy Office document' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, name: 'MP4/QuickTime media' }, // ftyp
  { bytes: [0x49, 0x44, 0x33], name: 'MP3 audio' }, // ID3
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'Matroska/WebM media' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], name: 'SQLite database' }, // SQLite
];

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  if (bytes.length < offset + sig.length) return false;
  return sig.every((b, i) => bytes[offset + i] === b);
}

function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Names the binary format when the bytes show it; null when they look like text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes, m.offset)) return m.name;
  if (utf16Bom(bytes)) return null;
  const head = bytes.subarray(0, HEAD_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary data (NUL bytes)';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return head.length > 0 && control / head.length > CONTROL_RATIO ? 'binary data (control bytes)' : null;
}

/** The start of the input as text, good enough for structural checks (markup roots, JSON brackets). */
export function headText(bytes: Uint8Array, max = HEAD_BYTES): string {
  const bom = utf16Bom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes.subarray(0, max * 2)).slice(0, max);
  // latin1 maps every byte to one char, so ASCII markup reads right whatever the real encoding.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, max)).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  return text;
}

function isBlank(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return headText(bytes, bytes.length).trim() === '';
  const from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

export function extensionOf(name: string | null | undefined): string {
  if (!name) return '';
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const FEED_EXTENSIONS = new Set(['rss', 'atom', 'rdf']);
const FEED_MEDIA_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/x-rss+xml', 'application/feed+json']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const JSONL_EXTENSIONS = new Set(['jsonl', 'ndjson']);

/** Hints say "this is a feed" (`.rss`, `application/atom+xml`...). */
function hintsFeed(h: SniffHints): boolean {
  return FEED_EXTENSIONS.has(extensionOf(h.name)) || FEED_MEDIA_TYPES.has(h.mediaType ?? '');
}

/**
 * Local name of the first element, skipping the XML prolog, comments, processing instructions and a
 * doctype. Returns `!doctype html` for an HTML doctype, null when the text does not start with markup.
 */
export function rootElement(text: string): string | null {
  let s = text.replace(/^\ufeff/, '').trimStart();
  for (let guard = 0; guard < 50 && s.startsWith('<'); guard++) {
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return null;
      s = s.slice(end + 2).trimStart();
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return null;
      s = s.slice(end + 3).trimStart();
    } else if (/^<!doctype/i.test(s)) {
      if (/^<!doctype\s+html/i.test(s)) return '!doctype html';
      const end = s.indexOf('>');
      if (end < 0) return null;
      s = s.slice(end + 1).trimStart();
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s);
      return m ? m[1]!.toLowerCase() : null;
    }
  }
  return null;
}

const HTML_ROOTS = new Set([
  '!doctype html', 'html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'div', 'p', 'article', 'main',
  'section', 'header', 'nav', 'h1', 'h2', 'h3', 'table', 'span', 'a', 'img', 'br', 'figure', 'ul', 'ol', 'blockquote', 'pre',
]);

function sniffMarkup(head: string, hints: SniffHints): SniffedFormat | null {
  const root = rootElement(head);
  if (root === null) return null;
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (local === 'rss' || local === 'rdf' || local === 'feed' || local === 'channel') return 'feed';
  if (local === 'opml') return 'opml';
  // A `.rss` file or an `application/rss+xml` answer holding something else (an HTML "moved" page,
  // a stray XML document) is a broken feed, not an article: the feed parser rejects it by name.
  if (hintsFeed(hints)) return 'feed';
  if (HTML_ROOTS.has(root)) return 'html';
  // Some other XML document: with a prolog it is no web page; let the feed parser say it is unrecognised.
  if (/^\s*<\?xml/i.test(head.replace(/^\ufeff/, '')) && !/<html[\s>]/i.test(head)) return 'feed';
  return 'html';
}

/** Text that does not start with markup but is a page all the same (leading junk before `<html>`). */
function looksLikeHtml(head: string, hints: SniffHints): boolean {
  const start = head.slice(0, 1024);
  if (/<!doctype\s+html|<html[\s>]|<body[\s>]/i.test(start)) return true;
  return HTML_EXTENSIONS.has(extensionOf(hints.name)) && /<\/?[a-z][a-z0-9]*[\s>]/i.test(start);
}

/** The first line that is not blank. */
function firstLine(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim()) return line.trim();
  return '';
}

function isJsonValue(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON, JSON Lines or JSON Feed. A whole-text parse decides between JSON and JSON Lines; when neither
 * parses, JSON Lines wins if its first line stands alone as JSON (so one bad line still lets the rest
 * in), else it is (truncated or broken) JSON and the records reader reports the parser's error.
 */
function sniffJson(fullText: string, hints: SniffHints): SniffedFormat {
  if (JSONL_EXTENSIONS.has(extensionOf(hints.name))) return 'jsonl';
  let value: unknown;
  try {
    value = JSON.parse(fullText);
  } catch {
    const lines = fullText.split(/\r?\n/).filter((l) => l.trim()).length;
    return lines > 1 && isJsonValue(firstLine(fullText)) ? 'jsonl' : hintsFeed(hints) ? 'json-feed' : 'json';
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const version = (value as Record<string, unknown>)['version'];
    if (typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/')) return 'json-feed';
    // JSON Feed 1.0 allowed the http:// form; accept it too.
    if (typeof version === 'string' && version.startsWith('http://jsonfeed.org/version/')) return 'json-feed';
  }
  return 'json';
}

/**
 * Decides what `bytes` are. Size limits are the caller's business (it knows the source); everything
 * else that makes an input unusable (empty, binary) is answered here.
 */
export function sniff(bytes: Uint8Array, hints: SniffHints = {}): Sniffed {
  if (bytes.length === 0) return { format: 'unsupported', kind: 'empty', reason: 'empty (0 bytes)' };
  const binary = binaryKind(bytes);
  if (binary) return { format: 'unsupported', kind: 'binary', reason: `not text: looks like ${binary}` };
  if (isBlank(bytes)) return { format: 'unsupported', kind: 'empty', reason: 'empty (only whitespace)' };

  const head = headText(bytes);
  const start = head.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('<')) return { format: sniffMarkup(head, hints) ?? 'html' };
  if (start.startsWith('{') || start.startsWith('[')) {
    const full = utf16Bom(bytes) ? headText(bytes, bytes.length) : new TextDecoder('utf-8').decode(bytes);
    return { format: sniffJson(full, hints) };
  }
  if (looksLikeHtml(head, hints)) return { format: 'html' };
  return { format: 'text' };
}
