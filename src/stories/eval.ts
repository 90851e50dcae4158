/**
 * Clustering scores against gold groups: B-cubed (Bagga & Baldwin 1998) and pairwise precision/recall/F1.
 * B-cubed per item: precision = |own cluster ∩ gold cluster| / |own cluster|, recall = the same over
 * |gold cluster|, both averaged over items. Items missing from either side are ignored.
 */

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Item → cluster index, for the items both sides cover. */
function labels(groups: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const x of g) m.set(x, i);
  });
  return m;
}

/** Sizes of clusters and of their intersections over the shared items. */
function tables(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[]) {
  const p = labels(predicted);
  const g = labels(gold);
  const items = [...p.keys()].filter((x) => g.has(x));
  const pSize = new Map<number, number>();
  const gSize = new Map<number, number>();
  const both = new Map<string, number>();
  for (const x of items) {
    const a = p.get(x)!;
    const b = g.get(x)!;
    pSize.set(a, (pSize.get(a) ?? 0) + 1);
    gSize.set(b, (gSize.get(b) ?? 0) + 1);
    both.set(`${a}:${b}`, (both.get(`${a}:${b}`) ?? 0) + 1);
  }
  return { p, g, items, pSize, gSize, both };
}

export function bcubed(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[]): ClusterScores {
  const { p, g, items, pSize, gSize, both } = tables(predicted, gold);
  if (!items.length) return { precision: 0, recall: 0, f1: 0 };
  let ps = 0;
  let rs = 0;
  for (const x of items) {
    const a = p.get(x)!;
    const b = g.get(x)!;
    const n = both.get(`${a}:${b}`)!;
    ps += n / pSize.get(a)!;
    rs += n / gSize.get(b)!;
  }
  const precision = ps / items.length;
  const recall = rs / items.length;
  return { precision, recall, f1: f1(precision, recall) };
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

export function pairwise(predicted: readonly (readonly string[])[], gold: readonly (readonly string[])[]): ClusterScores {
  const { pSize, gSize, both } = tables(predicted, gold);
  let tp = 0;
  let pp = 0;
  let gp = 0;
  for (const n of both.values()) tp += pairs(n);
  for (const n of pSize.values()) pp += pairs(n);
  for (const n of gSize.values()) gp += pairs(n);
  const precision = pp ? tp / pp : 1;
  const recall = gp ? tp / gp : 1;
  return { precision, recall, f1: f1(precision, recall) };
}
