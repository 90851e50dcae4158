import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { findLede } from './lede.js';

const page = (head: string, body: string) => parseDocument(`<html><head>${head}</head><body>${body}</body></html>`);
const DESC = 'Der Gemeinderat von Uferhausen hat am Dienstag den Bau einer neuen Fußgängerbrücke über die Lieser beschlossen.';

describe('findLede', () => {
  it('finds the block above the body that says what the description says', () => {
    const doc = page(`<meta name="description" content="${DESC}">`, `<header class="site-header"><p>Uferhausener Bote</p></header>
      <article><h1>Neue Brücke für Uferhausen</h1><div class="intro">${DESC}</div><div class="text"><p>Die Brücke soll 2027 fertig sein.</p></div></article>`);
    expect(findLede(doc)).toBe(DESC);
  });

  it('accepts a description cut short with an ellipsis', () => {
    const doc = page(`<meta property="og:description" content="${DESC.slice(0, 70)}…">`, `<p class="lead">${DESC}</p>`);
    expect(findLede(doc)).toBe(DESC);
  });

  it('ignores the site slogan in the header, teaser links and standfirsts', () => {
    const slogan = 'Nachrichten und Geschichten aus dem oberen Liesertal, jeden Tag neu.';
    expect(findLede(page(`<meta name="description" content="${slogan}">`, `<div class="header-desc">${slogan}</div><p>Text.</p>`))).toBeNull();
    expect(findLede(page(`<meta name="description" content="${DESC}">`, `<a href="/x"><p>${DESC}</p></a>`))).toBeNull();
    expect(findLede(page(`<meta name="description" content="${DESC}">`, `<div class="article-standfirst">${DESC}</div>`))).toBeNull();
  });

  it('leaves out a headline-like dek without closing punctuation and short descriptions', () => {
    const dek = 'Eleven ferries cancelled as storm Wenna reaches the northern isles';
    expect(findLede(page(`<meta name="description" content="${dek}">`, `<p>${dek}</p>`))).toBeNull();
    expect(findLede(page('<meta name="description" content="Kurz.">', '<p>Kurz.</p>'))).toBeNull();
    expect(findLede(page('', '<p>Kein Meta.</p>'))).toBeNull();
  });
});
