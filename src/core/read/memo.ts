/**
 * Remembering the results of a pure reading by its input. A sheet repeats the same dates and
 * spellings down thousands of rows; results are read-only, so the rows can share one. The limit
 * keeps a hostile sheet of all-different values from growing memory without bound.
 */
export class BoundedMemo<K, V> {
  private readonly known = new Map<K, V>();

  constructor(private readonly limit: number, private readonly compute: (key: K) => V) {}

  get(key: K): V {
    const found = this.known.get(key);
    if (found !== undefined) return found;
    const value = this.compute(key);
    if (this.known.size < this.limit) this.known.set(key, value);
    return value;
  }
}
