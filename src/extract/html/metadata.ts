/**
 * Page metadata read from the untouched document (before Readability mutates it): title, byline,
 * publisher, published date, language, canonical URL and lead image, each with where it was found.
 */
import type { FoundBy, LeadImage } from '../types.js';
import { cleanByline, joinAuthors } from './byline.js';
import { dateFromUrl, normalizeDate } from './dates.js';
import { all, collapse, cuesOf, first, metaContent, resolveUrl, textOf, type DomDocument, type DomElement } from './dom.js';
import { readJsonLd } from './jsonld.js';
import { primarySubtag } from './language.js';

export interface Found<T = string> {
  value: T;
  foundBy: FoundBy;
}

export interface PageMetadata {
  title: Found | null;
  byline: Found | null;
  publisher: Found | null;
  published: Found | null;
  language: Found | null;
  canonicalUrl: string | null;
  leadImage: LeadImage | null;
}

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'date', 'pubdate', 'publish-date',
  'publish_date', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'sailthru.date',
  'parsely-pub-date', 'datepublished', 'article.published', 'published_time', 'release_date',
];

/** Regions whose dates and bylines belong to other articles or to readers. */
const FOREIGN_REGION = /(^|[\s_-])(related|recommend\w*|teaser\w*|sidebar|aside|comments?|comment-\w+|more-\w+|most-\w+|popular|trending|footer|nav\w*|widget\w*|promo\w*)([\s_-]|$)/i;

function inForeignRegion(el: DomElement): boolean {
  for (let cur: DomElement | null = el; cur; cur = cur.parentElement) {
    const tag = cur.localName.toLowerCase();
    if (tag === 'aside' || tag === 'nav' || tag === 'footer') return true;
    if (FOREIGN_REGION.test(cuesOf(cur))) return true;
  }
  return false;
}

const found = (value: string | null | undefined, foundBy: FoundBy): Found | null => {
  const v = collapse(value);
  return v ? { value: v, foundBy } : null;
};

function hostLabels(url: string): string[] {
  try {
    const labels = new URL(url).hostname.toLowerCase().split('.').filter((l) => l !== 'www');
    // Drop the public suffix, roughly: the last label, and a second one when it is short (co.uk, com.au).
    labels.pop();
    if (labels.length > 1 && (labels[labels.length - 1] ?? '').length <= 3) labels.pop();
    return labels.filter((l) => l.length >= 3);
  } catch {
    return [];
  }
}

const squash = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');

function isSiteName(part: string, siteNames: string[], labels: string[]): boolean {
  const p = squash(part);
  if (!p) return false;
  if (siteNames.some((n) => squash(n) === p)) return true;
  // "spiegelonline" for spiegel.de, "tagesschaude" for tagesschau.de; not a headline that merely names the site.
  return labels.some((label) => {
    const l = squash(label);
    return p === l || (p.startsWith(l) && p.length - l.length <= 8) || (p.length >= 4 && l.includes(p));
  });
}

const TITLE_SEPARATOR = /\s+[|\-–—·»«:/]\s+|\s+[|·»«]|[|·»«:]\s+/;

/** Removes a leading or trailing " | Site" / " - Site" part when it names the site. */
export function stripSiteName(title: string, siteNames: string[], pageUrl: string): string {
  const labels = hostLabels(pageUrl);
  let t = collapse(title);
  for (let i = 0; i < 2; i++) {
    const parts = t.split(TITLE_SEPARATOR).map((p) => p.trim());
    if (parts.length < 2) break;
    const last = parts[parts.length - 1] ?? '';
    const firstPart = parts[0] ?? '';
    if (isSiteName(last, siteNames, labels)) {
      const cut = t.lastIndexOf(last);
      t = t.slice(0, cut).replace(/[\s|\-–—·»«:/]+$/, '');
    } else if (isSiteName(firstPart, siteNames, labels)) {
      t = t.slice(firstPart.length).replace(/^[\s|\-–—·»«:/]+/, '');
    } else break;
  }
  return t || collapse(title);
}

