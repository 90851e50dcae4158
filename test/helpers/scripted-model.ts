/**
 * A scripted OpenAI-compatible chat-completions server on 127.0.0.1 for the model writer's tests: it answers every
 * request with `reword` applied to each fact it was sent (the writer's JSON protocol, src/compose/llm.ts), records
 * each request's Authorization header, and answers 503 while `fail` is set.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedModel {
  /** The endpoint, ending in /v1. */
  url: string;
  auth: (string | undefined)[];
  fail: boolean;
  close(): Promise<void>;
}

export async function startScriptedModel(reword: (text: string) => string): Promise<ScriptedModel> {
  const model: ScriptedModel = { url: '', auth: [], fail: false, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      model.auth.push(req.headers.authorization);
      if (model.fail) {
        res.writeHead(503).end('busy');
        return;
      }
      const { messages } = JSON.parse(raw) as { messages: { role: string; content: string }[] };
      const { facts } = JSON.parse(messages.find((m) => m.role === 'user')!.content) as { facts: { id: string; text: string }[] };
      const content = JSON.stringify({ sentences: facts.map((f) => ({ fact: f.id, text: reword(f.text) })) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  model.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  model.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return model;
}

/** The usual script: "X said Y." → "Y, X said." (faithful); a sentence with a figure gets it raised by one (not faithful). */
export function rewordOrBumpFigure(text: string): string {
  if (/\d/.test(text)) return text.replace(/\d+/, (n) => String(Number(n) + 1));
  const m = /^([A-Z][\w' -]{2,60}?) said (?:that )?([^"“”]+)\.$/.exec(text);
  return m ? `${m[2]![0]!.toUpperCase()}${m[2]!.slice(1)}, ${m[1]} said.` : text;
}
