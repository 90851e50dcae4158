/**
 * Issue 19: the composer's rewrites change no fact. On the invented corpus of test/corpus/rewrites (organisations
 * that begin with a place, family-name-first names, "Sen." abbreviations, role nouns, two people sharing a surname),
 * the bundled example and the seeds (when ../shared is there): every sentence the composer writes names only what
 * its cited spans name, and every rewritten sentence changes no entity, number or date by the independent reading of
 * bench/rewrite-check.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { personFormsOf, rewriteChanges, runsOf } from '../../bench/rewrite-check.js';
import { loadArticles } from '../cli/commands/write.js';
import { namesNotInSpans } from '../verify/index.js';
import { composeWithSources, type ComposeArticle, type Composite, type CompositeSentence } from './index.js';
import { NameBook } from './names.js';
import { keyQuotes } from './quotes.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusFiles = ['herald.txt', 'courier.txt', 'wire.txt'].map((f) => join(root, 'test', 'corpus', 'rewrites', f));
const exampleFiles = ['wire-northgate-press.html', 'outlet-a-syndicated.html', 'outlet-b-syndicated.txt', 'outlet-c-independent.html', 'outlet-d-analysis.html', 'aggregator-copy.txt'].map((f) => join(root, 'examples', 'corpus', f));
const seedsDir = join(root, '..', 'shared', 'seeds');
const seedFiles = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => /^00[0234]_.*\.txt$/.test(f)).sort().map((f) => join(seedsDir, f)) : [];

const bodyOf = (c: Composite): CompositeSentence[] => [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];

async function composed(files: string[]): Promise<{ articles: ComposeArticle[]; c: Composite; prep: ReturnType<typeof composeWithSources>['prep'] }> {
  const { articles } = await loadArticles(files);
  const { composite, prep } = composeWithSources({ articles });
  return { articles, c: composite, prep };
}

/** The promise checked for every sentence the composer writes. */
function checkNames(articles: ComposeArticle[], c: Composite, prep: ReturnType<typeof composeWithSources>['prep']): void {
  const body = bodyOf(c);
  expect(body.length).toBeGreaterThan(3);
  const texts = articles.flatMap((a) => [a.text, a.title ?? '']);
  const runs = runsOf(texts);
  const persons = personFormsOf(texts);
  for (const s of body) {
    const gaps = namesNotInSpans(prep.index, s.text, s.citations.map((x) => ({ sourceId: x.articleId, start: x.start, end: x.end })));
    expect(gaps, `${s.text}\n  cites: ${s.citations.map((x) => x.text).join(' | ')}`).toEqual([]);
    if (!s.rewrites.length) continue;
    let source = s.citations[0]!.text;
    for (const r of s.rewrites) if (r.kind === 'dateline' || r.kind === 'connective') source = source.replace(r.from, '');
    const own = s.citations[0]!.articleId;
    const changes = rewriteChanges(s.text, source, runs, persons, s.citations.slice(1).filter((x) => x.articleId === own).map((x) => x.text));
    expect(changes, `${s.text}\n  from: ${s.citations[0]!.text}`).toEqual([]);
  }
}

describe('rewrites license only what the sources write (invented corpus)', async () => {
  const { articles, c, prep } = await composed(corpusFiles);
  const text = bodyOf(c).map((s) => s.text).join('\n');

  it('every sentence names only what its cited spans name', () => checkNames(articles, c, prep));

  it('never cuts or lengthens an organisation or place name', () => {
    for (const m of text.matchAll(/\bCastellan\b/g)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index, m.index + 20);
      // "Air Castellan", "Castellan Clinic", "off Castellan", "to Castellan", "from Castellan".
      expect(/Air $|(?:off|in|to|from|at) $/.test(before) || /^Castellan Clinic/.test(after), `${before}|${after}`).toBe(true);
    }
    expect(text).not.toMatch(/(?<!Harbour )Control said/);
    expect(text).not.toMatch(/Castellan Clinic (?:Clinic|Control)/);
  });

  it('learns name order from the sources: "Tep" (the family name, as "Mr Tep" writes it), never "Vanna"; "Chau Sen" in full', () => {
    const book = new NameBook(prep.analyses, articles.map((a) => a.text));
    expect(book.surname('Tep Vanna')).toBe('Tep');
    expect(book.surname('Chau Sen')).toBe('Chau Sen');
    expect(text).not.toMatch(/(?<!Tep )Vanna\b/);
    expect(text).not.toMatch(/(?<!Chau )\bSen\b(?!\.)/);
  });

  it('keeps two people who share a surname apart', () => {
    const book = new NameBook(prep.analyses, articles.map((a) => a.text));
    expect(book.full('Okoro')).toBe('Okoro');
    expect(book.surname('Daniel Okoro')).toBe('Daniel Okoro');
    expect(text).not.toMatch(/Daniel Okoro, who was treated for hypothermia/);
  });

  it('gives a quote to the speaker its own attribution binds, not to a namesake', () => {
    const book = new NameBook(prep.analyses, articles.map((a) => a.text));
    const quotes = keyQuotes(prep, (name, aliases) => book.full(name, aliases), new Set());
    const cold = quotes.find((q) => q.text.startsWith('The water was so cold'));
    expect(cold?.speaker).toBe('Piet Okoro');
  });

  it('turns a role noun into a name only where the same source binds them', () => {
    expect(text).not.toMatch(/Rafe Doss declined/);
    expect(text).toMatch(/current harbour board president declined|^(?![\s\S]*declined to comment)/);
  });

  it('splits after a name that ends in "Sen." and not after the title "Sen."', () => {
    const a = prep.analyses[prep.articles.findIndex((x) => x.id.endsWith('wire.txt'))]!;
    expect(a.sentences.some((s) => s.text.endsWith('released by Chau Sen.'))).toBe(true);
    expect(a.sentences.some((s) => s.text === 'The statement was issued on Monday.')).toBe(true);
    const b = prep.analyses[prep.articles.findIndex((x) => x.id.endsWith('courier.txt'))]!;
    expect(b.sentences.some((s) => s.text.startsWith('Sen. Marla Quint said'))).toBe(true);
  });

  it('lists only the real difference, one quantity with both source sentences', () => {
    expect(c.disagreements.map((d) => [d.kind, d.values.map((v) => v.value).sort()])).toEqual([['number', ['Eleven crew', 'Twelve crew']]]);
    for (const v of c.disagreements[0]!.values) expect(v.sentence).toMatch(/crew members were rescued on Sunday/);
  });
});

describe('rewrites license only what the sources write (bundled example)', async () => {
  const { articles, c, prep } = await composed(exampleFiles);
  it('every sentence names only what its cited spans name', () => checkNames(articles, c, prep));
  it('"Where sources differ" compares one quantity: the people evacuated', () => {
    expect(c.disagreements.map((d) => [d.kind, d.about])).toEqual([['number', 'people evacuated']]);
    for (const v of c.disagreements[0]!.values) expect(v.sentence).toMatch(/evacuated/);
  });
});

describe.skipIf(seedFiles.length === 0)('rewrites license only what the sources write (seeds)', async () => {
  const { articles, c, prep } = seedFiles.length ? await composed(seedFiles) : ({} as Awaited<ReturnType<typeof composed>>);
  it('every sentence names only what its cited spans name', () => checkNames(articles, c, prep));
  it('"Where sources differ" lists no false difference', () => {
    expect(c.disagreements).toEqual([]);
  });
});
