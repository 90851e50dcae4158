/**
 * `npm run bench:compose`: time to compose one 20-article story on one core (one process, no workers), from
 * analysis to the verified composite (families found, every sentence through the verifier gate). The story is built
 * at run time: the White House seed copies 000, 002, 003 (../shared/seeds, when present, never copied here), the
 * flood story of examples/corpus, and perturbed copies of them (paragraphs dropped, a word changed: syndicated
 * copies with edits) up to 20 articles, captions included (they feed "People in this story"). Reports the median of `--runs` (default 7) and the Markdown render time.
 * Usage: node dist/bench/compose.js [--runs N] [--words N]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeStory, type ComposeArticle } from '../src/compose/index.js';
import { articleText, extractDocument } from '../src/extract/index.js';
import { toMarkdown } from '../src/publish/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const seeds = resolve(root, '..', 'shared', 'seeds');
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const runs = arg('--runs', 7);
const words = arg('--words', 600);

const load = (path: string, id: string): ComposeArticle => {
  const a = extractDocument({ content: readFileSync(path, 'utf8'), kind: path.endsWith('.html') ? 'html' : 'text' });
  return { id, text: articleText(a), title: a.title, publisher: a.publisher, via: a.via, url: a.url, published: a.published, byline: a.byline, captions: a.captions };
};
const base: ComposeArticle[] = [];
if (existsSync(seeds)) for (const f of readdirSync(seeds).filter((x) => /^(000|002|003)_.*\.txt$/.test(x)).sort()) base.push(load(join(seeds, f), f));
const corpus = join(root, 'examples', 'corpus');
for (const f of ['wire-northgate-press.html', 'outlet-c-independent.html', 'outlet-d-analysis.html', 'outlet-b-syndicated.txt']) base.push(load(join(corpus, f), f));

/** A syndicated copy with edits: every `k`-th paragraph dropped, one word swapped, a paragraph added from another story. */
function perturb(a: ComposeArticle, n: number): ComposeArticle {
  const paras = a.text.split(/\n\n/);
  const kept = paras.filter((_, i) => (i + n) % (3 + (n % 3)) !== 0);
  const edited = kept.map((p, i) => (i === 1 ? p.replace(/\bsaid\b/, 'told reporters') : p));
  return { ...a, id: `${a.id}#copy${n}`, text: edited.join('\n\n'), url: null, publisher: `Copy ${n}` };
}
const story: ComposeArticle[] = [...base];
for (let n = 1; story.length < 20; n++) story.push(perturb(base[n % base.length]!, n));

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const times: number[] = [];
const renders: number[] = [];
let last = composeStory({ articles: story }, { words }); // warm-up
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  last = composeStory({ articles: story }, { words });
  const t1 = performance.now();
  toMarkdown(last);
  renders.push(performance.now() - t1);
  times.push(t1 - t0);
}
const totalWords = story.reduce((s, a) => s + a.text.split(/\s+/).length, 0);
console.log(`compose: ${story.length} articles (${totalWords} words, ${last.provenance.families.length} families), ${runs} runs`);
console.log(`  median ${median(times).toFixed(1)} ms per story (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); Markdown render ${median(renders).toFixed(2)} ms`);
console.log(`  composite: ${last.words} words, ${last.provenance.counts.published} sentences published, ${last.provenance.rejected.length} rejected by the gate, ${last.provenance.counts.facts} facts from ${last.provenance.counts.sentences} sentences, ${last.people?.length ?? 0} people`);
