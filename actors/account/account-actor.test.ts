import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../runtime/index.ts';
import type { Journal } from '../store/index.ts';
import { journalFailingOnDemand } from '../../test/journals.ts';
import type { Reconciliation } from './account-actor.ts';
import { kycGate } from './kyc-gate.ts';
import type { AccountOrder, AccountSummary, BalanceView, PlaceOrderRequest } from './types.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';

let exchange: TestExchange;
afterEach(async () => {
  await exchange.stop();
});

const ADMIN = { id: 'ops-1', roles: ['admin'] } as const;

async function balances(account: number): Promise<BalanceView[]> {
  return (await exchange.ask(`account/${account}`, 'balances', {})) as BalanceView[];
}

/** Everything an account has journaled: a refused command must not add to it. */
function journaled(account: number): Promise<number> {
  return exchange.journal.highestSeq(`account/${account}`);
}

function order(overrides: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest {
  return {
    clientOrderId: `c-${Math.random().toString(36).slice(2)}`,
    market: 'BTC-USDT',
    side: 'BUY',
    type: 'LIMIT',
    price: '65000',
    size: '0.01',
    ...overrides,
  };
}

async function place(account: number, overrides: Partial<PlaceOrderRequest> = {}) {
  return exchange.path.placeOrder(account, order(overrides));
}

async function placed(account: number, overrides: Partial<PlaceOrderRequest> = {}): Promise<AccountOrder> {
  const result = await place(account, overrides);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.order;
}

describe('account - custody operations', () => {
  it('account - credit, lock, unlock and debit are idempotent by id and balance to custody', async () => {
    exchange = await startExchange();
    const credit = { txId: 'dep-1', asset: 'USDT', amount: '250.5', chain: 'base' };
    expect(await exchange.ask('account/7', 'credit', credit)).toEqual({ ok: true, txId: 'dep-1' });
    expect(await exchange.ask('account/7', 'credit', credit)).toEqual({ ok: true, txId: 'dep-1' });
    expect(await balances(7)).toEqual([{ asset: 'USDT', available: '250.5', locked: '0' }]);

    const lock = { txId: 'wd-1', asset: 'USDT', amount: '100' };
    expect(await exchange.ask('account/7', 'lock', lock)).toEqual({ ok: true, txId: 'wd-1' });
    expect(await exchange.ask('account/7', 'lock', lock)).toEqual({ ok: true, txId: 'wd-1' });
    expect(await balances(7)).toEqual([{ asset: 'USDT', available: '150.5', locked: '100' }]);
    expect(await exchange.ask('account/7', 'unlock', { holdId: 'wd-1' })).toEqual({
      ok: true,
      txId: 'unlock:wd-1',
    });
    expect(await exchange.ask('account/7', 'unlock', { holdId: 'wd-1' })).toEqual({
      ok: true,
      txId: 'unlock:wd-1',
    });
    expect(await balances(7)).toEqual([{ asset: 'USDT', available: '250.5', locked: '0' }]);

    await exchange.ask('account/7', 'lock', { txId: 'wd-2', asset: 'USDT', amount: '50' });
    const debit = { holdId: 'wd-2', chain: 'base' };
    expect(await exchange.ask('account/7', 'debit', debit)).toEqual({ ok: true, txId: 'withdrawal:wd-2' });
    expect(await exchange.ask('account/7', 'debit', debit)).toEqual({ ok: true, txId: 'withdrawal:wd-2' });
    expect(await balances(7)).toEqual([{ asset: 'USDT', available: '200.5', locked: '0' }]);
    expect(await exchange.ask('account/7', 'unlock', { holdId: 'nope' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_HOLD',
    });
  });

  it('account - bad amounts and unknown assets are typed refusals that post nothing', async () => {
    exchange = await startExchange();
    await exchange.deposit(8, 'BTC', '1');
    const before = await journaled(8);
    const cases: [Record<string, unknown>, string][] = [
      [{ asset: 'BTC', amount: '-1' }, 'INVALID_AMOUNT'],
      [{ asset: 'BTC', amount: '0' }, 'INVALID_AMOUNT'],
      [{ asset: 'BTC', amount: '0.000000001' }, 'TOO_MANY_DECIMALS'],
      [{ asset: 'BTC', amount: '1e3' }, 'INVALID_AMOUNT'],
      [{ asset: 'DOGE', amount: '1' }, 'UNKNOWN_ASSET'],
      [{ asset: 'toString', amount: '1' }, 'UNKNOWN_ASSET'],
    ];
    for (const [input, code] of cases) {
      const reply = await exchange.ask('account/8', 'credit', {
        txId: `bad-${code}`,
        chain: 'base',
        ...input,
      });
      expect(reply, JSON.stringify(input)).toMatchObject({ ok: false, code });
    }
    expect(
      await exchange.ask('account/8', 'lock', { txId: 'big', asset: 'BTC', amount: '1.00000001' }),
    ).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_BALANCE',
    });
    // A payload of the wrong shape never reaches the actor.
    await expect(
      exchange.system.deliver(
        {
          address: 'account/8',
          type: 'credit',
          payload: { txId: 'n', asset: 'BTC', amount: 5, chain: 'base' },
        },
        { trusted: true },
      ),
    ).rejects.toMatchObject({ code: 'MALFORMED_MESSAGE' });
    expect(await journaled(8)).toBe(before);
    expect(await balances(8)).toEqual([{ asset: 'BTC', available: '1', locked: '0' }]);
  });

  it('account - money messages are internal: an untrusted sender cannot credit or settle', async () => {
    exchange = await startExchange();
    const credit = { txId: 'x', asset: 'USDT', amount: '1', chain: 'base' };
    await expect(
      exchange.system.deliver({ address: 'account/9', type: 'credit', payload: credit }),
    ).rejects.toMatchObject({ code: 'INTERNAL_ONLY' });
    const fake = { market: 'BTC-USDT', commands: [] };
    await expect(
      exchange.system.deliver({ address: 'account/9', type: 'settle', payload: fake }),
    ).rejects.toMatchObject({ code: 'INTERNAL_ONLY' });
    expect(await balances(9)).toEqual([]);
  });
});

