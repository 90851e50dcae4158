/**
 * `roundup write <paths...> [--format md|html|text|json] [--words N]`: stateless. Collects and extracts every input,
 * groups them into stories and storylines (../../stories),
 * and writes one composite per story to standard output.
 */
import type { Command } from 'commander';
import { extractiveWriter, modelWriter, type ComposeArticle, type ComposeInput, type ComposeOptions, type Composite, type ModelWriterOptions, type StorylineInput } from '../../compose/index.js';
import type { Family } from '../../families/index.js';
import { composeOverview, MIN_OVERVIEW_DEVELOPMENTS, type OverviewInput } from '../../compose/overview.js';
import { clusterArticles, pipelineArticle, type Clustering, type PipelineArticle } from '../../pipeline/cluster.js';
import { timelineOf } from '../../pipeline/composite.js';
import { extractInputs } from '../../pipeline/extract-inputs.js';
import { toHtml, toHtmlDocument, toJson, toMarkdown, toText } from '../../publish/index.js';
import { budgetOptions, collectOptions, fetchOptionFlags, positiveInt, type FetchFlags } from '../options.js';
import { EXIT } from '../output.js';

export type WriteFormat = 'md' | 'html' | 'text' | 'json';
const FORMATS: readonly WriteFormat[] = ['md', 'html', 'text', 'json'];

/** The `--format` flag checked (default md). */
export function formatOf(flag: string | undefined): WriteFormat {
  const format = (flag ?? 'md') as WriteFormat;
  if (!FORMATS.includes(format)) throw new Error(`unknown --format ${flag} (md, html, text or json)`);
  return format;
}

/** Inputs → articles (extractInputs); failures are listed, not thrown. */
export async function loadArticles(inputs: string[], flags: FetchFlags = {}): Promise<{ articles: PipelineArticle[]; failures: string[] }> {
  const { articles, failures } = await extractInputs(inputs, collectOptions(flags), budgetOptions(flags));
  return { articles: articles.map(({ input, article }) => pipelineArticle(input, article)), failures };
}

export interface StoryGroup {
  id: string;
  /** The story's title (../stories), the composite's headline. */
  title: string | null;
  articles: ComposeArticle[];
  /** The syndication families the story's articles belong to. */
  families: Family[];
  storyline: StorylineInput | null;
  /** The timeline entry of this story (its latest development when the timeline is its developments). */
  timelineId: string;
}

/** The stories of a clustering (clusterArticles), each with its articles, its families and its storyline. */
export function groupIntoStories(articles: readonly ComposeArticle[], result: Clustering): StoryGroup[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups = new Map<string, StoryGroup>();
  for (const s of result.stories) {
    const ids = new Set(s.members);
    const families = result.families.filter((f) => f.members.some((m) => ids.has(m.id)));
    const timeline = s.developments.length > 1;
    groups.set(s.id, {
      id: s.id,
      title: s.title,
      articles: s.members.map((m) => byId.get(m)).filter((a): a is ComposeArticle => !!a),
      families,
      storyline: timeline ? timelineOf(s.id, s.developments) : null,
      timelineId: timeline ? `${s.id}.${s.developments.length}` : s.id,
    });
  }
  const meta = new Map(result.stories.map((s) => [s.id, { id: s.id, title: s.title, published: s.first }]));
  for (const line of result.storylines) {
    if (line.stories.length < 2) continue;
    const storyline: StorylineInput = { stories: line.stories.map((id) => meta.get(id)!) };
    for (const id of line.stories) groups.get(id)!.storyline ??= storyline;
  }
  return [...groups.values()].filter((g) => g.articles.length > 0);
}

/**
 * The overviews to write before the stories' articles: one per storyline of two or more stories (each story a
 * development), and one per story of MIN_OVERVIEW_DEVELOPMENTS or more day developments outside such a storyline.
 */
export function overviewsOf(articles: readonly ComposeArticle[], result: Clustering): OverviewInput[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = new Map(result.stories.map((s) => [s.id, s]));
  const input = (units: OverviewInput['units']): OverviewInput => {
    const ids = new Set(units.flatMap((u) => u.articleIds));
    return { articles: [...ids].map((id) => byId.get(id)).filter((a): a is ComposeArticle => !!a), families: result.families.filter((f) => f.members.some((m) => ids.has(m.id))), units };
  };
  const out: OverviewInput[] = [];
  const inLine = new Set<string>();
  for (const line of result.storylines) {
    if (line.stories.length < 2) continue;
    for (const id of line.stories) inLine.add(id);
    out.push(input(line.stories.map((id) => stories.get(id)!).map((s) => ({ id: s.id, title: s.title, published: s.first, articleIds: s.members }))));
  }
  for (const s of result.stories)
    if (!inLine.has(s.id) && s.developments.length >= MIN_OVERVIEW_DEVELOPMENTS)
      out.push(input(s.developments.map((d, i) => ({ id: `${s.id}.${i + 1}`, title: d.title, published: d.first, articleIds: d.members }))));
  return out.filter((o) => o.articles.length > 0);
}

