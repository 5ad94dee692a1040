import { RollingVolume } from './fees.ts';
import type { FeeRates } from './fees.ts';
import { UserLedger } from './ledger.ts';
import type { Transaction } from './ledger.ts';
import { isTerminal } from './oms.ts';
import type { AccountEvent, AccountOrder, KycStatus, OrderChange, OwnLimits } from './types.ts';

/** How many finished orders an actor keeps for queries (the read model keeps them all). */
export const RECENT_CLOSED = 200;

/**
 * One account's state. Mutable: the actor applies its own events in the handler (`appliesInHandler`)
 * and recovery applies the same events through `applyEvent`, so both paths share one function.
 */
export class AccountState {
  ledger = new UserLedger();
  /** Live orders by book order id. */
  readonly orders = new Map<number, AccountOrder>();
  /** Finished orders, newest last, at most RECENT_CLOSED. */
  closed: AccountOrder[] = [];
  /** Highest book event seq settled per market: settlement dedupe. */
  readonly settledSeq = new Map<string, number>();
  /** Ids of custody/admin transactions already posted (their callers retry with the same id). */
  readonly txIds = new Set<string>();
  /** Withdrawal and other explicit holds by id: what `unlock` and `debit` release. */
  readonly holds = new Map<string, { readonly asset: string; readonly amount: bigint }>();
  nextLocal = 1;
  volume: RollingVolume = RollingVolume.empty();
  frozen = false;
  kyc: KycStatus = { tier: 0, jurisdiction: null };
  customRates: FeeRates | null = null;
  /** Limits the trader set below the exchange's; null: the exchange's apply. */
  ownLimits: OwnLimits | null = null;
  /** Rate-limit bucket: not journaled (a restart refills it). */
  bucket = { tokens: Number.NaN, at: 0 };

  constructor(readonly account: number) {}

  order(id: number): AccountOrder | undefined {
    return this.orders.get(id);
  }

  /** Locked balance the open orders account for, per asset (the invariant `locked = holds`). */
  heldByOrders(): Map<string, bigint> {
    const held = new Map<string, bigint>();
    for (const order of this.orders.values()) {
      held.set(order.holdAsset, (held.get(order.holdAsset) ?? 0n) + order.held);
    }
    for (const hold of this.holds.values()) held.set(hold.asset, (held.get(hold.asset) ?? 0n) + hold.amount);
    return held;
  }

  setOrder(order: AccountOrder): void {
    if (isTerminal(order.status)) {
      this.orders.delete(order.id);
      this.closed.push(order);
      if (this.closed.length > RECENT_CLOSED) this.closed.splice(0, this.closed.length - RECENT_CLOSED);
    } else {
      this.orders.set(order.id, order);
    }
  }

  applyTx(tx: Transaction): void {
    this.ledger.apply(tx);
  }
}

/** The one place events change state (handlers and recovery). */
export function applyEvent(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'placed':
      state.applyTx(event.tx);
      state.setOrder(event.order);
      state.nextLocal = event.nextLocal;
      break;
    case 'settled':
      for (const tx of event.txs) state.applyTx(tx);
      for (const change of event.orders) {
        const live = state.orders.get(change.id);
        // Settlement changes only live orders: a missing one means a journal out of order.
        if (!live) throw new Error(`settled change for order ${change.id}, which is not open`);
        state.setOrder(withChange(live, change));
      }
      state.settledSeq.set(event.market, event.through);
      if (event.volume)
        state.volume = RollingVolume.add(state.volume, event.volume.day, event.volume.microUsd);
      break;
    case 'amendHeld':
      if (event.tx) state.applyTx(event.tx);
      state.setOrder(event.order);
      break;
    case 'abandoned':
      state.applyTx(event.tx);
      state.setOrder(event.order);
      break;
    case 'posted': {
      const { tx } = event;
      state.applyTx(tx);
      state.txIds.add(tx.id);
      applyHold(state, tx);
      break;
    }
    case 'frozen':
      state.frozen = event.frozen;
      break;
    case 'kyc':
      state.kyc = event.kyc;
      break;
    case 'customRates':
      state.customRates = event.rates;
      break;
    case 'ownLimits':
      state.ownLimits = event.limits;
      break;
  }
  return state;
}

/** The fields of the order settlement may have changed (what a `settled` event keeps of it). */
export function changeOf(order: AccountOrder): OrderChange {
  return {
    id: order.id,
    createdAt: order.createdAt,
    status: order.status,
    price: order.price,
    filledLots: order.filledLots,
    remaining: order.remaining,
    filledNotional: order.filledNotional,
    held: order.held,
    fees: order.fees,
    pendingAmend: order.pendingAmend,
    triggered: order.triggered,
    updatedAt: order.updatedAt,
  };
}

/** The live order with a settlement change applied (a whole order, from older journals, too). */
export function withChange(order: AccountOrder, change: OrderChange): AccountOrder {
  return { ...order, ...change };
}

/** Explicit holds: a `lock` opens one under its tx id; `unlock`/`withdrawal` close the one they name. */
function applyHold(state: AccountState, tx: Transaction): void {
  if (tx.kind === 'lock') {
    const posting = tx.postings.find((p) => p.account === 'locked')!;
    state.holds.set(tx.id, { asset: posting.asset, amount: posting.amount });
  } else if (tx.kind === 'unlock' || tx.kind === 'withdrawal') {
    state.holds.delete(holdIdOf(tx.id));
  }
}

/** `unlock:<holdId>` and `withdrawal:<holdId>` name the hold they close. */
export function holdIdOf(txId: string): string {
  return txId.slice(txId.indexOf(':') + 1);
}

// --- snapshots -----------------------------------------------------------------------------------

/**
 * The state as a snapshot: copies of everything the actor changes in place (a pipelined actor
 * takes the snapshot between two journal writes and saves it after more commands have run).
 * Orders, holds, volume and the rest are replaced on change, never changed, so they are shared.
 */
export function encodeState(state: AccountState): unknown {
  return {
    account: state.account,
    ledger: state.ledger.toJSON(),
    orders: [...state.orders.values()],
    closed: [...state.closed],
    settledSeq: [...state.settledSeq],
    txIds: [...state.txIds],
    holds: [...state.holds],
    nextLocal: state.nextLocal,
    volume: state.volume,
    frozen: state.frozen,
    kyc: state.kyc,
    customRates: state.customRates,
    ownLimits: state.ownLimits,
  };
}

export function decodeState(data: unknown): AccountState {
  const d = data as {
    account: number;
    ledger: ReturnType<UserLedger['toJSON']>;
    orders: AccountOrder[];
    closed: AccountOrder[];
    settledSeq: [string, number][];
    txIds: string[];
    holds: [string, { asset: string; amount: bigint }][];
    nextLocal: number;
    volume: RollingVolume;
    frozen: boolean;
    kyc: KycStatus;
    customRates: FeeRates | null;
    /** Absent in snapshots taken before own limits existed. */
    ownLimits?: OwnLimits | null;
  };
  const state = new AccountState(d.account);
  state.ledger = UserLedger.fromJSON(d.ledger);
  for (const order of d.orders) state.orders.set(order.id, order);
  state.closed = d.closed;
  for (const [market, seq] of d.settledSeq) state.settledSeq.set(market, seq);
  for (const id of d.txIds) state.txIds.add(id);
  for (const [id, hold] of d.holds) state.holds.set(id, hold);
  state.nextLocal = d.nextLocal;
  state.volume = d.volume;
  state.frozen = d.frozen;
  state.kyc = d.kyc;
  state.customRates = d.customRates;
  state.ownLimits = d.ownLimits ?? null;
  return state;
}
