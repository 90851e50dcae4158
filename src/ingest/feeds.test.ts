import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, parseOpmlList } from './feed-parse.js';
import { collect } from './index.js';
import { send, startServer, type TestServer } from './test-server.js';
import type { CollectOptions, IngestEvent } from './types.js';

/* Every feed and page here is invented for these tests. */

const page = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

let server: TestServer;
const u = (p: string) => server.url(p);

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Gazette</title><link>${u('/')}</link><description>Local news</description>
${items}
</channel></rss>`;
}

const RSS_FEED = () =>
  rss(`
<item><title>Mill reopens after flood</title><link>${u('/articles/mill')}</link><guid isPermaLink="false">vg-1</guid>
  <pubDate>Mon, 04 Mar 2024 09:30:00 +0100</pubDate><dc:creator>Ada Brook</dc:creator>
  <description>&lt;p&gt;The mill is back.&lt;/p&gt;</description></item>
<item><title>Bridge vote delayed</title><link>${u('/articles/bridge')}</link><author>desk@gazette.example (Ben Ford)</author>
  <description>The council delayed its vote.</description></item>
<item><title>School roof repaired</title><link>${u('/articles/gone')}</link>
  <description>&lt;p&gt;Roofers finished &lt;b&gt;early&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Missing page, no summary</title><link>${u('/articles/also-gone')}</link></item>
<item><title>Notice without a page</title><content:encoded><![CDATA[<p>The library closes at noon on Friday.</p>]]></content:encoded></item>
<item><title>Nothing at all</title></item>`);

const ATOM_FEED = () => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Coast Courier</title><id>urn:coast</id><updated>2024-03-05T10:00:00Z</updated>
  <link rel="self" href="${u('/atom.xml')}"/><link rel="alternate" href="${u('/')}"/>
  <entry><title>Ferry timetable changes</title><id>urn:coast:1</id><updated>2024-03-05T10:00:00Z</updated>
    <link rel="alternate" type="text/html" href="articles/ferry"/><author><name>Cai Dunn</name></author>
    <summary>New sailing times.</summary></entry>
</feed>`;

const JSON_FEED = () =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hill Times',
    home_page_url: u('/'),
    items: [
      { id: 'ht-1', url: u('/articles/market'), title: 'Market moves indoors', date_published: '2024-03-06T07:00:00Z', authors: [{ name: 'Dee Ember' }], content_text: 'Stalls move into the hall.' },
      { id: 'ht-2', url: u('/articles/gone-json'), title: 'Parade route', content_text: 'The parade goes down Main Street.\n\nIt starts at ten.' },
    ],
  });

const OPML = (feeds: string[]) => `<?xml version="1.0"?>
<opml version="2.0"><head><title>My papers</title></head><body>
<outline text="Local">${feeds.map((f, i) => `<outline text="Feed ${i}" type="rss" xmlUrl="${f}"/>`).join('')}</outline>
</body></opml>`;

