/**
 * Connected components of an undirected graph given by its nodes and each node's neighbours (neighbours outside
 * `nodes` are ignored). Components come in the order of their first node in `nodes`, members in visiting order:
 * callers sort as they need.
 */
export function components<T>(nodes: Iterable<T>, neighbours: (x: T) => Iterable<T>): T[][] {
  const inSet = new Set(nodes);
  const seen = new Set<T>();
  const out: T[][] = [];
  for (const start of inSet) {
    if (seen.has(start)) continue;
    const comp: T[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const x = stack.pop()!;
      comp.push(x);
      for (const y of neighbours(x)) {
        if (inSet.has(y) && !seen.has(y)) {
          seen.add(y);
          stack.push(y);
        }
      }
    }
    out.push(comp);
  }
  return out;
}
