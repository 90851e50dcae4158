/**
 * Counts in words, one way everywhere: "1 article", "2 articles"; and the two meanings of "sources" kept apart:
 * articles (every copy) and independent sources (families: syndicated copies of one text count once, derived
 * sources such as AI-written composites not at all).
 */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "7 articles from 3 independent sources". */
export function articlesFromSources(articles: number, independent: number): string {
  return `${plural(articles, 'article')} from ${plural(independent, 'independent source')}`;
}
