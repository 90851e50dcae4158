import { InputError, type InputErrorKind } from './errors.js';
import type { FeedEntry } from './feed-parse.js';
import type { Fetched } from './fetch.js';
import type { CollectOptions, FetchOptions, IngestEvent, Origin, RawDocument, RawKind } from './types.js';

/** Largest local file (or stdin) read, by default. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Entry pages fetched at once for a feed, by default. */
export const DEFAULT_CONCURRENCY = 4;
/** Entries read from one feed, by default: a feed of 100,000 entries would otherwise mean 100,000 page fetches. */
export const DEFAULT_MAX_FEED_ENTRIES = 1000;
/** OPML lists nested deeper than this are not expanded (a cycle guard of last resort). */
export const MAX_OPML_DEPTH = 4;

/** Where a run of bytes came from, before we know what it is. */
export interface Source {
  /** Name used in events and error messages (as the user gave it, or derived from it). */
  input: string;
  via: Origin['via'];
  /** Absolute path, final URL, or `-`. */
  locator: string;
  /** Page URL (final URL after redirects), null for local files. */
  url: string | null;
  /** Charset from the transport (HTTP Content-Type), if any. */
  charset: string | null;
  /** Media type from the transport, a hint for sniffing only. */
  mediaType: string | null;
  /** File name (extension hint). */
  name: string | null;
  fetchedAt: string;
}

export interface Context {
  fetch: FetchOptions;
  maxFileBytes: number;
  concurrency: number;
  maxEntries: number;
  stdin: NodeJS.ReadableStream | null;
  now: () => Date;
  /** Locators of the OPML lists being expanded, outermost first (cycle guard). */
  opmlStack: string[];
  /**
   * Fetches a feed entry's page (default: fetchUrl with `fetch`): `roundup watch` puts its per-host limit,
   * robots.txt and address guard here.
   */
  fetchPage?: (link: string) => Promise<Fetched>;
  /** Which entries of a feed to read (default: all): `roundup watch` reads only the ones it has not seen. */
  keepEntry?: (entry: FeedEntry, link: string | null) => boolean;
  /** Collects one more input (used by OPML to expand the feeds it lists). */
  collectOne: (input: string, ctx: Context) => AsyncGenerator<IngestEvent>;
}

export function makeContext(options: CollectOptions, collectOne: Context['collectOne']): Context {
  return {
    fetch: options.fetch ?? {},
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    concurrency: Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)),
    maxEntries: Math.max(1, Math.floor(options.maxEntries ?? DEFAULT_MAX_FEED_ENTRIES)),
    stdin: options.stdin ?? null,
    now: options.now ?? (() => new Date()),
    opmlStack: [],
    collectOne,
  };
}

export function failure(input: string, kind: InputErrorKind, reason: string, cause?: unknown): IngestEvent {
  return { type: 'failure', input, error: new InputError(input, kind, reason, cause === undefined ? undefined : { cause }) };
}

/** Turns anything thrown while handling an input into a failure event: collect never throws for inputs. */
export function failureFrom(input: string, e: unknown): IngestEvent {
  if (e instanceof InputError) return { type: 'failure', input, error: e };
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure(input, 'not-found', 'no such file or folder', e);
  if (code === 'EACCES' || code === 'EPERM') return failure(input, 'unreadable', 'permission denied', e);
  if (code === 'EISDIR') return failure(input, 'unreadable', 'is a folder', e);
  const msg = e instanceof Error ? e.message : String(e);
  return failure(input, 'unreadable', typeof code === 'string' ? `cannot read: ${code} ${msg}` : `cannot read: ${msg}`, e);
}

export function originOf(source: Source, extra?: Partial<Origin>): Origin {
  return { via: source.via, locator: source.locator, ...extra };
}

export function rawDocument(fields: Partial<RawDocument> & { kind: RawKind; bytes: Buffer; mediaType: string; origin: Origin; fetchedAt: string }): RawDocument {
  return { charset: null, url: null, hints: {}, summaryOnly: false, summaryReason: null, ...fields };
}
