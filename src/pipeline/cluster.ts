/**
 * Families → stories → storylines: `clusterArticles` is what `roundup cluster` and `roundup write` call; the
 * store's recluster (`clusterStore`, ./online.ts `fullCluster`) runs the same steps (findFamilies, buildIndex,
 * storiesOf, storylinesOf) on the same article fields (language included), so the figures measured through the CLI
 * are the figures of the store (test/e2e/cluster-path.test.ts).
 */
import type { ComposeArticle } from '../compose/types.js';
import { articleText, type ExtractedArticle } from '../extract/types.js';
import { findFamilies, type Family } from '../families/index.js';
import type { Store } from '../store/index.js';
import { plural } from '../plural.js';
import { fullCluster } from './online.js';
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
 * stores them (story ids carried over by membership overlap, so links to `s12` keep working): the exact path
 * (`roundup ingest`, `roundup reprocess`, the API). `roundup watch` steps online instead (./online.ts
 * `updateClusters`), falling back to this when it cannot.
 */
export function clusterStore(store: Store): ClusterTotals {
  const { articles, families, stories, storylines, ms } = fullCluster(store, false);
  return { articles, families, stories, storylines, ms };
}

export function clusterSummary(t: ClusterTotals): string {
  return `cluster: ${plural(t.articles, 'article')} → ${plural(t.families, 'family', 'families')}, ${plural(t.stories, 'story', 'stories')}, ${plural(t.storylines, 'storyline')} in ${Math.round(t.ms)} ms`;
}
