/**
 * What changed between two editions of a story, fact by fact. A fact is one published sentence of the composite
 * (lede and sections) with its citations.
 *
 * - `added`: a sentence the previous edition did not publish, and no earlier sentence it revises.
 * - `updated`: a sentence that says what an earlier one said with other numbers ("412 homes" for "300 homes"):
 *   the same words once numbers are set aside (word overlap at least UPDATE_OVERLAP), numbers different.
 * - `withdrawn`: an earlier sentence no longer published whose every cited span is gone from the story's sources
 *   (its article left the story, or a new version of the page no longer says it: a correction). A sentence left out
 *   only for length is not withdrawn: its sources still say it.
 * - `source-added`: a source of the story the previous edition did not have (a new version of a page it had is not one).
 */
import type { Composite } from '../compose/index.js';
import type { EditionChange, EditionCitation, EditionSnapshot } from './types.js';

/**
 * Share of the non-number words two sentences must have in common (Jaccard) for the later to be a revision of the
 * earlier. Set by hand on the watch test's invented reports (test/watch/watch.e2e.test.ts) and the diff
 * tests: a revised toll sentence keeps almost all its words (0.8 and up), two different facts of one event share
 * under 0.4.
 */
export const UPDATE_OVERLAP = 0.6;

/** Numbers written as words ("Six people"), with their values: reports give small counts this way. */
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
    .map((w, i) => [w, i] as const)
    .concat([['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['dozen', 12]]),
);
const NUMBER = new RegExp(`\\d[\\d,.]*\\d|\\d|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
const numbersOf = (s: string): string[] => (s.match(NUMBER) ?? []).map((n) => n.replace(/[.,]$/, ''));
const sameNumbers = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => valueOf(x) === valueOf(b[i]!) || x.toLowerCase() === b[i]!.toLowerCase());
/** The value of a number as written ("1,200" → 1200, "Six" → 6); NaN when it is not one. */
const valueOf = (n: string): number => NUMBER_WORDS[n.toLowerCase()] ?? (/^\d[\d,]*(?:\.\d+)?$/.test(n) ? Number(n.replace(/,/g, '')) : Number.NaN);
const wordsOf = (s: string): Set<string> => new Set(s.replace(NUMBER, ' ').toLowerCase().match(/\p{L}+/gu) ?? []);

function overlap(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  const union = a.size + b.size - common;
  return union ? common / union : 0;
}

const citationOf = (c: { articleId: string; start: number; end: number; text: string }): EditionCitation => ({ articleId: c.articleId, start: c.start, end: c.end, text: c.text });

/** The facts and sources of a composite, in reading order. */
export function snapshotOf(c: Composite): EditionSnapshot {
  const sentences = [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];
  return {
    headline: c.headline.text,
    facts: sentences.map((s) => ({ text: s.text, citations: s.citations.map(citationOf) })),
    sources: [...c.sourcesUsed, ...c.sourcesNotUsed]
      .map((s) => ({ articleId: s.articleId, publisher: s.publisher, title: s.title, familyId: s.familyId, url: s.url }))
      .sort((a, b) => Number(a.articleId) - Number(b.articleId) || a.articleId.localeCompare(b.articleId)),
  };
}

/** True when two snapshots publish the same thing (same headline, facts, citations and sources). */
export function sameSnapshot(a: EditionSnapshot, b: EditionSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a cited span is still in the story's sources: `texts` maps each current source article to its text. */
export type SpanCheck = (c: EditionCitation) => boolean;

export function spanCheckOf(texts: ReadonlyMap<string, string>): SpanCheck {
  return (c) => {
    const t = texts.get(c.articleId);
    return t !== undefined && t.slice(c.start, c.end) === c.text;
  };
}

/**
 * The change list of `next` against `prev` (null for a story's first edition: every fact added, every source
 * added). `stillSourced` says whether a cited span of `prev` is still in the story's current sources.
 */
export function diffSnapshots(prev: EditionSnapshot | null, next: EditionSnapshot, stillSourced: SpanCheck): EditionChange[] {
  const changes: EditionChange[] = [];
  const before = prev?.facts ?? [];
  const beforeTexts = new Set(before.map((f) => f.text));
  const nextTexts = new Set(next.facts.map((f) => f.text));
  const revised = new Set<string>();
  for (const f of next.facts) {
    if (beforeTexts.has(f.text)) continue;
    const nums = numbersOf(f.text);
    const words = wordsOf(f.text);
    let best: { text: string; score: number } | null = null;
    if (nums.length) {
      for (const o of before) {
        if (nextTexts.has(o.text) && !numbersOf(o.text).length) continue;
        const oNums = numbersOf(o.text);
        if (!oNums.length || sameNumbers(oNums, nums)) continue;
        const score = overlap(words, wordsOf(o.text));
        if (score >= UPDATE_OVERLAP && (!best || score > best.score)) best = { text: o.text, score };
      }
    }
    if (best) {
      revised.add(best.text);
      const oNums = numbersOf(best.text);
      const moved = nums.map((n, i) => [oNums[i], n] as const).filter(([a, b]) => a === undefined || !sameNumbers([a], [b]));
      changes.push({
        kind: 'updated',
        text: f.text,
        before: moved.map(([a]) => a ?? '').filter(Boolean).join(', ') || oNums.join(', '),
        after: moved.map(([, b]) => b).join(', ') || nums.join(', '),
        citations: f.citations,
      });
    } else changes.push({ kind: 'added', text: f.text, citations: f.citations });
  }
  for (const o of before) {
    if (nextTexts.has(o.text) || revised.has(o.text)) continue;
    if (o.citations.length && o.citations.every((c) => !stillSourced(c))) changes.push({ kind: 'withdrawn', text: o.text, citations: o.citations });
  }
  // A new version of a page already cited (a correction) is the same source: sources are told apart by URL.
  const sourceKey = (s: EditionSnapshot['sources'][number]): string => s.url ?? `article:${s.articleId}`;
  const known = new Set((prev?.sources ?? []).map(sourceKey));
  for (const s of next.sources) {
    if (known.has(sourceKey(s))) continue;
    const text = [s.publisher, s.title].filter(Boolean).join(': ') || `article ${s.articleId}`;
    changes.push({ kind: 'source-added', text, citations: [] });
  }
  return changes;
}

/** One line for a feed entry or a status line: "2 facts added, 1 number updated, 1 source added". */
export function changeSummary(changes: readonly EditionChange[]): string {
  const count = (k: EditionChange['kind']) => changes.filter((c) => c.kind === k).length;
  const parts: string[] = [];
  const say = (n: number, one: string, many: string) => n && parts.push(`${n} ${n === 1 ? one : many}`);
  say(count('added'), 'fact added', 'facts added');
  say(count('updated'), 'number updated', 'numbers updated');
  say(count('withdrawn'), 'fact withdrawn', 'facts withdrawn');
  say(count('source-added'), 'source added', 'sources added');
  const upd = changes.find((c) => c.kind === 'updated');
  const detail = upd ? ` (${movedPhrase(upd.before ?? '', upd.after ?? '')})` : '';
  return parts.length ? parts.join(', ') + detail : 'no change';
}

/** "412, up from 300"; "9, down from 12"; "412, was 300" when the values are not single numbers. */
export function movedPhrase(before: string, after: string): string {
  const x = valueOf(before);
  const y = valueOf(after);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return `${after}, ${y > x ? 'up' : 'down'} from ${before}`;
  return `${after}, was ${before}`;
}
