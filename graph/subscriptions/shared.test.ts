import type { ExecutionResult } from 'graphql';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { shareableField, SharedSubscriptions } from './shared.ts';

/** A source the test pushes results into, counting how often it was started and closed. */
function source() {
  const pending: ExecutionResult[] = [];
  let wake: (() => void) | undefined;
  const stats = { started: 0, closed: 0 };
  const push = (n: number) => {
    pending.push({ data: { n } });
    wake?.();
  };
  async function* run(): AsyncGenerator<ExecutionResult> {
    stats.started++;
    try {
      for (;;) {
        while (pending.length > 0) yield pending.shift()!;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      stats.closed++;
    }
  }
  return { push, stats, start: async () => run() };
}

const slow = (): ExecutionResult => ({ data: null, errors: [] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function take(stream: AsyncGenerator<ExecutionResult>, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push((await stream.next()).value?.data);
  return out;
}

describe('shared subscriptions', () => {
  it('shared - clients of the same subscription share one execution and each gets every result', async () => {
    const shared = new SharedSubscriptions();
    const s = source();
    const a = (await shared.subscribe('k', 'fail', 10, slow, s.start)) as AsyncGenerator<ExecutionResult>;
    const b = (await shared.subscribe('k', 'fail', 10, slow, s.start)) as AsyncGenerator<ExecutionResult>;
    expect(s.stats.started).toBe(1);
    expect(shared.size).toBe(1);
    for (let i = 1; i <= 3; i++) s.push(i);
    expect(await take(a, 3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await take(b, 3)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await a.return(undefined);
    s.push(4);
    expect(await take(b, 1)).toEqual([{ n: 4 }]);
    expect(s.stats.closed).toBe(0);
    await b.return(undefined);
    // The last client gone: the execution stops (an async generator waiting inside its body
    // finishes at its next result); a new client starts a fresh one.
    s.push(5);
    await tick();
    expect(s.stats.closed).toBe(1);
    expect(shared.size).toBe(0);
    const c = (await shared.subscribe('k', 'fail', 10, slow, s.start)) as AsyncGenerator<ExecutionResult>;
    expect(s.stats.started).toBe(2);
    await c.return(undefined);
  });

  it('shared - a lossless client that falls behind gets the slow-consumer result and ends; others go on', async () => {
    const shared = new SharedSubscriptions();
    const s = source();
    const fast = (await shared.subscribe('k', 'fail', 3, slow, s.start)) as AsyncGenerator<ExecutionResult>;
    const lagging = (await shared.subscribe(
      'k',
      'fail',
      3,
      slow,
      s.start,
    )) as AsyncGenerator<ExecutionResult>;
    for (let i = 1; i <= 5; i++) {
      s.push(i);
      expect(await take(fast, 1)).toEqual([{ n: i }]);
    }
    expect(await lagging.next()).toEqual({ value: slow(), done: false });
    expect(await lagging.next()).toEqual({ value: undefined, done: true });
    s.push(6);
    expect(await take(fast, 1)).toEqual([{ n: 6 }]);
    await fast.return(undefined);
  });

  it('shared - a drop-oldest client keeps the newest results', async () => {
    const shared = new SharedSubscriptions();
    const s = source();
    const client = (await shared.subscribe(
      'k',
      'drop-oldest',
      2,
      slow,
      s.start,
    )) as AsyncGenerator<ExecutionResult>;
    for (let i = 1; i <= 5; i++) s.push(i);
    await tick();
    expect(await take(client, 2)).toEqual([{ n: 4 }, { n: 5 }]);
    await client.return(undefined);
  });

  it('shared - an error result from the start goes to that client alone and nothing is shared', async () => {
    const shared = new SharedSubscriptions();
    const error: ExecutionResult = { errors: [] };
    expect(await shared.subscribe('k', 'fail', 10, slow, async () => error)).toBe(error);
    expect(shared.size).toBe(0);
  });

  it('shareableField - only a lone public market-data field is shared', () => {
    const field = (query: string, name?: string) => shareableField(parse(query), name);
    expect(field('subscription { trades(symbol: "BTC-USDT") { seq price } }')).toBe('trades');
    expect(field('subscription T($s: ID!) { ticker(symbol: $s) { last } }', 'T')).toBe('ticker');
    expect(field('subscription { myFills { id } }')).toBeUndefined();
    expect(field('subscription { orderBook(symbol: "BTC-USDT") { seq } }')).toBeUndefined();
    expect(
      field('subscription { trades(symbol: "A") { seq } ticker(symbol: "A") { last } }'),
    ).toBeUndefined();
    expect(field('subscription { trades(symbol: "A") @skip(if: true) { seq } }')).toBeUndefined();
    expect(field('query { markets { symbol } }')).toBeUndefined();
  });
});
