/**
 * Families, stories and storylines as stored (migration 2). Written whole by each recomputation
 * (src/pipeline/cluster.ts); story and storyline ids carry over by membership overlap.
 */
import { addsOverLead } from '../families/index.js';
import { carryIds } from '../stories/carry.js';
import type { Db } from './db.js';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export interface FamilyRow {
  id: string;
  canonical: number;
  members: { id: number; similarity: number; adds: SentenceSpan[]; drops: SentenceSpan[] }[];
}

export interface StoryRow {
  /** Article ids, ordered by (published, id). */
  members: number[];
  /** Family id of each member (same order). */
  familyOf: string[];
  title: string | null;
  first: string | null;
  last: string | null;
  families: number;
  /** The story's developments in time order (article ids). */
  developments: StoredDevelopment[];
}

export interface StoredDevelopment {
  members: number[];
  title: string | null;
  first: string | null;
}

export interface StorySummary {
  id: number;
  title: string | null;
  articles: number;
  families: number;
  first: string | null;
  last: string | null;
  storyline: number | null;
}

export interface StoryDetail extends StorySummary {
  members: { id: number; familyId: string; title: string | null; publisher: string | null; published: string | null; locator: string }[];
  familyDetails: FamilyRow[];
  /**
   * What each other family's canonical adds over the story's lead (the canonical of the family of the earliest member of its most covered development):
   * its sentences whose content no lead sentence covers (families/versions.ts). Copies within a family are in
   * `familyDetails` instead. Present when asked for (`getStory(id, { versions: true })`).
   */
  versions?: StoryVersion[];
  /** Stories of the storyline in time order (this one included). */
  storylineStories: StorySummary[];
  /** Each day's news within the story, in time order (one when the story is one day's news). */
  developments: StoredDevelopment[];
}

export interface StoryVersion {
  /** Canonical article of a family of the story. */
  id: number;
  /** The lead article it is compared with. */
  over: number;
  adds: SentenceSpan[];
}

export interface LatestArticle {
  id: number;
  text: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  via: string | null;
  language: string | null;
  /** What cleaning removed, with its reasons. */
  removed: { text: string; reason: string }[];
}

const DAY_MS = 86_400_000;

export class ClusterStore {
  constructor(private readonly db: Db) {}

  /** The latest version of every page's article: what families and stories are computed from. */
  latestArticles(): LatestArticle[] {
    return this.db
      .prepare<[], Omit<LatestArticle, 'removed'> & { removed_json: string }>(`
        SELECT a.raw_id AS id, a.text, a.title, a.published, a.publisher, a.via, a.language, a.removed_json
        FROM articles a JOIN raw_records r ON r.id = a.raw_id
        WHERE r.version = (SELECT max(version) FROM raw_records r2 WHERE r2.page_key = r.page_key)
        ORDER BY a.raw_id`)
      .all()
      .map(({ removed_json, ...a }) => ({ ...a, removed: JSON.parse(removed_json) as LatestArticle['removed'] }));
  }

  private groups(sql: string): Map<number, Set<number>> {
    const m = new Map<number, Set<number>>();
    for (const r of this.db.prepare<[], { g: number; x: number }>(sql).all()) (m.get(r.g) ?? m.set(r.g, new Set()).get(r.g)!).add(r.x);
    return m;
  }

