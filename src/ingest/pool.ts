/**
 * Runs `fn` over `items` with at most `limit` calls in flight and yields the results in input order,
 * so output stays deterministic however the calls race. `fn` must not reject (wrap failures as values).
 */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const results: Array<Promise<R>> = new Array(items.length);
  const starters: Array<() => void> = [];
  let next = 0;
  let running = 0;

  // Each slot's promise is created up front; its work starts when a worker frees up.
  for (let i = 0; i < items.length; i++) {
    results[i] = new Promise<R>((resolve, reject) => {
      starters[i] = () => {
        running++;
        // then(resolve, reject) never rejects itself, so the bookkeeping below always runs.
        void fn(items[i]!, i)
          .then(resolve, reject)
          .then(() => {
            running--;
            pump();
          });
      };
    });
  }
  const pump = () => {
    while (running < limit && next < items.length) starters[next++]!();
  };
  pump();
  for (let i = 0; i < items.length; i++) yield await results[i]!;
}
