import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';
import { testAuthenticate } from './testing/test-auth.ts';

let t: TestGateway;
const as = (account: number, extra: Record<string, string> = {}) => ({
  'x-test-user': String(account),
  ...extra,
});

const PLACE = `mutation Place($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id clientOrderId market side type status price size filledSize remainingSize averagePrice fees { asset amount } }
}`;
const BALANCES = '{ balances { asset available locked } }';

beforeAll(async () => {
  t = await startTestGateway(testAuthenticate);
  await t.exchange.deposit(11, 'BTC', '1');
  await t.exchange.deposit(12, 'USDT', '100000');
});

afterAll(async () => {
  await t.stop();
});

const order = (overrides: Record<string, unknown>) => ({
  input: { market: 'BTC-USDT', side: 'SELL', type: 'LIMIT', price: '65000', size: '0.5', ...overrides },
});

describe('gateway orders and account data', () => {
  it('placeOrder - two users cross: the maker rests, the taker fills, both see their own orders', async () => {
    const sell = await gql(t.url, PLACE, order({ clientOrderId: 'gs-1' }), as(11));
    expect(sell.errors).toBeUndefined();
    expect(sell.data!.placeOrder).toMatchObject({
      status: 'NEW',
      price: '65000',
      size: '0.5',
      remainingSize: '0.5',
    });
    const buy = await gql(
      t.url,
      PLACE,
      order({ clientOrderId: 'gb-1', side: 'BUY', type: 'IOC', size: '0.2', stp: 'CANCEL_INCOMING' }),
      as(12),
    );
    expect(buy.errors).toBeUndefined();
    expect(buy.data!.placeOrder).toMatchObject({
      status: 'FILLED',
      filledSize: '0.2',
      averagePrice: '65000',
      // Base tier taker: 25 bps of the 0.2 BTC received.
      fees: [{ asset: 'BTC', amount: '0.0005' }],
    });
    const again = await gql(
      t.url,
      PLACE,
      order({ clientOrderId: 'gb-1', side: 'BUY', type: 'IOC', size: '0.2' }),
      as(12),
    );
    expect((again.data!.placeOrder as { id: string }).id).toBe((buy.data!.placeOrder as { id: string }).id);

    const mine = await gql(
      t.url,
      '{ orders { edges { node { clientOrderId status filledSize } } } }',
      {},
      as(11),
    );
    expect(mine.data!.orders).toEqual({
      edges: [{ node: { clientOrderId: 'gs-1', status: 'PARTIALLY_FILLED', filledSize: '0.2' } }],
    });
    const theirs = await gql(
      t.url,
      '{ orders(filter: { status: [FILLED] }) { edges { node { clientOrderId } } } }',
      {},
      as(12),
    );
    expect(theirs.data!.orders).toEqual({ edges: [{ node: { clientOrderId: 'gb-1' } }] });
  });

  it('authorisation - balances, orders and order(id) of one user never show another', async () => {
    const b11 = await gql(t.url, BALANCES, {}, as(11));
    const b12 = await gql(t.url, BALANCES, {}, as(12));
    expect(b11.data!.balances).toContainEqual({ asset: 'BTC', available: '0.5', locked: '0.3' });
    expect(b12.data!.balances).toContainEqual({ asset: 'BTC', available: '0.1995', locked: '0' });
    expect(JSON.stringify(b12.data)).not.toContain('"0.3"');
    const sellId = (
      (await gql(t.url, '{ orders { edges { node { id } } } }', {}, as(11))).data!.orders as {
        edges: { node: { id: string } }[];
      }
    ).edges[0]!.node.id;
    // Account 12 asking for account 11's order id finds nothing, and cannot cancel it.
    expect((await gql(t.url, `{ order(id: "${sellId}") { id } }`, {}, as(12))).data).toEqual({ order: null });
    const cancel = await gql(t.url, `mutation { cancelOrder(id: "${sellId}") { status } }`, {}, as(12));
    expect(codes(cancel)).toEqual(['UNKNOWN_ORDER']);
    expect((await gql(t.url, `{ order(id: "${sellId}") { status } }`, {}, as(11))).data).toEqual({
      order: { status: 'PARTIALLY_FILLED' },
    });
  });

  it('unauthenticated - me, balances, placeOrder and cancelAll answer UNAUTHENTICATED', async () => {
    expect(codes(await gql(t.url, '{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(t.url, BALANCES))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(t.url, PLACE, order({ clientOrderId: 'anon-1' })))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(t.url, 'mutation { cancelAll { cancelled } }'))).toEqual(['UNAUTHENTICATED']);
    const bad = await gql(t.url, '{ markets { symbol } }', {}, { 'x-test-user': 'forged' });
    expect(codes(bad)).toEqual(['UNAUTHENTICATED']);
  });

  it('scopes - a read-only credential cannot trade; admin fields are FORBIDDEN to users', async () => {
    const readOnly = as(11, { 'x-test-scopes': 'read' });
    expect(codes(await gql(t.url, PLACE, order({ clientOrderId: 'ro-1' }), readOnly))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(t.url, '{ actorTree }', {}, as(11)))).toEqual(['FORBIDDEN']);
    const me = await gql(t.url, '{ me { id account roles mfaEnabled } }', {}, as(11));
    expect(me.data!.me).toEqual({ id: 'user-11', account: '11', roles: ['USER'], mfaEnabled: false });
  });

  it('bad input - wrong decimals, negatives, huge numbers, bad enums: coded errors and nothing changes', async () => {
    const before = await gql(t.url, BALANCES, {}, as(11));
    const refused: [Record<string, unknown>, string][] = [
      [order({ clientOrderId: 'x1', size: '-0.5' }), 'BAD_USER_INPUT'],
      [order({ clientOrderId: 'x2', price: '6.5e4' }), 'BAD_USER_INPUT'],
      [order({ clientOrderId: 'x3', size: 0.5 }), 'BAD_USER_INPUT'],
      [order({ clientOrderId: 'x4', price: '1'.repeat(40) }), 'BAD_USER_INPUT'],
      [order({ clientOrderId: 'x5', price: '9'.repeat(30) }), 'INVALID_DECIMAL'],
      [order({ clientOrderId: 'x5b', price: '2000000' }), 'PRICE_TOO_HIGH'],
      [order({ clientOrderId: 'x6', price: '65000.001' }), 'PRICE_NOT_TICK_MULTIPLE'],
      [order({ clientOrderId: 'x7', size: '5' }), 'INSUFFICIENT_BALANCE'],
      [order({ clientOrderId: 'x8', side: 'SIDEWAYS' }), 'BAD_USER_INPUT'],
      [order({ clientOrderId: 'x9', market: 'NOPE-USDT' }), 'UNKNOWN_MARKET'],
      [order({ clientOrderId: 'has spaces' }), 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of refused) {
      const result = await gql(t.url, PLACE, variables, as(11));
      expect({ variables, codes: codes(result) }).toEqual({ variables, codes: [code] });
    }
    const literal = await gql(
      t.url,
      'mutation { placeOrder(input: { clientOrderId: "l1", market: "BTC-USDT", side: BUY, type: LIMIT, price: 65000, size: "1" }) { id } }',
      {},
      as(11),
    );
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(await gql(t.url, BALANCES, {}, as(11))).toEqual(before);
  });

  it('cancelAll and amendOrder - the kill switch and a size-down amend', async () => {
    const placed = await gql(
      t.url,
      PLACE,
      order({ clientOrderId: 'am-1', price: '66000', size: '0.1' }),
      as(11),
    );
    const id = (placed.data!.placeOrder as { id: string }).id;
    const amended = await gql(
      t.url,
      'mutation ($id: ID!) { amendOrder(input: { id: $id, size: "0.05" }) { size remainingSize } }',
      { id },
      as(11),
    );
    // `size` stays what was first asked for; what rests at the book is what shrank.
    expect(amended.data!.amendOrder).toEqual({ size: '0.1', remainingSize: '0.05' });
    const all = await gql(t.url, 'mutation { cancelAll { cancelled } }', {}, as(11));
    expect(all.data!.cancelAll).toEqual({ cancelled: 2 });
    const open = await gql(t.url, '{ orders(filter: { open: true }) { edges { node { id } } } }', {}, as(11));
    expect(open.data!.orders).toEqual({ edges: [] });
  });
  it('setMyRiskLimits - a trader lowers their own limits; above the exchange is refused; others are not touched', async () => {
    const LIMITS =
      '{ myRiskLimits { maxOrderNotional maxOpenOrders exchangeMaxOrderNotional exchangeMaxOpenOrders } }';
    const SET = `mutation ($input: RiskLimitsInput) {
      setMyRiskLimits(input: $input) { maxOrderNotional maxOpenOrders exchangeMaxOrderNotional exchangeMaxOpenOrders }
    }`;
    const exchangeLimits = (await gql(t.url, LIMITS, {}, as(12))).data!.myRiskLimits as Record<
      string,
      unknown
    >;
    expect(exchangeLimits.maxOrderNotional).toBe(exchangeLimits.exchangeMaxOrderNotional);

    const above = {
      maxOrderNotional: `${exchangeLimits.exchangeMaxOrderNotional as string}1`,
      maxOpenOrders: 1,
    };
    expect(codes(await gql(t.url, SET, { input: above }, as(12)))).toEqual(['LIMIT_ABOVE_EXCHANGE']);
    expect(
      codes(await gql(t.url, SET, { input: { maxOrderNotional: '-5', maxOpenOrders: 1 } }, as(12))),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await gql(t.url, SET, { input: { maxOrderNotional: '100', maxOpenOrders: 0 } }, as(12))),
    ).toEqual(['BAD_USER_INPUT']);
    const readOnly = as(12, { 'x-test-scopes': 'read' });
    expect(
      codes(await gql(t.url, SET, { input: { maxOrderNotional: '100', maxOpenOrders: 3 } }, readOnly)),
    ).toEqual(['FORBIDDEN']);
    expect((await gql(t.url, LIMITS, {}, as(12))).data!.myRiskLimits).toEqual(exchangeLimits);

    const set = await gql(t.url, SET, { input: { maxOrderNotional: '1000', maxOpenOrders: 3 } }, as(12));
    expect(set.data!.setMyRiskLimits).toMatchObject({ maxOrderNotional: '1000', maxOpenOrders: 3 });
    // 0.1 BTC at 65,000 = 6,500 USDT, over the trader's own 1,000.
    const big = await gql(t.url, PLACE, order({ clientOrderId: 'lim-1', side: 'BUY', size: '0.1' }), as(12));
    expect(codes(big)).toEqual(['NOTIONAL_TOO_LARGE']);
    // Another account keeps the exchange's limits.
    expect((await gql(t.url, LIMITS, {}, as(11))).data!.myRiskLimits).toEqual(exchangeLimits);
    const reset = await gql(t.url, SET, { input: null }, as(12));
    expect(reset.data!.setMyRiskLimits).toEqual(exchangeLimits);
  });
});
