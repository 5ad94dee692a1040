import { z } from 'zod';
import type { MarketSpec, PlaceOrder } from '../market/index.ts';
import { OrderType, StpMode } from '../market/index.ts';
import { defineActor, persist, reply } from '../runtime/index.ts';
import type { Behavior, HandlerContext } from '../runtime/index.ts';
import { applyEvent, AccountState, decodeState, encodeState } from './account-state.ts';
import { assetOf, formatAmount, parsePositiveAmount } from './assets.ts';
import { AccountError } from './errors.ts';
import { checkFeeRates, InvalidFeeRatesError } from './fees.ts';
import type { FeeRates } from './fees.ts';
import { sys, SystemAccount, transfer, TxKind } from './ledger.ts';
import type { Transaction } from './ledger.ts';
import { marketUnits } from './market-units.ts';
import type { MarketUnits } from './market-units.ts';
import { isTerminal } from './oms.ts';
import { bookCommandFor, entryFor, limitPrice, lotsOf, requiredHold } from './order-entry.ts';
import { currentFees, settle } from './settle.ts';
import type {
  AccountEvent,
  AccountOrder,
  AccountSummary,
  AmendReply,
  BalanceView,
  CancelReply,
  EffectiveLimits,
  Failure,
  KycGate,
  KycStatus,
  LedgerReply,
  OwnLimits,
  PlaceOrderRequest,
  PlaceReply,
  PriceReference,
  RiskLimits,
  SettleBatch,
  SettleReply,
} from './types.ts';

/**
 * AccountActor (`account/<n>`): one user's ledger, orders and limits. Every command that changes
 * money is journaled as the effects it decided (postings with their amounts), so recovery replays
 * exactly what happened. Business refusals are replies (`{ ok: false, code }`) that change nothing.
 *
 * Idempotency: place, credit, lock, unlock, debit and adjust carry ids (the client order id, the
 * transaction id); settlement is deduplicated by (market, seq).
 */

/** Order ids are `account × 2^21 + n`: unique across the exchange without coordination. */
export const LOCAL_ID_BITS = 21;
const LOCAL_IDS = 2 ** LOCAL_ID_BITS;
/** Accounts numbered 1 … 2^32 − 1 keep ids below 2^53. */
export const MAX_ACCOUNT = 2 ** 32 - 1;

export const defaultRiskLimits: RiskLimits = {
  maxNotional: '1000000',
  priceBandBps: 1_000,
  marketProtectionBps: 500,
  maxOpenOrders: 500,
  rateLimit: { burst: 200, perSecond: 100 },
};

/** Where an account finds a market's spec by symbol (a `MarketRegistry`'s `specs`, which grows). */
export interface MarketLookup {
  get(symbol: string): MarketSpec | undefined;
}

export interface AccountOptions {
  /**
   * The markets accounts trade: a fixed list (checked here, at registration), or a lookup that
   * can grow while the process runs (the shard host's registry, to which the node adds the markets
   * admins create; the node checked them before).
   */
  readonly markets: readonly MarketSpec[] | MarketLookup;
  readonly limits?: Partial<RiskLimits>;
  readonly kycGate?: KycGate;
  /** Journaled events between snapshots of an account. Default 1,000. */
  readonly snapshotEvery?: number;
}

