/** The JSON API under /api/ (described at /api/openapi.json). */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Source } from '../../ingest/context.js';
import { jsonRecords } from '../../ingest/records.js';
import { editionsOf } from '../../pipeline/editions.js';
import { ingestEvents, type IngestOutcome } from '../../pipeline/ingest.js';
import { toJson } from '../../publish/json.js';
import type { StorySummary } from '../../store/clusters.js';
import { HIT_END, HIT_START } from '../../store/search.js';
import { AuditInputError, MAX_AUDIT_SOURCES, runAudit } from '../audit.js';
import { fail, intParam, parseId, rateLimit, requireToken, type Env } from '../http.js';
import { openApi } from '../openapi.js';
import type { ReaderState } from '../state.js';
import { outletCounts, PAGE_SIZE, storyCard, storylineSizes } from '../stories.js';

/** Most records one POST /api/ingest may carry. */
const MAX_INGEST_RECORDS = 1000;
const MAX_LIMIT = 500;

const storyRef = (id: number): string => `s${id}`;

function storyJson(s: StorySummary): Record<string, unknown> {
  return { id: s.id, ref: storyRef(s.id), title: s.title, articles: s.articles, families: s.families, first: s.first, last: s.last, storyline: s.storyline, url: `/stories/${s.id}` };
}

/** `limit` and `offset` query parameters, or an error message. */
function paging(c: Context<Env>): { limit: number; offset: number } | string {
  const limit = intParam(c.req.query('limit'), MAX_LIMIT);
  const offset = intParam(c.req.query('offset'), 1e9);
  if (limit === null || limit === 0) return `limit must be a whole number from 1 to ${MAX_LIMIT}`;
  if (offset === null) return 'offset must be a whole number from 0';
  return { limit: limit ?? PAGE_SIZE, offset: offset ?? 0 };
}

