import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionsUrl, composeStory, composeWithModel, type ComposeArticle, type Composite, type CompositeSentence } from './index.js';
import { parseDrafts } from './llm.js';

// Invented text: a wire story and an independent report of one event.
const wire = [
  'The old ferry pier at Lantern Bay collapsed into the harbour on Friday night after a week of storms.',
  'Harbourmaster Sir Ansel Pruitt said divers would inspect the wreckage on Saturday morning.',
  '"We were lucky that nobody was on the pier when it went," Sir Ansel said.',
  'The pier, built in 1911, had been closed to the public since January.',
].join('\n\n');
const independent = [
  'Lantern Bay is counting the cost after its ferry pier fell into the harbour on Friday night.',
  'The coastguard said 85 boats had been moved to safer moorings before the collapse.',
  'Councillor Mira Osei said the council would hold an emergency meeting on Monday.',
  'The ferry service will run from the north quay until further notice, the operator said.',
].join('\n\n');
const art = (id: string, text: string, publisher: string, title: string): ComposeArticle => ({ id, text, title, publisher, via: null, url: null, published: '2031-05-10', byline: null });
const articles = [art('wire', wire, 'Tidewater Wire', 'Lantern Bay ferry pier collapses after storms'), art('indie', independent, 'Bay Courier', 'Lantern Bay counts the cost of pier collapse')];

/** The scripted model: faithful rephrasings and three kinds of unfaithful draft, keyed on what each fact says. */
function draftFor(text: string): { text: string; faithful: boolean } {
  const rules: [RegExp, (t: string) => string, boolean][] = [
    // Unfaithful: a swapped name in a role, an invented number, an altered quote.
    [/^Harbourmaster (?:Sir Ansel )?Pruitt said divers/, (t) => t.replace(/(?:Sir Ansel )?Pruitt/, 'Mira Osei'), false],
    [/85 boats/, (t) => t.replace('85', '95'), false],
    [/We were lucky/, (t) => t.replace('We were lucky', 'We were very fortunate'), false],
    // Faithful: the same facts, reordered.
    [/^The pier, built in 1911, had been closed/, () => 'Built in 1911, the pier had been closed to the public since January.', true],
    [/^Councillor Mira Osei said the council would hold/, () => 'The council would hold an emergency meeting on Monday, Councillor Mira Osei said.', true],
    [/^The old ferry pier at Lantern Bay collapsed/, () => 'After a week of storms, the old ferry pier at Lantern Bay collapsed into the harbour on Friday night.', true],
  ];
  for (const [re, f, faithful] of rules) if (re.test(text)) return { text: f(text), faithful };
  return { text, faithful: true };
}

type Mode = 'drafts' | 'fenced' | 'prose' | 'http500' | 'hang' | 'not-json';
let mode: Mode = 'drafts';
let lastAuth: string | undefined;
let lastBody: { model?: string; messages?: { role: string; content: string }[] } = {};
let server: Server;
let base = '';

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (d: string) => (raw += d));
  req.on('end', () => {
    lastAuth = req.headers.authorization;
    if (req.url !== '/v1/chat/completions' || req.method !== 'POST') {
      res.writeHead(404).end('{"error":"not found"}');
      return;
    }
    lastBody = JSON.parse(raw) as typeof lastBody;
    if (mode === 'hang') return; // never answers
    if (mode === 'http500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"model overloaded"}}');
      return;
    }
    if (mode === 'not-json') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>gateway</html>');
      return;
    }
    const { facts } = JSON.parse(lastBody.messages!.find((m) => m.role === 'user')!.content) as { facts: { id: string; text: string }[] };
    const answer = JSON.stringify({ sentences: facts.map((f) => ({ fact: f.id, text: draftFor(f.text).text })) });
    const content = mode === 'fenced' ? '```json\n' + answer + '\n```' : mode === 'prose' ? 'Here is the rewritten article: the pier fell.' : answer;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const bodyOf = (c: Composite): CompositeSentence[] => [...c.lede, ...c.sections.flatMap((s) => s.paragraphs.flat())];

