/**
 * The store's online clustering (#15): after the first full clustering in a process, an ingest's new articles join
 * families and stories without recomputing the store. What the clusterers need stays in memory beside the open
 * Store: each article's family retrieval keys (families/lookup.ts), the families, and the story index
 * (stories/story-index.ts) with its story numbers and the store's id of each story.
 *
 * A step: new articles' keys retrieve the stored articles they could be copies of; families are recomputed over the
 * new articles and the families those belong to; the new articles join the story index (`addArticles`: the stories
 * they retrieve are re-clustered with them); only the stories whose articles changed are recomposed and written.
 * Storylines are relinked story by story (stories/storylines.ts StorylineGraph): a changed story is linked again,
 * the other stories keep their links.
 *
 * The full path (`clusterStore`, also `roundup reprocess`) is exact and is taken instead whenever the online step
 * could not reproduce it: no state yet, another connection wrote the database, a stored article changed or went (a
 * new version of a page), or a new article changes an existing family's canonical or splits or merges families.
 * The online stories drift from the batch result only through document frequencies of stories the new articles do
 * not touch (bench/stories-online.ts measures it).
 */
import { derivedSignals } from '../compose/derived.js';
import { findFamilies, type Family } from '../families/index.js';
import { FamilyLookup, familyKeys } from '../families/lookup.js';
import { ClusterStore, type FamilyRow, type LatestArticle, type StoryRow } from '../store/clusters.js';
import type { Store } from '../store/index.js';
import { buildIndex, familyMap, profileOf, storiesOf, storylinesOf, storyOfUnits, type Story, type StoryIndex } from '../stories/index.js';
import { StorylineGraph } from '../stories/storylines.js';

export interface OnlineState {
  /** `PRAGMA data_version` after our last write: another connection's commit changes it. */
  dataVersion: number;
  /** Article ids the state holds (empty texts included). */
  known: Set<number>;
  lookup: FamilyLookup;
  /** Family id → members (canonical first); article id → family id. */
  familyMembers: Map<string, string[]>;
  familyOf: Map<string, string>;
  /** Articles that are derived sources (compose/derived.ts). */
  derived: Set<string>;
  index: StoryIndex;
  /** Index story number → the story as composed and its id in the store. */
  stories: Map<number, { story: Story; id: number }>;
  /** The stories' storyline links, relinked story by story. */
  lines: StorylineGraph;
}

/** What a clustering step did. */
export interface ClusterStep {
  mode: 'full' | 'online';
  /** Why the full path was taken (mode full). */
  reason?: string;
  articles: number;
  families: number;
  stories: number;
  storylines: number;
  /** Store ids of the stories whose articles changed (online), or null: every story may have. */
  changed: number[] | null;
  ms: number;
}

const states = new WeakMap<Store, OnlineState>();

/** Forgets a store's online state (the full path writes everything anew). */
export function dropOnlineState(store: Store): void {
  states.delete(store);
}

const dataVersion = (store: Store): number => Number(store.db.pragma('data_version', { simple: true }));

export function pipelineInput(a: LatestArticle) {
  return { id: String(a.id), text: a.text, title: a.title, published: a.published, publisher: a.publisher, language: a.language, via: a.via, url: null, byline: null, removed: a.removed };
}

export const familyRowOf = (f: Family): FamilyRow => ({
  id: f.id,
  canonical: Number(f.canonical),
  members: f.members.map((m) => ({ id: Number(m.id), similarity: m.similarity, adds: m.adds.map(span), drops: m.drops.map(span) })),
});

const span = (x: { text: string; start: number; end: number }) => ({ text: x.text, start: x.start, end: x.end });

/**
 * A story as stored. Independent sources: families with a first-hand member (a derived source, such as an
 * AI-written composite, is not one; see compose/derived.ts); a story whose sources are all derived counts its
 * families as they are.
 */
