import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ReaderApp } from './app.js';
import { exampleStore, type TestStore } from './test-store.js';

type Doc = ReturnType<typeof parseHTML>['document'];

const TOKEN = 'pages-token';

describe('HTML pages', () => {
  let t: TestStore;
  let app: ReaderApp;
  beforeAll(async () => {
    t = await exampleStore();
    app = createApp({ store: t.store, token: TOKEN, rateLimit: { capacity: 1000 } });
  });
  afterAll(() => t.cleanup());

  const page = async (path: string, init?: RequestInit): Promise<{ status: number; doc: Doc; text: string; res: Response }> => {
    const res = await app.request(path, init);
    const text = await res.text();
    return { status: res.status, doc: parseHTML(text).document, text, res };
  };

  const expectShell = (doc: Doc): void => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('title')?.textContent).toMatch(/Roundup/);
    expect(doc.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(doc.querySelector('main#main')).not.toBeNull();
    expect(doc.querySelector('header form[role=search][action="/search"] input[name=q]')).not.toBeNull();
    expect(doc.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/static/app.css');
    expect(doc.querySelector('script')?.getAttribute('src')).toBe('/static/app.js');
    expect(doc.querySelector('script:not([src]), style, [style]')).toBeNull();
  };

  it('front page: story cards with link, lede, counts, span and storyline badge; feed links', async () => {
    const { status, doc, res } = await page('/');
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expectShell(doc);
    const cards = [...doc.querySelectorAll('article.story-card[data-story-id]')];
    expect(cards).toHaveLength(4);
    for (const card of cards) {
      const id = card.getAttribute('data-story-id');
      expect(card.querySelector('a.story-link')?.getAttribute('href')).toBe(`/stories/${id}`);
      expect(card.querySelector('.lede')?.textContent?.length).toBeGreaterThan(20);
      // The count of sources only where it is above one: a story of one article says only its date.
      expect(card.querySelector('.counts')?.textContent).toMatch(/^(\d+ articles from (\d+ outlets|one outlet) · (\d+ independent sources|one report) · )?\d{4}-\d\d-\d\d/);
      expect(card.querySelector('.counts')?.textContent).not.toMatch(/\b1 (article|outlet|independent source)\b/);
    }
    expect(cards[0]!.textContent).toMatch(/Marrowby/);
    expect(cards[0]!.textContent).toMatch(/4 independent sources/);
    // The example corpus and the earlier warning story (test-store.ts): one storyline of two stories.
    expect(doc.querySelectorAll('article.story-card span.storyline-badge')).toHaveLength(2);
    const alternates = [...doc.querySelectorAll('link[rel=alternate]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(alternates).toEqual([
      ['application/rss+xml', '/feeds/stories.rss'],
      ['application/atom+xml', '/feeds/stories.atom'],
      ['application/feed+json', '/feeds/stories.json'],
    ]);
    expect((await page('/?page=2')).status).toBe(404);
    expect((await page('/?page=x')).status).toBe(404);
  });

  it('story page: cited sentences, support counts and every section', async () => {
    const id = (await page('/')).doc.querySelector('article.story-card')!.getAttribute('data-story-id');
    const { status, doc } = await page(`/stories/${id}`);
    expect(status).toBe(200);
    expectShell(doc);
    expect(doc.querySelector('h1')?.textContent).toMatch(/Marrowby/);
    const sentences = [...doc.querySelectorAll('span.sentence[data-sentence]')];
    expect(sentences.length).toBeGreaterThan(3);
    expect(sentences.map((s) => s.getAttribute('data-sentence'))).toEqual(sentences.map((_, i) => String(i)));
    const cites = [...doc.querySelectorAll('a.cite')];
    expect(cites.length).toBeGreaterThanOrEqual(sentences.length);
    for (const c of cites) {
      const [article, start, end] = ['data-article', 'data-start', 'data-end'].map((a) => c.getAttribute(a)!);
      expect(c.getAttribute('href')).toBe(`/articles/${article}?start=${start}&end=${end}#passage`);
      const text = t.store.articles.get(Number(article))!.text.slice(Number(start), Number(end));
      expect(text.trim().length).toBeGreaterThan(0);
      expect(c.textContent).toMatch(/^\[\d+\]$/);
    }
    // Spans in photo captions (who holds which role) have their own class and say which caption.
    for (const c of doc.querySelectorAll('a.caption-cite')) {
      const [article, caption, start, end] = ['data-article', 'data-caption', 'data-start', 'data-end'].map((a) => c.getAttribute(a)!);
      expect(c.getAttribute('href')).toBe(`/articles/${article}?caption=${caption}&start=${start}&end=${end}#passage`);
      expect(t.store.articles.get(Number(article))!.captions[Number(caption)]!.slice(Number(start), Number(end)).trim()).not.toBe('');
    }
    // Each sentence is followed by its citations, then, only where more than one independent source backs it, that count.
    const first = sentences[0]!;
    expect(first.nextElementSibling?.classList.contains('cite')).toBe(true);
    const counts = [...doc.querySelectorAll('span.support')].map((s) => s.textContent);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThan(sentences.length);
    for (const n of counts) expect(n).toMatch(/^([2-9]|\d\d+) independent sources$/);
    const body = [...doc.querySelectorAll('p.lede, section.body-section, section.quotes, section.people, section.differ')].map((e) => e.textContent).join('\n');
    expect(body).not.toMatch(/\b1 (independent )?source\b/);
    // A citation mark never starts a line of its own: a word joiner (U+2060) glues it to the sentence and to the mark before it.
    expect(first.nextSibling?.textContent).toBe('\u2060');
    for (const c of doc.querySelectorAll('p.lede a.cite, section.body-section a.cite, section.differ a.cite')) expect(c.previousSibling?.textContent?.endsWith('\u2060'), c.outerHTML).toBe(true);
    expect(doc.querySelector('section.differ')?.textContent).toMatch(/\(copies of one report\)/);
    const h2s = [...doc.querySelectorAll('section > h2')].map((h) => h.textContent);
    for (const h of ['Key quotes', 'Where sources differ', 'Timeline', 'Sources', 'Verification', 'How this article was made']) expect(h2s).toContain(h);
    expect(doc.querySelector('section.quotes blockquote footer')?.textContent).toMatch(/— \S+/);
    expect(doc.querySelector('section.differ')?.textContent).toMatch(/1,400/);
    expect(doc.querySelectorAll('section.sources section.family')).toHaveLength(4);
    expect(doc.querySelector('section.sources details summary')?.textContent).toMatch(/adds \d+ sentences?/);
    expect(doc.querySelector('section.disclosure')?.textContent).toMatch(/assembled automatically/);
    expect((await page(`/stories/s${id}`)).status).toBe(200);
  });

  it('storyline page: the overview (latest state first, then each story under its date), linked from the story page', async () => {
    const line = t.store.db.prepare<[], { id: number }>('SELECT id FROM storylines').get()!.id;
    const flood = t.store.db.prepare<[number], { id: number }>('SELECT story_id AS id FROM storyline_stories WHERE storyline_id = ? ORDER BY position DESC').get(line)!.id;
    const story = await page(`/stories/${flood}`);
    expect(story.doc.querySelector(`a.storyline-badge[href="/storylines/${line}"]`)).not.toBeNull();
    const { status, doc } = await page(`/storylines/${line}`);
    expect(status).toBe(200);
    expectShell(doc);
    expect(doc.querySelector('.meta')?.textContent).toMatch(/Storyline overview of 2 stories/);
    // The latest state: the inquiry ordered the day after the flood.
    expect(doc.querySelector('p.lede')?.textContent).toMatch(/inquiry/);
    // The warning eight months before, then the flood, each under its date; every sentence cites its passage.
    expect([...doc.querySelectorAll('section.body-section h2')].map((h) => h.textContent)).toEqual(['Wednesday 9 July 2025', 'Tuesday 10 March 2026']);
    for (const s of doc.querySelectorAll('span.sentence')) expect((s as unknown as { nextElementSibling: { matches(q: string): boolean } | null }).nextElementSibling?.matches('a.cite')).toBe(true);
    // The timeline links the earlier story's own page.
    expect(doc.querySelector('section.timeline a[href^="/stories/"]')).not.toBeNull();
    // No such storyline, and no overview of a story of one or two days: 404.
    expect((await page('/storylines/9999')).status).toBe(404);
    expect((await page(`/stories/${flood}/overview`)).status).toBe(404);
  });

  it('article page: cleaned article, removed list, raw link; a valid span is marked, a bad one ignored with a notice', async () => {
    const id = 10;
    const a = t.store.articles.get(id)!;
    const plain = await page(`/articles/${id}`);
    expect(plain.status).toBe(200);
    expectShell(plain.doc);
    expect(plain.doc.querySelector('h1')?.textContent).toBe(a.title);
    expect(plain.doc.querySelector('.publisher')?.textContent).toBe(a.publisher);
    expect(plain.doc.querySelectorAll('.article-body p').length).toBe(a.paragraphs.length);
    expect(plain.doc.querySelector('section.removed h2')?.textContent).toBe('Removed by cleaning');
    expect(plain.doc.querySelector(`a[href="/articles/${id}/raw"]`)).not.toBeNull();
    expect(plain.doc.querySelector('mark')).toBeNull();

    const start = a.text.indexOf(a.paragraphs[1]!);
    const end = start + 40;
    const marked = await page(`/articles/${id}?start=${start}&end=${end}`);
    const mark = marked.doc.querySelector('mark#passage.cited');
    expect(mark?.textContent).toBe(a.text.slice(start, end));
    expect(marked.doc.querySelectorAll('mark').length).toBe(1);

    for (const q of ['start=5&end=2', 'start=0&end=999999', 'start=x&end=3', 'start=1', 'start=-1&end=4', 'start=1.5&end=4']) {
      const bad = await page(`/articles/${id}?${q}`);
      expect(bad.status, q).toBe(200);
      expect(bad.doc.querySelector('mark'), q).toBeNull();
      expect(bad.doc.querySelector('.notice')?.textContent, q).toMatch(/ignored/);
    }
  });

  it('article page: a span of a photo caption is marked in the captions list', async () => {
    const a = t.store.articles.get(10)!;
    expect(a.captions.length).toBeGreaterThan(0);
    const { doc } = await page(`/articles/10?caption=0&start=0&end=12`);
    const mark = doc.querySelector('section.captions mark#passage.cited');
    expect(mark?.textContent).toBe(a.captions[0]!.slice(0, 12));
    expect(doc.querySelector('.article-body mark')).toBeNull();
    for (const q of [`caption=${a.captions.length}&start=0&end=3`, 'caption=x&start=0&end=3', 'caption=0&start=0&end=99999']) {
      const bad = await page(`/articles/10?${q}`);
      expect(bad.doc.querySelector('mark'), q).toBeNull();
      expect(bad.doc.querySelector('.notice')?.textContent, q).toMatch(/ignored/);
    }
  });

  it('an article with removed boilerplate lists what was removed and why', async () => {
    const withRemoved = t.store.articles.list().map((s) => t.store.articles.get(s.id)!).find((a) => a.removed.length > 0);
    expect(withRemoved).toBeDefined();
    const { doc } = await page(`/articles/${withRemoved!.id}`);
    const items = [...doc.querySelectorAll('section.removed li')];
    expect(items.length).toBe(withRemoved!.removed.length);
    expect(items[0]!.querySelector('.reason')?.textContent).toBe(withRemoved!.removed[0]!.reason);
  });

  it('raw record: the stored bytes as text/plain, never HTML', async () => {
    const res = await app.request('/articles/10/raw');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(Buffer.from(await res.arrayBuffer()).equals(t.store.raw.get(10)!.bytes)).toBe(true);
    expect((await app.request('/articles/99999/raw')).status).toBe(404);
  });

  it('unknown ids and paths answer an HTML 404 page; no path escapes to the file system', async () => {
    for (const path of ['/stories/99999', '/stories/abc', '/articles/99999', '/articles/abc', '/nowhere', '/static/../package.json', '/static/..%2f..%2fpackage.json', '/articles/..%2f..%2fetc%2fpasswd', '/feeds/storylines/99.rss', '/feeds/storylines/..%2fx.rss']) {
      const r = await page(path);
      expect(r.status, path).toBe(404);
      expect(r.res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(r.doc.querySelector('h1')?.textContent, path).toBe('Not found');
      expect(r.text).not.toMatch(/"name":\s*"roundup"/);
    }
  });

  it('security headers on every answer; static files with their content types', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    const css = await app.request('/static/app.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toMatch(/prefers-color-scheme:\s*dark/);
    const js = await app.request('/static/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = await js.text();
    expect(script).toContain('source-panel');
    expect(script).not.toMatch(/innerHTML/);
  });

  it('search page: stories and articles; odd queries are plain words', async () => {
    const { status, doc } = await page('/search?q=Marrowby');
    expect(status).toBe(200);
    expectShell(doc);
    expect((doc.querySelector('header input[name=q]') as unknown as { value: string } | null)?.value ?? doc.querySelector('header input[name=q]')?.getAttribute('value')).toBe('Marrowby');
    const hits = [...doc.querySelectorAll('ol.search-results > li')];
    expect(hits.some((h) => h.classList.contains('hit-story'))).toBe(true);
    expect(hits.some((h) => h.classList.contains('hit-article'))).toBe(true);
    expect(doc.querySelector('ol.search-results mark')?.textContent?.toLowerCase()).toBe('marrowby');
    for (const q of ['"foo', 'AND(', 'NEAR(x', '<script>']) {
      const r = await page(`/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(r.text).not.toContain('<script>alert');
    }
    const empty = await page('/search?q=');
    expect(empty.doc.querySelector('ol.search-results')).toBeNull();
  });

  it('escapes source text everywhere: markup in an ingested article never reaches a page raw', async () => {
    const evil = {
      url: 'https://evil.example/x',
      publisher: 'Evil <b>Press</b>',
      title: 'Ferry <script>alert(1)</script> timetable changes on Brenn',
      text: 'The ferry <img src=x onerror=alert(2)> to Brenn will sail twice a day from June, the operator said on Monday.\n\nTickets <iframe src=//evil.example></iframe> go on sale next week.',
    };
    const res = await app.request('/api/ingest?wait=true', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(evil) });
    expect(res.status).toBe(200);
    const id = ((await res.json()) as { outcomes: { rawId: number }[] }).outcomes[0]!.rawId;
    const story = ((await (await app.request('/api/articles/' + id)).json()) as { stories: { id: number }[] }).stories[0]!.id;
    for (const path of ['/', `/articles/${id}`, `/articles/${id}?start=0&end=20`, `/stories/${story}`, '/search?q=ferry', '/audit', '/feeds/stories.rss']) {
      const text = await (await app.request(path)).text();
      expect(text, path).not.toMatch(/<script>alert|<img src=x|<iframe|<b>Press/);
    }
    // Atom titles are type="text" and JSON Feed titles plain text by their specs; their HTML content is escaped.
    const json = (await (await app.request('/feeds/stories.json')).json()) as { items: { content_html: string }[] };
    for (const item of json.items) expect(item.content_html).not.toMatch(/<script>alert|<img src=x|<iframe|<b>Press/);
    const article = await page(`/articles/${id}`);
    expect(article.doc.querySelector('h1')?.textContent).toBe(evil.title);
    expect(article.doc.querySelector('script:not([src]), img, iframe')).toBeNull();
  });

  describe('audit page', () => {
    const copied = 'Marrowby Town Council said 1,400 people had been evacuated from the Quayside and Millbrook districts by early Tuesday.';
    const changed = 'Marrowby Town Council said 2,900 people had been evacuated from the Quayside and Millbrook districts by early Tuesday.';

    it('offers the form with stored sources and pasted text', async () => {
      const { status, doc } = await page('/audit');
      expect(status).toBe(200);
      const form = doc.querySelector('form#audit-form[method=post][action="/audit"][enctype="multipart/form-data"]')!;
      expect(form).not.toBeNull();
      expect(form.querySelector('textarea[name=article]')).not.toBeNull();
      expect(form.querySelector('input[type=file][name=articleFile]')).not.toBeNull();
      expect(form.querySelector('textarea[name=sourceText]')).not.toBeNull();
      expect(form.querySelector('button[type=submit]')?.textContent).toBe('Audit');
      const boxes = [...form.querySelectorAll('input[type=checkbox][name=source]')];
      expect(boxes.length).toBeGreaterThanOrEqual(10);
      expect(boxes.every((b) => t.store.articles.get(Number(b.getAttribute('value'))) !== null)).toBe(true);
      expect(boxes[0]!.closest('label')?.textContent).toMatch(/\S+: \S+/);
    });

    it('gives a verdict per sentence with evidence, from stored and pasted sources', async () => {
      const form = new FormData();
      form.set('article', `${copied} ${changed}`);
      form.append('source', '10');
      form.set('sourceText', 'The ferry sails twice a day.\n---\nRescue crews used boats on Mill Lane.');
      const { status, doc } = await page('/audit', { method: 'POST', body: form });
      expect(status).toBe(200);
      const items = [...doc.querySelectorAll('ol.audit-results > li.verdict')];
      expect(items).toHaveLength(2);
      expect(items[0]!.classList.contains('verdict-supported')).toBe(true);
      expect(items[0]!.textContent).toContain(copied);
      expect(items[0]!.querySelector('.evidence a')?.getAttribute('href')).toMatch(/^\/articles\/10\?start=\d+&end=\d+#passage$/);
      expect(items[1]!.classList.contains('verdict-contradicted')).toBe(true);
      // The form keeps what was sent.
      expect(doc.querySelector('textarea[name=article]')?.textContent).toBe(`${copied} ${changed}`);
      expect(doc.querySelector('input[name=source][value="10"]')?.hasAttribute('checked')).toBe(true);
    });

    it('audits an uploaded HTML page as its cleaned text', async () => {
      const form = new FormData();
      form.set('article', '');
      form.set('articleFile', new File([`<!doctype html><html><head><title>Copy</title></head><body><article><h1>Flood</h1><p>${changed}</p></article></body></html>`], 'copy.html', { type: 'text/html' }));
      form.set('sourceText', copied);
      const { status, doc } = await page('/audit', { method: 'POST', body: form });
      expect(status).toBe(200);
      expect(doc.querySelector('ol.audit-results li.verdict-contradicted')?.textContent).toContain('2,900');
    });

    it('explains bad input on the page with a 4xx status', async () => {
      const noSources = new FormData();
      noSources.set('article', copied);
      const a = await page('/audit', { method: 'POST', body: noSources });
      expect(a.status).toBe(400);
      expect(a.doc.querySelector('.notice[role=alert]')?.textContent).toMatch(/pick at least one source/);
      const noArticle = new FormData();
      noArticle.append('source', '10');
      expect((await page('/audit', { method: 'POST', body: noArticle })).status).toBe(400);
      const badId = new FormData();
      badId.set('article', copied);
      badId.append('source', '../../etc/passwd');
      expect((await page('/audit', { method: 'POST', body: badId })).status).toBe(400);
      const unknown = new FormData();
      unknown.set('article', copied);
      unknown.append('source', '99999');
      expect((await page('/audit', { method: 'POST', body: unknown })).status).toBe(404);
      const binary = new FormData();
      binary.set('articleFile', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3])], 'x.png'));
      binary.set('sourceText', copied);
      const b = await page('/audit', { method: 'POST', body: binary });
      expect(b.status).toBe(400);
      expect(b.doc.querySelector('.notice')?.textContent).toMatch(/upload an HTML page or a plain-text file/);
    });

    it('is size-limited and rate-limited (it needs no token: it stores nothing)', async () => {
      const small = createApp({ store: t.store, limits: { audit: 1000 }, rateLimit: { capacity: 2, perMinute: 1 } });
      const big = new FormData();
      big.set('article', 'x'.repeat(30_000));
      big.set('sourceText', 'y');
      const r = await small.request('/audit', { method: 'POST', body: big });
      expect(r.status).toBe(413);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      const form = (): FormData => {
        const f = new FormData();
        f.set('article', copied);
        f.set('sourceText', copied);
        return f;
      };
      expect((await small.request('/audit', { method: 'POST', body: form() })).status).toBe(200);
      const limited = await small.request('/audit', { method: 'POST', body: form() });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });
});
