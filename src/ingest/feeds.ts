import path from 'node:path';
import { failure, failureFrom, MAX_OPML_DEPTH, originOf, rawDocument, type Context, type Source } from './context.js';
import { pageDocument } from './documents.js';
import { InputError } from './errors.js';
import { FEED_MEDIA_TYPES, OPML_MEDIA_TYPE, parseFeed, parseOpmlList, type FeedEntry, type ParsedFeed } from './feed-parse.js';
import { fetchUrl } from './fetch.js';
import { mapOrdered } from './pool.js';
import { sniff } from './sniff.js';
import type { IngestEvent } from './types.js';

export { parseFeed, parseOpmlList, type FeedEntry, type ParsedFeed, type ParsedOpml, type OpmlFeedRef } from './feed-parse.js';

/**
 * Feed and OPML expansion. A feed is kept raw as a `container`; each entry's page is fetched for the
 * full text (a few at a time, results in feed order). When the page cannot be had, the entry's own
 * content or summary stands in, marked `summaryOnly` with the fetch error as the reason.
 */

function resolveAgainst(link: string, base: string | null): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  if (!base) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

/** The page an entry points at: its link, else a guid that is itself an http(s) URL (RSS permalinks). */
function entryTarget(entry: FeedEntry, base: string | null): string | null {
  const link = entry.link ?? (entry.guid && /^https?:\/\//i.test(entry.guid) ? entry.guid : null);
  return link ? resolveAgainst(link, base) : null;
}

interface EntryScope {
  feedSource: Source;
  /** The feed, as origins name it: its URL, else its path. */
  feedRef: string;
  base: string | null;
  ctx: Context;
}

function summaryDocument(entry: FeedEntry, index: number, link: string | null, reason: string, scope: EntryScope): IngestEvent | null {
  const html = entry.content ?? entry.summary;
  if (!html) return null;
  const input = link ?? `${scope.feedSource.input}#${index + 1}`;
  const source: Source = {
    input,
    via: 'feed-entry',
    locator: link ?? `${scope.feedRef}#${index + 1}`,
    url: link,
    charset: 'utf-8',
    mediaType: 'text/html',
    name: null,
    fetchedAt: scope.ctx.now().toISOString(),
  };
  return pageDocument(Buffer.from(html, 'utf8'), 'html', source, {
    origin: { via: 'feed-entry', locator: source.locator, feed: scope.feedRef },
    hints: { url: link, title: entry.title, published: entry.published, byline: entry.author },
    summaryOnly: true,
    summaryReason: reason,
    warnings: [`kept the feed's summary instead of the page: ${reason}`],
  });
}

async function entryEvent(entry: FeedEntry, index: number, scope: EntryScope): Promise<IngestEvent> {
  const link = entryTarget(entry, scope.base);
  if (!link) {
    return (
      summaryDocument(entry, index, null, 'entry has no link', scope) ??
      failure(`${scope.feedSource.input}#${index + 1}`, 'malformed-feed', `entry ${index + 1} has neither a link nor any content`)
    );
  }
  const { ctx } = scope;
  try {
    const page = ctx.fetchPage ? await ctx.fetchPage(link) : await fetchUrl(link, ctx.fetch, link, ctx.now);
    const sniffed = sniff(page.bytes, { mediaType: page.mediaType, name: new URL(page.url).pathname });
    if (sniffed.format === 'unsupported') throw new InputError(link, sniffed.kind, sniffed.reason);
    if (sniffed.format !== 'html' && sniffed.format !== 'text') {
      throw new InputError(link, 'unsupported-type', `entry page is a ${sniffed.format} document, not an article page`);
    }
    const source: Source = { input: link, via: 'feed-entry', locator: page.url, url: page.url, charset: page.charset, mediaType: page.mediaType, name: null, fetchedAt: page.fetchedAt };
    return pageDocument(page.bytes, sniffed.format, source, {
      origin: { via: 'feed-entry', locator: page.url, feed: scope.feedRef },
      hints: { url: page.url, title: entry.title, published: entry.published, byline: entry.author },
    });
  } catch (e) {
    const error = e instanceof InputError ? e : new InputError(link, 'unreachable', e instanceof Error ? e.message : String(e), { cause: e });
    // A link we refuse to follow is named as refused, not papered over with the feed's summary.
    if (error.kind === 'blocked') return { type: 'failure', input: link, error };
    return summaryDocument(entry, index, link, error.message, scope) ?? { type: 'failure', input: link, error };
  }
}

/** Expands a feed (RSS, RDF, Atom or JSON Feed): the feed as a container, then one event per entry. */
export async function* expandFeed(bytes: Buffer, source: Source, ctx: Context): AsyncGenerator<IngestEvent> {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(bytes, source.charset, source.input);
  } catch (e) {
    yield failureFrom(source.input, e);
    return;
  }
  yield {
    type: 'container',
    input: source.input,
    raw: rawDocument({
      kind: 'feed',
      bytes,
      mediaType: FEED_MEDIA_TYPES[feed.format],
      charset: source.charset,
      origin: originOf(source),
      url: source.url,
      fetchedAt: source.fetchedAt,
      hints: { title: feed.title, url: feed.link },
    }),
    entries: Math.min(feed.entries.length, ctx.maxEntries),
  };
  const firstEntries = feed.entries.slice(0, ctx.maxEntries);
  const over = feed.entries.length > firstEntries.length;
  const keep = ctx.keepEntry;
  const base = source.url ?? feed.link;
  const entries = keep ? firstEntries.filter((e) => keep(e, entryTarget(e, base))) : firstEntries;
  if (entries.length > 0 || over) yield { type: 'planned', count: entries.length + (over ? 1 : 0) };
  // Relative entry links resolve against the feed's own URL, else the site link the feed declares.
  const scope: EntryScope = { feedSource: source, feedRef: source.url ?? source.locator, base, ctx };
  yield* mapOrdered(entries, ctx.concurrency, (entry, i) => entryEvent(entry, i, scope));
  if (over) {
    const n = (x: number): string => x.toLocaleString('en-US');
    yield failure(source.input, 'too-large', `the feed lists ${n(feed.entries.length)} entries; only the first ${n(firstEntries.length)} were read (--max-entries)`);
  }
}

