/**
 * The reader app: HTML pages, the JSON API, feeds and the two static files, all served from one store.
 * Every answer carries a strict CSP (no inline script or style; scripts and styles from this origin only).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fail, isApi, type Env } from './http.js';
import { apiRoutes } from './routes/api.js';
import { feedRoutes } from './routes/feeds.js';
import { pageRoutes } from './routes/pages.js';
import { ReaderState, type AppOptions } from './state.js';
import { APP_CSS, APP_JS, FAVICON_SVG } from './static.js';

export type { AppOptions, Limits } from './state.js';
export type ReaderApp = Hono<Env>;

export function createReader(options: AppOptions): { app: ReaderApp; state: ReaderState } {
  const state = new ReaderState(options);
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    c.set('state', state);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      strictTransportSecurity: false,
      // A handler's own stricter policy (the raw record's sandbox) stays.
      overwrite: false,
    }),
  );

  app.get('/static/app.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(APP_CSS);
  });
  app.get('/static/app.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(APP_JS);
  });

  // The icon: a browser asks /favicon.ico of every site; pages name /static/favicon.svg.
  for (const path of ['/favicon.ico', '/static/favicon.svg']) {
    app.get(path, (c) => {
      c.header('Content-Type', 'image/svg+xml');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(FAVICON_SVG);
    });
  }

  app.route('/api', apiRoutes(state));
  app.route('/feeds', feedRoutes(state));
  app.route('/', pageRoutes(state));

  app.notFound((c) => fail(c, 404, isApi(c.req.path) ? `no endpoint ${c.req.method} ${c.req.path} (see /api/openapi.json)` : `nothing at ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return fail(c, err.status as ContentfulStatusCode, err.message || 'bad request');
    process.stderr.write(`roundup serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return fail(c, 500, 'something went wrong on the server');
  });
  return { app, state };
}

export function createApp(options: AppOptions): ReaderApp {
  return createReader(options).app;
}
