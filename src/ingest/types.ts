import type { ExtractHints } from '../extract/types.js';
import type { InputError } from './errors.js';

/** What a raw record is: an article document, a JSON record carrying one, or a container we expanded. */
export type RawKind = 'document' | 'record' | 'feed' | 'opml';

/** Media type we give JSON records (`{url, html|text, publisher?, published?}`) stored as received. */
export const RECORD_MEDIA_TYPE = 'application/vnd.roundup.record+json';

export interface Origin {
  /** How it reached us. */
  via: 'file' | 'url' | 'stdin' | 'feed-entry' | 'record';
  /** Absolute file path, URL (after redirects), `-` for stdin; records add `#N` (1-based line or index). */
  locator: string;
  /** The feed (URL or path) an entry came from. */
  feed?: string | null;
}

export interface RawDocument {
  kind: RawKind;
  /** Bytes exactly as received (for a record: the record's JSON text). */
  bytes: Buffer;
  /** Media type without parameters: `text/html`, `text/plain`, RECORD_MEDIA_TYPE, `application/rss+xml`... */
  mediaType: string;
  /** Charset declared by the transport (HTTP Content-Type), if any. In-document declarations are found at decode time. */
  charset: string | null;
  origin: Origin;
  /** URL of the page this is a version of (final URL after redirects, or the record's url); null for local files without one. */
  url: string | null;
  /** ISO 8601 time the bytes were read or fetched. */
  fetchedAt: string;
  /** Metadata from outside the document (a feed entry's title/date/author, a record's publisher...). */
  hints: ExtractHints;
  /** True when the page could not be had and the feed's own summary stands in for it. */
  summaryOnly: boolean;
  /** Why the summary stands in (the page fetch error), when summaryOnly. */
  summaryReason: string | null;
}

export type IngestEvent =
  /** More inputs were discovered (folder listing, feed entries): for progress display. */
  | { type: 'planned'; count: number }
  /** A document (or record) ready to store and extract. `warnings` are non-fatal problems. */
  | { type: 'document'; input: string; raw: RawDocument; warnings: string[] }
  /** A feed or OPML list that was expanded; kept raw, produces no article itself. */
  | { type: 'container'; input: string; raw: RawDocument; entries: number }
  /** One input (or one feed entry, one JSON line) failed; the batch goes on. */
  | { type: 'failure'; input: string; error: InputError };

export interface FetchOptions {
  /** Whole-request time limit, ms (default 15000). */
  timeoutMs?: number;
  /** Largest body accepted, bytes (default 10 MiB); larger is a `too-large` failure. */
  maxBytes?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Called with every URL before it is requested (the first and each redirect): throws an InputError to refuse it
   * (`roundup watch`'s guard against links to private addresses).
   */
  guard?: (url: URL, input: string) => Promise<void>;
  /** A conditional GET: the validators of the copy we have. A 304 answer is then returned (status 304, no bytes). */
  conditional?: { etag?: string | null; lastModified?: string | null };
}

export interface CollectOptions {
  fetch?: FetchOptions;
  /** Largest local file accepted, bytes (default 20 MiB). */
  maxFileBytes?: number;
  /** Pages fetched at once for feeds (default 4). */
  concurrency?: number;
  /** Entries read from one feed (default 1000, the first in feed order); more is a `too-large` failure for the feed, after those are read. */
  maxEntries?: number;
  /** Read by `-` (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Clock, for tests. */
  now?: () => Date;
}
