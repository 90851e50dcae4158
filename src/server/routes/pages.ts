/** HTML pages: front page, story, article (and its raw record), audit, search. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AuditInputError, runAudit, splitPasted, uploadedArticle, type AuditRun } from '../audit.js';
import { fail, intParam, parseId, rateLimit, type Env } from '../http.js';
import { outletCounts, PAGE_SIZE, storyCard, storylineSizes } from '../stories.js';
import { articlePage, type Passage } from '../views/article.js';
import { auditPage, type AuditFormValues } from '../views/audit.js';
import { frontPage } from '../views/front.js';
import { searchPage } from '../views/search.js';
import { editionsOf } from '../../pipeline/editions.js';
import { storyPage } from '../views/story.js';
import { storylinePage } from '../views/storyline.js';
import { plural } from '../views/layout.js';
import { composeOverview, MIN_OVERVIEW_DEVELOPMENTS } from '../../compose/overview.js';
import { composeStoredOverview, developmentsOverviewInput } from '../../pipeline/composite.js';
import type { StoredArticle } from '../../store/index.js';
import type { ReaderState } from '../state.js';

/** Stored articles offered as sources on the audit page. */
const AUDIT_SOURCE_CHOICES = 300;
/** Multipart framing around the fields, on top of the audit size limit. */
const MULTIPART_SLACK = 16 * 1024;

