/**
 * The reader's only stylesheet and script, served from /static/ (the CSP allows no inline style or script).
 * The script only enhances: every page works without it.
 */

/** The site icon: an "R" on the accent colour (drawn here, no font or image needed). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57d0"/><path d="M10 25V7h7a5.5 5.5 0 0 1 1.2 10.9L23 25h-4.2l-4.3-7H14v7zm4-10.5h3a2.2 2.2 0 0 0 0-4.4h-3z" fill="#fff"/></svg>`;

export const APP_CSS = `:root{color-scheme:light dark;--bg:#fdfcf9;--fg:#1b1b1b;--muted:#5b5b5b;--line:#d9d5cc;--card:#ffffff;--accent:#0b57d0;--mark:#ffe58a;--ok:#1a7f37;--warn:#8a5a00;--bad:#c62828;--focus:#0b57d0}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e9e6df;--muted:#a9a59c;--line:#3a3d42;--card:#1d2024;--accent:#8ab4f8;--mark:#6b5a00;--ok:#6fd08c;--warn:#f0c05a;--bad:#ff8a80;--focus:#8ab4f8}}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 Georgia,"Times New Roman",serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;background:var(--card);color:var(--fg);padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:1rem;top:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:center;padding:.75rem 1rem;border-bottom:1px solid var(--line);font-family:system-ui,sans-serif}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--fg)}
.site-header nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.site-header form{display:flex;gap:.4rem;margin-left:auto}
input,textarea,button,select{font:inherit;font-family:system-ui,sans-serif;font-size:1rem;color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:4px;padding:.35rem .5rem}
button{cursor:pointer;background:var(--accent);color:var(--bg);border-color:var(--accent)}
main{max-width:46rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{line-height:1.2;font-size:1.9rem}
h2{font:600 1.15rem system-ui,sans-serif;margin-top:2rem;border-top:1px solid var(--line);padding-top:1rem}
.meta,.counts,.notice,.site-footer,.sources,.verification,.search-results,.removed,.audit-results,.story-card .counts{font-family:system-ui,sans-serif;font-size:.92rem}
.meta,.counts{color:var(--muted)}
.notice{border-left:4px solid var(--warn);padding:.4rem .8rem;background:var(--card)}
.changes ul{padding-left:1.2rem}
.changes h3{font:600 1rem system-ui,sans-serif;margin:1rem 0 .2rem}
.change-withdrawn del{color:var(--muted)}
.updated{font-weight:600}
.story-list{list-style:none;padding:0;margin:0}
.story-card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.story-card h2{border:0;margin:0;padding:0;font:700 1.25rem/1.3 Georgia,serif}
.story-link{text-decoration:none;color:var(--fg)}
.story-link:hover{text-decoration:underline}
.storyline-badge{display:inline-block;font:600 .75rem system-ui,sans-serif;padding:.1rem .5rem;border-radius:999px;border:1px solid var(--line);color:var(--muted);margin-left:.4rem;cursor:default}
a.storyline-badge{border-color:var(--accent);color:var(--accent);cursor:pointer}
.lede{font-weight:600}.story-card .lede{font-weight:400}
.cite,.caption-cite{font:600 .72rem system-ui,sans-serif;vertical-align:super;text-decoration:none;padding:0 1px}
.cite+.cite,.cite+.caption-cite,.caption-cite+.cite{margin-left:.2em}
.support{font:.72rem system-ui,sans-serif;color:var(--muted);margin:0 .25rem;white-space:nowrap}
mark,mark.cited{background:var(--mark);color:var(--fg);padding:0 2px}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--line)}
.verdict{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid var(--line);background:var(--card)}
.verdict-supported{border-color:var(--ok)}.verdict-unsupported{border-color:var(--warn)}.verdict-contradicted{border-color:var(--bad)}
.verdict-label{font-weight:700;text-transform:uppercase;font-size:.8rem}
.verdict-supported .verdict-label{color:var(--ok)}.verdict-unsupported .verdict-label{color:var(--warn)}.verdict-contradicted .verdict-label{color:var(--bad)}
.evidence{color:var(--muted)}
.article-layout{display:grid;grid-template-columns:minmax(0,1fr);gap:2rem}
@media (min-width:64rem){main.wide{max-width:72rem}.article-layout{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}}
.captions{font-style:italic;color:var(--muted)}
.removed li{margin-bottom:.5rem}.reason{font-weight:600}
textarea{width:100%;min-height:8rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0}
.source-choice{display:block;margin:.25rem 0}
#source-panel{position:fixed;right:0;top:0;bottom:0;width:min(34rem,100%);overflow:auto;background:var(--card);color:var(--fg);border-left:1px solid var(--line);box-shadow:-4px 0 16px rgba(0,0,0,.25);padding:1rem 1.25rem;z-index:20}
#source-panel .panel-close{float:right}
.site-footer{max-width:46rem;margin:2rem auto;padding:1rem;color:var(--muted);border-top:1px solid var(--line)}
@media (max-width:40rem){body{font-size:16px}.site-header form{margin-left:0;width:100%}.site-header input[type=search]{flex:1}h1{font-size:1.5rem}}
`;

export const APP_JS = `'use strict';
(function () {
  var panel = null;
  var opener = null;
  var CONTEXT = 600;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function close() {
    if (!panel) return;
    panel.remove();
    panel = null;
    if (opener) opener.focus();
  }

  function show(link, article, start, end) {
    close();
    opener = link;
    var text = article.text || '';
    var from = Math.max(0, start - CONTEXT);
    var to = Math.min(text.length, end + CONTEXT);
    var para = text.lastIndexOf('\\n\\n', start);
    if (para >= from) from = para + 2;
    var next = text.indexOf('\\n\\n', end);
    if (next !== -1 && next <= to) to = next;
    panel = el('aside', { id: 'source-panel', role: 'dialog', 'aria-label': 'Source passage', tabindex: '-1' });
    var btn = el('button', { type: 'button', class: 'panel-close' }, 'Close');
    btn.addEventListener('click', close);
    panel.appendChild(btn);
    panel.appendChild(el('h2', null, article.title || 'Source'));
    panel.appendChild(el('p', { class: 'meta' }, [article.publisher, article.published ? String(article.published).slice(0, 10) : null].filter(Boolean).join(' · ')));
    var p = el('p', { class: 'passage' });
    p.appendChild(document.createTextNode((from > 0 ? '… ' : '') + text.slice(from, start)));
    p.appendChild(el('mark', { class: 'cited' }, text.slice(start, end)));
    p.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? ' …' : '')));
    panel.appendChild(p);
    var more = el('a', { href: link.getAttribute('href') }, 'Open the whole article');
    panel.appendChild(el('p')).appendChild(more);
    document.body.appendChild(panel);
    panel.focus();
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    var link = t && t.closest ? t.closest('a.cite') : null;
    if (!link || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var id = link.getAttribute('data-article');
    var start = Number(link.getAttribute('data-start'));
    var end = Number(link.getAttribute('data-end'));
    if (!id || !(end > start)) return;
    ev.preventDefault();
    fetch('/api/articles/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (a) { show(link, a, start, end); })
      .catch(function () { window.location.href = link.getAttribute('href'); });
  });

  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && panel) close();
  });
})();
`;
