import { afterEach, describe, expect, it } from 'vitest';
import type { CommandReply } from '../market/index.ts';
import { MarketSettler } from './settlement.ts';
import type { Ask } from './settlement.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';
import type { AccountOrder, PlaceReply, SettleBatch } from './types.ts';

let exchange: TestExchange;
afterEach(async () => {
  await exchange.stop();
});

describe('settlement - catch-up after downtime', () => {
  it('settlement - a large backlog reaches each account in bounded messages, commands whole and in order', async () => {
    exchange = await startExchange();
    await exchange.deposit(1, 'BTC', '10');
    // The live settler is down: orders reach the book, their events wait in the market's outbox.
    exchange.path.stop();
    for (let i = 0; i < 10; i++) {
      const placed = (await exchange.ask(
        'account/1',
        'place',
        {
          request: {
            clientOrderId: `backlog-${i}`,
            market: 'BTC-USDT',
            side: 'SELL',
            type: 'LIMIT',
            price: String(65_000 + i),
            size: '0.1',
          },
          prices: {},
        },
        { id: `place:backlog-${i}` },
      )) as PlaceReply;
      if (!placed.ok) throw new Error(placed.code);
      const { orderId, type: _type, ...command } = placed.command;
      const reply = (await exchange.ask(
        'market/BTC-USDT',
        'place',
        { orderId, ...command },
        { id: `order:${orderId}` },
      )) as CommandReply;
      expect(reply.ok).toBe(true);
    }
    const pending = (await exchange.ask('account/1', 'orders', { open: true })) as AccountOrder[];
    expect(pending.map((o) => o.status)).toEqual(Array(10).fill('PendingNew'));

    const sent: SettleBatch[] = [];
    const spy: Ask = (address, type, payload, options) => {
      if (type === 'settle') sent.push(payload as SettleBatch);
      return exchange.ask(address, type, payload, options);
    };
    const settler = new MarketSettler('BTC-USDT', spy, { maxEventsPerMessage: 3, retryMs: 10 });
    await settler.catchUp();
    settler.stop();

    // Ten one-event commands for account 1: four messages of at most three events, in seq order.
    expect(sent.map((batch) => batch.commands.flat().length)).toEqual([3, 3, 3, 1]);
    const seqs = sent.flatMap((batch) => batch.commands.flat().map((e) => e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const open = (await exchange.ask('account/1', 'orders', { open: true })) as AccountOrder[];
    expect(open.map((o) => o.status)).toEqual(Array(10).fill('New'));
  });
});
