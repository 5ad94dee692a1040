import type { BookEvent, Fill } from '../market/types.ts';
import type { AccountState } from './account-state.ts';
import { changeOf } from './account-state.ts';
import { dayIndexOf, feeOf, ratesFor, RollingVolume } from './fees.ts';
import type { FeeQuote } from './fees.ts';
import { SystemAccount, sys, TxKind } from './ledger.ts';
import type { Posting, Transaction } from './ledger.ts';
import type { MarketUnits } from './market-units.ts';
import { quoteToMicroUsd } from './market-units.ts';
import { isTerminal, OrderStatus, tryTransition } from './oms.ts';
import { requiredHold } from './order-entry.ts';
import type { AccountEvent, AccountOrder, FollowUp, SettleBatch } from './types.ts';

/**
 * Settlement of one account's share of a market's events: the OMS moves, fills post to the ledger
 * with fees, holds shrink to what the open rest still needs. Pure: it reads the state and returns
 * the event to journal (or null when everything was settled before: (market, seq) dedupe).
 *
 * Fees are taken from the asset received (a buyer pays its fee in base, a seller in quote), so a
 * buy's quote hold never has to cover a fee. Rates come from the 30-day volume before the batch;
 * the batch's own volume counts from the next one.
 */

const IMMEDIATE = new Set(['IOC', 'FOK', 'FOK_BUDGET', 'MARKET']);

/** Codes the book answers a cancel or an amend with: the order itself is not rejected. */
const COMMAND_REFUSALS = new Set(['UNKNOWN_ORDER', 'NOT_ORDER_OWNER', 'NOT_AMENDABLE']);

export interface SettleResult {
  readonly event: Extract<AccountEvent, { type: 'settled' }> | null;
  readonly followUps: FollowUp[];
  /** The orders the batch changed, whole, as the event leaves them (the event has their changes). */
  readonly orders: AccountOrder[];
}

/** The account's fee tier and rates now: its 30-day USD volume, QTRA holding and custom rates. */
export function currentFees(state: AccountState, now: number): FeeQuote {
  const qtra = state.ledger.balance('QTRA');
  const qtraWhole = (qtra.available + qtra.locked) / 10n ** 18n;
  return ratesFor({
    volumeMicroUsd: RollingVolume.total(state.volume, dayIndexOf(now)),
    qtraHeld: qtraWhole,
    ...(state.customRates ? { custom: state.customRates } : {}),
  });
}

/** An order being settled: one mutable copy per order per batch, frozen into the event. */
type Draft = { -readonly [K in keyof AccountOrder]: AccountOrder[K] };

