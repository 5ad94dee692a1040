const INITIAL_SLOTS = 16;

/**
 * A bounded FIFO that overwrites its oldest item when full. O(1) push and shift (an `Array#shift`
 * queue copies the whole backlog on every delivery). Storage starts small and doubles up to the
 * capacity, so thousands of idle subscriptions with a 10,000-message bound cost little.
 */
export class RingBuffer<T> {
  readonly capacity: number;
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.items = new Array<T | undefined>(Math.min(capacity, INITIAL_SLOTS));
  }

  get size(): number {
    return this.count;
  }

  /** Appends `item`; when full, drops the oldest item to make room and returns true. */
  push(item: T): boolean {
    if (this.count === this.items.length && this.count < this.capacity) this.grow();
    const slots = this.items.length;
    this.items[(this.head + this.count) % slots] = item;
    if (this.count < slots) {
      this.count++;
      return false;
    }
    this.head = (this.head + 1) % slots;
    return true;
  }

  /** Removes and returns the oldest item, or `undefined` when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return item;
  }

  clear(): void {
    this.items = new Array<T | undefined>(Math.min(this.capacity, INITIAL_SLOTS));
    this.head = 0;
    this.count = 0;
  }

  /** Doubles the storage (up to the capacity), unrolling the items to start at slot 0. */
  private grow(): void {
    const slots = this.items.length;
    const next = new Array<T | undefined>(Math.min(this.capacity, slots * 2));
    for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) % slots];
    this.items = next;
    this.head = 0;
  }
}
