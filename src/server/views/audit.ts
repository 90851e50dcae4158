import { html } from 'hono/html';
import type { ArticleSummary } from '../../store/index.js';
import { storedSpan, type AuditRun } from '../audit.js';
import { page, type Html } from './layout.js';
import { passageHref } from './story.js';

export interface AuditFormValues {
  article: string;
  sourceText: string;
  picked: Set<number>;
}

export function auditPage(articles: ArticleSummary[], values: AuditFormValues, run: AuditRun | null, error: string | null): Html {
  const body = html`<h1>Audit an article</h1>
<p class="meta">Paste or upload an article and pick its sources: every sentence is checked against them (supported, unsupported or contradicted) with the passages that decide it. Nothing is stored.</p>
${error ? html`<p class="notice" role="alert">${error}</p>` : ''}
${run ? results(run) : ''}
<form id="audit-form" method="post" action="/audit" enctype="multipart/form-data">
<p><label for="audit-article">Article text</label><br><textarea id="audit-article" name="article" rows="10">${values.article}</textarea></p>
<p><label for="audit-file">…or upload it (HTML page or plain text)</label><br><input id="audit-file" type="file" name="articleFile" accept=".html,.htm,.txt,text/html,text/plain"></p>
<fieldset><legend>Stored articles as sources</legend>
${articles.length ? articles.map((a) => html`<label class="source-choice"><input type="checkbox" name="source" value="${a.id}"${values.picked.has(a.id) ? html` checked` : ''}> ${a.publisher ?? 'unknown publisher'}: ${a.title ?? `article ${a.id}`}</label>`) : html`<p class="meta">No stored articles yet.</p>`}
</fieldset>
<p><label for="audit-sources">Pasted sources (separate several with a line holding only <code>---</code>)</label><br><textarea id="audit-sources" name="sourceText" rows="8">${values.sourceText}</textarea></p>
<p><button type="submit">Audit</button></p>
</form>`;
  return page({ title: run ? 'Audit results' : 'Audit' }, body);
}

function results(run: AuditRun): Html {
  const s = run.result.summary;
  const info = new Map(run.sources.map((x) => [x.id, x]));
  const name = (id: string): string => info.get(id)?.label ?? id;
  const evidenceLink = (e: { sourceId: string; start: number; end: number; text: string }): Html => {
    const src = info.get(e.sourceId);
    const span = src?.articleId != null ? storedSpan(src, e.start, e.end) : null;
    return span && src?.articleId != null ? html`<a href="${passageHref({ articleId: String(src.articleId), ...span })}">“${e.text}”</a>` : html`“${e.text}”`;
  };
  return html`<section class="audit"><h2>Results</h2>
<p role="status">${s.supported} supported, ${s.unsupported} unsupported, ${s.contradicted} contradicted of ${s.total} checkable sentences.</p>
<ol class="audit-results">
${run.result.sentences.map((r) =>
  r.kind && r.kind !== 'claim'
    ? html`<li class="not-claim"><span class="meta">${r.kind}, not checked:</span> ${r.claim}</li>`
    : html`<li class="verdict verdict-${r.verdict}"><span class="verdict-label">${r.verdict}</span> <span class="claim">${r.claim}</span>
${r.note ? html`<br><span class="meta">${r.note}</span>` : ''}
${r.missing.length ? html`<br><span class="meta">No support for: ${r.missing.join(', ')}</span>` : ''}
${r.conflicts.length ? html`<ul>${r.conflicts.map((c) => html`<li>Conflict (${c.kind}): ${c.explanation} — ${name(c.evidence.sourceId)}: ${evidenceLink(c.evidence)}</li>`)}</ul>` : ''}
${r.verdict !== 'contradicted' && r.evidence.length ? html`<ul class="evidence">${r.evidence.slice(0, 3).map((e) => html`<li>${name(e.sourceId)}: ${evidenceLink(e)}</li>`)}</ul>` : ''}
</li>`,
)}
</ol></section>`;
}
