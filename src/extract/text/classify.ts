/**
 * Position-aware decisions over the classified lines of a page dump:
 *
 * 1. The article core starts at the first `good` line with another `good` line within
 *    CORE_NEIGHBOUR_WINDOW lines after it.
 * 2. A tail marker after the core starts ("Related articles", "Comments", "Sign up to read") opens
 *    a non-article tail; everything after it is dropped, unless real prose resumes (two long
 *    paragraphs in a row, and more of them before the next tail marker), which ends the tail.
 * 3. The `good` lines outside tails are grouped into clusters separated by gaps; the article is the
 *    first cluster and those after it that still weigh against it (articleClusters), so an author
 *    box or disclaimer after a gap stays out, and a teaser block above a much heavier article is
 *    skipped. The core ends at the last of these `good` lines with another one within
 *    CORE_END_WINDOW lines before it, widened by adjacent short sentences (a lede line above the
 *    body, a closing line) and by a list the last paragraph introduces.
 * 4. Lines before the core are the page head: headline, byline, outlet, date, relative age and
 *    navigation/promo text.
 * 5. Inside the core, every textual line is body except captions (also the line after a lone
 *    gallery label), UI labels, metadata lines, repeats, and runs of two or more short non-sentence
 *    lines (link lists), unless the run is one block (lines broken by line breaks only) or sits
 *    between paragraphs and reads as a list (items with bullets, numbers, "Label: value", list
 *    punctuation, prose-like items, or four items or more), or sits next to prose on one side and
 *    reads as a table (digits in many rows) or a bulleted/numbered list, or follows a paragraph ending
 *    in a colon. A short heading right above a removed link list goes with it. A repeated-pattern
 *    stretch (a photo gallery) does not count as a gap between paragraphs (markPatterns). A labelled
 *    link to another story between two paragraphs ("<label>: <headline>") is removed (removeLinkLines).
 */

import { classifyLine, type LineInfo } from './features.js';
import { collapseWhitespace, SENTENCE_END, segment } from './lines.js';
import { ORG_WORDS } from './lexicon.js';
import { looksLikeOutletName, parseByline, splitLeadingDate } from './metadata.js';
import type { Stoplist } from './stopwords.js';

export type Decision =
  | { kind: 'body' }
  | { kind: 'title' }
  | { kind: 'caption'; caption: string; uiPrefix: string | null }
  | { kind: 'removed'; reason: string };

export interface Found {
  value: string;
  foundBy: string;
}

export interface Classified {
  lines: LineInfo[];
  decisions: Decision[];
  title: Found | null;
  byline: Found | null;
  /** Outlet found in the page head (repeated outlet line, name glued to an age, outlet-word line). */
  publisher: Found | null;
  published: Found | null;
  publishedRelative: string | null;
  warnings: string[];
}

/**
 * The core starts at the first `good` line with another `good` line at most this many lines after
 * it (captions not counted). Calibrated on plain-text dumps of the trafilatura-eval pages made with
 * test/helpers/html-to-text.ts (bench/text-score.ts), with CORE_END_WINDOW 3: 3 → F 0.853,
 * 8 → 0.862, 20 → 0.868, 40 → 0.869. (Earlier, on the colleague's own dumps: 6/12/20 → 0.830/0.832/0.835.)
 */
const CORE_NEIGHBOUR_WINDOW = 40;
/**
 * The core ends at the last `good` line with another `good` line at most this many lines before it:
 * prose after a gap (author box, newsletter pitch, comment form) is not the article's. Same dumps,
 * with the start window at 20: 20 → F 0.859, 12 → 0.859, 8 → 0.862, 4 → 0.865, 3 → 0.868, 2 → 0.868
 * (recall falling), 1 → 0.859.
 */
const CORE_END_WINDOW = 3;
/** A line after gallery UI words is its caption when at most this long (captions run 5-40 words). */
const MAX_GALLERY_CAPTION_WORDS = 60;
/** Prose resumes after a tail marker when two paragraphs in a row are at least this long. */
const RESUME_MIN_CHARS = 120;
/**
 * ... and when at least this many paragraphs follow before the next tail marker or the page's end
 * (fewer are a box: an author bio under "About the author", a disclaimer, a comment). Odd-indexed
 * trafilatura-eval dumps (bench/text-score.ts): rule off → F 0.8663, 3 → 0.8678, 4 → 0.8698,
 * 5 → 0.8667, 6 → 0.8673; at 4 the even-indexed half goes 0.8782 → 0.8793.
 */
const RESUME_MIN_PARAGRAPHS = 4;
/**
 * Clusters of `good` lines (see articleClusters). Odd-indexed trafilatura-eval dumps, with the
 * rules above: no clustering → F 0.8713; gap 6/8/10/12 at share 0.15 and jump 2 → 0.8765/0.8724/
 * 0.8723/0.8736; gap 8 at share 0.1/0.15/0.2 → 0.8728/0.8724/0.8714; no jump → 0.8716 (gap 10).
 * Gap 8 is kept because it also helps the even-indexed half (0.8796 → 0.8812; gap 6: 0.8781).
 * Choosing the heaviest cluster as the article instead (and growing it both ways) scored
 * 0.863-0.867: comment threads and forum tails outweigh short articles.
 * Later, with all the rules of this file: measuring JOIN_SHARE against the heaviest joined cluster
 * instead of the sum of the joined ones moved odd-indexed F 0.8856 → 0.8894 and even-indexed
 * 0.8895 → 0.8905 (share 0.12/0.2/0.25: odd 0.8898/0.8887/0.8886, even 0.8895/0.8904/0.8901).
 * With the sum, shares 0.11-0.14 swung between 0.8848 and 0.8880 on the odd half; against the
 * geometric mean of sum and heaviest: odd 0.8900/0.8881 at 0.12/0.15, even 0.8894/0.8904.
 */
