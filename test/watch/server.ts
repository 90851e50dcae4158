/**
 * For the watch tests: a real HTTP server on 127.0.0.1 publishing the three invented outlets' feeds (story.ts) as
 * they stand at the current cycle, their pages, and a robots.txt. Feeds carry an ETag and answer a matching
 * If-None-Match with 304. Every request is logged with its status, and the server keeps the most requests it
 * ever had in flight at once per Host.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { feedXml, pageHtml, pagesAt, type Page } from './story.js';

export interface LogLine {
  path: string;
  status: number;
  host: string;
  cycle: number;
}

export interface StoryServer {
  base: string;
  feedUrls: string[];
  cycle: number;
  log: LogLine[];
  /** Most requests in flight at once, per Host header. */
  maxInFlight: Map<string, number>;
  /** When set, a request for this path is held (never answered) and `onHold` is called. */
  hold: { path: string; onHold: () => void } | null;
  close(): Promise<void>;
}

const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

export async function startStoryServer(): Promise<StoryServer> {
  const sockets = new Set<Socket>();
  const inFlight = new Map<string, number>();
  const s: StoryServer = { base: '', feedUrls: [], cycle: 0, log: [], maxInFlight: new Map(), hold: null, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    s.maxInFlight.set(host, Math.max(s.maxInFlight.get(host) ?? 0, n));
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const done = (status: number, type: string | null, body: string, headers: Record<string, string> = {}) => {
      s.log.push({ path, status, host, cycle: s.cycle });
      // Answers come on a later turn, so that concurrent requests overlap as they would on a real network.
      setImmediate(() => {
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
        res.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
        res.end(body);
      });
    };
    if (s.hold && s.hold.path === path) {
      s.log.push({ path, status: 0, host, cycle: s.cycle });
      s.hold.onHold();
      return;
    }
    const feed = /^\/(courier|gazette|wire)\/feed\.xml$/.exec(path);
    if (feed) {
      const body = feedXml(feed[1] as Page['outlet'], s.cycle, s.base);
      const etag = etagOf(body);
      if (req.headers['if-none-match'] === etag) return done(304, null, '', { etag });
      return done(200, 'application/rss+xml; charset=utf-8', body, { etag });
    }
    if (path === '/robots.txt') return done(200, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    const page = pagesAt(s.cycle).find((p) => p.path === path);
    if (page) return done(200, 'text/html; charset=utf-8', pageHtml(page));
    return done(404, 'text/html', '<!doctype html><title>Not here</title>');
  });
  server.on('connection', (sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  s.base = `http://127.0.0.1:${port}`;
  s.feedUrls = ['courier', 'gazette', 'wire'].map((o) => `${s.base}/${o}/feed.xml`);
  s.close = () =>
    new Promise<void>((resolve) => {
      for (const sock of sockets) sock.destroy();
      server.close(() => resolve());
    });
  return s;
}
