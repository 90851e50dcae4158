import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ReaderApp } from './app.js';
import { exampleStore, type TestStore } from './test-store.js';

const TOKEN = 'test-token-123';
const auth = { Authorization: `Bearer ${TOKEN}` };
const json = { 'Content-Type': 'application/json' };

describe('JSON API', () => {
  let t: TestStore;
  let app: ReaderApp;
  let off: ReaderApp;
  beforeAll(async () => {
    t = await exampleStore();
    app = createApp({ store: t.store, token: TOKEN, rateLimit: { capacity: 1000 } });
    off = createApp({ store: t.store });
  });
  afterAll(() => t.cleanup());

  const get = async (path: string, a: ReaderApp = app): Promise<{ status: number; body: Record<string, unknown>; type: string }> => {
    const res = await a.request(path);
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, type: res.headers.get('content-type') ?? '' };
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = { ...auth, ...json }, a: ReaderApp = app): Promise<Response> =>
    Promise.resolve(a.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));

  it('GET /api/stories ranks the stories with counts, and pages them', async () => {
    const r = await get('/api/stories');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/application\/json/);
    const stories = r.body.stories as { id: number; ref: string; families: number; articles: number; headline: string; lede: string; url: string }[];
    expect(r.body.total).toBe(4);
    expect(stories).toHaveLength(4);
    expect(stories[0]).toMatchObject({ families: 4, articles: 8, ref: `s${stories[0]!.id}`, url: `/stories/${stories[0]!.id}` });
    expect(stories[0]!.headline).toMatch(/Marrowby/);
    expect(stories[0]!.lede.length).toBeGreaterThan(20);
    const page = await get('/api/stories?limit=2&offset=1');
    expect((page.body.stories as { id: number }[]).map((s) => s.id)).toEqual(stories.slice(1, 3).map((s) => s.id));
    for (const bad of ['limit=0', 'limit=abc', 'limit=100000', 'offset=-1', 'offset=x']) {
      const b = await get(`/api/stories?${bad}`);
      expect(b.status, bad).toBe(400);
      expect(b.body.error).toMatch(/limit|offset/);
    }
  });

  it('GET /api/stories/:id gives the story and its composite; unknown and malformed ids are JSON errors', async () => {
    const first = ((await get('/api/stories')).body.stories as { id: number }[])[0]!.id;
    for (const ref of [String(first), `s${first}`]) {
      const r = await get(`/api/stories/${ref}`);
      expect(r.status).toBe(200);
      const story = r.body.story as { id: number; members: unknown[]; families: unknown[] };
      const composite = r.body.composite as { format: string; sentences: { citations: unknown[] }[]; disclosure: string };
      expect(story.id).toBe(first);
      expect(story.members).toHaveLength(8);
      expect(story.families).toHaveLength(4);
      expect(composite.format).toBe('roundup.composite');
      expect(composite.sentences.length).toBeGreaterThan(3);
      expect(composite.sentences.every((s) => s.citations.length > 0)).toBe(true);
      expect(composite.disclosure).toMatch(/Roundup/);
    }
    const missing = await get('/api/stories/99999');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/application\/json/);
    expect(missing.body.error).toMatch(/no story s99999/);
    const bad = await get('/api/stories/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/positive whole number/);
  });

  it('GET /api/articles lists the latest articles; /api/articles/:id gives one with its stories', async () => {
    const r = await get('/api/articles?limit=3');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(11);
    const rows = r.body.articles as { id: number; title: string; words: number }[];
    expect(rows).toHaveLength(3);
    const one = await get(`/api/articles/${rows[0]!.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: rows[0]!.id, title: rows[0]!.title, raw: `/articles/${rows[0]!.id}/raw` });
    expect(typeof one.body.text).toBe('string');
    expect(Array.isArray(one.body.removed)).toBe(true);
    expect((one.body.stories as unknown[]).length).toBe(1);
    expect((await get('/api/articles/424242')).status).toBe(404);
    expect((await get('/api/articles/-1')).status).toBe(400);
    expect((await get('/api/articles/1e3')).status).toBe(400);
    expect((await get('/api/articles?limit=-5')).status).toBe(400);
  });

  it('GET /api/search finds stories and articles; no query is a 400', async () => {
    const r = await get('/api/search?q=reservoir%20gate');
    expect(r.status).toBe(200);
    expect((r.body.stories as unknown[]).length).toBeGreaterThan(0);
    expect((r.body.articles as { snippet: string }[])[0]!.snippet).not.toMatch(/[\u0002\u0003]/);
    expect((await get('/api/search?q="AND(')).status).toBe(200);
    expect((await get('/api/search')).status).toBe(400);
  });

  it('GET /api/openapi.json describes every endpoint', async () => {
    const r = await get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/stories', '/api/stories/{id}', '/api/articles', '/api/articles/{id}', '/api/audit', '/api/ingest', '/api/openapi.json']),
    );
  });

  it('unknown /api/ paths and methods answer JSON 404s', async () => {
    const r = await get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/no endpoint/);
    const g = await get('/api/ingest');
    expect(g.status).toBe(404);
  });

  describe('POST /api/audit', () => {
    const copied = 'Marrowby Town Council said 1,400 people had been evacuated from the Quayside and Millbrook districts by early Tuesday.';
    const changed = 'Marrowby Town Council said 9,400 people had been evacuated from the Quayside and Millbrook districts by early Tuesday.';

    it('checks each sentence against stored and pasted sources', async () => {
      const a = ((await get('/api/search?q=1,400%20evacuated%20Quayside')).body.articles as { id: number }[])[0]!.id;
      const res = await post('/api/audit', { article: `${copied} ${changed}`, sources: [{ articleId: a }, { id: 'note', text: 'The bridge reopened on Friday.' }] });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { summary: { supported: number; contradicted: number; total: number }; sentences: { verdict: string; evidence: { sourceId: string }[] }[]; sources: { id: string }[] };
      expect(body.summary.total).toBe(2);
      expect(body.sentences[0]!.verdict).toBe('supported');
      expect(body.sentences[0]!.evidence[0]!.sourceId).toBe(String(a));
      expect(body.sentences[1]!.verdict).toBe('contradicted');
      expect(body.sources.map((s) => s.id)).toEqual([String(a), 'note']);
    });

    it('rejects bad input with clear 4xx errors', async () => {
      const cases: [unknown, number, RegExp][] = [
        ['not json', 400, /not valid JSON/],
        [[], 400, /must be an object/],
        [{ sources: [{ text: 'x' }] }, 400, /"article"/],
        [{ article: 'A claim.', sources: [] }, 400, /"sources"/],
        [{ article: 'A claim.', sources: [{}] }, 400, /sources\[0\]/],
        [{ article: 'A claim.', sources: [{ articleId: 'abc' }] }, 400, /articleId/],
        [{ article: 'A claim.', sources: [{ articleId: 987654 }] }, 404, /no stored article/],
        [{ article: 'A claim.', published: 'not a date', sources: [{ text: 'x' }] }, 400, /published/],
        [{ article: 'A claim.', sources: Array.from({ length: 51 }, () => ({ text: 'x' })) }, 400, /at most 50/],
      ];
      for (const [body, status, msg] of cases) {
        const res = await post('/api/audit', body);
        expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(status);
        expect(((await res.json()) as { error: string }).error).toMatch(msg);
      }
      const wrongType = await post('/api/audit', { article: 'x', sources: [{ text: 'x' }] }, { ...auth, 'Content-Type': 'text/plain' });
      expect(wrongType.status).toBe(415);
    });

    it('needs the token: 401 without or with a wrong one, 403 when no token is configured', async () => {
      const body = { article: copied, sources: [{ text: copied }] };
      const none = await post('/api/audit', body, json);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: string }).error).toMatch(/missing token/);
      const wrong = await post('/api/audit', body, { ...json, Authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: string }).error).toMatch(/wrong token/);
      const disabled = await post('/api/audit', body, { ...auth, ...json }, off);
      expect(disabled.status).toBe(403);
      expect(((await disabled.json()) as { error: string }).error).toMatch(/off/);
    });

    it('refuses bodies over the size limit', async () => {
      const small = createApp({ store: t.store, token: TOKEN, limits: { audit: 200 } });
      const res = await post('/api/audit', { article: 'x'.repeat(500), sources: [{ text: 'y' }] }, { ...auth, ...json }, small);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: string }).error).toMatch(/limit/);
    });
  });

  describe('POST /api/ingest', () => {
    it('stores records through the ingest pipeline, reclusters and shows the new story', async () => {
      const record = {
        url: 'https://gazette.example/2026/03/12/lighthouse',
        publisher: 'Brenn Island Gazette',
        published: '2026-03-12T09:00:00Z',
        title: 'Brenn lighthouse keeper retires after 41 years',
        text: 'Brenn lighthouse keeper Ola Tveit retired on Thursday after 41 years at the light, the island council said.\n\nThe council said the lighthouse would be run remotely from the harbour office from April.',
      };
      const res = await post('/api/ingest?wait=true', [record, { url: 'https://gazette.example/empty' }]);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { totals: { stored: number; failed: number }; outcomes: { status: string; error?: string }[]; cluster: { stories: number } };
      expect(body.totals).toMatchObject({ stored: 1, failed: 1 });
      expect(body.outcomes[1]!.error).toMatch(/neither "html" nor "text"/);
      expect(body.cluster.stories).toBe(5);
      const stories = (await get('/api/stories')).body.stories as { headline: string }[];
      expect(stories.some((s) => /lighthouse/i.test(s.headline))).toBe(true);
      const again = await post('/api/ingest', record);
      expect(((await again.json()) as { totals: { unchanged: number } }).totals.unchanged).toBe(1);
    });

    it('answers at once (202) and reclusters off the request thread, in a worker on the store file', async () => {
      const rec = (n: number) => ({
        url: `https://gazette.example/2026/03/1${n + 2}/item`,
        publisher: n === 1 ? 'Brenn Island Gazette' : 'Tolland Weekly',
        published: `2026-03-1${n + 2}T09:00:00Z`,
        title: n === 1 ? 'Brenn harbour crane toppled by gale' : 'Tolland school gets new roof before winter',
        text:
          n === 1
            ? 'A gale toppled the old harbour crane on Brenn on Friday, the harbour master said, and nobody was hurt.\n\nThe crane had stood on the north quay since 1961.'
            : 'Builders finished a new slate roof on the Tolland village school on Saturday, the county education office said.\n\nPupils return to their classrooms after the half-term holiday.',
      });
      const first = await post('/api/ingest', rec(1));
      expect(first.status).toBe(202);
      expect(((await first.json()) as { cluster: { queued: boolean; run: number } }).cluster).toMatchObject({ queued: true });
      // A later request that waits sees everything stored before it reclustered, the first record's story included.
      const second = await post('/api/ingest?wait=true', rec(2));
      expect(second.status).toBe(200);
      expect(((await second.json()) as { cluster: { queued: boolean; stories: number } }).cluster.queued).toBe(false);
      const headlines = ((await get('/api/stories?limit=100')).body.stories as { headline: string }[]).map((s) => s.headline);
      expect(headlines).toEqual(expect.arrayContaining(['Brenn harbour crane toppled by gale', 'Tolland school gets new roof before winter']));
    });

    it('rejects bad input, a missing token, a server without token, and oversized bodies', async () => {
      expect((await post('/api/ingest', '{"url":')).status).toBe(400);
      expect((await post('/api/ingest', [])).status).toBe(400);
      expect((await post('/api/ingest', [1, 2])).status).toBe(400);
      const allBad = await post('/api/ingest', { url: 'https://x.example/a', published: 'yesterday-ish', text: 'Some text here.' });
      expect(allBad.status).toBe(400);
      expect(((await allBad.json()) as { outcomes: { error: string }[] }).outcomes[0]!.error).toMatch(/published/);
      expect((await post('/api/ingest', { text: 'x' }, json)).status).toBe(401);
      expect((await post('/api/ingest', { text: 'x' }, { ...json, Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
      expect((await post('/api/ingest', { text: 'x' }, { ...auth, ...json }, off)).status).toBe(403);
      const small = createApp({ store: t.store, token: TOKEN, limits: { ingest: 100 } });
      expect((await post('/api/ingest', { text: 'y'.repeat(200) }, { ...auth, ...json }, small)).status).toBe(413);
    });

    it('rate-limits write requests per client', async () => {
      const limited = createApp({ store: t.store, token: TOKEN, rateLimit: { capacity: 2, perMinute: 1 } });
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await post('/api/audit', { article: 'A claim here.', sources: [{ text: 'A claim here.' }] }, { ...auth, ...json }, limited)).status);
      expect(codes).toEqual([200, 200, 429]);
      const last = await post('/api/audit', { article: 'A claim.', sources: [{ text: 'A claim.' }] }, { ...auth, ...json }, limited);
      expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
      // Wrong tokens use up the bucket too, so a token cannot be guessed quickly.
      const guessed = createApp({ store: t.store, token: TOKEN, rateLimit: { capacity: 2, perMinute: 1 } });
      const guesses: number[] = [];
      for (let i = 0; i < 3; i++) guesses.push((await post('/api/ingest', { text: 'x' }, { ...json, Authorization: `Bearer guess${i}` }, guessed)).status);
      expect(guesses).toEqual([401, 401, 429]);
    });
  });
});
