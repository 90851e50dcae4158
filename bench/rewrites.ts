/**
 * `npm run bench:rewrites`: how many of the composer's rewritten sentences changed a named entity, a number or a
 * date (target 0). Stories: the ECB+ dev stories of ../shared/data/ecbplus-dev (gold clusters, stories.json), each
 * composed from its documents as plain text. Every published sentence with at least one recorded rewrite is read
 * against the source sentence it was rewritten from by bench/rewrite-check.ts (an independent reading, not the
 * gate). Nothing is tuned on this; the data is test data and is never copied into the repository.
 * Usage: node dist/bench/rewrites.js [--json] [--dump] [--stories N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeStory, type ComposeArticle, type CompositeSentence } from '../src/compose/index.js';
import { personFormsOf, rewriteChanges, runsOf, type RewriteChange } from './rewrite-check.js';

const here = dirname(fileURLToPath(import.meta.url));
function findData(): string | null {
  for (let dir = here, i = 0; i < 6; i++, dir = dirname(dir)) {
    const f = join(dir, '..', 'shared', 'data', 'ecbplus-dev');
    if (existsSync(join(f, 'docs.jsonl'))) return resolve(f);
  }
  return null;
}
const dir = findData();
if (!dir) {
  console.error('bench:rewrites: ../shared/data/ecbplus-dev not found beside the repository');
  process.exit(1);
}
const argN = process.argv.indexOf('--stories');
const limit = argN >= 0 ? Number(process.argv[argN + 1]) : Infinity;

interface Doc { id: string; text: string }
const docs = new Map(readFileSync(join(dir, 'docs.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Doc).map((d) => [d.id, d]));
const stories = JSON.parse(readFileSync(join(dir, 'stories.json'), 'utf8')) as Record<string, string[]>;

interface Row { story: string; text: string; source: string; rewrites: CompositeSentence['rewrites']; changes: RewriteChange[] }
const rows: Row[] = [];
let composed = 0;
for (const [story, ids] of Object.entries(stories).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (composed >= limit) break;
  // ECB+ keeps one paragraph per line; the composer reads blank-line paragraphs.
  const articles: ComposeArticle[] = ids.flatMap((id) => {
    const d = docs.get(id);
    return d ? [{ id, text: d.text.split('\n').join('\n\n'), title: null, publisher: null, via: null, url: null, published: null, byline: null }] : [];
  });
  if (articles.length < 2) continue;
  composed++;
  const c = composeStory({ articles });
  const texts = articles.map((a) => a.text);
  const runs = runsOf(texts);
  const persons = personFormsOf(texts);
  for (const s of [...c.lede, ...c.sections.flatMap((x) => x.paragraphs.flat())]) {
    if (!s.rewrites.length) continue;
    const own = s.citations[0]!;
    // Cuts the rewrite records (a dateline, a connective) are not changes of an entity.
    let source = own.text;
    for (const r of s.rewrites) if (r.kind === 'dateline' || r.kind === 'connective') source = source.replace(r.from, '');
    const antecedents = s.citations.slice(1).filter((x) => x.articleId === own.articleId).map((x) => x.text);
    rows.push({ story, text: s.text, source: own.text, rewrites: s.rewrites, changes: rewriteChanges(s.text, source, runs, persons, antecedents) });
  }
}
const changed = rows.filter((r) => r.changes.length);
const report = {
  data: 'ecbplus-dev (gold stories)',
  stories: composed,
  rewritten: rows.length,
  changed: changed.length,
  entity: changed.filter((r) => r.changes.some((x) => x.kind === 'entity')).length,
  numberOrDate: changed.filter((r) => r.changes.some((x) => x.kind === 'number-or-date')).length,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else console.log(`rewrites: ${report.changed} of ${report.rewritten} rewritten sentences changed an entity, number or date (entity ${report.entity}, number/date ${report.numberOrDate}) over ${report.stories} stories`);
if (process.argv.includes('--dump')) {
  for (const r of rows) console.log(`${r.changes.length ? 'XX' : '  '} [${r.story}] ${r.text}\n     from: ${r.source}\n     edits: ${JSON.stringify(r.rewrites.map((x) => `${x.kind}:${x.from}→${x.to}`))}${r.changes.length ? `\n     ${r.changes.map((x) => x.detail).join('; ')}` : ''}`);
}
