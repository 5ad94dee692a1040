import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';
import { testAuthenticate } from './testing/test-auth.ts';

let t: TestGateway;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestGateway(testAuthenticate);
  await t.exchange.deposit(21, 'ETH', '10');
  await t.exchange.deposit(22, 'USDT', '100000');
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t.stop();
});

function client(connectionParams?: Record<string, unknown>, onClose?: (code: number) => void): Client {
  const c = createClient({
    url: t.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    ...(connectionParams ? { connectionParams } : {}),
    on: { closed: (event) => onClose?.((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  clients.push(c);
  return c;
}

/** Collects a subscription's results; `until` resolves once `n` arrived. */
function collect(c: Client, query: string) {
  const results: { data?: Record<string, unknown> | null; errors?: readonly unknown[] }[] = [];
  let wake: (() => void) | undefined;
  c.subscribe(
    { query },
    {
      next: (value) => {
        results.push(value as (typeof results)[number]);
        wake?.();
      },
      // Refused before it ran (validation, limits): graphql-ws sends `error` with the GraphQL errors.
      error: (error) => {
        results.push({ errors: Array.isArray(error) ? error : [error] });
        wake?.();
      },
      complete: () => undefined,
    },
  );
  return {
    results,
    async until(n: number, ms = 3_000) {
      const deadline = Date.now() + ms;
      while (results.length < n && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
      return results;
    },
  };
}

const PLACE = 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { status } }';
const as = (account: number) => ({ 'x-test-user': String(account) });

describe('gateway subscriptions over graphql-ws', () => {
  it('orderBook and trades - a snapshot, then the delta and the trade of two crossing orders', async () => {
    const c = client();
    const book = collect(
      c,
      'subscription { orderBook(symbol: "ETH-USDT") { type seq prevSeq bids { price size } asks { price size } } }',
    );
    const trades = collect(c, 'subscription { trades(symbol: "ETH-USDT") { price size takerSide } }');
    const [snapshot] = await book.until(1);
    expect(snapshot!.data!.orderBook).toMatchObject({ type: 'SNAPSHOT', prevSeq: null, bids: [], asks: [] });
    // The subscriptions are live once their snapshot arrived; give the trades one a moment too.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const sell = {
      clientOrderId: 'ws-s1',
      market: 'ETH-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '3200',
      size: '2',
    };
    expect((await gql(t.url, PLACE, { input: sell }, as(21))).data).toEqual({
      placeOrder: { status: 'NEW' },
    });
    const buy = {
      clientOrderId: 'ws-b1',
      market: 'ETH-USDT',
      side: 'BUY',
      type: 'IOC',
      price: '3200',
      size: '0.5',
    };
    expect((await gql(t.url, PLACE, { input: buy }, as(22))).data).toEqual({
      placeOrder: { status: 'FILLED' },
    });
    await t.settle();

    const updates = (await book.until(3)).map((r) => r.data!.orderBook as Record<string, unknown>);
    expect(updates.slice(1)).toEqual([
      {
        type: 'DELTA',
        seq: expect.any(String),
        prevSeq: expect.any(String),
        bids: [],
        asks: [{ price: '3200', size: '2' }],
      },
      {
        type: 'DELTA',
        seq: expect.any(String),
        prevSeq: expect.any(String),
        bids: [],
        asks: [{ price: '3200', size: '1.5' }],
      },
    ]);
    expect(updates[2]!.prevSeq).toBe(updates[1]!.seq);
    expect((await trades.until(1)).map((r) => r.data!.trades)).toEqual([
      { price: '3200', size: '0.5', takerSide: 'BUY' },
    ]);
  });

  it('trades - many clients of the same subscription share one bus subscription; each gets every trade', async () => {
    const subject = 'marketdata.trade.QTRA-USDT';
    let subscribed = 0;
    const subscribe = t.bus.subscribe.bind(t.bus);
    t.bus.subscribe = (pattern, handler, options) => {
      if (pattern === subject) subscribed++;
      return subscribe(pattern, handler, options);
    };
    try {
      await t.exchange.deposit(23, 'QTRA', '1000');
      await t.exchange.deposit(24, 'USDT', '1000');
      const query = 'subscription { trades(symbol: "QTRA-USDT") { price size } }';
      const streams = [client(), client(), client()].map((c) => collect(c, query));
      const other = collect(client(), 'subscription { trades(symbol: "QTRA-USDT") { price } }');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sell = { market: 'QTRA-USDT', side: 'SELL', type: 'LIMIT', price: '0.25', size: '100' };
      await gql(t.url, PLACE, { input: { ...sell, clientOrderId: 'sh-s' } }, as(23));
      await gql(
        t.url,
        PLACE,
        { input: { ...sell, side: 'BUY', type: 'IOC', clientOrderId: 'sh-b' } },
        as(24),
      );
      for (const stream of streams) {
        expect((await stream.until(1)).map((r) => r.data)).toEqual([
          { trades: { price: '0.25', size: '100' } },
        ]);
      }
      expect((await other.until(1)).map((r) => r.data)).toEqual([{ trades: { price: '0.25' } }]);
      // Three identical documents: one execution; the fourth, a different document: its own.
      expect(subscribed).toBe(2);
    } finally {
      t.bus.subscribe = subscribe;
    }
  });

  it('anonymous connections get public streams; private ones answer UNAUTHENTICATED', async () => {
    const c = client();
    const mine = await collect(c, 'subscription { myFills { id } }').until(1);
    expect(mine[0]!.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('a connection_init with bad credentials is refused with 4403 Forbidden', async () => {
    let closedWith: number | undefined;
    client({ testUser: 'forged' }, (code) => (closedWith = code));
    const deadline = Date.now() + 3_000;
    while (closedWith === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(closedWith).toBe(4403);
  });

  it('subscribing before connection_ack closes with 4401 Unauthorized', async () => {
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ markets { symbol } }' } }));
    expect(await closed).toBe(4401);
  });

  it('limits apply over WebSocket too: too many aliases is refused with QUERY_TOO_COMPLEX', async () => {
    const c = client();
    const tooMany =
      'subscription { trades(symbol: "ETH-USDT") { ' +
      Array.from({ length: 20 }, (_, i) => `a${i}: price`).join(' ') +
      ' } }';
    const refused = await collect(c, tooMany).until(1);
    expect(refused[0]!.errors).toMatchObject([{ extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
  });
});
