import { describe, expect, it } from 'vitest';
import { collapse, cuesOf, linkDensity, metaContent, parseDocument, resolveUrl, stripInert, textOf } from './dom.js';

describe('parseDocument', () => {
  it('parses a full page', () => {
    const doc = parseDocument('<!DOCTYPE html><html lang="de"><head><title>Seefest</title></head><body><p>Hallo</p></body></html>');
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
    expect(textOf(doc.body)).toBe('Hallo');
  });

  it('puts a fragment into the body', () => {
    const doc = parseDocument('Nur Text <p>und ein Absatz</p>');
    expect(textOf(doc.body)).toBe('Nur Text und ein Absatz');
  });

  it('keeps head and body apart when the body tag is missing', () => {
    const doc = parseDocument('<html><head><title>T</title></head><div>Inhalt</div></html>');
    expect(textOf(doc.querySelector('title'))).toBe('T');
    expect(textOf(doc.body)).toBe('Inhalt');
  });

  it('keeps the text of a second document pasted inside the body', () => {
    const doc = parseDocument('<html><body><div class="post"><!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0//EN"><html><body><p>Eingebettet</p></body></html></div><p>Danach</p></body></html>');
    expect(textOf(doc.body)).toBe('EingebettetDanach');
  });

  it('drops ruby readings, with or without their end tags', () => {
    expect(textOf(parseDocument('<p><ruby>災害<rt>さいがい</rt></ruby>に<ruby>気<rp>(</rp><rt>き<rp>)</rp></ruby>をつけて</p>').body)).toBe('災害に気をつけて');
  });

  it('drops server messages printed before the doctype', () => {
    const doc = parseDocument('<b>Warning</b>: db down<br>\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Le texte</p></body></html>');
    expect(textOf(doc.body)).toBe('Le texte');
  });

  it('parses without scripts, styles, comments and inline SVG, but keeps JSON-LD', () => {
    const html =
      '<html><head><style>p{}</style><script type="application/ld+json">{"headline":"H"}</script></head><body>' +
      '<script>var a = "<!-- </p>";</script><!-- Kommentar <p>alt</p> --><p>Vor<svg viewBox="0 0 1 1"><title>Icon</title></svg>her</p>' +
      '<noscript><p>Bitte JavaScript</p></noscript><p>Zweiter</p></body></html>';
    const doc = parseDocument(html);
    expect(textOf(doc.body)).toBe('VorherZweiter');
    expect(doc.querySelectorAll('script').length).toBe(1);
  });

  it('reads an end tag with junk before its ">" and a self-closed svg the way the tokenizer does', () => {
    expect(stripInert('<script src="a.js"></script\n <!-- x --><p>Text</p>')).toBe('<p>Text</p>');
    expect(stripInert('<p><svg class="i"/>Text</p><svg></svg>')).toBe('<p><svg class="i"/>Text</p>');
    expect(stripInert('<p>a</p><!-->b')).toBe('<p>a</p>b');
  });

  it('drops whitespace next to block tags but keeps it between inline tags', () => {
    expect(stripInert('<div>\n  <p>Eins</p>\n  <p><b>zwei</b> <i>drei</i></p>\n</div>')).toBe('<div><p>Eins</p><p><b>zwei</b> <i>drei</i></p></div>');
  });

  it('puts the text of a page without an <html> tag in its body', () => {
    expect(textOf(parseDocument('<body class="s"><p>Der Pegel sinkt.</p></body>').body)).toBe('Der Pegel sinkt.');
    const doc = parseDocument('<!DOCTYPE html><head><title>Pegel</title></head><body><p>Der Pegel sinkt.</p></body>');
    expect(textOf(doc.body)).toBe('Der Pegel sinkt.');
    expect(textOf(doc.querySelector('title'))).toBe('Pegel');
  });

  it('keeps scripts and whitespace when asked to (a peer that must see the page as written)', () => {
    const doc = parseDocument('<html><body><div><p>Eins</p>\n<p>Zwei</p></div><script>var x;</script></body></html>', { keepInert: true });
    expect(doc.querySelectorAll('script').length).toBe(1);
    expect(textOf(doc.querySelector('div'))).toBe('Eins Zwei');
  });

  it('survives empty input', () => {
    const doc = parseDocument('');
    expect(textOf(doc.body)).toBe('');
  });
});

describe('helpers', () => {
  it('collapses all kinds of whitespace', () => {
    expect(collapse('  a\u00a0\n b\t ')).toBe('a b');
    expect(collapse(null)).toBe('');
  });

  it('reads cues from class, id, role and aria-label', () => {
    const doc = parseDocument('<body><div class="Share-Bar" id="x1" role="region" aria-label="Teilen">x</div></body>');
    const el = doc.querySelector('div');
    expect(el && cuesOf(el)).toBe('share-bar x1 region teilen');
  });

  it('measures link density', () => {
    const doc = parseDocument('<body><div><a href="/a">abcde</a>fghij</div></body>');
    const el = doc.querySelector('div');
    expect(el && linkDensity(el)).toBeCloseTo(0.5);
  });

  it('resolves URLs against a base and refuses non-http ones', () => {
    expect(resolveUrl('/b/c.jpg', 'https://example.org/a/')).toBe('https://example.org/b/c.jpg');
    expect(resolveUrl('javascript:void(0)', 'https://example.org/')).toBeNull();
    expect(resolveUrl('', 'https://example.org/')).toBeNull();
  });

  it('finds meta content by name or property, case-insensitively', () => {
    const doc = parseDocument('<html><head><meta property="OG:Title" content=" Titre "><meta name="author" content="A"></head><body></body></html>');
    expect(metaContent(doc, ['og:title'])).toEqual({ key: 'og:title', value: 'Titre' });
    expect(metaContent(doc, ['missing'])).toBeNull();
  });
});
