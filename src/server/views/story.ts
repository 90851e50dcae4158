/**
 * The story page: the merged article, every sentence with its citations (each opens the exact source passage)
 * and the number of independent sources behind it; key quotes; where sources differ; timeline; sources grouped by
 * family with what each copy adds; the verifier's results; the AI disclosure.
 */
import { html } from 'hono/html';
import type { Citation, Composite, CompositeSentence } from '../../compose/index.js';
import { changeSummary, movedPhrase } from '../../editions/diff.js';
import type { Edition } from '../../editions/types.js';
import type { StoryDetail } from '../../store/clusters.js';
import { MIN_OVERVIEW_DEVELOPMENTS } from '../../compose/overview.js';
import { currentMark, isDevelopment } from '../../publish/shared.js';
import { feedLinks } from './front.js';
import { page, plural, span, type Html } from './layout.js';

export function passageHref(cit: { articleId: string; start: number; end: number; caption?: number }): string {
  const caption = cit.caption !== undefined ? `caption=${cit.caption}&` : '';
  return `/articles/${encodeURIComponent(cit.articleId)}?${caption}start=${cit.start}&end=${cit.end}#passage`;
}

/** `s12` → 12 (timeline entries carry the CLI's story refs). */
const storyNumber = (ref: string): string => ref.replace(/^s/, '');

function cite(cit: Citation, numbers: Map<string, number>, label: (id: string) => string): Html {
  const n = numbers.get(cit.articleId) ?? 0;
  // A span in a photo caption (evidence of who holds a role): its own class, so that `a.cite` always means a span of
  // the article's text.
  if (cit.caption !== undefined) {
    return html`<a class="caption-cite" href="${passageHref(cit)}" data-article="${cit.articleId}" data-caption="${cit.caption}" data-start="${cit.start}" data-end="${cit.end}" title="${label(cit.articleId)}: open the cited photo caption">[${n}, caption]</a>`;
  }
  return html`<a class="cite" href="${passageHref(cit)}" data-article="${cit.articleId}" data-start="${cit.start}" data-end="${cit.end}" title="${label(cit.articleId)}: open the cited passage">[${n}]</a>`;
}

/**
 * How many independent sources (families; copies of one text count once) back a sentence, a quote or a role: shown
 * only where it is news, above one; one source is the rule and, beside every sentence, noise.
 */
function support(families: number, title: string): Html {
  return families > 1 ? html`<span class="support" title="${title}">${families} independent sources</span>` : html``;
}

/**
 * A run of citation marks, each glued to what precedes it by a word joiner (U+2060): a mark never starts a line of
 * its own, away from the sentence it belongs to (on a phone, `said.` then `[5]` alone on the next line).
 */
export function cites(list: readonly Citation[], x: Pick<Ctx, 'numbers' | 'label'>): Html {
  return html`${list.map((ct) => html`&#8288;${cite(ct, x.numbers, x.label)}`)}`;
}

/** Who states a value where sources differ: the count of independent sources only above one; copies of one text said so. */
function whoSays(sources: readonly string[], families: number): string {
  if (families > 1) return ` (${families} independent sources)`;
  return sources.length > 1 ? ' (copies of one report)' : '';
}

export interface Ctx {
  c: Composite;
  numbers: Map<string, number>;
  label: (id: string) => string;
  next: () => number;
}

export function sentence(x: Ctx, s: CompositeSentence): Html {
  return html`<span class="sentence" data-sentence="${x.next()}">${s.text}</span>${cites(s.citations, x)}${support(s.families, 'Backed by this many independent reports (copies of one text count once)')} `;
}