export function storyRowOf(s: Story, familyOf: ReadonlyMap<string, string>, derived: ReadonlySet<string>): StoryRow {
  const fam = (m: string): string => familyOf.get(m) ?? `family:${m}`;
  const fams = (pick: (m: string) => boolean) => new Set(s.members.filter(pick).map(fam)).size;
  return {
    members: s.members.map(Number),
    familyOf: s.members.map(fam),
    title: s.title,
    first: s.first,
    last: s.last,
    families: fams((m) => !derived.has(m)) || fams(() => true),
    developments: s.developments.map((d) => ({ members: d.members.map(Number), title: d.title, first: d.first })),
  };
}

/**
 * The full clustering of every stored article, written whole (story ids carried over by membership overlap), and,
 * with `keep`, the online state for the steps after it. The stories equal `clusterArticles`' (the library path).
 */
export function fullCluster(store: Store, keep: boolean, reason?: string): ClusterStep {
  const t0 = performance.now();
  states.delete(store);
  const clusters = new ClusterStore(store.db);
  const articles = clusters.latestArticles();
  const usable = articles.map(pipelineInput).filter((a) => a.text.trim());
  const families = findFamilies(usable);
  const index = buildIndex(usable, { families });
  const stories = storiesOf(index);
  const storylines = storylinesOf(index, stories);
  const familyOf = new Map(families.flatMap((f) => f.members.map((m) => [m.id, f.id] as const)));
  const derived = new Set(articles.filter((a) => derivedSignals(a).length > 0).map((a) => String(a.id)));
  const position = new Map(stories.map((s, i) => [s.id, i]));
  const ids = clusters.replace(
    families.map(familyRowOf),
    stories.map((s) => storyRowOf(s, familyOf, derived)),
    storylines.map((l) => l.stories.map((id) => position.get(id)!)),
  );
  if (keep) {
    const lookup = new FamilyLookup();
    for (const a of usable) lookup.add(a.id, familyKeys(a));
    index.takeChanged();
    const lines = new StorylineGraph({ entityWeight: index.entityWeight });
    lines.update(stories.map((s) => profileOf(index, s)), []);
    states.set(store, {
      lines,
      dataVersion: dataVersion(store),
      known: new Set(articles.map((a) => a.id)),
      lookup,
      familyMembers: new Map(families.map((f) => [f.id, f.members.map((m) => m.id)])),
      familyOf,
      derived,
      index,
      stories: new Map(stories.map((s, i) => [Number(s.id.slice(1)), { story: s, id: ids[i]! }])),
    });
  }
  return { mode: 'full', ...(reason ? { reason } : {}), articles: articles.length, families: families.length, stories: stories.length, storylines: storylines.length, changed: null, ms: performance.now() - t0 };
}

/**
 * Brings the stored families and stories up to date with the stored articles: online when the process holds a state
 * for this store that can absorb the change, else the full path (which then leaves a state for the next step).
 */
export function updateClusters(store: Store): ClusterStep {
  const state = states.get(store);
  if (!state) return fullCluster(store, true, 'no online state');
  if (dataVersion(store) !== state.dataVersion) return fullCluster(store, true, 'the database was written by another connection');
  const t0 = performance.now();
  const clusters = new ClusterStore(store.db);
  const ids = clusters.latestIds();
  const now = new Set(ids);
  for (const id of state.known) if (!now.has(id)) return fullCluster(store, true, `article ${id} changed or went`);
  const added = ids.filter((id) => !state.known.has(id));
  if (!added.length) return { mode: 'online', articles: state.known.size, families: state.familyMembers.size, stories: state.stories.size, storylines: state.lines.groups().length, changed: [], ms: performance.now() - t0 };
  let step: Omit<ClusterStep, 'ms'> | string;
  try {
    step = onlineStep(store, state, clusters, added);
  } catch (e) {
    // A step that failed half-way leaves a state that no longer matches the store.
    states.delete(store);
    throw e;
  }
  if (typeof step === 'string') return fullCluster(store, true, step);
  return { ...step, ms: performance.now() - t0 };
}

