import { createHash } from 'node:crypto';
import type { ExtractHints } from '../extract/types.js';
import type { RawDocument, RawKind } from '../ingest/types.js';
import type { Db } from './db.js';

export interface StoredRaw {
  id: number;
  kind: RawKind;
  contentHash: string;
  bytes: Buffer;
  size: number;
  mediaType: string;
  charset: string | null;
  pageKey: string;
  version: number;
  url: string | null;
  origin: { via: string; locator: string; feed: string | null };
  fetchedAt: string;
  hints: ExtractHints;
  summaryOnly: boolean;
  summaryReason: string | null;
}

export interface PutRawResult {
  id: number;
  /** False when the same bytes were already stored: nothing new was written. */
  created: boolean;
  version: number;
}

interface RawRow {
  id: number;
  kind: RawKind;
  content_hash: string;
  bytes: Buffer;
  size: number;
  media_type: string;
  charset: string | null;
  page_key: string;
  version: number;
  url: string | null;
  origin_via: string;
  origin_locator: string;
  origin_feed: string | null;
  fetched_at: string;
  hints_json: string;
  summary_only: number;
  summary_reason: string | null;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What makes two raw records versions of one page: the URL when there is one, else where it came from. */
export function pageKeyOf(raw: Pick<RawDocument, 'url' | 'origin'>): string {
  return raw.url ?? raw.origin.locator;
}

function fromRow(r: RawRow): StoredRaw {
  return {
    id: r.id,
    kind: r.kind,
    contentHash: r.content_hash,
    bytes: r.bytes,
    size: r.size,
    mediaType: r.media_type,
    charset: r.charset,
    pageKey: r.page_key,
    version: r.version,
    url: r.url,
    origin: { via: r.origin_via, locator: r.origin_locator, feed: r.origin_feed },
    fetchedAt: r.fetched_at,
    hints: JSON.parse(r.hints_json) as ExtractHints,
    summaryOnly: r.summary_only === 1,
    summaryReason: r.summary_reason,
  };
}

/** Raw records: kept exactly as received, never updated or deleted by processing. */
export class RawStore {
  private readonly byHash;
  private readonly lastVersion;
  private readonly insert;
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byHash = db.prepare<[string], { id: number; version: number }>('SELECT id, version FROM raw_records WHERE content_hash = ?');
    this.lastVersion = db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM raw_records WHERE page_key = ?');
    this.insert = db.prepare(`
      INSERT INTO raw_records (kind, content_hash, bytes, size, media_type, charset, page_key, version, url,
        origin_via, origin_locator, origin_feed, fetched_at, hints_json, summary_only, summary_reason)
      VALUES (@kind, @hash, @bytes, @size, @mediaType, @charset, @pageKey, @version, @url,
        @via, @locator, @feed, @fetchedAt, @hints, @summaryOnly, @summaryReason)`);
    this.byId = db.prepare<[number], RawRow>('SELECT * FROM raw_records WHERE id = ?');
  }

  /**
   * Stores the raw record unless the same bytes are already stored. Different bytes for a page
   * already stored become its next version; the earlier versions stay.
   */
  put(raw: RawDocument): PutRawResult {
    const hash = contentHash(raw.bytes);
    return this.db.transaction((): PutRawResult => {
      const existing = this.byHash.get(hash);
      if (existing) return { id: existing.id, created: false, version: existing.version };
      const pageKey = pageKeyOf(raw);
      const version = (this.lastVersion.get(pageKey)?.v ?? 0) + 1;
      const info = this.insert.run({
        kind: raw.kind,
        hash,
        bytes: raw.bytes,
        size: raw.bytes.length,
        mediaType: raw.mediaType,
        charset: raw.charset,
        pageKey,
        version,
        url: raw.url,
        via: raw.origin.via,
        locator: raw.origin.locator,
        feed: raw.origin.feed ?? null,
        fetchedAt: raw.fetchedAt,
        hints: JSON.stringify(raw.hints),
        summaryOnly: raw.summaryOnly ? 1 : 0,
        summaryReason: raw.summaryReason,
      });
      return { id: Number(info.lastInsertRowid), created: true, version };
    })();
  }

  get(id: number): StoredRaw | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  /** Ids of the records that carry articles (documents and JSON records), in arrival order. */
  articleSourceIds(): number[] {
    return this.db
      .prepare<[], { id: number }>("SELECT id FROM raw_records WHERE kind IN ('document', 'record') ORDER BY id")
      .all()
      .map((r) => r.id);
  }

  count(): number {
    return (this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM raw_records').get()?.n ?? 0);
  }
}
