import { InputError } from './errors.js';

/**
 * A JSON record carrying one article: `{url, html|text, publisher?, published?}`, optionally with
 * `title` and `byline`. Used by JSON and JSON Lines inputs; stored raw as received and parsed again
 * at extraction time.
 */
export interface ArticleRecord {
  url: string | null;
  html: string | null;
  text: string | null;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  published: string | null;
}

function optionalString(obj: Record<string, unknown>, key: string, input: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InputError(input, 'malformed-record', `field "${key}" must be a string, got ${Array.isArray(v) ? 'array' : typeof v}`);
  return v;
}

/** Validates one parsed JSON value as an article record; throws InputError naming the input otherwise. */
export function toArticleRecord(value: unknown, input: string): ArticleRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(input, 'malformed-record', `expected a JSON object {url, html|text, ...}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  const obj = value as Record<string, unknown>;
  const rec: ArticleRecord = {
    url: optionalString(obj, 'url', input),
    html: optionalString(obj, 'html', input),
    text: optionalString(obj, 'text', input),
    title: optionalString(obj, 'title', input),
    byline: optionalString(obj, 'byline', input),
    publisher: optionalString(obj, 'publisher', input),
    published: optionalString(obj, 'published', input),
  };
  if (!rec.html?.trim() && !rec.text?.trim()) throw new InputError(input, 'malformed-record', 'record has neither "html" nor "text" content');
  if (rec.published !== null && Number.isNaN(Date.parse(rec.published))) {
    throw new InputError(input, 'malformed-record', `field "published" is not a date: "${rec.published.slice(0, 40)}"`);
  }
  return rec;
}
