import { describe, expect, it } from 'vitest';
import { collectRegionCaptions, extractCaptions } from './captions.js';
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

  it('leaves a "credit" line that credits the story’s writers in the body', () => {
    const root = body('<p>Text.</p><p class="credit">Reporting by Ines Koller; Editing by Mark Dunn</p>');
    expect(extractCaptions(root).captions).toEqual([]);
    expect(toParagraphs(root)).toEqual(['Text.', 'Reporting by Ines Koller; Editing by Mark Dunn']);
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

describe('collectRegionCaptions', () => {
  const text = (s: string) => `<p>${s} Der Fluss stieg in der Nacht um zwei Meter, die Feuerwehr war mit allen Wagen im Einsatz.</p>`;
  it('collects the lead figure and captions beside images in the article region', () => {
    const doc = parseDocument(`<html><body><nav><figure><img src="logo.png"><figcaption>Logo</figcaption></figure></nav>
      <div class="story"><h1>Hochwasser in Lindgrund</h1>
      <figure class="lead"><img src="a.jpg"><figcaption>Die Brücke am Morgen. <cite class="credit">Foto: Anna Weis</cite></figcaption></figure>
      <div class="media"><img src="b.jpg"><div class="pic-caption">Helfer füllen Sandsäcke am Marktplatz.</div></div>
      <div class="bild"><img src="c.jpg"><span>Der Pegel am Mittwoch gegen Mittag.</span></div>
      ${text('Eins.')}${text('Zwei.')}${text('Drei.')}
      <aside class="related"><figure><img src="d.jpg"><figcaption>Anderer Artikel</figcaption></figure></aside></div></body></html>`);
    expect(collectRegionCaptions(doc)).toEqual([
      'Die Brücke am Morgen. Foto: Anna Weis',
      'Helfer füllen Sandsäcke am Marktplatz.',
      'Der Pegel am Mittwoch gegen Mittag.',
    ]);
  });

  it('finds nothing without an article region', () => {
    expect(collectRegionCaptions(parseDocument('<html><body><figure><img src="x.jpg"><figcaption>Allein</figcaption></figure></body></html>'))).toEqual([]);
  });
});
