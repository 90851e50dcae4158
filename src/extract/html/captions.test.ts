import { describe, expect, it } from 'vitest';
import { extractCaptions } from './captions.js';
import { parseDocument, textOf } from './dom.js';
import { toParagraphs } from './paragraphs.js';

const body = (html: string) => parseDocument(`<html><body><div id="c">${html}</div></body></html>`).body;

describe('extractCaptions', () => {
  it('takes figures out with caption and credit as one string', () => {
    const root = body('<p>Der Text.</p><figure><img src="a.jpg"><figcaption>Das neue Becken <span class="credit">Foto: Ute Sommer</span></figcaption></figure><p>Weiter.</p>');
    const out = extractCaptions(root);
    expect(out.captions).toEqual(['Das neue Becken Foto: Ute Sommer']);
    expect(out.removed).toEqual([{ text: 'Das neue Becken Foto: Ute Sommer', reason: 'caption' }]);
    expect(toParagraphs(root)).toEqual(['Der Text.', 'Weiter.']);
  });

  it('joins a caption element with the credit beside it', () => {
    const root = body('<p>Texte.</p><div class="image-caption">La foule au bord du lac</div><div class="photo-credit">Photo : Marc Lefèvre</div><p>Suite.</p>');
    const out = extractCaptions(root);
    expect(out.captions).toEqual(['La foule au bord du lac Photo : Marc Lefèvre']);
    expect(toParagraphs(root)).toEqual(['Texte.', 'Suite.']);
  });

  it('recognises local caption class names', () => {
    const out = extractCaptions(body('<p>Text.</p><p class="bildunterschrift">Der Bürgermeister beim Anschwimmen</p>'));
    expect(out.captions).toEqual(['Der Bürgermeister beim Anschwimmen']);
  });

  it('keeps figures that wrap article text, taking only their figcaption', () => {
    const long = 'Dieser Absatz gehört zum Artikel und ist lang genug, um kein Bildtext zu sein. '.repeat(4);
    const root = body(`<figure><img src="a.jpg"><figcaption>Bildtext</figcaption><p>${long}</p></figure>`);
    const out = extractCaptions(root);
    expect(out.captions).toEqual(['Bildtext']);
    expect(textOf(root)).toContain('Dieser Absatz gehört zum Artikel');
  });

  it('does nothing on a page without captions', () => {
    const root = body('<p>Nur Text.</p>');
    expect(extractCaptions(root)).toEqual({ captions: [], removed: [] });
    expect(textOf(root)).toBe('Nur Text.');
  });
});
