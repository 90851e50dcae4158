/**
 * What every renderer shares: the numbering of sources (the order of "Sources used"), the link to a cited passage
 * (the article URL with a text fragment of the span's start, else an in-page anchor), and the body in reading order.
 */
import type { Citation, Composite, CompositeSentence, SourceNotUsed } from '../compose/index.js';

/** Words of the cited span's start put in a text fragment: enough to find it, short enough to survive small edits. */
const FRAGMENT_WORDS = 8;

export function sourceNumbers(c: Composite): Map<string, number> {
  return new Map(c.sourcesUsed.map((s, i) => [s.articleId, i + 1]));
}

/** `#:~:text=` fragment of the span's first words (dashes, commas and ampersands percent-encoded, as the syntax needs). */
export function textFragment(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').slice(0, FRAGMENT_WORDS).join(' ');
  return '#:~:text=' + encodeURIComponent(words).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

/** Stable in-page anchor of a cited passage in the Sources appendix. */
export function passageAnchor(cit: Citation, numbers: Map<string, number>): string {
  return `src-${numbers.get(cit.articleId) ?? 0}-${cit.caption !== undefined ? `c${cit.caption}-` : ''}${cit.start}`;
}

export function citationLink(c: Composite, cit: Citation, numbers: Map<string, number>): string {
  const src = c.sourcesUsed.find((s) => s.articleId === cit.articleId);
  return src?.url ? src.url.replace(/#.*$/, '') + textFragment(cit.text) : `#${passageAnchor(cit, numbers)}`;
}

/** A sentence's citations, one per source number (the first span cited of each source), in citation order. */
export function citationMarks(cits: readonly Citation[], numbers: Map<string, number>): { n: number; cit: Citation }[] {
  const seen = new Set<number>();
  const out: { n: number; cit: Citation }[] = [];
  for (const cit of cits) {
    const n = numbers.get(cit.articleId) ?? 0;
    if (seen.has(n)) continue;
    seen.add(n);
    out.push({ n, cit });
  }
  return out;
}

/** Every cited passage once, in order of first citation. */
export function citedPassages(c: Composite): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  const add = (x: Citation): void => {
    const k = `${x.articleId}\u0000${x.caption ?? ''}\u0000${x.start}\u0000${x.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  };
  for (const s of bodySentences(c)) s.citations.forEach(add);
  for (const q of c.quotes) add(q.citation);
  for (const p of c.people ?? []) p.citations.forEach(add);
  for (const d of c.disagreements) for (const v of d.values) v.citations.forEach(add);
  return out;
}

export function bodySentences(c: Composite): CompositeSentence[] {
  return [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];
}

/** Independent sources of the composite: families with a first-hand member (all families when every source is derived). */
export function independentSources(c: Composite): number {
  const all = [...c.sourcesUsed, ...c.sourcesNotUsed];
  const count = (list: typeof all): number => new Set(list.map((s) => s.familyId)).size;
  return count(all.filter((s) => !s.derived?.length)) || count(all);
}

/** Sources not used, apart from the derived ones (an AI-written composite...), which renderers list on their own. */
export function splitDerived(c: Composite): { derived: SourceNotUsed[]; notUsed: SourceNotUsed[] } {
  return { derived: c.sourcesNotUsed.filter((s) => s.derived?.length), notUsed: c.sourcesNotUsed.filter((s) => !s.derived?.length) };
}

export function sourceLabel(s: { publisher: string | null; articleId: string }): string {
  return s.publisher ?? s.articleId;
}

export function dateRange(c: Composite): string {
  const { first, last } = c.published;
  if (!first) return '';
  const f = first.slice(0, 10);
  const l = (last ?? first).slice(0, 10);
  return f === l ? f : `${f} – ${l}`;
}

/** A timeline entry that is a development of the story itself (`s3.2`), not another story of its storyline. */
export const isDevelopment = (storyId: string): boolean => /^s\d+\.\d+$/.test(storyId);

/** What marks the timeline's current entry: the latest development of this story, or this story in its storyline. */
export const currentMark = (storyId: string, kind?: 'overview'): string => (isDevelopment(storyId) || kind === 'overview' ? 'latest' : 'this story');
