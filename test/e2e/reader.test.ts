/**
 * The reader web server (`roundup serve`, src/server/) driven by a real browser: Debian's Chromium through
 * playwright-core (no browser is downloaded; .ci/run installs the `chromium` package). The store is the bundled
 * example corpus (invented news), ingested and clustered into a temporary SQLite file by the real pipeline.
 *
 * Walks what a reader does: front page → story → a citation highlights its passage in the source → audit page
 * (one copied sentence, one with a changed number) → search; checks that Tab reaches the skip link and a story
 * link; writes screenshots to test-output/screenshots/ (front page and story page in light mode, the story page in
 * dark mode, the opened citation, the audit results, and the front, story, article, search and audit pages at 1280
 * and 390 pixels wide, where nothing may run off the side and no citation mark may start a line of its own). Skips, saying why, when /usr/bin/chromium (or
 * $ROUNDUP_CHROMIUM) is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterStore } from '../../src/pipeline/cluster.js';
import { ingestInto } from '../../src/pipeline/ingest.js';
import { startServer } from '../../src/server/index.js';
import { Store } from '../../src/store/index.js';
import { repoRoot } from './helpers.js';
import { CHROMIUM_ARGS, chromiumPath, fold, pickAuditSentences } from './reader-helpers.js';

const executablePath = chromiumPath();
const missing = existsSync(executablePath) ? null : `skipped: ${executablePath} is absent (install Debian's chromium: apt-get install chromium; .ci/run does)`;
if (missing) console.warn(`reader e2e ${missing}`);

const screenshots = join(repoRoot, 'test-output', 'screenshots');

// CI (.ci/run sets ROUNDUP_REQUIRE_BROWSER=1) must not pass with the browser tests skipped.
describe.runIf(process.env.ROUNDUP_REQUIRE_BROWSER === '1')('browser required (ROUNDUP_REQUIRE_BROWSER=1)', () => {
  it('finds Chromium', () => {
    expect(missing).toBeNull();
  });
});

describe.skipIf(missing !== null)(`reader in Chromium${missing ? ` (${missing})` : ''}`, () => {
  let dir: string;
  let store: Store;
  let server: { url: string; close(): Promise<void> | void };
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundup-reader-'));
    store = Store.open(join(dir, 'examples.db'));
    // With the inspectors' warning eight months before the flood (its storyline's first story: the storyline page).
    const totals = await ingestInto(store, [join(repoRoot, 'examples', 'corpus'), join(repoRoot, 'src', 'server', 'fixtures', 'gate-warning.json')]);
    expect(totals.failed).toBe(0);
    clusterStore(store);
    server = await startServer({ store, port: 0, host: '127.0.0.1', token: `reader-test-${process.pid}` });
    base = server.url.replace(/\/$/, '');
    // launch() gives Chromium a fresh temporary profile (--user-data-dir) of its own and removes it on close.
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(30_000);
    mkdirSync(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (path: string, ctx: BrowserContext = context): Promise<Page> => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    const res = await page.goto(base + path);
    expect(res?.status(), `GET ${path}`).toBe(200);
    return page;
  };

  it('front page lists the stories, each a card with a link', async () => {
    const page = await open('/');
    const cards = page.locator('article.story-card[data-story-id]');
    // The example corpus clusters into 3 stories, the flood's day-2 inquiry a development of its story (see
    // src/store/clusters.test.ts).
    expect(await cards.count()).toBe(4); // the three stories of examples/corpus and the earlier warning
    expect(await page.locator('article.story-card a.story-link').count()).toBeGreaterThanOrEqual(3);
    expect(fold(await cards.first().innerText())).toContain('Marrowby');
    await page.screenshot({ path: join(screenshots, 'front-light.png'), fullPage: true });
    await page.close();
  });

  it('story page: cited sentences; a citation shows its passage highlighted in the source', async () => {
    const page = await open('/');
    await Promise.all([page.waitForURL(/\/stories\/[^/?#]+/), page.locator('a.story-link').first().click()]);
    await page.locator('span.sentence').first().waitFor();
    expect(await page.locator('span.sentence').count()).toBeGreaterThan(3);
    const cites = page.locator('a.cite[data-article][data-start][data-end]');
    expect(await cites.count()).toBeGreaterThan(0);
    const storyPath = new URL(page.url()).pathname;
    await page.screenshot({ path: join(screenshots, 'story-light.png'), fullPage: true });

    // Every citation links to the passage on the article page (works without JavaScript).
    for (const cite of (await cites.all()).slice(0, 20)) {
      const [article, start, end, href] = await Promise.all(['data-article', 'data-start', 'data-end', 'href'].map((a) => cite.getAttribute(a)));
      expect(Number(end)).toBeGreaterThan(Number(start));
      expect(href).toBe(`/articles/${article}?start=${start}&end=${end}#passage`);
    }

    const cite = cites.first();
    const article = Number(await cite.getAttribute('data-article'));
    const start = Number(await cite.getAttribute('data-start'));
    const end = Number(await cite.getAttribute('data-end'));
    const stored = store.articles.get(article);
    expect(stored, `cited article ${article} is in the store`).not.toBeNull();
    const cited = fold(stored!.text.slice(start, end));
    expect(cited.length).toBeGreaterThan(0);

    // Clicking opens the passage: in a side panel (JavaScript) or on the article page; either way a visible mark.
    await cite.click();
    const mark = page.locator('aside#source-panel mark.cited, mark#passage.cited').first();
    await mark.waitFor({ state: 'visible' });
    expect(fold(await mark.innerText())).toBe(cited);
    await page.screenshot({ path: join(screenshots, 'story-citation.png') });

    // The plain link, as a reader without JavaScript (or opening it in a new tab) gets it.
    const direct = await open(`/articles/${article}?start=${start}&end=${end}#passage`);
    const passage = direct.locator('mark#passage.cited');
    await passage.waitFor({ state: 'visible' });
    expect(fold(await passage.innerText())).toBe(cited);
    await direct.close();
    await page.close();

    // The same story page in dark mode.
    const dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    try {
      const darkPage = await open(storyPath, dark);
      await darkPage.locator('span.sentence').first().waitFor();
      await darkPage.screenshot({ path: join(screenshots, 'story-dark.png'), fullPage: true });
      const colours = (await darkPage.evaluate('({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color })')) as { bg: string; fg: string };
      const level = (rgb: string): number => {
        const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
        return (r + g + b) / 3;
      };
      expect(level(colours.bg), `dark mode: a dark background (${colours.bg})`).toBeLessThan(96);
      expect(level(colours.fg), `dark mode: light text (${colours.fg})`).toBeGreaterThan(160);
    } finally {
      await dark.close();
    }
  });

  it('audit page: a copied sentence is supported, one with a changed number is not', async () => {
    const page = await open('/audit');
    const form = page.locator('form#audit-form');
    await form.waitFor();
    const boxes = form.locator('input[type=checkbox][name=source]');
    expect(await boxes.count()).toBeGreaterThan(0);
    expect(await form.locator('textarea[name=sourceText]').count()).toBe(1);

    // Tick the first source that is a stored article with two sentences holding a number.
    let picked: { box: number; copied: string; altered: string } | null = null;
    for (let i = 0; i < (await boxes.count()) && !picked; i++) {
      const stored = store.articles.get(Number(await boxes.nth(i).getAttribute('value')));
      const pair = stored ? pickAuditSentences(stored.text) : null;
      if (pair) picked = { box: i, ...pair };
    }
    expect(picked, 'a source checkbox whose value is a stored article id').not.toBeNull();
    const { box, copied, altered } = picked!;

    await form.locator('textarea[name=article]').fill(`${copied} ${altered}`);
    await boxes.nth(box).check();
    await form.locator('button[type=submit]').click();
    const results = page.locator('ol.audit-results > li.verdict');
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThanOrEqual(2);

    const supported = page.locator('ol.audit-results > li.verdict-supported');
    const refused = page.locator('ol.audit-results > li.verdict-contradicted, ol.audit-results > li.verdict-unsupported');
    expect(await supported.count()).toBeGreaterThanOrEqual(1);
    expect(await refused.count()).toBeGreaterThanOrEqual(1);
    const head = (s: string): string => fold(s).slice(0, 40);
    expect(fold(await supported.first().innerText())).toContain(head(copied));
    expect(fold((await refused.allInnerTexts()).join(' '))).toContain(head(altered));
    await page.screenshot({ path: join(screenshots, 'audit-results.png'), fullPage: true });
    await page.close();
  });

  it('search finds stories by a word', async () => {
    const page = await open('/');
    const q = page.locator('form[role=search] input[name=q]');
    await q.fill('Marrowby');
    await Promise.all([page.waitForURL(/\/search\?/), q.press('Enter')]);
    const hits = page.locator('ol.search-results > li');
    await hits.first().waitFor();
    expect(await hits.count()).toBeGreaterThan(0);
    expect(fold(await page.locator('ol.search-results').innerText())).toContain('Marrowby');
    await page.close();
  });

  it('keyboard: Tab reaches the skip link first, then a story link that Enter opens', async () => {
    const page = await open('/');
    // (The test code is type-checked without the DOM library, so the page-side code is a string.)
    const focused = async (): Promise<{ tag: string; storyLink: boolean; href: string | null }> =>
      (await page.evaluate(
        `(() => { const el = document.activeElement; return { tag: el ? el.tagName.toLowerCase() : '', storyLink: !!el && el.classList.contains('story-link'), href: el ? el.getAttribute('href') : null }; })()`,
      )) as { tag: string; storyLink: boolean; href: string | null };
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.tag, 'the first Tab stop is a link').toBe('a');
    expect(first.href ?? '', 'the first Tab stop is a skip link to the content').toMatch(/^#./);
    // The skip link's target exists.
    expect(await page.locator(first.href!).count()).toBe(1);

    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await focused()).storyLink;
    }
    expect(reached, 'Tab reaches a story link within 40 presses').toBe(true);
    await Promise.all([page.waitForURL(/\/stories\/[^/?#]+/), page.keyboard.press('Enter')]);
    await page.locator('span.sentence').first().waitFor();
    await page.close();
  });

  it('at 1280 and 390 pixels wide: nothing runs off the side, and no citation mark starts a line of its own', async () => {
    const first = await open('/');
    const storyPath = await first.locator('a.story-link').first().getAttribute('href');
    const articlePath = `/articles/${await (await open(storyPath!)).locator('a.cite').first().getAttribute('data-article')}`;
    await first.close();
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ colorScheme: 'light', viewport: { width, height: 900 } });
      try {
        const line = store.db.prepare<[], { id: number }>('SELECT id FROM storylines').get()!.id;
        for (const [name, path] of [['front', '/'], ['story', storyPath!], ['article', articlePath], ['search', '/search?q=Marrowby'], ['audit', '/audit'], ['storyline', `/storylines/${line}`]] as const) {
          const page = await open(path, ctx);
          await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
          const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
          expect(overflow, `${path} at ${width} px runs ${overflow} px off the side`).toBeLessThanOrEqual(0);
          if (name === 'story') {
            // Each mark sits on the line where the text before it ends (the sentence, or the mark before it).
            const stray = (await page.evaluate(`[...document.querySelectorAll('a.cite')].filter((a) => {
              let before = a.previousSibling;
              while (before && before.nodeType === 3 && !before.textContent.replace(/\\u2060/g, '').trim()) before = before.previousSibling;
              if (!before) return false;
              let rects;
              if (before.nodeType === 3) {
                const range = document.createRange();
                const text = before.textContent.replace(/\\s+$/, '');
                range.setStart(before, Math.max(0, text.length - 1));
                range.setEnd(before, text.length);
                rects = range.getClientRects();
              } else rects = before.getClientRects();
              const last = rects[rects.length - 1];
              const mine = a.getClientRects()[0];
              return Boolean(last && mine && Math.abs(mine.bottom - last.bottom) > last.height / 2);
            }).map((a) => a.outerHTML)`)) as string[];
            expect(stray, `citation marks alone on a line at ${width} px`).toEqual([]);
          }
          await page.close();
        }
      } finally {
        await ctx.close();
      }
    }
  });

  it('no page threw a JavaScript error', () => {
    expect(pageErrors).toEqual([]);
  });
});