export function render(c: Composite, format: WriteFormat): string {
  if (format === 'html') return toHtml(c);
  if (format === 'text') return toText(c);
  if (format === 'json') return JSON.stringify(toJson(c)) + '\n';
  return toMarkdown(c);
}

export interface WriterFlags {
  writer?: string;
  llmUrl?: string;
  llmModel?: string;
  llmTimeout?: number;
}

/** `--writer extractive|llm` and the model endpoint's flags (the key comes from ROUNDUP_LLM_KEY, never a flag). */
export function writerOptionFlags(cmd: Command): void {
  cmd
    .option('--writer <writer>', 'extractive (default) or llm: a model rephrases, the verifier gates each sentence', 'extractive')
    .option('--llm-url <url>', 'OpenAI-compatible endpoint for --writer llm (e.g. http://127.0.0.1:8080/v1); $ROUNDUP_LLM_URL')
    .option('--llm-model <name>', 'model name for --writer llm; $ROUNDUP_LLM_MODEL')
    .option('--llm-timeout <ms>', 'time limit of the model request, ms (default 60000)', positiveInt('--llm-timeout'));
}

/** The model writer's settings, or null for the extractive writer. Throws on a bad combination. */
export function modelWriterOf(flags: WriterFlags, env: NodeJS.ProcessEnv = process.env): ModelWriterOptions | null {
  const writer = flags.writer ?? 'extractive';
  if (writer === 'extractive') return null;
  if (writer !== 'llm') throw new Error(`unknown --writer ${writer} (extractive or llm)`);
  const url = flags.llmUrl ?? env.ROUNDUP_LLM_URL;
  const model = flags.llmModel ?? env.ROUNDUP_LLM_MODEL;
  if (!url) throw new Error('--writer llm needs --llm-url (or $ROUNDUP_LLM_URL)');
  if (!model) throw new Error('--writer llm needs --llm-model (or $ROUNDUP_LLM_MODEL)');
  return { url, model, key: env.ROUNDUP_LLM_KEY ?? null, ...(flags.llmTimeout ? { timeoutMs: flags.llmTimeout } : {}) };
}

/** One composite with the chosen writer; the model writer's warnings go to `warn`. */
export async function composeWith(input: ComposeInput, options: ComposeOptions, model: ModelWriterOptions | null, warn: (line: string) => void): Promise<Composite> {
  const { composite, warnings } = await (model ? modelWriter(model) : extractiveWriter).write(input, options);
  for (const w of warnings) warn(w);
  return composite;
}

export function registerWrite(program: Command): void {
  const cmd = program
    .command('write')
    .description('write one merged, cited article per story found in the inputs; stores nothing')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--format <format>', 'md, html, text or json', 'md')
    .option('--words <n>', 'target length of each article in words (default 600)', positiveInt('--words'));
  fetchOptionFlags(cmd);
  writerOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & WriterFlags & { format?: string; words?: number }) => {
    const format = formatOf(opts.format);
    const model = modelWriterOf(opts);
    const { articles, failures } = await loadArticles(inputs, opts);
    for (const f of failures) process.stderr.write(`roundup write: ${f}\n`);
    const usable = articles.filter((a) => a.text.trim());
    if (!usable.length) throw new Error('none of the inputs gave an article');
    const clustering = clusterArticles(usable);
    const groups = groupIntoStories(usable, clustering);
    // HTML: one document for all the stories (written at the end); the other formats stream story by story.
    const pages: Composite[] = [];
    let written = 0;
    const emit = (c: Composite): void => {
      if (format === 'html') {
        pages.push(c);
        return;
      }
      if (written++ > 0 && format !== 'json') process.stdout.write('\n\n');
      process.stdout.write(render(c, format));
    };
    // Storyline overviews first (extractive: an overview is a selection of the stories' own sentences).
    for (const o of overviewsOf(usable, clustering)) emit(composeOverview(o, opts.words ? { words: opts.words } : {}));
    for (const g of groups) {
      emit(await composeWith({ articles: g.articles, families: g.families, storyline: g.storyline, storyId: g.timelineId, headline: g.title }, opts.words ? { words: opts.words } : {}, model, (w) => process.stderr.write(`roundup write: ${w}
`)));
    }
    if (pages.length) process.stdout.write(toHtmlDocument(pages));
    process.exitCode = failures.length ? EXIT.someFailed : EXIT.ok;
  });
}
