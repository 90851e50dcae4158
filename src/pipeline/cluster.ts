import { derivedSignals } from '../compose/derived.js';
import { findFamilies } from '../families/index.js';
import { plural } from '../plural.js';
import { ClusterStore, type FamilyRow, type StoryRow } from '../store/clusters.js';
import type { Store } from '../store/index.js';
import { clusterStories } from '../stories/index.js';

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
  const docs = articles.map((a) => ({ id: String(a.id), text: a.text, title: a.title, published: a.published, publisher: a.publisher, language: a.language }));
  const families = findFamilies(docs);
  const result = clusterStories(docs, { families });
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
  const storyRows: StoryRow[] = result.stories.map((s) => ({
    members: s.members.map(Number),
    familyOf: s.members.map((m) => familyOf.get(m) ?? `family:${m}`),
    title: s.title,
    first: s.first,
    last: s.last,
    families: independent(s.members),
  }));
  const position = new Map(result.stories.map((s, i) => [s.id, i]));
  clusters.replace(familyRows, storyRows, result.storylines.map((l) => l.stories.map((id) => position.get(id)!)));
  return { articles: articles.length, families: families.length, stories: result.stories.length, storylines: result.storylines.length, ms: performance.now() - t0 };
}

const span = (x: { text: string; start: number; end: number }) => ({ text: x.text, start: x.start, end: x.end });

export function clusterSummary(t: ClusterTotals): string {
  return `cluster: ${plural(t.articles, 'article')} → ${plural(t.families, 'family', 'families')}, ${plural(t.stories, 'story', 'stories')}, ${plural(t.storylines, 'storyline')} in ${Math.round(t.ms)} ms`;
}
