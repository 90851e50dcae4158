import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyArticle } from '../extract/types.js';
import type { RawDocument } from '../ingest/types.js';
import { migrations } from './migrations.js';
import { openDb, resolveDbPath, Store, StoreError } from './index.js';

function raw(text: string, over: Partial<RawDocument> = {}): RawDocument {
  return {
    kind: 'document',
    bytes: Buffer.from(text),
    mediaType: 'text/plain',
    charset: null,
    origin: { via: 'file', locator: '/tmp/a.txt' },
    url: null,
    fetchedAt: '2026-03-10T08:00:00.000Z',
    hints: {},
    summaryOnly: false,
    summaryReason: null,
    ...over,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roundup-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDb', () => {
  it('creates a WAL database with foreign keys and the current schema version', () => {
    const db = openDb(join(dir, 'sub', 'r.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
    // Reopening applies nothing twice.
    const again = openDb(join(dir, 'sub', 'r.db'));
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('refuses a file that is not a database, naming it', () => {
    const p = join(dir, 'not.db');
    writeFileSync(p, 'this is plain text, not SQLite '.repeat(100));
    expect(() => openDb(p)).toThrow(StoreError);
    expect(() => openDb(p)).toThrow(p);
  });

  it('refuses a schema newer than this build', () => {
    const p = join(dir, 'future.db');
    const db = openDb(p);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    expect(() => openDb(p)).toThrow(/newer than this Roundup/);
  });

  it('resolves the path from --db, then ROUNDUP_DB, then ./roundup.db', () => {
    expect(resolveDbPath('/x/flag.db', { ROUNDUP_DB: '/x/env.db' })).toBe('/x/flag.db');
    expect(resolveDbPath(undefined, { ROUNDUP_DB: '/x/env.db' })).toBe('/x/env.db');
    expect(resolveDbPath(undefined, {})).toBe(join(process.cwd(), 'roundup.db'));
  });
});

describe('RawStore', () => {
  it('stores the same bytes once', () => {
    const store = Store.open(join(dir, 'r.db'));
    const a = store.raw.put(raw('hello world'));
    const b = store.raw.put(raw('hello world', { origin: { via: 'file', locator: '/tmp/copy.txt' } }));
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false, version: 1 });
    expect(store.raw.count()).toBe(1);
    store.close();
  });

  it('keeps a changed page at the same URL as a new version, not an overwrite', () => {
    const store = Store.open(join(dir, 'r.db'));
    const url = 'https://news.example/a';
    const v1 = store.raw.put(raw('<p>first</p>', { url, mediaType: 'text/html' }));
    const v2 = store.raw.put(raw('<p>second</p>', { url, mediaType: 'text/html' }));
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(store.raw.get(v1.id)!.bytes.toString()).toBe('<p>first</p>');
    expect(store.raw.get(v2.id)!.bytes.toString()).toBe('<p>second</p>');
    store.close();
  });

  it('keeps bytes exactly, including invalid UTF-8', () => {
    const store = Store.open(join(dir, 'r.db'));
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a, 0xff]);
    const { id } = store.raw.put(raw('', { bytes }));
    expect(Buffer.compare(store.raw.get(id)!.bytes, bytes)).toBe(0);
    store.close();
  });
});

describe('ArticleStore', () => {
  it('saves, rewrites and lists only the latest version of each page', () => {
    const store = Store.open(join(dir, 'r.db'));
    const url = 'https://news.example/a';
    const v1 = store.raw.put(raw('one', { url }));
    const v2 = store.raw.put(raw('two', { url }));
    const other = store.raw.put(raw('three', { url: 'https://news.example/b' }));
    for (const [put, title] of [[v1, 'Old'], [v2, 'New'], [other, 'Other']] as const) {
      const a = emptyArticle('text@1');
      a.title = title;
      a.paragraphs = [`${title} body one.`, 'Second paragraph.'];
      a.published = title === 'Other' ? '2026-03-11' : '2026-03-10';
      store.articles.save(put.id, a);
    }
    expect(store.articles.list().map((r) => r.title)).toEqual(['Other', 'New']);
    expect(store.articles.list({ allVersions: true }).map((r) => r.title)).toEqual(['Other', 'New', 'Old']);
    expect(store.articles.list({ limit: 1 }).length).toBe(1);
    expect(store.articles.list({ limit: 1, offset: 1 }).map((r) => r.title)).toEqual(['New']);

    const a = emptyArticle('text@2');
    a.title = 'New, re-extracted';
    a.paragraphs = ['x'];
    store.articles.save(v2.id, a);
    const got = store.articles.get(v2.id)!;
    expect(got.title).toBe('New, re-extracted');
    expect(got.extractor).toBe('text@2');
    expect(got.source.version).toBe(2);
    expect(store.articles.count({ allVersions: true })).toBe(3);
    expect(store.articles.count()).toBe(store.articles.list().length);
    store.close();
  });

  it('cannot hold an article without its raw record', () => {
    const store = Store.open(join(dir, 'r.db'));
    expect(() => store.articles.save(999, emptyArticle('text@1'))).toThrow(/FOREIGN KEY/);
    store.close();
  });
});
