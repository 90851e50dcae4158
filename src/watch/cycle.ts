/**
 * One cycle of `roundup watch`: every feed that is due is fetched (conditionally), the entries not read before are
 * fetched and ingested (each committed as it is stored), then, if anything was stored, families and stories are
 * recomputed and the stories that changed get their next edition.
 *
 * Crash safety: an entry is marked read in the same transaction that marks the store dirty, after its article is
 * stored; a feed's validators (ETag, Last-Modified) are saved only once all its entries were handled. So after a
 * kill -9 the next cycle fetches the feed again in full, reads the entries not yet marked (raw records are keyed by
 * content hash: one stored before the kill is found again, not stored twice), and reclusters when the store is dirty.
 */
import { stat, readFile } from 'node:fs/promises';
import { makeContext, type Context, type Source } from '../ingest/context.js';
import { collectOne } from '../ingest/dispatch.js';
import { InputError } from '../ingest/errors.js';
import { expandFeed } from '../ingest/feeds.js';
import { parseFeed, type FeedEntry } from '../ingest/feed-parse.js';
import { DEFAULT_USER_AGENT, fetchUrl, type Fetched } from '../ingest/fetch.js';
import { sniff } from '../ingest/sniff.js';
import type { FetchOptions, IngestEvent } from '../ingest/types.js';
import { updateClusters } from '../pipeline/online.js';
import { publishEditions, type PublishedEdition } from '../pipeline/editions.js';
import { ingestEvents, type IngestOutcome } from '../pipeline/ingest.js';
import type { Store } from '../store/index.js';
import { WatchStore, type FeedState } from '../store/watch.js';
import type { ExtractBudget } from '../extract/budget.js';
import { hostKey, linkGuard, resolvesPrivate, type Resolver } from './guard.js';
import { HostGate } from './hosts.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsAllows, type RobotsRules } from './robots.js';
import { FAILING_AFTER, intervalAfterFailure, intervalAfterSuccess, retryAfterSeconds } from './schedule.js';
import type { WatchedFeed } from './feeds.js';

export type WatchEvent =
  | { event: 'feed'; feed: string; status: 'not-modified' | 'fetched' | 'not-due'; entries?: number; nextAt: string }
  | { event: 'feed-failed'; feed: string; error: string; kind: string; failures: number; nextAt: string; failing: boolean }
  | { event: 'entry'; feed: string; input: string; status: IngestOutcome['status']; error?: string }
  | { event: 'cluster'; articles: number; stories: number; ms: number; mode: 'full' | 'online'; reason?: string }
  | { event: 'edition'; story: string; n: number; headline: string; summary: string }
  | { event: 'stopped'; reason: string };

export interface CycleOptions {
  /** `--every`, seconds: the shortest interval between two fetches of one feed. */
  everyS: number;
  allowPrivate: boolean;
  fetch?: FetchOptions;
  budget?: Partial<ExtractBudget>;
  /** Per-host politeness (shared across cycles of one process). */
  gate: HostGate;
  /** robots.txt rules per origin (shared across cycles of one process). */
  robots?: Map<string, Promise<RobotsRules>>;
  now?: () => Date;
  /** Entry pages fetched at once per feed (the gate still limits each host). */
  concurrency?: number;
  log?: (e: WatchEvent) => void;
  /** True once a stop was asked for (SIGINT, SIGTERM): the cycle ends after the item in hand. */
  stopping?: () => boolean;
  resolve?: Resolver;
}

export interface CycleTotals {
  feeds: number;
  fetched: number;
  notModified: number;
  failed: number;
  stored: number;
  entriesFailed: number;
  editions: PublishedEdition[];
  stopped: boolean;
}

/** The key an entry is remembered by: its page (or guid) and its date, so a re-dated entry (a correction) is read again. */
export function entryKey(entry: FeedEntry, link: string | null): string {
  return `${link ?? entry.guid ?? entry.title ?? ''}@${entry.published ?? ''}`;
}

const ROBOTS_AGENT = 'Roundup';

/** A page fetch from a feed: the address guard, robots.txt, then the per-host gate around the request itself. */
function pageFetcher(o: CycleOptions, trustedHosts: ReadonlySet<string>, now: () => Date): (link: string) => Promise<Fetched> {
  const guard = linkGuard({ allowPrivate: o.allowPrivate, trustedHosts, ...(o.resolve ? { resolve: o.resolve } : {}) });
  const robots = o.robots ?? new Map<string, Promise<RobotsRules>>();
  const fetchOptions: FetchOptions = { ...o.fetch, guard };
  const rulesFor = (url: URL): Promise<RobotsRules> => {
    let p = robots.get(url.origin);
    if (!p) {
      const robotsUrl = `${url.origin}/robots.txt`;
      p = o.gate
        .run(hostKey(url), () => fetchUrl(robotsUrl, fetchOptions, robotsUrl, now))
        .then((r) => parseRobots(r.bytes.toString('utf8'), ROBOTS_AGENT))
        .catch((e: unknown) => {
          // RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be had disallows everything.
          if (e instanceof InputError && e.kind === 'http-status' && /^HTTP 4\d\d/.test(e.reason)) return ALLOW_ALL;
          if (e instanceof InputError && e.kind === 'blocked') throw e;
          return DISALLOW_ALL;
        });
      robots.set(url.origin, p);
    }
    return p;
  };
  return async (link) => {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new InputError(link, 'invalid-url', `not a valid URL: "${link.slice(0, 200)}"`);
    }
    await guard(url, link);
    const rules = await rulesFor(url);
    if (!robotsAllows(rules, url.pathname + url.search)) throw new InputError(link, 'robots', `${url.origin}/robots.txt disallows ${url.pathname}`);
    return o.gate.run(hostKey(url), () => fetchUrl(link, fetchOptions, link, now));
  };
}

