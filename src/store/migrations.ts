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
  // 2: syndication families, stories and storylines, recomputed from the latest version of every article
  // (src/pipeline/cluster.ts). Story and storyline ids are never reused (AUTOINCREMENT) and are carried over
  // recomputations by membership overlap, so `s12` keeps meaning the same story.
  `
  CREATE TABLE families (
    id           TEXT    PRIMARY KEY,                 -- family:<canonical article id>
    canonical_id INTEGER NOT NULL REFERENCES articles (raw_id) ON DELETE CASCADE,
    computed_at  TEXT    NOT NULL
  );
  CREATE TABLE family_members (
    family_id  TEXT    NOT NULL REFERENCES families (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (raw_id) ON DELETE CASCADE,
    similarity REAL    NOT NULL,
    adds_json  TEXT    NOT NULL,                      -- [{text, start, end}] sentences this copy adds
    drops_json TEXT    NOT NULL,                      -- [{text, start, end}] canonical sentences it drops
    PRIMARY KEY (family_id, article_id)
  );
  CREATE INDEX family_members_article ON family_members (article_id);
  CREATE TABLE stories (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- shown as s<id>
    title           TEXT,
    first_published TEXT,
    last_published  TEXT,
    articles        INTEGER NOT NULL,
    families        INTEGER NOT NULL,                  -- independent sources
    computed_at     TEXT    NOT NULL
  );
  CREATE TABLE story_members (
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (raw_id) ON DELETE CASCADE,
    family_id  TEXT    NOT NULL,
    PRIMARY KEY (story_id, article_id)
  );
  CREATE INDEX story_members_article ON story_members (article_id);
  CREATE TABLE storylines (
    id INTEGER PRIMARY KEY AUTOINCREMENT
  );
  CREATE TABLE storyline_stories (
    storyline_id INTEGER NOT NULL REFERENCES storylines (id) ON DELETE CASCADE,
    story_id     INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (storyline_id, story_id)
  );
  CREATE INDEX storyline_stories_story ON storyline_stories (story_id);
  `,
  // 3: full-text search (FTS5) over articles (title, text, publisher) and stories (title), kept current by triggers
  // (src/store/search.ts). External-content tables: the text lives once, in articles and stories.
  `
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, publisher, content='articles', content_rowid='raw_id', tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text, publisher) VALUES (new.raw_id, new.title, new.text, new.publisher);
  END;
  CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, publisher) VALUES ('delete', old.raw_id, old.title, old.text, old.publisher);
  END;
  CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, publisher) VALUES ('delete', old.raw_id, old.title, old.text, old.publisher);
    INSERT INTO articles_fts (rowid, title, text, publisher) VALUES (new.raw_id, new.title, new.text, new.publisher);
  END;
  INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
  CREATE VIRTUAL TABLE stories_fts USING fts5(title, content='stories', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER stories_fts_ai AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts (rowid, title) VALUES (new.id, new.title);
  END;
  CREATE TRIGGER stories_fts_ad AFTER DELETE ON stories BEGIN
    INSERT INTO stories_fts (stories_fts, rowid, title) VALUES ('delete', old.id, old.title);
  END;
  CREATE TRIGGER stories_fts_au AFTER UPDATE ON stories BEGIN
    INSERT INTO stories_fts (stories_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO stories_fts (rowid, title) VALUES (new.id, new.title);
  END;
  INSERT INTO stories_fts (stories_fts) VALUES ('rebuild');
  `,
  // 4: a story's developments (each day's news within the event: src/stories/types.ts Development), as JSON
  // [{members: [article id...], title, first}], written with the story by each recomputation.
  `
  ALTER TABLE stories ADD COLUMN developments_json TEXT NOT NULL DEFAULT '[]';
  `,
  // 5: editions (src/editions/): every published composite of a story, immutable (no UPDATE), numbered per story,
  // with its change list against the edition before. Not tied to stories by a foreign key: a story id that a
  // recomputation retires keeps its history. story_inputs records what the latest composition of each story was
  // made from, so an unchanged story is not composed again. Feeds followed by `roundup watch` and their schedule.
  `
  CREATE TABLE editions (
    story_id      INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    at            TEXT    NOT NULL,
    headline      TEXT    NOT NULL,
    snapshot_json TEXT    NOT NULL,                  -- facts and sources compared by the next edition
    changes_json  TEXT    NOT NULL,                  -- [{kind, text, before?, after?, citations}]
    composite_json TEXT   NOT NULL,                  -- the composite as published
    PRIMARY KEY (story_id, n)
  );
  CREATE TRIGGER editions_immutable BEFORE UPDATE ON editions BEGIN
    SELECT RAISE(ABORT, 'editions are immutable');
  END;
  CREATE TABLE story_inputs (
    story_id    INTEGER PRIMARY KEY,
    input_key   TEXT NOT NULL,                       -- sha256 of the member article ids, headline and timeline
    composed_at TEXT NOT NULL
  );
  CREATE TABLE watch_feeds (
    url            TEXT PRIMARY KEY,                 -- the feed as the operator gave it
    etag           TEXT,
    last_modified  TEXT,
    next_at        TEXT,                             -- ISO time of the next fetch due
    interval_s     INTEGER,                          -- the feed's own refresh interval (ttl, sy:updatePeriod, max-age)
    failures       INTEGER NOT NULL DEFAULT 0,       -- consecutive failures
    last_error     TEXT,
    last_status    INTEGER,
    last_at        TEXT
  );
  CREATE TABLE watch_entries (
    feed_url  TEXT NOT NULL,
    entry_key TEXT NOT NULL,                         -- link (or guid) and the entry's date: a new date is a new version
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
  );
  CREATE TABLE watch_meta (
    key   TEXT PRIMARY KEY,                          -- 'dirty': articles stored since the last recluster
    value TEXT NOT NULL
  );
  `,
];
