/** Markdown: headline, lede, sections, key quotes, where sources differ, timeline, sources used and not, the AI note. */
import type { Citation, Composite, CompositeSentence } from '../compose/index.js';
import { citationLink, citationMarks, citedPassages, currentMark, dateRange, passageAnchor, sourceLabel, sourceNumbers, splitDerived, independentSources } from './shared.js';
import { articlesFromSources } from '../plural.js';

/** Escapes Markdown's inline syntax in source text (quotes and apostrophes stay as written). */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function marks(c: Composite, cits: readonly Citation[], numbers: Map<string, number>): string {
  const out = citationMarks(cits, numbers).map(({ n, cit }) => `[${n}](${citationLink(c, cit, numbers).replace(/\)/g, '%29')})`);
  return out.length ? `<sup>${out.join(' ')}</sup>` : '';
}

function sentence(c: Composite, s: CompositeSentence, numbers: Map<string, number>): string {
  return `${mdEscape(s.text)}${marks(c, s.citations, numbers)}`;
}

export function toMarkdown(c: Composite): string {
  const n = sourceNumbers(c);
  const out: string[] = [`# ${mdEscape(c.headline.text)}`, ''];
  const range = dateRange(c);
  out.push(`*${c.kind === 'overview' ? 'Storyline overview: ' : 'Roundup of '}${articlesFromSources(c.provenance.inputs.length, independentSources(c))}${range ? `, ${range}` : ''}*`, '');
  if (c.lede.length) out.push(`**${c.lede.map((s) => sentence(c, s, n)).join(' ')}**`, '');
  for (const sec of c.sections) {
    out.push(`## ${mdEscape(sec.heading ?? '')}`, '');
    for (const p of sec.paragraphs) out.push(p.map((s) => sentence(c, s, n)).join(' '), '');
  }
  if (c.quotes.length) {
    out.push('## Key quotes', '');
    for (const q of c.quotes) out.push(`> “${mdEscape(q.text)}” — ${mdEscape(q.speaker)}${marks(c, [q.citation], n)}`, '');
  }
  if (c.people?.length) {
    out.push('## People in this story', '');
    for (const p of c.people) out.push(`- **${mdEscape(p.name)}**, ${mdEscape(p.role)}${marks(c, p.citations, n)}`);
    out.push('');
  }
  if (c.disagreements.length) {
    out.push('## Where sources differ', '');
    for (const d of c.disagreements) {
      out.push(`- **${mdEscape(d.about)}**`);
      for (const v of d.values) out.push(`  - **${mdEscape(v.value)}** (${v.sources.map(mdEscape).join(', ')}): “${mdEscape(v.sentence)}”${marks(c, v.citations, n)}`);
    }
    out.push('');
  }
  if (c.timeline.length) {
    out.push('## Timeline', '');
    for (const t of c.timeline) out.push(`- ${t.published ? t.published.slice(0, 10) : 'undated'}: ${mdEscape(t.title ?? t.storyId)}${t.current ? ` *(${currentMark(t.storyId, c.kind)})*` : ''}`);
    out.push('');
  }
  out.push('## Sources used', '');
  c.sourcesUsed.forEach((s, i) => {
    const title = s.title ? (s.url ? `[${mdEscape(s.title)}](${s.url})` : mdEscape(s.title)) : s.url ? `<${s.url}>` : mdEscape(s.articleId);
    out.push(`${i + 1}. ${mdEscape(sourceLabel(s))}: ${title}${s.via ? ` (via ${mdEscape(s.via)})` : ''}${s.published ? `, ${s.published.slice(0, 10)}` : ''} · ${mdEscape(s.familyId)}`);
  });
  out.push('');
  const { derived, notUsed } = splitDerived(c);
  if (notUsed.length) {
    out.push('## Sources not used', '');
    for (const s of notUsed) out.push(`- ${mdEscape(sourceLabel(s))}: ${mdEscape(s.title ?? s.articleId)}: ${mdEscape(s.reason)}`);
    out.push('');
  }
  if (derived.length) {
    out.push('## Derived sources', '');
    for (const s of derived) out.push(`- ${mdEscape(sourceLabel(s))}: ${mdEscape(s.title ?? s.articleId)}: ${mdEscape(s.reason)}`);
    out.push('');
  }
  // Citations of sources without a URL link to these anchors (see citationLink).
  const local = citedPassages(c).filter((p) => !c.sourcesUsed.find((s) => s.articleId === p.articleId)?.url);
  if (local.length) {
    out.push('## Cited passages', '');
    for (const p of local) {
      const src = c.sourcesUsed[(n.get(p.articleId) ?? 0) - 1];
      const where = `${p.caption !== undefined ? `caption ${p.caption + 1}, ` : ''}characters ${p.start}–${p.end}`;
      out.push(`- <a id="${passageAnchor(p, n)}"></a>[${n.get(p.articleId) ?? '?'}] ${mdEscape(src ? sourceLabel(src) : p.articleId)}, ${where}: “${mdEscape(p.text)}”`);
    }
    out.push('');
  }
  out.push('---', '', `*${mdEscape(c.disclosure)}*`, '');
  return out.join('\n');
}
