import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function capture(tty: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: tty }) as unknown as NodeJS.WriteStream;
  let out = '';
  (stream as unknown as PassThrough).on('data', (d: Buffer) => (out += d.toString()));
  return { stream, written: () => out };
}

describe('Progress', () => {
  it('never draws into a pipe: only the lines it is asked to log', () => {
    const { stream, written } = capture(false);
    const p = new Progress('ingest', stream);
    expect(p.enabled).toBe(false);
    p.plan(3);
    p.tick();
    p.tick(false);
    p.log('error: a.html: file is empty');
    p.tick();
    p.finish();
    expect(written()).toBe('error: a.html: file is empty\n');
  });

  it('draws a bar on a terminal', () => {
    const { stream, written } = capture(true);
    const p = new Progress('ingest', stream, true);
    p.plan(2);
    p.tick();
    p.tick();
    p.finish();
    expect(written()).toMatch(/\r\x1b\[2Kingest \[█+\] 2\/2 /);
  });
});