/** One text contains the other, ignoring case, spacing and punctuation. */
function agree(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function readTitle(doc: DomDocument, jsonHeadline: string | null, siteNames: string[], url: string): Found | null {
  if (jsonHeadline) return found(jsonHeadline, 'json-ld');
  const og = metaContent(doc, ['og:title']);
  const isSite = (t: string): boolean => siteNames.some((n) => squash(n) === squash(t));
  if (og && !isSite(og.value)) return found(stripSiteName(og.value, siteNames, url), 'meta:og:title');
  const titleEl = textOf(first(doc, 'title'));
  const h1s = all(doc, 'h1').map((h) => textOf(h)).filter((t) => t.length > 0 && t.length < 300);
  const stripped = titleEl ? stripSiteName(titleEl, siteNames, url) : '';
  // The h1 must be the headline, not a logo heading holding the site name.
  const agreeing = h1s.find((h) => stripped && agree(h, stripped) && squash(h).length * 2 >= squash(stripped).length);
  if (agreeing) return found(agreeing, 'h1');
  if (titleEl) return found(stripSiteName(titleEl, siteNames, url), 'title');
  if (h1s.length === 1) return found(h1s[0], 'h1');
  return null;
}

const META_AUTHOR = ['author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'article:author', 'byl'];

function readByline(doc: DomDocument, jsonAuthors: string[] | null, nonPeople: string[]): Found | null {
  // Declared authors are trusted to be people even when one is also the site's name (personal blogs);
  // the publisher's name is only refused where the page's text is read as a byline.
  if (jsonAuthors && jsonAuthors.length > 0) {
    const b = joinAuthors(jsonAuthors);
    if (b) return { value: b, foundBy: 'json-ld' };
  }
  for (const key of META_AUTHOR) {
    const m = metaContent(doc, [key]);
    if (!m || /^https?:/i.test(m.value)) continue;
    const b = cleanByline(m.value);
    if (b) return { value: b, foundBy: `meta:${key}` };
  }
  const selectors: [string, FoundBy][] = [
    ['[rel=author]', 'rel=author'],
    ['[itemprop=author]', 'itemprop=author'],
    ['.byline', '.byline'],
  ];
  for (const [selector, foundBy] of selectors) {
    for (const el of all(doc, selector)) {
      if (inForeignRegion(el)) continue;
      const nameEl = first(el, '[itemprop=name]');
      const raw = nameEl ? (nameEl.getAttribute('content') ?? textOf(nameEl)) : (el.getAttribute('content') ?? textOf(el));
      const b = cleanByline(raw, nonPeople);
      if (b) return { value: b, foundBy };
    }
  }
  return null;
}

function readPublished(doc: DomDocument, jsonDate: string | null, jsonCreated: string | null, urls: (string | null)[]): Found | null {
  const fromJson = normalizeDate(jsonDate);
  if (fromJson) return { value: fromJson, foundBy: 'json-ld' };
  for (const key of PUBLISHED_META) {
    const m = metaContent(doc, [key]);
    const d = normalizeDate(m?.value);
    if (d) return { value: d, foundBy: `meta:${key}` };
  }
  const created = normalizeDate(jsonCreated);
  if (created) return { value: created, foundBy: 'json-ld:dateCreated' };
  for (const el of all(doc, '[itemprop=datePublished]')) {
    if (inForeignRegion(el)) continue;
    const d = normalizeDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? textOf(el));
    if (d) return { value: d, foundBy: 'itemprop=datePublished' };
  }
  for (const el of all(doc, 'article time[datetime], header time[datetime], main time[datetime], [role=main] time[datetime]')) {
    if (inForeignRegion(el)) continue;
    const d = normalizeDate(el.getAttribute('datetime'));
    if (d) return { value: d, foundBy: 'time[datetime]' };
  }
  for (const u of urls) {
    const d = dateFromUrl(u);
    if (d) return { value: d, foundBy: 'url' };
  }
  return null;
}

function readLanguage(doc: DomDocument, jsonLang: string | null): Found | null {
  const candidates: [string | null | undefined, FoundBy][] = [
    [doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang'), 'html[lang]'],
    [metaContent(doc, ['content-language', 'language', 'dc.language'])?.value, 'meta:content-language'],
    [metaContent(doc, ['og:locale'])?.value, 'meta:og:locale'],
    [jsonLang, 'json-ld'],
  ];
  for (const [value, foundBy] of candidates) {
    const tag = primarySubtag(value);
    if (tag) return { value: tag, foundBy };
  }
  return null;
}

function imageSrc(img: DomElement): string | null {
  return img.getAttribute('src') ?? img.getAttribute('data-src') ?? img.getAttribute('data-original') ?? null;
}

function captionFor(doc: DomDocument, url: string, base: string): string | null {
  for (const img of all(doc, 'figure img')) {
    if (resolveUrl(imageSrc(img), base) !== url) continue;
    const figure = img.closest('figure');
    const cap = figure ? textOf(first(figure, 'figcaption')) || textOf(figure) : '';
    return cap || null;
  }
  return null;
}

function readLeadImage(doc: DomDocument, jsonImage: string | null, base: string): LeadImage | null {
  const og = metaContent(doc, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']);
  const declared = resolveUrl(og?.value, base) ?? resolveUrl(jsonImage, base);
  if (declared) return { url: declared, caption: captionFor(doc, declared, base) };
  for (const img of all(doc, 'figure img')) {
    if (inForeignRegion(img)) continue;
    const url = resolveUrl(imageSrc(img), base);
    if (!url) continue;
    const figure = img.closest('figure');
    const cap = figure ? textOf(first(figure, 'figcaption')) || textOf(figure) : '';
    return { url, caption: cap || null };
  }
  return null;
}

/** The document URL links resolve against: `<base href>` over the page URL. */
export function baseUrlOf(doc: DomDocument, pageUrl: string): string {
  const href = first(doc, 'base[href]')?.getAttribute('href');
  return resolveUrl(href, pageUrl) ?? pageUrl;
}

/** Reads every metadata field the document itself states. `pageUrl` is absolute. */
export function readMetadata(doc: DomDocument, pageUrl: string): PageMetadata {
  const base = baseUrlOf(doc, pageUrl);
  const ld = readJsonLd(doc);
  const publisher =
    found(ld?.publisher, 'json-ld') ??
    found(metaContent(doc, ['og:site_name'])?.value, 'meta:og:site_name') ??
    found(metaContent(doc, ['application-name'])?.value, 'meta:application-name');
  const siteNames = [publisher?.value, metaContent(doc, ['og:site_name'])?.value, metaContent(doc, ['application-name'])?.value].filter(
    (s): s is string => Boolean(s),
  );
  const canonicalUrl =
    resolveUrl(first(doc, 'link[rel=canonical]')?.getAttribute('href'), base) ??
    resolveUrl(metaContent(doc, ['og:url'])?.value, base) ??
    resolveUrl(ld?.url, base);
  const jsonAuthors = ld && !ld.authorsAreOrganizations ? ld.authors : null;
  return {
    title: readTitle(doc, ld?.headline ?? null, siteNames, canonicalUrl ?? pageUrl),
    byline: readByline(doc, jsonAuthors, siteNames),
    publisher,
    published: readPublished(doc, ld?.datePublished ?? null, ld?.dateCreated ?? null, [pageUrl, canonicalUrl]),
    language: readLanguage(doc, ld?.language ?? null),
    canonicalUrl,
    leadImage: readLeadImage(doc, ld?.image ?? null, base),
  };
}
