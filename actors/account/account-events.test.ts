import { afterEach, describe, expect, it } from 'vitest';
import type { BusMessage } from '../transport/index.ts';
import { InProcessBus } from '../transport/index.ts';
import { accountEventPublisher, accountSubjects } from './account-events.ts';
import type { AccountFill } from './account-events.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';
import type { AccountOrder } from './types.ts';

let exchange: TestExchange;
const bus = new InProcessBus();
afterEach(async () => {
  await exchange.stop();
});

describe('account events', () => {
  it('account events - each account hears its own settled orders and fills, and only its own', async () => {
    const events = accountEventPublisher(bus);
    exchange = await startExchange({ onSettled: events.onSettled, onAccountOrders: events.onAccountOrders });
    const heard = new Map<string, unknown[]>();
    const listen = (subject: string) => {
      heard.set(subject, []);
      bus.subscribe(subject, (m: BusMessage) => void heard.get(subject)!.push(m.value));
    };
    for (const account of [1, 2, 3]) {
      listen(accountSubjects.orders(account));
      listen(accountSubjects.fills(account));
    }
    await exchange.deposit(1, 'ETH', '1');
    await exchange.deposit(2, 'USDT', '10000');
    const sell = await exchange.path.placeOrder(1, {
      clientOrderId: 's',
      market: 'ETH-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '3200',
      size: '0.5',
    });
    const buy = await exchange.path.placeOrder(2, {
      clientOrderId: 'b',
      market: 'ETH-USDT',
      side: 'BUY',
      type: 'IOC',
      price: '3200',
      size: '0.2',
    });
    if (!sell.ok || !buy.ok) throw new Error('orders refused');
    await bus.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const fills = (account: number) => heard.get(accountSubjects.fills(account)) as AccountFill[];
    const orders = (account: number) => heard.get(accountSubjects.orders(account)) as AccountOrder[];
    expect(fills(1)).toEqual([
      expect.objectContaining({ orderId: sell.order.id, role: 'MAKER', side: 'SELL', size: 2_000 }),
    ]);
    expect(fills(2)).toEqual([
      expect.objectContaining({ orderId: buy.order.id, role: 'TAKER', side: 'BUY', price: 320_000 }),
    ]);
    expect(orders(1).map((o) => o.status)).toEqual(['New', 'PartiallyFilled']);
    expect(orders(2).at(-1)).toMatchObject({ id: buy.order.id, status: 'Filled' });
    expect(orders(1).every((o) => o.id === sell.order.id)).toBe(true);
    expect(fills(3)).toEqual([]);
    expect(orders(3)).toEqual([]);
  });
});
