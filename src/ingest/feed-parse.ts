import { parseFeed as feedsmithParse, parseOpml as feedsmithParseOpml, type AnyFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { escapeHtml } from '../escape-html.js';
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';

/**
 * Feeds (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, JSON Feed) and OPML lists as plain data. Pure: no I/O.
 * feedsmith keeps each format's own shape; this module flattens them to the few fields ingest needs.
 */

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedEntry {
  title: string | null;
  /** The entry's page, as the feed gives it (may be relative; resolve against the feed's URL). */
  link: string | null;
  guid: string | null;
  /** ISO 8601 when the feed's date parses, else the feed's own string. */
  published: string | null;
  /** Short description (RSS description, Atom summary, JSON Feed summary); HTML. */
  summary: string | null;
  /** Full content (content:encoded, Atom content, JSON Feed content_html/content_text); HTML. */
  content: string | null;
  author: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
  /** How often the feed says it changes, seconds: RSS `ttl`, else `sy:updatePeriod` / `sy:updateFrequency`; null when it says nothing. */
  refreshSeconds?: number | null;
}

export interface OpmlFeedRef {
  title: string | null;
  xmlUrl: string;
}

export interface ParsedOpml {
  title: string | null;
  feeds: OpmlFeedRef[];
}

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  rdf: 'application/rdf+xml',
  json: 'application/feed+json',
};
export const OPML_MEDIA_TYPE = 'text/x-opml';

const NOT_A_FEED = 'not a recognised RSS, Atom or JSON Feed document';

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t || null;
}

/** Keeps markup as is (only trims): summaries and content are HTML. */
function body(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  return s.trim() || null;
}

function isoDate(s: string | null | undefined): string | null {
  const raw = clean(s);
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? raw : new Date(t).toISOString();
}

/** RSS `<author>` is usually `email (Name)`; keep the name. */
function personName(s: string | null | undefined): string | null {
  const v = clean(s);
  if (!v) return null;
  const m = /^\S+@\S+\s*\(([^)]+)\)$/.exec(v);
  return m ? clean(m[1]) : v;
}

/** Plain text as HTML paragraphs, so every summary we keep is HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

type AtomText = AtomFeed.Text | string | undefined;
function atomText(t: AtomText): string | null {
  return typeof t === 'string' ? t : (t?.value ?? null);
}

type AtomLinks = Array<{ href?: string; rel?: string }> | undefined;
/** The alternate (or rel-less) link, which is the page; else the first. */
function atomLink(links: AtomLinks): string | null {
  if (!links?.length) return null;
  const alt = links.find((l) => (!l.rel || l.rel === 'alternate') && l.href);
  return clean((alt ?? links.find((l) => l.href))?.href);
}

const PERIOD_SECONDS: Record<string, number> = { hourly: 3600, daily: 86_400, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000 };

/** `sy:updatePeriod` (hourly by default) divided by `sy:updateFrequency` (1 by default), seconds; null without either. */
function syndicationSeconds(sy: { updatePeriod?: string; updateFrequency?: number } | undefined): number | null {
  if (!sy || (sy.updatePeriod === undefined && sy.updateFrequency === undefined)) return null;
  const period = PERIOD_SECONDS[(sy.updatePeriod ?? 'hourly').trim().toLowerCase()];
  const freq = Number(sy.updateFrequency ?? 1);
  return period && Number.isFinite(freq) && freq > 0 ? Math.round(period / freq) : null;
}

function ttlSeconds(ttl: unknown): number | null {
  const n = Number(ttl);
  return ttl !== undefined && Number.isFinite(n) && n > 0 ? Math.round(n * 60) : null;
}

