import { accountSubjects } from '../../actors/account/index.ts';
import type { AccountFill, AccountOrder, Ask, BalanceView } from '../../actors/account/index.ts';
import type { Bus } from '../../actors/transport/index.ts';
import type { OVERFLOW } from './bounded-stream.ts';
import { busStream, losslessStream } from './bounded-stream.ts';

/**
 * One account's own events (published after settlement). Orders and fills must not be missed
 * silently: a reader that falls `maxQueue` behind gets OVERFLOW and the end, as trades do.
 */
export function accountEventStream<T extends AccountOrder | AccountFill>(
  bus: Bus,
  subject: string,
  maxQueue: number,
): AsyncGenerator<T | typeof OVERFLOW> {
  return losslessStream<T>(bus, subject, maxQueue);
}

/**
 * The account's balances now, then again after each of its order or fill events that changed them
 * (asked from `account/<n>`, so always the actor's truth). Events only wake the stream: a burst is
 * one read, and a slow reader never queues more than one wake-up.
 */
export async function* balanceStream(bus: Bus, ask: Ask, account: number): AsyncGenerator<BalanceView[]> {
  // Subscribed before the first read, so no change between the read and the subscription is lost.
  const orders = busStream<unknown>(bus, accountSubjects.orders(account), {
    maxQueue: 1,
    policy: 'drop-oldest',
  });
  const fills = busStream<unknown>(bus, accountSubjects.fills(account), {
    maxQueue: 1,
    policy: 'drop-oldest',
  });
  const wakes = merge(orders, fills);
  try {
    let last = '';
    const read = async () => {
      const balances = (await ask(`account/${account}`, 'balances', {})) as BalanceView[];
      const text = JSON.stringify(balances, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      if (text === last) return undefined;
      last = text;
      return balances;
    };
    const first = await read();
    if (first) yield first;
    for await (const _wake of wakes) {
      const changed = await read();
      if (changed) yield changed;
    }
  } finally {
    await Promise.all([orders.return?.(), fills.return?.()]);
  }
}

/** Values of two endless iterators as they come (at most one pending read of each). */
async function* merge<T>(a: AsyncIterator<T>, b: AsyncIterator<T>): AsyncGenerator<T> {
  const pending = new Map<
    AsyncIterator<T>,
    Promise<{ source: AsyncIterator<T>; result: IteratorResult<T> }>
  >();
  const pull = (source: AsyncIterator<T>) =>
    pending.set(
      source,
      source.next().then((result) => ({ source, result })),
    );
  pull(a);
  pull(b);
  while (pending.size > 0) {
    const { source, result } = await Promise.race(pending.values());
    pending.delete(source);
    if (result.done) continue;
    pull(source);
    yield result.value;
  }
}