/** Feeds read again next time rather than lost: validators kept only when every entry was handled. */
async function* untilStopped(events: AsyncIterable<IngestEvent>, stopping: () => boolean, stopped: { value: boolean }): AsyncGenerator<IngestEvent> {
  for await (const e of events) {
    if (stopping()) {
      stopped.value = true;
      return;
    }
    yield e;
  }
}

/** Runs one cycle over `feeds`. Never throws for a feed's failure: it is logged and scheduled for a retry. */
export async function runCycle(store: Store, feeds: readonly WatchedFeed[], o: CycleOptions): Promise<CycleTotals> {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? (() => undefined);
  const stopping = o.stopping ?? (() => false);
  const watch = new WatchStore(store.db);
  const totals: CycleTotals = { feeds: feeds.length, fetched: 0, notModified: 0, failed: 0, stored: 0, entriesFailed: 0, editions: [], stopped: false };
  const at = (s: number): string => new Date(now().getTime() + s * 1000).toISOString();

  // Feeds the operator gave on private addresses may link to their own host.
  const trusted = new Set<string>();
  for (const f of feeds) {
    if (f.kind !== 'url') continue;
    const u = new URL(f.ref);
    if (await resolvesPrivate(u, o.resolve)) trusted.add(hostKey(u));
  }
  const fetchPage = pageFetcher(o, trusted, now);

  // Feed fetches run at once (the gate spaces them per host); entries are then read feed by feed.
  const due = feeds.filter((f) => {
    const s = watch.feed(f.ref);
    const isDue = !s.nextAt || Date.parse(s.nextAt) <= now().getTime();
    if (!isDue) log({ event: 'feed', feed: f.ref, status: 'not-due', nextAt: s.nextAt! });
    return isDue;
  });
  const answers = due.map((f) => ({ f, answer: fetchFeed(f, watch.feed(f.ref), o, now) }));
  for (const { f, answer } of answers) {
    if (stopping()) {
      totals.stopped = true;
      break;
    }
    const state = watch.feed(f.ref);
    let got: Fetched;
    try {
      got = await answer;
    } catch (e) {
      const err = e instanceof InputError ? e : new InputError(f.ref, 'unreachable', e instanceof Error ? e.message : String(e));
      const failures = state.failures + 1;
      const next = at(intervalAfterFailure(o.everyS, failures, retryAfterSeconds(err.retryAfter, now())));
      watch.saveFeed({ ...state, failures, lastError: err.message, lastStatus: null, lastAt: now().toISOString(), nextAt: next });
      totals.failed++;
      log({ event: 'feed-failed', feed: f.ref, error: err.message, kind: err.kind, failures, nextAt: next, failing: failures >= FAILING_AFTER });
      continue;
    }
    if (got.status === 304) {
      const next = at(intervalAfterSuccess(o.everyS, state.intervalS, got.headers.cacheControl));
      watch.saveFeed({ ...state, failures: 0, lastError: null, lastStatus: 304, lastAt: now().toISOString(), nextAt: next, etag: got.headers.etag ?? state.etag, lastModified: got.headers.lastModified ?? state.lastModified });
      totals.notModified++;
      log({ event: 'feed', feed: f.ref, status: 'not-modified', nextAt: next });
      continue;
    }
    totals.fetched++;
    let refreshS: number | null = null;
    try {
      refreshS = parseFeed(got.bytes, got.charset, f.ref).refreshSeconds ?? null;
    } catch {
      // Not a feed: expandFeed below names the failure.
    }
    const stopped = { value: false };
    let entries = 0;
    const keys = new Map<string, string>();
    const ctx: Context = {
      ...makeContext({ fetch: o.fetch ?? {}, now, concurrency: o.concurrency ?? 4 }, collectOne),
      fetchPage,
      keepEntry: (entry, link) => {
        const key = entryKey(entry, link);
        if (watch.hasEntry(f.ref, key)) return false;
        if (link) keys.set(link, key);
        entries++;
        return true;
      },
    };
    const source: Source = { input: f.ref, via: f.kind === 'url' ? 'url' : 'file', locator: got.url, url: f.kind === 'url' ? got.url : null, charset: got.charset, mediaType: got.mediaType, name: f.kind === 'file' ? f.ref : null, fetchedAt: got.fetchedAt };
    const sniffed = sniff(got.bytes, { mediaType: got.mediaType, name: f.ref });
    const events: AsyncIterable<IngestEvent> =
      sniffed.format === 'feed' || sniffed.format === 'json-feed'
        ? expandFeed(got.bytes, source, ctx)
        : (async function* () {
            yield { type: 'failure', input: f.ref, error: new InputError(f.ref, 'malformed-feed', `not a feed (it reads as ${sniffed.format === 'unsupported' ? sniffed.reason : sniffed.format})`) } as IngestEvent;
          })();
    let feedError: string | null = null;
    await ingestEvents(
      store,
      untilStopped(events, stopping, stopped),
      {
        onOutcome: (out) => {
          if (out.status === 'expanded') return;
          const key = keys.get(out.input);
          if (out.status === 'failed' && key === undefined) feedError = out.error;
          if (out.status === 'stored' || out.status === 'unchanged') {
            totals.stored += out.status === 'stored' ? 1 : 0;
            store.db.transaction(() => {
              watch.setDirty(true);
              if (key !== undefined) watch.markEntry(f.ref, key, now().toISOString());
            })();
          } else if (out.status === 'failed') {
            totals.entriesFailed++;
            // A link we will never follow is remembered as read; a page that failed is tried again next cycle.
            if (key !== undefined && (out.kind === 'blocked' || out.kind === 'invalid-url')) watch.markEntry(f.ref, key, now().toISOString());
          }
          log({ event: 'entry', feed: f.ref, input: out.input, status: out.status, ...(out.status === 'failed' ? { error: out.error } : {}) });
        },
      },
      o.budget ?? {},
    );
    if (stopped.value || stopping()) {
      totals.stopped = true;
      break;
    }
    if (feedError !== null) {
      const failures = state.failures + 1;
      const next = at(intervalAfterFailure(o.everyS, failures, null));
      watch.saveFeed({ ...state, failures, lastError: feedError, lastStatus: got.status, lastAt: now().toISOString(), nextAt: next });
      totals.failed++;
      log({ event: 'feed-failed', feed: f.ref, error: feedError, kind: 'malformed-feed', failures, nextAt: next, failing: failures >= FAILING_AFTER });
      continue;
    }
    const next = at(intervalAfterSuccess(o.everyS, refreshS, got.headers.cacheControl));
    watch.saveFeed({ url: f.ref, etag: got.headers.etag, lastModified: got.headers.lastModified, nextAt: next, intervalS: refreshS, failures: 0, lastError: null, lastStatus: got.status, lastAt: now().toISOString() });
    log({ event: 'feed', feed: f.ref, status: 'fetched', entries, nextAt: next });
  }
  // Let abandoned feed fetches settle quietly (a stop may leave some unread).
  for (const { answer } of answers) answer.catch(() => undefined);
  if (totals.stopped) {
    log({ event: 'stopped', reason: 'signal' });
    return totals;
  }
  if (watch.isDirty()) {
    // Online after the process's first cycle (pipeline/online.ts); the full recluster when it cannot be.
    const c = updateClusters(store);
    log({ event: 'cluster', articles: c.articles, stories: c.stories, ms: Math.round(c.ms), mode: c.mode, ...(c.reason ? { reason: c.reason } : {}) });
    const e = publishEditions(store, { now });
    watch.setDirty(false);
    totals.editions = e.published;
    for (const p of e.published) log({ event: 'edition', story: `s${p.storyId}`, n: p.n, headline: p.headline, summary: p.summary });
  }
  return totals;
}

/** The feed's bytes, conditionally for a URL (through the gate); a local file is read whole, its mtime as its validator. */
async function fetchFeed(f: WatchedFeed, state: FeedState, o: CycleOptions, now: () => Date): Promise<Fetched> {
  if (f.kind === 'file') {
    const mtime = (await stat(f.ref).catch((e: unknown) => {
      throw new InputError(f.ref, 'not-found', `cannot read the feed file (${(e as { code?: string }).code ?? String(e)})`);
    })).mtime.toUTCString();
    const headers = { etag: null, lastModified: mtime, cacheControl: null, retryAfter: null };
    if (state.lastModified === mtime) return { url: f.ref, status: 304, mediaType: null, charset: null, bytes: Buffer.alloc(0), fetchedAt: now().toISOString(), headers };
    return { url: f.ref, status: 200, mediaType: null, charset: null, bytes: await readFile(f.ref), fetchedAt: now().toISOString(), headers };
  }
  const url = new URL(f.ref);
  return o.gate.run(hostKey(url), () => fetchUrl(f.ref, { ...o.fetch, userAgent: o.fetch?.userAgent ?? DEFAULT_USER_AGENT, conditional: { etag: state.etag, lastModified: state.lastModified } }, f.ref, now));
}
