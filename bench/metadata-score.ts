/**
 * Metadata quality of extractHtml, side by side with Readability.js's own `parse()` metadata on the
 * same pages in the same run (both on linkedom, the same parse). Reads ../shared/data at run time and
 * copies nothing.
 *
 *   npx tsc -p tsconfig.build.json --outDir .bench-out/dist && node .bench-out/dist/bench/metadata-score.js [--verbose]
 *
 * (a) readability-pages: the expected values are Readability.js's own output (jsdom), so the rates are
 *     AGREEMENT with Readability, not accuracy; real-site pages and synthetic unit-test pages apart.
 *     Exact: whitespace collapsed, equal (null = null counts). Lenient: only where Readability has a
 *     value, forgiving what we strip on purpose (a site suffix, a "By", dates beside names, the same
 *     instant written in another offset).
 * (b) postlight-fixtures: human-written expectations (title, author, date_published, content_start).
 *     Exact: equal after whitespace collapse / same instant / whitespace-stripped body prefix.
 *     Lenient: case and punctuation folded / UTC day ±1 / prefix found in the first 2,000 characters.
 * Each line prints our rate, Readability's, and ours ÷ Readability's.
 */
import { Readability } from '@mozilla/readability';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../src/ingest/decode.js';
import { normalizeDate } from '../src/extract/html/dates.js';
import { parseDocument } from '../src/extract/html/dom.js';
import { extractHtml } from '../src/extract/html/index.js';
import { primarySubtag } from '../src/extract/html/language.js';

const SHARED = resolve(process.env.ROUNDUP_SHARED ?? '/work/shared');
const verbose = process.argv.includes('--verbose');