export function pageRoutes(state: ReaderState): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/', (c) => {
    const all = state.clusters.listStories();
    const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
    const p = intParam(c.req.query('page'), 1_000_000);
    if (p === null || p === 0 || (p !== undefined && p > pages)) return fail(c, 404, `no page ${c.req.query('page') ?? ''} of stories (there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`})`);
    const pageNo = p ?? 1;
    const sizes = storylineSizes(state);
    const outlets = outletCounts(state);
    const cards = all.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE).map((s) => storyCard(state, s, sizes, outlets));
    return c.html(frontPage(cards, { page: pageNo, pages, total: all.length }));
  });

  app.get('/stories/:id', async (c) => {
    const id = parseId(c.req.param('id'), 's');
    // The story's details (members, what each version adds) are read only when the page is rendered, once per
    // recomputation: they cost text analysis.
    const page = id === null ? undefined : await state.renderedPage(id, 'story', (composite) => {
      const detail = state.clusters.getStory(id);
      return detail ? storyPage(composite, detail, editionsOf(state.store, id).editions) : '';
    });
    if (!page) return fail(c, 404, `no story "${c.req.param('id')}"`);
    return c.html(page);
  });

  // A storyline's overview (the latest state, then each story under its date), and one story's overview of its days.
  app.get('/storylines/:id', (c) => {
    const id = parseId(c.req.param('id'), 'l');
    const composite = id === null ? null : composeStoredOverview(state.store, id);
    if (!composite) return fail(c, 404, `no storyline "${c.req.param('id')}"`);
    return c.html(storylinePage(composite, { title: `Storyline overview of ${plural(composite.timeline.length, 'story', 'stories')}` }));
  });

  app.get('/stories/:id/overview', (c) => {
    const id = parseId(c.req.param('id'), 's');
    const detail = id === null ? null : state.clusters.getStory(id);
    const input = detail ? developmentsOverviewInput(state.store, detail) : null;
    if (!detail || !input) return fail(c, 404, `no overview of story "${c.req.param('id')}" (a story has one when it developed over ${MIN_OVERVIEW_DEVELOPMENTS} or more days)`);
    return c.html(storylinePage(composeOverview(input), { title: `Overview of ${plural(input.units.length, 'day')}`, storyId: detail.id }));
  });

  app.get('/articles/:id', (c) => {
    const id = parseId(c.req.param('id'));
    const a = id === null ? null : state.store.articles.get(id);
    if (!a) return fail(c, 404, `no article "${c.req.param('id')}"`);
    const { passage, notice } = articlePassage(a, c.req.query('caption'), c.req.query('start'), c.req.query('end'));
    const stories = state.store.db
      .prepare<[number], { id: number; title: string | null }>('SELECT s.id, s.title FROM story_members m JOIN stories s ON s.id = m.story_id WHERE m.article_id = ? ORDER BY s.id')
      .all(a.id);
    return c.html(articlePage(a, passage, notice, stories));
  });

  app.get('/articles/:id/raw', (c) => {
    const id = parseId(c.req.param('id'));
    const raw = id === null ? null : state.store.raw.get(id);
    if (!raw) return fail(c, 404, `no raw record "${c.req.param('id')}"`);
    const charset = raw.charset && /^[\w.:-]{1,40}$/.test(raw.charset) ? raw.charset : 'utf-8';
    // Always plain text, never rendered: the bytes are the outlet's, exactly as received.
    c.header('Content-Type', `text/plain; charset=${charset}`);
    c.header('Content-Disposition', 'inline');
    c.header('Content-Security-Policy', "sandbox; default-src 'none'");
    return c.body(new Uint8Array(raw.bytes));
  });

  app.get('/search', (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 500);
    return c.html(searchPage(state.search.search(q)));
  });

  app.get('/audit', (c) => c.html(auditPage(auditChoices(state), { article: '', sourceText: '', picked: new Set() }, null, null)));

  app.post(
    '/audit',
    rateLimit(),
    bodyLimit({ maxSize: state.limits.audit + MULTIPART_SLACK, onError: (c) => fail(c, 413, `the form is over the ${state.limits.audit}-byte limit of an audit`) }),
    async (c) => {
      let form: Record<string, string | File | (string | File)[]>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        return fail(c, 400, 'could not read the form (send it as multipart/form-data or application/x-www-form-urlencoded)');
      }
      const one = (k: string): string | File | undefined => {
        const v = form[k];
        return Array.isArray(v) ? v[0] : v;
      };
      const text = (k: string): string => {
        const v = one(k);
        return typeof v === 'string' ? v : '';
      };
      const values: AuditFormValues = { article: text('article'), sourceText: text('sourceText'), picked: new Set() };
      const sourceValues = ([] as (string | File)[]).concat(form.source ?? []);
      const storedIds: number[] = [];
      let error: string | null = null;
      for (const v of sourceValues) {
        const id = typeof v === 'string' ? parseId(v) : null;
        if (id === null) error = `"${typeof v === 'string' ? v.slice(0, 40) : 'a file'}" is not an article id`;
        else storedIds.push(id);
      }
      storedIds.forEach((id) => values.picked.add(id));
      let run: AuditRun | null = null;
      let status: 200 | 400 | 404 | 413 = 200;
      if (!error) {
        try {
          let article: { text: string; published: string | null } = { text: values.article, published: null };
          const file = one('articleFile');
          if (!values.article.trim() && file instanceof File && file.size > 0) article = await uploadedArticle(new Uint8Array(await file.arrayBuffer()), file.name || null);
          if (article.text.length + values.sourceText.length > state.limits.audit) throw new AuditInputError(`the article and pasted sources are over the ${state.limits.audit}-character limit of an audit`, 413);
          run = runAudit(state.store, { ...article, storedIds, pasted: splitPasted(values.sourceText).map((t) => ({ text: t })) });
        } catch (e) {
          if (!(e instanceof AuditInputError)) throw e;
          error = e.message;
          status = e.status;
        }
      } else status = 400;
      return c.html(auditPage(auditChoices(state), values, run, error), status);
    },
  );
  return app;
}

function auditChoices(state: ReaderState) {
  return state.store.articles.list({ limit: AUDIT_SOURCE_CHOICES });
}

/** The passage to mark: `?start&end` in the text, or with `?caption=N` in that caption. */
function articlePassage(a: StoredArticle, caption: string | undefined, start: string | undefined, end: string | undefined): { passage: Passage | null; notice: string | null } {
  if (caption === undefined) return passageOf(start, end, a.text.length);
  const n = intParam(caption, 10_000);
  if (typeof n !== 'number' || n >= a.captions.length) return { passage: null, notice: `The passage to highlight was ignored: the article has no caption ${caption.slice(0, 20)}.` };
  const r = passageOf(start, end, a.captions[n]!.length);
  return r.passage ? { passage: { ...r.passage, caption: n }, notice: null } : r;
}

/** `?start=S&end=E`: integers with 0 <= S < E <= length; anything else is ignored with a notice. */
function passageOf(start: string | undefined, end: string | undefined, length: number): { passage: Passage | null; notice: string | null } {
  if (start === undefined && end === undefined) return { passage: null, notice: null };
  const s = intParam(start, Number.MAX_SAFE_INTEGER);
  const e = intParam(end, Number.MAX_SAFE_INTEGER);
  if (typeof s !== 'number' || typeof e !== 'number') return { passage: null, notice: 'The passage to highlight was ignored: start and end must both be whole numbers.' };
  if (s >= e || e > length) return { passage: null, notice: `The passage to highlight was ignored: it must satisfy 0 ≤ start < end ≤ ${length} (the article's length).` };
  return { passage: { start: s, end: e }, notice: null };
}
