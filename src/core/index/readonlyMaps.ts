/**
 * Read-only maps over compact tables, for lookups that a check makes a few hundred times over tables of tens of
 * thousands of keys: building a real Map of them on every library change cost more than all the lookups.
 */

/** A map built on first use: most checks never read it. */
export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private map?: Map<K, V>;
  constructor(private readonly build: () => Map<K, V>) {}
  private get m(): Map<K, V> { return (this.map ??= this.build()); }
  get(key: K): V | undefined { return this.m.get(key); }
  has(key: K): boolean { return this.m.has(key); }
  get size(): number { return this.m.size; }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void { this.m.forEach((v, k) => fn(v, k, this)); }
  entries(): MapIterator<[K, V]> { return this.m.entries(); }
  keys(): MapIterator<K> { return this.m.keys(); }
  values(): MapIterator<V> { return this.m.values(); }
  [Symbol.iterator](): MapIterator<[K, V]> { return this.m[Symbol.iterator](); }
}

/** A word's entry: the ascending numbers of the sentences holding it, and a count that goes with them. */
export interface Postings { readonly sentences: Int32Array; readonly dates: number }

/**
 * Word -> postings, in compressed-row form: word number `n` (from `numberOf`) owns `positions[start[n]..start[n+1])`.
 * A word with no postings is not in the map.
 */
export class PostingsMap implements ReadonlyMap<string, Postings> {
  constructor(
    private readonly numberOf: (word: string) => number | undefined,
    private readonly wordOf: (n: number) => string,
    private readonly start: Int32Array,
    private readonly positions: Int32Array,
    private readonly counts: Int32Array,
  ) {}

  get(word: string): Postings | undefined {
    const n = this.numberOf(word);
    if (n === undefined || n + 1 >= this.start.length || this.start[n] === this.start[n + 1]) return undefined;
    return { sentences: this.positions.subarray(this.start[n], this.start[n + 1]), dates: this.counts[n] };
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (let w = 0; w + 1 < this.start.length; w++) if (this.start[w] !== this.start[w + 1]) n++;
    return n;
  }

  *entries(): MapIterator<[string, Postings]> {
    for (let w = 0; w + 1 < this.start.length; w++) {
      if (this.start[w] === this.start[w + 1]) continue;
      yield [this.wordOf(w), { sentences: this.positions.subarray(this.start[w], this.start[w + 1]), dates: this.counts[w] }];
    }
  }

  *keys(): MapIterator<string> { for (const [k] of this.entries()) yield k; }
  *values(): MapIterator<Postings> { for (const [, v] of this.entries()) yield v; }
  forEach(fn: (value: Postings, key: string, map: ReadonlyMap<string, Postings>) => void): void { for (const [k, v] of this.entries()) fn(v, k, this); }
  [Symbol.iterator](): MapIterator<[string, Postings]> { return this.entries(); }
}
