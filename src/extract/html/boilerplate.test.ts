import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from './boilerplate.js';
import { parseDocument, textOf } from './dom.js';

const body = (html: string) => parseDocument(`<html><body><div id="c">${html}</div></body></html>`).body;
const article = '<p>Die Gemeinde Seewald hat am Mittwoch ihr neues Hallenbad eröffnet, nach drei Jahren Bauzeit und vielen Diskussionen im Rat.</p><p>Der Eintritt kostet für Kinder zwei Euro; Familien erhalten einen Rabatt, wie die Verwaltung mitteilte.</p><p>Am Wochenende ist der Eintritt frei, und der Schwimmverein bietet Kurse für Anfänger an.</p>';

describe('removeBoilerplate', () => {
  it('removes cue-named blocks and records why', () => {
    const root = body(
      `${article}<div class="share-buttons"><a href="#">Teilen</a></div><div class="newsletter-box">Abonnieren Sie unseren Brief</div>` +
        `<section class="related-articles"><h3>Mehr dazu</h3><a href="/x">Freibad schließt</a></section><div id="comments">3 Kommentare</div>` +
        `<div class="paywall">Jetzt weiterlesen mit Plus</div>`,
    );
    const removed = removeBoilerplate(root);
    expect(removed.map((r) => r.reason)).toEqual(['share', 'newsletter', 'related', 'comments', 'paywall']);
    expect(textOf(root)).not.toMatch(/Teilen|Abonnieren|Freibad|Kommentare|Plus/);
    expect(textOf(root)).toContain('Hallenbad eröffnet');
  });

  it('uses roles and element kinds, whatever the language', () => {
    const root = body(`<nav><a href="/">Accueil</a></nav>${article}<aside>Les plus lus</aside><div role="navigation"><a href="/a">Suite</a></div><button>Partager</button>`);
    const reasons = removeBoilerplate(root).map((r) => r.reason);
    expect(reasons).toEqual(['navigation', 'related', 'navigation', 'ui']);
  });

  it('removes link lists but keeps tables of contents', () => {
    const links = '<ul><li><a href="/a">Erster Artikel</a></li><li><a href="/b">Zweiter Artikel</a></li><li><a href="/c">Dritter Artikel</a></li></ul>';
    const toc = '<ul><li><a href="#a">Anfahrt</a></li><li><a href="#b">Preise</a></li><li><a href="#c">Zeiten</a></li></ul>';
    const root = body(`${toc}${article}${links}`);
    const removed = removeBoilerplate(root);
    expect(removed).toEqual([{ text: 'Erster Artikel Zweiter Artikel Dritter Artikel', reason: 'navigation' }]);
    expect(textOf(root)).toContain('Anfahrt');
  });

  it('never removes a wrapper holding most of the article', () => {
    const root = body(`<div class="article-share-enabled">${article}</div>`);
    expect(removeBoilerplate(root)).toEqual([]);
    expect(textOf(root)).toContain('Hallenbad');
  });

  it('drops byline and date lines at the top of the body', () => {
    const root = body(`<p>Von Jonas Feldmann</p><p>17.05.2024, 10:15 Uhr</p>${article}`);
    const removed = removeBoilerplate(root, { byline: 'Jonas Feldmann' });
    expect(removed).toEqual([
      { text: 'Von Jonas Feldmann', reason: 'byline-line' },
      { text: '17.05.2024, 10:15 Uhr', reason: 'dateline' },
    ]);
  });

  it('keeps closing lines with dates that are part of the text', () => {
    const root = body(`${article}<p>Anmeldeschluss: 03.06.2024</p>`);
    expect(removeBoilerplate(root)).toEqual([]);
  });

  it('removes short cue-named byline blocks but keeps sentences starting like one', () => {
    const root = body(`<div class="article-byline">Par Claire Dubois</div>${article}<p>Par ailleurs, la mairie a promis un nouveau parking.</p>`);
    const removed = removeBoilerplate(root);
    expect(removed).toEqual([{ text: 'Par Claire Dubois', reason: 'byline-line' }]);
    expect(textOf(root)).toContain('Par ailleurs');
  });
});
