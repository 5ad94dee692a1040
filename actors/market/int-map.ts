/**
 * A hash map from positive safe integers (order ids, prices) to objects, for the fast book's
 * hot lookups: open addressing with linear probing in a `Float64Array` of keys (0 marks an
 * empty slot), Fibonacci hashing of both 32-bit halves of the key, backward-shift deletion (no
 * tombstones, so lookups stay short under heavy churn) and doubling at half load. Measured
 * faster than `Map` for `get` and several times faster for `delete` + `set`. Iteration order is
 * slot order, i.e. meaningless: callers needing an order keep their own.
 */
export class IntMap<V> {
  private keys: Float64Array;
  private values: (V | undefined)[];
  private mask: number;
  /** 32 − log2(capacity): Fibonacci hashing keeps the top bits. */
  private shift: number;
  private count = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  get size(): number {
    return this.count;
  }

  /** The value for `key`, or undefined (also for anything that is not a positive number). */
  get(key: number): V | undefined {
    if (typeof key !== 'number' || !(key > 0)) return undefined;
    const keys = this.keys;
    const mask = this.mask;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return this.values[i];
      if (k === 0) return undefined;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets `key` (a positive safe integer) to `value` (not undefined). */
  set(key: number, value: V): void {
    const keys = this.keys;
    const mask = this.mask;
    let i = this.slot(key);
    for (;;) {
      const k = keys[i]!;
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === 0) break;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    this.values[i] = value;
    if (++this.count * 2 > keys.length) this.grow();
  }

  delete(key: number): boolean {
    if (typeof key !== 'number' || !(key > 0)) return false;
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = this.slot(key);
    for (;;) {
      const k = keys[i]!;
      if (k === key) break;
      if (k === 0) return false;
      i = (i + 1) & mask;
    }
    // Backward-shift: pull later members of the probe run into the hole when their home slot
    // does not lie (cyclically) between the hole and them.
    let hole = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = keys[j]!;
      if (k === 0) break;
      const home = this.slot(k);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = 0;
    values[hole] = undefined;
    this.count--;
    return true;
  }

  /** Calls `fn` for every value, in slot order. */
  forEachValue(fn: (value: V) => void): void {
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== undefined) fn(v);
    }
  }

  private slot(key: number): number {
    // Keys below 2^31 (nearly all) skip the division for the high half.
    const hi = key > 0x7fffffff ? (key / 4294967296) | 0 : 0;
    return Math.imul((key | 0) ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Float64Array(cap);
    this.values = new Array<V | undefined>(cap).fill(undefined);
    this.mask = cap - 1;
    this.shift--;
    const keys = this.keys;
    const mask = this.mask;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j]!;
      if (key === 0) continue;
      let i = this.slot(key);
      while (keys[i] !== 0) i = (i + 1) & mask;
      keys[i] = key;
      this.values[i] = oldValues[j];
    }
  }
}
