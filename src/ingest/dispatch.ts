import { fileURLToPath } from 'node:url';
import { failure, failureFrom, type Context, type Source } from './context.js';
import { pageDocument } from './documents.js';
import { expandFeed, expandOpml } from './feeds.js';
import { fetchUrl } from './fetch.js';
import { collectPath } from './files.js';
import { jsonLinesRecords, jsonRecords } from './records.js';
import { sniff } from './sniff.js';
import { collectStdin } from './stdin.js';
import type { IngestEvent } from './types.js';

/** Routes bytes of any source to the collector for what they are (sniffed, never trusted from names). */
export async function* fromBytes(bytes: Buffer, source: Source, ctx: Context): AsyncGenerator<IngestEvent> {
  const sniffed = sniff(bytes, { name: source.name, mediaType: source.mediaType });
  switch (sniffed.format) {
    case 'unsupported':
      yield failure(source.input, sniffed.kind, sniffed.reason);
      return;
    case 'html':
    case 'text':
      yield pageDocument(bytes, sniffed.format, source);
      return;
    case 'json':
      yield* jsonRecords(bytes, source);
      return;
    case 'jsonl':
      yield* jsonLinesRecords(bytes, source);
      return;
    case 'feed':
    case 'json-feed':
      yield* expandFeed(bytes, source, ctx);
      return;
    case 'opml':
      yield* expandOpml(bytes, source, ctx);
      return;
  }
}

async function* fromUrl(input: string, ctx: Context): AsyncGenerator<IngestEvent> {
  const page = await fetchUrl(input, ctx.fetch, input, ctx.now);
  const source: Source = {
    input,
    via: 'url',
    locator: page.url,
    url: page.url,
    charset: page.charset,
    mediaType: page.mediaType,
    name: new URL(page.url).pathname,
    fetchedAt: page.fetchedAt,
  };
  yield* fromBytes(page.bytes, source, ctx);
}

/** Any `scheme://` that is not http(s) or file. */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** One input of any kind; every problem becomes a failure event, never an exception. */
export async function* collectOne(input: string, ctx: Context): AsyncGenerator<IngestEvent> {
  try {
    if (input === '-') yield* collectStdin(ctx);
    else if (/^https?:\/\//i.test(input)) yield* fromUrl(input, ctx);
    else if (/^file:\/\//i.test(input)) yield* collectPath(fileURLToPath(input), ctx, input);
    else if (OTHER_SCHEME.test(input)) yield failure(input, 'invalid-url', `unsupported URL scheme "${input.slice(0, input.indexOf(':') + 1)}" (only http and https)`);
    else if (input.trim() === '') yield failure(input, 'not-found', 'empty input name');
    else yield* collectPath(input, ctx);
  } catch (e) {
    yield failureFrom(input, e);
  }
}