export function settle(
  state: AccountState,
  units: MarketUnits,
  batch: SettleBatch,
  now: number,
): SettleResult {
  const me = state.account;
  const market = batch.market;
  let through = state.settledSeq.get(market) ?? 0;
  const changed = new Map<number, Draft>();
  const txs: Transaction[] = [];
  const followUps: FollowUp[] = [];
  const { rates } = currentFees(state, now);
  let microUsd = 0n;

  /** The order's draft, copied from the state the first time the batch touches it. */
  const get = (id: number): Draft | undefined => {
    let draft = changed.get(id);
    if (!draft) {
      const order = state.order(id);
      if (!order) return undefined;
      changed.set(id, (draft = { ...order, updatedAt: now }));
    }
    return draft;
  };
  /** Locks or releases the difference between what the order holds and what it needs. */
  const rehold = (order: Draft): AccountOrder => {
    const need = requiredHold(units, order, isTerminal(order.status));
    const diff = need - order.held;
    if (diff === 0n) return order;
    const release = diff < 0n;
    txs.push({
      id: `${release ? 'release' : 'hold'}:${market}:${order.id}:${txs.length}:${through}`,
      kind: release ? TxKind.ORDER_RELEASE : TxKind.ORDER_HOLD,
      postings: [
        { account: 'locked', asset: order.holdAsset, amount: diff },
        { account: 'available', asset: order.holdAsset, amount: -diff },
      ],
    });
    order.held = need;
    return order;
  };

  // Per command: the immediate orders it may have ended and the stops it triggered (few, usually
  // none or one: arrays reused from command to command rather than two sets each).
  const takers: number[] = [];
  const triggered: number[] = [];
  for (const events of batch.commands) {
    takers.length = 0;
    triggered.length = 0;
    for (const event of events) {
      if (event.seq <= through) continue;
      through = event.seq;
      if (event.type === 'Fill') {
        if (event.makerAccount === me) {
          const order = get(event.makerOrderId);
          if (order) fill(order, event, false);
        }
        if (event.takerAccount === me) {
          const order = get(event.takerOrderId);
          if (order) {
            fill(order, event, true);
            addOnce(takers, order.id);
          }
        }
        continue;
      }
      if (!('account' in event) || event.account !== me || !('orderId' in event)) continue;
      // Finished orders take no more events (and are not copied into the batch).
      const current = changed.get(event.orderId) ?? state.order(event.orderId);
      if (!current || isTerminal(current.status)) continue;
      const order = get(event.orderId)!;
      applyOrderEvent(order, event, triggered);
      if (event.type === 'Accepted' || event.type === 'Expired') addOnce(takers, order.id);
    }
    // An immediate order never outlives its command: what did not trade is over.
    for (const id of takers) {
      const order = get(id)!;
      if (isTerminal(order.status)) continue;
      const immediate = IMMEDIATE.has(order.type) || (order.type === 'STOP_MARKET' && order.side === 'SELL');
      if (immediate && (order.type !== 'STOP_MARKET' || order.triggered)) {
        transitionTo(order, order.filledLots > 0 ? OrderStatus.Filled : OrderStatus.Expired);
        order.remaining = 0;
      }
    }
    // A protected stop-market buy rests as a limit after its trigger: cancel that rest.
    for (const id of triggered) {
      const order = get(id)!;
      if (order.type === 'STOP_MARKET' && order.side === 'BUY' && !isTerminal(order.status)) {
        followUps.push({ market, cancel: { orderId: id, account: me } });
      }
    }
  }

  if (through === (state.settledSeq.get(market) ?? 0)) return { event: null, followUps, orders: [] };
  const orders = [...changed.values()].map(rehold);
  return {
    event: {
      type: 'settled',
      market,
      through,
      txs,
      orders: orders.map(changeOf),
      volume: microUsd > 0n ? { day: dayIndexOf(now), microUsd } : null,
    },
    followUps,
    orders,
  };

  function fill(order: Draft, event: Fill, taker: boolean): void {
    const buyer = (event.takerSide === 'BUY') === taker;
    const baseAmount = BigInt(event.size) * units.lotMinor;
    const quoteAmount = BigInt(event.price * event.size) * units.tickLotMinor;
    const received = buyer ? units.base.symbol : units.quote.symbol;
    const gross = buyer ? baseAmount : quoteAmount;
    const fee = feeOf(gross, taker ? rates.takerBps : rates.makerBps);
    const [paidAsset, paid] = buyer ? [units.quote.symbol, quoteAmount] : [units.base.symbol, baseAmount];
    const clearing = sys(SystemAccount.clearing(market));
    const postings: Posting[] = [
      { account: 'locked', asset: paidAsset, amount: -paid },
      { account: clearing, asset: paidAsset, amount: paid },
      { account: clearing, asset: received, amount: -gross },
      { account: 'available', asset: received, amount: gross - fee },
    ];
    if (fee > 0n) postings.push({ account: sys(SystemAccount.FEE_REVENUE), asset: received, amount: fee });
    if (fee < 0n) postings.push({ account: sys(SystemAccount.REBATE_EXPENSE), asset: received, amount: fee });
    txs.push({ id: `fill:${market}:${event.seq}:${taker ? 'taker' : 'maker'}`, kind: TxKind.FILL, postings });
    microUsd += quoteToMicroUsd(units, quoteAmount);

    const remaining = taker ? event.takerRemaining : event.makerRemaining;
    const byQuote = order.size === 0;
    transitionTo(order, !byQuote && remaining === 0 ? OrderStatus.Filled : OrderStatus.PartiallyFilled);
    order.filledLots += event.size;
    order.remaining = byQuote ? 0 : remaining;
    order.filledNotional += event.price * event.size;
    order.held -= buyer ? quoteAmount : baseAmount;
    order.fees = { ...order.fees, [received]: (order.fees[received] ?? 0n) + fee };
  }
}

function addOnce(ids: number[], id: number): void {
  if (!ids.includes(id)) ids.push(id);
}

function applyOrderEvent(order: Draft, event: BookEvent, triggered: number[]): void {
  switch (event.type) {
    case 'Accepted':
      if (order.status === OrderStatus.PendingNew) transitionTo(order, OrderStatus.New);
      return;
    case 'Rejected': {
      // A place refused, or a stop refused when it triggered; a refused cancel/amend only drops the amend.
      const orderRefused =
        order.status === OrderStatus.PendingNew
          ? !COMMAND_REFUSALS.has(event.code)
          : triggered.includes(order.id);
      if (orderRefused) {
        transitionTo(order, OrderStatus.Rejected);
        order.remaining = 0;
      }
      order.pendingAmend = null;
      return;
    }
    case 'Cancelled':
      if (event.remaining > 0) {
        order.remaining = event.remaining;
        return;
      }
      transitionTo(order, OrderStatus.Cancelled);
      order.remaining = 0;
      order.pendingAmend = null;
      return;
    case 'Expired':
      transitionTo(
        order,
        order.filledLots > 0 && event.size === 0 ? OrderStatus.Filled : OrderStatus.Expired,
      );
      order.remaining = 0;
      return;
    case 'Triggered':
      addOnce(triggered, order.id);
      order.triggered = true;
      return;
    case 'Amended':
      order.price = event.price;
      order.remaining = event.size;
      order.pendingAmend = null;
      return;
    default:
      return;
  }
}

/** Moves the draft to `to`; an illegal transition is a bug in settlement, so it throws. */
function transitionTo(order: Draft, to: OrderStatus): void {
  const result = tryTransition(order.status, to);
  if (!result.ok) throw new Error(`order ${order.id}: illegal transition ${order.status} -> ${to}`);
  order.status = result.status;
}
