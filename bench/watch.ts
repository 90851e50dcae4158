/**
 * `npm run bench:watch`: the cost of one `roundup watch` cycle that brings 20 new articles, against a store of 1,000
 * and of 20,000 articles, reported as medians and as the ratio of the larger store's cycle to the smaller's (the
 * bar, per #15: close to 1, the cost growing with the new articles and not with the store).
 *
 * Data: invented, generated here (never copied): events in made-up places, each with its own made-up words and
 * reported by about five made-up outlets in sentences drawn from those words, written straight into the store (raw record + article, no extraction: building a
 * 20,000-article store through the extractor would take most of the run). The store is clustered once and every
 * story marked composed; then each measured cycle is `runCycle` on a feed (a local file) of 20 entries whose pages an
 * in-process HTTP server on 127.0.0.1 serves: half join existing events, half are new events. Reported per cycle:
 * wall time, and its parts (the recluster as the cycle logs it, and whether it stepped online or fell back to full).
 *
 * Usage: node dist/bench/watch.js [--sizes 1000,20000] [--cycles 3] [--seed 1] [--keep]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractedArticle } from '../src/extract/types.js';
import { rawDocument } from '../src/ingest/context.js';
import { storyInputKeys } from '../src/pipeline/editions.js';
import { updateClusters } from '../src/pipeline/online.js';
import { EditionStore } from '../src/store/editions.js';
import { Store } from '../src/store/index.js';
import { runCycle, type WatchEvent } from '../src/watch/cycle.js';
import { HostGate } from '../src/watch/hosts.js';
import { mulberry32 } from '../test/helpers/random.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const sizes = arg('sizes', '1000,20000').split(',').map(Number);
const cycles = Number(arg('cycles', '3'));
const seed = Number(arg('seed', '1'));
/** `--keep`: leave each store on disk (its path printed) for profiling. */
const keep = process.argv.includes('--keep');
const PER_EVENT = 5;
const NEW = 20;

const SYL = ['ka', 'lo', 'ren', 'ta', 'vik', 'mar', 'sel', 'dun', 'bri', 'ost', 'fel', 'gar', 'hul', 'nes', 'pol', 'quin', 'rav', 'sto', 'tor', 'ul', 'wen', 'yr', 'zan', 'bel'];

function wordOf(rand: () => number, n = 2): string {
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

interface Event {
  place: string;
  person: string;
  /** The event's own invented words: its reports draw on them, other events' reports do not. */
  words: string[];
  day: string;
}

const COMMON = ['the', 'of', 'and', 'in', 'to', 'a', 'on', 'said', 'was', 'for', 'with', 'after', 'by', 'at', 'from', 'officials', 'council', 'residents', 'week', 'town'];

function eventOf(rand: () => number, i: number): Event {
  const day = new Date(Date.UTC(2030, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  return { place: wordOf(rand, 3), person: `${wordOf(rand)} ${wordOf(rand, 3)}`, words: Array.from({ length: 40 }, () => wordOf(rand, 2 + Math.floor(rand() * 2)).toLowerCase()), day };
}

/** A report: sentences of the event's words and common words in random order, naming the place and the person. */
function reportOf(e: Event, rand: () => number, outlet: string): { title: string; paragraphs: string[] } {
  const pick = (xs: readonly string[]): string => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (): string => {
    const n = 10 + Math.floor(rand() * 8);
    const ws = Array.from({ length: n }, () => (rand() < 0.55 ? pick(e.words) : pick(COMMON)));
    ws.splice(Math.floor(rand() * n), 0, rand() < 0.5 ? e.place : e.person);
    const s = ws.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  };
  const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 3) }, () => `${sentence()} ${sentence()}`);
  paragraphs.push(`${outlet} reported from ${e.place}.`);
  return { title: `${e.place}: ${pick(e.words)} ${pick(e.words)} ${pick(e.words)}`, paragraphs };
}

