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

  /** Ids of every stored story. */
  storyIds(): number[] {
    return this.db.prepare<[], { id: number }>('SELECT id FROM stories ORDER BY id').all().map((r) => r.id);
  }
}
