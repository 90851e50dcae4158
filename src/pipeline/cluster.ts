/**
 * Families → stories → storylines, in one place: `clusterArticles` is what `roundup cluster`, `roundup write` and
 * the store's recluster (`clusterStore`) all call, with the same article fields (language included), so the
 * figures measured through the CLI are the figures of the store.
 */
import { derivedSignals } from '../compose/derived.js';
import type { ComposeArticle } from '../compose/types.js';
import { articleText, type ExtractedArticle } from '../extract/types.js';
import { findFamilies, type Family } from '../families/index.js';
import { ClusterStore, type FamilyRow, type StoryRow } from '../store/clusters.js';
import type { Store } from '../store/index.js';
import { plural } from '../plural.js';
import { clusterStories, type Story, type Storyline } from '../stories/index.js';

/**
 * The one article type across the stage boundaries after extraction: what families, stories and the composer
 * read. `id` is the input name in stateless commands and the stored article id (as a string) in the store.
 */
export interface PipelineArticle extends ComposeArticle {
  /** BCP 47 primary subtag (`roundup extract`'s `language`); null when unknown (English rules then). */
  language: string | null;
}

/** An extracted article as the pipeline carries it. */
export function pipelineArticle(id: string, a: ExtractedArticle): PipelineArticle {
  return {
    id,
    text: articleText(a),
    title: a.title,
    publisher: a.publisher,
    via: a.via,
    url: a.canonicalUrl ?? a.url,
    published: a.published,
    byline: a.byline,
    captions: a.captions,
    removed: a.removed,
    language: a.language,
  };
}

export interface Clustering {
  families: Family[];
  /** `s1`, `s2`... in order of first publication. */
  stories: Story[];
  storylines: Storyline[];
}

/** Syndication families, stories and storylines of `articles` (empty texts are left out). Order-independent. */
export function clusterArticles(articles: readonly PipelineArticle[]): Clustering {
  const usable = articles.filter((a) => a.text.trim());
  const families = findFamilies(usable);
  const { stories, storylines } = clusterStories(usable, { families });
  return { families, stories, storylines };
}

export interface ClusterTotals {
  articles: number;
  families: number;
  stories: number;
  storylines: number;
  ms: number;
}

/**
 * Recomputes syndication families, stories and storylines from the latest version of every stored article and
 * stores them (story ids carried over by membership overlap, so links to `s12` keep working).
 */
export function clusterStore(store: Store): ClusterTotals {
  const t0 = performance.now();
  const clusters = new ClusterStore(store.db);
  const articles = clusters.latestArticles();
  const { families, stories, storylines } = clusterArticles(
    articles.map((a) => ({ id: String(a.id), text: a.text, title: a.title, published: a.published, publisher: a.publisher, language: a.language, via: a.via, url: null, byline: null, removed: a.removed })),
  );
  const familyRows: FamilyRow[] = families.map((f) => ({
    id: f.id,
    canonical: Number(f.canonical),
    members: f.members.map((m) => ({ id: Number(m.id), similarity: m.similarity, adds: m.adds.map(span), drops: m.drops.map(span) })),
  }));
  const familyOf = new Map(families.flatMap((f) => f.members.map((m) => [m.id, f.id] as const)));
  // Independent sources: families with a first-hand member (a derived source, such as an AI-written composite, is
  // not one; see compose/derived.ts). A story whose sources are all derived counts its families as they are.
  const derived = new Set(articles.filter((a) => derivedSignals(a).length > 0).map((a) => String(a.id)));
  const independent = (members: readonly string[]): number => {
    const fams = (pick: (m: string) => boolean) => new Set(members.filter(pick).map((m) => familyOf.get(m) ?? `family:${m}`)).size;
    return fams((m) => !derived.has(m)) || fams(() => true);
  };
  const storyRows: StoryRow[] = stories.map((s) => ({
    members: s.members.map(Number),
    familyOf: s.members.map((m) => familyOf.get(m) ?? `family:${m}`),
    title: s.title,
    first: s.first,
    last: s.last,
    families: independent(s.members),
    developments: s.developments.map((d) => ({ members: d.members.map(Number), title: d.title, first: d.first })),
  }));
  const position = new Map(stories.map((s, i) => [s.id, i]));
  clusters.replace(familyRows, storyRows, storylines.map((l) => l.stories.map((id) => position.get(id)!)));
  return { articles: articles.length, families: families.length, stories: stories.length, storylines: storylines.length, ms: performance.now() - t0 };
}

const span = (x: { text: string; start: number; end: number }) => ({ text: x.text, start: x.start, end: x.end });

export function clusterSummary(t: ClusterTotals): string {
  return `cluster: ${plural(t.articles, 'article')} → ${plural(t.families, 'family', 'families')}, ${plural(t.stories, 'story', 'stories')}, ${plural(t.storylines, 'storyline')} in ${Math.round(t.ms)} ms`;
}
