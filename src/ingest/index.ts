import { makeContext } from './context.js';
import { collectOne } from './dispatch.js';
import type { CollectOptions, IngestEvent } from './types.js';

/**
 * Ingest's public face. `collect` turns inputs (file paths, folders, http(s) URLs, `-` for stdin)
 * into IngestEvents, in input order, and never throws for an input problem: each one becomes a
 * `failure` event and the batch goes on.
 *
 * Progress: `planned` events add up to the number of terminal events (`document`, `container`,
 * `failure`) the run will produce. The first announces one per input; a folder of N files, a JSON
 * array of N records or a JSON Lines file of N lines adds N - 1 (its items replace it); a feed or
 * OPML list adds one per entry or listed feed (the container counts for the input itself).
 */
export async function* collect(inputs: string[], options: CollectOptions = {}): AsyncGenerator<IngestEvent> {
  const ctx = makeContext(options, collectOne);
  if (inputs.length > 0) yield { type: 'planned', count: inputs.length };
  for (const input of inputs) yield* collectOne(input, ctx);
}

export { decodeBytes, canonicalEncoding, type Decoded, type DecodeAs } from './decode.js';
export { InputError, isInputError, type InputErrorKind } from './errors.js';
export { toArticleRecord, type ArticleRecord } from './record.js';
export { RECORD_MEDIA_TYPE, type CollectOptions, type FetchOptions, type IngestEvent, type Origin, type RawDocument, type RawKind } from './types.js';
export { sniff, type Sniffed, type SniffedFormat, type SniffHints } from './sniff.js';
export { fetchUrl, DEFAULT_USER_AGENT, type Fetched } from './fetch.js';
export { parseFeed, parseOpmlList, type FeedEntry, type ParsedFeed, type ParsedOpml, type OpmlFeedRef } from './feed-parse.js';