export type AccountProtocol = {
  place: { payload: { request: PlaceOrderRequest; prices: PriceReference }; reply: PlaceReply };
  cancel: { payload: { orderId: number }; reply: CancelReply };
  amend: {
    payload: { orderId: number; price?: string; size?: string; prices: PriceReference };
    reply: AmendReply;
  };
  /**
   * Orders still PendingNew after `olderThanMs`: the book may never have received them (the node
   * died between the account and the market). The order path sends them again, idempotently.
   */
  pending: { payload: { olderThanMs: number }; reply: { market: string; command: PlaceOrder }[] };
  /** Markets where the account has live orders (cancel-all fans out to them). */
  openMarkets: { payload: Record<string, never>; reply: string[] };
  settle: { payload: SettleBatch; reply: SettleReply };
  /** The market refused the order before its book saw it (UNKNOWN_MARKET): reject it, free the hold. */
  abandon: { payload: { orderId: number; reason: string }; reply: AccountOrder | null };
  credit: { payload: { txId: string; asset: string; amount: string; chain: string }; reply: LedgerReply };
  lock: { payload: { txId: string; asset: string; amount: string }; reply: LedgerReply };
  /** Releases a `lock` (a withdrawal that was refused or cancelled). */
  unlock: { payload: { holdId: string }; reply: LedgerReply };
  /** Sends a `lock`ed amount out through custody (a withdrawal that was broadcast). */
  debit: { payload: { holdId: string; chain: string }; reply: LedgerReply };
  adjust: { payload: { txId: string; asset: string; amount: string; reason: string }; reply: LedgerReply };
  setFrozen: { payload: { frozen: boolean; reason: string }; reply: { ok: true; frozen: boolean } };
  setKyc: { payload: KycStatus; reply: { ok: true } };
  setCustomRates: { payload: { rates: FeeRates | null }; reply: { ok: true } | Failure };
  /** The trader lowers their own exposure limits (null: back to the exchange's). */
  setOwnLimits: {
    payload: { limits: OwnLimits | null };
    reply: { ok: true; limits: EffectiveLimits } | Failure;
  };
  limits: { payload: Record<string, never>; reply: EffectiveLimits };
  balances: { payload: Record<string, never>; reply: BalanceView[] };
  orders: { payload: { open: boolean }; reply: AccountOrder[] };
  order: { payload: { orderId?: number; clientOrderId?: string }; reply: AccountOrder | null };
  summary: { payload: Record<string, never>; reply: AccountSummary };
  /** What admins see of the account besides money: frozen, KYC tier and jurisdiction. */
  profile: { payload: Record<string, never>; reply: AccountProfile };
  /** Exact ledger figures for reconciliation: balances, system contributions, what orders hold. */
  reconcile: { payload: Record<string, never>; reply: Reconciliation };
};

export interface AccountProfile {
  readonly account: number;
  readonly frozen: boolean;
  readonly kyc: KycStatus;
}

export interface Reconciliation {
  readonly balances: readonly (readonly [asset: string, available: bigint, locked: bigint])[];
  /** This account's net postings to each system account (`name|asset`). */
  readonly system: readonly (readonly [key: string, amount: bigint])[];
  /** Locked amounts open orders and explicit holds account for, per asset. */
  readonly held: readonly (readonly [asset: string, amount: bigint])[];
}

const txId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w:.\-/]+$/, 'letters, digits and _ : . - /');
const decimal = z.string().min(1).max(64);
const orderId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const empty = z.object({}).strict();
const tick = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const pricesSchema = z.object({ last: tick.optional(), bid: tick.optional(), ask: tick.optional() }).strict();

const placeSchema = z
  .object({
    request: z
      .object({
        clientOrderId: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[\w.:-]+$/, 'letters, digits and _ . : -'),
        market: z.string().min(1).max(32),
        side: z.enum(['BUY', 'SELL']),
        type: z.enum(Object.values(OrderType) as [OrderType, ...OrderType[]]),
        price: decimal.optional(),
        size: decimal.optional(),
        quote: decimal.optional(),
        stopPrice: decimal.optional(),
        postOnly: z.boolean().optional(),
        stp: z.enum(Object.values(StpMode) as [StpMode, ...StpMode[]]).optional(),
      })
      .strict(),
    prices: pricesSchema,
  })
  .strict();

const bookEvent = z.object({ type: z.string(), seq: z.number().int().positive() }).passthrough();

function failure(error: unknown): Failure {
  if (error instanceof AccountError) return { ok: false, code: error.code, message: error.message };
  throw error;
}

/** Runs a decision that may refuse with an AccountError; the refusal becomes the reply. */
function guarded<R>(decide: () => ReturnType<typeof persist<AccountEvent, R>>) {
  try {
    return decide();
  } catch (error) {
    return reply(failure(error));
  }
}

function decided<R>(state: AccountState, events: AccountEvent[], value: R) {
  for (const event of events) applyEvent(state, event);
  return persist<AccountEvent, R>(events, value);
}

