/** Story listings shared by the front page, the API and the feeds. */
import type { Composite } from '../compose/index.js';
import { changeSummary } from '../editions/diff.js';
import { EditionStore, type StoredEdition } from '../store/editions.js';
import type { FeedSource, FeedStory } from '../publish/feeds.js';
import type { StorySummary } from '../store/clusters.js';
import type { ReaderState } from './state.js';
import type { StoryCard } from './views/front.js';

/** Stories per front page (and the default API page). */
export const PAGE_SIZE = 20;
/** Longest fallback lede, characters. */
const LEDE_CHARS = 320;

export function storylineSizes(state: ReaderState): Map<number, number> {
  const rows = state.store.db.prepare<[], { id: number; n: number }>('SELECT storyline_id AS id, count(*) AS n FROM storyline_stories GROUP BY storyline_id').all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Distinct outlets (publishers; an article without one counts alone) per story. */
export function outletCounts(state: ReaderState): Map<number, number> {
  const rows = state.store.db
    .prepare<[], { id: number; n: number }>(`
      SELECT m.story_id AS id, count(DISTINCT coalesce(lower(a.publisher), '#' || a.raw_id)) AS n
      FROM story_members m JOIN articles a ON a.raw_id = m.article_id GROUP BY m.story_id`)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The first sentence of the story's earliest article: the lede shown until the composite is cached. */
function fallbackLede(state: ReaderState, storyId: number): string {
  const row = state.store.db
    .prepare<[number], { text: string }>(`
      SELECT a.text FROM story_members m JOIN articles a ON a.raw_id = m.article_id
      WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, a.raw_id LIMIT 1`)
    .get(storyId);
  const para = (row?.text ?? '').split(/\n{2,}/).find((p) => p.trim()) ?? '';
  const m = /^[\s\S]{40,}?[.!?](?=\s|$)/.exec(para);
  const s = (m ? m[0] : para).trim();
  return s.length > LEDE_CHARS ? `${s.slice(0, LEDE_CHARS - 1).trimEnd()}…` : s;
}

function ledeText(c: Composite): string {
  return c.lede.map((s) => s.text).join(' ');
}

/** The composite's headline and lede, else the story's title and its earliest article's first sentence. */
function headlineAndLede(state: ReaderState, s: StorySummary, c: Composite | null): { headline: string; lede: string } {
  return { headline: c?.headline.text ?? s.title ?? `Story ${s.id}`, lede: c && c.lede.length ? ledeText(c) : fallbackLede(state, s.id) };
}

/** Headline and lede from the cached composite when there is one (listing never composes), else from the store. */
export function storyCard(state: ReaderState, s: StorySummary, sizes: Map<number, number>, outlets: Map<number, number>): StoryCard {
  const { headline, lede } = headlineAndLede(state, s, state.cachedComposite(s.id));
  return {
    story: s,
    outlets: outlets.get(s.id) ?? s.articles,
    headline,
    lede,
    storylineSize: s.storyline === null ? 0 : sizes.get(s.storyline) ?? 0,
  };
}

function latestEdition(state: ReaderState, storyId: number): StoredEdition | null {
  return new EditionStore(state.store.db).latest(storyId);
}

/** A story as a feed entry (composes it when not cached). */
export function feedStory(state: ReaderState, s: StorySummary, base: string): FeedStory {
  const c = state.composite(s.id) ?? null;
  const url = `${base}/stories/${s.id}`;
  const sources: FeedSource[] = c
    ? [...c.sourcesUsed, ...c.sourcesNotUsed].map((x) => ({ title: x.title, publisher: x.publisher, url: x.url ?? `${base}/articles/${x.articleId}` }))
    : [];
  const paragraphs = c ? [ledeText(c), ...c.sections.flatMap((sec) => sec.paragraphs.map((p) => p.map((x) => x.text).join(' ')))].filter(Boolean) : [];
  const { headline, lede } = headlineAndLede(state, s, c);
  // An undated story (no source gave a date) is dated by its last recomputation.
  const published = s.first ?? state.computedAt(s.id);
  // Its latest edition, once it has had more than one, dates the entry's update and says what changed.
  const edition = latestEdition(state, s.id);
  const updated = edition && edition.n > 1 ? edition.at : s.last ?? published;
  return {
    id: `s${s.id}`,
    title: headline,
    summary: lede,
    paragraphs,
    url,
    published,
    updated,
    change: edition && edition.n > 1 ? changeSummary(edition.changes) : null,
    independent: s.families,
    sources,
  };
}

