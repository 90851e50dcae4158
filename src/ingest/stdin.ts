import { failure, type Context, type Source } from './context.js';
import { fromBytes } from './dispatch.js';
import type { IngestEvent } from './types.js';

/** `-`: all of standard input (up to maxFileBytes), sniffed like a file. */
export async function* collectStdin(ctx: Context): AsyncGenerator<IngestEvent> {
  const stream = ctx.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > ctx.maxFileBytes) {
      // Leaving the loop ends the stream; what is left unread is dropped.
      yield failure('-', 'too-large', `standard input exceeds the ${ctx.maxFileBytes}-byte limit`);
      return;
    }
    chunks.push(buf);
  }
  const source: Source = { input: '-', via: 'stdin', locator: '-', url: null, charset: null, mediaType: null, name: null, fetchedAt: ctx.now().toISOString() };
  yield* fromBytes(Buffer.concat(chunks), source, ctx);
}
