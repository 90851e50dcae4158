/**
 * The reader web server (`roundup serve`): front page, story, article, audit and search pages, the JSON API
 * under /api/ and feeds, from one process and one SQLite store.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createReader, type AppOptions } from './app.js';
import type { ReaderState } from './state.js';

export { createApp, createReader, type AppOptions, type Limits, type ReaderApp } from './app.js';
export { ReaderState } from './state.js';

export interface ServerOptions extends AppOptions {
  /** 0 = any free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Compose the front page's stories in the background after start, so that first visits are fast. Default true. */
  warm?: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Stories composed ahead by the warm-up (the first front page, then some). */
const WARM_STORIES = 40;

/**
 * Composes the top stories one per turn of the event loop, so that requests interleave; stops when the server
 * closes or a newer warm-up starts (after an ingest).
 */
function warmUp(state: ReaderState, stopped: () => boolean): void {
  const ids = state.clusters.listStories({ limit: WARM_STORIES }).map((s) => s.id);
  const step = (): void => {
    const id = ids.shift();
    if (id === undefined || stopped()) return;
    try {
      state.composite(id);
    } catch (e) {
      process.stderr.write(`roundup serve: composing story s${id} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { app, state } = createReader(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let closed = false;
    const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const shown = info.family === 'IPv6' || info.address.includes(':') ? `[${info.address}]` : info.address;
      if (options.warm ?? true) {
        let generation = 0;
        const start = (): void => {
          const mine = ++generation;
          warmUp(state, () => closed || mine !== generation);
        };
        state.onDrop = start;
        start();
      }
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            closed = true;
            server.close((err) => (err ? fail(err) : done()));
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
