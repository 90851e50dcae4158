import type { Command } from 'commander';
import { articleText } from '../../extract/index.js';
import { findFamilies, type Family } from '../../families/index.js';
import { extractInputs } from '../../pipeline/extract-inputs.js';
import { articlesFromSources, plural } from '../../plural.js';
import { clusterStories, type StoryInput, type StoryResult } from '../../stories/index.js';
import { collectOptions, fetchOptionFlags, type FetchFlags } from '../options.js';
import { clip, EXIT, writeJsonLine } from '../output.js';
import { span } from './stories.js';

interface Clustered {
  docs: StoryInput[];
  families: Family[];
  result: StoryResult;
  failures: string[];
}

/** Inputs → articles (extractInputs) → families → stories and storylines. Ids are the inputs. */
async function clusterInputs(inputs: string[], flags: FetchFlags = {}): Promise<Clustered> {
  const { articles, failures } = await extractInputs(inputs, collectOptions(flags));
  const docs: StoryInput[] = articles.map(({ input, article: a }) => ({ id: input, text: articleText(a), title: a.title, published: a.published, publisher: a.publisher, language: a.language }));
  const families = findFamilies(docs);
  return { docs, families, result: clusterStories(docs, { families }), failures };
}

export function registerCluster(program: Command): void {
  const cmd = program
    .command('cluster')
    .description('group inputs into syndication families, stories (one event) and storylines (stories over days); nothing stored')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--json', 'one JSON object: {stories, families, storylines}');
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & { json?: boolean }) => {
    const { docs, families, result, failures } = await clusterInputs(inputs, opts);
    for (const f of failures) process.stderr.write(`error: ${f}\n`);
    const lineOf = new Map(result.storylines.flatMap((l) => l.stories.map((s) => [s, l.id] as const)));
    if (opts.json) {
      writeJsonLine({
        stories: result.stories.map((s) => ({ id: s.id, title: s.title, members: s.members, families: s.families.length, first: s.first, last: s.last, storyline: lineOf.get(s.id) ?? null })),
        families: families.map((f) => ({ id: f.id, canonical: f.canonical, members: f.members.map((m) => m.id) })),
        storylines: result.storylines,
      });
    } else {
      const meta = new Map(docs.map((d) => [d.id, d]));
      const familyOf = new Map(families.flatMap((f) => f.members.map((m) => [m.id, f] as const)));
      const out: string[] = [`${plural(docs.length, 'article')}, ${plural(families.length, 'family', 'families')}, ${plural(result.stories.length, 'story', 'stories')}, ${plural(result.storylines.length, 'storyline')}`, ''];
      for (const s of result.stories) {
        const dates = s.first ? ` ${span(s)}` : '';
        out.push(`${s.id}  ${clip(s.title ?? '(untitled)', 90)}`);
        out.push(`    ${articlesFromSources(s.members.length, s.families.length)}${dates}${lineOf.has(s.id) ? `, storyline ${lineOf.get(s.id)}` : ''}`);
        for (const m of s.members) {
          const f = familyOf.get(m);
          const copy = f && f.canonical !== m ? ` (copy of ${f.canonical})` : '';
          out.push(`    - ${m}${copy}${meta.get(m)?.publisher ? `  [${meta.get(m)!.publisher}]` : ''}`);
        }
        out.push('');
      }
      for (const l of result.storylines) out.push(`storyline ${l.id}: ${l.stories.join(' → ')}`);
      process.stdout.write(out.join('\n').trimEnd() + '\n');
    }
    process.exitCode = failures.length ? EXIT.someFailed : EXIT.ok;
  });
}
