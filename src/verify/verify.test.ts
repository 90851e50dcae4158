/** Unit tests of the verifier's modules on invented text. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditArticle, buildSourceIndex, classifySentence, HttpClaimScorer, renderAudit, verifyClaim, worstVerdict } from './index.js';
import { prepText } from './lexicon.js';
import { retrieve, tokenKeys } from './retrieve.js';

const SRC = [
  { id: 'a', publisher: 'Valley Post', published: '2024-05-10', text: 'Governor Ana Ruiz signed the water bill on Wednesday.\n\nThe bill sets aside $2.5bn for new reservoirs over ten years.\n\n"Every town deserves clean water," she said.' },
  { id: 'b', text: 'Opposition leader Mark Olsen said the plan would not reduce prices.\n\nFarmers welcomed the move.' },
];

describe('retrieve', () => {
  const index = buildSourceIndex(SRC);
  it('finds the sentence sharing the most rare words first', () => {
    const top = retrieve(index, tokenKeys('the reservoirs bill money').map((t) => t.key), 3);
    expect(top[0]!.unit.text).toMatch(/reservoirs/);
  });
  it('keeps offsets into the source text', () => {
    for (const u of index.units) expect(SRC[u.source]!.text.slice(u.start, u.end)).toBe(u.text);
  });
  it('prepares abbreviations and spaced thousands without moving offsets', () => {
    expect(prepText('U.K. 20 000')).toBe('UK   20,000');
  });
});

describe('verifyClaim', () => {
  const index = buildSourceIndex(SRC);
  it('supports a paraphrase with inflections, a number format and a weekday', () => {
    const r = verifyClaim('Ana Ruiz signs a bill setting aside $2.5 billion for reservoirs.', index);
    expect(r.verdict).toBe('supported');
    expect(r.evidence[0]!.sourceId).toBe('a');
  });
  it('lists exactly what has no support', () => {
    const r = verifyClaim('Governor Ana Ruiz signed the water bill to please donors.', index);
    expect(r.verdict).toBe('unsupported');
    expect(r.missing).toEqual(['please', 'donors']);
  });
  it('contradicts a different amount, a dropped negation and an altered quote', () => {
    expect(verifyClaim('The bill sets aside $3bn for new reservoirs.', index).conflicts[0]?.kind).toBe('number');
    expect(verifyClaim('Mark Olsen said the plan would reduce prices.', index).conflicts[0]?.kind).toBe('negation');
    const q = verifyClaim('"Every city deserves clean water," Ana Ruiz said.', index);
    expect(q.verdict).toBe('contradicted');
    expect(q.quotes[0]!.verbatim).toBe(false);
  });
  it('checks quotes verbatim, allowing typographic quote marks', () => {
    const r = verifyClaim('“Every town deserves clean water,” Ms Ruiz said.', index);
    expect(r.verdict).toBe('supported');
    expect(r.quotes[0]).toMatchObject({ verbatim: true, sourceId: 'a' });
  });
  it('flags a paraphrase presented as a quote', () => {
    const r = verifyClaim('Ana Ruiz said the bill was "a gift to thirsty towns".', index);
    expect(r.verdict).toBe('unsupported');
    expect(r.quotes[0]!.verbatim).toBe(false);
  });
  it('does not take an outside outlet as support', () => {
    expect(verifyClaim('According to The Herald, farmers welcomed the move.', index).verdict).toBe('unsupported');
  });
  it('contradicts a person in a role the sources give to someone else', () => {
    const ix = buildSourceIndex([{ id: 'c', text: 'French president Emmanuel Macron arrived in Rome.' }]);
    const r = verifyClaim('French President Nicolas Sarkozy arrived in Rome.', ix);
    expect(r.conflicts[0]).toMatchObject({ kind: 'person-in-role' });
  });
});

describe('auditArticle', () => {
  it('marks headings and meta lines and leaves them out of the counts', () => {
    expect(classifySentence('Water for the valley')).toBe('heading');
    expect(classifySentence('Sources used: "Valley Post"')).toBe('meta');
    expect(classifySentence('Note: This article has been edited with the help of Artificial Intelligence.')).toBe('meta');
    const r = auditArticle({ text: 'Water for the valley\nFarmers welcomed the move.\nSources used: "Valley Post"' }, SRC);
    expect(r.sentences.map((s) => s.kind)).toEqual(['heading', 'claim', 'meta']);
    expect(r.summary).toEqual({ supported: 1, unsupported: 0, contradicted: 0, total: 1 });
    expect(worstVerdict(r.sentences)).toBe('supported');
  });
  it('renders text, Markdown and HTML reports', () => {
    const r = auditArticle({ text: 'Farmers welcomed the move. Farmers burned the bill.' }, SRC);
    expect(renderAudit(r)).toMatch(/SUPPORTED Farmers welcomed/);
    expect(renderAudit(r, { format: 'md' })).toMatch(/\*\*unsupported\*\*/);
    expect(renderAudit(r, { format: 'html' })).toMatch(/<li class="supported">/);
    expect(renderAudit(r, { tty: true })).toContain('\x1b[32m');
  });
});

describe('HttpClaimScorer', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const json = JSON.parse(body) as { claim?: string; messages?: unknown[] };
        res.setHeader('content-type', 'application/json');
        if (req.url === '/v1/chat/completions') res.end(JSON.stringify({ choices: [{ message: { content: '0.25' } }] }));
        else if (req.url === '/fail') {
          res.statusCode = 500;
          res.end('{}');
        }
        else res.end(JSON.stringify({ score: json.claim?.includes('true') ? 0.9 : 0.1 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  it('speaks plain JSON', async () => {
    const s = new HttpClaimScorer({ url: `${base}/score` });
    expect(await s.score('a true claim', ['evidence'])).toBe(0.9);
    expect(await s.score('a false claim', ['evidence'])).toBe(0.1);
  });
  it('speaks the OpenAI-compatible chat protocol', async () => {
    expect(await new HttpClaimScorer({ url: `${base}/v1`, model: 'm' }).score('c', ['e'])).toBe(0.25);
  });
  it('names the endpoint when it fails', async () => {
    await expect(new HttpClaimScorer({ url: `${base}/fail` }).score('c', [])).rejects.toThrow(/\/fail: HTTP 500/);
  });
});
