import { failure, failureFrom, rawDocument, type Source } from './context.js';
import { decodeBytes } from './decode.js';
import { toArticleRecord } from './record.js';
import { RECORD_MEDIA_TYPE, type IngestEvent } from './types.js';

/**
 * JSON and JSON Lines inputs holding article records `{url, html|text, publisher?, published?, ...}`.
 * Each record becomes its own document (kind `record`), named `<input>#<n>` (1-based line for JSON
 * Lines, 1-based index for a JSON array); a bad record or line fails alone and the rest go on.
 */

function recordEvent(value: unknown, source: Source, n: number): IngestEvent {
  const input = `${source.input}#${n}`;
  try {
    const rec = toArticleRecord(value, input);
    const raw = rawDocument({
      kind: 'record',
      // Re-serialised compactly: the record as received, without the surrounding file.
      bytes: Buffer.from(JSON.stringify(value), 'utf8'),
      mediaType: RECORD_MEDIA_TYPE,
      charset: 'utf-8',
      origin: { via: 'record', locator: `${source.locator}#${n}` },
      url: rec.url,
      fetchedAt: source.fetchedAt,
      hints: { url: rec.url, title: rec.title, byline: rec.byline, publisher: rec.publisher, published: rec.published },
    });
    return { type: 'document', input, raw, warnings: [] };
  } catch (e) {
    return failureFrom(input, e);
  }
}

function parseError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A JSON document: one record (object) or an array of records. */
export function* jsonRecords(bytes: Uint8Array, source: Source): Generator<IngestEvent> {
  const { text } = decodeBytes(bytes, 'text', source.charset);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield failure(source.input, 'malformed-json', `not valid JSON: ${parseError(e)}`, e);
    return;
  }
  if (!Array.isArray(value)) {
    yield recordEvent(value, source, 1);
    return;
  }
  if (value.length === 0) {
    yield failure(source.input, 'empty', 'JSON array holds no records');
    return;
  }
  // The input itself was counted once; its records replace it.
  if (value.length > 1) yield { type: 'planned', count: value.length - 1 };
  for (let i = 0; i < value.length; i++) yield recordEvent(value[i], source, i + 1);
}

/** JSON Lines: one record per non-blank line; line numbers are 1-based and count blank lines too. */
export function* jsonLinesRecords(bytes: Uint8Array, source: Source): Generator<IngestEvent> {
  const { text } = decodeBytes(bytes, 'text', source.charset);
  const lines = text.split(/\r?\n/);
  const numbered = lines.map((line, i) => ({ line, n: i + 1 })).filter((l) => l.line.trim() !== '');
  if (numbered.length > 1) yield { type: 'planned', count: numbered.length - 1 };
  for (const { line, n } of numbered) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield failure(`${source.input}#${n}`, 'malformed-json', `line ${n} is not valid JSON: ${parseError(e)}`, e);
      continue;
    }
    yield recordEvent(value, source, n);
  }
}
