/** Items by a key, in their order: one pass, so joins over a long report stay linear. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** Items by a key, the first of each key winning, as a find() over the items would. */
export function firstBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T> {
  const out = new Map<K, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!out.has(key)) out.set(key, item);
  }
  return out;
}
