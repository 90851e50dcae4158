/**
 * JSON-LD (`<script type="application/ld+json">`): every block is parsed on its own (a malformed
 * block is skipped quietly), arrays and `@graph` are flattened, and the article-like node is read
 * for headline, authors, publisher, date, URL and image. Nested objects and plain strings are both
 * accepted wherever schema.org allows either.
 */
import { all, collapse, type DomDocument } from './dom.js';

export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  /** True when every author given is an Organization, not a Person. */
  authorsAreOrganizations: boolean;
  publisher: string | null;
  datePublished: string | null;
  /** `dateCreated`, trusted less than the page's meta dates. */
  dateCreated: string | null;
  url: string | null;
  image: string | null;
  language: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = /article|posting|report|newsarticle|blogposting|webpage|creativework|liveblog|review|recipe|videoobject/i;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Parses one block; tolerates the common breakage of raw newlines inside strings. */
function parseBlock(text: string): Json | undefined {
  const body = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?|(?:\/\/|\/\*)?\s*\]\]>(?:\s*\*\/)?\s*$/g, '');
  for (const candidate of [body, body.replace(/[\n\r\t]+/g, ' ')]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the next repair, then give up quietly
    }
  }
  return undefined;
}

function flatten(value: Json | undefined, out: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) flatten(value['@graph'], out);
  }
}

/** Every top-level and `@graph` node of every JSON-LD block in the document. */
export function jsonLdNodes(doc: DomDocument): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of all(doc, 'script')) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    flatten(parseBlock(script.textContent ?? ''), out);
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapse(v) || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
  }
  return null;
}

function nameOf(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapse(v) || null;
  if (isObject(v)) return str(v['name']) ?? str(v['legalName']) ?? null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const n = nameOf(x);
      if (n) return n;
    }
  }
  return null;
}

function urlOf(v: Json | undefined): string | null {
  if (typeof v === 'string') return collapse(v) || null;
  if (isObject(v)) return str(v['url']) ?? str(v['@id']) ?? str(v['contentUrl']) ?? null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = urlOf(x);
      if (u) return u;
    }
  }
  return null;
}

function authorsOf(v: Json | undefined, byId: Map<string, JsonObject>): { names: string[]; orgs: number; people: number } {
  const acc = { names: [] as string[], orgs: 0, people: 0 };
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  for (let item of list) {
    if (isObject(item) && item['name'] === undefined && typeof item['@id'] === 'string') item = byId.get(item['@id']) ?? item;
    const name = nameOf(item);
    if (!name) continue;
    acc.names.push(name);
    if (isObject(item) && typesOf(item).some((t) => /organi[sz]ation|newsmediaorganization|corporation/i.test(t))) acc.orgs++;
    else acc.people++;
  }
  return acc;
}

/** Scores how article-like a node is; the best one is read. */
function articleScore(node: JsonObject): number {
  const types = typesOf(node).join(' ');
  let score = 0;
  if (/newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|blogposting|^article$|\barticle\b/i.test(types)) score += 4;
  else if (ARTICLE_TYPES.test(types)) score += 1;
  if (node['headline'] !== undefined) score += 2;
  if (node['datePublished'] !== undefined) score += 1;
  if (node['author'] !== undefined) score += 1;
  return score;
}

export function readJsonLd(doc: DomDocument): JsonLdArticle | null {
  const nodes = jsonLdNodes(doc);
  if (nodes.length === 0) return null;
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  let best: JsonObject | null = null;
  let bestScore = 0;
  for (const n of nodes) {
    const s = articleScore(n);
    if (s > bestScore) {
      best = n;
      bestScore = s;
    }
  }
  if (!best) return null;
  const authors = authorsOf(best['author'] ?? best['creator'], byId);
  let publisherNode = best['publisher'];
  if (isObject(publisherNode) && publisherNode['name'] === undefined && typeof publisherNode['@id'] === 'string') {
    publisherNode = byId.get(publisherNode['@id']) ?? publisherNode;
  }
  let publisher = nameOf(publisherNode);
  if (!publisher) {
    const site = nodes.find((n) => typesOf(n).some((t) => /^(WebSite|NewsMediaOrganization)$/i.test(t)));
    publisher = site ? nameOf(site) : null;
  }
  return {
    headline: str(best['headline']) ?? (/(article|posting)/i.test(typesOf(best).join(' ')) ? str(best['name']) : null),
    authors: authors.names,
    authorsAreOrganizations: authors.names.length > 0 && authors.people === 0,
    publisher,
    datePublished: str(best['datePublished']),
    dateCreated: str(best['dateCreated']),
    url: urlOf(best['url']) ?? urlOf(best['mainEntityOfPage']),
    image: urlOf(best['image']) ?? urlOf(best['thumbnailUrl']),
    language: str(best['inLanguage']),
  };
}
