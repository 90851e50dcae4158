import { describe, expect, it } from 'vitest';
import { htmlBytesToText, htmlToText } from './html-to-text.js';

// An invented page.
const PAGE = `<!doctype html><html><head><title>Tidewater Echo</title><style>p{color:red}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<script>var x = "<p>not text</p>";</script><noscript>Enable JS</noscript>
<main><article><h1>Ferry   timetable   changes on <em>Isle of Brenn</em></h1>
<p>The island's ferry will sail <b>twice</b> a day<br>from the first of June.</p>
<figure><img src="a.jpg"><figcaption>The ferry at Brenn pier (Ola Tveit)</figcaption></figure>
<svg><text>icon</text></svg><template><p>hidden</p></template>
</article></main><footer>© 2031 Tidewater Echo</footer></body></html>`;

describe('htmlToText', () => {
  it('puts blocks on their own lines, joins inline text and drops non-content elements', () => {
    expect(htmlToText(PAGE)).toBe(
      [
        'Home', '', 'Local', '',
        'Ferry timetable changes on Isle of Brenn', '',
        "The island's ferry will sail twice a day", 'from the first of June.', '',
        'The ferry at Brenn pier (Ola Tveit)', '',
        '© 2031 Tidewater Echo', '',
      ].join('\n'),
    );
  });

  it('decodes bytes with the declared charset', () => {
    const bytes = Uint8Array.from([...Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), 0xe9, ...Buffer.from('</p></body></html>')]);
    expect(htmlBytesToText(bytes)).toBe('Café\n');
  });
});
