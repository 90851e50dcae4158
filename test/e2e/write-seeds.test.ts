/**
 * `roundup write` acceptance on the seed copies (../shared/seeds, read at run time: third-party text, never copied
 * here) and on our invented corpus (examples/corpus). The CLI part needs the built CLI (`npm run build`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupIntoStories, loadArticles } from '../../src/cli/commands/write.js';
import { clusterArticles } from '../../src/pipeline/cluster.js';
import { composeStory, type ComposeArticle, type Composite } from '../../src/compose/index.js';
import { toMarkdown } from '../../src/publish/index.js';
import { analyse, contentWords } from '../../src/text/index.js';
import { buildSourceIndex, verifyClaim } from '../../src/verify/index.js';
import { jsonLines, missingShared, repoRoot, runCli, sharedPath } from './helpers.js';

const skip = missingShared('seeds');
const seeds = skip ? [] : readdirSync(sharedPath('seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const seed = (p: string): string => `../shared/seeds/${seeds.find((f) => f.startsWith(p))!}`;

const body = (c: Composite): { text: string; paraStart: boolean; citations: Composite['lede'][number]['citations'] }[] => {
  const out: { text: string; paraStart: boolean; citations: Composite['lede'][number]['citations'] }[] = [];
  c.lede.forEach((s, i) => out.push({ text: s.text, paraStart: i === 0, citations: s.citations }));
  for (const sec of c.sections) for (const p of sec.paragraphs) p.forEach((s, i) => out.push({ text: s.text, paraStart: i === 0, citations: s.citations }));
  return out;
};
const stems = (s: string): Set<string> => new Set(contentWords(s).map((w) => w.stem));
const jaccard = (a: Set<string>, b: Set<string>): number => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n || 1);
};

/** The photo captions of the loaded articles (loadArticles keeps them verbatim). */
const captionsOf = (articles: readonly ComposeArticle[]): string[] => articles.flatMap((a) => a.captions ?? []);

const BOILERPLATE = /\b(?:read more|sign up|subscribe|newsletter|click here|advertisement|cookie|share this|follow us|download the app|open image in gallery|all rights reserved)\b/i;

/** The checks every composite must pass: the promise, one voice, no repeats, headings from the section's own words. */
function checkArticle(c: Composite, sources: ComposeArticle[], captions: string[]): void {
  const index = buildSourceIndex(sources.map((a) => ({ id: a.id, text: a.text, published: a.published })));
  const sentences = body(c);
  expect(sentences.length).toBeGreaterThan(3);
  const texts = new Map(sources.map((a) => [a.id, a.text]));
  for (const [i, s] of sentences.entries()) {
    // Every sentence supported by the sources, every quote verbatim.
    const r = verifyClaim(s.text, index);
    expect(r.verdict, `${s.text} :: ${r.missing.join(', ')}`).toBe('supported');
    expect(r.quotes.every((q) => q.verbatim), s.text).toBe(true);
    // Citations point at real spans.
    for (const cit of s.citations) expect(texts.get(cit.articleId)!.slice(cit.start, cit.end)).toBe(cit.text);
    // No caption text, no boilerplate, no pronoun without its antecedent.
    for (const cap of captions) expect(s.text).not.toContain(cap.slice(0, 40));
    expect(s.text).not.toMatch(BOILERPLATE);
    if (/^(He|She|They)\b/.test(s.text)) {
      expect(s.paraStart, `unresolved pronoun opens a paragraph: ${s.text}`).toBe(false);
      const prev = sentences[i - 1]!.citations[0]!;
      const cur = s.citations[0]!;
      expect(prev.articleId === cur.articleId && /^\s*$/.test(texts.get(cur.articleId)!.slice(prev.end, cur.start)), `"${s.text}" does not follow its source predecessor`).toBe(true);
    }
  }
  // Key quotes: verbatim, no caption, no pronoun that lost its antecedent.
  for (const q of c.quotes) {
    expect(verifyClaim(`"${q.text}"`, index).quotes.every((x) => x.verbatim), q.text).toBe(true);
    expect(q.text).not.toMatch(/^(?:He|She|They|It|This)\b/);
    for (const cap of captions) expect(q.text).not.toContain(cap.slice(0, 40));
  }
  // People: each entry verified and cited (to text or caption).
  for (const p of c.people ?? []) {
    expect(p.verdict).toBe('supported');
    expect(p.citations.length).toBeGreaterThan(0);
    for (const cit of p.citations) {
      const src = cit.caption === undefined ? texts.get(cit.articleId)! : captions.find((x) => x.includes(cit.text)) ?? '';
      expect(src.slice(cit.start, cit.end), p.text).toBe(cit.text);
    }
  }
  // No two sentences say the same thing: lede, body and key quotes, by stem overlap and by containment.
  const all = [...sentences.map((s) => s.text), ...c.quotes.map((q) => q.text)];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const a = stems(all[i]!);
      const b = stems(all[j]!);
      const shared = [...a].filter((x) => b.has(x)).length;
      expect(jaccard(a, b), `${all[i]} ~ ${all[j]}`).toBeLessThan(0.6);
      expect(shared >= 5 && shared / Math.min(a.size, b.size) >= 0.6, `${all[i]} ~ ${all[j]}`).toBe(false);
    }
  // Headings: short, distinct, made of the section's own words, never just a person's name.
  const people = new Set(sources.flatMap((a) => analyse({ text: a.text }).entities.filter((e) => e.type === 'person').flatMap((e) => [e.name.toLowerCase(), e.name.split(/\s+/).pop()!.toLowerCase()])));
  const headings = c.sections.map((s) => s.heading ?? '');
  expect(new Set(headings.map((h) => h.toLowerCase())).size).toBe(headings.length);
  for (const sec of c.sections) {
    const h = sec.heading ?? '';
    expect(h.split(/\s+/).length).toBeLessThanOrEqual(6);
    expect(people.has(h.toLowerCase()), `heading is a name: ${h}`).toBe(false);
    const own = stems(sec.paragraphs.flat().map((s) => s.text).join(' '));
    for (const w of contentWords(h)) expect(own.has(w.stem), `heading word "${w.text}" not in its section`).toBe(true);
  }
}

