import { describe, expect, it } from 'vitest';
import { preserveCues, removeBoilerplate } from './boilerplate.js';
import { toParagraphs } from './paragraphs.js';
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

  it('removes a paragraph that is only a link to another page, label and all', () => {
    const root = body(`${article}<p>Auch spannend: <a href="/bad">Freibad öffnet früher</a></p><h3><a href="/see">Segeln auf dem Stausee</a></h3>`);
    const removed = removeBoilerplate(root);
    expect(removed).toEqual([
      { text: 'Auch spannend: Freibad öffnet früher', reason: 'link-line' },
      { text: 'Segeln auf dem Stausee', reason: 'link-line' },
    ]);
    expect(textOf(root)).toContain('Hallenbad eröffnet');
  });

  it('keeps link lines before the first paragraph of text (a headline or source link on top)', () => {
    const root = body(`<h2><a href="/stausee">Stausee wieder voll</a></h2><p><a href="https://example.org/orig">Originalbericht</a></p>${article}`);
    expect(removeBoilerplate(root).filter((r) => r.reason === 'link-line')).toEqual([]);
  });

  it('keeps link lines that are the article (a link blog) and paragraphs with a link inside prose', () => {
    const posts = ['Neue Brücke über die Ems', 'Radweg nach Norden fertig', 'Markthalle wird saniert'].map((t, i) => `<p><a href="/p${i}">${t}</a></p>`).join('');
    const blog = body(`${posts}<p>Kurz notiert.</p>`);
    expect(removeBoilerplate(blog).filter((r) => r.reason === 'link-line')).toEqual([]);
    const prose = body(`${article}<p>Die Preise stehen <a href="/preise">auf der Website</a> der Gemeinde, zusammen mit den Öffnungszeiten.</p>`);
    expect(removeBoilerplate(prose)).toEqual([]);
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

describe('boxes, ad labels and names Readability drops', () => {
  const P = (s: string) => `<p>${s} Die Stadtwerke von Grauwald prüfen seit Montag alle Leitungen im Ostviertel.</p>`;
  it('removes a small boxed aside with its own heading among the body paragraphs', () => {
    const root = parseDocument(`<html><body><div id="c">${P('Eins.')}${P('Zwei.')}<div class="service-box"><h3>Hilfe gesucht?</h3><p>Das Bürgertelefon ist rund um die Uhr erreichbar.</p></div>${P('Drei.')}</div></body></html>`).body;
    const removed = removeBoilerplate(root);
    expect(removed.map((r) => r.reason)).toContain('box');
    expect(toParagraphs(root).join(' ')).not.toContain('Hilfe gesucht');
  });

  it('keeps a plain section wrapper with a heading (article text)', () => {
    const root = parseDocument(`<html><body><div id="c">${P('Eins.')}${P('Zwei.')}<div class="abschnitt"><h3>Wie geht es weiter?</h3><p>Die Arbeiten dauern bis Juni.</p></div>${P('Drei.')}</div></body></html>`).body;
    removeBoilerplate(root);
    expect(toParagraphs(root).join(' ')).toContain('Wie geht es weiter?');
  });

  it('remembers short cue-named text blocks that lose their class', () => {
    const doc = parseDocument('<html><body><div class="article-standfirst">Zwei Sätze über den Rohrbruch. Und noch einer.</div><div class="kicker">Analyse</div></body></html>');
    const remembered = preserveCues(doc.body);
    expect(remembered.get('Zwei Sätze über den Rohrbruch. Und noch einer.')).toBe('standfirst');
    const after = parseDocument(`<html><body><div id="c"><p>Zwei Sätze über den Rohrbruch. Und noch einer.</p>${P('Eins.')}</div></body></html>`).body;
    removeBoilerplate(after, { remembered });
    expect(toParagraphs(after)).toHaveLength(1);
  });
});