const CLUSTER_GAP = 8;
const JOIN_SHARE = 0.15;
const JUMP = 2;
/** Page-head lines further than this from the core are not considered for the headline. */
const TITLE_SEARCH_WINDOW = 12;
/**
 * Inside the core, this many short non-sentence lines in a row are a link list, not body.
 * Calibrated on the same dumps: 2 → F 0.830, 3 → 0.825, 4 → 0.822, no rule → 0.816. A single
 * short line (a section heading) between paragraphs stays.
 */
const SHORT_RUN = 2;
/**
 * A run sitting between body paragraphs is an article list when at least this share of its lines
 * look like list items, or when its lines average this stopword density and word count (prose-like
 * items). Set by hand; on the trafilatura-eval dumps the rule moves F 0.848 → 0.850 (keeping every
 * sandwiched run: 0.845).
 */
const LIST_MIN_SHARE = 0.5;
const LIST_MIN_DENSITY = 0.25;
const LIST_MIN_WORDS = 4;
/**
 * Without list markers, an article list has at least this many prose-like items; two short lines
 * between paragraphs are more often a teaser pair or a share/tag line. Same dumps (applied to every
 * run): 2 → F 0.8709, 3 → 0.8714, 4 → 0.8712; applied to unmarked runs only, as here, with the
 * other rules of this round: 2 → 0.8719, 3 → 0.8722.
 */
const LIST_MIN_ITEMS = 3;
/**
 * A run of at least this many short lines between two paragraphs of body prose is article content
 * whatever its items look like (a spec sheet, a table read row by row, a code listing, a ranking):
 * a link list that long rarely sits inside the prose. Odd-indexed trafilatura-eval dumps: F 0.8745
 * → 0.8746 (3 items) / 0.8750 (4) / 0.8747 (6); even-indexed 0.8823 → 0.8846 / 0.8847 / 0.8849.
 * Also requiring the items not to look like headlines (capitalised, 5+ words, no final
 * punctuation, no digits) did not help (odd 0.8744-0.8752).
 */
const LONG_LIST_ITEMS = 4;
/**
 * A short line right above a run removed as a link list is that list's heading ("More on this",
 * "Latest posts") when it has at most this many words: it goes with the list. Odd-indexed
 * trafilatura-eval dumps: F 0.8745 → 0.8756 (6 words) / 0.8747 (10); even-indexed 0.8823 → 0.8829
 * (both). With LONG_LIST_ITEMS: odd 0.8762, even 0.8850.
 */
const LIST_HEADING_MAX_WORDS = 6;

/** Lines of the input (with a date glued to the start of an early line split off as its own line). */
export function splitLines(content: string, stoplist: Stoplist | null): LineInfo[] {
  const out: LineInfo[] = [];
  for (const u of segment(content)) {
    const lead = u.index < 15 ? splitLeadingDate(u.text) : null;
    if (lead) {
      out.push({ ...classifyLine(lead.dateText, u.block, stoplist), cls: 'date', dateIso: lead.iso });
      out.push(classifyLine(lead.rest, u.block, stoplist));
    } else {
      out.push(classifyLine(u.text, u.block, stoplist));
    }
  }
  markPatterns(out);
  // A line of gallery UI words alone ("open image in gallery") introduces the caption on the next line.
  out.forEach((l, i) => {
    const next = out[i + 1];
    if (l.ui !== 'caption-ui' || !next) return;
    if ((next.cls === 'short' || next.cls === 'near' || next.cls === 'good') && next.features.words <= MAX_GALLERY_CAPTION_WORDS) {
      next.cls = 'caption';
      next.caption = { caption: next.text, uiPrefix: null };
    }
  });
  return out;
}

/**
 * Whether the short line `l` right above the core leads into the core's first line `next`, and so
 * belongs to the article: a short heading ending in a colon ("Summary:"), or the start of a sentence
 * (capitalised, no final punctuation) that the next line continues in lower case (a sentence split
 * by a link or a line break). Odd-indexed trafilatura-eval dumps: F 0.8839 → 0.8843 (colon) / 0.8843
 * (continuation) / 0.8847 (both); even-indexed 0.8882 → 0.8882 / 0.8886 / 0.8886.
 */
function leadsIn(l: LineInfo | undefined, next: LineInfo | undefined): boolean {
  if (!l || !next || l.cls !== 'short') return false;
  if (introHeading(l)) return true;
  return /^\p{Ll}/u.test(next.text) && /^\p{Lu}/u.test(l.text) && !SENTENCE_END.test(l.text);
}

/** Captions and credits stand aside from the text: they neither part nor join paragraphs. */
function aside(l: LineInfo | undefined): boolean {
  return l !== undefined && (l.cls === 'caption' || l.cls === 'credit');
}

