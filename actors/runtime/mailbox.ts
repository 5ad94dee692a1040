/**
 * The serial mailbox (xstate's Mailbox shape, plus async): one item in flight at a time, and
 * "in flight" lasts until the promise the processor returned has settled, awaits and journal
 * write included. That is what makes an actor's state safe without locks.
 *
 * Two lanes: system items (recovery, restarts, admin verbs) go first and still run while the
 * user lane is suspended (paused, restarting or failed actors).
 */

type Processor<T> = (item: T) => void | PromiseLike<void>;

/** An array queue with a moving head: O(1) amortised push and shift without per-item nodes. */
class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  drain(): T[] {
    const rest = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return rest;
  }
}

export class Mailbox<T> {
  private readonly user = new Queue<T>();
  private readonly system = new Queue<T>();
  private running = false;
  private scheduled = false;
  private suspended = false;
  private readonly drainLoop = (): void => this.drain();

  /**
   * `process` must not throw: it handles its own failures (the actor reports them to its
   * supervisor). `onBatch` runs before each run of back-to-back items, so per-batch work (reading
   * the clock) is not paid per message.
   */
  constructor(
    private readonly process: Processor<T>,
    private readonly onBatch?: () => void,
  ) {}

  /** Messages waiting, both lanes, not counting the one in flight. */
  get depth(): number {
    return this.user.size + this.system.size;
  }

  get busy(): boolean {
    return this.running;
  }

  enqueue(item: T): void {
    this.user.push(item);
    this.schedule();
  }

  enqueueSystem(item: T): void {
    this.system.push(item);
    this.schedule();
  }

  /** Stops taking user items (system items still run). */
  suspend(): void {
    this.suspended = true;
  }

  resume(): void {
    this.suspended = false;
    this.schedule();
  }

  /** Removes and returns every waiting item, for the caller to reject. */
  clear(): T[] {
    return [...this.system.drain(), ...this.user.drain()];
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // A microtask, not a synchronous run: the sender's stack never runs the receiver's handler,
    // so ping-pong between actors cannot grow the stack, and a burst of tells drains in one go.
    queueMicrotask(this.drainLoop);
  }

  private next(): T | undefined {
    const sys = this.system.shift();
    if (sys !== undefined) return sys;
    return this.suspended ? undefined : this.user.shift();
  }

  private drain(): void {
    this.scheduled = false;
    if (this.running) return;
    this.running = true;
    this.onBatch?.();
    for (;;) {
      const item = this.next();
      if (item === undefined) break;
      const pending = this.process(item);
      if (pending !== undefined) {
        // Async handler: the next item waits until this one has fully settled.
        pending.then(this.resumeAfterAsync, this.resumeAfterAsync);
        return;
      }
    }
    this.running = false;
  }

  private readonly resumeAfterAsync = (): void => {
    this.running = false;
    this.drain();
  };
}
