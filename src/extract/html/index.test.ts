import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../ingest/decode.js';
import { densestCanWin, densestWins, extractHtml, FURNITURE_MAX_CHARS, proseChars } from './index.js';

const para = (s: string) => `<p>${s}</p>`;
const GERMAN = [
  'Die Gemeinde Seewald hat am Mittwoch ihr neues Hallenbad eröffnet. Nach drei Jahren Bauzeit und vielen Diskussionen im Gemeinderat konnten die ersten Gäste ins Wasser.',
  'Bürgermeisterin Karla Brandt sprach von einem großen Tag für die Familien im Ort, die seit Jahren auf ein Schwimmbad in der Nähe gewartet hatten.',
  'Der Eintritt kostet für Kinder zwei Euro, für Erwachsene vier Euro. Am Wochenende bietet der Schwimmverein kostenlose Kurse für Anfänger an.',
  'Die Kosten waren während der Bauzeit um fast zwanzig Prozent gestiegen, was im Rat immer wieder für Streit gesorgt hatte.',
];

const germanPage = `<!DOCTYPE html><html lang="de-DE"><head>
<title>Seewald eröffnet neues Hallenbad | Seewalder Kurier</title>
<meta property="og:site_name" content="Seewalder Kurier">
<meta property="og:image" content="/bilder/hallenbad.jpg">
<link rel="canonical" href="https://kurier.example/lokales/2024/05/17/hallenbad">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Seewald eröffnet neues Hallenbad",
"author":{"@type":"Person","name":"Jonas Feldmann"},"datePublished":"2024-05-17T10:15:00+02:00","publisher":{"@type":"Organization","name":"Seewalder Kurier"}}</script>
</head><body>
<header><nav><a href="/">Start</a> <a href="/lokales">Lokales</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Seewald eröffnet neues Hallenbad</h1>
<p class="byline">Von Jonas Feldmann</p>
<figure><img src="/bilder/hallenbad.jpg"><figcaption>Das neue Becken am Eröffnungstag. <span class="credit">Foto: Ute Sommer</span></figcaption></figure>
${GERMAN.slice(0, 2).map(para).join('\n')}
<div class="shariff"><a href="#">Facebook</a> <a href="#">Teilen</a></div>
${GERMAN.slice(2).map(para).join('\n')}
<div class="newsletter-signup"><p>Der Kurier am Morgen: jetzt kostenlos abonnieren!</p></div>
<section class="related-articles"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Freibad bleibt zu</a></li><li><a href="/b">Neue Sauna geplant</a></li><li><a href="/c">Schwimmkurse ausgebucht</a></li></ul></section>
</article></main>
<aside class="most-read"><h3>Meistgelesen</h3><ol><li><a href="/x">Unfall auf der B12</a></li></ol></aside>
<footer>© Seewalder Kurier</footer>
</body></html>`;

describe('extractHtml on a German news page', () => {
  const a = extractHtml(germanPage, { url: 'https://kurier.example/lokales/hallenbad?utm=feed' });

  it('keeps the article text and nothing else', () => {
    expect(a.extractor).toBe('html@1');
    expect(a.paragraphs).toEqual(GERMAN);
    expect(a.warnings).toEqual([]);
  });

  it('moves the caption with its credit out of the body', () => {
    expect(a.captions).toEqual(['Das neue Becken am Eröffnungstag. Foto: Ute Sommer']);
  });

  it('records what was removed and why', () => {
    const reasons = new Set(a.removed.map((r) => r.reason));
    for (const r of ['caption', 'byline-line', 'newsletter', 'related']) expect(reasons).toContain(r);
    expect(a.removed.find((r) => r.reason === 'newsletter')?.text).toBe('Der Kurier am Morgen: jetzt kostenlos abonnieren!');
    // Readability drops the link-only share bar itself.
    expect(a.paragraphs.join(' ')).not.toContain('Facebook');
  });

  it('reads the metadata', () => {
    expect(a).toMatchObject({
      title: 'Seewald eröffnet neues Hallenbad',
      titleFoundBy: 'json-ld',
      byline: 'Jonas Feldmann',
      bylineFoundBy: 'json-ld',
      publisher: 'Seewalder Kurier',
      published: '2024-05-17T10:15:00+02:00',
      publishedFoundBy: 'json-ld',
      language: 'de',
      languageFoundBy: 'html[lang]',
      url: 'https://kurier.example/lokales/hallenbad?utm=feed',
      canonicalUrl: 'https://kurier.example/lokales/2024/05/17/hallenbad',
      leadImage: { url: 'https://kurier.example/bilder/hallenbad.jpg', caption: 'Das neue Becken am Eröffnungstag. Foto: Ute Sommer' },
    });
  });
});

