import { afterEach, describe, expect, it } from 'vitest';
import { ActorSystem, MalformedMessageError, SimulatedClock } from '../runtime/index.ts';
import type { ActorRef } from '../runtime/index.ts';
import { MemoryJournal } from '../store/index.ts';
import type { Journal } from '../store/index.ts';
import { journalFailingOnDemand } from '../../test/journals.ts';
import { createBook } from './book.ts';
import type { CommandReply, MarketProtocol, MarketState } from './market-actor.ts';
import { marketBehavior } from './market-actor.ts';
import type { BookConfig } from './types.ts';

const config: BookConfig = {
  symbol: 'BTC-USDT',
  minSize: 1,
  maxSize: 1_000_000,
  minNotional: 0,
  priceBandBps: 0,
};
const address = 'market/BTC-USDT';
/** A sell of 5 lots at 100 that rests on an empty book. */
const restingSell = {
  orderId: 1,
  account: 1,
  side: 'SELL',
  orderType: 'LIMIT',
  price: 100,
  size: 5,
} as const;

const systems: ActorSystem[] = [];
afterEach(async () => {
  await Promise.all(systems.splice(0).map((s) => s.stop()));
});

function marketSystem(journal: Journal, clock?: SimulatedClock) {
  const system = new ActorSystem({ journal, ...(clock ? { clock } : {}) });
  system.register(marketBehavior(createBook, { snapshotEvery: 500 }), {
    strategy: { maxRestarts: 3, withinMs: 10_000, backoff: { minMs: 10, maxMs: 10, factor: 1 } },
  });
  systems.push(system);
  return { system, market: system.ref<MarketProtocol>(address) };
}

function bookOf(system: ActorSystem) {
  const actor = system.loaded().find((a) => a.name === address);
  return (actor!.currentState() as MarketState).book!;
}

/** A seeded stream of market commands (mulberry32), so a failure names a reproducible case. */
function* commands(seed: number, n: number): Generator<{ type: keyof MarketProtocol; payload: unknown }> {
  let t = seed >>> 0;
  const rnd = (): number => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 1; i <= n; i++) {
    const roll = rnd();
    const account = 1 + Math.floor(rnd() * 5);
    const side = pick(['BUY', 'SELL'] as const);
    const price = 95 + Math.floor(rnd() * 11);
    const size = 1 + Math.floor(rnd() * 10);
    if (roll < 0.5) {
      const orderType = pick(['LIMIT', 'LIMIT', 'IOC', 'FOK', 'MARKET', 'STOP_LIMIT'] as const);
      const payload: Record<string, unknown> = { orderId: i, account, side, orderType, size };
      if (orderType !== 'MARKET') payload['price'] = price;
      if (orderType === 'STOP_LIMIT') payload['stopPrice'] = side === 'BUY' ? price + 3 : price - 3;
      payload['stp'] = pick(['NONE', 'CANCEL_RESTING', 'DECREMENT_AND_CANCEL'] as const);
      yield { type: 'place', payload };
    } else if (roll < 0.7) {
      yield { type: 'cancel', payload: { orderId: 1 + Math.floor(rnd() * i), account } };
    } else if (roll < 0.95) {
      yield { type: 'amend', payload: { orderId: 1 + Math.floor(rnd() * i), account, price, size } };
    } else {
      yield { type: 'cancelAll', payload: { account } };
    }
  }
}

async function send(market: ActorRef<MarketProtocol>, type: keyof MarketProtocol, payload: unknown) {
  return (market.ask as (t: string, p: unknown) => Promise<unknown>)(type, payload);
}

