/**
 * HTML extractor `html@1`: one decoded HTML document to one ExtractedArticle.
 *
 * Steps (one module each): parse (dom) → metadata from the untouched page (metadata, jsonld, dates,
 * byline, language) → main content (readability, else fallback) → captions out (captions) →
 * boilerplate out (boilerplate) → paragraphs (paragraphs) → hints fill what the page lacks.
 * It never throws: every failure becomes a warning and the next fallback.
 */
import { emptyArticle, type ExtractedArticle, type ExtractHints, type Removed } from '../types.js';
import { preserveCues, removeBoilerplate } from './boilerplate.js';
import { cleanByline } from './byline.js';
import { collectRegionCaptions, extractCaptions } from './captions.js';
import { normalizeDate } from './dates.js';
import { collapse, parseDocument, resolveUrl, textOf, type DomDocument, type DomElement } from './dom.js';
import { densestContainer, MIN_FALLBACK_CHARS, namedBodyContainer, visibleBody } from './fallback.js';
import { findLede } from './lede.js';
import { dropLexicalBoilerplate } from './lexicon.js';
import { droppedBlocks } from './dropped.js';
import { detectLanguage, primarySubtag } from './language.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { pruneDead, readabilityByline, type Pruned } from './prune.js';
import { toParagraphs } from './paragraphs.js';
import { runReadability } from './readability.js';

export const EXTRACTOR_ID = 'html@1';
export const DEFAULT_URL = 'http://localhost/';

