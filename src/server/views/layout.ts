/**
 * The page shell every HTML page shares: skip link, header with site search, footer. Templates use hono's `html`
 * tag, which escapes every interpolated value; nothing from a source is ever inserted unescaped.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  title: string;
  /** Current search query, shown in the header's search box. */
  query?: string;
  /** Extra `<head>` tags (feed links). */
  head?: Html;
  /** A wider main column (the article page puts two columns side by side). */
  wide?: boolean;
}

export function page(o: PageOptions, body: Html): Html {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${o.title} · Roundup</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
${o.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="/">Roundup</a>
  <nav aria-label="Site"><ul><li><a href="/">Stories</a></li><li><a href="/audit">Audit</a></li><li><a href="/feeds/stories.rss">Feed</a></li></ul></nav>
  <form role="search" action="/search" method="get">
    <label class="visually-hidden" for="site-search">Search stories and articles</label>
    <input id="site-search" type="search" name="q" value="${o.query ?? ''}" placeholder="Search">
    <button type="submit">Search</button>
  </form>
</header>
<main id="main" tabindex="-1"${o.wide ? html` class="wide"` : ''}>
${body}
</main>
<footer class="site-footer"><p>Roundup merges many outlets' coverage of one event into one article; every sentence links to the passages it is drawn from. <a href="/api/openapi.json">API</a></p></footer>
</body>
</html>`;
}

export function errorPage(status: number, message: string): Html {
  const title = status === 404 ? 'Not found' : status === 429 ? 'Too many requests' : status >= 500 ? 'Server error' : 'Bad request';
  return page({ title }, html`<h1>${title}</h1><p class="notice">${message}</p><p><a href="/">Back to the stories</a></p>`);
}

/** `2026-03-10` or `2026-03-10 – 2026-03-11`. */
export function span(first: string | null, last: string | null): string {
  const a = first?.slice(0, 10);
  const b = last?.slice(0, 10);
  if (!a) return 'undated';
  return b && b !== a ? `${a} – ${b}` : a;
}

export { plural } from '../../plural.js';
