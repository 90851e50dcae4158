/**
 * The composite of a stored story: its members' latest articles, its storyline as the timeline, composed with
 * ../compose. Nothing is stored; the same store gives the same composite.
 */
import { composeStory, type ComposeArticle, type ComposeInput, type ComposeOptions, type Composite, type StorylineInput } from '../compose/index.js';
import { composeOverview, MIN_OVERVIEW_DEVELOPMENTS, type OverviewInput } from '../compose/overview.js';
import type { Family } from '../families/index.js';
import { ClusterStore, type StoryDetail } from '../store/clusters.js';
import type { Store, StoredArticle } from '../store/index.js';

function composeArticleOf(a: StoredArticle): ComposeArticle {
  return { id: String(a.id), text: a.text, title: a.title, publisher: a.publisher, via: a.via, url: a.canonicalUrl ?? a.url, published: a.published, byline: a.byline, captions: a.captions, removed: a.removed };
}

/** The timeline of a stored story: its developments when it has several, else the stories of its storyline. */
function storylineOf(d: StoryDetail): StorylineInput | null {
  if (d.developments.length > 1) return timelineOf(`s${d.id}`, d.developments);
  if (d.storyline === null || d.storylineStories.length < 2) return null;
  return { stories: d.storylineStories.map((s) => ({ id: `s${s.id}`, title: s.title, published: s.first })) };
}

/** A story's developments as the composer's timeline entries (`s3.1`, `s3.2`...). */
export function timelineOf(storyId: string, developments: readonly { title: string | null; first: string | null }[]): StorylineInput {
  return { stories: developments.map((d, i) => ({ id: `${storyId}.${i + 1}`, title: d.title, published: d.first })) };
}

/**
 * The story's syndication families as the store holds them (the clustering computed them over the whole store), in
 * the composer's terms: canonical member first, then by id. The composer uses these rather than finding families
 * again over the story alone, so the story page, its sources and its composite count the same independent sources.
 */
function familiesOf(d: StoryDetail): Family[] {
  return d.familyDetails.map((f) => ({
    id: f.id,
    canonical: String(f.canonical),
    members: [...f.members]
      .sort((a, b) => Number(b.id === f.canonical) - Number(a.id === f.canonical) || a.id - b.id)
      .map((m) => ({ id: String(m.id), similarity: m.similarity, adds: m.adds, drops: m.drops })),
  }));
}

/** What the composer needs for a stored story already read (members' latest articles with text, storyline). */
export function storyInputOf(store: Store, detail: StoryDetail): ComposeInput {
  const articles = detail.members
    .map((m) => store.articles.get(m.id))
    .filter((a): a is StoredArticle => a !== null && a.text.trim() !== '')
    .map(composeArticleOf);
  const storyline = storylineOf(detail);
  // With developments as the timeline, the latest development is the current entry.
  const storyId = detail.developments.length > 1 ? `s${detail.id}.${detail.developments.length}` : `s${detail.id}`;
  return { articles, families: familiesOf(detail), storyline, storyId, headline: detail.title };
}

/** What the composer needs for a stored story, or null when the store has no story with this id. */
function storedStoryInput(store: Store, storyId: number): ComposeInput | null {
  const detail = new ClusterStore(store.db).getStory(storyId);
  return detail ? storyInputOf(store, detail) : null;
}

/** Null when the store has no story with this id. */
export function composeStoredStory(store: Store, storyId: number, options: ComposeOptions = {}): Composite | null {
  const input = storedStoryInput(store, storyId);
  return input ? composeStory(input, options) : null;
}

/** Stories of a stored storyline in time order (empty when there is none). */
export function storylineStories(store: Store, storylineId: number): StoryDetail[] {
  const clusters = new ClusterStore(store.db);
  return clusters
    .listStories()
    .filter((s) => s.storyline === storylineId)
    .map((s) => clusters.getStory(s.id))
    .filter((d): d is StoryDetail => d !== null)
    .sort((a, b) => ((a.first ?? '') < (b.first ?? '') ? -1 : (a.first ?? '') > (b.first ?? '') ? 1 : a.id - b.id));
}

/** What the overview needs from stored stories: their articles, one unit per story (or per development of one story). */
function overviewInputOf(store: Store, units: { id: string; title: string | null; published: string | null; members: number[] }[]): OverviewInput | null {
  const ids = [...new Set(units.flatMap((u) => u.members))].sort((a, b) => a - b);
  const articles = ids.map((id) => store.articles.get(id)).filter((a): a is StoredArticle => a !== null && a.text.trim() !== '').map(composeArticleOf);
  if (!articles.length || units.length < 2) return null;
  return { articles, units: units.map((u) => ({ id: u.id, title: u.title, published: u.published, articleIds: u.members.map(String) })) };
}

/** The overview of a stored storyline of two or more stories (null when there is no such storyline). */
export function storylineOverviewInput(store: Store, storylineId: number): OverviewInput | null {
  const stories = storylineStories(store, storylineId);
  return overviewInputOf(store, stories.map((s) => ({ id: `s${s.id}`, title: s.title, published: s.first, members: s.members.map((m) => m.id) })));
}

/** The overview of one stored story's day developments, when it has MIN_OVERVIEW_DEVELOPMENTS or more (else null). */
export function developmentsOverviewInput(store: Store, detail: StoryDetail): OverviewInput | null {
  if (detail.developments.length < MIN_OVERVIEW_DEVELOPMENTS) return null;
  return overviewInputOf(store, detail.developments.map((d, i) => ({ id: `s${detail.id}.${i + 1}`, title: d.title, published: d.first, members: d.members })));
}

/** The overview composite of a stored storyline (null: no such storyline). */
export function composeStoredOverview(store: Store, storylineId: number, options: ComposeOptions = {}): Composite | null {
  const input = storylineOverviewInput(store, storylineId);
  return input ? composeOverview(input, options) : null;
}
