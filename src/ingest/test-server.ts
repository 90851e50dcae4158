import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import net from 'node:net';

/**
 * Test support (not public API): a real HTTP server on 127.0.0.1, port chosen by the OS, with routes
 * given as handlers. Network tests never talk to any other address.
 */

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  /** Absolute URL of `path` on this server. */
  url(path: string): string;
  /** Adds or replaces a route (exact path, query ignored). */
  route(path: string, handler: Handler): void;
  /** Requests seen, in arrival order (path and User-Agent). */
  requests: Array<{ path: string; userAgent: string | undefined }>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, userAgent: req.headers['user-agent'] });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Not here</title><p>Nothing at this address.</p>');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    route: (p, h) => void table.set(p, h),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Slow handlers keep sockets open; end them so close() returns.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Handler answering `body` with a content type (and optional extra headers). */
export function send(body: string | Buffer, contentType: string, status = 200, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}
