/**
 * A complete, self-contained HTML page (inline CSS, no scripts, everything escaped). Each sentence's citations are
 * superscript links: to the article URL with a text fragment of the cited span's start when the article has a URL,
 * else to the quoted passage in the page's Sources appendix.
 */
import type { Citation, Composite, CompositeSentence } from '../compose/index.js';
import { escapeHtml } from '../escape-html.js';
import { citationLink, citationMarks, citedPassages, currentMark, dateRange, passageAnchor, sourceLabel, sourceNumbers, splitDerived, independentSources } from './shared.js';
import { articlesFromSources } from '../plural.js';


const CSS = `body{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.9rem;line-height:1.2}h2{font:600 1.15rem system-ui,sans-serif;margin-top:2rem}
.meta,.note,.sources,.differ,.timeline,.people{font:14px/1.5 system-ui,sans-serif}.meta{color:#555}
.lede{font-size:1.1rem;font-weight:600}sup a{text-decoration:none;font:600 11px system-ui,sans-serif;padding:0 1px}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #bbb}.note{color:#555;border-top:1px solid #ddd;padding-top:1rem}
.passage{color:#333}`;

function marks(c: Composite, cits: readonly Citation[], numbers: Map<string, number>): string {
  const out = citationMarks(cits, numbers).map(({ n, cit }) => {
    const src = c.sourcesUsed[n - 1];
    return `<a href="${escapeHtml(citationLink(c, cit, numbers))}" title="${escapeHtml(src ? sourceLabel(src) : cit.articleId)}">${n}</a>`;
  });
  return out.length ? `<sup>${out.join(' ')}</sup>` : '';
}

function sentence(c: Composite, s: CompositeSentence, n: Map<string, number>): string {
  return `${escapeHtml(s.text)}${marks(c, s.citations, n)}`;
}