interface Body {
  paragraphs: string[];
  captions: string[];
  removed: Removed[];
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Captions out, boilerplate out, then paragraphs; `content` is changed in place. */
function cleanContent(content: DomElement, byline: string | null, remembered?: Map<string, string>): Body {
  const caps = extractCaptions(content);
  const removed = [...caps.removed, ...removeBoilerplate(content, { byline, remembered })];
  const lexical = dropLexicalBoilerplate(toParagraphs(content));
  return { paragraphs: lexical.paragraphs, captions: caps.captions, removed: [...removed, ...lexical.removed] };
}

/** Readability's text below this share of the page's named body container means it lost content. */
const NAMED_BODY_RATIO = 0.7;

const bodyChars = (b: Body | null): number => (b ? b.paragraphs.reduce((n, p) => n + p.length, 0) : 0);

/** Which container's body an article takes: the measured rule (the default), or one side forced (bench/container-rule.ts). */
export type ContainerChoice = 'rule' | 'readability' | 'densest';

/** Words a paragraph needs to count as prose (a sentence, not a label, teaser or menu line). */
const PROSE_MIN_WORDS = 12;
const SENTENCE_END = /[.!?…]["'”’»)]*$/u;

/** Characters of `paragraphs` that are prose: paragraphs of PROSE_MIN_WORDS+ words ending as a sentence ends. */
export function proseChars(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    if (!SENTENCE_END.test(p)) continue;
    if (p.split(/\s+/).length >= PROSE_MIN_WORDS) n += p.length;
  }
  return n;
}

/**
 * The densest-blocks body replaces Readability's when it holds more than this many times its prose
 * (proseChars), which includes every page where Readability's pick holds no prose at all. Chosen on
 * trafilatura-eval's odd pages with `node dist/bench/container-rule.js --half odd` (grid 1, 1.2,
 * 1.5, 2, 3, 5, never-unless-Readability-has-no-prose); see FURNITURE_MAX_CHARS for the figures.
 */
export const DENSEST_PROSE_RATIO = 2;
/**
 * The densest-blocks body also replaces Readability's when it is a run of Readability's own
 * paragraphs and everything else Readability kept is a line shorter than this: datelines, view
 * counters, "Previous article", "More on this" links around the article. A longer leftover is a
 * lede or a paragraph the densest container lost. Chosen with DENSEST_PROSE_RATIO on the odd pages
 * (`node dist/bench/container-rule.js --half odd`, grid ratio × 0 / 40 / 60 / 80 / 100 / 150 chars):
 * F odd 0.9178 with Readability's pick always, 0.9192 at ratio 2 with this clause off, 0.9195 /
 * 0.9211 / 0.9220 / 0.9229 / 0.9221 at 40 / 60 / 80 / 100 / 150 (ratio 3 ties ratio 2 at every
 * bound; 1, 1.2, 1.5, 5 and never are lower).
 */
export const FURNITURE_MAX_CHARS = 100;

export interface ContainerRule {
  ratio: number;
  furniture: number;
}

/**
 * Whether the densest-blocks candidate is worth building (a second parse of the page): it can win by
 * the furniture clause only when Readability's first or last paragraph is a short line, and by the
 * ratio only when the page's text blocks (`before`, pruned, as Readability was given them) hold more
 * than DENSEST_PROSE_RATIO times Readability's prose.
 */
export function densestCanWin(mine: readonly string[], before: readonly string[]): boolean {
  const short = (p: string | undefined): boolean => p !== undefined && p.length < FURNITURE_MAX_CHARS;
  if (short(mine[0]) || short(mine[mine.length - 1])) return true;
  return before.length === 0 || proseChars(before) > DENSEST_PROSE_RATIO * proseChars(mine);
}

/** Whether the densest-blocks body (`dense`) beats Readability's (`mine`), both as paragraphs. */
export function densestWins(mine: readonly string[], dense: readonly string[], rule: ContainerRule = { ratio: DENSEST_PROSE_RATIO, furniture: FURNITURE_MAX_CHARS }): boolean {
  const m = proseChars(mine);
  const d = proseChars(dense);
  if (d > rule.ratio * m) return true;
  if (m === 0 || d < m || dense.length === 0 || dense.length >= mine.length) return false;
  const start = mine.indexOf(dense[0] ?? '');
  if (start < 0 || start + dense.length > mine.length) return false;
  for (let i = 0; i < dense.length; i++) if (mine[start + i] !== dense[i]) return false;
  return mine.every((p, i) => (i >= start && i < start + dense.length) || p.length < rule.furniture);
}

function safeParse(html: string, warnings: string[]): DomDocument {
  try {
    return parseDocument(html);
  } catch (e) {
    warnings.push(`HTML could not be parsed (${messageOf(e)}); treated as empty`);
    return parseDocument('');
  }
}

/** What went before the body was cleaned: what pruning cut, and the blocks of text Readability was given. */
interface Trace {
  pruned: Removed[];
  before: string[];
  remembered?: Map<string, string>;
}

function extractBody(html: string, page: { doc: DomDocument | null }, byline: string | null, warnings: string[], trace: Trace, choice: ContainerChoice): { body: Body; readability: ReturnType<typeof runReadability> } {
  const picked = extractReadabilityBody(html, page.doc ?? parseDocument(''), byline, warnings, trace);
  // The page's first document is done with (its text is in `picked` as strings): let it go before a
  // second parse, so that two DOMs of one page are never held at once (peak memory).
  page.doc = null;
  picked.readability.content = null;
  if (choice === 'readability' || picked.fellBack) return picked;
  if (choice === 'rule' && !densestCanWin(picked.body.paragraphs, trace.before)) return picked;
  // Readability's pick against the container of the densest prose blocks: the one with more prose wins.
  let dense: Body | null = null;
  try {
    const container = densestContainer(safeParse(html, warnings));
    if (container) dense = cleanContent(container, byline);
  } catch (e) {
    warnings.push(`densest-blocks candidate failed: ${messageOf(e)}`);
  }
  if (!dense || dense.paragraphs.length === 0) return picked;
  if (choice === 'densest' || densestWins(picked.body.paragraphs, dense.paragraphs)) {
    if (choice === 'rule') warnings.push(`densest prose blocks (${proseChars(dense.paragraphs)} prose characters against Readability's ${proseChars(picked.body.paragraphs)}) used`);
    return { body: dense, readability: picked.readability };
  }
  return picked;
}

function extractReadabilityBody(html: string, doc: DomDocument, byline: string | null, warnings: string[], trace: Trace): { body: Body; readability: ReturnType<typeof runReadability>; fellBack?: boolean } {
  let remembered: Map<string, string> | undefined;
  let pruned: Pruned | null = null;
  try {
    pruned = pruneDead(doc.body);
    trace.pruned = pruned.dropped;
  } catch (e) {
    warnings.push(`dead-subtree pruning failed: ${messageOf(e)}`);
  }
  try {
    trace.before = toParagraphs(doc.body);
  } catch (e) {
    warnings.push(`text blocks could not be read before Readability: ${messageOf(e)}`);
  }
  try {
    remembered = trace.remembered = preserveCues(doc.body);
  } catch (e) {
    warnings.push(`cue marking failed: ${messageOf(e)}`);
  }
  let named: DomElement | null = null;
  try {
    named = namedBodyContainer(doc);
  } catch (e) {
    warnings.push(`body container lookup failed: ${messageOf(e)}`);
  }
  const readability = runReadability(doc);
  if (pruned) readability.byline = readabilityByline(readability.byline, readability.bylineFromPage, pruned.byline);
  let body: Body | null = null;
  let why = readability.failure;
  if (readability.content) {
    try {
      body = cleanContent(readability.content, byline, remembered);
      if (body.paragraphs.length === 0) why = 'no paragraphs left after cleaning';
      else if (bodyChars(body) < MIN_FALLBACK_CHARS) why = `only ${bodyChars(body)} characters found`;
    } catch (e) {
      why = `cleaning failed: ${messageOf(e)}`;
      body = null;
    }
  }
  if (why === null && body && named) {
    // Readability kept much less than the container the page names as its body: it dropped part of
    // the article (lists, tables, short paragraphs, a second column). The cleaned container wins
    // when it is still longer. 0.7 calibrated on trafilatura-eval (0.3 and 0.5 recovered less).
    try {
      if (bodyChars(body) < NAMED_BODY_RATIO * textOf(named).length) {
        const alt = cleanContent(named, byline, remembered);
        if (bodyChars(alt) > bodyChars(body)) return { body: alt, readability };
      }
    } catch (e) {
      warnings.push(`named body container could not be cleaned: ${messageOf(e)}`);
    }
  }
  if (why === null && body) return { body, readability };

  let fallback: Body | null = null;
  try {
    const container = densestContainer(safeParse(html, warnings));
    if (container) fallback = cleanContent(container, byline);
  } catch (e) {
    warnings.push(`densest-blocks fallback failed: ${messageOf(e)}`);
  }
  if (fallback && bodyChars(fallback) > bodyChars(body)) {
    warnings.push(`readability: ${why}; used the densest-text-blocks fallback`);
    return { body: fallback, readability, fellBack: true };
  }
  if (body && body.paragraphs.length > 0) return { body, readability, fellBack: true };
  try {
    const visible = cleanContent(visibleBody(safeParse(html, warnings)), byline);
    warnings.push(`readability: ${why}; densest-text-blocks fallback found nothing; used the visible body text`);
    return { body: visible, readability, fellBack: true };
  } catch (e) {
    warnings.push(`readability: ${why}; every fallback failed (${messageOf(e)})`);
    return { body: { paragraphs: [], captions: [], removed: [] }, readability, fellBack: true };
  }
}

function emptyMetadata(): PageMetadata {
  return { title: null, byline: null, publisher: null, published: null, language: null, canonicalUrl: null, leadImage: null };
}

/** Extracts the article of one HTML document. Never throws. */
export function extractHtml(html: string, hints: ExtractHints = {}, choice: ContainerChoice = 'rule'): ExtractedArticle {
  const article = emptyArticle(EXTRACTOR_ID);
  const warnings = article.warnings;
  const pageUrl = resolveUrl(hints.url, DEFAULT_URL) ?? DEFAULT_URL;
  const page: { doc: DomDocument | null } = { doc: safeParse(html ?? '', warnings) };
  const doc = (): DomDocument => page.doc ?? parseDocument('');

  let meta = emptyMetadata();
  try {
    meta = readMetadata(doc(), pageUrl);
  } catch (e) {
    warnings.push(`metadata could not be read: ${messageOf(e)}`);
  }

  let regionCaptions: string[] = [];
  try {
    regionCaptions = collectRegionCaptions(doc());
  } catch (e) {
    warnings.push(`captions of the article region could not be read: ${messageOf(e)}`);
  }
  let lede: string | null = null;
  try {
    lede = findLede(doc());
  } catch (e) {
    warnings.push(`lede could not be read: ${messageOf(e)}`);
  }

  const trace: Trace = { pruned: [], before: [] };
  const { body, readability } = extractBody(html ?? '', page, meta.byline?.value ?? null, warnings, trace, choice);
  const siteNames = [meta.publisher?.value].filter((s): s is string => Boolean(s));

  // Readability's own findings fill what the page's markup did not state.
  meta.title ??= readability.title ? { value: collapse(readability.title), foundBy: 'readability' } : null;
  if (!meta.byline) {
    const b = cleanByline(readability.byline, siteNames);
    if (b) meta.byline = { value: b, foundBy: 'readability' };
  }
  if (!meta.byline) {
    // A byline line that cleaning took out of the body.
    for (const r of body.removed) {
      const b = r.reason === 'byline-line' ? cleanByline(r.text, siteNames) : null;
      if (b) {
        meta.byline = { value: b, foundBy: 'text:byline-line' };
        break;
      }
    }
  }
  meta.publisher ??= readability.siteName ? { value: collapse(readability.siteName), foundBy: 'readability' } : null;
  if (!meta.published) {
    const d = normalizeDate(readability.publishedTime);
    if (d) meta.published = { value: d, foundBy: 'readability' };
  }
  if (!meta.language) {
    const detected = detectLanguage(body.paragraphs.join('\n'));
    if (detected) meta.language = { value: detected, foundBy: 'detected:franc' };
  }

  // The headline repeated as the first body line.
  const first = body.paragraphs[0];
  if (first && meta.title && collapse(first) === meta.title.value) {
    body.removed.push({ text: first, reason: 'repeated-headline' });
    body.paragraphs.shift();
  }

  // The lede printed above the body in a container of its own, when Readability left it out.
  if (lede && body.paragraphs.length > 0 && collapse(lede) !== meta.title?.value) {
    const probe = lede.slice(0, 60);
    if (!body.paragraphs.some((p) => p.includes(probe) || lede.includes(p.slice(0, 60)))) body.paragraphs.unshift(lede);
  }

  // Hints (a JSON record, a feed entry) fill only what the page lacks.
  const hinted = {
    title: collapse(hints.title) || null,
    byline: cleanByline(hints.byline) ?? (collapse(hints.byline) || null),
    publisher: collapse(hints.publisher) || null,
    published: normalizeDate(hints.published) ?? (collapse(hints.published) || null),
    language: primarySubtag(hints.language),
  };
  for (const key of ['title', 'byline', 'publisher', 'published', 'language'] as const) {
    const value = hinted[key];
    if (!meta[key] && value) meta[key] = { value, foundBy: 'hint' };
  }

  article.title = meta.title?.value ?? null;
  article.titleFoundBy = meta.title?.foundBy ?? null;
  article.byline = meta.byline?.value ?? null;
  article.bylineFoundBy = meta.byline?.foundBy ?? null;
  article.publisher = meta.publisher?.value ?? null;
  article.publisherFoundBy = meta.publisher?.foundBy ?? null;
  article.published = meta.published?.value ?? null;
  article.publishedFoundBy = meta.published?.foundBy ?? null;
  article.language = meta.language?.value ?? null;
  article.languageFoundBy = meta.language?.foundBy ?? null;
  article.url = resolveUrl(hints.url, DEFAULT_URL) ?? meta.canonicalUrl;
  article.canonicalUrl = meta.canonicalUrl;
  article.leadImage = meta.leadImage;
  // Canonical composition (NFC): pages saved in decomposed form (a Bengali news page in
  // trafilatura-eval) then compare equal to the same words typed elsewhere (trafilatura-eval's gold is NFC).
  article.paragraphs = body.paragraphs.map((p) => p.normalize('NFC'));
  // Captions of the whole article region (the lead figure in the header, captions beside images that
  // Readability dropped) in page order, then any found only in the kept content; one string per picture.
  const captions: string[] = [];
  const lead = collapse(meta.leadImage?.caption);
  for (const c of [...(lead ? [lead] : []), ...regionCaptions, ...body.captions]) {
    const i = captions.findIndex((k) => k.includes(c) || c.includes(k));
    if (i < 0) captions.push(c);
    else if (c.length > (captions[i] ?? '').length) captions[i] = c; // caption + credit over caption alone
  }
  article.captions = captions;
  // What pruning cut, then what Readability left out (blocks of its input found nowhere in the article).
  const kept = [...article.paragraphs, ...captions, ...body.removed.map((r) => r.text), article.title, article.byline, lede, readability.title, readability.byline];
  article.removed = [...body.removed, ...trace.pruned, ...droppedBlocks(trace.before, kept, trace.remembered)];
  if (article.paragraphs.length === 0) warnings.push('no body text found');
  return article;
}
