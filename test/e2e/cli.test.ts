import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, runCliAsync } from './helpers.js';

// Invented pages for these tests (never third-party text).
const PAGE = (title: string, body: string[]): string => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Lakeside Ledger</title><meta property="og:site_name" content="Lakeside Ledger">
<meta property="article:published_time" content="2026-03-10T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${title}</h1>
<p class="byline">By Ada Mbeki</p>${body.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright Lakeside Ledger</footer></body></html>`;

const FERRY = PAGE('Ferry service to Norrholm resumes after storm', [
  'The ferry between Port Vell and Norrholm island resumed on Tuesday morning after three days of cancellations caused by gale-force winds.',
  'Harbour master Ines Calder said the first crossing carried 212 passengers, most of them commuters who had been stranded on the mainland since Saturday.',
  '"We checked every mooring twice before we let the boat out," Ms Calder said. "The crews have been working around the clock."',
  'The operator said timetables would return to normal by Thursday, with two extra evening sailings to clear the backlog of freight.',
]);

const SCRAPE = `Get the Valley Post app
Sign in
Valley Post
Library reopens after flood repairs
By Tomasz Reyes
The central library in Ashby reopened its doors on Monday, eleven months after floodwater ruined its ground floor and most of its children's collection.
Volunteers helped reshelve more than 40,000 books over the weekend, the council said in a statement.
"People kept asking when they could come back, and today they can," chief librarian Wendy Osei said at the ribbon cutting.
The repairs cost 1.2 million pounds, most of it covered by insurance.
Related Stories
Council approves new cycle lanes
Comments`;

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'roundup-cli-'));
  db = join(dir, 'store.db');
  mkdirSync(join(dir, 'corpus', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'corpus', 'ferry.html'), FERRY);
  writeFileSync(join(dir, 'corpus', 'nested', 'library.txt'), SCRAPE);
  writeFileSync(
    join(dir, 'corpus', 'records.jsonl'),
    [
      JSON.stringify({ url: 'https://courier.example/bridge', text: 'The Elm Street bridge will close for repairs on 14 April, the county engineer said on Wednesday. Traffic will be diverted through the ring road for six weeks.', publisher: 'County Courier', published: '2026-03-11' }),
      JSON.stringify({ url: 'https://courier.example/market', html: '<p>The Saturday market moves indoors to the old tram depot from next month, organisers said.</p><p>Forty stalls have already signed up.</p>', publisher: 'County Courier' }),
    ].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0]));
  writeFileSync(join(dir, 'bad.jsonl'), '{"url": "https://x.example/a", "text": "A fine first record about a town fair opening on Friday with music."}\n{"url": "https://x.example/b", "text": \n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('roundup ingest / articles / show / reprocess', () => {
  let ids: number[] = [];

  it('ingests a folder recursively, with records, and lists the articles', () => {
    const r = runCli(['ingest', join(dir, 'corpus'), '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 stored, 0 unchanged, 0 failed/);

    const list = jsonLines<{ id: number; title: string | null; publisher: string | null }>(runCli(['articles', '--db', db, '--json']).stdout);
    expect(list).toHaveLength(4);
    ids = list.map((a) => a.id);
    const titles = list.map((a) => a.title);
    expect(titles).toContain('Ferry service to Norrholm resumes after storm');
    expect(titles).toContain('Library reopens after flood repairs');
    expect(list.find((a) => a.title?.startsWith('Ferry'))?.publisher).toBe('Lakeside Ledger');
  });

  it('stores nothing new when the same bytes come again', () => {
    const r = runCli(['ingest', join(dir, 'corpus'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    const outcomes = jsonLines<{ status: string }>(r.stdout);
    expect(outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(jsonLines(runCli(['articles', '--db', db, '--json']).stdout)).toHaveLength(4);
  });

  it('reads the store path from ROUNDUP_DB', () => {
    const r = runCli(['articles', '--json', '--limit', '2'], { env: { ROUNDUP_DB: db } });
    expect(jsonLines(r.stdout)).toHaveLength(2);
  });

  it('shows a cleaned article with its metadata and what cleaning removed', () => {
    const list = jsonLines<{ id: number; title: string | null }>(runCli(['articles', '--db', db, '--json']).stdout);
    const lib = list.find((a) => a.title === 'Library reopens after flood repairs')!;
    const text = runCli(['show', String(lib.id), '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Volunteers helped reshelve more than 40,000 books');
    expect(text.stdout).toMatch(/Removed by cleaning/);
    const json = JSON.parse(runCli(['show', String(lib.id), '--db', db, '--json']).stdout) as { text: string; removed: { text: string; reason: string }[]; byline: string };
    expect(json.text).not.toContain('Get the Valley Post app');
    expect(json.text).not.toContain('Related Stories');
    expect(json.removed.map((r) => r.text).join('\n')).toContain('Get the Valley Post app');
    expect(json.byline).toBe('Tomasz Reyes');
  });

  it('answers an unknown id with a clear error and exit 1', () => {
    const r = runCli(['show', '99999', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no article with id "99999"/);
  });

  it('reprocess rebuilds every article from raw', () => {
    const r = runCli(['reprocess', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4 articles rebuilt from raw, 0 failed/);
    expect(jsonLines<{ id: number }>(runCli(['articles', '--db', db, '--json']).stdout).map((a) => a.id).sort()).toEqual([...ids].sort());
  });

  it('names each bad input, goes on with the batch, exits 2, and leaves what was stored intact', () => {
    const before = runCli(['show', String(ids[0]), '--db', db, '--json']).stdout;
    const good = join(dir, 'good.html');
    writeFileSync(good, PAGE('Night buses added for festival week', ['Two extra night bus routes will run during festival week, the transport office said on Monday, after complaints about crowded last trains.']));
    const r = runCli(['ingest', join(dir, 'empty.txt'), join(dir, 'image.png'), join(dir, 'bad.jsonl'), join(dir, 'missing.html'), good, '--db', db]);
    expect(r.code).toBe(2);
    const errors = r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
    expect(errors.find((l) => l.includes('empty.txt'))).toMatch(/empty/);
    expect(errors.find((l) => l.includes('image.png'))).toMatch(/binary|PNG|image/i);
    expect(errors.find((l) => l.includes('bad.jsonl#2'))).toMatch(/JSON/i);
    expect(errors.find((l) => l.includes('missing.html'))).toMatch(/no such file|not found|does not exist/i);
    expect(r.stdout).toMatch(/2 stored, 0 unchanged, 4 failed/);
    expect(runCli(['show', String(ids[0]), '--db', db, '--json']).stdout).toBe(before);
  });

  it('refuses a store file that is not a database, naming it', () => {
    const notDb = join(dir, 'notes.db');
    writeFileSync(notDb, 'shopping list: eggs, flour, tea\n'.repeat(200));
    const r = runCli(['articles', '--db', notDb]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(notDb);
  });
});

describe('roundup extract', () => {
  it('prints the CLI contract fields as JSON Lines and stores nothing', () => {
    const r = runCli(['extract', join(dir, 'corpus', 'ferry.html'), join(dir, 'corpus', 'nested', 'library.txt'), '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out).toHaveLength(2);
    for (const o of out) {
      for (const k of ['input', 'title', 'byline', 'publisher', 'via', 'published', 'language', 'text', 'paragraphs', 'captions', 'removed']) expect(o).toHaveProperty(k);
      expect(o.text).toBe((o.paragraphs as string[]).join('\n\n'));
    }
    expect(out[0]!.input).toContain('ferry.html');
    expect(out[0]!.byline).toBe('Ada Mbeki');
    expect(out[0]!.published).toMatch(/^2026-03-10/);
    expect(out[0]!.text).toContain('"We checked every mooring twice before we let the boat out," Ms Calder said.');
    expect(out[0]!.text).not.toContain('Copyright Lakeside Ledger');
    expect(runCli(['articles', '--json'], { cwd: dir }).stdout).toBe('');
  });

  it('reads standard input with -', () => {
    const r = runCli(['extract', '-', '--json'], { input: SCRAPE });
    expect(r.code).toBe(0);
    const [o] = jsonLines(r.stdout);
    expect(o!.input).toBe('-');
    expect(o!.title).toBe('Library reopens after flood repairs');
  });
});

describe('roundup ingest over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ferry') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(FERRY);
      } else if (req.url === '/gone') {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
      } else if (req.url === '/broken') {
        res.writeHead(500);
        res.end();
      } else if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop2' });
        res.end();
      } else if (req.url === '/loop2') {
        res.writeHead(302, { location: '/loop' });
        res.end();
      } else if (req.url === '/slow') {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(FERRY);
        }, 3000);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('stores a good page and names each failing URL with its cause', async () => {
    const httpDb = join(dir, 'http.db');
    const r = await runCliAsync(['ingest', `${base}/ferry`, `${base}/gone`, `${base}/broken`, `${base}/loop`, `${base}/slow`, '--timeout', '500', '--db', httpDb]);
    expect(r.code).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toHaveLength(4);
    expect(errors.find((l) => l.includes('/gone'))).toMatch(/404/);
    expect(errors.find((l) => l.includes('/broken'))).toMatch(/500/);
    expect(errors.find((l) => l.includes('/loop'))).toMatch(/redirect/i);
    expect(errors.find((l) => l.includes('/slow'))).toMatch(/time|timed out/i);
    const list = jsonLines<{ title: string; locator: string }>((await runCliAsync(['articles', '--db', httpDb, '--json'])).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]!.locator).toBe(`${base}/ferry`);
  });
});
