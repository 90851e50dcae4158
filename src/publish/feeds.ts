/**
 * Feeds of composite stories: RSS 2.0, Atom 1.0 and JSON Feed 1.1 (generated with feedsmith). Each entry is one
 * merged story: its headline, lede, the merged article as HTML, and the sources it was composed from.
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import { escapeHtml } from '../escape-html.js';

export interface FeedSource {
  title: string | null;
  publisher: string | null;
  /** Where a reader finds it: the original URL, else its page in the reader. */
  url: string;
}

export interface FeedStory {
  /** Stable id, e.g. `s12`. */
  id: string;
  title: string;
  /** The lede (plain text). */
  summary: string;
  /** Paragraphs of the merged article (plain text; escaped here). */
  paragraphs: string[];
  /** Absolute URL of the story page. */
  url: string;
  published: string | null;
  updated: string | null;
  /** What changed in the story's latest edition ("1 fact added, 1 number updated (412, up from 300)"), when it has had more than one. */
  change?: string | null;
  /** Independent sources (families) behind the story. */
  independent: number;
  sources: FeedSource[];
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the front page (or the storyline's first story). */
  homeUrl: string;
  /** Absolute URL of this feed, per format. */
  feedUrls: { rss: string; atom: string; json: string };
  /** Used when no story has a date (so that feed output does not depend on the clock). */
  fallbackDate?: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

function date(s: string | null | undefined, fallback: string): Date {
  const t = Date.parse(s ?? '');
  return new Date(Number.isFinite(t) ? t : Date.parse(fallback));
}

function newest(stories: readonly FeedStory[], fallback: string): Date {
  let best = Date.parse(fallback);
  for (const s of stories) {
    const t = Date.parse(s.updated ?? s.published ?? '');
    if (Number.isFinite(t) && (!Number.isFinite(best) || t > best)) best = t;
  }
  return new Date(Number.isFinite(best) ? best : 0);
}

const sourceLabel = (s: FeedSource): string => [s.publisher, s.title].filter(Boolean).join(': ') || s.url;

/** Who wrote an entry: no person did; the composer did, from the sources each entry lists. */
const AUTHOR = 'Roundup (assembled automatically from the sources listed)';

/** The story as an HTML fragment: the merged article, then its sources (everything escaped). */
function storyHtml(s: FeedStory): string {
  const change = s.change ? `<p><strong>Updated:</strong> ${escapeHtml(s.change)}</p>\n` : '';
  const body = change + s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const sources = s.sources.map((x) => `<li><a href="${escapeHtml(x.url)}">${escapeHtml(sourceLabel(x))}</a></li>`).join('\n');
  return `${body}\n<p>Composed from ${s.sources.length} article${s.sources.length === 1 ? '' : 's'} by ${s.independent} independent source${s.independent === 1 ? '' : 's'}:</p>\n<ul>\n${sources}\n</ul>`;
}

export function toRss(meta: FeedMeta, stories: readonly FeedStory[]): string {
  const fallback = meta.fallbackDate ?? EPOCH;
  return generateRssFeed({
    title: meta.title,
    link: meta.homeUrl,
    description: meta.description,
    language: 'en',
    generator: 'Roundup',
    lastBuildDate: newest(stories, fallback),
    atom: { links: [{ href: meta.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }] },
    // RSS readers take an item's title and description as HTML: source text is escaped so it shows as written.
    items: stories.map((s) => ({
      title: escapeHtml(s.title),
      link: s.url,
      guid: { value: s.url, isPermaLink: true },
      description: escapeHtml(s.summary),
      pubDate: date(s.published, fallback),
      content: { encoded: storyHtml(s) },
      dc: { creators: [AUTHOR] },
      categories: s.sources.flatMap((x) => (x.publisher ? [{ name: escapeHtml(x.publisher) }] : [])).filter((c, i, a) => a.findIndex((d) => d.name === c.name) === i),
    })),
  });
}

export function toAtom(meta: FeedMeta, stories: readonly FeedStory[]): string {
  const fallback = meta.fallbackDate ?? EPOCH;
  return generateAtomFeed({
    id: meta.feedUrls.atom,
    title: { value: meta.title },
    subtitle: { value: meta.description },
    updated: newest(stories, fallback),
    generator: { text: 'Roundup' },
    authors: [{ name: 'Roundup' }],
    links: [
      { href: meta.feedUrls.atom, rel: 'self', type: 'application/atom+xml' },
      { href: meta.homeUrl, rel: 'alternate', type: 'text/html' },
    ],
    entries: stories.map((s) => ({
      id: s.url,
      title: { value: s.title },
      updated: date(s.updated ?? s.published, fallback),
      published: date(s.published, fallback),
      summary: { value: s.summary },
      authors: [{ name: AUTHOR }],
      content: { type: 'html', value: storyHtml(s) },
      links: [{ href: s.url, rel: 'alternate', type: 'text/html' }, ...s.sources.map((x) => ({ href: x.url, rel: 'related', title: sourceLabel(x) }))],
    })),
  });
}

export function toJsonFeed(meta: FeedMeta, stories: readonly FeedStory[]): string {
  const fallback = meta.fallbackDate ?? EPOCH;
  const feed = generateJsonFeed({
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrls.json,
    language: 'en',
    items: stories.map((s) => ({
      id: s.url,
      url: s.url,
      title: s.title,
      summary: s.summary,
      content_html: storyHtml(s),
      authors: [{ name: AUTHOR, url: meta.homeUrl }],
      date_published: date(s.published, fallback),
      date_modified: date(s.updated ?? s.published, fallback),
      tags: [...new Set(s.sources.flatMap((x) => (x.publisher ? [x.publisher] : [])))],
    })),
  }) as { items?: Record<string, unknown>[] };
  // JSON Feed extension (keys starting with "_"): each story's sources, machine-readable.
  feed.items?.forEach((item, i) => {
    const s = stories[i]!;
    item._roundup = { story: s.id, independent: s.independent, sources: s.sources };
  });
  return JSON.stringify(feed, null, 2);
}
