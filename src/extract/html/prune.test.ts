import { describe, expect, it } from 'vitest';
import { parseDocument, textOf } from './dom.js';
import { isHidden, pruneDead, readabilityByline } from './prune.js';
import { runReadability } from './readability.js';

describe('pruneDead', () => {
  it('removes navigation, sidebars, form controls and hidden blocks', () => {
    const doc = parseDocument(
      '<html><body><nav><a href="/a">Start</a></nav><div><p>Der Kranich landet am See.</p>' +
        '<div style="display: none">Versteckter Hinweis</div><p hidden>Alt</p><div aria-hidden="true">Icon</div>' +
        '<select><option>Eins</option></select><button>Los</button></div><aside>Seitenleiste</aside></body></html>',
    );
    expect(pruneDead(doc.body).removed).toBe(7);
    expect(textOf(doc.body)).toBe('Der Kranich landet am See.');
  });

  it('keeps an aside that wraps the article landmark (broken markup)', () => {
    const doc = parseDocument('<html><body><aside><div><article><p>Le héron pêche au lever du jour.</p></article></div></aside></body></html>');
    pruneDead(doc.body);
    expect(textOf(doc.body)).toBe('Le héron pêche au lever du jour.');
  });

  it('keeps visible blocks and the math fallback images Readability keeps', () => {
    const doc = parseDocument('<html><body><p style="color: red">Rot</p><span class="fallback-image" aria-hidden="true">x²</span></body></html>');
    expect(pruneDead(doc.body).removed).toBe(0);
    const span = doc.querySelector('span');
    expect(span && isHidden(span)).toBe(false);
  });
});

describe('pruneDead: the byline Readability takes', () => {
  const story = [1, 2, 3, 4, 5]
    .map((n) => `<p>Absatz ${n}: Der Stausee bei Lindenau ist nach dem langen Regen wieder voll, die Fähre fährt ab Montag nach dem alten Fahrplan und die Gemeinde öffnet den Uferweg.</p>`)
    .join('');

  it('moves a byline out of a dead subtree to where it stood, so Readability still finds it', () => {
    const doc = parseDocument(
      `<html><body><aside><a href="/t">Themen</a><span class="autor-byline">Mia Kern</span><a href="/w">Wetter</a></aside><article>${story}</article></body></html>`,
    );
    const pruned = pruneDead(doc.body);
    expect(pruned.byline).toEqual({ text: 'Mia Kern', spaced: 'Mia Kern', firstPass: true });
    expect(doc.querySelector('aside')).toBeNull();
    expect(doc.body.children[0]?.getAttribute('class')).toBe('autor-byline');
    const r = runReadability(doc);
    expect(r.byline).toBe('Mia Kern');
    expect(r.bylineFromPage).toBe(true);
    expect(r.content && textOf(r.content)).not.toContain('Mia Kern');
  });

  it('keeps the form controls inside a byline element and skips hidden and unlikely ones', () => {
    const doc = parseDocument(
      `<html><body><div class="author" hidden>Versteckt</div><div class="sidebar"><p class="byline">Seitenleiste</p></div>` +
        `<form class="author-follow"><button>Jan Ott</button></form>${story}</body></html>`,
    );
    const pruned = pruneDead(doc.body);
    expect(pruned.byline?.text).toBe('Jan Ott');
    expect(doc.querySelector('button')).not.toBeNull();
  });

  it('reads a byline whose blocks would run together by its inner byline element', () => {
    const doc = parseDocument(`<html><body><div class="author"><a class="author-link" href="/a">Lea Brandt</a><div>Redakteurin</div></div>${story}</body></html>`);
    expect(pruneDead(doc.body).byline).toEqual({ text: 'Lea BrandtRedakteurin', spaced: 'Lea Brandt', firstPass: true });
  });

  it('marks a byline only Readability’s later passes reach (inside an unlikely container)', () => {
    const doc = parseDocument(`<html><body><div class="sidebar"><span class="byline">Ida Vos</span></div>${story}</body></html>`);
    expect(pruneDead(doc.body).byline).toEqual({ text: 'Ida Vos', spaced: 'Ida Vos', firstPass: false });
  });
});

describe('readabilityByline', () => {
  const found = { text: 'Ida VosRedaktion', spaced: 'Ida Vos', firstPass: true };
  it('keeps a metadata byline and replaces a page byline by the one found on the unpruned page', () => {
    expect(readabilityByline('Meta Autor', false, found)).toBe('Meta Autor');
    expect(readabilityByline('Datum 3. Mai', true, found)).toBe('Ida Vos');
    expect(readabilityByline(null, false, found)).toBe('Ida Vos');
    expect(readabilityByline('Andere', true, null)).toBeNull();
  });
  it('takes a later-pass byline only when Readability did report one from the page', () => {
    const later = { ...found, firstPass: false };
    expect(readabilityByline(null, false, later)).toBeNull();
    expect(readabilityByline('Ida VosRedaktion', true, later)).toBe('Ida Vos');
  });
  it('only fixes the spacing when Readability does not say where its byline came from', () => {
    expect(readabilityByline('Ida VosRedaktion', null, found)).toBe('Ida Vos');
    expect(readabilityByline('Andere', null, found)).toBe('Andere');
  });
});