export function storyPage(c: Composite, d: StoryDetail, editions: readonly Edition[] = []): Html {
  let k = 0;
  // Sources numbered in the order of "Sources" below: every member of the story, cited or not.
  const numbers = new Map<string, number>();
  const orderedMembers = d.familyDetails.flatMap((f) => f.members.map((m) => m.id));
  for (const m of d.members) if (!orderedMembers.includes(m.id)) orderedMembers.push(m.id);
  orderedMembers.forEach((id, i) => numbers.set(String(id), i + 1));
  const member = new Map(d.members.map((m) => [String(m.id), m]));
  const label = (id: string): string => member.get(id)?.publisher ?? `article ${id}`;
  const x: Ctx = { c, numbers, label, next: () => k++ };
  const line = d.storyline !== null && d.storylineStories.length >= 2;

  const body = html`<article class="story" data-story-id="${d.id}">
<h1>${c.headline.text}</h1>
<p class="meta">Merged from ${plural(d.articles, 'article')} by ${plural(d.families, 'independent source')} · <time datetime="${c.published.first ?? ''}">${span(c.published.first, c.published.last)}</time>${line ? html` · <a class="storyline-badge" href="/storylines/${d.storyline}">Storyline · ${d.storylineStories.length} stories</a>` : d.developments.length >= MIN_OVERVIEW_DEVELOPMENTS ? html` · <a class="storyline-badge" href="/stories/${d.id}/overview">Overview · ${d.developments.length} days</a>` : ''}${updatedMark(editions)}</p>
${c.lede.length ? html`<p class="lede">${c.lede.map((s) => sentence(x, s))}</p>` : html`<p class="notice">No sentence of the sources passed the verifier, so there is no merged text; see the sources below.</p>`}
${c.sections.map((sec) => html`<section class="body-section">${sec.heading ? html`<h2>${sec.heading}</h2>` : ''}${sec.paragraphs.map((p) => html`<p>${p.map((s) => sentence(x, s))}</p>`)}</section>`)}
${changes(editions)}
${quotes(x)}
${people(x)}
${differ(x)}
${timeline(c)}
${sources(x, d)}
${verification(x)}
<section class="disclosure"><h2>How this article was made</h2><p>${c.disclosure}</p><p class="meta">Roundup ${c.provenance.version}; composite ${c.id}. <a href="/api/stories/${d.id}">JSON with full provenance</a>.</p></section>
</article>`;
  return page({ title: c.headline.text, head: line ? feedLinks(`/feeds/storylines/${d.storyline}`, 'This storyline') : feedLinks() }, body);
}

/** "Updated …" beside the dates once the story has had more than one edition. */
function updatedMark(editions: readonly Edition[]): Html {
  const last = editions.at(-1);
  return last && last.n > 1 ? html` · <a class="updated" href="#changes">Updated <time datetime="${last.at}">${last.at.slice(0, 16).replace('T', ' ')} UTC</time></a>` : html``;
}

const CHANGE_LABEL: Record<Edition['changes'][number]['kind'], string> = { added: 'New', updated: 'Updated', withdrawn: 'Withdrawn', 'source-added': 'New source' };

/** What changed in each edition after the first, newest first. */
function changes(editions: readonly Edition[]): Html {
  const later = editions.filter((e) => e.n > 1).reverse();
  if (!later.length) return html``;
  return html`<section class="changes" id="changes"><h2>What changed</h2>${later.map(
    (e) => html`<h3>Edition ${e.n} · <time datetime="${e.at}">${e.at.slice(0, 16).replace('T', ' ')} UTC</time></h3><p class="meta">${changeSummary(e.changes)}</p><ul>${e.changes.map(
      (ch) => html`<li class="change change-${ch.kind}"><strong>${CHANGE_LABEL[ch.kind]}:</strong> ${ch.kind === 'withdrawn' ? html`<del>${ch.text}</del>` : ch.text}${ch.kind === 'updated' ? html` <span class="moved">(${movedPhrase(ch.before ?? '', ch.after ?? '')})</span>` : ''}</li>`,
    )}</ul>`,
  )}</section>`;
}

function quotes(x: Ctx): Html {
  const q = x.c.quotes;
  return html`<section class="quotes"><h2>Key quotes</h2>${
    q.length
      ? q.map((k) => html`<blockquote><p>“${k.text}”</p><footer>— ${k.speaker}${cites([k.citation], x)}${support(k.families, 'Found word for word in this many independent reports')}</footer></blockquote>`)
      : html`<p class="meta">No quote with a named speaker was found in the sources.</p>`
  }</section>`;
}

function people(x: Ctx): Html {
  const ps = x.c.people ?? [];
  if (!ps.length) return html``;
  return html`<section class="people"><h2>People in this story</h2><ul>${ps.map(
    (p) => html`<li>${p.text}${cites(p.citations, x)}${support(p.families, `Backed by this many independent reports${p.fromCaptions ? ', in photo captions only' : ''}`)}</li>`,
  )}</ul></section>`;
}

function differ(x: Ctx): Html {
  const ds = x.c.disagreements;
  return html`<section class="differ"><h2>Where sources differ</h2>${
    ds.length
      ? html`<ul>${ds.map(
          (d) => html`<li><strong>${d.about}</strong><ul>${d.values.map(
            (v) => html`<li><strong>${v.value}</strong> — ${v.sources.join(', ')}${whoSays(v.sources, v.families)}: “${v.sentence}”${cites(v.citations, x)}</li>`,
          )}</ul></li>`,
        )}</ul>`
      : html`<p class="meta">The sources agree on the numbers, dates and people in roles that the composer compared.</p>`
  }</section>`;
}

