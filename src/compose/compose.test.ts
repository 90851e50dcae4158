import { describe, expect, it } from 'vitest';
import { composeStory, prepare, type ComposeArticle } from './index.js';
import { NameBook, NameMemory, rewriteSentence } from './rewrite.js';

// Invented text: a wire story, a syndicated copy of it, and an independent report.
const wire = [
  'LANTERN BAY (Tidewater Wire) — The old ferry pier at Lantern Bay collapsed into the harbour on Friday night after a week of storms.',
  'The harbour board said 60 boats had been moved to safer moorings before the collapse.',
  'Harbourmaster Sir Ansel Pruitt said divers would inspect the wreckage on Saturday morning.',
  '"We were lucky that nobody was on the pier when it went," Sir Ansel said.',
  'The pier, built in 1911, had been closed to the public since January.',
].join('\n\n');
const copy = wire.replace('after a week of storms', 'after a week of heavy storms') + '\n\nThe Lantern Bay ferry service will run from the north quay until further notice.';
const independent = [
  'Lantern Bay is counting the cost after its ferry pier fell into the harbour on Friday night.',
  'The coastguard said 85 boats had been moved to safer moorings before the collapse.',
  'Mr Pruitt told the Bay Courier that the repair bill could run to several million pounds.',
  'But he said the town would rebuild the pier.',
  'Councillor Mira Osei said the council would hold an emergency meeting on Monday.',
].join('\n\n');

const art = (id: string, text: string, publisher: string, title: string, url: string | null = null): ComposeArticle => ({ id, text, title, publisher, via: null, url, published: '2031-05-10', byline: null });
const articles = [art('wire', wire, 'Tidewater Wire', 'Lantern Bay ferry pier collapses after storms', 'https://wire.example/pier'), art('copy', copy, 'Bay Gazette', 'Ferry pier falls into Lantern Bay harbour'), art('indie', independent, 'Bay Courier', 'Lantern Bay counts the cost of pier collapse')];

describe('composeStory (invented text)', () => {
  const c = composeStory({ articles });
  const all = [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];

  it('publishes only verified sentences, each citing real spans', () => {
    expect(all.length).toBeGreaterThan(3);
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    for (const s of all) {
      expect(s.verdict).toBe('supported');
      for (const cit of s.citations) expect(texts.get(cit.articleId)!.slice(cit.start, cit.end)).toBe(cit.text);
    }
  });

  it('collapses the syndicated copy into its family: support counts families, the copy is listed as a duplicate', () => {
    expect(c.provenance.families.find((f) => f.members.includes('copy'))?.members).toContain('wire');
    expect(Math.max(...all.map((s) => s.families))).toBeLessThanOrEqual(2);
    const notUsed = c.sourcesNotUsed.find((s) => s.articleId === 'copy');
    // The copy is either cited (its own additions) or listed as a duplicate: never silently missing.
    if (!c.sourcesUsed.some((s) => s.articleId === 'copy')) expect(notUsed?.reason).toMatch(/duplicate of family/);
  });

  it('cuts the dateline, keeps a pronoun or "But" only right after its source predecessor, shortens names after first mention', () => {
    const text = all.map((s) => s.text).join('\n');
    expect(text).not.toMatch(/Tidewater Wire\) —/);
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    all.forEach((s, i) => {
      if (!/^(?:He|She|They|But)\b/.test(s.text)) return;
      const prev = all[i - 1]?.citations[0];
      const cur = s.citations[0]!;
      expect(prev && prev.articleId === cur.articleId && /^\s*$/.test(texts.get(cur.articleId)!.slice(prev.end, cur.start)), s.text).toBe(true);
    });
    const rewrites = all.flatMap((s) => s.rewrites);
    expect(rewrites.some((r) => r.kind === 'dateline')).toBe(true);
    const pruitt = all.filter((s) => /Pruitt/.test(s.text));
    expect(pruitt.length).toBeGreaterThan(1);
    expect(pruitt.slice(1).every((s) => !/(?:Sir Ansel|Mr) Pruitt/.test(s.text))).toBe(true);
  });

  it('finds the disagreement on the number of boats moved, each value with its outlet', () => {
    const d = c.disagreements.find((x) => x.kind === 'number');
    expect(d).toBeTruthy();
    expect(d!.values.map((v) => v.value).join(' ')).toMatch(/60.*85|85.*60/);
    expect(d!.values.flatMap((v) => v.sources)).toEqual(expect.arrayContaining(['Bay Courier']));
  });

  it('picks a source headline, keeps the disclosure, and is deterministic under input order', () => {
    expect(articles.map((a) => a.title)).toContain(c.headline.text);
    expect(c.disclosure).toMatch(/assembled automatically by Roundup/);
    const again = composeStory({ articles: [...articles].reverse() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(c));
  });

  it('honours the word budget and builds a timeline from a storyline', () => {
    const short = composeStory({ articles, storyline: { stories: [{ id: 'b', title: 'Pier rebuild approved', published: '2031-06-01' }, { id: 'a', title: 'Pier collapses', published: '2031-05-10' }] }, storyId: 'a' }, { words: 60 });
    expect(short.words).toBeLessThanOrEqual(110);
    expect(short.timeline.map((t) => [t.storyId, t.current])).toEqual([['a', true], ['b', false]]);
  });
});