describe('MarketActor', () => {
  it('market - opens, matches, and replies with the book events once the command is journaled', async () => {
    const journal = new MemoryJournal();
    const { market } = marketSystem(journal);
    expect(await market.ask('open', config)).toEqual({ ok: true });
    expect(await market.ask('open', config)).toEqual({ ok: false, code: 'MARKET_EXISTS' });
    await market.ask('place', restingSell);
    const taker = (await market.ask('place', {
      orderId: 2,
      account: 2,
      side: 'BUY',
      orderType: 'IOC',
      price: 100,
      size: 3,
    })) as Extract<CommandReply, { ok: true }>;
    expect(taker.events.map((e) => e.type)).toEqual(['Accepted', 'Fill']);
    expect(taker.events[1]).toMatchObject({ makerOrderId: 1, takerOrderId: 2, price: 100, size: 3 });
    expect(await market.ask('depth', { levels: 5 })).toEqual({ bids: [], asks: [[100, 2, 1]] });
    expect(await journal.highestSeq(address)).toBe(3);
  });

  it('market - a market that was never opened refuses commands and journals nothing', async () => {
    const journal = new MemoryJournal();
    const { system, market } = marketSystem(journal);
    const order = { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: 1 } as const;
    expect(await market.ask('place', order)).toEqual({ ok: false, code: 'UNKNOWN_MARKET' });
    expect(await market.ask('depth', { levels: 5 })).toBeNull();
    expect(await system.ask('market/ETH-USDT', 'open', config)).toEqual({
      ok: false,
      code: 'SYMBOL_MISMATCH',
    });
    expect(await journal.highestSeq(address)).toBe(0);
  });

  it('market - malformed commands at the boundary are typed errors and change nothing', async () => {
    const journal = new MemoryJournal();
    const { system, market } = marketSystem(journal);
    await market.ask('open', config);
    const bad = [
      { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: -1 },
      { orderId: 1, account: 1, side: 'BUY', orderType: 'ICEBERG', price: 100, size: 1 },
      { orderId: 1.5, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: 1 },
      { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: 1, extra: 1 },
      { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 1e300, size: 1 },
    ];
    for (const payload of bad) {
      await expect(
        system.deliver({ address, type: 'place', payload }, { trusted: true }),
      ).rejects.toBeInstanceOf(MalformedMessageError);
    }
    // Orders reach the book only through the order path: an untrusted sender is refused.
    const valid = { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: 1 };
    await expect(system.deliver({ address, type: 'place', payload: valid })).rejects.toMatchObject({
      code: 'INTERNAL_ONLY',
    });
    // Opening and halting are admin commands: the public boundary refuses them outright.
    await expect(system.deliver({ address, type: 'open', payload: config })).rejects.toMatchObject({
      code: 'ADMIN_UNAUTHORISED',
    });
    await expect(
      system.deliver({ address, type: 'setStatus', payload: { status: 'HALTED' } }),
    ).rejects.toMatchObject({
      code: 'ADMIN_UNAUTHORISED',
    });
    const admin = { id: 'ops', roles: ['admin'] };
    await expect(
      system.admin(admin, {
        verb: 'send',
        target: address,
        reason: 'bad symbol',
        message: { type: 'open', payload: { ...config, symbol: 'btc/usdt' } },
      }),
    ).rejects.toBeInstanceOf(MalformedMessageError);
    expect(await journal.highestSeq(address)).toBe(1);
    expect(bookOf(system).seq).toBe(0);
  });

  it('market - halt refuses orders with MARKET_HALTED until resumed', async () => {
    const { market } = marketSystem(new MemoryJournal());
    await market.ask('open', config);
    await market.ask('setStatus', { status: 'HALTED' });
    const order = { orderId: 1, account: 1, side: 'BUY', orderType: 'LIMIT', price: 100, size: 1 } as const;
    const refused = (await market.ask('place', order)) as Extract<CommandReply, { ok: true }>;
    expect(refused.events).toMatchObject([{ type: 'Rejected', code: 'MARKET_HALTED' }]);
    await market.ask('setStatus', { status: 'OPEN' });
    const accepted = (await market.ask('place', order)) as Extract<CommandReply, { ok: true }>;
    expect(accepted.events.map((e) => e.type)).toEqual(['Accepted']);
  });

  it('market - setLimits is journaled, enforced on later orders, and survives a restart', async () => {
    const journal = new MemoryJournal();
    const { market } = marketSystem(journal);
    const banded0 = { ...config, referencePrice: 100 };
    expect(await market.ask('setLimits', { maxSize: 10 })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_MARKET',
    });
    await market.ask('open', banded0);
    await market.ask('place', restingSell);
    expect(await market.ask('setLimits', { minSize: 50, maxSize: 10 })).toMatchObject({
      ok: false,
      code: 'INVALID_LIMITS',
    });
    expect(await market.ask('config', {})).toEqual(banded0);
    const changed = await market.ask('setLimits', { maxSize: 10, priceBandBps: 500 });
    expect(changed).toEqual({ ok: true, config: { ...banded0, maxSize: 10, priceBandBps: 500 } });
    const big = { orderId: 2, account: 2, side: 'BUY', orderType: 'LIMIT', price: 100, size: 11 } as const;
    const refused = (await market.ask('place', big)) as Extract<CommandReply, { ok: true }>;
    expect(refused.events).toMatchObject([{ type: 'Rejected', code: 'SIZE_TOO_LARGE' }]);
    // The resting order is still there; a far price is outside the new 5% band.
    expect(await market.ask('depth', { levels: 1 })).toEqual({ bids: [], asks: [[100, 5, 1]] });
    const far = { orderId: 3, account: 2, side: 'BUY', orderType: 'LIMIT', price: 90, size: 1 } as const;
    const banded = (await market.ask('place', far)) as Extract<CommandReply, { ok: true }>;
    expect(banded.events).toMatchObject([{ type: 'Rejected', code: 'PRICE_BAND' }]);

    const after = marketSystem(journal);
    expect(await after.market.ask('config', {})).toEqual({ ...banded0, maxSize: 10, priceBandBps: 500 });
    expect(await after.market.ask('depth', { levels: 1 })).toEqual({ bids: [], asks: [[100, 5, 1]] });
    const again = (await after.market.ask('place', { ...big, orderId: 4 })) as Extract<
      CommandReply,
      { ok: true }
    >;
    expect(again.events).toMatchObject([{ type: 'Rejected', code: 'SIZE_TOO_LARGE' }]);
  });

  it('market - a redelivered place gets its first reply and is not matched twice', async () => {
    const journal = new MemoryJournal();
    const { market } = marketSystem(journal);
    await market.ask('open', config);
    const order = { orderId: 7, account: 1, side: 'SELL', orderType: 'LIMIT', price: 101, size: 4 } as const;
    const first = await market.ask('place', order, { id: 'place-7' });
    expect(await market.ask('place', order, { id: 'place-7' })).toEqual(first);
    expect(await market.ask('depth', { levels: 1 })).toEqual({ bids: [], asks: [[101, 4, 1]] });
    expect(await journal.highestSeq(address)).toBe(2);
  });

  it('market - killed mid-stream, the recovered book equals the book before the crash (snapshot + replay)', async () => {
    for (const seed of [1, 2, 3]) {
      const journal = new MemoryJournal();
      const before = marketSystem(journal);
      await before.market.ask('open', config);
      for (const { type, payload } of commands(seed, 3_000)) await send(before.market, type, payload);
      const hash = bookOf(before.system).stateHash();
      const seq = bookOf(before.system).seq;
      // The process dies: the old system is simply abandoned, nothing is flushed or stopped.
      const after = marketSystem(journal);
      expect(await after.market.ask('summary', {})).toMatchObject({ seq });
      expect(bookOf(after.system).stateHash()).toBe(hash);
      expect(await journal.loadSnapshot(address)).toBeDefined();
    }
  });

  it('market - a lost journal write is rolled back by restart: the book equals the journal again', async () => {
    const { journal, failNextWrite } = journalFailingOnDemand();
    const clock = new SimulatedClock(0);
    const { system, market } = marketSystem(journal, clock);
    await market.ask('open', config);
    await market.ask('place', restingSell);
    const hash = bookOf(system).stateHash();
    failNextWrite();
    await expect(
      market.ask('place', { orderId: 2, account: 2, side: 'BUY', orderType: 'LIMIT', price: 100, size: 5 }),
    ).rejects.toMatchObject({ code: 'PERSISTENCE_FAILED', retryable: true });
    clock.increment(10);
    expect(await market.ask('depth', { levels: 1 })).toEqual({ bids: [], asks: [[100, 5, 1]] });
    expect(bookOf(system).stateHash()).toBe(hash);
  });
});