describe.skipIf(skip !== null)('roundup write on the seeds (000, 002, 003 White House talks; 004 pre-summit)', () => {
  it('composes the White House talks article: verified, one voice, and covering the story', async () => {
    const inputs = [seed('000_'), seed('002_'), seed('003_')].map((p) => join(repoRoot, p));
    const { articles } = await loadArticles(inputs);
    const c = composeStory({ articles });
    const md = toMarkdown(c);
    expect(md).not.toMatch(/Scholz/);
    // Merz is named for the White House meeting only in a photo caption: he reaches the article through "People in
    // this story" (a verified name–role binding, cited to the caption), never as a body sentence.
    const people = md.split('## People in this story')[1]?.split(/\n## /)[0] ?? '';
    expect(people).toMatch(/Friedrich Merz\*\*, German chancellor/);
    const merz = c.people!.find((p) => p.name === 'Friedrich Merz')!;
    expect(merz.verdict).toBe('supported');
    expect(merz.citations.every((x) => x.caption !== undefined)).toBe(true);
    expect(body(c).some((s) => /Merz/.test(s.text))).toBe(false);
    checkArticle(c, articles, captionsOf(articles));
    const text = body(c).map((s) => s.text).join('\n');
    const covers: [string, RegExp][] = [
      ['security-guarantee work with the US from Tuesday', /security guarantees[^\n]*Tuesday|Tuesday[^\n]*security guarantees/],
      ['Trump arranging a Putin–Zelensky meeting, then a trilateral', /meeting between the Russian leader and Zelensky[^\n]*three-way|trilat/],
      ['Moscow "accepting" guarantees', /Moscow (?:will|would) ["“‘']accept/],
      ['Zelensky "ready"', /Zelensky[^\n]*["“‘']ready["”’']/],
      // Rutte is named (lede and People); his tariffs remark competes for the word budget with Starmer's "two
      // material outcomes" (002's "He touted…", which the verifier now confirms with "He" resolved to Starmer).
      ['Rutte at the talks', /Mark Rutte/],
      // The sentence may stand after its own source predecessor ("... the PM said. He touted ..."), where "He" stays
      // as written; elsewhere it names him, and only by a form the sources use (issue 19).
      ['the two material outcomes', /(?:Starmer|the PM said\.\s+He) touted ["“]two material outcomes/],
      ["Trump's conflicting ceasefire remarks", /conflicting views[^\n]*ceasefire|need a ceasefire/],
      ['the Alaska summit', /Alaska/],
      ['Article Five-style guarantees', /[Aa]rticle [Ff]ive/],
      ['the coalition of the willing', /coalition of the willing/],
    ];
    for (const [what, re] of covers) expect(text, what).toMatch(re);
    // Boilerplate never reaches the article.
    const gold = JSON.parse(readFileSync(sharedPath('seeds', 'gold.json'), 'utf8')) as { documents: Record<string, { boilerplate?: string[] }> };
    for (const doc of Object.values(gold.documents)) for (const b of doc.boilerplate ?? []) expect(md).not.toContain(b);
    expect(c.headline.from).toBe('source-headline');
    expect(articles.map((a) => a.title)).toContain(c.headline.text);
    expect(md).toContain(c.disclosure);
  });

  it('composes the pre-summit story (004) as its own article, naming Friedrich Merz', async () => {
    const { articles } = await loadArticles([join(repoRoot, seed('004_'))]);
    const c = composeStory({ articles });
    checkArticle(c, articles, []);
    const md = toMarkdown(c);
    expect(md).toMatch(/Friedrich Merz/);
    expect(md).not.toMatch(/Scholz/);
  });

  it('the same inputs in another order give the same composite', async () => {
    const { articles } = await loadArticles([seed('003_'), seed('000_'), seed('002_')].map((p) => join(repoRoot, p)));
    const a = composeStory({ articles });
    const b = composeStory({ articles: [...articles].reverse() });
    expect(toMarkdown(b)).toBe(toMarkdown(a));
  });

  it('roundup write on 000 002 003 004: Markdown articles that name Merz and never Scholz', () => {
    const r = runCli(['write', seed('000_'), seed('002_'), seed('003_'), seed('004_')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Scholz/);
    expect(r.stdout).toMatch(/Friedrich Merz/);
    const articles = r.stdout.split(/^(?=# )/m).filter((x) => x.trim());
    expect(articles.length).toBeGreaterThanOrEqual(1);
    for (const a of articles) expect(a).toContain('This article was assembled automatically by Roundup');
    // One story: the pre-summit call (004, Saturday) is the first development of the talks (000–003, Monday).
    expect(articles).toHaveLength(1);
    const main = articles[0]!;
    // The White House article itself names Merz (People in this story, from 002's caption).
    expect(main).toMatch(/\*\*Friedrich Merz\*\*, German chancellor/);
    // Its headline is the story's title (one headline per story): a source headline of the talks.
    expect(main).toMatch(/^# Starmer hails /);
    // The timeline: the two developments with their days, the latest marked.
    const timeline = (main.split('## Timeline')[1]?.split(/\n## /)[0] ?? '').split('\n').filter((l) => l.startsWith('- '));
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toMatch(/^- 2025-08-16: .*coalition|^- 2025-08-16: .*allies/);
    expect(timeline[1]).toMatch(/^- 2025-08-1[89]: Starmer hails .*\(latest\)/);
  });

  it('salience: at --words 400 the colour lines (what Zelensky wore, the prime minister\'s holiday) fall out, the guarantees stay', () => {
    // Both spellings of the paths (ids order ties; the choice must not hang on one), and at twice the length too
    // (the previous selection, whose coverage bonus was any new word, took the blazer in there: the salience, not
    // the budget, keeps it out).
    const rel = [seed('000_'), seed('002_'), seed('003_'), seed('004_')];
    for (const [paths, words] of [[rel, '400'], [rel.map((p) => join(repoRoot, p)), '400'], [rel, '800']] as const) {
      const r = runCli(['write', ...paths, '--words', words, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const c = jsonLines<Composite>(r.stdout)[0]!;
      const text = body(c).map((x) => x.text).join('\n');
      expect(text).not.toMatch(/\bwore\b|shirt|blazer|attire/i);
      expect(text).not.toMatch(/holiday plans/i);
      expect(text).toMatch(/security guarantees/);
      expect(text).toMatch(/Moscow (?:will|would) ["“]accept/);
    }
  });

  it('the same output whatever the order of the inputs, and --words sets the length', async () => {
    const a = runCli(['write', seed('000_'), seed('002_'), seed('003_'), seed('004_')]);
    const b = runCli(['write', seed('004_'), seed('003_'), seed('000_'), seed('002_')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const { articles } = await loadArticles([seed('000_'), seed('002_'), seed('003_')].map((p) => join(repoRoot, p)));
    const lengths = [150, 300, 600].map((words) => {
      const c = composeStory({ articles }, { words });
      expect(c.provenance.options.words).toBe(words);
      // The budget is met sentence by sentence: at most one sentence over.
      const longest = Math.max(...body(c).map((x) => x.text.split(/\s+/).length));
      expect(c.words).toBeLessThanOrEqual(words + longest);
      return c.words;
    });
    expect(lengths[0]!).toBeLessThan(lengths[1]!);
    expect(lengths[1]!).toBeLessThan(lengths[2]!);
  });

  it('roundup write --format json and html', () => {
    const j = runCli(['write', seed('000_'), seed('003_'), '--format', 'json', '--words', '300']);
    expect(j.code, j.stderr).toBe(0);
    const first = JSON.parse(j.stdout.split('\n')[0]!) as Composite & { sentences: { verdict: string }[] };
    expect(first.provenance.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
    expect(first.sentences.every((s) => s.verdict === 'supported')).toBe(true);
    const h = runCli(['write', seed('000_'), seed('003_'), '--format', 'html']);
    expect(h.code, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(h.stdout).toMatch(/<sup><a href="#src-\d+-\d+"/);
  });
});

describe('roundup write on examples/corpus (invented)', () => {
  const expected = JSON.parse(readFileSync(join(repoRoot, 'examples', 'expected.json'), 'utf8')) as { stories: Record<string, string[]> };
  it('puts the evacuation count under "Where sources differ": 1,400 (council, wire) vs 2,100 (fire service, Marrowby Mercury)', async () => {
    const { articles } = await loadArticles([join(repoRoot, 'examples', 'corpus')]);
    const members = new Set(expected.stories['hollin-fell-flood']!.map((f) => join(repoRoot, 'examples', 'corpus', f)));
    const story = articles.filter((a) => members.has(a.id));
    expect(story.length).toBe(members.size);
    const c = composeStory({ articles: story });
    checkArticle(c, story, []);
    const md = toMarkdown(c);
    const differ = md.split('## Where sources differ')[1]?.split(/\n## /)[0] ?? '';
    expect(differ).toMatch(/1,400/);
    expect(differ).toMatch(/2,100/);
    expect(differ).toMatch(/council/i);
    expect(differ).toMatch(/fire (?:and rescue )?service/i);
    expect(differ).toMatch(/Northgate Press/);
    expect(differ).toMatch(/Marrowby Mercury/);
    // A place the entity finder typed as a person for want of evidence keeps its full name ("Hollin Fell's age").
    expect(md).not.toMatch(/(?<!Hollin )Fell[’']s age/);
    // Syndicated copies count once: the evacuation figure of the wire family is one family.
    const d = c.disagreements.find((x) => x.values.some((v) => v.value.includes('1,400')))!;
    expect(d.values.find((v) => v.value.includes('1,400'))!.families).toBe(1);
    // The same composite whatever the order; --words sets the length.
    expect(toMarkdown(composeStory({ articles: [...story].reverse() }))).toBe(md);
    const short = composeStory({ articles: story }, { words: 120 });
    expect(short.words).toBeLessThan(c.words);
    expect(short.words).toBeLessThanOrEqual(120 + Math.max(...body(short).map((x) => x.text.split(/\s+/).length)));
  });

  it('every story of the corpus passes the article checks', async () => {
    const { articles } = await loadArticles([join(repoRoot, 'examples', 'corpus')]);
    const captions = captionsOf(articles);
    const usable = articles.filter((a) => a.text.trim());
    for (const g of groupIntoStories(usable, clusterArticles(usable))) {
      const c = composeStory({ articles: g.articles });
      if (body(c).length > 3) checkArticle(c, g.articles, captions);
    }
  });
});

describe('roundup show s<N> --composite on a store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundup-show-composite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(skip !== null)('seeds: the story of the talks, with the pre-summit call as its first development, composed from the store', () => {
    const db = join(dir, 'seeds.db');
    const ing = runCli(['ingest', seed('000_'), seed('002_'), seed('003_'), seed('004_'), '--db', db]);
    expect(ing.code, ing.stderr).toBe(0);
    const stories = jsonLines<{ id: string; articles: number; storyline: string | null }>(runCli(['stories', '--json', '--db', db]).stdout);
    expect(stories.map((s) => s.articles)).toEqual([4]);
    const main = stories[0]!;
    const md = runCli(['show', main.id, '--composite', '--db', db]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    expect(md.stdout).toMatch(/Friedrich Merz/);
    expect(md.stdout).not.toMatch(/Scholz/);
    expect(md.stdout).toMatch(/## Timeline\n\n- 2025-08-16: [^\n]*\n- 2025-08-1[89]: [^\n]*\(latest\)/);
    expect(md.stdout).toContain('This article was assembled automatically by Roundup');
    const j = runCli(['show', main.id, '--composite', '--format', 'json', '--words', '250', '--db', db]);
    expect(j.code, j.stderr).toBe(0);
    const c = JSON.parse(j.stdout) as Composite & { sentences: { verdict: string }[] };
    expect(c.sentences.length).toBeGreaterThan(3);
    expect(c.sentences.every((s) => s.verdict === 'supported')).toBe(true);
    expect(c.provenance.options.words).toBe(250);
    expect(c.words).toBeLessThan(250 + 60);
    // The current timeline entry is the story's latest development.
    expect(c.timeline.find((t) => t.current)!.storyId).toBe(`${main.id}.2`);
    const html = runCli(['show', main.id, '--composite', '--format', 'html', '--db', db]);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('examples/corpus: the flood story from the store; errors for unknown stories and article ids', () => {
    const db = join(dir, 'examples.db');
    expect(runCli(['ingest', join(repoRoot, 'examples', 'corpus'), '--db', db]).code).toBe(0);
    const stories = jsonLines<{ id: string; articles: number }>(runCli(['stories', '--json', '--db', db]).stdout);
    const biggest = [...stories].sort((a, b) => b.articles - a.articles)[0]!;
    const r = runCli(['show', biggest.id, '--composite', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/## Where sources differ[\s\S]*1,400[\s\S]*2,100|## Where sources differ[\s\S]*2,100[\s\S]*1,400/);
    const again = runCli(['show', biggest.id, '--composite', '--db', db]);
    expect(again.stdout).toBe(r.stdout);
    const missing = runCli(['show', 's999', '--composite', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no story "s999"/);
    const art = runCli(['show', '1', '--composite', '--db', db]);
    expect(art.code).toBe(1);
    expect(art.stderr).toMatch(/needs a story id/);
  });

  it('show l<N> --composite: a stored storyline\'s overview, then its stories\' own articles (as roundup write prints them)', () => {
    const db = join(dir, 'storyline.db');
    expect(runCli(['ingest', join(repoRoot, 'examples', 'corpus'), join(repoRoot, 'src', 'server', 'fixtures', 'gate-warning.json'), '--db', db]).code).toBe(0);
    const stories = jsonLines<{ id: string; storyline: string | null }>(runCli(['stories', '--json', '--db', db]).stdout);
    const line = stories.find((s) => s.storyline)!.storyline!;
    expect(stories.filter((s) => s.storyline === line)).toHaveLength(2);
    const r = runCli(['show', line, '--composite', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const articles = r.stdout.split(/\n(?=# )/);
    // The overview, then the two stories' articles.
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatch(/^# .*\n\n\*Storyline overview: /);
    expect(articles[0]).toMatch(/## Wednesday 9 July 2025\n\n[^\n]*corrosion[\s\S]*## Tuesday 10 March 2026\n/);
    expect(articles[1]).toMatch(/\*Roundup of /);
    const j = runCli(['show', line, '--composite', '--format', 'json', '--db', db]);
    expect(jsonLines<{ kind?: string }>(j.stdout).map((c) => c.kind ?? 'story')).toEqual(['overview', 'story', 'story']);
    const none = runCli(['show', 'l999', '--composite', '--db', db]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no storyline "l999"/);
  });
});
