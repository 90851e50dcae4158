import sniffHtmlEncoding from 'html-encoding-sniffer';

/**
 * Bytes to text, honouring (in order) a byte-order mark, the transport's charset (HTTP Content-Type),
 * the document's own declaration (`<meta charset>` / `http-equiv`, or the XML prolog), and otherwise
 * UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).
 * A declared UTF-8 that does not decode cleanly falls back to windows-1252 with a warning,
 * since mislabelled Latin-1 pages are far more common than broken UTF-8, unless the bytes are
 * mostly UTF-8 (see mostlyUtf8): a UTF-8 page with a stray broken sequence stays UTF-8.
 */
export interface Decoded {
  text: string;
  /** WHATWG encoding name actually used, lower case (`utf-8`, `windows-1252`, `gbk`). */
  encoding: string;
  /** How the encoding was chosen: `bom`, `transport`, `declared`, `utf-8-valid`, `fallback`. */
  foundBy: 'bom' | 'transport' | 'declared' | 'utf-8-valid' | 'fallback';
  warnings: string[];
}

export type DecodeAs = 'html' | 'xml' | 'text';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** A label the WHATWG Encoding Standard knows, as its canonical name in lower case (`utf-8`, `windows-1252`); null for unknown labels. */
export function canonicalEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? canonicalEncoding(m[1]) : null;
}

/**
 * How far to look for a `<meta charset>` that the standard 1024-byte prescan misses. Archived pages
 * (web.archive.org) put kilobytes of their own scripts before the page's `<head>`; 64 KiB covered
 * every such page in the trafilatura-eval set.
 */
const LATE_META_WINDOW = 64 * 1024;
const lateMeta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

function htmlDeclaredEncoding(bytes: Uint8Array): string | null {
  // The sniffer returns its default when nothing is declared; asking with two defaults tells them apart.
  const a = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' });
  const b = sniffHtmlEncoding(bytes, { defaultEncoding: 'windows-1252' });
  if (a === b) return canonicalEncoding(a);
  const m = lateMeta.exec(Buffer.from(bytes.subarray(0, LATE_META_WINDOW)).toString('latin1'));
  // As the HTML Standard does for a prescan hit, a declared UTF-16 means UTF-8 (the bytes were ASCII-compatible).
  const late = m ? canonicalEncoding(m[1]) : null;
  return late?.startsWith('utf-16') ? 'utf-8' : late;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A page is UTF-8 with a few broken sequences (a string cut mid-character by a CMS, a stray Latin-1
 * byte) rather than legacy-encoded when its valid multi-byte characters outnumber its invalid
 * sequences this many times. Latin-1 or windows-1252 text almost never forms a valid multi-byte
 * sequence (an accented letter followed by a C1 byte), so legacy pages have next to none. Measured on
 * the trafilatura-eval pages that are not valid UTF-8: the UTF-8 ones with stray bytes have 25-500
 * valid characters per broken sequence, the legacy ones 0-0.3 (an archived GBK page inside a UTF-8
 * wrapper: 0.3).
 */
const MOSTLY_UTF8_RATIO = 10;

/** The bytes decoded as UTF-8 with replacement characters, when they are mostly valid UTF-8 (see MOSTLY_UTF8_RATIO); else null. */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let broken = 0;
  let multi = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') broken++;
    else if ((ch.codePointAt(0) ?? 0) >= 0x80) multi++;
  }
  return multi >= MOSTLY_UTF8_RATIO * broken ? text : null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  // TextDecoder strips a matching BOM itself.
  return new TextDecoder(encoding).decode(bytes);
}

export function decodeBytes(bytes: Uint8Array, as: DecodeAs, transportCharset?: string | null): Decoded {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes, bom), encoding: bom, foundBy: 'bom', warnings };

  let chosen: string | null = null;
  let foundBy: Decoded['foundBy'] = 'fallback';
  if (transportCharset) {
    chosen = canonicalEncoding(transportCharset);
    if (chosen) foundBy = 'transport';
    else warnings.push(`unknown charset "${transportCharset}" in Content-Type; ignored`);
  }
  if (!chosen) {
    const declared = as === 'html' ? htmlDeclaredEncoding(bytes) : as === 'xml' ? xmlDeclaredEncoding(bytes) : null;
    if (declared) {
      chosen = declared;
      foundBy = 'declared';
    }
  }
  if (chosen === 'utf-8' && !isValidUtf8(bytes)) {
    const lossy = mostlyUtf8(bytes);
    if (lossy !== null) {
      warnings.push(`declared ${foundBy === 'transport' ? 'by the server' : 'in the document'} as UTF-8 with a few invalid byte sequences; decoded as UTF-8, replacing them`);
      return { text: lossy, encoding: 'utf-8', foundBy, warnings };
    }
    warnings.push(`declared ${foundBy === 'transport' ? 'by the server' : 'in the document'} as UTF-8 but the bytes are not valid UTF-8; decoded as windows-1252`);
    return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252', foundBy: 'fallback', warnings };
  }
  if (chosen && chosen !== 'utf-8' && hasNonAscii(bytes) && isValidUtf8(bytes)) {
    // Multi-byte UTF-8 that is valid by accident in a legacy encoding is vanishingly rare; pages saved
    // as UTF-8 that keep their old declaration (Shift_JIS, EUC-JP, ISO-8859-1) are common.
    warnings.push(`declared ${foundBy === 'transport' ? 'by the server' : 'in the document'} as ${chosen} but the bytes are valid UTF-8; decoded as UTF-8`);
    return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', foundBy: 'utf-8-valid', warnings };
  }
  if (chosen) return { text: decodeWith(bytes, chosen), encoding: chosen, foundBy, warnings };
  if (isValidUtf8(bytes)) return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8', foundBy: 'utf-8-valid', warnings };
  const lossy = hasNonAscii(bytes) ? mostlyUtf8(bytes) : null;
  if (lossy !== null) {
    warnings.push('no charset declared and the bytes are UTF-8 with a few invalid byte sequences; decoded as UTF-8, replacing them');
    return { text: lossy, encoding: 'utf-8', foundBy: 'fallback', warnings };
  }
  warnings.push('no charset declared and the bytes are not valid UTF-8; decoded as windows-1252');
  return { text: decodeWith(bytes, 'windows-1252'), encoding: 'windows-1252', foundBy: 'fallback', warnings };
}