const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim().normalize('NFC');
const fold = (s: string): string => norm(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const stripBy = (s: string): string => fold(s).replace(/^(by|von|par|por|di|door)\s+/, '');

interface PeerMeta {
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
  lang: string;
  text: string;
}

/**
 * Readability.js's own result on a fresh linkedom parse of the same HTML, as its users parse it: the
 * page as written (no `stripInert`, which glues the text of neighbouring blocks in a byline).
 */
function readabilityPeer(html: string): PeerMeta {
  try {
    const doc = parseDocument(html, { keepInert: true });
    const r = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return {
      title: norm(r?.title),
      byline: norm(r?.byline),
      siteName: norm(r?.siteName),
      publishedTime: norm(r?.publishedTime),
      lang: norm(r?.lang),
      text: r?.textContent ?? '',
    };
  } catch {
    return { title: '', byline: '', siteName: '', publishedTime: '', lang: '', text: '' };
  }
}

class Tally {
  private readonly counts = new Map<string, { n: number; ours: number; peer: number }>();
  add(key: string, ours: boolean, peer: boolean): void {
    const c = this.counts.get(key) ?? { n: 0, ours: 0, peer: 0 };
    c.n++;
    if (ours) c.ours++;
    if (peer) c.peer++;
    this.counts.set(key, c);
  }
  print(title: string): void {
    console.log(`\n${title}`);
    console.log(`${'field'.padEnd(28)} ${'n'.padStart(4)}  ${'ours'.padStart(7)}  ${'readability'.padStart(11)}  ratio`);
    for (const [key, c] of this.counts) {
      const pct = (x: number): string => `${((100 * x) / Math.max(1, c.n)).toFixed(1)}%`;
      const ratio = c.peer === 0 ? (c.ours === 0 ? '1.00' : '∞') : (c.ours / c.peer).toFixed(2);
      console.log(`${key.padEnd(28)} ${String(c.n).padStart(4)}  ${pct(c.ours).padStart(7)}  ${pct(c.peer).padStart(11)}  ${ratio}`);
    }
  }
}

const instant = (s: string | null | undefined): number => {
  const v = norm(s);
  if (!v) return NaN;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
};
const sameInstant = (a: string, b: string): boolean => {
  const x = instant(a);
  const y = instant(b);
  return !Number.isNaN(x) && x === y;
};
const utcDay = (s: string): string | null => {
  const t = instant(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
};
const dayWithin = (got: string, want: string, slack: number): boolean => {
  const d = utcDay(got);
  if (!d) return false;
  return Math.abs(Date.parse(`${d}T00:00:00Z`) - Date.parse(`${want}T00:00:00Z`)) <= slack * 86_400_000;
};

// ---------- (a) readability-pages ----------

/** Our reading of the README: unit-test pages written for Readability's tests, not saved sites. */
const SYNTHETIC =
  /^(\d{3}(-.*)?|article-author-tag|base-url.*|basic-tags-cleaning|clean-links|comment-inside-script-parsing|data-url-image|embedded-videos|hidden-nodes|invalid-attributes|js-link-replacement|keep-images|keep-tabular-data|lazy-image-\d|links-in-tables|metadata-content-missing|missing-paragraphs|normalize-spaces|ol|parsely-metadata|remove-.*|reordering-paragraphs|replace-.*|rtl-\d|schema-org-context-object|social-buttons|style-tags-removal|svg-parsing|table-style-attributes|title-and-h1-discrepancy|title-en-dash|toc-missing|visibility-hidden)$/;

interface ReadabilityIndexEntry {
  slug: string;
  source: string;
  metadata: { title?: string | null; byline?: string | null; siteName?: string | null; lang?: string | null; publishedTime?: string | null };
}

function lenientAgree(field: string, want: string, got: string): boolean {
  if (!got) return false;
  if (norm(want) === norm(got)) return true;
  if (field === 'publishedTime') return sameInstant(want, got);
  if (field === 'title') return fold(want).startsWith(fold(got)) || fold(want).endsWith(fold(got));
  if (field === 'byline') return stripBy(want).includes(fold(got)) || fold(got).includes(stripBy(want));
  if (field === 'lang') return primarySubtag(want) === primarySubtag(got);
  return fold(want) === fold(got);
}

function readabilityPages(): void {
  const dir = join(SHARED, 'data', 'readability-pages');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as ReadabilityIndexEntry[];
  const tallies = { real: new Tally(), synthetic: new Tally() };
  for (const entry of index) {
    const path = join(dir, entry.source);
    if (!existsSync(path)) continue;
    const html = decodeBytes(readFileSync(path), 'html').text;
    const a = extractHtml(html, { url: 'http://fakehost/test/page.html' });
    const peer = readabilityPeer(html);
    const want = entry.metadata;
    const tally = SYNTHETIC.test(entry.slug) ? tallies.synthetic : tallies.real;
    // Language: ours only where the page declares it (a detected language is not what Readability reports).
    const ourLang = a.languageFoundBy?.startsWith('detected') ? '' : (a.language ?? '');
    const rows: [string, string, string, string][] = [
      ['title', norm(want.title), norm(a.title), peer.title],
      ['byline', norm(want.byline), norm(a.byline), peer.byline],
      ['siteName', norm(want.siteName), norm(a.publisher), peer.siteName],
      ['lang', norm(want.lang), ourLang, peer.lang],
      ['publishedTime', norm(want.publishedTime), a.published ?? '', peer.publishedTime],
    ];
    for (const [field, w, ours, theirs] of rows) {
      const exactOurs = field === 'lang' ? (primarySubtag(w) ?? '') === ourLang : field === 'publishedTime' && w ? sameInstant(w, ours) : w === ours;
      const exactPeer = w === theirs;
      tally.add(`${field} exact`, exactOurs, exactPeer);
      if (verbose && !exactOurs) console.log(`${entry.slug} ${field}: want ${JSON.stringify(w)} ours ${JSON.stringify(ours)}`);
      if (!w) continue;
      tally.add(`${field} lenient (has value)`, lenientAgree(field, w, ours), lenientAgree(field, w, theirs));
    }
  }
  tallies.real.print('readability-pages, real-site pages: agreement with Readability.js expected-metadata (jsdom)');
  tallies.synthetic.print('readability-pages, synthetic unit-test pages: agreement with Readability.js expected-metadata (jsdom)');
}

// ---------- (b) postlight-fixtures ----------

interface PostlightEntry {
  file: string;
  url: string | null;
  expected: {
    title?: string;
    author?: string;
    date_published?: string;
    date_published_day?: { day: string; basis: 'utc' | 'local' };
    content_start?: { text: string; words?: number; chars?: number };
  };
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');

function postlight(): void {
  const dir = join(SHARED, 'data', 'postlight-fixtures');
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as PostlightEntry[];
  const tally = new Tally();
  for (const entry of gold) {
    const path = join(dir, entry.file);
    if (!existsSync(path)) continue;
    const html = decodeBytes(readFileSync(path), 'html').text;
    const a = extractHtml(html, { url: entry.url ?? null });
    const peer = readabilityPeer(html);
    const e = entry.expected;
    const say = (field: string, ok: boolean, want: unknown, got: unknown): void => {
      if (verbose && !ok) console.log(`${entry.file} ${field}: want ${JSON.stringify(want)} ours ${JSON.stringify(got)}`);
    };
    if (e.title) {
      const ours = norm(a.title);
      tally.add('title exact', ours === norm(e.title), peer.title === norm(e.title));
      tally.add('title lenient', fold(ours) === fold(e.title), fold(peer.title) === fold(e.title));
      say('title', ours === norm(e.title), e.title, ours);
    }
    if (e.author) {
      const ours = norm(a.byline);
      tally.add('author exact', ours === norm(e.author), peer.byline === norm(e.author));
      const lenient = (got: string): boolean => Boolean(got) && stripBy(got) === stripBy(e.author ?? '');
      tally.add('author lenient', lenient(ours), lenient(peer.byline));
      say('author', ours === norm(e.author), e.author, ours);
    }
    const ourDate = a.published ?? '';
    const peerDate = normalizeDate(peer.publishedTime) ?? peer.publishedTime;
    if (e.date_published) {
      const want = e.date_published;
      tally.add('date_published instant', sameInstant(want, ourDate), sameInstant(want, peerDate));
      const day = want.slice(0, 10);
      tally.add('date_published day ±1', dayWithin(ourDate, day, 1), dayWithin(peerDate, day, 1));
      say('date', dayWithin(ourDate, day, 1), want, ourDate);
    } else if (e.date_published_day) {
      const slack = e.date_published_day.basis === 'local' ? 1 : 0;
      const { day } = e.date_published_day;
      tally.add('date_published day', dayWithin(ourDate, day, slack), dayWithin(peerDate, day, slack));
      say('date', dayWithin(ourDate, day, slack), day, ourDate);
    }
    if (e.content_start && e.content_start.text) {
      const want = squeeze(e.content_start.text);
      const ours = squeeze(a.paragraphs.join(' '));
      const theirs = squeeze(peer.text);
      tally.add('content_start prefix', ours.startsWith(want), theirs.startsWith(want));
      tally.add('content_start in first 2000', ours.slice(0, 2000).includes(want), theirs.slice(0, 2000).includes(want));
      say('content_start', ours.startsWith(want), e.content_start.text, a.paragraphs.join(' ').slice(0, 120));
    }
  }
  tally.print('postlight-fixtures: against the upstream tests’ expected values');
}

readabilityPages();
postlight();