describe('rewrites out of context (invented text)', () => {
  const mk = (id: string, text: string): ComposeArticle => ({ id, text, title: 't', publisher: id, via: null, url: null, published: '2031-06-01', byline: null });
  const prep = prepare({
    articles: [
      mk('a', 'Harbour Mayor Tova Lindqvist opened the new swing bridge in Harlow on Sunday.\n\nThe bridge cost 12 million euros to build.\n\nThe mayor said traffic would be diverted for another week.'),
      mk('b', 'The swing bridge in Harlow was opened on Sunday by Mayor Tova Lindqvist.\n\nTova Lindqvist said the bridge would carry 9,000 vehicles a day.'),
      mk('c', 'Tova Lindqvist cut the ribbon.\n\nTovva Lindqvist said the ferry would stop running.'),
      mk('d', 'Tova Lindqvist wants a second bridge upriver.\n\nIn exchange she would close the old ford to cars.\n\nEngineer Pavel Rusu said he had checked the plans twice.'),
    ],
  });
  const book = new NameBook(prep.analyses);
  const rewrite = (start: string, prevIsPredecessor = false) => rewriteSentence(prep, prep.candidates.find((c) => c.sentence.text.startsWith(start))!, prevIsPredecessor, new NameMemory(book));

  it('a sentence-initial role noun away from its context becomes the name it was resolved to, citing where it was named', () => {
    const r = rewrite('The mayor said');
    expect(r.text).toBe('Tova Lindqvist said traffic would be diverted for another week.');
    expect(r.rewrites).toEqual([{ kind: 'anaphor', from: 'The mayor', to: 'Tova Lindqvist' }]);
    expect(r.antecedent?.text).toMatch(/^Harbour Mayor Tova Lindqvist opened/);
    // Right after its source predecessor, the sentence stays as written.
    expect(rewrite('The mayor said', true).text).toBe('The mayor said traffic would be diverted for another week.');
  });

  it('a pronoun in the opening clause, with nobody named before it, stays only after its source predecessor', () => {
    expect(rewrite('In exchange she').unresolved).toMatch(/"she" in the opening clause with no antecedent/);
    expect(rewrite('In exchange she', true).unresolved).toBeNull();
    // A pronoun after a name in the same sentence is that person.
    expect(rewrite('Engineer Pavel Rusu said he').unresolved).toBeNull();
  });

  it('a first mention spelled unlike the other sources takes the attested spelling', () => {
    const r = rewrite('Tovva Lindqvist');
    expect(r.text).toBe('Tova Lindqvist said the ferry would stop running.');
    expect(r.rewrites).toEqual([{ kind: 'spelling', from: 'Tovva Lindqvist', to: 'Tova Lindqvist' }]);
  });
});

describe('a developed story (invented text)', () => {
  const mk = (id: string, text: string, published: string): ComposeArticle => ({ id, text, title: 't', publisher: id, via: null, url: null, published, byline: null });
  // 2031-05-10 is a Saturday: "on Monday" in a future clause is 2031-05-12.
  const preview = mk('sat', 'The new swing bridge in Harlow is almost finished.\n\nMayor Tova Lindqvist will open the bridge on Monday.\n\nThe bridge cost 12 million euros to build.', '2031-05-10');
  const after = mk('tue', 'Mayor Tova Lindqvist opened the new swing bridge in Harlow on Monday.\n\nThe bridge carried 9,000 vehicles on its first day.', '2031-05-13');
  const ineligible = (articles: ComposeArticle[], start: string) => prepare({ articles }).candidates.find((c) => c.sentence.text.startsWith(start))!.ineligible;
  it('an earlier report of a plan for a day the story has since reached is overtaken', () => {
    expect(ineligible([preview, after], 'Mayor Tova Lindqvist will open')).toBe('overtaken');
    // What the earlier report says of the past or present stays usable, and so does the preview when it is the latest.
    expect(ineligible([preview, after], 'The bridge cost')).toBeNull();
    expect(ineligible([preview], 'Mayor Tova Lindqvist will open')).toBeNull();
  });
});
