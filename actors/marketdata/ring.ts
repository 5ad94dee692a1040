/** A bounded FIFO that overwrites its oldest item when full: O(1) push, no shifting. */
export class Ring<T> {
  private readonly items: (T | undefined)[];
  /** Index the next push writes to. */
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    }
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.items[this.head] = item;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** Up to `limit` items, newest first. */
  newestFirst(limit = this.count): T[] {
    const n = Math.max(0, Math.min(limit, this.count));
    const out = new Array<T>(n);
    let i = this.head;
    for (let k = 0; k < n; k++) {
      i = i === 0 ? this.capacity - 1 : i - 1;
      out[k] = this.items[i]!;
    }
    return out;
  }

  /** The newest `limit` items, oldest first. */
  oldestFirst(limit = this.count): T[] {
    return this.newestFirst(limit).reverse();
  }
}
