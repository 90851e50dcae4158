import { describe, expect, it } from 'vitest';
import { collapse, cuesOf, linkDensity, metaContent, parseDocument, resolveUrl, textOf } from './dom.js';

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

  it('drops server messages printed before the doctype', () => {
    const doc = parseDocument('<b>Warning</b>: db down<br>\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Le texte</p></body></html>');
    expect(textOf(doc.body)).toBe('Le texte');
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
