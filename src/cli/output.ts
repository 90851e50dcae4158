import type { ExtractedArticle } from '../extract/types.js';
import { articleText, foundByOf } from '../extract/types.js';

/** Exit codes shared by every command (DESIGN.md, CLI contract). */
export const EXIT = { ok: 0, fatal: 1, someFailed: 2 } as const;

export function writeJsonLine(value: unknown, out: NodeJS.WritableStream = process.stdout): void {
  out.write(JSON.stringify(value) + '\n');
}

/** The `extract --json` line: the CLI contract's fields, then the rest of the model for programs that want it. */
export function extractJson(input: string, a: ExtractedArticle): Record<string, unknown> {
  return {
    input,
    title: a.title,
    byline: a.byline,
    publisher: a.publisher,
    via: a.via,
    published: a.published,
    language: a.language,
    text: articleText(a),
    paragraphs: a.paragraphs,
    captions: a.captions,
    removed: a.removed,
    published_relative: a.publishedRelative,
    url: a.url,
    canonical_url: a.canonicalUrl,
    lead_image: a.leadImage,
    found_by: foundByOf(a),
    warnings: a.warnings,
    extractor: a.extractor,
  };
}

const bold = (s: string, tty: boolean): string => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string, tty: boolean): string => (tty ? `\x1b[2m${s}\x1b[0m` : s);

/** What a readable article needs: a freshly extracted article and a stored one both have it. */
type Readable = Pick<
  ExtractedArticle,
  'title' | 'byline' | 'publisher' | 'via' | 'published' | 'publishedRelative' | 'language' | 'url' | 'canonicalUrl' | 'paragraphs' | 'captions' | 'removed' | 'warnings'
>;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

/** A cleaned article for people: metadata, body, captions, and what cleaning removed and why. */
export function renderArticle(a: Readable, extra: string[] = [], options: { tty?: boolean; removed?: boolean } = {}): string {
  const tty = options.tty ?? false;
  const lines: string[] = [];
  lines.push(bold(a.title ?? '(no headline found)', tty));
  const meta: [string, string | null][] = [
    ['Publisher', a.publisher],
    ['Via', a.via],
    ['Byline', a.byline],
    ['Published', a.published ?? (a.publishedRelative ? `${a.publishedRelative} (relative)` : null)],
    ['Language', a.language],
    ['URL', a.canonicalUrl ?? a.url],
  ];
  for (const [k, v] of meta) if (v) lines.push(`${dim(k.padEnd(10), tty)} ${v}`);
  lines.push(...extra);
  lines.push('');
  lines.push(...a.paragraphs.flatMap((p) => [p, '']));
  if (a.captions.length) {
    lines.push(bold(`Captions (${a.captions.length})`, tty));
    for (const c of a.captions) lines.push(`  - ${c}`);
    lines.push('');
  }
  if (options.removed !== false && a.removed.length) {
    lines.push(bold(`Removed by cleaning (${a.removed.length})`, tty));
    for (const r of a.removed) lines.push(`  [${r.reason}] ${clip(r.text, 110)}`);
    lines.push('');
  }
  if (a.warnings.length) {
    lines.push(bold('Warnings', tty));
    for (const w of a.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** A plain table with aligned columns (the last column is not padded). */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n') + '\n';
}

export { clip };
