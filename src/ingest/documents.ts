import { originOf, rawDocument, type Source } from './context.js';
import { decodeBytes } from './decode.js';
import type { ExtractHints } from '../extract/types.js';
import type { IngestEvent, Origin } from './types.js';

/**
 * Article documents (HTML pages and plain-text copies) as `document` events. The bytes are kept as
 * received; we decode once here only to surface encoding problems as warnings at ingest time
 * (extraction decodes again from the raw bytes with the same rules).
 */

export type PageFormat = 'html' | 'text';

const MEDIA_TYPE: Record<PageFormat, string> = { html: 'text/html', text: 'text/plain' };

/** How far from the end we look for `</html>`: trailing scripts and comments rarely run longer. */
const TAIL_BYTES = 4096;

/**
 * Warnings about the bytes: encoding trouble from decodeBytes, and HTML that opens `<html>` but never
 * closes it (a truncated save). A truncated page is still ingested: extraction keeps what is there.
 */
export function documentWarnings(bytes: Uint8Array, format: PageFormat, charset: string | null): string[] {
  const warnings = [...decodeBytes(bytes, format, charset).warnings];
  if (format === 'html') {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, TAIL_BYTES)).toString('latin1');
    const tailStart = Math.max(0, bytes.length - TAIL_BYTES);
    const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart).toString('latin1');
    if (/<html[\s>]/i.test(head) && !/<\/html\s*>/i.test(tail)) warnings.push('HTML ends without </html>; the copy may be truncated');
  }
  return warnings;
}

export interface PageExtras {
  origin?: Origin;
  hints?: ExtractHints;
  summaryOnly?: boolean;
  summaryReason?: string | null;
  warnings?: string[];
}

export function pageDocument(bytes: Buffer, format: PageFormat, source: Source, extras: PageExtras = {}): IngestEvent {
  const raw = rawDocument({
    kind: 'document',
    bytes,
    mediaType: MEDIA_TYPE[format],
    charset: source.charset,
    origin: extras.origin ?? originOf(source),
    url: source.url,
    fetchedAt: source.fetchedAt,
    hints: extras.hints ?? (source.url ? { url: source.url } : {}),
    summaryOnly: extras.summaryOnly ?? false,
    summaryReason: extras.summaryReason ?? null,
  });
  return { type: 'document', input: source.input, raw, warnings: [...(extras.warnings ?? []), ...documentWarnings(bytes, format, source.charset)] };
}
