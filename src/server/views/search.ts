import { html } from 'hono/html';
import { HIT_END, HIT_START, type SearchResults } from '../../store/search.js';
import { page, plural, span, type Html } from './layout.js';

/** A snippet with its matches in `<mark>`: every piece escaped. */
function snippet(s: string): Html {
  const parts: Html[] = [];
  for (const piece of s.split(HIT_START)) {
    const end = piece.indexOf(HIT_END);
    if (end === -1) parts.push(html`${piece}`);
    else parts.push(html`<mark>${piece.slice(0, end)}</mark>${piece.slice(end + 1).replaceAll(HIT_END, '')}`);
  }
  return html`${parts}`;
}

export function searchPage(r: SearchResults): Html {
  const q = r.query.trim();
  const total = r.stories.length + r.articles.length;
  const body = !q
    ? html`<h1>Search</h1><p class="meta">Type words to find stories and articles; every word must appear.</p>`
    : html`<h1>Search: ${q}</h1>
<p class="meta" role="status">${total ? `${plural(r.stories.length, 'story', 'stories')} and ${plural(r.articles.length, 'article')} found.` : 'Nothing found. Try fewer or other words.'}</p>
${total ? html`<ol class="search-results">
${r.stories.map((s) => html`<li class="hit hit-story"><span class="meta">Story</span> <a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a> <span class="meta">· ${s.families > 1 ? `${s.families} independent sources · ` : ''}${span(s.first, s.last)}${s.matched === 'articles' ? ' · matched in its articles' : ''}</span></li>`)}
${r.articles.map((a) => html`<li class="hit hit-article"><span class="meta">Article</span> <a href="/articles/${a.id}">${a.title ?? `Article ${a.id}`}</a> <span class="meta">· ${a.publisher ?? 'unknown publisher'}${a.published ? ` · ${a.published.slice(0, 10)}` : ''}</span><br><span class="snippet">${snippet(a.snippet)}</span></li>`)}
</ol>` : ''}`;
  return page({ title: q ? `Search: ${q}` : 'Search', query: r.query }, body);
}