/**
 * A photo gallery or carousel in a dump repeats a pattern every few lines: the same label, counter
 * ("3 / 12", digits aside) or credit comes back at a fixed period, with a caption in between. A
 * short line (at most PATTERN_MAX_WORDS words, not prose, with a letter in it) whose text, digits
 * aside, recurs at least PATTERN_MIN_REPEATS times at one fixed period of PATTERN_MIN_PERIOD to
 * PATTERN_MAX_PERIOD lines marks the stretch from its first occurrence to one period after its last
 * as a repeated pattern (`LineInfo.pattern`). Such a stretch is neutral in the gaps between clusters
 * of prose (articleClusters): the prose after a gallery inside an article joins the article; the
 * lines keep their own decisions. Odd-indexed trafilatura-eval dumps: F 0.8773 → 0.8781, even-indexed
 * 0.8858 → 0.8862. Also removing the stretch's lines: odd 0.8746 (interviews, numbered steps and
 * comment threads repeat too); counting lines of digits only ("12:30", "3.") as labels: odd 0.8783
 * but even 0.8847 (timestamped sidebars joined the article); 3 repeats: odd 0.8758; period up to
 * 12: even 0.8854; also removing the recurring lines themselves: odd 0.8847 → 0.8852, even 0.8886 →
 * 0.8885 (left out).
 */
const PATTERN_MAX_WORDS = 8;
const PATTERN_MIN_REPEATS = 4;
const PATTERN_MIN_PERIOD = 2;
const PATTERN_MAX_PERIOD = 8;

function markPatterns(lines: LineInfo[]): void {
  const at = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.cls === 'good' || l.features.words > PATTERN_MAX_WORDS || !/\p{L}/u.test(l.text)) return;
    const key = norm(l.text).replace(/\p{N}+/gu, '#');
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  });
  for (const list of at.values()) {
    let s = 0;
    while (s + PATTERN_MIN_REPEATS <= list.length) {
      const first = list[s] ?? 0;
      const period = (list[s + 1] ?? first) - first;
      let e = s + 1;
      while (e + 1 < list.length && (list[e + 1] ?? 0) - (list[e] ?? 0) === period) e++;
      if (e - s + 1 >= PATTERN_MIN_REPEATS && period >= PATTERN_MIN_PERIOD && period <= PATTERN_MAX_PERIOD) {
        const last = Math.min(lines.length - 1, (list[e] ?? first) + period - 1);
        for (let k = first; k <= last; k++) {
          const l = lines[k];
          if (l) l.pattern = true;
        }
      }
      s = e;
    }
  }
}

