import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, decodeBytes, InputError, RECORD_MEDIA_TYPE } from './index.js';
import { closedPort, send, startServer, type TestServer } from './test-server.js';
import type { CollectOptions, IngestEvent } from './types.js';

/* URL inputs through collect, against a local server. Pages are invented for these tests. */

let server: TestServer;
const u = (p: string) => server.url(p);

beforeAll(async () => {
  server = await startServer({
    '/story': send('<!doctype html><html><body><p>Snow closed the pass.</p></body></html>', 'text/html; charset=utf-8'),
    '/latin': send(Buffer.from('<html><body><p>D\xe9j\xe0 vu at the caf\xe9.</p></body></html>', 'latin1'), 'text/html; charset=iso-8859-1'),
    '/plain': send('Pass closed\n\nSnow closed the pass overnight.', 'text/plain'),
    '/old': (_q, res) => void res.writeHead(301, { location: '/story' }).end(),
    '/records': send('{"url":"https://news.example/a","text":"A."}\n{"url":"https://news.example/b","text":"B."}\n', 'application/json'),
    '/photo': send(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'),
    '/down': send('<p>down</p>', 'text/html', 500),
    '/empty': send('', 'text/html'),
  });
});
afterAll(() => server.close());

async function run(inputs: string[], options: CollectOptions = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const e of collect(inputs, options)) out.push(e);
  return out.filter((e) => e.type !== 'planned');
}

describe('collect: URLs', () => {
  it('a page is a document with the final URL (after redirects) as url and locator', async () => {
    const [e] = await run([u('/old')]);
    expect(e).toMatchObject({ type: 'document', input: u('/old'), raw: { url: u('/story'), mediaType: 'text/html', charset: 'utf-8', hints: { url: u('/story') }, origin: { via: 'url', locator: u('/story') } } });
  });

  it('the Content-Type charset is kept and honoured when decoding', async () => {
    const [e] = await run([u('/latin')]);
    if (e?.type !== 'document') throw new Error('expected a document');
    expect(e.raw.charset).toBe('iso-8859-1');
    expect(e.warnings).toEqual([]);
    expect(decodeBytes(e.raw.bytes, 'html', e.raw.charset).text).toContain('Déjà vu at the café.');
  });

  it('text/plain is a text document; JSON Lines over HTTP are records located url#line', async () => {
    const [plain, a, b] = await run([u('/plain'), u('/records')]);
    expect(plain).toMatchObject({ type: 'document', raw: { mediaType: 'text/plain' } });
    expect([a, b].map((e) => e?.type === 'document' && [e.raw.mediaType, e.raw.origin.locator])).toEqual([
      [RECORD_MEDIA_TYPE, `${u('/records')}#1`],
      [RECORD_MEDIA_TYPE, `${u('/records')}#2`],
    ]);
  });

  it('failures name the URL and the cause, and the batch goes on', async () => {
    const port = await closedPort();
    const events = await run([u('/photo'), u('/down'), `http://127.0.0.1:${port}/`, u('/nowhere'), u('/empty'), 'https://', u('/story')]);
    expect(events.map((e) => (e.type === 'failure' ? e.error.kind : e.type))).toEqual(['unsupported-type', 'http-status', 'unreachable', 'http-status', 'empty', 'invalid-url', 'document']);
    for (const e of events) {
      if (e.type !== 'failure') continue;
      expect(e.error).toBeInstanceOf(InputError);
      expect(e.error.message.startsWith(`${e.input}: `)).toBe(true);
    }
    expect(events[0]!.type === 'failure' && events[0]!.error.reason).toBe('unsupported content type image/jpeg');
  });
});
