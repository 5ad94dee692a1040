import type { BookEvent, MarketSpec, OrderType, PlaceOrder, Side, StpMode } from '../market/index.ts';
import type { AccountErrorCode } from './errors.ts';
import type { FeeRates } from './fees.ts';
import type { Transaction } from './ledger.ts';
import type { OrderStatus } from './oms.ts';

/** An order as its account sees it (the OMS record). Prices in ticks, sizes in lots. */
export interface AccountOrder {
  /** The book's order id: `account × 2^21 + n`, so it is unique in every market without asking. */
  readonly id: number;
  readonly clientOrderId: string;
  readonly market: string;
  readonly side: Side;
  /** The type the trader asked for (a market buy by size goes to the book as a protected IOC). */
  readonly type: OrderType;
  /** Limit price in ticks (0 for MARKET and FOK_BUDGET), the protection price for protected orders. */
  readonly price: number;
  readonly stopPrice: number;
  /** Lots asked for (0 for a market buy by quote). */
  readonly size: number;
  /** Budget or quote amount in tick-lots (FOK_BUDGET, MARKET by quote), else 0. */
  readonly quote: number;
  readonly postOnly: boolean;
  readonly stp: StpMode;
  readonly status: OrderStatus;
  readonly filledLots: number;
  /** Open lots at the book. */
  readonly remaining: number;
  /** Tick-lots traded (the quote side of all fills). */
  readonly filledNotional: number;
  /** Asset and amount locked for this order right now. */
  readonly holdAsset: string;
  readonly held: bigint;
  /** Fees paid (positive) or rebates received (negative), per asset received. */
  readonly fees: Readonly<Record<string, bigint>>;
  /** Amend sent to the book and not yet answered: its hold is already taken. */
  readonly pendingAmend: { readonly price: number; readonly size: number } | null;
  readonly triggered: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What a trader sends (decimals as strings, as on the wire). */
export interface PlaceOrderRequest {
  readonly clientOrderId: string;
  readonly market: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly price?: string;
  readonly size?: string;
  /** Quote amount: FOK_BUDGET's budget, a MARKET buy by quote. */
  readonly quote?: string;
  readonly stopPrice?: string;
  readonly postOnly?: boolean;
  readonly stp?: StpMode;
}

/** The market's prices the order path passes in for the fat-finger band and market protection. */
export interface PriceReference {
  readonly last?: number;
  readonly bid?: number;
  readonly ask?: number;
}

export interface KycStatus {
  readonly tier: number;
  readonly jurisdiction: string | null;
}

/** The KYC/jurisdiction gate; the KYC issue provides the real one. Undefined: allowed. */
export type KycGate = (
  kyc: KycStatus,
  market: MarketSpec,
) => 'KYC_REQUIRED' | 'JURISDICTION_BLOCKED' | undefined;

export interface RiskLimits {
  /** Largest order in quote units of the market (decimal string), e.g. "1000000". */
  readonly maxNotional: string;
  /** Fat-finger band around last trade (or mid) in bps. */
  readonly priceBandBps: number;
  /** Market orders and stop-market buys trade no further than this from the reference, in bps. */
  readonly marketProtectionBps: number;
  readonly maxOpenOrders: number;
  /** Token bucket: burst size and refill per second, per account. */
  readonly rateLimit: { readonly burst: number; readonly perSecond: number };
}

/**
 * Exposure limits a trader sets on their own account: at most the exchange's (RiskLimits), never
 * above. `maxNotional` is per order, in quote units, like RiskLimits.maxNotional.
 */
export interface OwnLimits {
  readonly maxNotional: string;
  readonly maxOpenOrders: number;
}

/** The limits that apply to an account's orders, and the exchange's ceilings. */
export interface EffectiveLimits extends OwnLimits {
  readonly exchangeMaxNotional: string;
  readonly exchangeMaxOpenOrders: number;
}

export type Failure = { readonly ok: false; readonly code: AccountErrorCode; readonly message: string };

/**
 * The account took the order (PendingNew, its hold locked): the command for its market's book.
 * Kept small: it is journaled with the command, for a redelivered `place` (the order itself is in
 * the `placed` event, and the order path returns it as settlement leaves it).
 */
export type PlaceReply =
  { readonly ok: true; readonly market: string; readonly command: PlaceOrder } | Failure;

export type CancelReply = { readonly ok: true; readonly market: string; readonly orderId: number } | Failure;

export type AmendReply =
  | {
      readonly ok: true;
      readonly market: string;
      readonly command: { orderId: number; account: number; price?: number; size?: number };
    }
  | Failure;

/** Events of one market command that concern this account, in seq order. */
export interface SettleBatch {
  readonly market: string;
  readonly commands: readonly (readonly BookEvent[])[];
}

/** Book commands settlement asks the order path to send (a triggered stop-market buy's rest). */
export interface FollowUp {
  readonly market: string;
  readonly cancel: { readonly orderId: number; readonly account: number };
}

export interface SettleReply {
  readonly followUps: readonly FollowUp[];
  /** The account's orders this round changed, as they now are (the order path answers with them). */
  readonly orders: readonly AccountOrder[];
}

export type LedgerReply = { readonly ok: true; readonly txId: string } | Failure;

export interface BalanceView {
  readonly asset: string;
  readonly available: string;
  readonly locked: string;
}

export interface AccountSummary {
  readonly account: number;
  readonly frozen: boolean;
  readonly openOrders: number;
  readonly balances: readonly BalanceView[];
  readonly tier: string;
  readonly rates: FeeRates;
}

/**
 * What settlement journals of an order: its fields that change (an order's identity and terms
 * never do), about half the order's size. `id` and `createdAt` name it (two lives of a reused id
 * differ in `createdAt`). Journals written before carry whole orders, which are changes too.
 */
export type OrderChange = Pick<
  AccountOrder,
  | 'id'
  | 'createdAt'
  | 'status'
  | 'price'
  | 'filledLots'
  | 'remaining'
  | 'filledNotional'
  | 'held'
  | 'fees'
  | 'pendingAmend'
  | 'triggered'
  | 'updatedAt'
>;

/** What an AccountActor journals: decided effects, so replay never recomputes a fee. */
export type AccountEvent =
  | {
      readonly type: 'placed';
      readonly order: AccountOrder;
      readonly tx: Transaction;
      readonly nextLocal: number;
    }
  | {
      readonly type: 'settled';
      readonly market: string;
      readonly through: number;
      readonly txs: readonly Transaction[];
      /** The orders the round changed, as they now are (applied over the live orders). */
      readonly orders: readonly OrderChange[];
      readonly volume: { readonly day: number; readonly microUsd: bigint } | null;
    }
  | { readonly type: 'amendHeld'; readonly order: AccountOrder; readonly tx: Transaction | null }
  /** The book never took the order (its market is not open): Rejected, hold released. */
  | { readonly type: 'abandoned'; readonly order: AccountOrder; readonly tx: Transaction }
  | { readonly type: 'posted'; readonly tx: Transaction }
  | { readonly type: 'frozen'; readonly frozen: boolean }
  | { readonly type: 'kyc'; readonly kyc: KycStatus }
  | { readonly type: 'customRates'; readonly rates: FeeRates | null }
  /** The trader's own exposure limits (null: the exchange's). */
  | { readonly type: 'ownLimits'; readonly limits: OwnLimits | null };
