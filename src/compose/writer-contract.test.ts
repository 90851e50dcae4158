/**
 * One contract for every writer (./writer.ts): the extractive writer and the model writer (against a scripted
 * OpenAI-compatible server on 127.0.0.1 that rewords some sentences faithfully and changes a number in others) must
 * both publish only cited, verified sentences whose citations are the sources' own text, keep to the word budget,
 * name their sources and disclose how the article was made, and give the same article for the same input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewordOrBumpFigure, startScriptedModel, type ScriptedModel } from '../../test/helpers/scripted-model.js';
import { extractiveWriter, modelWriter, type ComposeArticle, type Composite, type Writer } from './index.js';

// Invented reports of one event by two outlets.
const article = (id: string, publisher: string, title: string, paragraphs: string[]): ComposeArticle => ({ id, text: paragraphs.join('\n\n'), title, publisher, via: null, url: null, published: '2032-02-03', byline: null });
const articles = [
  article('post', 'Ridgeway Post', 'Corran Bridge shut after lorry strikes parapet', [
    'The Corran Bridge was closed to traffic on Tuesday after a lorry struck its eastern parapet during the morning rush.',
    'County engineer Lise Amundsen said the crossing would stay shut until divers had inspected its piers.',
    'Police said the driver, a 52-year-old man, was unhurt and had been questioned at the scene.',
    'About 14,000 vehicles use the bridge every day, according to the county council.',
  ]),
  article('herald', 'Corran Herald', 'Drivers face long detours as Corran Bridge closes', [
    'Drivers faced detours of up to 40 minutes on Tuesday after the Corran Bridge was closed when a lorry hit its parapet.',
    'Lise Amundsen, the county engineer, said divers would inspect the piers on Wednesday.',
    'The council said a shuttle bus would run between the two banks every 20 minutes.',
    'Shopkeepers on Quay Row said the closure had emptied the street by lunchtime.',
  ]),
];

let model: ScriptedModel;
let url = '';
beforeAll(async () => {
  model = await startScriptedModel(rewordOrBumpFigure);
  url = model.url;
});
afterAll(() => model.close());

const body = (c: Composite) => [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];
const writers: [string, () => Writer][] = [
  ['extractive', () => extractiveWriter],
  ['model', () => modelWriter({ url, model: 'scripted', key: null })],
];

describe.each(writers)('the %s writer keeps the contract', (name, make) => {
  const words = 80;
  const write = () => make().write({ articles }, { words });

  it('publishes only cited sentences the verifier supports, citing the sources\' own text', async () => {
    const { composite } = await write();
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    expect(body(composite).length).toBeGreaterThan(1);
    for (const s of body(composite)) {
      expect(s.verdict, s.text).toBe('supported');
      expect(s.citations.length, s.text).toBeGreaterThan(0);
      for (const c of s.citations) expect(texts.get(c.articleId)?.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('keeps to the word budget, names its sources and says how it was made', async () => {
    const { composite } = await write();
    const longest = Math.max(...articles.flatMap((a) => a.text.split(/\n\n/).map((p) => p.split(/\s+/).length)));
    expect(composite.words).toBeLessThanOrEqual(words + longest);
    expect(composite.sourcesUsed.map((s) => s.articleId).every((id) => articles.some((a) => a.id === id))).toBe(true);
    expect(articles.map((a) => a.title)).toContain(composite.headline.text);
    expect(composite.disclosure).toMatch(/assembled automatically by Roundup/);
    expect(composite.provenance.writer?.kind ?? 'extractive').toBe(name === 'model' ? 'llm' : 'extractive');
  });

  it('never publishes a changed figure, and gives the same article twice', async () => {
    const a = await write();
    const b = await write();
    const published = body(a.composite).map((s) => s.text).join('\n');
    for (const figure of published.match(/\d[\d,]*/g) ?? []) expect(articles.some((x) => x.text.includes(figure)), figure).toBe(true);
    expect(JSON.stringify({ ...b.composite, provenance: null })).toBe(JSON.stringify({ ...a.composite, provenance: null }));
  });
});

it('the model writer rewords what it may: at least one sentence is the model\'s, none of them unfaithful', async () => {
  const { composite } = await modelWriter({ url, model: 'scripted', key: null }).write({ articles }, { words: 80 });
  const reworded = body(composite).filter((s) => s.rewrites.some((r) => r.kind === 'model'));
  expect(reworded.length).toBeGreaterThan(0);
  expect(composite.provenance.writer?.fallbacks?.some((f) => f.model !== null && /\d/.test(f.model))).toBe(true);
});
