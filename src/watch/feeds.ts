/**
 * What `roundup watch` follows: its arguments resolved to feeds. A feed URL is one feed; an OPML list (a file or a
 * URL) stands for every feed it names (relative references against the list); a local feed file is one feed, read
 * again each cycle. Resolved again at every cycle, so an edited OPML list takes effect without a restart.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../ingest/errors.js';
import { parseOpmlList } from '../ingest/feed-parse.js';
import { fetchUrl } from '../ingest/fetch.js';
import { sniff } from '../ingest/sniff.js';
import type { FetchOptions } from '../ingest/types.js';

export interface WatchedFeed {
  /** URL, or absolute path of a local feed file. */
  ref: string;
  /** The argument it came from (a list names its feeds). */
  from: string;
  kind: 'url' | 'file';
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

function refOf(xmlUrl: string, list: string): WatchedFeed['ref'] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(xmlUrl)) return xmlUrl;
  return isUrl(list) ? new URL(xmlUrl, list).href : path.resolve(path.dirname(list), xmlUrl);
}

function feedOf(ref: string, from: string): WatchedFeed {
  if (isUrl(ref)) return { ref, from, kind: 'url' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) throw new InputError(from, 'invalid-url', `unsupported URL scheme in "${ref}" (only http and https, or a local file)`);
  return { ref: path.resolve(ref), from, kind: 'file' };
}

/** The feeds of one argument; an OPML list is read (fetched, for a URL) to find them. Throws InputError naming it. */
export async function resolveArgument(arg: string, fetchOptions: FetchOptions = {}): Promise<WatchedFeed[]> {
  if (!isUrl(arg)) {
    const feed = feedOf(arg, arg);
    let bytes: Buffer;
    try {
      bytes = await readFile(feed.ref);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new InputError(arg, code === 'ENOENT' ? 'not-found' : 'unreadable', code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`, { cause: e });
    }
    const s = sniff(bytes, { name: feed.ref });
    if (s.format === 'opml') return parseOpmlList(bytes, null, arg).feeds.map((f) => feedOf(refOf(f.xmlUrl, feed.ref), arg));
    if (s.format === 'feed' || s.format === 'json-feed') return [feed];
    throw new InputError(arg, 'malformed-feed', `not a feed or an OPML list (it reads as ${s.format === 'unsupported' ? s.reason : s.format})`);
  }
  // A URL is a feed unless it answers with an OPML list.
  if (!/\.opml(?:$|[?#])/i.test(arg)) return [feedOf(arg, arg)];
  const page = await fetchUrl(arg, fetchOptions, arg);
  return parseOpmlList(page.bytes, page.charset, arg).feeds.map((f) => feedOf(refOf(f.xmlUrl, page.url), arg));
}
