/**
 * trafilatura-eval's segment test, the same count as ../shared/tools/score-trafilatura-eval.py:
 * per page each `with` segment found in the output (whitespace folded) is a true positive, each
 * `without` found a false positive; a page without output misses every `with`. Counts are summed
 * over the pages, F = 2TP / (2TP + FP + FN). `half` scores the odd or even pages only, numbered
 * from 1 in gold.json's order (page 1 is odd): the split behind the calibration notes in src/extract
 * (it reproduces the recorded F odd 0.9155 / even 0.9339 of commit bdbe9b7).
 */
export interface GoldPage {
  file: string;
  url?: string;
  with: string[];
  without: string[];
}

export interface SegmentScore {
  pages: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f: number;
}

export type Half = 'all' | 'odd' | 'even';

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Whether the page at 0-based `index` is in `half` (pages numbered from 1: index 0 is page 1, odd). */
export const inHalf = (index: number, half: Half): boolean => half === 'all' || (index % 2 === 0) === (half === 'odd');

/** One page's counts; `text` null when there was no output. */
export function scorePage(page: GoldPage, text: string | null): { tp: number; fp: number; fn: number; tn: number } {
  const t = text === null ? null : ws(text);
  const w = t === null ? 0 : page.with.filter((s) => t.includes(ws(s))).length;
  const wo = t === null ? 0 : page.without.filter((s) => t.includes(ws(s))).length;
  return { tp: w, fn: page.with.length - w, fp: wo, tn: page.without.length - wo };
}

/** Scores `texts` (keyed by file base name) against the gold pages of one half. */
export function scoreSegments(gold: GoldPage[], texts: Map<string, string>, half: Half = 'all'): SegmentScore {
  const s = { pages: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
  gold.forEach((page, i) => {
    if (!inHalf(i, half)) return;
    const c = scorePage(page, texts.get(baseName(page.file)) ?? null);
    s.pages++;
    s.tp += c.tp;
    s.fp += c.fp;
    s.fn += c.fn;
    s.tn += c.tn;
  });
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const denom = 2 * s.tp + s.fp + s.fn;
  return { ...s, precision, recall, f: denom ? (2 * s.tp) / denom : 0 };
}

/** JSON Lines `{input, text}` (the extract-score / text-score output) to texts keyed by base name. */
export function readPredictions(jsonl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { input?: unknown; text?: unknown };
      if (typeof o.text === 'string') out.set(baseName(String(o.input ?? '')), o.text);
    } catch {
      // the reference scorer skips malformed lines too
    }
  }
  return out;
}
