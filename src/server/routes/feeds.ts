/** Feeds of composite stories: all stories, and per storyline; RSS 2.0, Atom and JSON Feed. */
import { Hono, type Context } from 'hono';
import { toAtom, toJsonFeed, toRss, type FeedMeta } from '../../publish/feeds.js';
import type { StorySummary } from '../../store/clusters.js';
import { fail, parseId, type Env } from '../http.js';
import type { ReaderState } from '../state.js';
import { feedStory } from '../stories.js';

/** Stories per feed. */
const FEED_SIZE = 20;

type Format = 'rss' | 'atom' | 'json';

const TYPES: Record<Format, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

function send(c: Context<Env>, state: ReaderState, format: Format, stories: StorySummary[], meta: Omit<FeedMeta, 'feedUrls'>, path: string): Response {
  const base = new URL(c.req.url).origin;
  const full: FeedMeta = { ...meta, feedUrls: { rss: `${base}${path}.rss`, atom: `${base}${path}.atom`, json: `${base}${path}.json` } };
  const items = stories.slice(0, FEED_SIZE).map((s) => feedStory(state, s, base));
  const body = format === 'rss' ? toRss(full, items) : format === 'atom' ? toAtom(full, items) : toJsonFeed(full, items);
  c.header('Content-Type', TYPES[format]);
  return c.body(body);
}

export function feedRoutes(state: ReaderState): Hono<Env> {
  const feeds = new Hono<Env>();
  for (const format of ['rss', 'atom', 'json'] as const) {
    feeds.get(`/stories.${format}`, (c) => {
      const base = new URL(c.req.url).origin;
      return send(c, state, format, state.clusters.listStories(), { title: 'Roundup: stories', description: 'Merged stories, every sentence citing its sources.', homeUrl: `${base}/` }, '/feeds/stories');
    });
  }
  feeds.get('/storylines/:file', (c) => {
    const m = /^(\w+)\.(rss|atom|json)$/.exec(c.req.param('file'));
    const id = m ? parseId(m[1]!, 'l') : null;
    if (!m || id === null) return fail(c, 404, `no feed "${c.req.param('file')}" (storyline feeds are /feeds/storylines/<id>.rss, .atom or .json)`);
    const stories = state.clusters
      .listStories()
      .filter((s) => s.storyline === id)
      .sort((a, b) => (b.first ?? '').localeCompare(a.first ?? '') || b.id - a.id);
    if (!stories.length) return fail(c, 404, `no storyline ${id}`);
    const base = new URL(c.req.url).origin;
    const oldest = stories[stories.length - 1]!;
    return send(
      c,
      state,
      m[2] as Format,
      stories,
      { title: `Roundup storyline: ${oldest.title ?? `l${id}`}`, description: `The ${stories.length} stories of one storyline, newest first.`, homeUrl: `${base}/stories/${oldest.id}` },
      `/feeds/storylines/${id}`,
    );
  });
  return feeds;
}
