import type { Command } from 'commander';
import { clusterArticles, pipelineArticle, type Clustering, type PipelineArticle } from '../../pipeline/cluster.js';
import { extractInputs } from '../../pipeline/extract-inputs.js';
import { articlesFromSources, plural } from '../../plural.js';
import { budgetOptions, collectOptions, fetchOptionFlags, type FetchFlags } from '../options.js';
import { clip, EXIT, writeJsonLine } from '../output.js';
import { span } from './stories.js';

/** Inputs → articles (extractInputs) → families, stories and storylines (clusterArticles). Ids are the inputs. */
export async function clusterInputs(inputs: string[], flags: FetchFlags = {}): Promise<Clustering & { docs: PipelineArticle[]; failures: string[] }> {
  const { articles, failures } = await extractInputs(inputs, collectOptions(flags), budgetOptions(flags));
  const docs = articles.map(({ input, article }) => pipelineArticle(input, article));
  return { docs, failures, ...clusterArticles(docs) };
}

export function registerCluster(program: Command): void {
  const cmd = program
    .command('cluster')
    .description('group inputs into syndication families, stories (one event) and storylines (stories over days); nothing stored')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--json', 'one JSON object: {stories, families, storylines}');
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & { json?: boolean }) => {
    const { docs, families, failures, ...result } = await clusterInputs(inputs, opts);
    for (const f of failures) process.stderr.write(`error: ${f}\n`);
    const lineOf = new Map(result.storylines.flatMap((l) => l.stories.map((s) => [s, l.id] as const)));
    if (opts.json) {
      writeJsonLine({
        stories: result.stories.map((s) => ({ id: s.id, title: s.title, members: s.members, families: s.families.length, first: s.first, last: s.last, storyline: lineOf.get(s.id) ?? null, developments: s.developments })),
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