describe('model writer (scripted OpenAI-compatible server on 127.0.0.1)', () => {
  const extractive = composeStory({ articles });
  const ext = bodyOf(extractive);

  it('keeps faithful rephrasings and replaces unfaithful drafts with the extractive sentence, recording which', async () => {
    mode = 'drafts';
    const { composite, warnings } = await composeWithModel({ articles }, {}, { url: base, model: 'scripted', key: 'test-key' });
    expect(warnings).toEqual([]);
    expect(lastAuth).toBe('Bearer test-key');
    expect(lastBody.model).toBe('scripted');
    const out = bodyOf(composite);
    expect(out.length).toBe(ext.length);
    const w = composite.provenance.writer!;
    expect(w.kind).toBe('llm');
    let faithfulChanged = 0;
    const unfaithful = new Set<string>();
    ext.forEach((e, i) => {
      const d = draftFor(e.text);
      const got = out[i]!;
      // Citations stay those of the fact.
      expect(got.citations).toEqual(e.citations);
      expect(got.verdict).toBe('supported');
      if (d.faithful) {
        expect(got.text, e.text).toBe(d.text);
        if (d.text !== e.text) {
          faithfulChanged++;
          expect(got.rewrites.at(-1)).toEqual({ kind: 'model', from: e.text, to: d.text });
        }
      } else {
        expect(got.text, `unfaithful draft published: ${d.text}`).toBe(e.text);
        const fb = w.fallbacks!.find((f) => f.model === d.text);
        expect(fb, d.text).toBeTruthy();
        expect(fb!.extractive).toBe(e.text);
        unfaithful.add(e.text);
      }
    });
    // The script covered every kind: reordered facts kept, and a name swapped in a role, a number and a quote refused.
    expect(faithfulChanged).toBeGreaterThanOrEqual(2);
    expect([...unfaithful].some((t) => /Harbourmaster/.test(t))).toBe(true);
    expect([...unfaithful].some((t) => /85 boats/.test(t))).toBe(true);
    expect([...unfaithful].some((t) => /We were lucky/.test(t))).toBe(true);
    expect(w.fallbacks!.find((f) => /Mira Osei said divers/.test(f.model ?? ''))!.reason).toMatch(/contradicted|not supported|unsupported/);
    expect(w.kept).toBe(ext.length - w.fallbacks!.length);
    expect(composite.provenance.verdicts.map((v) => v.text)).toEqual(out.map((s) => s.text));
    expect(composite.disclosure).toMatch(/reworded by the language model scripted/);
    expect(extractive.disclosure).not.toMatch(/language model/);
  });

  it('reads a fenced JSON answer', async () => {
    mode = 'fenced';
    const { composite, warnings } = await composeWithModel({ articles }, {}, { url: `${base}/v1`, model: 'scripted' });
    expect(warnings).toEqual([]);
    expect(lastAuth).toBeUndefined();
    expect(bodyOf(composite).some((s) => s.rewrites.some((r) => r.kind === 'model'))).toBe(true);
  });

  for (const [m, why] of [
    ['prose', /not the JSON asked for/],
    ['not-json', /not chat-completions JSON/],
    ['http500', /HTTP 500/],
    ['hang', /no answer within 300 ms/],
  ] as const) {
    it(`falls back to the extractive article with a warning: ${m}`, async () => {
      mode = m;
      const { composite, warnings } = await composeWithModel({ articles }, {}, { url: base, model: 'scripted', timeoutMs: 300 });
      expect(warnings.length).toBe(1);
      expect(warnings[0]).toMatch(why);
      expect(bodyOf(composite).map((s) => s.text)).toEqual(ext.map((s) => s.text));
      expect(composite.provenance.writer!.warnings).toEqual(warnings);
      expect(composite.disclosure).toBe(extractive.disclosure);
    });
  }

  it('an unreachable endpoint is a warning too', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { composite, warnings } = await composeWithModel({ articles }, {}, { url: `http://127.0.0.1:${port}`, model: 'scripted', timeoutMs: 2000 });
    expect(warnings[0]).toMatch(/request failed/);
    expect(bodyOf(composite).map((s) => s.text)).toEqual(ext.map((s) => s.text));
  });

  it('parses drafts robustly and builds the endpoint URL', () => {
    expect(parseDrafts('{"sentences":[{"fact":"f1","text":" A  b. "},{"fact":2,"text":"C."},{"text":"no id"}]}')).toEqual([
      { fact: 'f1', text: 'A b.' },
      { fact: '2', text: 'C.' },
    ]);
    expect(parseDrafts('Sure: [{"id":"f1","text":"A."}] hope it helps')).toEqual([{ fact: 'f1', text: 'A.' }]);
    expect(parseDrafts('{"sentences": [')).toBeNull();
    expect(chatCompletionsUrl('http://h:1')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:1/v1/')).toBe('http://h:1/v1/chat/completions');
    expect(chatCompletionsUrl('http://h:1/openai/v1/chat/completions')).toBe('http://h:1/openai/v1/chat/completions');
  });
});
