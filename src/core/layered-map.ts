/** A read-only map layered over another: what a patched corpus shows of its base and segment. */

/** A read-only map of `base` entries that `keep` accepts, then `extra`'s; `list` gives the entries when it is iterated. */
export class LayeredMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly base: { get(key: string): V | undefined },
    private readonly keep: (key: string) => boolean,
    private readonly extra: ReadonlyMap<string, V>,
    private readonly list?: () => readonly (readonly [string, V])[],
  ) {}

  get(key: string): V | undefined {
    return this.extra.get(key) ?? (this.keep(key) ? this.base.get(key) : undefined);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private counted: number | null = null;

  get size(): number {
    this.counted ??= [...this.entries()].length;
    return this.counted;
  }

  *entries(): MapIterator<[string, V]> {
    if (this.list) {
      for (const [k, v] of this.list()) yield [k, v];
      return;
    }
    const base = this.base as ReadonlyMap<string, V>;
    for (const [k, v] of base) if (!this.extra.has(k) && this.keep(k)) yield [k, v];
    yield* this.extra;
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
