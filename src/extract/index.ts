import { decodeBytes } from '../ingest/decode.js';
import { toArticleRecord } from '../ingest/record.js';
import { RECORD_MEDIA_TYPE } from '../ingest/types.js';
import { checkSize, type ExtractBudget } from './budget.js';
import { extractHtml } from './html/index.js';
import { cleanText } from './text/index.js';
import { emptyArticle, type ExtractedArticle, type ExtractHints, type ExtractInput } from './types.js';

export * from './types.js';

/** Extraction never throws: a document it cannot handle still yields its best text and a warning. */
export function extractDocument(input: ExtractInput): ExtractedArticle {
  try {
    return input.kind === 'html' ? extractHtml(input.content, input.hints) : cleanText(input.content, input.hints);
  } catch (e) {
    const article = emptyArticle(input.kind === 'html' ? 'html' : 'text');
    const text = input.kind === 'html' ? input.content.replace(/<[^>]*>/g, ' ') : input.content;
    article.paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    article.warnings.push(`extractor failed (${e instanceof Error ? e.message : String(e)}); kept the raw text`);
    return article;
  }
}

/** What extraction needs of a stored or freshly read raw record. */
export interface RawForExtraction {
  bytes: Uint8Array;
  mediaType: string;
  charset: string | null;
  url: string | null;
  hints: ExtractHints;
}

function kindOfMediaType(mediaType: string): 'html' | 'text' {
  return /html|xml/.test(mediaType) ? 'html' : 'text';
}

function mergeHints(a: ExtractHints, b: ExtractHints): ExtractHints {
  const out: ExtractHints = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof ExtractHints, string | null | undefined][]) {
    if (v !== null && v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

/**
 * Raw bytes (as stored) to an article: decode with the right charset, unwrap JSON records,
 * then extract. Decoding warnings are carried into the article's warnings. With a budget, a document
 * over its size limits throws a BudgetError before it is parsed (the caller names the input); time
 * and memory are the worker's to enforce (./sandbox.ts runs this under them).
 */
export function extractRaw(raw: RawForExtraction, budget?: ExtractBudget): ExtractedArticle {
  const baseHints = mergeHints({ url: raw.url }, raw.hints);
  if (raw.mediaType === RECORD_MEDIA_TYPE) {
    const decoded = decodeBytes(raw.bytes, 'text', 'utf-8');
    const record = toArticleRecord(JSON.parse(decoded.text), raw.url ?? 'record');
    const hints = mergeHints(baseHints, {
      url: record.url,
      title: record.title,
      byline: record.byline,
      publisher: record.publisher,
      published: record.published,
    });
    if (budget) checkSize(record.html?.trim() ? record.html : (record.text ?? ''), record.html?.trim() ? 'html' : 'text', budget);
    const article = record.html?.trim()
      ? extractDocument({ content: record.html, kind: 'html', hints })
      : extractDocument({ content: record.text ?? '', kind: 'text', hints });
    return article;
  }
  const kind = kindOfMediaType(raw.mediaType);
  const decoded = decodeBytes(raw.bytes, kind === 'html' ? 'html' : 'text', raw.charset);
  if (budget) checkSize(decoded.text, kind, budget);
  const article = extractDocument({ content: decoded.text, kind, hints: baseHints });
  article.warnings.unshift(...decoded.warnings);
  return article;
}
