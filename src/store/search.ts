/**
 * Full-text search over stories and articles (FTS5 tables of migration 3, kept current by triggers).
 * User queries are never passed to FTS5 as syntax: each word is quoted, so `"foo`, `AND(` or `NEAR` are plain words.
 */
import type { Db } from './db.js';
import type { StorySummary } from './clusters.js';

/** Marks around matched words in snippets (control characters: never in stored text, easy to escape around). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export interface StoryHit extends Omit<StorySummary, 'storyline'> {
  /** `title` when the story's own title matched, else `articles` (one of its articles matched). */
  matched: 'title' | 'articles';
}

export interface ArticleHit {
  id: number;
  title: string | null;
  publisher: string | null;
  published: string | null;
  /** A few words around the matches, matched words between HIT_START and HIT_END. */
  snippet: string;
}

export interface SearchResults {
  query: string;
  stories: StoryHit[];
  articles: ArticleHit[];
}

/** Longest query kept, and most words used: a search box, not a document. */
const MAX_QUERY_CHARS = 200;
const MAX_TERMS = 12;

/**
 * A user query as an FTS5 MATCH expression: words (letters, digits, apostrophes and hyphens inside words) each
 * quoted, all required. Null when the query has no word.
 */
export function ftsQuery(query: string): string | null {
  const terms = query.slice(0, MAX_QUERY_CHARS).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (!terms.length) return null;
  return terms.slice(0, MAX_TERMS).map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export class SearchStore {
  constructor(private readonly db: Db) {}

  search(query: string, options: { limit?: number } = {}): SearchResults {
    const limit = Math.max(1, Math.min(100, Math.floor(options.limit ?? 20)));
    const match = ftsQuery(query);
    if (!match) return { query, stories: [], articles: [] };
    const articles = this.db
      .prepare<[string, string, string], ArticleHit>(`
        SELECT a.raw_id AS id, a.title, a.publisher, a.published,
               snippet(articles_fts, 1, ?, ?, '…', 16) AS snippet
        FROM articles_fts f JOIN articles a ON a.raw_id = f.rowid JOIN raw_records r ON r.id = a.raw_id
        WHERE articles_fts MATCH ?
          AND r.version = (SELECT max(version) FROM raw_records r2 WHERE r2.page_key = r.page_key)
        ORDER BY bm25(articles_fts, 5.0, 1.0, 2.0), a.raw_id
        LIMIT ${limit}`)
      .all(HIT_START, HIT_END, match);
    const byTitle = this.db
      .prepare<[string], Omit<StoryHit, 'matched'>>(`
        SELECT s.id, s.title, s.articles, s.families, s.first_published AS first, s.last_published AS last
        FROM stories_fts f JOIN stories s ON s.id = f.rowid
        WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts), s.id LIMIT ${limit}`)
      .all(match);
    const byArticles = this.db
      .prepare<[string], Omit<StoryHit, 'matched'>>(`
        SELECT s.id, s.title, s.articles, s.families, s.first_published AS first, s.last_published AS last
        FROM stories s
        WHERE s.id IN (SELECT m.story_id FROM story_members m JOIN articles_fts f ON f.rowid = m.article_id WHERE articles_fts MATCH ?)
        ORDER BY s.families DESC, s.last_published DESC, s.id LIMIT ${limit}`)
      .all(match);
    const seen = new Set<number>();
    const stories: StoryHit[] = [];
    for (const [rows, matched] of [[byTitle, 'title'], [byArticles, 'articles']] as const) {
      for (const r of rows) {
        if (seen.has(r.id) || stories.length >= limit) continue;
        seen.add(r.id);
        stories.push({ ...r, matched });
      }
    }
    return { query, stories, articles };
  }
}
