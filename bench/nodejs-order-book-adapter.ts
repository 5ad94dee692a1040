import { OrderBook as NobOrderBook, Side as NobSide } from 'nodejs-order-book';
import type { LimitOrderOptions } from 'nodejs-order-book';
import type { BookCommand } from '../actors/market/types.ts';

/**
 * The baseline of the `book` benchmarks: the npm package `nodejs-order-book` (its own API, read
 * from its README and typings), fed the same command stream as our book.
 *
 * Mapping: order ids become strings (its ids are strings), integer ticks and lots are used as its
 * numeric price and size; a LIMIT is `limit({ timeInForce: 'GTC' })`, an IOC
 * `limit({ timeInForce: 'IOC' })`, a cancel `cancel(id)`, an amend `modify(id, { price, size })`
 * (its modify cancels and re-adds the order at the back of its new level, matching what crosses;
 * the workload only issues amends that change the price, which lose priority in our book too, so
 * both books follow the same rules). No account / STP fields: STP is off in both.
 *
 * The operations are built up front (`toBaselineOps`), like our command objects, so the timed
 * loop only calls the book.
 */

type TimeInForce = NonNullable<LimitOrderOptions['timeInForce']>;
const GTC = 'GTC' as TimeInForce;
const IOC = 'IOC' as TimeInForce;

export type BaselineOp =
  | { readonly kind: 0; readonly order: LimitOrderOptions }
  | { readonly kind: 1; readonly id: string }
  | { readonly kind: 2; readonly id: string; readonly update: { price: number; size: number } };

export function toBaselineOps(commands: readonly BookCommand[]): BaselineOp[] {
  const ids = new Map<number, string>();
  return commands.map((cmd) => {
    if (!('orderId' in cmd)) throw new Error(`baseline adapter: command ${cmd.type} is not in the workload`);
    let id = ids.get(cmd.orderId);
    if (id === undefined) ids.set(cmd.orderId, (id = String(cmd.orderId)));
    return toBaselineOp(cmd, id);
  });
}

/** One command as a baseline operation; `id` is the order id as a string (shared, not re-made). */
export function toBaselineOp(cmd: BookCommand, id: string): BaselineOp {
  switch (cmd.type) {
    case 'place':
      if (cmd.orderType !== 'LIMIT' && cmd.orderType !== 'IOC') {
        throw new Error(`baseline adapter: order type ${cmd.orderType} is not in the workload`);
      }
      return {
        kind: 0,
        order: {
          id,
          side: cmd.side === 'BUY' ? NobSide.BUY : NobSide.SELL,
          size: cmd.size!,
          price: cmd.price!,
          timeInForce: cmd.orderType === 'IOC' ? IOC : GTC,
        },
      };
    case 'cancel':
      return { kind: 1, id };
    case 'amend':
      return { kind: 2, id, update: { price: cmd.price!, size: cmd.size! } };
    default:
      throw new Error(`baseline adapter: command ${cmd.type} is not in the workload`);
  }
}

export function createBaselineBook(): NobOrderBook {
  return new NobOrderBook();
}

/**
 * Applies `ops[from..to)`; returns how many were refused (an error result or an unknown id on
 * cancel), which must be 0 for a stream our book accepted entirely.
 */
export function runBaseline(
  book: NobOrderBook,
  ops: readonly BaselineOp[],
  from = 0,
  to = ops.length,
): number {
  let refused = 0;
  for (let i = from; i < to; i++) {
    const op = ops[i]!;
    switch (op.kind) {
      case 0:
        if (book.limit(op.order).err !== null) refused++;
        break;
      case 1:
        if (book.cancel(op.id) === undefined) refused++;
        break;
      case 2:
        if (book.modify(op.id, op.update).err !== null) refused++;
        break;
    }
  }
  return refused;
}

/**
 * The baseline's resting orders, one `side price id size` line each: levels by ascending price,
 * time order within a level (the same form as `restingLines` in book.ts builds for our book).
 */
export function baselineRestingLines(book: NobOrderBook): string[] {
  const snap = book.snapshot();
  const lines: string[] = [];
  for (const [side, levels] of [
    ['BUY', snap.bids],
    ['SELL', snap.asks],
  ] as const) {
    for (const level of [...levels].sort((a, b) => a.price - b.price)) {
      for (const o of level.orders) lines.push(`${side} ${level.price} ${o.id} ${o.size}`);
    }
  }
  return lines;
}