const FRENCH = [
  "La fête du lac a attiré des milliers de visiteurs samedi soir à Valmont. Les organisateurs se disent très satisfaits de cette édition, malgré la pluie tombée en fin d'après-midi.",
  'Le feu d’artifice, tiré depuis une barge au milieu du lac, a duré vingt minutes. Les restaurateurs du port ont servi jusque tard dans la nuit.',
  'La mairie annonce déjà une édition plus longue l’an prochain, sur deux soirées, avec un concert gratuit sur la plage municipale.',
];

describe('extractHtml on a French page without metadata markup', () => {
  const page = `<html><head><title>La fête du lac attire la foule - Journal du Lac</title></head><body>
<div class="article"><p>Par Claire Dubois</p><p>Publié le 18 juin 2024 à 09h30</p>${FRENCH.map(para).join('')}
<div class="comments"><h3>3 commentaires</h3><p>Superbe soirée !</p></div></div></body></html>`;
  const a = extractHtml(page, { url: 'https://journal-du-lac.example/2024/06/18/fete-du-lac' });

  it('drops the byline and date lines and the comments', () => {
    expect(a.paragraphs).toEqual(FRENCH);
    expect(a.removed).toEqual(
      expect.arrayContaining([
        { text: 'Par Claire Dubois', reason: 'byline-line' },
        { text: 'Publié le 18 juin 2024 à 09h30', reason: 'dateline' },
        expect.objectContaining({ reason: 'comments' }),
      ]),
    );
  });

  it('strips the site name from the title, takes the date from the URL and detects the language', () => {
    expect(a.title).toBe('La fête du lac attire la foule');
    expect(a.titleFoundBy).toBe('title');
    expect(a.published).toBe('2024-06-18');
    expect(a.publishedFoundBy).toBe('url');
    expect(a.language).toBe('fr');
    expect(a.languageFoundBy).toBe('detected:franc');
    expect(a.byline).toBe('Claire Dubois');
    expect(a.bylineFoundBy).toBe('text:byline-line');
  });
});

describe('extractHtml hints and fallbacks', () => {
  it('fills only missing fields from hints; the hinted url always wins', () => {
    const page = `<html><head><title>Titel der Seite</title><link rel="canonical" href="https://kurier.example/kanon"></head><body>${GERMAN.map(para).join('')}</body></html>`;
    const a = extractHtml(page, { url: 'https://feed.example/item/1', title: 'Feed-Titel', byline: 'Von Ute Sommer', publisher: 'Kurier', published: '2024-05-17', language: 'de-AT' });
    expect(a).toMatchObject({
      title: 'Titel der Seite',
      titleFoundBy: 'title',
      byline: 'Ute Sommer',
      bylineFoundBy: 'hint',
      publisher: 'Kurier',
      publisherFoundBy: 'hint',
      published: '2024-05-17',
      publishedFoundBy: 'hint',
      url: 'https://feed.example/item/1',
      canonicalUrl: 'https://kurier.example/kanon',
    });
    expect(a.language).toBe('de');
  });

  it('uses http://localhost/ as the document URL by default', () => {
    const a = extractHtml(`<html><head><link rel="canonical" href="/a/b"></head><body>${GERMAN.map(para).join('')}</body></html>`);
    expect(a.canonicalUrl).toBe('http://localhost/a/b');
    expect(a.url).toBe('http://localhost/a/b');
  });

  it('finds the text of an old table layout', () => {
    const prose = 'El ayuntamiento de Valdelago aprobó el jueves el presupuesto del nuevo puerto deportivo tras un largo debate. La oposición votó en contra.';
    const page = `<html><body><table><tr><td><a href="/">Inicio</a></td><td><font>${prose}</font></td></tr></table></body></html>`;
    const a = extractHtml(page);
    expect(a.paragraphs.join(' ')).toContain('presupuesto del nuevo puerto');
  });

  it('says which fallback ran and why', () => {
    expect(extractHtml('<html><body><div>Kurz.</div></body></html>').paragraphs).toEqual(['Kurz.']);
    expect(extractHtml('<html><body></body></html>').warnings).toEqual([
      'readability: null result; densest-text-blocks fallback found nothing; used the visible body text',
      'no body text found',
    ]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of ['', '   ', '<', '<html', '<<<>>>', 'plain text only', '<table><tr><td>'.repeat(200), '\u0000\uffff', '<script>alert(1)</script>']) {
      const a = extractHtml(input);
      expect(a.extractor).toBe('html@1');
      expect(Array.isArray(a.paragraphs)).toBe(true);
    }
    expect(extractHtml('').warnings).toContain('no body text found');
  });
});

// Reads shared third-party pages at run time only (nothing is copied into the repository).
const EVAL = '/work/shared/data/trafilatura-eval';
describe.skipIf(!existsSync(join(EVAL, 'gold.json')))('extractHtml on shared trafilatura-eval pages', () => {
  it('extracts every one of the first 60 pages without throwing and finds most must-keep text', () => {
    const gold = (JSON.parse(readFileSync(join(EVAL, 'gold.json'), 'utf8')) as { file: string; url: string; with: string[] }[]).slice(0, 60);
    let found = 0;
    let total = 0;
    for (const entry of gold) {
      const a = extractHtml(decodeBytes(readFileSync(join(EVAL, entry.file)), 'html').text, { url: entry.url });
      const text = a.paragraphs.join(' ').replace(/\s+/g, ' ');
      for (const w of entry.with) {
        total++;
        if (text.includes(w.replace(/\s+/g, ' ').trim())) found++;
      }
    }
    // The full run scores recall about 0.9 (bench/extract-score.ts); 0.75 leaves room for the sample.
    expect(found / total).toBeGreaterThan(0.75);
  });
});