  /**
   * Replaces families, stories and storylines. Stories keep the id of the old story they share most articles
   * with; storylines the id of the old storyline they share most stories with. Returns the story ids in order.
   */
  replace(families: readonly FamilyRow[], stories: readonly StoryRow[], storylines: readonly (readonly number[])[], now = new Date().toISOString()): number[] {
    return this.db.transaction((): number[] => {
      this.db.exec('DELETE FROM family_members; DELETE FROM families;');
      const insF = this.db.prepare('INSERT INTO families (id, canonical_id, computed_at) VALUES (?, ?, ?)');
      const insFM = this.db.prepare('INSERT INTO family_members (family_id, article_id, similarity, adds_json, drops_json) VALUES (?, ?, ?, ?, ?)');
      for (const f of families) {
        insF.run(f.id, f.canonical, now);
        for (const m of f.members) insFM.run(f.id, m.id, m.similarity, JSON.stringify(m.adds), JSON.stringify(m.drops));
      }
      const oldStories = this.groups('SELECT story_id AS g, article_id AS x FROM story_members');
      const storyIds = carryIds(oldStories, stories.map((s) => s.members));
      const oldLines = this.groups('SELECT storyline_id AS g, story_id AS x FROM storyline_stories');
      this.db.exec('DELETE FROM storyline_stories; DELETE FROM story_members;');
      const kept = new Set(storyIds.values());
      const delStory = this.db.prepare('DELETE FROM stories WHERE id = ?');
      for (const id of oldStories.keys()) if (!kept.has(id)) delStory.run(id);
      const upd = this.db.prepare('UPDATE stories SET title = ?, first_published = ?, last_published = ?, articles = ?, families = ?, computed_at = ?, developments_json = ? WHERE id = ?');
      const ins = this.db.prepare('INSERT INTO stories (title, first_published, last_published, articles, families, computed_at, developments_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const insM = this.db.prepare('INSERT INTO story_members (story_id, article_id, family_id) VALUES (?, ?, ?)');
      const ids: number[] = [];
      stories.forEach((s, gi) => {
        let id = storyIds.get(gi);
        const row = [s.title, s.first, s.last, s.members.length, s.families, now, JSON.stringify(s.developments)] as const;
        if (id !== undefined) upd.run(...row, id);
        else id = Number(ins.run(...row).lastInsertRowid);
        ids.push(id);
        s.members.forEach((m, i) => insM.run(id, m, s.familyOf[i]!));
      });
      this.writeStorylines(oldLines, storylines.map((l) => l.map((gi) => ids[gi]!)));
      return ids;
    })();
  }

  /** Replaces the storylines (as lists of story ids), ids carried over from `oldLines` by shared stories. */
  private writeStorylines(oldLines: ReadonlyMap<number, ReadonlySet<number>>, lines: readonly (readonly number[])[]): void {
    this.db.exec('DELETE FROM storyline_stories;');
    const lineIds = carryIds(oldLines, lines);
    const keptLines = new Set(lineIds.values());
    const delLine = this.db.prepare('DELETE FROM storylines WHERE id = ?');
    for (const id of oldLines.keys()) if (!keptLines.has(id)) delLine.run(id);
    const insL = this.db.prepare('INSERT INTO storylines DEFAULT VALUES');
    const insLS = this.db.prepare('INSERT INTO storyline_stories (storyline_id, story_id, position) VALUES (?, ?, ?)');
    lines.forEach((l, li) => {
      const id = lineIds.get(li) ?? Number(insL.run().lastInsertRowid);
      l.forEach((sid, i) => insLS.run(id, sid, i));
    });
  }

  /** Article ids of the latest version of every page (what `latestArticles` returns, without the texts). */
  latestIds(): number[] {
    return this.db
      .prepare<[], { id: number }>(`
        SELECT a.raw_id AS id FROM articles a JOIN raw_records r ON r.id = a.raw_id
        WHERE r.version = (SELECT max(version) FROM raw_records r2 WHERE r2.page_key = r.page_key)
        ORDER BY a.raw_id`)
      .all()
      .map((r) => r.id);
  }

  /** Some articles as `latestArticles` gives them (ids not stored are left out), in id order. */
  articlesById(ids: readonly number[]): LatestArticle[] {
    const q = this.db.prepare<[number], Omit<LatestArticle, 'removed'> & { removed_json: string }>(
      'SELECT raw_id AS id, text, title, published, publisher, via, language, removed_json FROM articles WHERE raw_id = ?',
    );
    const out: LatestArticle[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      const r = q.get(id);
      if (!r) continue;
      const { removed_json, ...a } = r;
      out.push({ ...a, removed: JSON.parse(removed_json) as LatestArticle['removed'] });
    }
    return out;
  }

  /**
   * The online path's write (src/pipeline/online.ts): some families replaced (same id) or added, some stories
   * deleted, updated in place (same id) or inserted, and the storylines replaced. Returns the inserted stories' ids.
   */
  applyChanges(change: {
    families: readonly FamilyRow[];
    deleteStories: readonly number[];
    updateStories: readonly { id: number; row: StoryRow }[];
    insertStories: readonly StoryRow[];
    /** Storylines as story references: an updated or kept story's id, or `{ inserted: i }`. */
    storylines: readonly (readonly (number | { inserted: number })[])[];
  }, now = new Date().toISOString()): number[] {
    return this.db.transaction((): number[] => {
      const delFM = this.db.prepare('DELETE FROM family_members WHERE family_id = ?');
      const delF = this.db.prepare('DELETE FROM families WHERE id = ?');
      const insF = this.db.prepare('INSERT INTO families (id, canonical_id, computed_at) VALUES (?, ?, ?)');
      const insFM = this.db.prepare('INSERT INTO family_members (family_id, article_id, similarity, adds_json, drops_json) VALUES (?, ?, ?, ?, ?)');
      for (const f of change.families) {
        delFM.run(f.id);
        delF.run(f.id);
        insF.run(f.id, f.canonical, now);
        for (const m of f.members) insFM.run(f.id, m.id, m.similarity, JSON.stringify(m.adds), JSON.stringify(m.drops));
      }
      const oldLines = this.groups('SELECT storyline_id AS g, story_id AS x FROM storyline_stories');
      const delM = this.db.prepare('DELETE FROM story_members WHERE story_id = ?');
      const delS = this.db.prepare('DELETE FROM stories WHERE id = ?');
      this.db.exec('DELETE FROM storyline_stories;');
      for (const id of change.deleteStories) {
        delM.run(id);
        delS.run(id);
      }
      const upd = this.db.prepare('UPDATE stories SET title = ?, first_published = ?, last_published = ?, articles = ?, families = ?, computed_at = ?, developments_json = ? WHERE id = ?');
      const ins = this.db.prepare('INSERT INTO stories (title, first_published, last_published, articles, families, computed_at, developments_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const insM = this.db.prepare('INSERT INTO story_members (story_id, article_id, family_id) VALUES (?, ?, ?)');
      const rowOf = (s: StoryRow) => [s.title, s.first, s.last, s.members.length, s.families, now, JSON.stringify(s.developments)] as const;
      for (const { id, row } of change.updateStories) {
        delM.run(id);
        upd.run(...rowOf(row), id);
        row.members.forEach((m, i) => insM.run(id, m, row.familyOf[i]!));
      }
      const inserted = change.insertStories.map((row) => {
        const id = Number(ins.run(...rowOf(row)).lastInsertRowid);
        row.members.forEach((m, i) => insM.run(id, m, row.familyOf[i]!));
        return id;
      });
      this.writeStorylines(oldLines, change.storylines.map((l) => l.map((x) => (typeof x === 'number' ? x : inserted[x.inserted]!))));
      return inserted;
    })();
  }

  private summaries(where = '', params: unknown[] = []): StorySummary[] {
    return this.db
      .prepare(`
        SELECT s.id, s.title, s.articles, s.families, s.first_published AS first, s.last_published AS last,
               (SELECT storyline_id FROM storyline_stories ls WHERE ls.story_id = s.id) AS storyline
        FROM stories s ${where}`)
      .all(...params) as StorySummary[];
  }

  /**
   * Stories ranked by independent sources (families) and recency: families / (1 + age in days), age measured
   * from the newest story in the store (so the ranking does not drift with the clock). Ties: newer, then lower id.
   */
  listStories(options: { limit?: number } = {}): StorySummary[] {
    const rows = this.summaries();
    const t = (s: StorySummary): number => {
      const x = Date.parse(s.last ?? s.first ?? '');
      return Number.isFinite(x) ? x : Number.NaN;
    };
    const known = rows.map(t).filter((x) => Number.isFinite(x));
    const newest = known.length ? Math.max(...known) : 0;
    const score = (s: StorySummary): number => {
      const x = t(s);
      const age = Number.isFinite(x) ? (newest - x) / DAY_MS : 30;
      return s.families / (1 + age);
    };
    rows.sort((a, b) => score(b) - score(a) || (t(b) || 0) - (t(a) || 0) || a.id - b.id);
    return options.limit !== undefined ? rows.slice(0, options.limit) : rows;
  }

  countStories(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stories').get()?.n ?? 0;
  }

  /** A story with its members and families; `versions` (what each family adds over the lead) is computed on request. */
  getStory(id: number, options: { versions?: boolean } = {}): StoryDetail | null {
    const s = this.summaries('WHERE s.id = ?', [id])[0];
    if (!s) return null;
    const members = this.db
      .prepare(`
        SELECT m.article_id AS id, m.family_id AS familyId, a.title, a.publisher, a.published, r.origin_locator AS locator
        FROM story_members m JOIN articles a ON a.raw_id = m.article_id JOIN raw_records r ON r.id = a.raw_id
        WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, m.article_id`)
      .all(id) as StoryDetail['members'];
    const famIds = [...new Set(members.map((m) => m.familyId))];
    const familyDetails: FamilyRow[] = [];
    const canonicalOf = this.db.prepare<[string], { canonical_id: number }>('SELECT canonical_id FROM families WHERE id = ?');
    const membersOf = this.db.prepare<[string], { article_id: number; similarity: number; adds_json: string; drops_json: string }>(
      'SELECT article_id, similarity, adds_json, drops_json FROM family_members WHERE family_id = ? ORDER BY article_id',
    );
    for (const fid of famIds) {
      const f = canonicalOf.get(fid);
      if (!f) continue;
      const rows = membersOf.all(fid);
      familyDetails.push({
        id: fid,
        canonical: f.canonical_id,
        members: rows.map((r) => ({ id: r.article_id, similarity: r.similarity, adds: JSON.parse(r.adds_json) as SentenceSpan[], drops: JSON.parse(r.drops_json) as SentenceSpan[] })),
      });
    }
    const storylineStories =
      s.storyline === null
        ? []
        : this.summaries('JOIN storyline_stories ls ON ls.story_id = s.id WHERE ls.storyline_id = ? ORDER BY ls.position', [s.storyline]);
    const developments = JSON.parse(this.db.prepare<[number], { d: string }>('SELECT developments_json AS d FROM stories WHERE id = ?').get(id)!.d) as StoredDevelopment[];
    return { ...s, members, familyDetails, ...(options.versions ? { versions: this.versions(members, familyDetails, developments) } : {}), storylineStories, developments };
  }

  /** What each family adds over the lead: the family of the first article of the story's most covered development. */
  private versions(members: StoryDetail['members'], families: readonly FamilyRow[], developments: readonly StoredDevelopment[]): StoryVersion[] {
    const leadDev = developments.reduce<StoredDevelopment | null>((a, b) => (!a || b.members.length > a.members.length ? b : a), null);
    const inLead = new Set(leadDev?.members ?? members.map((m) => m.id));
    const leadFamily = families.find((f) => f.id === members.find((m) => inLead.has(m.id))?.familyId);
    if (!leadFamily) return [];
    const textOf = this.db.prepare<[number], { text: string; language: string | null }>('SELECT text, language FROM articles WHERE raw_id = ?');
    const lead = textOf.get(leadFamily.canonical);
    if (!lead) return [];
    const addsOver = addsOverLead(lead);
    const out: StoryVersion[] = [];
    for (const f of families) {
      if (f === leadFamily) continue;
      const other = textOf.get(f.canonical);
      if (other) out.push({ id: f.canonical, over: leadFamily.canonical, adds: addsOver(other) });
    }
    return out;
  }
}
