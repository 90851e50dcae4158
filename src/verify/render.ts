/** Audit reports for people: terminal text (colours on a TTY), Markdown, HTML. */
import { escapeHtml } from '../escape-html.js';
import type { AuditResult, ClaimResult, Verdict } from './types.js';

export type RenderFormat = 'text' | 'md' | 'html';

const COLOUR: Record<Verdict, string> = { supported: '\x1b[32m', unsupported: '\x1b[33m', contradicted: '\x1b[31m' };
const MARK: Record<Verdict, string> = { supported: '✓', unsupported: '?', contradicted: '✗' };

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}


function details(r: ClaimResult, sourceName: (id: string) => string): string[] {
  const lines: string[] = [];
  for (const c of r.conflicts) lines.push(`conflict (${c.kind}): ${c.explanation} — ${sourceName(c.evidence.sourceId)}: “${clip(c.evidence.text, 160)}”`);
  if (r.missing.length) lines.push(`no support for: ${r.missing.join(', ')}`);
  for (const q of r.quotes) if (!q.verbatim) lines.push(`quote “${clip(q.text, 80)}”: ${q.note ?? 'not verbatim'}`);
  if (r.verdict !== 'contradicted') for (const e of r.evidence.slice(0, 3)) lines.push(`evidence ${sourceName(e.sourceId)} [${e.start}–${e.end}]: “${clip(e.text, 160)}”`);
  return lines;
}

export function renderAudit(result: AuditResult, options: { format?: RenderFormat; tty?: boolean; sourceName?: (id: string) => string } = {}): string {
  const format = options.format ?? 'text';
  const tty = options.tty ?? false;
  const name = options.sourceName ?? ((id: string) => id);
  const s = result.summary;
  const head = `${s.supported} supported, ${s.unsupported} unsupported, ${s.contradicted} contradicted of ${s.total} claims`;
  if (format === 'md') {
    const out = ['# Audit', '', head, ''];
    for (const r of result.sentences) {
      if (r.kind && r.kind !== 'claim') {
        out.push(`- *${r.kind}*: ${r.claim}`);
        continue;
      }
      out.push(`- **${r.verdict}** (${r.score.toFixed(2)}): ${r.claim}`);
      for (const d of details(r, name)) out.push(`  - ${d}`);
    }
    return out.join('\n') + '\n';
  }
  if (format === 'html') {
    const colour: Record<Verdict, string> = { supported: '#1a7f37', unsupported: '#9a6700', contradicted: '#cf222e' };
    const out = ['<!doctype html>', '<meta charset="utf-8">', '<title>Audit</title>', `<h1>Audit</h1>`, `<p>${escapeHtml(head)}</p>`, '<ol>'];
    for (const r of result.sentences) {
      if (r.kind && r.kind !== 'claim') {
        out.push(`<li class="${r.kind}"><em>${r.kind}</em>: ${escapeHtml(r.claim)}</li>`);
        continue;
      }
      out.push(`<li class="${r.verdict}"><strong style="color:${colour[r.verdict]}">${r.verdict}</strong> ${escapeHtml(r.claim)}<ul>`);
      for (const d of details(r, name)) out.push(`<li>${escapeHtml(d)}</li>`);
      out.push('</ul></li>');
    }
    out.push('</ol>');
    return out.join('\n') + '\n';
  }
  const paint = (v: Verdict, t: string): string => (tty ? `${COLOUR[v]}${t}\x1b[0m` : t);
  const dim = (t: string): string => (tty ? `\x1b[2m${t}\x1b[0m` : t);
  const out: string[] = [];
  for (const r of result.sentences) {
    if (r.kind && r.kind !== 'claim') {
      out.push(dim(`  - [${r.kind}] ${r.claim}`));
      continue;
    }
    out.push(`${paint(r.verdict, `${MARK[r.verdict]} ${r.verdict.toUpperCase()}`)} ${r.claim}`);
    for (const d of details(r, name)) out.push(dim(`    ${d}`));
  }
  out.push('', head);
  return out.join('\n') + '\n';
}
