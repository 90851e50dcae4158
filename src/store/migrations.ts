/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new migrations; never edit one that has shipped.
 */
export const migrations: readonly string[] = [
  // 1: raw records as received, and the articles derived from them.
  `
  CREATE TABLE raw_records (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('document', 'record', 'feed', 'opml')),
    content_hash   TEXT    NOT NULL UNIQUE,            -- sha256 of bytes, hex
    bytes          BLOB    NOT NULL,
    size           INTEGER NOT NULL,
    media_type     TEXT    NOT NULL,
    charset        TEXT,                               -- as declared by the transport
    page_key       TEXT    NOT NULL,                   -- url, else origin locator: what "the same page" means
    version        INTEGER NOT NULL,                   -- 1, 2, ... per page_key, in order of arrival
    url            TEXT,
    origin_via     TEXT    NOT NULL,
    origin_locator TEXT    NOT NULL,
    origin_feed    TEXT,
    fetched_at     TEXT    NOT NULL,
    hints_json     TEXT    NOT NULL DEFAULT '{}',
    summary_only   INTEGER NOT NULL DEFAULT 0,
    summary_reason TEXT,
    UNIQUE (page_key, version)
  );
  CREATE INDEX raw_records_page ON raw_records (page_key, version);

  CREATE TABLE articles (
    raw_id             INTEGER PRIMARY KEY REFERENCES raw_records (id) ON DELETE CASCADE,
    url                TEXT,
    canonical_url      TEXT,
    title              TEXT,
    byline             TEXT,
    publisher          TEXT,
    via                TEXT,
    published          TEXT,
    published_relative TEXT,
    language           TEXT,
    text               TEXT NOT NULL,
    paragraphs_json    TEXT NOT NULL,
    captions_json      TEXT NOT NULL,
    removed_json       TEXT NOT NULL,
    warnings_json      TEXT NOT NULL,
    lead_image_json    TEXT,
    found_by_json      TEXT NOT NULL,                  -- where each metadata value came from
    extractor          TEXT NOT NULL,
    extracted_at       TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles (published);
  `,
];