export function timeline(c: Composite): Html {
  return html`<section class="timeline" id="timeline"><h2>Timeline</h2>${
    c.timeline.length
      ? html`<ol>${c.timeline.map(
          (t) => html`<li${t.current ? html` aria-current="page"` : ''}>${t.published ? html`<time datetime="${t.published}">${t.published.slice(0, 10)}</time>` : 'undated'}: ${t.current ? html`<strong>${t.title ?? t.storyId}</strong> (${currentMark(t.storyId, c.kind)})` : isDevelopment(t.storyId) ? (t.title ?? t.storyId) : html`<a href="/stories/${storyNumber(t.storyId)}">${t.title ?? t.storyId}</a>`}</li>`,
        )}</ol>`
      : html`<p class="meta">This story is not part of a longer storyline yet.</p>`
  }</section>`;
}

function sources(x: Ctx, d: StoryDetail): Html {
  const used = new Map(x.c.sourcesUsed.map((s) => [s.articleId, s]));
  const notUsed = new Map(x.c.sourcesNotUsed.map((s) => [s.articleId, s]));
  const member = new Map(d.members.map((m) => [m.id, m]));
  return html`<section class="sources"><h2>Sources</h2>
<p class="meta">${plural(d.members.length, 'article')} in ${plural(d.familyDetails.length, 'family', 'families')}: copies of one text (syndication) form one family and count as one independent source.</p>
${d.familyDetails.map((f) => {
  const canonical = member.get(f.canonical);
  // A derived source (an AI-written composite, a write-up of other outlets) is not an independent report.
  const derived = f.members.every((m) => notUsed.get(String(m.id))?.derived?.length);
  return html`<section class="family" aria-label="Family of ${canonical?.publisher ?? f.id}"><h3>${derived ? `Derived source${canonical?.publisher ? ` by ${canonical.publisher}` : ''} (not counted as independent)` : f.members.length > 1 ? `One text in ${f.members.length} copies${canonical?.publisher ? ` (fullest: ${canonical.publisher})` : ''}` : `Independent report${canonical?.publisher ? ` by ${canonical.publisher}` : ''}`}</h3>
<ol>${f.members.map((m) => {
    const a = member.get(m.id);
    const u = used.get(String(m.id));
    const nu = notUsed.get(String(m.id));
    return html`<li value="${x.numbers.get(String(m.id)) ?? ''}"><a href="/articles/${m.id}">${a?.title ?? `article ${m.id}`}</a> — ${a?.publisher ?? 'unknown publisher'}${a?.published ? html`, <time datetime="${a.published}">${a.published.slice(0, 10)}</time>` : ''}${m.id === f.canonical && f.members.length > 1 ? ' (the fullest copy)' : ''}.
${u ? html` Cited ${plural(u.cited, 'time')}.` : nu ? html` Not used: ${nu.reason}.` : ''}
${m.id !== f.canonical && (m.adds.length || m.drops.length) ? html`<details><summary>This copy adds ${plural(m.adds.length, 'sentence')} and drops ${plural(m.drops.length, 'sentence')}</summary><ul>${m.adds.map((s) => html`<li>Adds: <a href="${passageHref({ articleId: String(m.id), start: s.start, end: s.end })}">${s.text}</a></li>`)}${m.drops.map((s) => html`<li>Drops: ${s.text}</li>`)}</ul></details>` : ''}</li>`;
  })}</ol></section>`;
})}
</section>`;
}

export function verification(x: Ctx): Html {
  const p = x.c.provenance;
  return html`<section class="verification"><h2>Verification</h2>
${p.writer?.kind === 'llm' ? html`<p>Wording: a language model${p.writer.model ? ` (${p.writer.model})` : ''} rephrased ${plural(p.writer.kept ?? 0, 'fact')}; each rephrased sentence passed the same verifier, and ${plural(p.writer.fallbacks?.length ?? 0, 'fact')} kept the sources' own wording.</p>` : ''}
<p>${plural(p.counts.published, 'sentence')} published, each supported by the passages it cites (checked by Roundup's verifier: words, names, numbers, dates and quotes must appear in the cited spans). ${plural(p.counts.sentences, 'candidate sentence')} considered, ${plural(p.counts.facts, 'fact')} formed, ${p.counts.selected} selected.</p>
${p.verdicts.length ? html`<details><summary>The verifier's verdict on each published sentence</summary><ol>${p.verdicts.map((v) => html`<li><strong>${v.verdict}</strong> (score ${v.score.toFixed(2)}): ${v.text}${v.evidence.length ? html` <span class="meta">— evidence from ${[...new Set(v.evidence.map((e) => x.label(e.sourceId)))].join(', ')}</span>` : ''}</li>`)}</ol></details>` : ''}
${p.rejected.length ? html`<details><summary>${plural(p.rejected.length, 'sentence')} left out by the verifier gate</summary><ul>${p.rejected.map((r) => html`<li><strong>${r.verdict}</strong>: ${r.text}${r.note ? html` <span class="meta">(${r.note}${r.missing.length ? `; no support for: ${r.missing.join(', ')}` : ''})</span>` : ''}</li>`)}</ul></details>` : html`<p class="meta">No chosen sentence was rejected.</p>`}
</section>`;
}
