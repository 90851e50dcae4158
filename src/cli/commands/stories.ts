import type { Command } from 'commander';
import { ClusterStore, type StoryDetail, type StorySummary } from '../../store/clusters.js';
import { articlesFromSources } from '../../plural.js';
import { dbOption, openStore, positiveInt, type DbFlag } from '../options.js';
import { clip, renderTable, writeJsonLine } from '../output.js';

/** Rows shown on a terminal when no --limit is given; --json prints all rows unless --limit. */
const DEFAULT_TERMINAL_ROWS = 30;

export const storyRef = (id: number): string => `s${id}`;
export const storylineRef = (id: number | null): string | null => (id === null ? null : `l${id}`);

/** `s12` → 12; anything else → null. */
export function parseStoryRef(s: string): number | null {
  const m = /^s(\d+)$/i.exec(s.trim());
  return m ? Number(m[1]) : null;
}

export function span(s: Pick<StorySummary, 'first' | 'last'>): string {
  const a = s.first?.slice(0, 10);
  const b = s.last?.slice(0, 10);
  if (!a) return '-';
  return b && b !== a ? `${a}..${b}` : a;
}

export function storyJson(s: StorySummary): Record<string, unknown> {
  return { id: storyRef(s.id), title: s.title, articles: s.articles, families: s.families, first: s.first, last: s.last, storyline: storylineRef(s.storyline) };
}

export function registerStories(program: Command): void {
  const cmd = program
    .command('stories')
    .description('list stored stories, ranked by independent sources (families) and recency')
    .option('--json', 'one JSON line per story (all rows unless --limit)')
    .option('--limit <n>', 'at most this many rows', positiveInt('--limit'));
  dbOption(cmd);
  cmd.action((opts: DbFlag & { json?: boolean; limit?: number }) => {
    const store = openStore(opts, { mustExist: true });
    try {
      const clusters = new ClusterStore(store.db);
      const limit = opts.limit ?? (opts.json ? undefined : DEFAULT_TERMINAL_ROWS);
      const rows = clusters.listStories({ limit });
      if (opts.json) {
        for (const r of rows) writeJsonLine(storyJson(r));
        return;
      }
      if (!rows.length) {
        process.stdout.write('no stories yet: try `roundup ingest <path|url>` (stories are computed at the end of ingest and reprocess)\n');
        return;
      }
      process.stdout.write(
        renderTable(
          ['ID', 'INDEPENDENT', 'ARTICLES', 'SPAN', 'LINE', 'TITLE'],
          rows.map((r) => [storyRef(r.id), String(r.families), String(r.articles), span(r), storylineRef(r.storyline) ?? '-', clip(r.title ?? '(untitled)', 80)]),
        ),
      );
      const total = clusters.countStories();
      if (rows.length < total && !opts.limit) process.stdout.write(`(${rows.length} of ${total} shown; --limit N or --json for more)\n`);
    } finally {
      store.close();
    }
  });
}

/**
 * `roundup show s<N>`: members grouped by family, what each copy adds and drops, what each other family adds over the
 * story's lead, its developments (each day's news), the storyline around it.
 */
export function renderStory(d: StoryDetail): string {
  const out: string[] = [];
  out.push(`${storyRef(d.id)}  ${d.title ?? '(untitled)'}`);
  out.push(`${articlesFromSources(d.articles, d.families)} (families), ${span(d)}${d.storyline !== null ? `, storyline ${storylineRef(d.storyline)}` : ''}`);
  out.push('');
  const byId = new Map(d.members.map((m) => [m.id, m]));
  const label = (id: number): string => {
    const m = byId.get(id);
    return m ? `[${m.id}] ${m.publisher ?? '-'}, ${m.published?.slice(0, 16) ?? 'undated'}: ${clip(m.title ?? m.locator, 70)}` : `[${id}]`;
  };
  const versionOf = new Map((d.versions ?? []).map((v) => [v.id, v]));
  d.familyDetails.forEach((f, i) => {
    out.push(`Family ${i + 1} (${f.members.length === 1 ? 'one article' : `${f.members.length} copies`})`);
    out.push(`  canonical ${label(f.canonical)}`);
    const v = versionOf.get(f.canonical);
    if (v) {
      out.push(v.adds.length ? `    adds over [${v.over}]:` : `    adds nothing over [${v.over}]`);
      for (const a of v.adds) out.push(`      + ${clip(a.text, 110)}`);
    }
    for (const m of f.members) {
      if (m.id === f.canonical) continue;
      out.push(`  copy      ${label(m.id)}  similarity ${m.similarity.toFixed(2)}`);
      for (const a of m.adds) out.push(`      + ${clip(a.text, 110)}`);
      for (const x of m.drops) out.push(`      - ${clip(x.text, 110)}`);
      if (!m.adds.length && !m.drops.length) out.push('      (same sentences)');
    }
    out.push('');
  });
  if (d.developments.length > 1) {
    out.push('Developments');
    d.developments.forEach((dev, i) => {
      out.push(`  ${String(i + 1).padEnd(3)} ${(dev.first?.slice(0, 10) ?? 'undated').padEnd(10)}  ${clip(dev.title ?? '(untitled)', 80)}  [${dev.members.join(', ')}]`);
    });
    out.push('');
  }
  if (d.storylineStories.length) {
    const at = d.storylineStories.findIndex((s) => s.id === d.id);
    out.push(`Storyline ${storylineRef(d.storyline)}`);
    d.storylineStories.forEach((s, i) => {
      const mark = i === at ? '→' : i === at - 1 ? 'previous' : i === at + 1 ? 'next' : '';
      out.push(`  ${mark.padEnd(8)} ${storyRef(s.id).padEnd(5)} ${span(s).padEnd(22)} ${clip(s.title ?? '(untitled)', 70)}`);
    });
  }
  return out.join('\n').trimEnd() + '\n';
}
