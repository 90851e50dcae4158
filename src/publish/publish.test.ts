import { describe, expect, it } from 'vitest';
import { composeStory, type ComposeArticle } from '../compose/index.js';
import { textFragment, toHtml, toJson, toMarkdown, toText } from './index.js';

// Invented text.
const a: ComposeArticle = {
  id: 'a1',
  text: 'The Ostrava <tram> depot reopened on Tuesday after a fire closed it for three weeks.\n\nThe operator said 40 trams would return to service by Friday.\n\nEngineer Lida Marek said the new sprinklers had been tested twice.',
  title: 'Tram depot reopens after fire',
  publisher: 'City & Rail',
  via: null,
  url: 'https://rail.example/depot',
  published: '2032-02-03',
  byline: null,
};
const b: ComposeArticle = { ...a, id: 'b1', url: null, publisher: 'Evening Post', title: 'Depot back in use', text: 'The tram depot in Ostrava reopened on Tuesday, three weeks after a fire.\n\nA spokesperson said the cause of the fire was still being investigated by police.' };
const c = composeStory({ articles: [a, b] });

describe('renderers (invented text)', () => {
  it('Markdown: headline, lede, sources used, the disclosure, citation links', () => {
    const md = toMarkdown(c);
    expect(md.startsWith(`# ${c.headline.text}`)).toBe(true);
    expect(md).toMatch(/## Sources used/);
    expect(md).toMatch(/rail\.example\/depot#:~:text=/);
    expect(md).toContain(c.disclosure);
    // Sources without a URL: every in-page citation link has its anchor in "Cited passages".
    const local = [...md.matchAll(/\]\(#(src-[\w-]+)\)/g)].map((m) => m[1]!);
    expect(c.sourcesUsed.some((s) => !s.url)).toBe(true);
    expect(local.length).toBeGreaterThan(0);
    for (const id of local) expect(md).toContain(`<a id="${id}"></a>`);
  });

  it('HTML: a complete page, escaped, fragment links for sources with URLs and in-page passages otherwise', () => {
    const html = toHtml(c);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toMatch(/<\/html>\n$/);
    expect(html).not.toMatch(/<tram>/);
    expect(html).toMatch(/&lt;tram&gt;/);
    expect(html).toMatch(/City &amp; Rail/);
    expect(html).toMatch(/href="https:\/\/rail\.example\/depot#:~:text=/);
    expect(c.sourcesUsed.some((s) => s.articleId === 'b1')).toBe(true);
    expect(html).toMatch(/<li id="src-\d+-\d+" class="passage">/);
    expect(html).not.toMatch(/<script/);
  });

  it('text: headline first, "Sources used:" line, the AI note last', () => {
    const lines = toText(c).trimEnd().split('\n');
    expect(lines[0]).toBe(c.headline.text);
    expect(lines.some((l) => l.startsWith('Sources used: '))).toBe(true);
    // The AI note, without claiming links that plain text does not have.
    expect(lines[lines.length - 1]).toMatch(/^This article was assembled automatically by Roundup/);
    expect(lines[lines.length - 1]).not.toMatch(/links to the passages/);
  });

  it('JSON: inputs with hashes, version, verdicts, rejects and rewrites', () => {
    const j = toJson(c);
    expect(j.provenance.inputs.map((i) => i.sha256.length)).toEqual([64, 64]);
    expect(j.provenance.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(j.sentences.every((s) => s.verdict === 'supported' && Array.isArray(s.rewrites))).toBe(true);
    expect(Array.isArray(j.provenance.rejected)).toBe(true);
  });

  it('People in this story: names bound to roles, a caption binding cited as a caption passage', () => {
    const withCaption: ComposeArticle = { ...b, captions: ['Depot manager Ilse Novak opens the gates (City Photo)'] };
    const pc = composeStory({ articles: [a, withCaption] });
    const novak = pc.people!.find((p) => p.name === 'Ilse Novak')!;
    expect(novak.role).toBe('Depot manager');
    expect(novak.fromCaptions).toBe(true);
    expect(novak.citations[0]!.caption).toBe(0);
    expect(novak.citations[0]!.text).toBe('Depot manager Ilse Novak');
    expect(toMarkdown(pc).split('## People in this story\n')[1]).toMatch(/^- \*\*Ilse Novak\*\*, Depot manager<sup>\[2\]\(#src-2-c0-0\)<\/sup>$/m);
    expect(toHtml(pc)).toMatch(/caption 1, characters 0–24: <q>Depot manager Ilse Novak<\/q>/);
    expect(toText(pc).split('People in this story\n')[1]).toMatch(/^Ilse Novak, Depot manager$/m);
    // The caption is evidence of who is who, never a body sentence.
    expect(toJson(pc).sentences.some((s) => /Novak|opens the gates/.test(s.text))).toBe(false);
  });

  it('text fragments encode the dash, comma and ampersand', () => {
    expect(textFragment('Rock-solid, safe & sound start')).toBe('#:~:text=Rock%2Dsolid%2C%20safe%20%26%20sound%20start');
  });
});