describe('account - admin', () => {
  it('account - an adjustment is admin-only, audited, and cannot overdraw', async () => {
    exchange = await startExchange();
    await exchange.deposit(10, 'USDT', '10');
    const adjust = { txId: 'adj-1', asset: 'USDT', amount: '-2.5', reason: 'refund of a duplicate credit' };
    await expect(
      exchange.system.deliver({ address: 'account/10', type: 'adjust', payload: adjust }, { trusted: true }),
    ).rejects.toMatchObject({ code: 'ADMIN_UNAUTHORISED' });
    const send = (payload: object) =>
      exchange.system.admin(ADMIN, {
        verb: 'send',
        target: 'account/10',
        reason: 'ticket 123',
        message: { type: 'adjust', payload },
      });
    expect(await send(adjust)).toMatchObject({ reply: { ok: true, txId: 'adj-1' } });
    expect(await send({ ...adjust, txId: 'adj-2', amount: '-100' })).toMatchObject({
      reply: { ok: false, code: 'INSUFFICIENT_BALANCE' },
    });
    expect(await balances(10)).toEqual([{ asset: 'USDT', available: '7.5', locked: '0' }]);
    const audit = await exchange.system.auditTrail({ target: 'account/10' });
    expect(audit.map((r) => [r.principal, r.verb, r.outcome])).toEqual([
      ['ops-1', 'send', 'accepted'],
      ['ops-1', 'send', 'accepted'],
    ]);
  });

  it('account - a frozen account places nothing but its resting orders still settle', async () => {
    exchange = await startExchange();
    await exchange.deposit(11, 'BTC', '1');
    await exchange.deposit(12, 'USDT', '100000');
    const resting = await placed(11, { side: 'SELL', size: '0.1' });
    await exchange.system.admin(ADMIN, {
      verb: 'send',
      target: 'account/11',
      reason: 'compliance hold',
      message: { type: 'setFrozen', payload: { frozen: true, reason: 'compliance hold' } },
    });
    expect(await place(11, { side: 'SELL' })).toMatchObject({ ok: false, code: 'ACCOUNT_FROZEN' });
    await placed(12, { size: '0.1' });
    const after = (await exchange.ask('account/11', 'order', { orderId: resting.id })) as AccountOrder;
    expect(after.status).toBe('Filled');
  });
});