beforeAll(async () => {
  server = await startServer();
  server.route('/feed.rss', (_q, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(RSS_FEED()));
  server.route('/atom.xml', (_q, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM_FEED()));
  server.route('/feed.json', (_q, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON_FEED()));
  server.route('/list.opml', (_q, res) => void res.writeHead(200, { 'content-type': 'text/xml' }).end(OPML([u('/atom.xml'), u('/feed.json')])));
  server.route('/cycle-a.opml', (_q, res) => void res.writeHead(200, { 'content-type': 'text/xml' }).end(OPML([u('/cycle-b.opml'), u('/cycle-a.opml')])));
  server.route('/cycle-b.opml', (_q, res) => void res.writeHead(200, { 'content-type': 'text/xml' }).end(OPML([u('/cycle-a.opml'), u('/atom.xml')])));
  server.route('/broken.rss', send('<?xml version="1.0"?><rss version="2.0"><channel><title>Half a feed</title><item><title>cut', 'application/rss+xml'));
  server.route('/moved.rss', send('<head><title>Document Moved</title></head><body>Moved <a href="/elsewhere">here</a></body>', 'application/rss+xml'));
  server.route('/latin1.rss', send(Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>Jornal da Vila</title><item><title>Pra\xe7a nova</title><description>Not\xedcia</description></item></channel></rss>`, 'latin1'), 'text/xml; charset=iso-8859-1'));
  server.route('/articles/mill', send(page('Mill reopens after flood', 'The old mill reopened on Monday.'), 'text/html; charset=utf-8'));
  server.route('/articles/bridge', send(page('Bridge vote delayed', 'Councillors want more time.'), 'text/html'));
  server.route('/articles/ferry', send(page('Ferry timetable changes', 'The early ferry now leaves at six.'), 'text/html'));
  server.route('/articles/market', send(page('Market moves indoors', 'Stalls move into the hall.'), 'text/html'));
});
afterAll(() => server.close());

async function run(inputs: string[], options: CollectOptions = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const e of collect(inputs, options)) out.push(e);
  return out;
}
type Doc = Extract<IngestEvent, { type: 'document' }>;
type Fail = Extract<IngestEvent, { type: 'failure' }>;
type Cont = Extract<IngestEvent, { type: 'container' }>;
const docs = (ev: IngestEvent[]) => ev.filter((e): e is Doc => e.type === 'document');
const fails = (ev: IngestEvent[]) => ev.filter((e): e is Fail => e.type === 'failure');
const containers = (ev: IngestEvent[]) => ev.filter((e): e is Cont => e.type === 'container');
const plannedTotal = (ev: IngestEvent[]) => ev.reduce((n, e) => n + (e.type === 'planned' ? e.count : 0), 0);
const terminal = (ev: IngestEvent[]) => ev.filter((e) => e.type !== 'planned').length;

describe('RSS feed by URL', () => {
  let events: IngestEvent[];
  beforeAll(async () => {
    events = await run([u('/feed.rss')]);
  });

  it('keeps the feed raw as a container, then one event per entry in feed order', () => {
    const [feed] = containers(events);
    expect(feed).toMatchObject({ input: u('/feed.rss'), entries: 6, raw: { kind: 'feed', mediaType: 'application/rss+xml', charset: 'utf-8', url: u('/feed.rss'), origin: { via: 'url', locator: u('/feed.rss') } } });
    expect(feed!.raw.bytes.toString()).toBe(RSS_FEED());
    expect(events.filter((e) => e.type !== 'planned').map((e) => e.type)).toEqual(['container', 'document', 'document', 'document', 'failure', 'document', 'failure']);
    expect(plannedTotal(events)).toBe(terminal(events));
  });

  it('fetches each entry page for full text, with hints from the entry', () => {
    const [mill, bridge] = docs(events);
    expect(mill!.raw).toMatchObject({
      kind: 'document',
      mediaType: 'text/html',
      url: u('/articles/mill'),
      summaryOnly: false,
      origin: { via: 'feed-entry', locator: u('/articles/mill'), feed: u('/feed.rss') },
      hints: { title: 'Mill reopens after flood', byline: 'Ada Brook', published: '2024-03-04T08:30:00.000Z' },
    });
    expect(mill!.raw.bytes.toString()).toContain('The old mill reopened on Monday.');
    expect(bridge!.raw.hints.byline).toBe('Ben Ford');
  });

  it("falls back to the entry's summary, marked summaryOnly with the fetch error, when the page 404s", () => {
    const school = docs(events)[2]!;
    expect(school.raw).toMatchObject({ summaryOnly: true, mediaType: 'text/html', url: u('/articles/gone'), origin: { via: 'feed-entry', feed: u('/feed.rss') } });
    expect(school.raw.summaryReason).toBe(`${u('/articles/gone')}: HTTP 404 Not Found`);
    expect(school.raw.bytes.toString('utf8')).toBe('<p>Roofers finished <b>early</b>.</p>');
    expect(school.warnings.join(' ')).toMatch(/summary/);
  });

  it('an entry whose page fails and that has no summary is a failure naming its link', () => {
    const [noSummary, nothing] = fails(events);
    expect(noSummary).toMatchObject({ input: u('/articles/also-gone'), error: { kind: 'http-status', reason: 'HTTP 404 Not Found' } });
    expect(nothing).toMatchObject({ input: `${u('/feed.rss')}#6`, error: { kind: 'malformed-feed' } });
  });

  it('an entry without a link but with content becomes a summary document', () => {
    const notice = docs(events)[3]!;
    expect(notice.raw).toMatchObject({ summaryOnly: true, summaryReason: 'entry has no link', url: null, origin: { locator: `${u('/feed.rss')}#5` } });
    expect(notice.raw.bytes.toString()).toBe('<p>The library closes at noon on Friday.</p>');
  });
});

describe('other feed formats', () => {
  it('Atom: entry links resolve against the feed URL', async () => {
    const events = await run([u('/atom.xml')]);
    expect(containers(events)[0]!.raw.mediaType).toBe('application/atom+xml');
    const [ferry] = docs(events);
    expect(ferry!.raw).toMatchObject({ url: u('/articles/ferry'), summaryOnly: false, hints: { title: 'Ferry timetable changes', byline: 'Cai Dunn', published: '2024-03-05T10:00:00.000Z' } });
  });

  it('JSON Feed: pages fetched; a 404 falls back to content_text as HTML paragraphs', async () => {
    const events = await run([u('/feed.json')]);
    expect(containers(events)[0]!.raw.mediaType).toBe('application/feed+json');
    const [market, parade] = docs(events);
    expect(market!.raw).toMatchObject({ summaryOnly: false, hints: { byline: 'Dee Ember', published: '2024-03-06T07:00:00.000Z' } });
    expect(parade!.raw.summaryOnly).toBe(true);
    expect(parade!.raw.bytes.toString()).toBe('<p>The parade goes down Main Street.</p>\n<p>It starts at ten.</p>');
  });

  it('honours the Content-Type charset of a Latin-1 feed', async () => {
    const events = await run([u('/latin1.rss')]);
    const [entry] = docs(events);
    expect(entry!.raw.hints.title).toBe('Praça nova');
    expect(entry!.raw.bytes.toString('utf8')).toBe('Notícia');
  });
});

describe('malformed feeds', () => {
  it('truncated XML and an HTML page served as RSS fail as malformed-feed', async () => {
    const events = await run([u('/broken.rss'), u('/moved.rss')]);
    expect(fails(events).map((f) => [f.input, f.error.kind])).toEqual([
      [u('/broken.rss'), 'malformed-feed'],
      [u('/moved.rss'), 'malformed-feed'],
    ]);
    expect(fails(events)[1]!.error.message).toBe(`${u('/moved.rss')}: not a recognised RSS, Atom or JSON Feed document`);
    expect(containers(events)).toHaveLength(0);
  });

  it('parseFeed throws malformed-feed for a non-feed, naming the input', () => {
    expect(() => parseFeed(Buffer.from('<catalog/>'), null, 'x.xml')).toThrow(/^x\.xml: not a recognised RSS, Atom or JSON Feed document/);
  });
});

describe('OPML', () => {
  it('expands every listed feed, after a container for the list', async () => {
    const events = await run([u('/list.opml')]);
    const cs = containers(events);
    expect(cs.map((c) => [c.raw.kind, c.input, c.entries])).toEqual([
      ['opml', u('/list.opml'), 2],
      ['feed', u('/atom.xml'), 1],
      ['feed', u('/feed.json'), 2],
    ]);
    expect(cs[0]!.raw.mediaType).toBe('text/x-opml');
    expect(docs(events).map((d) => d.raw.origin.feed)).toEqual([u('/atom.xml'), u('/feed.json'), u('/feed.json')]);
    expect(plannedTotal(events)).toBe(terminal(events));
  });

  it('does not loop on lists that name each other or themselves', async () => {
    const events = await run([u('/cycle-a.opml')]);
    expect(containers(events).map((c) => c.input)).toEqual([u('/cycle-a.opml'), u('/cycle-b.opml'), u('/atom.xml')]);
    expect(plannedTotal(events)).toBe(terminal(events));
  });

  it('parseOpmlList finds nested outlines in order', () => {
    const list = parseOpmlList(Buffer.from(OPML(['https://a.example/f.xml', 'https://b.example/f.xml'])));
    expect(list).toEqual({ title: 'My papers', feeds: [{ title: 'Feed 0', xmlUrl: 'https://a.example/f.xml' }, { title: 'Feed 1', xmlUrl: 'https://b.example/f.xml' }] });
  });
});

describe('local feed files', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'roundup-ingest-feeds-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("a feed file's entries are still fetched from the web; origin.feed is the path", async () => {
    const file = path.join(tmp, 'saved.rss');
    writeFileSync(file, RSS_FEED());
    const events = await run([file]);
    const [feed] = containers(events);
    expect(feed!.raw).toMatchObject({ url: null, origin: { via: 'file', locator: file } });
    const [mill] = docs(events);
    expect(mill!.raw).toMatchObject({ summaryOnly: false, origin: { via: 'feed-entry', locator: u('/articles/mill'), feed: file } });
  });

  it('a local OPML may list feed files beside it', async () => {
    writeFileSync(path.join(tmp, 'atom.xml'), ATOM_FEED().replace('href="articles/ferry"', `href="${u('/articles/ferry')}"`));
    const list = path.join(tmp, 'list.opml');
    writeFileSync(list, OPML(['atom.xml']));
    const events = await run([list]);
    expect(containers(events).map((c) => c.raw.origin.locator)).toEqual([list, path.join(tmp, 'atom.xml')]);
    expect(docs(events)[0]!.raw.summaryOnly).toBe(false);
  });
});