export function accountBehavior(
  options: AccountOptions,
): Behavior<AccountState, AccountProtocol, AccountEvent> {
  const limits: RiskLimits = { ...defaultRiskLimits, ...options.limits };
  const lookup: MarketLookup = isSpecList(options.markets)
    ? new Map(options.markets.map((spec) => [spec.symbol, spec]))
    : options.markets;
  // Units of every market seen, computed once (a fixed list: all of them now, so a bad spec
  // fails at registration). A symbol the lookup does not know yet is looked up again next time:
  // a market created while the process runs is known from the moment the node adds it.
  const units = new Map<string, MarketUnits>();
  if (isSpecList(options.markets))
    for (const spec of options.markets) units.set(spec.symbol, marketUnits(spec));
  const kycGate = options.kycGate;
  const unitsOf = (symbol: string): MarketUnits => {
    const known = units.get(symbol);
    if (known) return known;
    const spec = lookup.get(symbol);
    if (!spec) throw new AccountError('UNKNOWN_MARKET', `unknown market "${symbol}"`);
    const computed = marketUnits(spec);
    units.set(symbol, computed);
    return computed;
  };

  function takeToken(state: AccountState, now: number): void {
    const { burst, perSecond } = limits.rateLimit;
    const bucket = state.bucket;
    const tokens = Number.isNaN(bucket.tokens)
      ? burst
      : Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    if (tokens < 1) {
      state.bucket = { tokens, at: now };
      throw new AccountError('RATE_LIMITED', `more than ${perSecond} orders/s (burst ${burst})`);
    }
    state.bucket = { tokens: tokens - 1, at: now };
  }

  function nextOrderId(state: AccountState): { id: number; nextLocal: number } {
    let local = state.nextLocal;
    for (let tries = 0; tries < LOCAL_IDS; tries++) {
      const id = state.account * LOCAL_IDS + local;
      local = local + 1 === LOCAL_IDS ? 1 : local + 1;
      if (!state.orders.has(id)) return { id, nextLocal: local };
    }
    throw new AccountError('TOO_MANY_OPEN_ORDERS', 'no free order id');
  }

  function place(state: AccountState, payload: AccountProtocol['place']['payload'], ctx: HandlerContext) {
    if (!(state.account >= 1 && state.account <= MAX_ACCOUNT))
      throw new AccountError('INVALID_ORDER', `${ctx.self} is not a trading account`);
    if (state.frozen) throw new AccountError('ACCOUNT_FROZEN', 'account is frozen');
    const now = ctx.clock.now();
    const units = unitsOf(payload.request.market);
    const gate = kycGate?.(state.kyc, units.spec);
    if (gate)
      throw new AccountError(
        gate,
        gate === 'KYC_REQUIRED' ? 'verify your identity to trade' : 'not available in your jurisdiction',
      );
    const applied = state.ownLimits ? { ...limits, ...state.ownLimits } : limits;
    if (state.orders.size >= applied.maxOpenOrders)
      throw new AccountError('TOO_MANY_OPEN_ORDERS', `at most ${applied.maxOpenOrders} open orders`);
    const entry = entryFor(units, payload.request, payload.prices, applied);
    const hold = requiredHold(units, entry.order, false);
    const { id, nextLocal } = nextOrderId(state);
    const tx = transfer(`order:${id}`, TxKind.ORDER_HOLD, entry.order.holdAsset, 'available', 'locked', hold);
    const short = state.ledger.shortfall(tx);
    if (short) throw short;
    takeToken(state, now);
    const order: AccountOrder = { ...entry.order, id, held: hold, createdAt: now, updatedAt: now };
    return decided<PlaceReply>(state, [{ type: 'placed', order, tx, nextLocal }], {
      ok: true,
      market: order.market,
      command: bookCommandFor(order, state.account),
    });
  }

  function amend(state: AccountState, payload: AccountProtocol['amend']['payload'], ctx: HandlerContext) {
    if (state.frozen) throw new AccountError('ACCOUNT_FROZEN', 'account is frozen');
    const { prices } = payload;
    const order = liveOrder(state, payload.orderId);
    if (order.type !== 'LIMIT' || order.status === 'PendingNew')
      throw new AccountError('ORDER_NOT_OPEN', 'only a resting LIMIT order can be amended');
    const units = unitsOf(order.market);
    const price =
      payload.price === undefined ? order.price : limitPrice(units, payload.price, prices, limits);
    const size = payload.size === undefined ? order.remaining : lotsOf(units, payload.size);
    const pending = { ...order, pendingAmend: { price, size }, updatedAt: ctx.clock.now() };
    const need = requiredHold(units, pending, false);
    const extra = need - order.held;
    const tx: Transaction | null =
      extra > 0n
        ? transfer(
            `amend:${order.id}:${ctx.clock.now()}`,
            TxKind.ORDER_HOLD,
            order.holdAsset,
            'available',
            'locked',
            extra,
          )
        : null;
    if (tx) {
      const short = state.ledger.shortfall(tx);
      if (short) throw short;
    }
    const amended = { ...pending, held: extra > 0n ? need : order.held };
    return decided<AmendReply>(state, [{ type: 'amendHeld', order: amended, tx }], {
      ok: true,
      market: order.market,
      command: {
        orderId: order.id,
        account: state.account,
        ...(payload.price === undefined ? {} : { price }),
        ...(payload.size === undefined ? {} : { size }),
      },
    });
  }

  function posted(state: AccountState, tx: Transaction) {
    if (state.txIds.has(tx.id)) return reply<LedgerReply>({ ok: true, txId: tx.id });
    const short = state.ledger.shortfall(tx);
    if (short) throw short;
    return decided<LedgerReply>(state, [{ type: 'posted', tx }], { ok: true, txId: tx.id });
  }

  return defineActor<AccountState, AccountProtocol, AccountEvent>({
    kind: 'account',
    appliesInHandler: true,
    // A busy account (a market maker's) decides its next message while the last one is written:
    // many commands per journal write, each reply still only once its events are durable.
    pipelined: true,
    adminMessages: ['adjust', 'setFrozen', 'setKyc', 'setCustomRates'],
    // Money moves only through settlement and custody, never from an outside caller.
    internalMessages: ['settle', 'abandon', 'pending', 'credit', 'lock', 'unlock', 'debit'],
    snapshotEvery: options.snapshotEvery ?? 1_000,
    initialState: (key) => new AccountState(/^[1-9]\d{0,9}$/.test(key) ? Number(key) : 0),
    schemas: {
      place: placeSchema,
      cancel: z.object({ orderId }).strict(),
      amend: z
        .object({ orderId, price: decimal.optional(), size: decimal.optional(), prices: pricesSchema })
        .strict()
        .refine((a) => a.price !== undefined || a.size !== undefined, 'give a new price or size'),
      openMarkets: empty,
      pending: z.object({ olderThanMs: z.number().int().min(0).max(86_400_000) }).strict(),
      abandon: z.object({ orderId, reason: z.string().max(200) }).strict(),
      settle: z
        .object({ market: z.string().min(1).max(32), commands: z.array(z.array(bookEvent)) })
        .strict() as unknown as z.ZodType<SettleBatch>,
      credit: z
        .object({ txId, asset: z.string(), amount: decimal, chain: z.string().regex(/^[a-z0-9-]{1,32}$/) })
        .strict(),
      lock: z.object({ txId, asset: z.string(), amount: decimal }).strict(),
      unlock: z.object({ holdId: txId }).strict(),
      debit: z.object({ holdId: txId, chain: z.string().regex(/^[a-z0-9-]{1,32}$/) }).strict(),
      adjust: z
        .object({
          txId,
          asset: z.string(),
          amount: z.string().regex(/^-?\d+(\.\d+)?$/),
          reason: z.string().min(3).max(500),
        })
        .strict(),
      setFrozen: z.object({ frozen: z.boolean(), reason: z.string().min(3).max(500) }).strict(),
      setKyc: z
        .object({
          tier: z.number().int().min(0).max(3),
          jurisdiction: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .nullable(),
        })
        .strict(),
      setCustomRates: z
        .object({ rates: z.object({ makerBps: z.number(), takerBps: z.number() }).strict().nullable() })
        .strict(),
      setOwnLimits: z
        .object({
          limits: z
            .object({
              maxNotional: z.string().regex(NOTIONAL_TEXT, 'a decimal amount of quote, like 50000'),
              maxOpenOrders: z.number().int().min(1).max(1_000_000),
            })
            .strict()
            .nullable(),
        })
        .strict(),
      limits: empty,
      balances: empty,
      orders: z.object({ open: z.boolean() }).strict(),
      order: z.object({ orderId: orderId.optional(), clientOrderId: z.string().max(64).optional() }).strict(),
      summary: empty,
      profile: empty,
      reconcile: empty,
    },
    handlers: {
      place: (state, payload, ctx) => guarded(() => place(state, payload, ctx)),
      cancel: (state, { orderId: id }) => {
        try {
          const order = liveOrder(state, id);
          return reply<CancelReply>({ ok: true, market: order.market, orderId: order.id });
        } catch (error) {
          return reply(failure(error));
        }
      },
      amend: (state, payload, ctx) => guarded(() => amend(state, payload, ctx)),
      pending: (state, { olderThanMs }, ctx) => {
        const before = ctx.clock.now() - olderThanMs;
        return reply(
          [...state.orders.values()]
            .filter((o) => o.status === 'PendingNew' && o.createdAt <= before)
            .map((o) => ({ market: o.market, command: bookCommandFor(o, state.account) })),
        );
      },
      openMarkets: (state) => reply([...new Set([...state.orders.values()].map((o) => o.market))].sort()),
      settle: (state, batch, ctx) => {
        const { event, followUps, orders } = settle(state, unitsOf(batch.market), batch, ctx.clock.now());
        if (!event) return reply<SettleReply>({ followUps, orders: [] });
        return decided<SettleReply>(state, [event], { followUps, orders });
      },
      abandon: (state, { orderId: id }, ctx) => {
        const order = state.order(id);
        if (!order || order.status !== 'PendingNew') return reply(order ?? null);
        const closed: AccountOrder = {
          ...order,
          status: 'Rejected',
          remaining: 0,
          held: 0n,
          updatedAt: ctx.clock.now(),
        };
        const tx = transfer(
          `abandon:${id}`,
          TxKind.ORDER_RELEASE,
          order.holdAsset,
          'locked',
          'available',
          order.held,
        );
        return decided(state, [{ type: 'abandoned', order: closed, tx }], closed);
      },
      credit: (state, { txId: id, asset, amount, chain }) =>
        guarded(() => {
          const value = parsePositiveAmount(assetOf(asset), amount);
          return posted(
            state,
            transfer(id, TxKind.DEPOSIT, asset, sys(SystemAccount.custody(chain)), 'available', value),
          );
        }),
      lock: (state, { txId: id, asset, amount }) =>
        guarded(() => {
          if (state.frozen) throw new AccountError('ACCOUNT_FROZEN', 'account is frozen');
          const value = parsePositiveAmount(assetOf(asset), amount);
          return posted(state, transfer(id, TxKind.LOCK, asset, 'available', 'locked', value));
        }),
      unlock: (state, { holdId }) =>
        guarded(() => {
          const tx = `unlock:${holdId}`;
          if (state.txIds.has(tx)) return reply<LedgerReply>({ ok: true, txId: tx });
          const hold = heldFor(state, holdId);
          return posted(state, transfer(tx, TxKind.UNLOCK, hold.asset, 'locked', 'available', hold.amount));
        }),
      debit: (state, { holdId, chain }) =>
        guarded(() => {
          const tx = `withdrawal:${holdId}`;
          if (state.txIds.has(tx)) return reply<LedgerReply>({ ok: true, txId: tx });
          const hold = heldFor(state, holdId);
          return posted(
            state,
            transfer(
              tx,
              TxKind.WITHDRAWAL,
              hold.asset,
              'locked',
              sys(SystemAccount.custody(chain)),
              hold.amount,
            ),
          );
        }),
      adjust: (state, { txId: id, asset, amount }) =>
        guarded(() => {
          const a = assetOf(asset);
          const negative = amount.startsWith('-');
          const value = parsePositiveAmount(a, negative ? amount.slice(1) : amount);
          const [from, to] = negative
            ? (['available', sys(SystemAccount.ADJUSTMENTS)] as const)
            : ([sys(SystemAccount.ADJUSTMENTS), 'available'] as const);
          return posted(state, transfer(id, TxKind.ADJUSTMENT, asset, from, to, value));
        }),
      setFrozen: (state, { frozen }) =>
        decided(state, [{ type: 'frozen', frozen }], { ok: true as const, frozen }),
      setKyc: (state, kyc) => decided(state, [{ type: 'kyc', kyc }], { ok: true as const }),
      setCustomRates: (state, { rates }) => {
        try {
          if (rates) checkFeeRates(rates);
        } catch (error) {
          if (!(error instanceof InvalidFeeRatesError)) throw error;
          return reply<Failure>({ ok: false, code: 'INVALID_FEE_RATES', message: error.message });
        }
        return decided(state, [{ type: 'customRates', rates }], { ok: true as const });
      },
      setOwnLimits: (state, { limits: own }) => {
        if (own && !(NOTIONAL_TEXT.test(own.maxNotional) && Number.isSafeInteger(own.maxOpenOrders))) {
          return reply<Failure>({
            ok: false,
            code: 'INVALID_AMOUNT',
            message: 'maxNotional is a decimal amount like 50000; maxOpenOrders a whole number',
          });
        }
        if (own && !withinExchangeLimits(own, limits)) {
          return reply<Failure>({
            ok: false,
            code: 'LIMIT_ABOVE_EXCHANGE',
            message: `limits can only be lowered: at most ${limits.maxNotional} per order and ${limits.maxOpenOrders} open orders`,
          });
        }
        const event: AccountEvent = { type: 'ownLimits', limits: own };
        applyEvent(state, event);
        return persist<AccountEvent, { ok: true; limits: EffectiveLimits }>([event], {
          ok: true,
          limits: effectiveLimits(state, limits),
        });
      },
      limits: (state) => reply(effectiveLimits(state, limits)),
      balances: (state) => reply(balanceViews(state)),
      orders: (state, { open }) => reply(open ? [...state.orders.values()] : [...state.closed].reverse()),
      order: (state, { orderId: id, clientOrderId }) => {
        const all = [...state.orders.values(), ...state.closed];
        return reply(
          all.find(
            (o) => o.id === id || (clientOrderId !== undefined && o.clientOrderId === clientOrderId),
          ) ?? null,
        );
      },
      summary: (state, _payload, ctx) => reply(summaryOf(state, ctx.clock.now())),
      profile: (state) =>
        reply<AccountProfile>({ account: state.account, frozen: state.frozen, kyc: state.kyc }),
      reconcile: (state) =>
        reply<Reconciliation>({
          balances: [...state.ledger.balances].map(([asset, b]) => [asset, b.available, b.locked] as const),
          system: [...state.ledger.system],
          held: [...state.heldByOrders()],
        }),
    },
    apply: applyEvent,
    snapshot: { encode: encodeState, decode: decodeState },
    summarize: (state) => summaryOf(state, Date.now()),
  });
}