describe('account - pre-trade checks', () => {
  it('account - each check refuses with its code and holds nothing', async () => {
    exchange = await startExchange({
      account: {
        limits: { maxNotional: '50000', maxOpenOrders: 2 },
        kycGate: (kyc, market) => (market.base === 'QTRA' && kyc.tier < 1 ? 'KYC_REQUIRED' : undefined),
      },
    });
    await exchange.deposit(13, 'USDT', '100000');
    const before = await journaled(13);
    const cases: [Partial<PlaceOrderRequest>, string][] = [
      [{ price: '65000.001' }, 'PRICE_NOT_TICK_MULTIPLE'],
      [{ size: '0.000001' }, 'SIZE_NOT_LOT_MULTIPLE'],
      [{ size: '-1' }, 'INVALID_DECIMAL'],
      [{ price: '80000' }, 'PRICE_BAND'],
      [{ size: '1' }, 'NOTIONAL_TOO_LARGE'],
      [{ type: 'IOC', postOnly: true }, 'INVALID_ORDER'],
      [{ type: 'MARKET' }, 'INVALID_ORDER'],
      [{ type: 'MARKET', price: undefined, side: 'SELL', size: undefined, quote: '10' }, 'INVALID_ORDER'],
      [{ market: 'DOGE-USDT' }, 'UNKNOWN_MARKET'],
      [{ market: 'QTRA-USDT', price: '0.25', size: '10' }, 'KYC_REQUIRED'],
      [{ size: '2', price: '65000' }, 'NOTIONAL_TOO_LARGE'],
    ];
    for (const [overrides, code] of cases) {
      expect(await place(13, overrides), JSON.stringify(overrides)).toMatchObject({ ok: false, code });
    }
    await placed(13);
    await placed(13);
    expect(await place(13)).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_ORDERS' });
    // Two orders placed, each then acknowledged by settlement: four events, none from the refusals.
    expect(await journaled(13)).toBe(before + 4);
  });

  it('account - the configured KYC gate: minimum tier, blocked jurisdictions, set per account by admin', async () => {
    exchange = await startExchange({
      account: { kycGate: kycGate({ minTier: 1, blockedJurisdictions: ['KP'] }) },
    });
    await exchange.deposit(30, 'USDT', '10000');
    expect(await place(30)).toMatchObject({ ok: false, code: 'KYC_REQUIRED' });
    const setKyc = (payload: object) =>
      exchange.system.admin(ADMIN, {
        verb: 'send',
        target: 'account/30',
        reason: 'KYC case approved',
        message: { type: 'setKyc', payload },
      });
    await setKyc({ tier: 1, jurisdiction: 'DE' });
    expect(await place(30)).toMatchObject({ ok: true, order: { status: 'New' } });
    await setKyc({ tier: 2, jurisdiction: 'KP' });
    expect(await place(30)).toMatchObject({ ok: false, code: 'JURISDICTION_BLOCKED' });
  });

  it('account - a trader lowers their own exposure limits, never above the exchange, and they survive a restart', async () => {
    exchange = await startExchange({ account: { limits: { maxNotional: '50000', maxOpenOrders: 5 } } });
    await exchange.deposit(15, 'USDT', '100000');
    const limitsOf = () => exchange.ask('account/15', 'limits', {});
    expect(await limitsOf()).toEqual({
      maxNotional: '50000',
      maxOpenOrders: 5,
      exchangeMaxNotional: '50000',
      exchangeMaxOpenOrders: 5,
    });
    const before = await journaled(15);
    for (const limits of [
      { maxNotional: '50000.00000001', maxOpenOrders: 1 },
      { maxNotional: '100', maxOpenOrders: 6 },
      { maxNotional: '0', maxOpenOrders: 1 },
      { maxNotional: '100', maxOpenOrders: 0 },
    ]) {
      expect(await exchange.ask('account/15', 'setOwnLimits', { limits })).toMatchObject({
        ok: false,
        code: 'LIMIT_ABOVE_EXCHANGE',
      });
    }
    for (const limits of [
      { maxNotional: '1e3', maxOpenOrders: 1 },
      { maxNotional: '100', maxOpenOrders: 1.5 },
    ]) {
      expect(await exchange.ask('account/15', 'setOwnLimits', { limits })).toMatchObject({
        ok: false,
        code: 'INVALID_AMOUNT',
      });
    }
    expect(await journaled(15)).toBe(before);

    expect(
      await exchange.ask('account/15', 'setOwnLimits', { limits: { maxNotional: '1000', maxOpenOrders: 1 } }),
    ).toEqual({
      ok: true,
      limits: {
        maxNotional: '1000',
        maxOpenOrders: 1,
        exchangeMaxNotional: '50000',
        exchangeMaxOpenOrders: 5,
      },
    });
    // 0.02 BTC at 65,000 is 1,300 USDT: above the trader's own 1,000.
    expect(await place(15, { size: '0.02' })).toMatchObject({ ok: false, code: 'NOTIONAL_TOO_LARGE' });
    await placed(15, { size: '0.01' });
    expect(await place(15, { size: '0.01' })).toMatchObject({ ok: false, code: 'TOO_MANY_OPEN_ORDERS' });

    // Journaled: a restarted actor (replay) still applies them.
    await exchange.system.admin(ADMIN, { verb: 'restart', target: 'account/15', reason: 'test replay' });
    expect(await limitsOf()).toMatchObject({ maxNotional: '1000', maxOpenOrders: 1 });
    await exchange.ask('account/15', 'setOwnLimits', { limits: null });
    expect(await limitsOf()).toMatchObject({ maxNotional: '50000', maxOpenOrders: 5 });
  });

  it('account - the token bucket limits orders per second and refills with time', async () => {
    const clock = new SimulatedClock(Date.UTC(2026, 10, 26));
    exchange = await startExchange({ clock, account: { limits: { rateLimit: { burst: 3, perSecond: 2 } } } });
    await exchange.deposit(14, 'USDT', '100000');
    for (let i = 0; i < 3; i++) await placed(14);
    expect(await place(14)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    clock.increment(500);
    await placed(14);
    expect(await place(14)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });
});

describe('account - fees at settlement', () => {
  it('account - a custom maker rebate is paid from rebate expense; the taker pays in base', async () => {
    exchange = await startExchange();
    await exchange.system.admin(ADMIN, {
      verb: 'send',
      target: 'account/15',
      reason: 'VIP market maker agreement',
      message: { type: 'setCustomRates', payload: { rates: { makerBps: -2, takerBps: 10 } } },
    });
    await exchange.deposit(15, 'BTC', '1');
    await exchange.deposit(16, 'USDT', '100000');
    await placed(15, { side: 'SELL', size: '1', price: '65000' });
    await placed(16, { size: '1', price: '65000' });
    const maker = await balances(15);
    // 65,000 USDT + 2 bps rebate (13 USDT).
    expect(maker).toContainEqual({ asset: 'USDT', available: '65013', locked: '0' });
    // Taker: 25 bps of 1 BTC in BTC.
    expect(await balances(16)).toContainEqual({ asset: 'BTC', available: '0.9975', locked: '0' });
  });

  it('account - volume from fills moves an account up the tiers to the VIP rebate', async () => {
    exchange = await startExchange({ account: { limits: { maxNotional: '10000000' } } });
    await exchange.deposit(31, 'BTC', '2000');
    await exchange.deposit(32, 'USDT', '200000000');
    // 16 × 100 BTC at 65,000 = $104M of volume on both sides.
    for (let i = 0; i < 16; i++) {
      await placed(31, { side: 'SELL', size: '100', price: '65000' });
      await placed(32, { size: '100', price: '65000' });
    }
    const summary = (await exchange.ask('account/31', 'summary', {})) as AccountSummary;
    expect(summary).toMatchObject({ tier: 'VIP', rates: { makerBps: -2, takerBps: 10 } });
    const before = await balances(31);
    await placed(31, { side: 'SELL', size: '1', price: '65000' });
    await placed(32, { size: '1', price: '65000' });
    const usdt = (list: BalanceView[]) => Number(list.find((b) => b.asset === 'USDT')!.available);
    // The maker now earns 2 bps on 65,000 USDT on top of the proceeds.
    expect(usdt(await balances(31)) - usdt(before)).toBe(65_013);
  });

  it('account - a QTRA holder pays the discounted taker rate', async () => {
    exchange = await startExchange();
    await exchange.deposit(17, 'QTRA', '10000');
    await exchange.deposit(17, 'USDT', '70000');
    await exchange.deposit(18, 'BTC', '1');
    await placed(18, { side: 'SELL', size: '1', price: '65000' });
    await placed(17, { size: '1', price: '65000' });
    // 6 bps of 1 BTC instead of 25.
    expect(await balances(17)).toContainEqual({ asset: 'BTC', available: '0.9994', locked: '0' });
  });
});

describe('account - order types through the order path', () => {
  it('account - market buys by size are protected, by quote spend at most the quote', async () => {
    exchange = await startExchange();
    await exchange.deposit(20, 'BTC', '1');
    await exchange.deposit(21, 'USDT', '100000');
    await placed(20, { side: 'SELL', size: '0.1', price: '65000' });
    await placed(20, { side: 'SELL', size: '0.1', price: '70000' });
    // Protection: 5% above the 65,000 reference, so the 70,000 level is out of reach.
    const bySize = await placed(21, { type: 'MARKET', price: undefined, size: '0.2' });
    expect(bySize).toMatchObject({ status: 'Expired', filledLots: 10_000, held: 0n });
    const byQuote = await placed(21, { type: 'MARKET', price: undefined, size: undefined, quote: '3500' });
    expect(byQuote).toMatchObject({ status: 'Filled', filledLots: 5_000, held: 0n });
    expect(await balances(21)).toContainEqual({ asset: 'USDT', available: '90000', locked: '0' });
  });

  it('account - FOK_BUDGET fills all or nothing within its budget', async () => {
    exchange = await startExchange();
    await exchange.deposit(22, 'BTC', '1');
    await exchange.deposit(23, 'USDT', '100000');
    await placed(22, { side: 'SELL', size: '0.1', price: '65000' });
    const tooPoor = await placed(23, { type: 'FOK_BUDGET', price: undefined, size: '0.1', quote: '6499.99' });
    expect(tooPoor).toMatchObject({ status: 'Rejected', held: 0n });
    const ok = await placed(23, { type: 'FOK_BUDGET', price: undefined, size: '0.1', quote: '6600' });
    expect(ok).toMatchObject({ status: 'Filled', held: 0n });
    expect(await balances(23)).toContainEqual({ asset: 'USDT', available: '93500', locked: '0' });
  });

  it('account - a triggered stop-market buy trades and its protected rest is cancelled', async () => {
    exchange = await startExchange();
    await exchange.deposit(24, 'BTC', '1');
    await exchange.deposit(25, 'USDT', '100000');
    await exchange.deposit(26, 'USDT', '100000');
    const stop = await placed(25, { type: 'STOP_MARKET', price: undefined, stopPrice: '65500', size: '0.2' });
    expect(stop).toMatchObject({ status: 'New' });
    await placed(24, { side: 'SELL', size: '0.15', price: '65500' });
    await placed(26, { size: '0.05', price: '65500' }); // trades at 65,500: the stop triggers
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = (await exchange.ask('account/25', 'order', { orderId: stop.id })) as AccountOrder;
    expect(after).toMatchObject({ status: 'Cancelled', filledLots: 10_000, held: 0n, triggered: true });
    expect(await balances(25)).toContainEqual({ asset: 'USDT', available: '93450', locked: '0' });
  });
});

describe('account - a busy account journals many commands per write', () => {
  it('account - 50 orders at once are decided while earlier ones are written, each replied once durable', async () => {
    const { journal, failNextWrite } = journalFailingOnDemand();
    const writes: number[] = [];
    const counting: Journal = {
      ...journal,
      appendBatch: (batch) => {
        writes.push(batch.filter((w) => w.persistenceId === 'account/40').length);
        return journal.appendBatch(batch);
      },
    };
    exchange = await startExchange({ journal: counting });
    await exchange.deposit(40, 'USDT', '100000');
    writes.length = 0;

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        exchange.path.placeOrder(
          40,
          order({ clientOrderId: `busy-${i}`, price: String(60_000 + i), size: '0.01' }),
        ),
      ),
    );
    expect(results.every((r) => r.ok && r.order.status === 'New')).toBe(true);
    // 50 places and their settlement rounds, many commands to one journal batch.
    const accountWrites = writes.filter((n) => n > 0);
    const total = accountWrites.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(50);
    expect(accountWrites.length).toBeLessThan(total / 2);

    // A lost write refuses what it carried and everything decided after it; the account
    // restarts from its journal: what it holds is exactly what durable orders hold.
    failNextWrite();
    const mixed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        exchange.path
          .placeOrder(40, order({ clientOrderId: `lost-${i}`, price: '59000', size: '0.01' }))
          .catch((error: unknown) => error),
      ),
    );
    expect(mixed.some((r) => r instanceof Error)).toBe(true);
    await exchange.path.settledAll();
    const { balances: ledger, held } = (await exchange.ask('account/40', 'reconcile', {})) as Reconciliation;
    const locked = ledger.find(([asset]) => asset === 'USDT')![2];
    expect(held).toEqual([['USDT', locked]]);
    const open = (await exchange.ask('account/40', 'orders', { open: true })) as AccountOrder[];
    expect(open.length).toBeGreaterThanOrEqual(50);
    expect(open.every((o) => o.status === 'New')).toBe(true);
  });
});