describe('extractHtml: lede, captions beside images, ad labels, never throws', () => {
  const lede = 'La ville de Pontarlieu a ouvert lundi un refuge pour les chiens abandonnés, le premier du département.';
  const p = (s: string) => `<p>${s} Les bénévoles accueillent les visiteurs tous les après-midi, sauf le dimanche, dans l’ancienne ferme.</p>`;
  const page = `<html lang="fr"><head><title>Un refuge à Pontarlieu</title><meta name="description" content="${lede}"></head><body>
    <div class="art"><h1>Un refuge à Pontarlieu</h1><div class="chapo">${lede}</div>
    <div class="visuel"><img src="/chien.jpg"><div class="legende">Le premier pensionnaire, un berger de six ans. Photo : Lucie Marchal</div></div>
    <div class="corps">${p('Un.')}${p('Deux.')}<div class="pub-slot"><span>Publicité</span></div>${p('Trois.')}${p('Quatre.')}</div></div></body></html>`;
  const a = extractHtml(page, { url: 'https://pontarlieu-infos.example/refuge' });
  it('puts the lede first, keeps the caption apart and drops the ad label', () => {
    expect(a.paragraphs[0]).toBe(lede);
    expect(a.paragraphs).toHaveLength(5);
    expect(a.captions).toContain('Le premier pensionnaire, un berger de six ans. Photo : Lucie Marchal');
    expect(a.paragraphs.join(' ')).not.toContain('Publicité');
  });
  it('never throws on junk', () => {
    for (const junk of ['', '<', '<html><body><figure></figure>', '\u0000\u0001<p>', '<meta name="description" content="' + 'x'.repeat(50) + '">']) {
      expect(() => extractHtml(junk)).not.toThrow();
    }
  });
});

describe('densestWins: Readability’s container against the densest prose blocks', () => {
  const prose = (n: number): string => `Paragraph ${n} of the article tells readers what the council decided on Tuesday and why it did so.`;
  const body = [prose(1), prose(2), prose(3)];

  it('takes the densest run when Readability only added short furniture lines around it', () => {
    expect(densestWins(['Home » News', '09:14 AM', ...body, 'Previous article: Ferry fares frozen'], body)).toBe(true);
  });
  it('keeps Readability’s pick when a leftover is a lede-length line', () => {
    const lede = 'Twice beaten by Stenmark this season and written off by everyone, the Halden eight won when it mattered most';
    expect(lede.length).toBeGreaterThanOrEqual(FURNITURE_MAX_CHARS);
    expect(densestWins([lede, ...body], body)).toBe(false);
  });
  it('keeps Readability’s pick when the densest blocks skip a piece in the middle', () => {
    expect(densestWins([prose(1), 'Ingredients', prose(2), prose(3)], body)).toBe(false);
  });
  it('keeps Readability’s pick when the two are the same', () => {
    expect(densestWins(body, body)).toBe(false);
  });
  it('takes the densest blocks when Readability’s pick holds no prose at all, or far less', () => {
    expect(densestWins(['Menu', 'Log in'], body)).toBe(true);
    expect(densestWins([prose(1)], [prose(1), prose(2), prose(3)])).toBe(true);
    expect(densestWins([prose(1), prose(2)], [prose(1), prose(2), prose(3)])).toBe(false);
  });
  it('counts as prose only sentences of PROSE-length words', () => {
    expect(proseChars(['Home', 'Views: 3120', prose(1)])).toBe(prose(1).length);
    expect(proseChars(['A short sentence.'])).toBe(0);
  });
});

describe('densestCanWin: when the densest candidate is worth a second parse', () => {
  const prose = (n: number): string => `Paragraph ${n} of the article tells readers what the council decided on Tuesday evening, and why the vote was so close this time.`;
  it('only when Readability’s pick starts or ends on a short line, or the page holds far more prose', () => {
    expect(prose(1).length).toBeGreaterThanOrEqual(FURNITURE_MAX_CHARS);
    expect(densestCanWin([prose(1), prose(2)], [prose(1), prose(2)])).toBe(false);
    expect(densestCanWin(['09:14 AM', prose(1), prose(2)], [prose(1), prose(2)])).toBe(true);
    expect(densestCanWin([prose(1), prose(2), 'Previous article'], [prose(1), prose(2)])).toBe(true);
    expect(densestCanWin([prose(1)], [prose(1), prose(2), prose(3)])).toBe(true);
  });
});
