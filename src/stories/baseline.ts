/**
 * The plain baseline stories are measured against: single-pass TF-IDF clustering. Documents are taken in id
 * order; each joins the cluster whose centroid is most cosine-similar to it if that similarity reaches
 * `threshold`, else starts a new cluster. Log-tf × idf over stemmed content words, idf from the batch; no
 * entities, no time, no headline boost.
 */
import { contentWords } from '../text/index.js';

export interface BaselineInput {
  id: string;
  text: string;
}

export function singlePassBaseline(docs: readonly BaselineInput[], threshold: number): string[][] {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tfs = sorted.map((d) => {
    const m = new Map<string, number>();
    for (const w of contentWords(d.text)) if (w.kind === 'word') m.set(w.stem, (m.get(w.stem) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tfs) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = sorted.length;
  const vecs = tfs.map((m) => {
    const v = new Map<string, number>();
    let s = 0;
    for (const [k, tf] of m) {
      const w = (1 + Math.log(tf)) * Math.log(n / df.get(k)!);
      v.set(k, w);
      s += w * w;
    }
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (const [k, w] of v) v.set(k, w * inv);
    return v;
  });
  const clusters: { sum: Map<string, number>; norm: number; members: string[] }[] = [];
  sorted.forEach((d, i) => {
    const v = vecs[i]!;
    let best = -1;
    let bestSim = threshold;
    clusters.forEach((c, ci) => {
      if (c.norm === 0) return;
      let s = 0;
      for (const [k, w] of v) s += w * (c.sum.get(k) ?? 0);
      s /= c.norm;
      if (s >= bestSim) [best, bestSim] = [ci, s];
    });
    const c = best >= 0 ? clusters[best]! : (clusters[clusters.push({ sum: new Map(), norm: 0, members: [] }) - 1]!);
    for (const [k, w] of v) c.sum.set(k, (c.sum.get(k) ?? 0) + w);
    let s = 0;
    for (const w of c.sum.values()) s += w * w;
    c.norm = Math.sqrt(s);
    c.members.push(d.id);
  });
  return clusters.map((c) => c.members);
}
