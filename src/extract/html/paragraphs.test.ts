import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { toParagraphs } from './paragraphs.js';

const paras = (html: string): string[] => toParagraphs(parseDocument(`<html><body>${html}</body></html>`).body);

describe('toParagraphs', () => {
  it('makes one paragraph per block element', () => {
    expect(paras('<h2>Der Plan</h2><p>Erster  Absatz\n mit <b>fett</b>.</p><ul><li>eins</li><li>zwei</li></ul><blockquote>Zitat</blockquote><pre>a   b</pre>')).toEqual([
      'Der Plan',
      'Erster Absatz mit fett.',
      'eins',
      'zwei',
      'Zitat',
      'a b',
    ]);
  });

  it('makes one paragraph per table row, cells separated', () => {
    expect(paras('<table><tr><th>Jahr</th><th>Besucher</th></tr><tr><td>2023</td><td>1.200</td></tr></table>')).toEqual(['Jahr Besucher', '2023 1.200']);
  });

  it('splits inline text around nested blocks and on double breaks', () => {
    expect(paras('<div>Vorher<p>Mitte</p>Nachher</div>')).toEqual(['Vorher', 'Mitte', 'Nachher']);
    expect(paras('<div>Zeile eins<br>Zeile zwei<br><br>Neuer Absatz</div>')).toEqual(['Zeile eins Zeile zwei', 'Neuer Absatz']);
  });

  it('skips scripts, buttons, hidden elements and empty blocks', () => {
    expect(paras('<p>Text</p><script>var x=1</script><button>Teilen</button><p hidden>weg</p><p style="display: none">weg</p><p> </p>')).toEqual(['Text']);
  });
});