describe('page fetching for feeds', () => {
  it('fetches at most `concurrency` pages at once and still yields entries in feed order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const n = 7;
    for (let i = 0; i < n; i++) {
      server.route(`/slow/${i}`, (_q, res) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Later entries answer sooner, so completion order is the reverse of feed order.
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { 'content-type': 'text/html' }).end(page(`Story ${i}`, `Body ${i}.`));
        }, 15 * (n - i));
      });
    }
    server.route('/slow.rss', send(rss(Array.from({ length: n }, (_, i) => `<item><title>Story ${i}</title><link>${u(`/slow/${i}`)}</link></item>`).join('')), 'application/rss+xml'));
    const events = await run([u('/slow.rss')], { concurrency: 2 });
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBe(2);
    expect(docs(events).map((d) => d.raw.hints.title)).toEqual(Array.from({ length: n }, (_, i) => `Story ${i}`));
  });

  it('a slow entry page falls back to the summary with the timeout as reason', async () => {
    server.route('/hang', () => undefined);
    server.route('/hang.rss', send(rss(`<item><title>Slow</title><link>${u('/hang')}</link><description>Short version.</description></item>`), 'application/rss+xml'));
    const [doc] = docs(await run([u('/hang.rss')], { fetch: { timeoutMs: 200 } }));
    expect(doc!.raw.summaryOnly).toBe(true);
    expect(doc!.raw.summaryReason).toBe(`${u('/hang')}: timed out: no complete response within 200 ms`);
  });
});