/** An OPML `xmlUrl` as an input: URLs as they are (relative ones against the list's URL), paths beside a local list. */
function resolveFeedRef(xmlUrl: string, source: Source): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(xmlUrl)) return xmlUrl;
  if (source.url) return resolveAgainst(xmlUrl, source.url);
  if (source.via === 'file') return path.resolve(path.dirname(source.locator), xmlUrl);
  return xmlUrl;
}

/**
 * Expands an OPML list: the list as a container, then every feed it names, collected like a top-level
 * input. Lists already being expanded (a list that names itself, directly or through another) are
 * skipped, and nesting stops at MAX_OPML_DEPTH.
 */
export async function* expandOpml(bytes: Buffer, source: Source, ctx: Context): AsyncGenerator<IngestEvent> {
  const names = [source.locator, source.input, source.url].filter((s): s is string => !!s);
  if (names.some((n) => ctx.opmlStack.includes(n))) {
    yield failure(source.input, 'malformed-feed', `OPML list includes itself (through ${ctx.opmlStack.join(' > ')}); not expanded again`);
    return;
  }
  if (ctx.opmlStack.length >= MAX_OPML_DEPTH) {
    yield failure(source.input, 'malformed-feed', `OPML lists nested more than ${MAX_OPML_DEPTH} deep; not expanded`);
    return;
  }
  let list;
  try {
    list = parseOpmlList(bytes, source.charset, source.input);
  } catch (e) {
    yield failureFrom(source.input, e);
    return;
  }
  const stack = [...ctx.opmlStack, ...new Set(names)];
  // Each feed once; a list naming one of the lists being expanded is a cycle, skipped before fetching.
  const refs = [...new Set(list.feeds.map((f) => resolveFeedRef(f.xmlUrl, source)))].filter((r) => !stack.includes(r));
  yield {
    type: 'container',
    input: source.input,
    raw: rawDocument({
      kind: 'opml',
      bytes,
      mediaType: OPML_MEDIA_TYPE,
      charset: source.charset,
      origin: originOf(source),
      url: source.url,
      fetchedAt: source.fetchedAt,
      hints: { title: list.title },
    }),
    entries: refs.length,
  };
  if (refs.length > 0) yield { type: 'planned', count: refs.length };
  const child: Context = { ...ctx, opmlStack: stack };
  for (const ref of refs) yield* ctx.collectOne(ref, child);
}
