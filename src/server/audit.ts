/**
 * Audits for the reader (the audit page and POST /api/audit): an article checked sentence by sentence against
 * stored articles and pasted texts with the same verifier as `roundup audit` (src/verify).
 */
import { isBudgetError } from '../extract/budget.js';
import { articleText } from '../extract/index.js';
import { sandboxFor } from '../extract/sandbox.js';
import { sniff } from '../ingest/sniff.js';
import type { Store, StoredArticle } from '../store/index.js';
import { auditArticle, type AuditResult, type SourceDoc } from '../verify/index.js';

/** Most sources one audit may name (stored and pasted together). */
export const MAX_AUDIT_SOURCES = 50;

export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 413 = 400,
  ) {
    super(message);
  }
}

export interface AuditSourceInfo {
  id: string;
  /** Stored article id, or null for pasted text. */
  articleId: number | null;
  label: string;
  /** Stored articles: length of the text and of each caption (the source is text, then captions, blank-line separated). */
  layout?: { text: number; captions: number[] };
}

/** A span of a stored source as a passage of its article: in the text, or in one caption; null across the seams. */
export function storedSpan(info: AuditSourceInfo, start: number, end: number): { start: number; end: number; caption?: number } | null {
  if (!info.layout) return null;
  if (end <= info.layout.text) return { start, end };
  let at = info.layout.text + 2;
  for (const [i, len] of info.layout.captions.entries()) {
    if (start >= at && end <= at + len) return { start: start - at, end: end - at, caption: i };
    at += len + 2;
  }
  return null;
}

export interface AuditRun {
  result: AuditResult;
  sources: AuditSourceInfo[];
}

/** A stored article as a source: body paragraphs, then captions (as `roundup audit` reads its sources). */
function storedSource(a: StoredArticle): SourceDoc {
  return { id: String(a.id), text: a.captions.length ? `${a.text}\n\n${a.captions.join('\n\n')}` : a.text, published: a.published, title: a.title, publisher: a.publisher };
}

/** An uploaded file as the article to audit: HTML pages and plain-text copies are cleaned as on ingest, under the same budget. */
export async function uploadedArticle(bytes: Uint8Array, name: string | null): Promise<{ text: string; published: string | null }> {
  const sniffed = sniff(bytes, { name });
  if (sniffed.format !== 'html' && sniffed.format !== 'text') {
    throw new AuditInputError(`the uploaded file${name ? ` ${name}` : ''} is ${sniffed.format === 'unsupported' ? sniffed.reason : `a ${sniffed.format} document`}; upload an HTML page or a plain-text file`);
  }
  let a;
  try {
    a = await sandboxFor().extract({ bytes, mediaType: sniffed.format === 'html' ? 'text/html' : 'text/plain', charset: null, url: null, hints: {} }, `the uploaded file${name ? ` ${name}` : ''}`);
  } catch (e) {
    if (isBudgetError(e)) throw new AuditInputError(e.message, 413);
    throw e;
  }
  return { text: articleText(a), published: a.published };
}

/** Pasted sources: several separated by a line holding only `---`. */
export function splitPasted(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*-{3,}[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function runAudit(store: Store, input: { text: string; published?: string | null; storedIds: number[]; pasted: { id?: string; text: string }[] }): AuditRun {
  if (!input.text.trim()) throw new AuditInputError('the article to audit is empty: paste its text or upload a file');
  const ids = [...new Set(input.storedIds)];
  if (ids.length + input.pasted.length === 0) throw new AuditInputError('pick at least one source: a stored article or pasted text');
  if (ids.length + input.pasted.length > MAX_AUDIT_SOURCES) throw new AuditInputError(`at most ${MAX_AUDIT_SOURCES} sources per audit`);
  const docs: SourceDoc[] = [];
  const sources: AuditSourceInfo[] = [];
  for (const id of ids) {
    const a = store.articles.get(id);
    if (!a) throw new AuditInputError(`no stored article with id ${id}`, 404);
    docs.push(storedSource(a));
    sources.push({ id: String(a.id), articleId: a.id, label: `${a.publisher ?? 'unknown publisher'}: ${a.title ?? `article ${a.id}`}`, layout: { text: a.text.length, captions: a.captions.map((c) => c.length) } });
  }
  input.pasted.forEach((p, i) => {
    const id = p.id ?? `pasted-${i + 1}`;
    if (docs.some((d) => d.id === id)) throw new AuditInputError(`two sources share the id "${id}"`);
    docs.push({ id, text: p.text });
    sources.push({ id, articleId: null, label: `Pasted source ${i + 1}` });
  });
  const result = auditArticle({ text: input.text, published: input.published ?? null }, docs);
  return { result, sources };
}
