import type { Command } from 'commander';
import { extractRaw } from '../../extract/index.js';
import { collect } from '../../ingest/index.js';
import { collectOptions, fetchOptionFlags, type FetchFlags } from '../options.js';
import { EXIT, extractJson, renderArticle, writeJsonLine } from '../output.js';
import { Progress } from '../progress.js';

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('clean inputs down to their articles and print them; stores nothing')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--json', 'JSON Lines: one object per input {input, title, byline, publisher, via, published, language, text, paragraphs, captions, removed, ...}');
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & { json?: boolean }) => {
    const tty = Boolean(process.stdout.isTTY);
    const progress = new Progress('extract', process.stderr, Boolean(opts.json) && Boolean(process.stderr.isTTY) && !process.env.CI);
    let failed = 0;
    let first = true;
    for await (const event of collect(inputs, collectOptions(opts))) {
      if (event.type === 'planned') progress.plan(event.count);
      else if (event.type === 'container') progress.tick();
      else if (event.type === 'failure') {
        failed++;
        progress.tick(false);
        progress.log(`error: ${event.error.message}`);
      } else if (event.type === 'document') {
        progress.tick();
        const article = extractRaw(event.raw);
        if (opts.json) writeJsonLine(extractJson(event.input, article));
        else {
          if (!first) process.stdout.write('\n' + '─'.repeat(60) + '\n\n');
          first = false;
          process.stdout.write(renderArticle(article, [`${'Input'.padEnd(10)} ${event.input}`], { tty }));
        }
      }
    }
    progress.finish();
    process.exitCode = failed > 0 ? EXIT.someFailed : EXIT.ok;
  });
}
