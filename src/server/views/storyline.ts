/**
 * The storyline page: a storyline's overview (compose/overview.ts), the latest state first and then each
 * development under its date, every sentence with its citations; the timeline links each story's own page.
 */
import { html } from 'hono/html';
import type { Composite } from '../../compose/index.js';
import { sourceLabel } from '../../publish/shared.js';
import { page, plural, span, type Html } from './layout.js';
import { sentence, timeline, verification, type Ctx } from './story.js';

export function storylinePage(c: Composite, opts: { title: string; storyId?: number }): Html {
  let k = 0;
  // Sources numbered in the order of "Sources used" below.
  const numbers = new Map(c.sourcesUsed.map((s, i) => [s.articleId, i + 1]));
  const byId = new Map(c.sourcesUsed.map((s) => [s.articleId, s]));
  const label = (id: string): string => byId.get(id)?.publisher ?? `article ${id}`;
  const x: Ctx = { c, numbers, label, next: () => k++ };
  const families = new Set(c.sourcesUsed.map((s) => s.familyId)).size;
  const body = html`<article class="story overview">
<h1>${c.headline.text}</h1>
<p class="meta">${opts.title} · ${plural(c.provenance.inputs.length, 'article')} · <time datetime="${c.published.first ?? ''}">${span(c.published.first, c.published.last)}</time>${opts.storyId !== undefined ? html` · <a href="/stories/${opts.storyId}">the full story</a>` : ''}</p>
${c.lede.length ? html`<p class="lede">${c.lede.map((s) => sentence(x, s))}</p>` : html`<p class="notice">No sentence of the sources passed the verifier, so there is no overview.</p>`}
${c.sections.map((sec) => html`<section class="body-section">${sec.heading ? html`<h2>${sec.heading}</h2>` : ''}${sec.paragraphs.map((p) => html`<p>${p.map((s) => sentence(x, s))}</p>`)}</section>`)}
${timeline(c)}
<section class="sources"><h2>Sources used</h2><p class="meta">${plural(families, 'independent source')} cited.</p><ol>${c.sourcesUsed.map(
    (s) => html`<li><a href="/articles/${s.articleId}">${s.title ?? `article ${s.articleId}`}</a> — ${sourceLabel(s)}${s.published ? html`, <time datetime="${s.published}">${s.published.slice(0, 10)}</time>` : ''}</li>`,
  )}</ol></section>
${verification(x)}
<section class="disclosure"><h2>How this overview was made</h2><p>${c.disclosure}</p><p class="meta">Roundup ${c.provenance.version}; ${c.id}.</p></section>
</article>`;
  return page({ title: c.headline.text }, body);
}
