import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../store/codec.ts';
import { AccountState, applyEvent, changeOf, decodeState, encodeState } from './account-state.ts';
import { TxKind } from './ledger.ts';
import type { AccountOrder } from './types.ts';

const order: AccountOrder = {
  id: 2 ** 21 + 1,
  clientOrderId: 'a',
  market: 'BTC-USDT',
  side: 'BUY',
  type: 'LIMIT',
  price: 6_500_000,
  stopPrice: 0,
  size: 100,
  quote: 0,
  postOnly: false,
  stp: 'NONE',
  status: 'PendingNew',
  filledLots: 0,
  remaining: 100,
  filledNotional: 0,
  holdAsset: 'USDT',
  held: 65_000_000n,
  fees: {},
  pendingAmend: null,
  triggered: false,
  createdAt: 1,
  updatedAt: 1,
};

function placedState(): AccountState {
  const state = new AccountState(1);
  applyEvent(state, {
    type: 'posted',
    tx: {
      id: 'dep',
      kind: TxKind.DEPOSIT,
      postings: [
        { account: 'sys:custody:base', asset: 'USDT', amount: -100_000_000n },
        { account: 'available', asset: 'USDT', amount: 100_000_000n },
      ],
    },
  });
  applyEvent(state, {
    type: 'placed',
    order,
    nextLocal: 2,
    tx: {
      id: `order:${order.id}`,
      kind: TxKind.ORDER_HOLD,
      postings: [
        { account: 'available', asset: 'USDT', amount: -order.held },
        { account: 'locked', asset: 'USDT', amount: order.held },
      ],
    },
  });
  return state;
}

describe('account state', () => {
  it('a snapshot is the state when it was taken, whatever the actor applies after (pipelined writes)', () => {
    const state = placedState();
    const snapshot = encodeState(state);
    const text = encodeValue(snapshot);
    // The order is cancelled and its hold released before the snapshot is written.
    applyEvent(state, {
      type: 'settled',
      market: 'BTC-USDT',
      through: 2,
      txs: [
        {
          id: 'release',
          kind: TxKind.ORDER_RELEASE,
          postings: [
            { account: 'locked', asset: 'USDT', amount: -order.held },
            { account: 'available', asset: 'USDT', amount: order.held },
          ],
        },
      ],
      orders: [changeOf({ ...order, status: 'Cancelled', remaining: 0, held: 0n, updatedAt: 2 })],
      volume: null,
    });
    expect(state.closed).toHaveLength(1);
    expect(encodeValue(snapshot)).toBe(text);
  });

  it('a settled change applies over the live order and round-trips through a snapshot', () => {
    const state = placedState();
    applyEvent(state, {
      type: 'settled',
      market: 'BTC-USDT',
      through: 1,
      txs: [],
      orders: [changeOf({ ...order, status: 'New', updatedAt: 5 })],
      volume: null,
    });
    expect(state.order(order.id)).toEqual({ ...order, status: 'New', updatedAt: 5 });
    const restored = decodeState(decodeValue(encodeValue(encodeState(state))));
    expect(restored.order(order.id)).toEqual(state.order(order.id));
  });
});