function fromRss(feed: RssFeed.Feed<string>): ParsedFeed {
  return {
    refreshSeconds: ttlSeconds(feed.ttl) ?? syndicationSeconds(feed.sy),
    format: 'rss',
    title: clean(feed.title),
    link: clean(feed.link) ?? atomLink(feed.atom?.links),
    entries: (feed.items ?? []).map((item) => ({
      title: clean(item.title) ?? clean(item.dc?.titles?.[0]),
      link: clean(item.link) ?? atomLink(item.atom?.links),
      guid: clean(item.guid?.value),
      published: isoDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated),
      summary: body(item.description),
      content: body(item.content?.encoded),
      author: personName(item.authors?.[0]?.name) ?? clean(item.dc?.creators?.[0]) ?? clean(item.itunes?.author),
    })),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>): ParsedFeed {
  return {
    refreshSeconds: syndicationSeconds(feed.sy),
    format: 'atom',
    title: clean(atomText(feed.title)),
    link: atomLink(feed.links),
    entries: (feed.entries ?? []).map((entry) => ({
      title: clean(atomText(entry.title)),
      link: atomLink(entry.links),
      guid: clean(entry.id),
      published: isoDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
      summary: body(atomText(entry.summary)),
      content: body(entry.content?.value),
      author: clean(entry.authors?.[0]?.name) ?? clean(entry.dc?.creators?.[0]) ?? clean(feed.authors?.[0]?.name),
    })),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>): ParsedFeed {
  return {
    refreshSeconds: syndicationSeconds(feed.sy),
    format: 'rdf',
    title: clean(feed.title),
    link: clean(feed.link),
    entries: (feed.items ?? []).map((item) => ({
      title: clean(item.title),
      link: clean(item.link),
      guid: clean(item.rdf?.about),
      published: isoDate(item.dc?.dates?.[0]),
      summary: body(item.description),
      content: body(item.content?.encoded),
      author: clean(item.dc?.creators?.[0]),
    })),
  };
}

function fromJson(feed: JsonFeed.Feed<string>): ParsedFeed {
  const feedAuthor = clean(feed.authors?.[0]?.name);
  return {
    format: 'json',
    title: clean(feed.title),
    link: clean(feed.home_page_url),
    entries: (feed.items ?? []).map((item) => ({
      title: clean(item.title),
      link: clean(item.url) ?? clean(item.external_url),
      guid: clean(item.id),
      published: isoDate(item.date_published ?? item.date_modified),
      summary: item.summary ? textToHtml(item.summary) : null,
      content: body(item.content_html) ?? (item.content_text ? textToHtml(item.content_text) : null),
      author: clean(item.authors?.[0]?.name) ?? feedAuthor,
    })),
  };
}

/**
 * Parses feed bytes. The XML prolog's encoding (or the transport `charset`) is honoured by decodeBytes.
 * Throws InputError `malformed-feed`, naming `input`, when the bytes are no feed we know.
 */
export function parseFeed(bytes: Uint8Array, charset?: string | null, input = 'feed'): ParsedFeed {
  const { text } = decodeBytes(bytes, 'xml', charset);
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse<string>(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const detail = e instanceof Error && e.message && !/unrecognized feed format/i.test(e.message) ? ` (${e.message})` : '';
    throw new InputError(input, 'malformed-feed', `${NOT_A_FEED}${detail}`, { cause: e });
  }
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed);
    case 'atom':
      return fromAtom(parsed.feed);
    case 'rdf':
      return fromRdf(parsed.feed);
    case 'json':
      return fromJson(parsed.feed);
  }
}

type Outline = { xmlUrl?: string; text?: string; title?: string; outlines?: Outline[] };

function collectOutlines(outlines: Outline[] | undefined, out: OpmlFeedRef[]): void {
  for (const o of outlines ?? []) {
    const xmlUrl = clean(o.xmlUrl);
    if (xmlUrl) out.push({ title: clean(o.title) ?? clean(o.text), xmlUrl });
    collectOutlines(o.outlines, out);
  }
}

/** Parses an OPML subscription list: every outline (at any depth) with an `xmlUrl`, in document order. */
export function parseOpmlList(bytes: Uint8Array, charset?: string | null, input = 'opml'): ParsedOpml {
  const { text } = decodeBytes(bytes, 'xml', charset);
  let doc: ReturnType<typeof feedsmithParseOpml>;
  try {
    doc = feedsmithParseOpml(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new InputError(input, 'malformed-feed', `not a valid OPML document (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const feeds: OpmlFeedRef[] = [];
  collectOutlines(doc.body?.outlines as Outline[] | undefined, feeds);
  return { title: clean(doc.head?.title), feeds };
}
