import type { Bus, Subscription } from '../../actors/transport/index.ts';

/**
 * A bus subscription as an async iterator with a bounded queue. graphql-ws pulls the next value
 * only after the previous one reached the socket, so a slow client makes values pile up here; the
 * bound keeps that from growing without limit, and the policy says what a stream does instead:
 *
 * - `drop-oldest`: keep the freshest values (tickers, candles: the latest supersedes the rest);
 * - `gap`: discard the backlog and hand out one `GAP` marker, after which the consumer resyncs
 *   (the order book sends a fresh snapshot);
 * - `fail`: discard the backlog and hand out one `OVERFLOW` marker, then end (trades: a client
 *   that missed trades must know, and re-reads the tape).
 */
export const GAP = Symbol('gap');
export const OVERFLOW = Symbol('overflow');
export type Marker = typeof GAP | typeof OVERFLOW;

export type OverflowPolicy = 'drop-oldest' | 'gap' | 'fail';

export interface BoundedStreamOptions {
  readonly maxQueue: number;
  readonly policy: OverflowPolicy;
}

export function busStream<T>(
  bus: Bus,
  subject: string,
  options: BoundedStreamOptions,
): AsyncIterableIterator<T | Marker> & { readonly dropped: number } {
  const queue: (T | Marker)[] = [];
  let waiting: ((result: IteratorResult<T | Marker>) => void) | undefined;
  let finished = false;
  let failing = false;
  let dropped = 0;

  const deliver = (value: T | Marker): void => {
    if (finished || failing) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value, done: false });
      return;
    }
    queue.push(value);
    if (queue.length <= options.maxQueue) return;
    if (options.policy === 'drop-oldest') {
      queue.shift();
      dropped++;
      return;
    }
    dropped += queue.length;
    queue.length = 0;
    if (options.policy === 'gap') queue.push(GAP);
    else {
      queue.push(OVERFLOW);
      failing = true;
    }
  };

  // The bus's own bound is a second line: its overflow is a gap like ours.
  const subscription: Subscription = bus.subscribe(subject, (message) => deliver(message.value as T), {
    maxPending: options.maxQueue,
    onOverflow: () => deliver(options.policy === 'fail' ? OVERFLOW : GAP),
  });

  const finish = (): IteratorResult<T | Marker> => {
    finished = true;
    queue.length = 0;
    subscription.unsubscribe();
    if (waiting) waiting({ value: undefined, done: true });
    waiting = undefined;
    return { value: undefined, done: true };
  };

  return {
    get dropped() {
      return dropped;
    },
    next(): Promise<IteratorResult<T | Marker>> {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (finished || failing) return Promise.resolve(finish());
      return new Promise((resolve) => (waiting = resolve));
    },
    return(): Promise<IteratorResult<T | Marker>> {
      return Promise.resolve(finish());
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * A stream that must not lose messages silently: a reader that falls `maxQueue` behind gets the
 * OVERFLOW marker and the end (the resolver turns it into a SLOW_CONSUMER error the client sees as
 * the last result; thrown from the source instead, graphql-ws would close the whole socket).
 */
export async function* losslessStream<T>(
  bus: Bus,
  subject: string,
  maxQueue: number,
): AsyncGenerator<T | typeof OVERFLOW> {
  const stream = busStream<T>(bus, subject, { maxQueue, policy: 'fail' });
  try {
    for await (const item of stream) {
      if (item === OVERFLOW) {
        yield OVERFLOW;
        return;
      }
      if (typeof item !== 'symbol') yield item;
    }
  } finally {
    await stream.return?.();
  }
}
