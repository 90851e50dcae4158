/** The article page: the cleaned article beside what cleaning removed and why; a cited span marked in context. */
import { html } from 'hono/html';
import type { StoredArticle } from '../../store/index.js';
import { page, plural, type Html } from './layout.js';

export interface Passage {
  start: number;
  end: number;
  /** The span is in this caption (index into `captions`), not in the text. */
  caption?: number;
}

/** Paragraphs of the stored text (joined by blank lines) with their offsets. */
function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(/\n{2,}/g)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length });
  return out.filter((p) => p.end > p.start);
}

function paragraph(text: string, p: { start: number; end: number }, passage: Passage | null, first: { done: boolean }): Html {
  if (!passage || passage.end <= p.start || passage.start >= p.end) return html`<p>${text.slice(p.start, p.end)}</p>`;
  const a = Math.max(p.start, passage.start);
  const b = Math.min(p.end, passage.end);
  const id = first.done ? '' : html` id="passage"`;
  first.done = true;
  return html`<p>${text.slice(p.start, a)}<mark${id} class="cited">${text.slice(a, b)}</mark>${text.slice(b, p.end)}</p>`;
}

export function articlePage(a: StoredArticle, passage: Passage | null, notice: string | null, stories: { id: number; title: string | null }[]): Html {
  const first = { done: false };
  const title = a.title ?? `Article ${a.id}`;
  const body = html`<div class="article-layout">
<article class="cleaned" data-article-id="${a.id}">
<h1>${title}</h1>
<p class="meta">${a.byline ? html`<span class="byline">${a.byline}</span> · ` : ''}<span class="publisher">${a.publisher ?? 'unknown publisher'}</span>${a.via ? ` (via ${a.via})` : ''}${a.published ? html` · <time datetime="${a.published}">${a.published.slice(0, 16).replace('T', ' ')}</time>` : ''}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${passage ? html`<p class="meta"><a href="#passage">Jump to the cited passage</a></p>` : ''}
${a.source.summaryOnly ? html`<p class="notice">Only the feed's summary is stored: the page could not be fetched (${a.source.summaryReason ?? 'unknown reason'}).</p>` : ''}
<div class="article-body">${paragraphs(a.text).map((p) => paragraph(a.text, p, passage?.caption === undefined ? passage : null, first))}</div>
${a.captions.length ? html`<section class="captions"><h2>Captions</h2><ul>${a.captions.map((c, i) => (passage?.caption === i ? html`<li>${paragraph(c, { start: 0, end: c.length }, passage, first)}</li>` : html`<li>${c}</li>`))}</ul></section>` : ''}
</article>
<aside class="side">
<section class="removed"><h2>Removed by cleaning</h2>${
    a.removed.length
      ? html`<ul>${a.removed.map((r) => html`<li><span class="reason">${r.reason}</span>: ${r.text.length > 400 ? `${r.text.slice(0, 400)}…` : r.text}</li>`)}</ul>`
      : html`<p class="meta">Nothing was removed.</p>`
  }</section>
<section class="provenance"><h2>Record</h2><ul class="meta">
<li>${a.url ? html`Original: <a href="${a.canonicalUrl ?? a.url}" rel="noopener noreferrer nofollow">${a.canonicalUrl ?? a.url}</a>` : html`From ${a.source.locator}`}</li>
<li>Received ${a.source.fetchedAt.slice(0, 16).replace('T', ' ')} via ${a.source.via}, version ${a.source.version}, ${a.source.mediaType}, ${plural(a.source.size, 'byte')}</li>
<li><a href="/articles/${a.id}/raw">Raw record as received</a> · <a href="/api/articles/${a.id}">JSON</a></li>
<li>Cleaned by ${a.extractor}${a.warnings.length ? `; warnings: ${a.warnings.join('; ')}` : ''}</li>
</ul></section>
${stories.length ? html`<section><h2>In stories</h2><ul>${stories.map((s) => html`<li><a href="/stories/${s.id}">${s.title ?? `Story ${s.id}`}</a></li>`)}</ul></section>` : ''}
</aside>
</div>`;
  return page({ title, wide: true }, body);
}
