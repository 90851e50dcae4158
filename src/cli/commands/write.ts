/**
 * `roundup write <paths...> [--format md|html|text|json] [--words N]`: stateless. Collects and extracts every input,
 * groups them into stories (with ../../stories when it is there, else all inputs form one story, said on stderr),
 * and writes one composite per story to standard output.
 */
import type { Command } from 'commander';
import { composeStory, type ComposeArticle, type Composite, type StorylineInput } from '../../compose/index.js';
import { findFamilies, type Family } from '../../families/index.js';
import { articleText, extractRaw } from '../../extract/index.js';
import { collect } from '../../ingest/index.js';
import { toHtml, toJson, toMarkdown, toText } from '../../publish/index.js';
import { collectOptions, fetchOptionFlags, positiveInt, type FetchFlags } from '../options.js';
import { EXIT } from '../output.js';

export type WriteFormat = 'md' | 'html' | 'text' | 'json';
const FORMATS: readonly WriteFormat[] = ['md', 'html', 'text', 'json'];

/** Inputs → articles (collect + extractRaw); failures are listed, not thrown. */
export async function loadArticles(inputs: string[], flags: FetchFlags = {}): Promise<{ articles: ComposeArticle[]; failures: string[] }> {
  const articles: ComposeArticle[] = [];
  const failures: string[] = [];
  for await (const event of collect(inputs, collectOptions(flags))) {
    if (event.type === 'failure') failures.push(`${event.input}: ${event.error.message}`);
    else if (event.type === 'document') {
      const a = extractRaw(event.raw);
      articles.push({ id: event.input, text: articleText(a), title: a.title, publisher: a.publisher, via: a.via, url: a.canonicalUrl ?? a.url, published: a.published, byline: a.byline });
    }
  }
  return { articles, failures };
}

export interface StoryGroup {
  id: string;
  articles: ComposeArticle[];
  storyline: StorylineInput | null;
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null;

/**
 * Story grouping through ../../stories when it exports a batch clustering function (one of the names below) that
 * returns `{stories: [{id, title?, members: [article id...]}], storylines?: [{id, stories: [id...]}]}` (or the
 * story list itself); null when the module is absent or answers in another shape.
 */
async function groupWithStories(articles: ComposeArticle[], families: Family[]): Promise<StoryGroup[] | null> {
  let mod: Rec;
  try {
    const path = '../../stories/index.js';
    mod = (await import(path)) as Rec;
  } catch {
    return null;
  }
  const names = ['clusterStories', 'findStories', 'clusterBatch', 'cluster'];
  const fn = names.map((n) => mod[n]).find((f): f is (docs: unknown[], options: unknown) => unknown => typeof f === 'function');
  if (!fn) return null;
  let result: unknown;
  try {
    result = await fn(articles.map((a) => ({ ...a })), { families });
  } catch {
    return null;
  }
  const stories = Array.isArray(result) ? result : isRec(result) ? result.stories : null;
  if (!Array.isArray(stories)) return null;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const groups: StoryGroup[] = [];
  const meta = new Map<string, { title: string | null; published: string | null }>();
  for (const s of stories) {
    if (!isRec(s) || !Array.isArray(s.members)) return null;
    const id = String(s.id ?? `story-${groups.length + 1}`);
    const members = (s.members as unknown[]).map((m) => (isRec(m) ? String(m.id ?? m.input ?? '') : String(m))).map((m) => byId.get(m)).filter((a): a is ComposeArticle => !!a);
    if (!members.length) continue;
    const dates = members.map((a) => a.published).filter((d): d is string => !!d).sort();
    meta.set(id, { title: typeof s.title === 'string' ? s.title : null, published: dates[0] ?? null });
    groups.push({ id, articles: members, storyline: null });
  }
  if (!groups.length) return null;
  const storylines = isRec(result) && Array.isArray(result.storylines) ? (result.storylines as unknown[]) : [];
  for (const sl of storylines) {
    if (!isRec(sl) || !Array.isArray(sl.stories)) continue;
    const ids = (sl.stories as unknown[]).map((x) => (isRec(x) ? String(x.id) : String(x))).filter((x) => meta.has(x));
    if (ids.length < 2) continue;
    const line: StorylineInput = { stories: ids.map((id) => ({ id, ...meta.get(id)! })) };
    for (const g of groups) if (ids.includes(g.id)) g.storyline = line;
  }
  return groups;
}

export function render(c: Composite, format: WriteFormat): string {
  if (format === 'html') return toHtml(c);
  if (format === 'text') return toText(c);
  if (format === 'json') return JSON.stringify(toJson(c)) + '\n';
  return toMarkdown(c);
}

export function registerWrite(program: Command): void {
  const cmd = program
    .command('write')
    .description('write one merged, cited article per story found in the inputs; stores nothing')
    .argument('<inputs...>', 'paths, folders, http(s) URLs, feeds, or - for standard input')
    .option('--format <format>', 'md, html, text or json', 'md')
    .option('--words <n>', 'target length of each article in words (default 600)', positiveInt('--words'));
  fetchOptionFlags(cmd);
  cmd.action(async (inputs: string[], opts: FetchFlags & { format?: string; words?: number }) => {
    const format = (opts.format ?? 'md') as WriteFormat;
    if (!FORMATS.includes(format)) throw new Error(`unknown --format ${opts.format} (md, html, text or json)`);
    const { articles, failures } = await loadArticles(inputs, opts);
    for (const f of failures) process.stderr.write(`roundup write: ${f}\n`);
    const usable = articles.filter((a) => a.text.trim());
    if (!usable.length) throw new Error('none of the inputs gave an article');
    const families = findFamilies(usable.map((a) => ({ id: a.id, text: a.text, title: a.title, published: a.published, publisher: a.publisher })));
    let groups = await groupWithStories(usable, families);
    if (!groups) {
      process.stderr.write(`roundup write: no story clustering available; treating all ${usable.length} inputs as one story\n`);
      groups = [{ id: 'story-1', articles: usable, storyline: null }];
    }
    groups.forEach((g, i) => {
      const ids = new Set(g.articles.map((a) => a.id));
      const own = families.filter((f) => f.members.some((m) => ids.has(m.id)));
      const c = composeStory({ articles: g.articles, families: own, storyline: g.storyline, storyId: g.id }, opts.words ? { words: opts.words } : {});
      const out = render(c, format);
      if (i > 0 && format !== 'json') process.stdout.write(format === 'html' ? '\n' : '\n\n');
      process.stdout.write(out);
    });
    process.exitCode = failures.length ? EXIT.someFailed : EXIT.ok;
  });
}
