/**
 * Ids carried over a recomputation: each old id goes to the new group holding most of its members (largest overlap
 * first; ties: the older, smaller id, then the earlier group). Used by the story index for its internal story
 * numbers and by the store for story and storyline ids, so a link to `s12` survives a recluster.
 */
export function carryIds(oldGroups: ReadonlyMap<number, ReadonlySet<number>>, newGroups: readonly (readonly number[])[]): Map<number, number> {
  const ownerOf = new Map<number, number>();
  for (const [id, members] of oldGroups) for (const m of members) ownerOf.set(m, id);
  return carryByOwner((m) => ownerOf.get(m), newGroups);
}

/** The same, with the old id of each member given by `ownerOf` (undefined: no old id). New group index → old id. */
export function carryByOwner(ownerOf: (member: number) => number | undefined, newGroups: readonly (readonly number[])[]): Map<number, number> {
  const cand: { g: number; id: number; n: number }[] = [];
  newGroups.forEach((g, gi) => {
    const c = new Map<number, number>();
    for (const m of g) {
      const o = ownerOf(m);
      if (o !== undefined) c.set(o, (c.get(o) ?? 0) + 1);
    }
    for (const [id, n] of c) cand.push({ g: gi, id, n });
  });
  cand.sort((a, b) => b.n - a.n || a.id - b.id || a.g - b.g);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const c of cand) {
    if (out.has(c.g) || used.has(c.id)) continue;
    out.set(c.g, c.id);
    used.add(c.id);
  }
  return out;
}
