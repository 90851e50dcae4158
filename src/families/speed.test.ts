/**
 * Speed sanity on synthetic text: 2,000 documents (400 stories x 5 copies: original, light edits, shortened,
 * reordered, extended), every one carrying the same boilerplate lines. The only timing assertion is a loose bound
 * that would catch an all-pairs blow-up; the measured rate is printed.
 */
import { describe, expect, it } from 'vitest';
import { findFamilies, type FamilyInput } from './index.js';
import { mulberry32 } from '../../test/helpers/random.js';


const SYL = ['ka', 'lo', 'mer', 'vin', 'sta', 'ro', 'dul', 'ne', 'tav', 'is', 'gor', 'ul', 'pe', 'sand', 'ri', 'fen', 'ho', 'bra', 'ek', 'tim'];

function syntheticCorpus(stories: number, seed = 42): { docs: FamilyInput[]; truth: Map<string, string> } {
  const rnd = mulberry32(seed);
  const vocab: string[] = [];
  const seen = new Set<string>();
  while (vocab.length < 3000) {
    const n = 1 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYL[Math.floor(rnd() * SYL.length)];
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  // Zipf-like word choice: frequent words are shared by all stories, as function words are in news.
  const word = (): string => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1)]!;
  const sentence = (): string => {
    const n = 10 + Math.floor(rnd() * 18);
    const ws = Array.from({ length: n }, word);
    return `${ws[0]![0]!.toUpperCase()}${ws.join(' ').slice(1)}.`;
  };
  const paragraph = (): string[] => Array.from({ length: 1 + Math.floor(rnd() * 3) }, sentence);
  const boiler = 'Sign up for our morning newsletter to get the top stories from the valleys in your inbox every day. Follow us on social media for live updates from our newsroom around the clock.';
  const docs: FamilyInput[] = [];
  const truth = new Map<string, string>();
  for (let s = 0; s < stories; s++) {
    const paras = Array.from({ length: 10 + Math.floor(rnd() * 6) }, paragraph);
    const join = (ps: string[][]): string => `${ps.map((p) => p.join(' ')).join('\n\n')}\n\n${boiler}`;
    const edited = paras.map((p) => p.map((x) => (rnd() < 0.15 ? x.replace(/ \S+ /, ` ${word()} `) : x)));
    const shuffled = [...paras];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const variants = [join(paras), join(edited), join(paras.slice(0, 5)), join(shuffled), join([...paras, paragraph(), paragraph()])];
    variants.forEach((text, v) => {
      const id = `s${String(s).padStart(4, '0')}-v${v}`;
      docs.push({ id, text });
      truth.set(id, `s${s}`);
    });
  }
  return { docs, truth };
}

describe('speed', () => {
  it('2,000 synthetic documents in well under a quadratic time', () => {
    const { docs, truth } = syntheticCorpus(400);
    const t0 = performance.now();
    const fams = findFamilies(docs);
    const ms = performance.now() - t0;
    console.log(`families: ${docs.length} docs in ${ms.toFixed(0)} ms = ${((docs.length / ms) * 1000).toFixed(0)} docs/s`);
    expect(fams).toHaveLength(400);
    for (const f of fams) {
      expect(f.members).toHaveLength(5);
      expect(new Set(f.members.map((m) => truth.get(m.id))).size).toBe(1);
    }
    expect(ms).toBeLessThan(60_000);
  });
});