function isSpecList(markets: AccountOptions['markets']): markets is readonly MarketSpec[] {
  return Array.isArray(markets);
}

/** Quote amounts as limits give them ("50000", "0.5"): up to 15 digits and 8 decimals. */
const NOTIONAL_TEXT = /^\d{1,15}(\.\d{1,8})?$/;

/** A NOTIONAL_TEXT decimal as an integer of 10^-8 units, for exact comparison. */
function notionalUnits(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100_000_000n + BigInt(fraction.padEnd(8, '0'));
}

function withinExchangeLimits(own: OwnLimits, exchange: RiskLimits): boolean {
  const notional = notionalUnits(own.maxNotional);
  return (
    notional > 0n &&
    notional <= notionalUnits(exchange.maxNotional) &&
    own.maxOpenOrders >= 1 &&
    own.maxOpenOrders <= exchange.maxOpenOrders
  );
}

function effectiveLimits(state: AccountState, exchange: RiskLimits): EffectiveLimits {
  return {
    maxNotional: state.ownLimits?.maxNotional ?? exchange.maxNotional,
    maxOpenOrders: state.ownLimits?.maxOpenOrders ?? exchange.maxOpenOrders,
    exchangeMaxNotional: exchange.maxNotional,
    exchangeMaxOpenOrders: exchange.maxOpenOrders,
  };
}

function liveOrder(state: AccountState, id: number): AccountOrder {
  const order = state.order(id);
  if (!order) throw new AccountError('UNKNOWN_ORDER', `no open order ${id}`);
  if (isTerminal(order.status)) throw new AccountError('ORDER_NOT_OPEN', `order ${id} is ${order.status}`);
  return order;
}

function heldFor(state: AccountState, holdId: string): { asset: string; amount: bigint } {
  const hold = state.holds.get(holdId);
  if (!hold) throw new AccountError('UNKNOWN_HOLD', `no hold ${holdId}`);
  return hold;
}

function balanceViews(state: AccountState): BalanceView[] {
  return [...state.ledger.balances]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([asset, b]) => ({
      asset,
      available: formatAmount(assetOf(asset), b.available),
      locked: formatAmount(assetOf(asset), b.locked),
    }));
}

function summaryOf(state: AccountState, now: number): AccountSummary {
  const { tier, rates } = currentFees(state, now);
  return {
    account: state.account,
    frozen: state.frozen,
    openOrders: state.orders.size,
    balances: balanceViews(state),
    tier,
    rates,
  };
}
