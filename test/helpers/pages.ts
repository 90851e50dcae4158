/**
 * The regression corpus (test/pages/NNN-name/): pages written by us, each a shape real pages take
 * (sidebars, galleries, related-story tails, banners, live blogs, recipes, tables, odd bylines,
 * JSON-LD), with what extraction gives for it, reviewed by hand:
 *
 *   source.html              the page (invented text; never a copy of a third-party page)
 *   expected.txt             the body: paragraphs joined by blank lines (the `text` of `roundup extract --json`)
 *   expected-metadata.json   title, byline, publisher, published, language, captions
 *
 * test/pages/pages.test.ts checks every page; after a deliberate change, `npm run build && node
 * dist/bench/update-pages.js [NNN...]` rewrites the expected files, and `git diff test/pages` is the review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../../src/extract/html/index.js';

/** test/pages, from src (test/helpers) or from the build (dist/test/helpers). */
export function pagesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const up = here.includes(`${join('dist', 'test')}`) ? ['..', '..', '..'] : ['..', '..'];
  return resolve(here, ...up, 'test', 'pages');
}

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publisher: string | null;
  published: string | null;
  language: string | null;
  captions: string[];
}

export interface PageOutcome {
  text: string;
  metadata: PageMetadata;
}

/** Every page's folder name, in order. */
export function pageNames(): string[] {
  return readdirSync(pagesDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{3}-/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** The page's URL, the same for every page so that nothing depends on the name. */
export const PAGE_URL = 'https://fakehost.example/pages/article';

/** What extraction gives for the page now. */
export function extractPage(name: string): PageOutcome {
  const a = extractHtml(readFileSync(join(pagesDir(), name, 'source.html'), 'utf8'), { url: PAGE_URL });
  return {
    text: a.paragraphs.join('\n\n'),
    metadata: { title: a.title, byline: a.byline, publisher: a.publisher, published: a.published, language: a.language, captions: a.captions },
  };
}

/** What the page's expected files say. */
export function expectedPage(name: string): PageOutcome {
  const dir = join(pagesDir(), name);
  return {
    text: readFileSync(join(dir, 'expected.txt'), 'utf8').replace(/\n$/, ''),
    metadata: JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as PageMetadata,
  };
}
