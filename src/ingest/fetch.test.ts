import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, type InputErrorKind } from './errors.js';
import { DEFAULT_USER_AGENT, fetchUrl } from './fetch.js';
import { closedPort, send, startServer, type TestServer } from './test-server.js';

const PAGE = '<!doctype html><html><head><title>Ferry timetable changes</title></head><body><p>The early ferry now leaves at six.</p></body></html>';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    '/page': send(PAGE, 'text/html; charset=utf-8'),
    '/latin1': send(Buffer.from('<p>Caf\xe9 reopens</p>', 'latin1'), 'text/html; charset=ISO-8859-1'),
    '/missing': send('<p>gone</p>', 'text/html', 404),
    '/broken': send('<p>oops</p>', 'text/html', 500),
    '/image': send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'),
    '/pdf': send('%PDF-1.4 fake', 'application/pdf'),
    '/octet-binary': send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00]), 'application/octet-stream'),
    '/octet-text': send('<html><body><p>Untyped but fine.</p></body></html>', 'application/octet-stream'),
    '/hop1': (_req, res) => void res.writeHead(302, { location: '/hop2' }).end(),
    '/hop2': (_req, res) => void res.writeHead(301, { location: '/page' }).end(),
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
    '/self': (_req, res) => void res.writeHead(307, { location: '/self' }).end(),
    '/to-ftp': (_req, res) => void res.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end(),
    '/big-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      res.end('x'.repeat(5000));
    },
    '/big-streamed': (_req, res) => {
      // Chunked, no Content-Length: the cap must bite while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const tick = () => {
        if (res.destroyed) return;
        if (sent >= 200_000) return void res.end();
        res.write('<p>' + 'y'.repeat(996) + '</p>');
        sent += 1000;
        setTimeout(tick, 1);
      };
      tick();
    },
    '/short': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<html><body><p>cut off');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    '/slow-headers': () => {
      /* never answers */
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>first part');
      // ...and nothing more until the socket is closed by the test server.
    },
    '/ua': (req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(String(req.headers['user-agent'])),
  });
  // Ten hops, each to the next.
  for (let i = 0; i < 10; i++) server.route(`/chain${i}`, (_req, res) => void res.writeHead(302, { location: `/chain${i + 1}` }).end());
  server.route('/chain10', send(PAGE, 'text/html'));
});
afterAll(() => server.close());

async function failureOf(url: string, options = {}): Promise<InputError> {
  try {
    await fetchUrl(url, options);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`expected ${url} to fail`);
}

async function expectFailure(url: string, kind: InputErrorKind, reason: RegExp, options = {}) {
  const e = await failureOf(url, options);
  expect(e.kind).toBe(kind);
  expect(e.reason).toMatch(reason);
  expect(e.message.startsWith(`${url}: `)).toBe(true);
  expect(e.message).not.toContain('\n');
  return e;
}

describe('fetchUrl: success', () => {
  it('returns the bytes, media type and charset as received', async () => {
    const got = await fetchUrl(server.url('/page'));
    expect(got.bytes.toString('utf8')).toBe(PAGE);
    expect(got).toMatchObject({ status: 200, mediaType: 'text/html', charset: 'utf-8', url: server.url('/page') });
    const latin = await fetchUrl(server.url('/latin1'));
    expect(latin.charset).toBe('ISO-8859-1');
    expect(latin.bytes).toEqual(Buffer.from('<p>Caf\xe9 reopens</p>', 'latin1'));
  });

  it('follows relative redirects and reports the final URL', async () => {
    const got = await fetchUrl(server.url('/hop1'));
    expect(got.url).toBe(server.url('/page'));
    expect(got.bytes.toString()).toBe(PAGE);
  });

  it('sends a real User-Agent, configurable', async () => {
    expect((await fetchUrl(server.url('/ua'))).bytes.toString()).toBe(DEFAULT_USER_AGENT);
    expect((await fetchUrl(server.url('/ua'), { userAgent: 'TestBot/1' })).bytes.toString()).toBe('TestBot/1');
  });

  it('accepts an untyped body that does not look binary', async () => {
    expect((await fetchUrl(server.url('/octet-text'))).mediaType).toBe('application/octet-stream');
  });
});

describe('fetchUrl: failures', () => {
  it('404 and 500 are http-status naming code and status text', async () => {
    await expectFailure(server.url('/missing'), 'http-status', /^HTTP 404 Not Found$/);
    await expectFailure(server.url('/broken'), 'http-status', /^HTTP 500 Internal Server Error$/);
  });

  it('a closed port is unreachable, naming ECONNREFUSED', async () => {
    const port = await closedPort();
    await expectFailure(`http://127.0.0.1:${port}/x`, 'unreachable', /ECONNREFUSED/);
  });

  it('bad URLs and other schemes are invalid-url', async () => {
    await expectFailure('http://', 'invalid-url', /not a valid URL/);
    await expectFailure('ftp://127.0.0.1/file.txt', 'invalid-url', /scheme "ftp:"/);
    await expectFailure(server.url('/to-ftp'), 'invalid-url', /scheme "ftp:"/);
  });

  it('a server that never answers times out, naming the limit', async () => {
    const t0 = Date.now();
    await expectFailure(server.url('/slow-headers'), 'timeout', /within 300 ms/, { timeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('the time limit covers the body too', async () => {
    await expectFailure(server.url('/slow-body'), 'timeout', /within 300 ms/, { timeoutMs: 300 });
  });

  it('detects redirect loops, naming the hop count', async () => {
    await expectFailure(server.url('/loop-a'), 'redirect-loop', /loop after 2 redirects/);
    await expectFailure(server.url('/self'), 'redirect-loop', /loop after 1 redirects/);
  });

  it('stops after maxRedirects hops', async () => {
    await expectFailure(server.url('/chain0'), 'redirect-loop', /too many redirects \(more than 5\)/);
    await expectFailure(server.url('/chain0'), 'redirect-loop', /more than 3/, { maxRedirects: 3 });
    expect((await fetchUrl(server.url('/chain0'), { maxRedirects: 10 })).url).toBe(server.url('/chain10'));
  });

  it('refuses unsupported content types, naming the type', async () => {
    await expectFailure(server.url('/image'), 'unsupported-type', /image\/png/);
    await expectFailure(server.url('/pdf'), 'unsupported-type', /application\/pdf/);
    await expectFailure(server.url('/octet-binary'), 'unsupported-type', /application\/octet-stream.*zip/);
  });

  it('honours a too-large Content-Length up front', async () => {
    await expectFailure(server.url('/big-declared'), 'too-large', /Content-Length 5000 exceeds the 1000-byte limit/, { maxBytes: 1000 });
  });

  it('aborts a streamed body as soon as it passes maxBytes', async () => {
    await expectFailure(server.url('/big-streamed'), 'too-large', /exceeds the 5000-byte limit/, { maxBytes: 5000 });
  });

  it('a body shorter than its Content-Length is truncated', async () => {
    await expectFailure(server.url('/short'), 'truncated', /of 1000/);
  });
});
