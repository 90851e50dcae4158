import { describe, expect, it } from 'vitest';
import { parseDocument, textOf } from './dom.js';
import { densestContainer, namedBodyContainer, visibleBody } from './fallback.js';

const prose = 'Le conseil municipal a voté jeudi soir le budget du nouveau port de plaisance, après un long débat public.';

describe('densestContainer', () => {
  it('picks the cell with the prose on an old table layout', () => {
    const doc = parseDocument(
      `<html><body><table><tr><td class="menu"><a href="/a">Accueil</a><br><a href="/b">Archives</a><br><a href="/c">Contact</a></td>` +
        `<td id="main"><font>${prose}</font><br><br><font>${prose}</font><br><br><font>${prose}</font></td></tr></table></body></html>`,
    );
    const el = densestContainer(doc);
    expect(el?.getAttribute('id')).toBe('main');
  });

  it('prefers the article even when broken markup put it inside an aside', () => {
    const doc = parseDocument(`<html><body><aside><article><p>${prose}</p><p>${prose}</p></article></aside><footer><p>${prose}</p></footer></body></html>`);
    expect(textOf(densestContainer(doc))).toContain('port de plaisance');
  });

  it('returns null when nothing is dense enough', () => {
    expect(densestContainer(parseDocument('<html><body><ul><li><a href="/">Start</a></li></ul></body></html>'))).toBeNull();
  });
});

describe('visibleBody', () => {
  it('keeps visible text and drops scripts and navigation', () => {
    const doc = parseDocument('<html><body><nav>Menü</nav><script>var a=1</script><div>Sichtbarer Text</div></body></html>');
    expect(textOf(visibleBody(doc))).toBe('Sichtbarer Text');
  });
});

describe('namedBodyContainer', () => {
  it('copies the element the page names as its body', () => {
    const doc = parseDocument(`<html><body><div class="teaser-card"><p>Kurz.</p></div><div class="entry-content"><p>${'Ein langer Absatz über das Dorffest in Moosach. '.repeat(6)}</p><ul><li>Bier</li><li>Brezn</li></ul></div></body></html>`);
    const named = namedBodyContainer(doc);
    expect(named?.getAttribute('class')).toBe('entry-content');
    named?.remove();
    expect(doc.querySelector('.entry-content')).not.toBeNull(); // a copy: the page is untouched
  });
  it('is null when the page names no body', () => {
    expect(namedBodyContainer(parseDocument('<html><body><div><p>Nur Text.</p></div></body></html>'))).toBeNull();
  });
});
