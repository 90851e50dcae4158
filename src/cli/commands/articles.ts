import type { Command } from 'commander';
import { clip, renderTable, writeJsonLine } from '../output.js';
import { dbOption, openStore, positiveInt, type DbFlag } from '../options.js';

/** Rows shown on a terminal when no --limit is given; --json prints all rows unless --limit. */
const DEFAULT_TERMINAL_ROWS = 50;

export function registerArticles(program: Command): void {
  const cmd = program
    .command('articles')
    .description('list stored articles, newest first (latest version of each page)')
    .option('--json', 'one JSON line per article (all rows unless --limit)')
    .option('--limit <n>', 'at most this many rows', positiveInt('--limit'))
    .option('--all-versions', 'include earlier versions of changed pages');
  dbOption(cmd);
  cmd.action((opts: DbFlag & { json?: boolean; limit?: number; allVersions?: boolean }) => {
    const store = openStore(opts, { mustExist: true });
    try {
      const limit = opts.limit ?? (opts.json ? undefined : DEFAULT_TERMINAL_ROWS);
      const rows = store.articles.list({ limit, allVersions: opts.allVersions });
      if (opts.json) {
        for (const r of rows) writeJsonLine(r);
        return;
      }
      const total = store.articles.count({ allVersions: opts.allVersions });
      if (rows.length === 0) {
        process.stdout.write('no articles stored yet: try `roundup ingest <path|url>`\n');
        return;
      }
      process.stdout.write(
        renderTable(
          ['ID', 'PUBLISHED', 'PUBLISHER', 'WORDS', 'TITLE'],
          rows.map((r) => [
            String(r.id),
            r.published?.slice(0, 10) ?? '-',
            clip([r.publisher, r.via ? `via ${r.via}` : null].filter(Boolean).join(' ') || '-', 28),
            String(r.words),
            clip(r.title ?? `(untitled) ${r.locator}`, 70) + (r.version > 1 ? ` [v${r.version}]` : ''),
          ]),
        ),
      );
      if (rows.length < total && !opts.limit) process.stdout.write(`(${rows.length} shown; --limit N or --json for more)\n`);
    } finally {
      store.close();
    }
  });
}
