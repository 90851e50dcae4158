/** `roundup watch`'s state (migration 5): each feed's schedule and validators, the entries already read. */
import type { Db } from './db.js';

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO time the next fetch is due; null: now. */
  nextAt: string | null;
  intervalS: number | null;
  failures: number;
  lastError: string | null;
  lastStatus: number | null;
  lastAt: string | null;
}

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  next_at: string | null;
  interval_s: number | null;
  failures: number;
  last_error: string | null;
  last_status: number | null;
  last_at: string | null;
}

const fromRow = (r: Row): FeedState => ({
  url: r.url,
  etag: r.etag,
  lastModified: r.last_modified,
  nextAt: r.next_at,
  intervalS: r.interval_s,
  failures: r.failures,
  lastError: r.last_error,
  lastStatus: r.last_status,
  lastAt: r.last_at,
});

export class WatchStore {
  constructor(private readonly db: Db) {}

  feed(url: string): FeedState {
    const r = this.db.prepare<[string], Row>('SELECT * FROM watch_feeds WHERE url = ?').get(url);
    return r ? fromRow(r) : { url, etag: null, lastModified: null, nextAt: null, intervalS: null, failures: 0, lastError: null, lastStatus: null, lastAt: null };
  }

  feeds(): FeedState[] {
    return this.db.prepare<[], Row>('SELECT * FROM watch_feeds ORDER BY url').all().map(fromRow);
  }

  saveFeed(s: FeedState): void {
    this.db
      .prepare(`
        INSERT INTO watch_feeds (url, etag, last_modified, next_at, interval_s, failures, last_error, last_status, last_at)
        VALUES (@url, @etag, @lastModified, @nextAt, @intervalS, @failures, @lastError, @lastStatus, @lastAt)
        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, next_at = excluded.next_at,
          interval_s = excluded.interval_s, failures = excluded.failures, last_error = excluded.last_error,
          last_status = excluded.last_status, last_at = excluded.last_at`)
      .run(s);
  }

  hasEntry(feedUrl: string, key: string): boolean {
    return this.db.prepare<[string, string], { x: number }>('SELECT 1 AS x FROM watch_entries WHERE feed_url = ? AND entry_key = ?').get(feedUrl, key) !== undefined;
  }

  markEntry(feedUrl: string, key: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO watch_entries (feed_url, entry_key, seen_at) VALUES (?, ?, ?)').run(feedUrl, key, at);
  }

  /** Articles were stored that families and stories do not reflect yet (survives a crash: the next cycle reclusters). */
  isDirty(): boolean {
    return this.db.prepare<[], { value: string }>("SELECT value FROM watch_meta WHERE key = 'dirty'").get()?.value === '1';
  }

  setDirty(dirty: boolean): void {
    this.db.prepare("INSERT INTO watch_meta (key, value) VALUES ('dirty', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(dirty ? '1' : '0');
  }
}