const norm = (s: string): string => collapseWhitespace(s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')).toLowerCase();

/** Index of the `good` line that starts (or, scanning backwards, ends) the dense core. */
function denseEnd(lines: LineInfo[], goods: number[], fromStart: boolean): number | undefined {
  const order = fromStart ? goods : [...goods].reverse();
  const window = fromStart ? CORE_NEIGHBOUR_WINDOW : CORE_END_WINDOW;
  for (const g of order) {
    let seen = 0;
    for (let j = fromStart ? g + 1 : g - 1; j >= 0 && j < lines.length; j += fromStart ? 1 : -1) {
      const l = lines[j];
      if (!l || aside(l)) continue;
      if (++seen > window) break;
      if (l.cls === 'good') return g;
    }
  }
  return order[0];
}

/**
 * The article's extent among the core's `good` lines. The lines fall into clusters (neighbours at
 * most CLUSTER_GAP other lines apart, captions not counted), each weighing its characters of prose.
 * From the first cluster, the next one joins while it weighs at least JOIN_SHARE of the heaviest
 * cluster joined so far: an article interrupted by a gallery or an embed goes on with more prose,
 * while an author box, a disclaimer, a comment-form notice or a sidebar blurb after a gap weighs
 * little against the article. When a later cluster outweighs the joined ones JUMP times over, the joined ones were a
 * teaser block above the article and the article starts there.
 */
function articleClusters(lines: LineInfo[], goods: number[]): { first: number; last: number } | null {
  const first = goods[0];
  if (first === undefined) return null;
  const clusters: { first: number; last: number; weight: number }[] = [];
  let prev = -1;
  for (const g of goods) {
    let gap = 0;
    for (let j = prev + 1; prev >= 0 && j < g; j++) if (!aside(lines[j]) && !lines[j]?.pattern) gap++;
    const weight = lines[g]?.features.chars ?? 0;
    const last = clusters[clusters.length - 1];
    if (last && gap <= CLUSTER_GAP) {
      last.last = g;
      last.weight += weight;
    } else clusters.push({ first: g, last: g, weight });
    prev = g;
  }
  const w = (i: number): number => clusters[i]?.weight ?? 0;
  // The bar is set by the heaviest cluster joined so far, not by their sum: an article broken into
  // many clusters (by galleries, embeds, ads) would otherwise raise it with every part it has, and
  // its last parts could not join.
  const chain = (from: number): number => {
    let to = from;
    let heaviest = w(from);
    while (to + 1 < clusters.length && w(to + 1) >= JOIN_SHARE * heaviest) heaviest = Math.max(heaviest, w(++to));
    return to;
  };
  let from = 0;
  let to = chain(0);
  let joined = 0;
  for (let i = 0; i <= to; i++) joined += w(i);
  let heaviest = -1;
  for (let i = to + 1; i < clusters.length; i++) if (heaviest < 0 || w(i) > w(heaviest)) heaviest = i;
  if (heaviest >= 0 && w(heaviest) >= JUMP * joined) {
    from = heaviest;
    to = chain(heaviest);
  }
  return { first: clusters[from]?.first ?? first, last: clusters[to]?.last ?? first };
}

/**
 * Whether the prose starting at `from`, after a tail marker, is a box (an author bio, a disclaimer,
 * a comment) rather than the article resuming: fewer than RESUME_MIN_PARAGRAPHS paragraphs before
 * the next tail marker or the end of the page.
 */
function boxBeforeTail(lines: LineInfo[], from: number): boolean {
  let goods = 0;
  for (let j = from; j < lines.length && goods < RESUME_MIN_PARAGRAPHS; j++) {
    const l = lines[j];
    if (l?.cls === 'tail') break;
    if (l?.cls === 'good') goods++;
  }
  return goods < RESUME_MIN_PARAGRAPHS;
}

/**
 * A list the article's last paragraph introduces ("...these indicators:" followed by items), or a run
 * of marked items (bullets, numbers) right after it, belongs to the article: the core is extended
 * over it, item by item, up to the first line that is not a list item. Odd-indexed trafilatura-eval
 * dumps: F 0.8698 → 0.8713 (even-indexed: 0.8793 → 0.8796); taking the lines of the last paragraph's
 * own block as well (where blocks are trusted, see separatesParagraphs): 0.8741 → 0.8745 (even:
 * 0.8819 → 0.8823). Not counting list items in
 * CORE_END_WINDOW as well: 0.8715 (all items) or 0.8698 (any "Label: value" line), even half worse.
 */
function trailingList(lines: LineInfo[], tailReason: (string | null)[], coreEnd: number, blocky: boolean): number {
  const last = lines[coreEnd];
  if (!last) return coreEnd;
  let introduced = INTRO_HEADING.test(last.text);
  let end = coreEnd;
  for (let j = coreEnd + 1; j < lines.length; j++) {
    const l = lines[j];
    if (!l || tailReason[j] !== null) break;
    if (aside(l)) continue;
    if (l.cls !== 'short' && l.cls !== 'near') break;
    // A short heading ending in a colon ("Contents:", "Key facts:") introduces the marked list below it.
    if (!introduced && end === coreEnd && introHeading(l)) {
      const k = neighbour(lines, j + 1, 1);
      const next = lines[k];
      if (next && tailReason[k] === null && MARKED_ITEM.test(next.text)) {
        introduced = true;
        end = j;
        continue;
      }
    }
    // A line of the last paragraph's own block (after a line break, not a new paragraph) goes on with it.
    const item = (blocky && l.block === last.block) || (introduced ? LIST_ITEM.test(l.text) || l.cls === 'near' || /^\p{Ll}/u.test(l.text) : MARKED_ITEM.test(l.text));
    if (!item) break;
    end = j;
  }
  return end;
}

/**
 * A heading that introduces the list after the article's last paragraph: at most this many words,
 * ending in a colon. Odd-indexed trafilatura-eval dumps: F 0.8828 → 0.8832; even-indexed unchanged (0.8882).
 */
const INTRO_HEADING = /:$/;
const INTRO_HEADING_MAX_WORDS = 6;

/** A short heading ending in a colon ("Summary:", "Key facts:"): it introduces what follows it. */
const introHeading = (l: LineInfo): boolean => INTRO_HEADING.test(l.text) && l.features.words <= INTRO_HEADING_MAX_WORDS;

/** A list item with a bullet or number marker. */
const MARKED_ITEM = /^(?:[-–—•·*▪►✓]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)/u;

function titleLike(l: LineInfo): boolean {
  const { words, chars } = l.features;
  if (words < 3 || words > 30 || chars > 250) return false;
  if (/[.,:;]$/.test(l.text)) return false;
  return /^[\p{Lu}\p{N}"'‘’“«„]/u.test(l.text);
}

function uiReason(l: LineInfo): string {
  switch (l.cls) {
    case 'ui':
      return l.ui ?? 'navigation';
    case 'banner':
      return 'banner';
    case 'tail':
      return l.tail ?? 'related';
    case 'credit':
      return 'caption-credit';
    case 'date':
    case 'age':
      return 'dateline';
    case 'byline':
      return 'byline-line';
    case 'sources':
      return 'sources-list';
    case 'ai-disclosure':
      return 'ai-disclosure';
    case 'copyright':
      return 'footer';
    default:
      return l.features.reader > 0 ? 'promo' : 'navigation';
  }
}

export function classify(content: string, stoplist: Stoplist | null, hintTitle: string | null): Classified {
  const lines = splitLines(content, stoplist);
  const decisions: Decision[] = lines.map(() => ({ kind: 'removed', reason: 'navigation' }));
  const result: Classified = {
    lines,
    decisions,
    title: null,
    byline: null,
    publisher: null,
    published: null,
    publishedRelative: null,
    warnings: [],
  };
  if (lines.length === 0) {
    result.warnings.push('empty input: no text to clean');
    return result;
  }

  const goods = lines.flatMap((l, i) => (l.cls === 'good' ? [i] : []));
  let coreStart = goods.length ? (denseEnd(lines, goods, true) ?? 0) : lines.length;

  // Tail zones: from a tail marker after the core start until prose resumes.
  const tailReason: (string | null)[] = lines.map(() => null);
  let open: string | null = null;
  for (let i = coreStart + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    if (l.cls === 'tail') {
      open = l.tail ?? 'related';
    } else if (open && l.cls === 'good' && l.features.chars >= RESUME_MIN_CHARS) {
      const next = lines.slice(i + 1).find((x) => !aside(x));
      if (next && next.cls === 'good' && next.features.chars >= RESUME_MIN_CHARS && !boxBeforeTail(lines, i)) open = null;
    }
    tailReason[i] = open;
  }

  let coreGoods = goods.filter((g) => g >= coreStart && tailReason[g] === null);
  const region = articleClusters(lines, coreGoods);
  if (region) {
    coreGoods = coreGoods.filter((g) => g >= region.first && g <= region.last);
    coreStart = region.first;
  }
  let coreEnd = coreGoods.length ? (denseEnd(lines, coreGoods, false) ?? coreStart) : coreStart - 1;
  // Short sentences right next to the core's first or last paragraph belong to it.
  // (A lede line above the body is often its own block in a dump, so blocks are not required to match;
  // trafilatura-eval dumps: same block only → F 0.857, any adjacent short sentence → 0.859.)
  while (coreStart > 0 && (lines[coreStart - 1]?.cls === 'near' || leadsIn(lines[coreStart - 1], lines[coreStart]))) coreStart--;
  while (coreEnd + 1 < lines.length && tailReason[coreEnd + 1] === null && lines[coreEnd + 1]?.cls === 'near') coreEnd++;
  // Blocks only tell paragraphs apart where the dump separates them with blank lines.
  const blocky = separatesParagraphs(lines);
  coreEnd = trailingList(lines, tailReason, coreEnd, blocky);

  const fallback = goods.length === 0;
  if (fallback) {
    result.warnings.push('no paragraph of prose recognised: kept every line that is not boilerplate');
    coreStart = 0;
    coreEnd = lines.length - 1;
  }

  // --- Page head (before the core): metadata and headline.
  const head = lines.slice(0, coreStart);
  const seenHead = new Map<string, number>();
  for (const l of head) seenHead.set(norm(l.text), (seenHead.get(norm(l.text)) ?? 0) + 1);
  const headUsed = new Set<number>();
  const setPublisher = (value: string, foundBy: string, rank: number, current: { rank: number }): void => {
    if (rank < current.rank) {
      result.publisher = { value, foundBy };
      current.rank = rank;
    }
  };
  const publisherRank = { rank: 99 };
  head.forEach((l, i) => {
    if (l.cls === 'date' && l.dateIso) {
      result.published ??= { value: l.dateIso, foundBy: 'text:dateline' };
      decisions[i] = { kind: 'removed', reason: 'dateline' };
      headUsed.add(i);
    } else if (l.cls === 'age' && l.age) {
      result.publishedRelative ??= l.age.age;
      decisions[i] = { kind: 'removed', reason: 'dateline' };
      headUsed.add(i);
      if (l.age.prefix && looksLikeOutletName(l.age.prefix)) setPublisher(l.age.prefix, 'text:age-line', 2, publisherRank);
    } else if (l.cls === 'byline' && l.byline) {
      result.byline ??= { value: l.byline, foundBy: 'text:byline' };
      decisions[i] = { kind: 'removed', reason: 'byline-line' };
      headUsed.add(i);
    } else if (l.cls === 'short' || l.cls === 'near') {
      // An outlet line: a capitalised name repeated close by (scrapes often print the logo text
      // twice), or one carrying a newspaper word ("Times", "Zeitung").
      const key = norm(l.text);
      const repeatedNearby = head.some((o, j) => j !== i && Math.abs(j - i) <= 3 && norm(o.text) === key);
      const rank = repeatedNearby ? 1 : ORG_WORDS.test(l.text) ? 3 : 0;
      if (rank && looksLikeOutletName(l.text, repeatedNearby) && (repeatedNearby || parseByline(l.text) === null)) {
        setPublisher(l.text, rank === 1 ? 'text:publisher-line' : 'text:outlet-line', rank, publisherRank);
        decisions[i] = { kind: 'removed', reason: 'publisher-line' };
        headUsed.add(i);
        return;
      }
      const byline = parseByline(l.text);
      if (byline) {
        result.byline ??= { value: byline, foundBy: 'text:byline' };
        decisions[i] = { kind: 'removed', reason: 'byline-line' };
        headUsed.add(i);
      }
    }
  });

  if (hintTitle) {
    result.title = { value: hintTitle, foundBy: 'hint' };
  } else {
    const candidates = head
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => !headUsed.has(i) && (l.cls === 'short' || l.cls === 'near') && titleLike(l) && i >= coreStart - TITLE_SEARCH_WINDOW)
      // The heading of an appeal box ("Support independent journalism") sits right above the appeal.
      .filter(({ i }) => lines[i + 1]?.cls !== 'banner');
    let pick = candidates.find(({ l }) => (seenHead.get(norm(l.text)) ?? 0) > 1) ?? candidates[candidates.length - 1];
    // A headline directly followed by its standfirst: the standfirst is the longer of the two.
    const before = pick ? candidates.find(({ i }) => i === pick!.i - 1) : undefined;
    if (pick && before && (seenHead.get(norm(pick.l.text)) ?? 0) <= 1 && before.l.features.words < pick.l.features.words) pick = before;
    if (pick) {
      result.title = { value: pick.l.text, foundBy: 'text:headline-line' };
      decisions[pick.i] = { kind: 'title' };
      headUsed.add(pick.i);
    }
  }
  const titleNorm = result.title ? norm(result.title.value) : null;
  head.forEach((l, i) => {
    if (headUsed.has(i)) return;
    if (titleNorm !== null && norm(l.text) === titleNorm) decisions[i] = { kind: 'removed', reason: 'repeated-headline' };
    else if (l.cls === 'caption' && l.caption) decisions[i] = { kind: 'caption', ...l.caption };
    else decisions[i] = { kind: 'removed', reason: uiReason(l) };
  });

  // --- Core, trailing lines and tails.
  const bodySeen = new Set<string>();
  for (let i = coreStart; i < lines.length; i++) {
    const l = lines[i];
    if (!l) continue;
    const tail = tailReason[i];
    if (tail) {
      decisions[i] = { kind: 'removed', reason: l.cls === 'ui' || l.cls === 'banner' ? uiReason(l) : tail };
      continue;
    }
    if (titleNorm !== null && norm(l.text) === titleNorm && decisions[i]?.kind !== 'title') {
      decisions[i] = { kind: 'removed', reason: 'repeated-headline' };
      continue;
    }
    if (l.cls === 'caption' && l.caption) {
      decisions[i] = { kind: 'caption', ...l.caption };
      continue;
    }
    if (l.cls === 'byline' && l.byline) result.byline ??= { value: l.byline, foundBy: 'text:byline' };
    if (l.cls === 'date' && l.dateIso) result.published ??= { value: l.dateIso, foundBy: 'text:dateline' };
    const textual = l.cls === 'good' || l.cls === 'near' || l.cls === 'short';
    if (!textual || i > coreEnd) {
      decisions[i] = { kind: 'removed', reason: textual ? 'footer' : uiReason(l) };
      continue;
    }
    if (fallback && l.cls === 'short' && l.features.words < 3) {
      decisions[i] = { kind: 'removed', reason: 'navigation' };
      continue;
    }
    const key = norm(l.text);
    if (bodySeen.has(key)) {
      decisions[i] = { kind: 'removed', reason: 'repeated' };
      continue;
    }
    bodySeen.add(key);
    decisions[i] = { kind: 'body' };
  }
  removeShortRuns(lines, decisions, blocky);
  removeLinkLines(lines, decisions);
  cutAuthorBio(lines, decisions);
  return result;
}

/**
 * The article's end: a note about its author ("Ganesh Sitaraman is a professor at …", "Markus
 * Reuter beschäftigt sich mit …": a first and a last name, then a verb that introduces a person) or a sign-off
 * ("Der Beitrag wurde am … veröffentlicht", "If you enjoyed reading this post") among the last
 * AUTHOR_BIO_WINDOW body lines ends the body: it and every body line after it are removed. Only
 * after at least AUTHOR_BIO_MIN_BEFORE body lines, so a short page is never emptied. Words that
 * open ordinary sentences ("The Council is …", "Die Stadt hat …") never count as a name.
 * Odd trafilatura-eval dumps (pages numbered from 1): F 0.8909 → 0.8918 with names of two or three
 * words (7 pages changed, one wanted line lost: "Stop Killer Robots ist ein …", a group); names of
 * two words only, to keep that line: see the commit message for both halves.
 */
const AUTHOR_BIO =
  /^(?:(?:Dr|Prof)\.\s+)?(?!(?:The|This|That|These|Those|It|Its|Our|Der|Die|Das|Dies\w*|Ein\w*|Le|La|Les|El|Il|Un\w*)\s)\p{Lu}[\p{L}'’-]+\s+(?:(?:von|van|de|der|da|del|du)\s+)?\p{Lu}[\p{L}'’-]+\s+(?:is an?|is the|is one|was an?|was the|has (?:been|written|worked|done)|writes|works (?:as|at|for)|lives in|ist (?:ein|eine|seit|als)|war (?:ein|eine)|beschäftigt sich|schreibt (?:für|über|seit)|arbeitet (?:als|seit|bei|für)|lebt (?:in|mit)|studierte|est (?:un|une|journaliste|professeur)|es (?:un|una) )\b/u;
const SIGN_OFF = /^(?:Der Beitrag wurde am|Dieser (?:Text|Beitrag|Artikel) wurde (?:am|veröffentlicht|zuerst)|Erstellt am|If you (?:enjoyed|liked) (?:reading )?this|Teile diesen Beitrag|Artikel gefallen\?)/u;
const AUTHOR_BIO_WINDOW = 3;
const AUTHOR_BIO_MIN_BEFORE = 3;

function cutAuthorBio(lines: LineInfo[], decisions: Decision[]): void {
  const body = decisions.flatMap((d, i) => (d.kind === 'body' ? [i] : []));
  const from = Math.max(AUTHOR_BIO_MIN_BEFORE, body.length - AUTHOR_BIO_WINDOW);
  for (let k = from; k < body.length; k++) {
    const i = body[k] as number;
    const text = lines[i]?.text ?? '';
    const reason = AUTHOR_BIO.test(text) ? 'author-bio' : SIGN_OFF.test(text) ? 'sign-off' : null;
    if (!reason) continue;
    for (const j of body.slice(k)) decisions[j] = { kind: 'removed', reason: j === i ? reason : 'after-sign-off' };
    return;
  }
}

/**
 * A link to another article set into the body: a short label ending in a colon, then a whole
 * headline ("<label>: <headline of another story>"), on a line of its own between two paragraphs,
 * not ending like a sentence. The label is at most LINK_LABEL_MAX_WORDS words without digits (a
 * numbered "Step 2:" or "Figure 3:" is the article's own), and the headline after it has at least
 * LINK_HEADLINE_MIN_WORDS words and starts with a capital or a digit: a section heading of the
 * "Topic: subtitle" kind is shorter. Odd-indexed trafilatura-eval dumps: F 0.8847 → 0.8856,
 * even-indexed 0.8886 → 0.8895 (3 fewer unwanted segments in each half, none wanted lost). With a paragraph on one side only (a heading on the
 * other): odd 0.8862 but even 0.8891, left out. Without the label (any headline-shaped line of 8+
 * words between paragraphs): as many wanted lines lost as unwanted removed (odd, 9 vs 8).
 */
const LINK_LABEL = /^([^:\p{N}]{2,40}):\s+([\p{Lu}\p{N}].*)$/u;
const LINK_LABEL_MAX_WORDS = 3;
const LINK_HEADLINE_MIN_WORDS = 8;

function removeLinkLines(lines: LineInfo[], decisions: Decision[]): void {
  const prose = (j: number): boolean => isBodyProse(lines, decisions, j);
  lines.forEach((l, i) => {
    if (decisions[i]?.kind !== 'body' || l.cls !== 'short' || SENTENCE_END.test(l.text)) return;
    const m = LINK_LABEL.exec(l.text);
    if (!m || countSpaced(m[1] ?? '') > LINK_LABEL_MAX_WORDS || countSpaced(m[2] ?? '') < LINK_HEADLINE_MIN_WORDS) return;
    if (!prose(neighbour(lines, i - 1, -1)) || !prose(neighbour(lines, i + 1, 1))) return;
    decisions[i] = { kind: 'removed', reason: 'link-line' };
  });
}

const countSpaced = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Line `j` is kept as body and reads as prose (a paragraph or a sentence next to one). */
function isBodyProse(lines: LineInfo[], decisions: Decision[], j: number): boolean {
  return j >= 0 && decisions[j]?.kind === 'body' && (lines[j]?.cls === 'good' || lines[j]?.cls === 'near');
}

/** Nearest line index from `i` stepping by `dir` that is not a caption or credit, or -1. */
function neighbour(lines: LineInfo[], i: number, dir: 1 | -1): number {
  for (let j = i; j >= 0 && j < lines.length; j += dir) {
    if (!aside(lines[j])) return j;
  }
  return -1;
}

/** A list item's shape: a bullet or number marker, a "Label: value" pair, a quantity, or trailing list punctuation. */
const LIST_ITEM = /^(?:[-–—•·*▪►✓]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\d+(?:[.,]\d+)?\s*\p{L}{0,4}\s)|^[^:]{2,40}:\s+\S|[,;:]$/u;

/**
 * Whether a run of short lines inside the body is a list that belongs to the article (steps,
 * ingredients, specifications, enumerations) rather than a link list: the run follows a paragraph
 * ending in a colon, or sits next to body prose and reads as a table or a marked list, or sits
 * between two paragraphs of body prose and is long or its items look like list items or read like prose.
 * Calibrated on plain-text dumps of the trafilatura-eval pages (see SHORT_RUN).
 */
function isArticleList(lines: LineInfo[], decisions: Decision[], start: number, end: number): boolean {
  const p = neighbour(lines, start - 1, -1);
  const n = neighbour(lines, end, 1);
  const proseAt = (j: number): boolean => isBodyProse(lines, decisions, j);
  // A list the paragraph above introduces ("... as follows:") is the article's, whatever follows it.
  // Odd-indexed trafilatura-eval dumps: F 0.8781 → 0.8789 (even unchanged, 0.8862); also from a
  // short sentence ending in a colon: 0.8783, as "Read these posts too:" introduces link lists.
  if (proseAt(p) && lines[p]?.cls === 'good' && INTRO_HEADING.test(lines[p]?.text ?? '')) return true;
  const run = lines.slice(start, end);
  if ((proseAt(p) || proseAt(n)) && (tabular(run) || markedList(run))) return true;
  if (!proseAt(p) || !proseAt(n)) return false;
  if (end - start >= LONG_LIST_ITEMS) return true;
  const listy = run.filter((l) => LIST_ITEM.test(l.text)).length / run.length;
  const density = run.reduce((a, l) => a + (l.features.density ?? 0.3), 0) / run.length;
  const words = run.reduce((a, l) => a + l.features.words, 0) / run.length;
  return listy >= LIST_MIN_SHARE || (run.length >= LIST_MIN_ITEMS && density >= LIST_MIN_DENSITY && words >= LIST_MIN_WORDS);
}

/**
 * A table read row by row (specifications, prices, results, a recipe's quantities) next to body
 * prose is the article's even when only one side of it is prose (the table ends the article, or a
 * share button follows it): at least TABLE_MIN_ITEMS short lines, at least TABLE_MIN_DIGIT_SHARE of
 * them holding a digit. Menus and link lists rarely carry numbers. Odd-indexed trafilatura-eval dumps:
 * F 0.8811 → 0.8828 (4 items, share 0.4) / 0.8824 (share 0.4-0.8) / 0.8824 (share 0.5-0.8) /
 * 0.8821 (3 items) / 0.8827 (5 items); even-indexed 0.8869 → 0.8882 at (4, 0.4).
 */
const TABLE_MIN_ITEMS = 4;
const TABLE_MIN_DIGIT_SHARE = 0.4;

/**
 * A run of bullet or number items (at least two, half of the run or more) next to body prose is the
 * article's list even when only one side is prose (the list ends the article: "Contents:" and its
 * items). Odd-indexed trafilatura-eval dumps: F 0.8832 → 0.8839 (only where the run opens with a
 * heading ending in a colon: 0.8836); even-indexed unchanged (0.8882).
 */
const MARKED_MIN_SHARE = 0.5;

function markedList(run: LineInfo[]): boolean {
  return run.length >= 2 && run.filter((l) => MARKED_ITEM.test(l.text)).length >= MARKED_MIN_SHARE * run.length;
}

function tabular(run: LineInfo[]): boolean {
  if (run.length < TABLE_MIN_ITEMS) return false;
  return run.filter((l) => /\p{N}/u.test(l.text)).length >= TABLE_MIN_DIGIT_SHARE * run.length;
}

/** A dump separates its paragraphs by blank lines when at least this share of its paragraphs stand apart. */
const BLOCKY_SHARE = 0.6;

/**
 * Whether the dump separates its paragraphs with blank lines (else its blocks say nothing): most
 * `good` lines sit in a block of their own, apart from the previous one.
 */
function separatesParagraphs(lines: LineInfo[]): boolean {
  let goods = 0;
  let apart = 0;
  let prevBlock = -1;
  for (const l of lines) {
    if (l.cls !== 'good') continue;
    goods++;
    if (l.block !== prevBlock) apart++;
    prevBlock = l.block;
  }
  return goods > 0 && apart >= BLOCKY_SHARE * goods;
}

/**
 * Whether the lines start..end-1 form one block: broken by line breaks only, not set apart as
 * separate paragraphs or list items (an address, a stanza, a recipe's lines under one heading),
 * which a menu or link list, one item per element, is not. Odd-indexed trafilatura-eval dumps:
 * F 0.8724 → 0.8741 (even-indexed: 0.8812 → 0.8819); also counting a run as kept when its block
 * holds body prose: 0.8726. Only where the dump sets its paragraphs apart (separatesParagraphs):
 * a dump with one line per paragraph and no blank lines would keep every link list.
 */
function oneBlock(lines: LineInfo[], start: number, end: number): boolean {
  const block = lines[start]?.block;
  for (let k = start + 1; k < end; k++) if (lines[k]?.block !== block) return false;
  return true;
}

/**
 * Runs of short non-sentence lines inside the body (menus, link lists, tag clouds) are navigation,
 * and so is the heading right above such a run (see LIST_HEADING_MAX_WORDS).
 */
function removeShortRuns(lines: LineInfo[], decisions: Decision[], blocky: boolean): void {
  let runStart = -1;
  const flush = (end: number): void => {
    if (runStart >= 0 && end - runStart >= SHORT_RUN && !(blocky && oneBlock(lines, runStart, end)) && !isArticleList(lines, decisions, runStart, end)) {
      for (let k = runStart; k < end; k++) if (decisions[k]?.kind === 'body') decisions[k] = { kind: 'removed', reason: 'navigation' };
      dropListHeading(lines, decisions, runStart);
    }
    runStart = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const isShortBody = decisions[i]?.kind === 'body' && lines[i]?.cls === 'short';
    // A short line removed as a repeat ("100" twice in a table, a repeated label) does not end a run,
    // so a table or code listing with a repeated cell is still seen between its paragraphs.
    // Odd-indexed trafilatura-eval dumps: F 0.8789 → 0.8811, even-indexed 0.8862 → 0.8869.
    const d = decisions[i];
    if (runStart >= 0 && d?.kind === 'removed' && d.reason === 'repeated' && lines[i]?.cls === 'short') continue;
    if (isShortBody && runStart < 0) runStart = i;
    else if (!isShortBody) flush(i);
  }
  flush(lines.length);
}

/**
 * Removes the heading of the link list starting at `runStart`: the nearest line above it (captions
 * skipped) when it is kept as body and reads as a heading, a short non-sentence line or a short line
 * ending in a colon ("Read more:"), of at most LIST_HEADING_MAX_WORDS words.
 */
function dropListHeading(lines: LineInfo[], decisions: Decision[], runStart: number): void {
  const h = neighbour(lines, runStart - 1, -1);
  const l = lines[h];
  if (!l || decisions[h]?.kind !== 'body' || l.features.words > LIST_HEADING_MAX_WORDS) return;
  if (l.cls === 'short' || (l.cls === 'near' && INTRO_HEADING.test(l.text))) decisions[h] = { kind: 'removed', reason: 'navigation' };
}
