import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { jsonLdNodes, readJsonLd } from './jsonld.js';

const page = (...blocks: string[]): string =>
  `<html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><p>x</p></body></html>`;

describe('readJsonLd', () => {
  it('reads a NewsArticle with nested objects', () => {
    const ld = readJsonLd(
      parseDocument(
        page(
          JSON.stringify({
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: 'Seewald eröffnet Hallenbad',
            author: [{ '@type': 'Person', name: 'Jonas Feldmann' }, { '@type': 'Person', name: 'Ute Sommer' }],
            publisher: { '@type': 'Organization', name: 'Seewalder Kurier' },
            datePublished: '2024-05-17T10:15:00+02:00',
            mainEntityOfPage: { '@id': 'https://kurier.example/seewald/hallenbad' },
            image: [{ '@type': 'ImageObject', url: 'https://kurier.example/img/bad.jpg' }],
            inLanguage: 'de-DE',
          }),
        ),
      ),
    );
    expect(ld).toMatchObject({
      headline: 'Seewald eröffnet Hallenbad',
      authors: ['Jonas Feldmann', 'Ute Sommer'],
      authorsAreOrganizations: false,
      publisher: 'Seewalder Kurier',
      datePublished: '2024-05-17T10:15:00+02:00',
      url: 'https://kurier.example/seewald/hallenbad',
      image: 'https://kurier.example/img/bad.jpg',
      language: 'de-DE',
    });
  });

  it('finds the article inside @graph and follows @id references', () => {
    const ld = readJsonLd(
      parseDocument(
        page(
          JSON.stringify({
            '@context': 'https://schema.org',
            '@graph': [
              { '@type': 'WebSite', '@id': '#site', name: 'Le Journal du Lac' },
              { '@type': 'Organization', '@id': '#org', name: 'Le Journal du Lac SA' },
              { '@type': 'Person', '@id': '#claire', name: 'Claire Dubois' },
              { '@type': 'BlogPosting', headline: 'La fête du lac attire la foule', author: { '@id': '#claire' }, publisher: { '@id': '#org' } },
            ],
          }),
        ),
      ),
    );
    expect(ld?.headline).toBe('La fête du lac attire la foule');
    expect(ld?.authors).toEqual(['Claire Dubois']);
    expect(ld?.publisher).toBe('Le Journal du Lac SA');
  });

  it('accepts plain strings for author and publisher', () => {
    const ld = readJsonLd(parseDocument(page('{"@type":"Article","headline":"H","author":"Lucía Ortega","publisher":"Diario del Valle"}')));
    expect(ld?.authors).toEqual(['Lucía Ortega']);
    expect(ld?.publisher).toBe('Diario del Valle');
  });

  it('marks organisation authors', () => {
    const ld = readJsonLd(parseDocument(page('{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"Kurier"}}')));
    expect(ld?.authorsAreOrganizations).toBe(true);
  });

  it('skips malformed blocks quietly and reads the good ones', () => {
    const doc = parseDocument(page('{"@type": "NewsArticle", headline: broken', '[{"@type":"NewsArticle","headline":"Gut"}]'));
    expect(readJsonLd(doc)?.headline).toBe('Gut');
  });

  it('tolerates raw newlines inside strings', () => {
    const doc = parseDocument(page('{"@type":"NewsArticle","headline":"Zwei\nZeilen"}'));
    expect(readJsonLd(doc)?.headline).toBe('Zwei Zeilen');
  });

  it('returns null without JSON-LD', () => {
    expect(readJsonLd(parseDocument('<html><body><p>x</p></body></html>'))).toBeNull();
    expect(jsonLdNodes(parseDocument(page('not json')))).toEqual([]);
  });
});
