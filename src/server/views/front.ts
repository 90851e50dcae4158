import { html } from 'hono/html';
import type { StorySummary } from '../../store/clusters.js';
import { page, plural, span, type Html } from './layout.js';

export interface StoryCard {
  story: StorySummary;
  /** Distinct outlets (publishers) among its articles. */
  outlets: number;
  headline: string;
  lede: string;
  /** Stories in its storyline (0 when it has none). */
  storylineSize: number;
}

export function feedLinks(base = '/feeds/stories', title = 'Roundup stories'): Html {
  return html`<link rel="alternate" type="application/rss+xml" title="${title} (RSS)" href="${base}.rss">
<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${base}.atom">
<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${base}.json">`;
}

export function frontPage(cards: StoryCard[], nav: { page: number; pages: number; total: number }): Html {
  const list = cards.length
    ? html`<ol class="story-list">${cards.map((c) => storyCard(c))}</ol>`
    : html`<p class="notice">No stories yet. Ingest some articles (<code>roundup ingest</code> or <code>POST /api/ingest</code>) and they appear here.</p>`;
  const pager =
    nav.pages > 1
      ? html`<nav aria-label="Pages" class="meta"><p>Page ${nav.page} of ${nav.pages}.
${nav.page > 1 ? html`<a rel="prev" href="/?page=${nav.page - 1}">Newer page</a>` : ''}
${nav.page < nav.pages ? html`<a rel="next" href="/?page=${nav.page + 1}">Next page</a>` : ''}</p></nav>`
      : '';
  return page(
    { title: 'Stories', head: feedLinks() },
    html`<h1>Stories</h1>
<p class="meta">${plural(nav.total, 'story', 'stories')}, ranked by independent sources and recency.</p>
${list}${pager}`,
  );
}

/** What backs a story, said only where it is news: one article from one outlet is the plain case and says nothing. */
function coverage(articles: number, outlets: number, families: number): string {
  if (articles <= 1) return '';
  const from = outlets > 1 ? `${plural(articles, 'article')} from ${plural(outlets, 'outlet')}` : `${plural(articles, 'article')} from one outlet`;
  return `${from}${families > 1 ? ` · ${families} independent sources` : ' · one report'} · `;
}

function storyCard(c: StoryCard): Html {
  const s = c.story;
  return html`<li><article class="story-card" data-story-id="${s.id}">
<h2><a class="story-link" href="/stories/${s.id}">${c.headline}</a>${c.storylineSize >= 2 ? html`<span class="storyline-badge" title="Part of a storyline of ${c.storylineSize} stories">Storyline · ${c.storylineSize} stories</span>` : ''}</h2>
<p class="lede">${c.lede}</p>
<p class="counts">${coverage(s.articles, c.outlets, s.families)}<time datetime="${s.first ?? ''}">${span(s.first, s.last)}</time></p>
</article></li>`;
}
