/** Editions of stories (migration 5): appended, never updated. */
import type { Edition, EditionChange, EditionSnapshot } from '../editions/types.js';
import type { Db } from './db.js';

export interface StoredEdition extends Edition {
  storyId: number;
  snapshot: EditionSnapshot;
}

interface Row {
  story_id: number;
  n: number;
  at: string;
  headline: string;
  snapshot_json: string;
  changes_json: string;
}

const edition = (r: Row): StoredEdition => ({
  storyId: r.story_id,
  n: r.n,
  at: r.at,
  headline: r.headline,
  changes: JSON.parse(r.changes_json) as EditionChange[],
  snapshot: JSON.parse(r.snapshot_json) as EditionSnapshot,
});

export class EditionStore {
  constructor(private readonly db: Db) {}

  /** The story's editions, oldest first. */
  list(storyId: number): StoredEdition[] {
    return this.db.prepare<[number], Row>('SELECT * FROM editions WHERE story_id = ? ORDER BY n').all(storyId).map(edition);
  }

  latest(storyId: number): StoredEdition | null {
    const r = this.db.prepare<[number], Row>('SELECT * FROM editions WHERE story_id = ? ORDER BY n DESC LIMIT 1').get(storyId);
    return r ? edition(r) : null;
  }

  /** The latest edition of each story that has one (for listings and feeds). */
  latestAll(): Map<number, StoredEdition> {
    const rows = this.db.prepare<[], Row>('SELECT e.* FROM editions e WHERE e.n = (SELECT max(n) FROM editions x WHERE x.story_id = e.story_id)').all();
    return new Map(rows.map((r) => [r.story_id, edition(r)]));
  }

  /** Appends the story's next edition; returns its number. */
  append(storyId: number, e: { at: string; headline: string; snapshot: EditionSnapshot; changes: EditionChange[]; composite: unknown }): number {
    return this.db.transaction(() => {
      const n = (this.db.prepare<[number], { n: number | null }>('SELECT max(n) AS n FROM editions WHERE story_id = ?').get(storyId)?.n ?? 0) + 1;
      this.db
        .prepare('INSERT INTO editions (story_id, n, at, headline, snapshot_json, changes_json, composite_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(storyId, n, e.at, e.headline, JSON.stringify(e.snapshot), JSON.stringify(e.changes), JSON.stringify(e.composite));
      return n;
    })();
  }

  /** What the story's latest composition was made from (null before its first). */
  inputKey(storyId: number): string | null {
    return this.db.prepare<[number], { k: string }>('SELECT input_key AS k FROM story_inputs WHERE story_id = ?').get(storyId)?.k ?? null;
  }

  setInputKey(storyId: number, key: string, at: string): void {
    this.db.prepare('INSERT INTO story_inputs (story_id, input_key, composed_at) VALUES (?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET input_key = excluded.input_key, composed_at = excluded.composed_at').run(storyId, key, at);
  }

  /** Every story's recorded input key (what its latest composition was made from). */
  inputKeys(): Map<number, string> {
    return new Map(this.db.prepare<[], { id: number; k: string }>('SELECT story_id AS id, input_key AS k FROM story_inputs').all().map((r) => [r.id, r.k]));
  }

  /**
   * What each story's composite is made from, as text to hash: member ids in order with their extraction time (a
   * reprocessed article is new material), title, developments, and the
   * storyline's stories with their titles and dates (the composite's timeline). One pass over the clustering tables.
   */
  clusteringRows(): { id: number; material: string }[] {
    return this.db
      .prepare<[], { id: number; material: string }>(`
        SELECT s.id,
               coalesce(s.title, '') || char(0) || s.developments_json || char(0) ||
               coalesce((SELECT group_concat(k, ',') FROM (SELECT m.article_id || '@' || a.extracted_at AS k FROM story_members m JOIN articles a ON a.raw_id = m.article_id WHERE m.story_id = s.id ORDER BY m.article_id)), '') || char(0) ||
               coalesce((SELECT group_concat(x.story_id || ':' || coalesce(t.title, '') || ':' || coalesce(t.first_published, ''), ',')
                         FROM (SELECT ls2.story_id, ls2.position FROM storyline_stories ls1 JOIN storyline_stories ls2 ON ls2.storyline_id = ls1.storyline_id
                               WHERE ls1.story_id = s.id ORDER BY ls2.position) x JOIN stories t ON t.id = x.story_id), '') AS material
        FROM stories s ORDER BY s.id`)
      .all();
  }

  /** Ids of every stored story. */
  storyIds(): number[] {
    return this.db.prepare<[], { id: number }>('SELECT id FROM stories ORDER BY id').all().map((r) => r.id);
  }
}