function extracted(title: string, paragraphs: string[], publisher: string, published: string, url: string): ExtractedArticle {
  return {
    title, titleFoundBy: null, byline: null, bylineFoundBy: null, publisher, publisherFoundBy: null, via: null, viaFoundBy: null,
    published, publishedFoundBy: null, publishedRelative: null, language: 'en', languageFoundBy: null, url, canonicalUrl: url, leadImage: null,
    paragraphs, captions: [], removed: [], warnings: [], extractor: 'bench',
  } as ExtractedArticle;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function measure(size: number): Promise<{ size: number; ms: number[]; clusterMs: number[] }> {
  const rand = mulberry32(seed);
  const dir = mkdtempSync(join(tmpdir(), 'roundup-bench-watch-'));
  const store = Store.open(join(dir, 'r.db'));
  const events: Event[] = [];
  const t0 = performance.now();
  store.db.transaction(() => {
    for (let i = 0; i < size; i++) {
      if (i % PER_EVENT === 0) events.push(eventOf(rand, events.length));
      const e = events[events.length - 1]!;
      const outlet = `${wordOf(rand)} Post`;
      const r = reportOf(e, rand, outlet);
      const url = `https://news${i % 50}.example/${i}.html`;
      const bytes = Buffer.from(`<!doctype html><title>${esc(r.title)}</title>${r.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}<!-- ${i} -->`);
      const put = store.raw.put(rawDocument({ kind: 'document', bytes, mediaType: 'text/html', origin: { via: 'url', locator: url }, url, fetchedAt: '2031-01-01T00:00:00Z' }));
      store.articles.save(put.id, extracted(r.title, r.paragraphs, outlet, `${e.day}T09:00:00Z`, url));
    }
  })();
  // The watch process's first cycle: the full clustering, which leaves the online state (pipeline/online.ts) that
  // the measured cycles step from. A process's first cycle (and every `watch --once`) pays the full clustering.
  updateClusters(store);
  const editions = new EditionStore(store.db);
  for (const [id, key] of storyInputKeys(store)) editions.setInputKey(id, key, '2031-01-01T00:00:00Z');
  process.stderr.write(`bench:watch: store of ${size} articles ready in ${Math.round(performance.now() - t0)} ms\n`);

  let pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' });
    res.end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ms: number[] = [];
  const clusterMs: number[] = [];
  const modes: string[] = [];
  const gate = new HostGate(2, 0);
  for (let c = 0; c < cycles; c++) {
    pages = new Map();
    const items: string[] = [];
    for (let k = 0; k < NEW; k++) {
      const e = k % 2 === 0 ? events[Math.floor(rand() * events.length)]! : eventOf(rand, events.length + c * NEW + k);
      const r = reportOf(e, rand, `${wordOf(rand)} Herald`);
      const path = `/c${c}/${k}.html`;
      pages.set(path, `<!doctype html><html lang="en"><head><title>${esc(r.title)}</title><meta property="article:published_time" content="${e.day}T12:00:00Z"></head><body><article><h1>${esc(r.title)}</h1>${r.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`);
      items.push(`<item><title>${esc(r.title)}</title><link>${base}${path}</link><pubDate>${new Date(`${e.day}T12:00:00Z`).toUTCString()}</pubDate></item>`);
    }
    const feed = join(dir, `feed${c}.xml`);
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title><link>${base}/</link><description>x</description>${items.join('')}</channel></rss>`);
    let cluster = 0;
    const t = performance.now();
    const totals = await runCycle(store, [{ ref: feed, from: feed, kind: 'file' }], {
      everyS: 60,
      allowPrivate: true,
      gate,
      log: (e: WatchEvent) => {
        if (e.event === 'cluster') {
          cluster = e.ms;
          modes.push(e.mode);
        }
      },
    });
    ms.push(performance.now() - t);
    clusterMs.push(cluster);
    if (totals.stored !== NEW) throw new Error(`bench:watch: cycle ${c} stored ${totals.stored} of ${NEW} articles`);
  }
  await new Promise<void>((r) => server.close(() => r()));
  store.close();
  if (keep) process.stderr.write(`bench:watch: kept the store of ${size} articles at ${join(dir, 'r.db')}\n`);
  else rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`bench:watch: store of ${size}: cluster steps ${modes.join(', ')}\n`);
  return { size, ms, clusterMs };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const results = [];
for (const size of sizes) results.push(await measure(size));
console.log(`bench:watch — one cycle of ${NEW} new articles (median of ${cycles})`);
console.log('store articles | cycle ms | of which recluster ms');
for (const r of results) console.log(`${String(r.size).padStart(14)} | ${Math.round(median(r.ms)).toString().padStart(8)} | ${Math.round(median(r.clusterMs)).toString().padStart(8)}`);
const first = results[0]!;
for (const r of results.slice(1)) {
  console.log(`ratio ${r.size} / ${first.size}: cycle ${(median(r.ms) / median(first.ms)).toFixed(2)}, recluster ${(median(r.clusterMs) / Math.max(1, median(first.clusterMs))).toFixed(2)}`);
}
process.exit(0);