describe('account - snapshots of a pipelined account', () => {
  it('account - a snapshot taken while later commands run holds the state at its seq: a restart changes nothing', async () => {
    exchange = await startExchange({ account: { snapshotEvery: 7 } });
    await exchange.deposit(41, 'USDT', '100000');
    // Orders placed and cancelled at once: finished orders keep joining the account's history
    // while the snapshots taken between journal writes are still being saved.
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const placed = await exchange.path.placeOrder(
          41,
          order({ clientOrderId: `snap-${i}`, price: String(60_000 + i), size: '0.01' }),
        );
        if (!placed.ok) throw new Error(placed.code);
        if (i % 2 === 0) await exchange.path.cancelOrder(41, placed.order.id);
      }),
    );
    await exchange.path.settledAll();
    const view = async () => ({
      open: (await exchange.ask('account/41', 'orders', { open: true })) as AccountOrder[],
      closed: (await exchange.ask('account/41', 'orders', { open: false })) as AccountOrder[],
      ledger: (await exchange.ask('account/41', 'reconcile', {})) as Reconciliation,
    });
    const before = await view();
    expect(before.closed).toHaveLength(20);
    await exchange.system.admin(ADMIN, { verb: 'restart', target: 'account/41', reason: 'replay check' });
    expect(await view()).toEqual(before);
  });
});
