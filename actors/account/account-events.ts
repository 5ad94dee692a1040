import type { CommandEvents, Fill } from '../market/index.ts';
import type { Bus } from '../transport/index.ts';
import type { AccountOrder } from './types.ts';

/** Per-account subjects: what a trader's own subscriptions (my orders, my fills) listen to. */
export const accountSubjects = {
  orders: (account: number) => `account.${account}.orders`,
  fills: (account: number) => `account.${account}.fills`,
} as const;

/** One fill from one account's side. Prices in ticks, sizes in lots, as the book has them. */
export interface AccountFill {
  readonly market: string;
  /** The Fill event's market seq: unique per market. */
  readonly seq: number;
  readonly time: number;
  readonly orderId: number;
  readonly side: 'BUY' | 'SELL';
  readonly role: 'MAKER' | 'TAKER';
  readonly price: number;
  readonly size: number;
}

/** A fill as each of its two accounts sees it (an account that traded with itself gets both sides). */
export function accountFills(market: string, at: number, fill: Fill): [number, AccountFill][] {
  const common = { market, seq: fill.seq, time: at, price: fill.price, size: fill.size };
  const makerSide = fill.takerSide === 'BUY' ? 'SELL' : 'BUY';
  return [
    [fill.makerAccount, { ...common, orderId: fill.makerOrderId, side: makerSide, role: 'MAKER' }],
    [fill.takerAccount, { ...common, orderId: fill.takerOrderId, side: fill.takerSide, role: 'TAKER' }],
  ];
}

/**
 * Settlement callbacks that publish each account's settled order changes and fills on the bus,
 * after settlement journaled them (so a subscriber never sees a fill its balance does not show).
 */
export function accountEventPublisher(bus: Bus, onError: (error: unknown) => void = () => undefined) {
  const publish = (subject: string, value: AccountOrder | AccountFill) =>
    void bus.publish(subject, value).catch(onError);
  return {
    onAccountOrders(account: number, orders: readonly AccountOrder[]): void {
      for (const order of orders) publish(accountSubjects.orders(account), order);
    },
    onSettled(market: string, commands: readonly CommandEvents[]): void {
      for (const { at, events } of commands) {
        for (const event of events) {
          if (event.type !== 'Fill') continue;
          for (const [account, fill] of accountFills(market, at, event)) {
            if (account >= 1) publish(accountSubjects.fills(account), fill);
          }
        }
      }
    },
  };
}
