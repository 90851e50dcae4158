import type { Command } from 'commander';
import { composeOverview } from '../../compose/overview.js';
import { developmentsOverviewInput, storyInputOf, storylineOverviewInput, storylineStories } from '../../pipeline/composite.js';
import { editionsOf, renderEditions } from '../../pipeline/editions.js';
import { ClusterStore } from '../../store/clusters.js';
import { composeWith, formatOf, modelWriterOf, render, writerOptionFlags, type WriterFlags } from './write.js';
import { parseStoryRef, renderStory, storyJson, storylineRef } from './stories.js';
import { dbOption, openStore, positiveInt, type DbFlag } from '../options.js';
import { EXIT, renderArticle, writeJsonLine } from '../output.js';

export function registerShow(program: Command): void {
  const cmd = program
    .command('show')
    .description('show a stored article (cleaned text, metadata, what cleaning removed) or a story s<N> (members by family, what each copy adds and drops, its storyline)')
    .argument('<id>', 'article id (from `roundup articles`), story id s<N> (from `roundup stories`) or, with --composite, storyline id l<N>')
    .option('--json', 'the article as JSON, with its raw record provenance (or the story as JSON)')
    .option('--editions', "a story's editions: every published composite, with what changed since the one before")
    .option('--composite', "a story's merged, cited article, or a storyline's overview and its stories' articles (as `roundup write` writes them)")
    .option('--format <format>', 'with --composite: md, html, text or json', 'md')
    .option('--words <n>', 'with --composite: target length in words (default 600)', positiveInt('--words'));
  // With --composite: --writer llm and the model endpoint's flags.
  writerOptionFlags(cmd);
  dbOption(cmd);
  cmd.action(async (idArg: string, opts: DbFlag & WriterFlags & { json?: boolean; editions?: boolean; composite?: boolean; format?: string; words?: number }) => {
    const id = Number(idArg);
    const store = openStore(opts, { mustExist: true });
    const words = opts.words ? { words: opts.words } : {};
    const warn = (w: string): void => void process.stderr.write(`show: ${w}\n`);
    try {
      const line = /^l(\d+)$/i.exec(idArg.trim());
      if (line) {
        // A storyline: its overview, then each story's own article (as `roundup write` prints them).
        const overview = opts.composite ? storylineOverviewInput(store, Number(line[1])) : null;
        if (!overview) {
          process.stderr.write(opts.composite ? `show: no storyline "${idArg}" of two or more stories in ${store.db.name} (see \`roundup stories\`, column LINE)\n` : `show: a storyline "${idArg}" is shown with --composite\n`);
          process.exitCode = EXIT.fatal;
          return;
        }
        const format = opts.json ? 'json' : formatOf(opts.format);
        const model = modelWriterOf(opts);
        const out = [render(composeOverview(overview, words), format)];
        for (const d of storylineStories(store, Number(line[1]))) {
          const input = storyInputOf(store, d);
          if (input.articles.length) out.push(render(await composeWith(input, words, model, warn), format));
        }
        process.stdout.write(out.join(format === 'json' ? '' : '\n\n'));
        return;
      }
      const storyId = parseStoryRef(idArg);
      if (storyId !== null) {
        const d = new ClusterStore(store.db).getStory(storyId, { versions: true });
        if (!d) {
          process.stderr.write(`show: no story "${idArg}" in ${store.db.name} (see \`roundup stories\`)\n`);
          process.exitCode = EXIT.fatal;
          return;
        }
        if (opts.editions) {
          const { editions } = editionsOf(store, storyId);
          if (opts.json) writeJsonLine({ editions });
          else process.stdout.write(renderEditions(`s${storyId}`, editions));
          return;
        }
        if (opts.composite) {
          const format = opts.json ? 'json' : formatOf(opts.format);
          const model = modelWriterOf(opts);
          const input = storyInputOf(store, d);
          if (!input.articles.length) {
            process.stderr.write(`show: story "${idArg}" has no article with text to compose\n`);
            process.exitCode = EXIT.fatal;
            return;
          }
          // A story of several days' developments: their overview first, as `roundup write` prints it.
          const overview = developmentsOverviewInput(store, d);
          const c = await composeWith(input, words, model, warn);
          process.stdout.write([...(overview ? [render(composeOverview(overview, words), format)] : []), render(c, format)].join(format === 'json' ? '' : '\n\n'));
          return;
        }
        if (opts.json) {
          writeJsonLine({
            ...storyJson(d),
            members: d.members,
            families: d.familyDetails,
            versions: d.versions ?? [],
            developments: d.developments,
            storyline: d.storyline === null ? null : { id: storylineRef(d.storyline), stories: d.storylineStories.map(storyJson) },
            independent: d.families,
          });
        } else process.stdout.write(renderStory(d));
        return;
      }
      if (opts.editions) {
        process.stderr.write(`show: --editions needs a story id s<N>, got "${idArg}" (see \`roundup stories\`)\n`);
        process.exitCode = EXIT.fatal;
        return;
      }
      if (opts.composite) {
        process.stderr.write(`show: --composite needs a story id s<N>, got "${idArg}" (see \`roundup stories\`)\n`);
        process.exitCode = EXIT.fatal;
        return;
      }
      const article = Number.isInteger(id) && id > 0 ? store.articles.get(id) : null;
      if (!article) {
        process.stderr.write(`show: no article with id "${idArg}" in ${store.db.name}\n`);
        process.exitCode = EXIT.fatal;
        return;
      }
      if (opts.json) {
        writeJsonLine(article);
        return;
      }
      const s = article.source;
      const extra = [
        `${'Source'.padEnd(10)} ${s.locator}${s.feed ? ` (feed ${s.feed})` : ''}, ${s.mediaType}, ${s.size} bytes, fetched ${s.fetchedAt}, version ${s.version}`,
        ...(s.summaryOnly ? [`${'Note'.padEnd(10)} feed summary only: the page could not be fetched (${s.summaryReason ?? 'unknown reason'})`] : []),
        `${'Extractor'.padEnd(10)} ${article.extractor} at ${article.extractedAt}`,
      ];
      process.stdout.write(renderArticle(article, extra, { tty: Boolean(process.stdout.isTTY) }));
    } finally {
      store.close();
    }
  });
}