export function toHtml(c: Composite): string {
  const n = sourceNumbers(c);
  const h: string[] = [];
  h.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push(`<meta name="generator" content="Roundup ${escapeHtml(c.provenance.version)}">`, `<title>${escapeHtml(c.headline.text)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<article>');
  h.push(`<h1>${escapeHtml(c.headline.text)}</h1>`);
  const range = dateRange(c);
  h.push(`<p class="meta">${c.kind === 'overview' ? 'Storyline overview: ' : 'Roundup of '}${articlesFromSources(c.provenance.inputs.length, independentSources(c))}${range ? `, ${escapeHtml(range)}` : ''}</p>`);
  if (c.lede.length) h.push(`<p class="lede">${c.lede.map((s) => sentence(c, s, n)).join(' ')}</p>`);
  for (const sec of c.sections) {
    h.push('<section>', `<h2>${escapeHtml(sec.heading ?? '')}</h2>`);
    for (const p of sec.paragraphs) h.push(`<p>${p.map((s) => sentence(c, s, n)).join(' ')}</p>`);
    h.push('</section>');
  }
  if (c.quotes.length) {
    h.push('<section class="quotes">', '<h2>Key quotes</h2>');
    for (const q of c.quotes) h.push(`<blockquote><p>“${escapeHtml(q.text)}”</p><footer>${escapeHtml(q.speaker)}${marks(c, [q.citation], n)}</footer></blockquote>`);
    h.push('</section>');
  }
  if (c.people?.length) {
    h.push('<section class="people">', '<h2>People in this story</h2>', '<ul>');
    for (const p of c.people) h.push(`<li><strong>${escapeHtml(p.name)}</strong>, ${escapeHtml(p.role)}${marks(c, p.citations, n)}</li>`);
    h.push('</ul>', '</section>');
  }
  if (c.disagreements.length) {
    h.push('<section class="differ">', '<h2>Where sources differ</h2>', '<ul>');
    for (const d of c.disagreements) {
      h.push(`<li><strong>${escapeHtml(d.about)}</strong><ul>`);
      for (const v of d.values) h.push(`<li><strong>${escapeHtml(v.value)}</strong> (${escapeHtml(v.sources.join(', '))}): “${escapeHtml(v.sentence)}”${marks(c, v.citations, n)}</li>`);
      h.push('</ul></li>');
    }
    h.push('</ul>', '</section>');
  }
  if (c.timeline.length) {
    h.push('<section class="timeline">', '<h2>Timeline</h2>', '<ul>');
    for (const t of c.timeline) h.push(`<li>${t.published ? `<time datetime="${escapeHtml(t.published)}">${escapeHtml(t.published.slice(0, 10))}</time>` : 'undated'}: ${escapeHtml(t.title ?? t.storyId)}${t.current ? ` <em>(${currentMark(t.storyId, c.kind)})</em>` : ''}</li>`);
    h.push('</ul>', '</section>');
  }
  h.push('<section class="sources">', '<h2>Sources used</h2>', '<ol>');
  c.sourcesUsed.forEach((s, i) => {
    const title = escapeHtml(s.title ?? s.articleId);
    h.push(`<li id="src-${i + 1}">${escapeHtml(sourceLabel(s))}: ${s.url ? `<a href="${escapeHtml(s.url)}">${title}</a>` : title}${s.via ? ` (via ${escapeHtml(s.via)})` : ''}${s.published ? `, ${escapeHtml(s.published.slice(0, 10))}` : ''} · ${escapeHtml(s.familyId)}</li>`);
  });
  h.push('</ol>');
  const { derived, notUsed } = splitDerived(c);
  if (notUsed.length) {
    h.push('<h2>Sources not used</h2>', '<ul>');
    for (const s of notUsed) h.push(`<li>${escapeHtml(sourceLabel(s))}: ${escapeHtml(s.title ?? s.articleId)}: ${escapeHtml(s.reason)}</li>`);
    h.push('</ul>');
  }
  if (derived.length) {
    h.push('<h2>Derived sources</h2>', '<ul class="derived">');
    for (const s of derived) h.push(`<li>${escapeHtml(sourceLabel(s))}: ${escapeHtml(s.title ?? s.articleId)}: ${escapeHtml(s.reason)}</li>`);
    h.push('</ul>');
  }
  // The passages cited, quoted, for sources without a URL (and as a record for all).
  const passages = citedPassages(c);
  if (passages.length) {
    h.push('<h2>Cited passages</h2>', '<ol class="passages">');
    for (const p of passages) {
      const src = c.sourcesUsed[(n.get(p.articleId) ?? 0) - 1];
      h.push(`<li id="${passageAnchor(p, n)}" class="passage">[${n.get(p.articleId) ?? '?'}] ${escapeHtml(src ? sourceLabel(src) : p.articleId)}, ${p.caption !== undefined ? `caption ${p.caption + 1}, ` : ''}characters ${p.start}–${p.end}: <q>${escapeHtml(p.text)}</q></li>`);
    }
    h.push('</ol>');
  }
  h.push('</section>', `<p class="note">${escapeHtml(c.disclosure)}</p>`, '</article>', '</body>', '</html>', '');
  return h.join('\n');
}

/**
 * Several composites as one HTML document (`roundup write --format html` on inputs that form several stories): each
 * article as `toHtml` writes it, in one page under the first headline; the anchors of the second and later articles
 * carry a prefix so that every citation still opens its own article's passage.
 */
export function toHtmlDocument(composites: readonly Composite[]): string {
  if (composites.length === 1) return toHtml(composites[0]!);
  const pages = composites.map((c) => toHtml(c));
  const articles = pages.map((p, i) => {
    const body = p.slice(p.indexOf('<article>'), p.lastIndexOf('</article>') + '</article>'.length);
    return i === 0 ? body : body.replace(/ id="src-/g, ` id="a${i + 1}-src-`).replace(/ href="#src-/g, ` href="#a${i + 1}-src-`);
  });
  const first = pages[0]!;
  return `${first.slice(0, first.indexOf('<article>'))}${articles.join('\n<hr>\n')}\n</body>\n</html>\n`;
}