/** The online step for `added` article ids, or why it cannot be taken (the state is then unusable). */
function onlineStep(store: Store, state: OnlineState, clusters: ClusterStore, added: number[]): Omit<ClusterStep, 'ms'> | string {
  const articles = clusters.articlesById(added);
  const fresh = articles.map(pipelineInput).filter((a) => a.text.trim());
  // Families: the new articles with every family one of them could join.
  const keys = new Map(fresh.map((a) => [a.id, familyKeys(a)]));
  const touched = new Set<string>();
  for (const k of keys.values()) for (const id of state.lookup.candidates(k)) touched.add(state.familyOf.get(id)!);
  const oldIds = [...touched].flatMap((f) => state.familyMembers.get(f)!);
  const families = findFamilies([...clusters.articlesById(oldIds.map(Number)).map(pipelineInput), ...fresh]);
  const changedFamilies: Family[] = [];
  for (const f of families) {
    const old = f.members.map((m) => m.id).filter((id) => state.familyOf.has(id));
    if (old.length) {
      // An existing family may gain copies, nothing else: same canonical, same old members.
      const was = state.familyOf.get(old[0]!)!;
      if (f.id !== was || old.length !== state.familyMembers.get(was)!.length) return `family ${was} would change its canonical or members`;
      if (f.members.length === old.length) continue;
    }
    changedFamilies.push(f);
  }
  for (const f of changedFamilies) {
    state.familyMembers.set(f.id, f.members.map((m) => m.id));
    for (const m of f.members) state.familyOf.set(m.id, f.id);
  }
  for (const a of articles) {
    state.known.add(a.id);
    if (derivedSignals(a).length > 0) state.derived.add(String(a.id));
  }
  for (const [id, k] of keys) state.lookup.add(id, k);
  // Stories: the new articles join the index; the stories whose articles changed are recomposed.
  state.index.addArticles(fresh, familyMap(changedFamilies));
  const deleteStories: number[] = [];
  const updateStories: { id: number; row: StoryRow; num: number }[] = [];
  const insertStories: StoryRow[] = [];
  const insertedNums: number[] = [];
  const gone: string[] = [];
  const live = state.index.stories();
  for (const num of state.index.takeChanged()) {
    const units = live.get(num);
    const had = state.stories.get(num);
    if (!units) {
      if (had) deleteStories.push(had.id);
      state.stories.delete(num);
      gone.push(`s${num}`);
      continue;
    }
    const story = storyOfUnits(state.index, num, units);
    const row = storyRowOf(story, state.familyOf, state.derived);
    if (had) {
      updateStories.push({ id: had.id, row, num });
      state.stories.set(num, { story, id: had.id });
    } else {
      insertStories.push(row);
      insertedNums.push(num);
      state.stories.set(num, { story, id: -1 });
    }
  }
  state.lines.update([...updateStories.map((u) => u.num), ...insertedNums].map((num) => profileOf(state.index, state.stories.get(num)!.story)), gone);
  const sortKey = (sid: string): string => profileOf(state.index, state.stories.get(Number(sid.slice(1)))!.story).sortKey;
  const lines = state.lines
    .groups()
    .map((g) => ({ g, key: sortKey(g[0]!) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => ({ stories: x.g }));
  const insertedAt = new Map(insertedNums.map((num, i) => [`s${num}`, i]));
  const ref = (sid: string): number | { inserted: number } => {
    const i = insertedAt.get(sid);
    return i !== undefined ? { inserted: i } : state.stories.get(Number(sid.slice(1)))!.id;
  };
  const newIds = clusters.applyChanges({ families: changedFamilies.map(familyRowOf), deleteStories, updateStories, insertStories, storylines: lines.map((l) => l.stories.map(ref)) });
  insertedNums.forEach((num, i) => (state.stories.get(num)!.id = newIds[i]!));
  state.dataVersion = dataVersion(store);
  return {
    mode: 'online',
    articles: state.known.size,
    families: state.familyMembers.size,
    stories: state.stories.size,
    storylines: lines.length,
    changed: [...updateStories.map((u) => u.id), ...newIds],
  };
}
