import type { ExtractedArticle, LeadImage, Removed } from '../extract/types.js';
import { articleText, foundByOf } from '../extract/types.js';
import type { Db } from './db.js';

/** An article as stored: the extraction result plus where it came from. Its id is its raw record's id. */
export interface StoredArticle {
  id: number;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  via: string | null;
  published: string | null;
  publishedRelative: string | null;
  language: string | null;
  text: string;
  paragraphs: string[];
  captions: string[];
  removed: Removed[];
  warnings: string[];
  leadImage: LeadImage | null;
  foundBy: Record<string, string | null>;
  extractor: string;
  extractedAt: string;
  /** From the raw record. */
  source: { locator: string; via: string; feed: string | null; fetchedAt: string; version: number; pageKey: string; summaryOnly: boolean; summaryReason: string | null; mediaType: string; size: number };
}

/** One line of a listing. */
export interface ArticleSummary {
  id: number;
  title: string | null;
  publisher: string | null;
  via: string | null;
  published: string | null;
  words: number;
  locator: string;
  version: number;
}

interface ArticleRow {
  raw_id: number;
  url: string | null;
  canonical_url: string | null;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  via: string | null;
  published: string | null;
  published_relative: string | null;
  language: string | null;
  text: string;
  paragraphs_json: string;
  captions_json: string;
  removed_json: string;
  warnings_json: string;
  lead_image_json: string | null;
  found_by_json: string;
  extractor: string;
  extracted_at: string;
  origin_locator: string;
  origin_via: string;
  origin_feed: string | null;
  fetched_at: string;
  version: number;
  page_key: string;
  summary_only: number;
  summary_reason: string | null;
  media_type: string;
  size: number;
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

export class ArticleStore {
  private readonly upsert;
  private readonly byId;

  constructor(private readonly db: Db) {
    this.upsert = db.prepare(`
      INSERT INTO articles (raw_id, url, canonical_url, title, byline, publisher, via, published, published_relative,
        language, text, paragraphs_json, captions_json, removed_json, warnings_json, lead_image_json, found_by_json,
        extractor, extracted_at)
      VALUES (@rawId, @url, @canonicalUrl, @title, @byline, @publisher, @via, @published, @publishedRelative,
        @language, @text, @paragraphs, @captions, @removed, @warnings, @leadImage, @foundBy, @extractor, @extractedAt)
      ON CONFLICT (raw_id) DO UPDATE SET
        url = excluded.url, canonical_url = excluded.canonical_url, title = excluded.title, byline = excluded.byline,
        publisher = excluded.publisher, via = excluded.via, published = excluded.published,
        published_relative = excluded.published_relative, language = excluded.language, text = excluded.text,
        paragraphs_json = excluded.paragraphs_json, captions_json = excluded.captions_json,
        removed_json = excluded.removed_json, warnings_json = excluded.warnings_json,
        lead_image_json = excluded.lead_image_json, found_by_json = excluded.found_by_json,
        extractor = excluded.extractor, extracted_at = excluded.extracted_at`);
    this.byId = db.prepare<[number], ArticleRow>(`
      SELECT a.*, r.origin_locator, r.origin_via, r.origin_feed, r.fetched_at, r.version, r.page_key,
             r.summary_only, r.summary_reason, r.media_type, r.size
      FROM articles a JOIN raw_records r ON r.id = a.raw_id WHERE a.raw_id = ?`);
  }

  /** Writes (or rewrites, on reprocess) the article derived from raw record `rawId`. */
  save(rawId: number, a: ExtractedArticle, extractedAt = new Date().toISOString()): void {
    this.upsert.run({
      rawId,
      url: a.url,
      canonicalUrl: a.canonicalUrl,
      title: a.title,
      byline: a.byline,
      publisher: a.publisher,
      via: a.via,
      published: a.published,
      publishedRelative: a.publishedRelative,
      language: a.language,
      text: articleText(a),
      paragraphs: JSON.stringify(a.paragraphs),
      captions: JSON.stringify(a.captions),
      removed: JSON.stringify(a.removed),
      warnings: JSON.stringify(a.warnings),
      leadImage: a.leadImage ? JSON.stringify(a.leadImage) : null,
      foundBy: JSON.stringify(foundByOf(a)),
      extractor: a.extractor,
      extractedAt,
    });
  }

  has(rawId: number): boolean {
    return this.db.prepare('SELECT 1 FROM articles WHERE raw_id = ?').get(rawId) !== undefined;
  }

  get(id: number): StoredArticle | null {
    const r = this.byId.get(id);
    if (!r) return null;
    return {
      id: r.raw_id,
      url: r.url,
      canonicalUrl: r.canonical_url,
      title: r.title,
      byline: r.byline,
      publisher: r.publisher,
      via: r.via,
      published: r.published,
      publishedRelative: r.published_relative,
      language: r.language,
      text: r.text,
      paragraphs: JSON.parse(r.paragraphs_json) as string[],
      captions: JSON.parse(r.captions_json) as string[],
      removed: JSON.parse(r.removed_json) as Removed[],
      warnings: JSON.parse(r.warnings_json) as string[],
      leadImage: r.lead_image_json ? (JSON.parse(r.lead_image_json) as LeadImage) : null,
      foundBy: JSON.parse(r.found_by_json) as Record<string, string | null>,
      extractor: r.extractor,
      extractedAt: r.extracted_at,
      source: {
        locator: r.origin_locator,
        via: r.origin_via,
        feed: r.origin_feed,
        fetchedAt: r.fetched_at,
        version: r.version,
        pageKey: r.page_key,
        summaryOnly: r.summary_only === 1,
        summaryReason: r.summary_reason,
        mediaType: r.media_type,
        size: r.size,
      },
    };
  }

  /**
   * Articles newest first (by publication date, then arrival), `limit` of them from `offset`. Only the latest
   * version of each page unless `allVersions`.
   */
  list(options: { limit?: number; offset?: number; allVersions?: boolean } = {}): ArticleSummary[] {
    const limit = options.limit !== undefined ? Math.max(0, Math.floor(options.limit)) : -1;
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const rows = this.db
      .prepare<[number, number], { id: number; title: string | null; publisher: string | null; via: string | null; published: string | null; text: string; locator: string; version: number }>(`
        SELECT a.raw_id AS id, a.title, a.publisher, a.via, a.published, a.text, r.origin_locator AS locator, r.version
        FROM articles a JOIN raw_records r ON r.id = a.raw_id
        WHERE 1 ${latestOnly(options.allVersions)}
        ORDER BY a.published IS NULL, a.published DESC, a.raw_id DESC LIMIT ? OFFSET ?`)
      .all(limit, offset);
    return rows.map(({ text, ...rest }) => ({ ...rest, words: wordCount(text) }));
  }

  /** How many articles `list` would give without a limit. */
  count(options: { allVersions?: boolean } = {}): number {
    return (
      this.db
        .prepare<[], { n: number }>(`SELECT count(*) AS n FROM articles a JOIN raw_records r ON r.id = a.raw_id WHERE 1 ${latestOnly(options.allVersions)}`)
        .get()?.n ?? 0
    );
  }
}

/** The SQL condition keeping only the latest version of each page (none with `allVersions`). */
function latestOnly(allVersions?: boolean): string {
  return allVersions ? '' : 'AND r.version = (SELECT max(version) FROM raw_records r2 WHERE r2.page_key = r.page_key)';
}