/** The request body as JSON, or an error answer. */
async function jsonBody(c: Context<Env>): Promise<{ value: unknown } | Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return fail(c, 415, 'send the body as JSON (Content-Type: application/json)');
  const text = await c.req.text();
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return fail(c, 400, `the body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The write endpoints' guards: rate limit first (wrong tokens count too, so guessing is slow), token, body size. */
function writeGuards(maxSize: number, what: string): [MiddlewareHandler<Env>, MiddlewareHandler<Env>, MiddlewareHandler<Env>] {
  return [rateLimit(), requireToken(), bodyLimit({ maxSize, onError: (c) => fail(c, 413, `the body is over the ${maxSize}-byte limit of ${what}`) })];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function apiRoutes(state: ReaderState): Hono<Env> {
  const api = new Hono<Env>();

  api.get('/openapi.json', (c) => c.json(openApi()));

  api.get('/stories', (c) => {
    const p = paging(c);
    if (typeof p === 'string') return fail(c, 400, p);
    const all = state.clusters.listStories();
    const sizes = storylineSizes(state);
    const outlets = outletCounts(state);
    const stories = all.slice(p.offset, p.offset + p.limit).map((s) => {
      const card = storyCard(state, s, sizes, outlets);
      return { ...storyJson(s), outlets: card.outlets, headline: card.headline, lede: card.lede, storylineStories: card.storylineSize };
    });
    return c.json({ total: all.length, offset: p.offset, limit: p.limit, stories });
  });

  api.get('/stories/:id', (c) => {
    const id = parseId(c.req.param('id'), 's');
    if (id === null) return fail(c, 400, `story id must be a positive whole number or s<N>, got "${c.req.param('id').slice(0, 40)}"`);
    const d = state.clusters.getStory(id);
    const composite = d ? state.composite(id) : null;
    if (!d || !composite) return fail(c, 404, `no story ${storyRef(id)}`);
    return c.json({
      story: { ...storyJson(d), members: d.members, families: d.familyDetails, storylineStories: d.storylineStories.map(storyJson) },
      composite: toJson(composite),
    });
  });

  api.get('/stories/:id/editions', (c) => {
    const id = parseId(c.req.param('id'), 's');
    if (id === null) return fail(c, 400, `story id must be a positive whole number or s<N>, got "${c.req.param('id').slice(0, 40)}"`);
    const { editions } = editionsOf(state.store, id);
    if (!editions.length && state.computedAt(id) === null) return fail(c, 404, `no story ${storyRef(id)}`);
    return c.json({ editions });
  });

  api.get('/articles', (c) => {
    const p = paging(c);
    if (typeof p === 'string') return fail(c, 400, p);
    const rows = state.store.articles.list({ limit: p.limit, offset: p.offset });
    const total = state.store.articles.count();
    return c.json({ total, offset: p.offset, limit: p.limit, articles: rows.map((a) => ({ ...a, url: `/articles/${a.id}` })) });
  });

  api.get('/articles/:id', (c) => {
    const id = parseId(c.req.param('id'));
    if (id === null) return fail(c, 400, `article id must be a positive whole number, got "${c.req.param('id').slice(0, 40)}"`);
    const a = state.store.articles.get(id);
    if (!a) return fail(c, 404, `no article ${id}`);
    const stories = state.store.db.prepare<[number], { id: number }>('SELECT story_id AS id FROM story_members WHERE article_id = ? ORDER BY story_id').all(id);
    return c.json({ ...a, stories: stories.map((s) => ({ id: s.id, ref: storyRef(s.id), url: `/stories/${s.id}` })), raw: `/articles/${id}/raw` });
  });

  api.get('/search', (c) => {
    const q = c.req.query('q');
    if (q === undefined || !q.trim()) return fail(c, 400, 'give the words to search for as ?q=');
    const limit = intParam(c.req.query('limit'), 100);
    if (limit === null || limit === 0) return fail(c, 400, 'limit must be a whole number from 1 to 100');
    const r = state.search.search(q.slice(0, 500), { limit: limit ?? 20 });
    const plain = (s: string): string => s.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
    return c.json({ ...r, articles: r.articles.map((a) => ({ ...a, snippet: plain(a.snippet) })) });
  });

  api.post(
    '/audit',
    ...writeGuards(state.limits.audit, 'an audit'),
    async (c) => {
      const body = await jsonBody(c);
      if (body instanceof Response) return body;
      const v = body.value;
      if (!isObject(v)) return fail(c, 400, 'the body must be an object {article, sources:[{articleId} | {id?, text}], published?}');
      if (typeof v.article !== 'string' || !v.article.trim()) return fail(c, 400, '"article" must be the non-empty text of the article to audit');
      if (v.published !== undefined && v.published !== null && (typeof v.published !== 'string' || Number.isNaN(Date.parse(v.published)))) return fail(c, 400, '"published" must be a date (ISO 8601)');
      if (!Array.isArray(v.sources) || v.sources.length === 0) return fail(c, 400, '"sources" must be a non-empty array of {articleId} or {id?, text}');
      if (v.sources.length > MAX_AUDIT_SOURCES) return fail(c, 400, `at most ${MAX_AUDIT_SOURCES} sources per audit`);
      const storedIds: number[] = [];
      const pasted: { id?: string; text: string }[] = [];
      for (const [i, s] of (v.sources as unknown[]).entries()) {
        if (!isObject(s)) return fail(c, 400, `sources[${i}] must be an object`);
        if (s.articleId !== undefined) {
          const id = typeof s.articleId === 'number' || typeof s.articleId === 'string' ? parseId(String(s.articleId)) : null;
          if (id === null) return fail(c, 400, `sources[${i}].articleId must be a stored article id (a positive whole number)`);
          storedIds.push(id);
        } else if (typeof s.text === 'string' && s.text.trim()) {
          if (s.id !== undefined && (typeof s.id !== 'string' || !s.id.trim() || s.id.length > 200)) return fail(c, 400, `sources[${i}].id must be a short non-empty string`);
          pasted.push({ ...(typeof s.id === 'string' ? { id: s.id } : {}), text: s.text });
        } else return fail(c, 400, `sources[${i}] needs "articleId" or a non-empty "text"`);
      }
      try {
        const run = runAudit(state.store, { text: v.article, published: typeof v.published === 'string' ? v.published : null, storedIds, pasted });
        return c.json({ summary: run.result.summary, sentences: run.result.sentences, sources: run.sources });
      } catch (e) {
        if (e instanceof AuditInputError) return fail(c, e.status, e.message);
        throw e;
      }
    },
  );

  api.post(
    '/ingest',
    ...writeGuards(state.limits.ingest, 'an ingest'),
    async (c) => {
      const body = await jsonBody(c);
      if (body instanceof Response) return body;
      const v = body.value;
      const records = Array.isArray(v) ? v : [v];
      if (records.length === 0) return fail(c, 400, 'the array holds no records');
      if (records.length > MAX_INGEST_RECORDS) return fail(c, 400, `at most ${MAX_INGEST_RECORDS} records per request`);
      if (!records.every(isObject)) return fail(c, 400, 'the body must be a record {url, html|text, publisher?, published?, title?, byline?} or an array of them');
      const fetchedAt = new Date().toISOString();
      const source: Source = { input: 'request', via: 'record', locator: `api:ingest@${fetchedAt}`, url: null, charset: 'utf-8', mediaType: 'application/json', name: null, fetchedAt };
      const outcomes: IngestOutcome[] = [];
      // The records go through the same parsing, storage and extraction as `roundup ingest records.json`.
      const totals = await ingestEvents(state.store, jsonRecords(Buffer.from(JSON.stringify(records), 'utf8'), source), { onOutcome: (o) => outcomes.push(o) });
      // Families, stories and editions are recomputed off the request thread; `?wait=true` answers once that is done.
      let cluster: Record<string, unknown> | null = null;
      if (totals.stored > 0) {
        const run = state.recluster.request();
        if (/^(1|true|yes)$/i.test(c.req.query('wait') ?? '')) {
          await state.recluster.idle();
          const last = state.recluster.last;
          cluster = last && last.ok ? { queued: false, run, ...last.cluster, editions: last.editions } : { queued: false, run, error: last && !last.ok ? last.error : 'unknown' };
        } else cluster = { queued: true, run };
      }
      const status = totals.failed > 0 && totals.stored + totals.unchanged === 0 ? 400 : cluster?.queued ? 202 : 200;
      return c.json({ ...(status === 400 ? { error: 'no record could be stored; see outcomes', status } : {}), totals, outcomes, cluster }, status);
    },
  );

  return api;
}
