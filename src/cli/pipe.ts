/**
 * Standard output read by a pipe that closes early (`roundup articles --json | head -1`): the write
 * fails with EPIPE. A listing has said all its reader wants, so the process ends quietly with status 0;
 * a command that changes the store (ingest, reprocess) or serves finishes its work with its output
 * dropped. Any other write error is left to surface.
 */
const KEEP_WORKING = new Set(['ingest', 'reprocess', 'serve']);

type Stream = Pick<NodeJS.WriteStream, 'on' | 'write'>;

export function onClosedPipe(stream: Stream, command: string | undefined, exit: (code: number) => void = (c) => process.exit(c)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    if (command === undefined || !KEEP_WORKING.has(command)) exit(0);
    else stream.write = (() => true) as Stream['write'];
  });
}

/** The command named on a command line (`node main.js articles --json` → `articles`). */
export function commandOf(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((a) => !a.startsWith('-'));
}
