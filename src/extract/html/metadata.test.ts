import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { readMetadata, stripSiteName } from './metadata.js';

const URL_ = 'https://www.seewalder-kurier.example/lokales/hallenbad.html';
const meta = (head: string, body = '<p>x</p>', htmlAttrs = '') => readMetadata(parseDocument(`<html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`), URL_);
const ld = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('stripSiteName', () => {
  it('removes a suffix or prefix that names the site', () => {
    expect(stripSiteName('Hallenbad eröffnet | Seewalder Kurier', ['Seewalder Kurier'], URL_)).toBe('Hallenbad eröffnet');
    expect(stripSiteName('Hallenbad eröffnet - seewalder-kurier.example', [], URL_)).toBe('Hallenbad eröffnet');
    expect(stripSiteName('Seewalder Kurier: Hallenbad eröffnet', ['Seewalder Kurier'], URL_)).toBe('Hallenbad eröffnet');
  });

  it('keeps separators that are part of the headline', () => {
    expect(stripSiteName('Bürgermeister - „Ein großer Tag“', ['Seewalder Kurier'], URL_)).toBe('Bürgermeister - „Ein großer Tag“');
  });
});

describe('readMetadata: title', () => {
  it('prefers JSON-LD headline, then og:title', () => {
    expect(meta(`${ld({ '@type': 'NewsArticle', headline: 'Aus JSON-LD' })}<meta property="og:title" content="Aus OG">`).title).toEqual({ value: 'Aus JSON-LD', foundBy: 'json-ld' });
    expect(meta('<meta property="og:title" content="Aus OG | Seewalder Kurier"><meta property="og:site_name" content="Seewalder Kurier">').title).toEqual({
      value: 'Aus OG',
      foundBy: 'meta:og:title',
    });
  });

  it('takes an h1 that agrees with <title>, else <title> without the site name', () => {
    expect(meta('<title>Hallenbad eröffnet | Kurier</title>', '<h1>Menü</h1><h1>Hallenbad eröffnet</h1>').title).toEqual({ value: 'Hallenbad eröffnet', foundBy: 'h1' });
    expect(meta('<title>Hallenbad eröffnet | Seewalder Kurier</title><meta property="og:site_name" content="Seewalder Kurier">', '<h1>Anderes</h1>').title).toEqual({
      value: 'Hallenbad eröffnet',
      foundBy: 'title',
    });
  });
});

describe('readMetadata: byline', () => {
  it('reads JSON-LD authors, ignoring organisations', () => {
    expect(meta(ld({ '@type': 'NewsArticle', author: [{ name: 'Jonas Feldmann' }, { name: 'Ute Sommer' }] })).byline).toEqual({ value: 'Jonas Feldmann, Ute Sommer', foundBy: 'json-ld' });
    expect(meta(`${ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Kurier' } })}<meta name="author" content="Von Ute Sommer">`).byline).toEqual({
      value: 'Ute Sommer',
      foundBy: 'meta:author',
    });
  });

  it('reads .byline, rel=author and itemprop=author but not from related lists', () => {
    expect(meta('', '<aside class="related"><span class="byline">Von Fremd Autor</span></aside><div class="byline">Von Jonas Feldmann, 17.05.2024</div>').byline).toEqual({
      value: 'Jonas Feldmann',
      foundBy: '.byline',
    });
    expect(meta('', '<a rel="author" href="/a/claire">Claire Dubois</a>').byline).toEqual({ value: 'Claire Dubois', foundBy: 'rel=author' });
  });

  it('gives null when only a desk is named', () => {
    expect(meta('<meta name="author" content="Redaktion">').byline).toBeNull();
  });
});

describe('readMetadata: publisher, date, language, URLs, image', () => {
  it('reads the publisher in order of trust', () => {
    expect(meta('<meta property="og:site_name" content="Seewalder Kurier"><meta name="application-name" content="SK">').publisher).toEqual({
      value: 'Seewalder Kurier',
      foundBy: 'meta:og:site_name',
    });
    expect(meta(ld({ '@type': 'NewsArticle', publisher: { name: 'Kurier GmbH' } })).publisher?.foundBy).toBe('json-ld');
  });

  it('reads the published date from JSON-LD, meta, time and the URL', () => {
    expect(meta(ld({ '@type': 'NewsArticle', datePublished: '2024-05-17T10:15:00+02:00' })).published).toEqual({ value: '2024-05-17T10:15:00+02:00', foundBy: 'json-ld' });
    expect(meta('<meta property="article:published_time" content="2024-05-17">').published).toEqual({ value: '2024-05-17', foundBy: 'meta:article:published_time' });
    expect(meta('<meta name="DC.date.issued" content="2024-05-16">').published?.value).toBe('2024-05-16');
    expect(
      meta('', '<aside class="related"><time datetime="2020-01-01">alt</time></aside><article><header><time datetime="2024-05-15T09:00:00Z">15. Mai</time></header></article>').published,
    ).toEqual({ value: '2024-05-15T09:00:00Z', foundBy: 'time[datetime]' });
    const fromUrl = readMetadata(parseDocument('<html><body><p>x</p></body></html>'), 'https://kurier.example/2024/05/14/bad/');
    expect(fromUrl.published).toEqual({ value: '2024-05-14', foundBy: 'url' });
  });

  it('reads the language from markup', () => {
    expect(meta('', '<p>x</p>', 'lang="de-CH"').language).toEqual({ value: 'de', foundBy: 'html[lang]' });
    expect(meta('<meta http-equiv="content-language" content="fr">').language).toEqual({ value: 'fr', foundBy: 'meta:content-language' });
    expect(meta('<meta property="og:locale" content="es_ES">').language).toEqual({ value: 'es', foundBy: 'meta:og:locale' });
    expect(meta('').language).toBeNull();
  });

  it('resolves the canonical URL', () => {
    expect(meta('<link rel="canonical" href="/lokales/hallenbad">').canonicalUrl).toBe('https://www.seewalder-kurier.example/lokales/hallenbad');
    expect(meta('<meta property="og:url" content="https://kurier.example/b">').canonicalUrl).toBe('https://kurier.example/b');
    expect(meta(ld({ '@type': 'NewsArticle', mainEntityOfPage: { '@id': 'https://kurier.example/c' } })).canonicalUrl).toBe('https://kurier.example/c');
  });

  it('finds the lead image with its caption', () => {
    const m = meta('<meta property="og:image" content="/img/bad.jpg">', '<figure><img src="/img/bad.jpg"><figcaption>Das Becken. Foto: Ute Sommer</figcaption></figure>');
    expect(m.leadImage).toEqual({ url: 'https://www.seewalder-kurier.example/img/bad.jpg', caption: 'Das Becken. Foto: Ute Sommer' });
    expect(meta('', '<figure><img src="b.jpg"></figure>').leadImage).toEqual({ url: 'https://www.seewalder-kurier.example/lokales/b.jpg', caption: null });
  });
});
