import { z } from 'zod';
import { defineActor, persist, reply } from '../runtime/index.ts';
import type { Behavior } from '../runtime/index.ts';
import type {
  BookCommand,
  BookConfig,
  BookEvent,
  BookSnapshot,
  Depth,
  MarketStatus as MarketStatusType,
  OrderBook,
  RestingOrder,
  WaitingStop,
} from './types.ts';
import { MarketStatus, OrderType, StpMode } from './types.ts';

/**
 * MarketActor: one order book per market (`market/BTC-USDT`) inside the actor runtime.
 *
 * It journals **commands** (exchange-core's model): the book is deterministic, so replaying the
 * commands rebuilds it exactly, and a snapshot of the book plus the commands after it does the
 * same faster. The handler runs the command on the live book (`appliesInHandler`: a book with a
 * million orders is not copied per command); the reply, with the book's events, goes out only once
 * the command is journaled, and a failed journal write restarts the actor from the journal.
 *
 * Every order command is journaled, refused ones too: a `Rejected` event takes a sequence number.
 */

export type BookFactory = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

/** Both absent until the market is opened. */
export interface MarketState {
  readonly book: OrderBook | null;
  readonly config: BookConfig | null;
  /**
   * Settlement outbox: each command's events (never empty), oldest first, until settlement acks
   * them. Kept in snapshots and refilled by replay, so after a crash it still holds every event
   * settlement had not confirmed (redelivery is safe: accounts dedupe by seq). Absent when the
   * market runs without settlement.
   */
  readonly outbox: CommandEvents[] | null;
}

/** One command's events and when the market ran it (the trade time market data records). */
export interface CommandEvents {
  /** Clock time of the command, epoch ms: journaled with it, so replay gives the same time. */
  readonly at: number;
  readonly events: BookEvent[];
}

export type MarketEvent =
  | { readonly type: 'opened'; readonly config: BookConfig }
  | { readonly type: 'command'; readonly command: BookCommand; readonly at: number }
  /** An admin changed the book's risk limits (the whole new configuration). */
  | { readonly type: 'limits'; readonly config: BookConfig };

/** The risk limits of a book an admin may change (`setLimits`): sizes in lots, notional in tick-lots. */
export type MarketLimits = Pick<BookConfig, 'minSize' | 'maxSize' | 'minNotional' | 'priceBandBps'>;

export type LimitsReply =
  | { readonly ok: true; readonly config: BookConfig }
  | { readonly ok: false; readonly code: 'UNKNOWN_MARKET' | 'INVALID_LIMITS'; readonly message: string };

export type CommandReply =
  | { readonly ok: true; readonly events: BookEvent[]; readonly at: number }
  | { readonly ok: false; readonly code: 'UNKNOWN_MARKET' };

export type OpenReply =
  { readonly ok: true } | { readonly ok: false; readonly code: 'MARKET_EXISTS' | 'SYMBOL_MISMATCH' };

export interface MarketSummary {
  readonly symbol: string;
  readonly status: MarketStatusType;
  readonly seq: number;
  readonly lastPrice: number | null;
  readonly bestBid: number | null;
  readonly bestAsk: number | null;
  readonly bids: number;
  readonly asks: number;
  readonly stops: number;
  /** Commands whose events settlement has not acked yet (null: no settlement). */
  readonly unsettled: number | null;
}

type WithoutType<T> = Omit<T, 'type'>;

export type MarketProtocol = {
  open: { payload: BookConfig; reply: OpenReply };
  place: { payload: WithoutType<Extract<BookCommand, { type: 'place' }>>; reply: CommandReply };
  cancel: { payload: WithoutType<Extract<BookCommand, { type: 'cancel' }>>; reply: CommandReply };
  amend: { payload: WithoutType<Extract<BookCommand, { type: 'amend' }>>; reply: CommandReply };
  cancelAll: { payload: WithoutType<Extract<BookCommand, { type: 'cancelAll' }>>; reply: CommandReply };
  /** Admin: halt, resume (OPEN), cancel-only, post-only. */
  setStatus: { payload: WithoutType<Extract<BookCommand, { type: 'setStatus' }>>; reply: CommandReply };
  /**
   * Admin: new risk limits (any of min/max size, min notional, price band), journaled; resting
   * orders stay, the limits apply to the orders and amendments that come after.
   */
  setLimits: { payload: Partial<MarketLimits>; reply: LimitsReply };
  /** The book's configuration as it is now (null before `open`). */
  config: { payload: Record<string, never>; reply: BookConfig | null };
  depth: { payload: { levels: number }; reply: Depth | null };
  orders: { payload: { side: 'BUY' | 'SELL' }; reply: RestingOrder[] };
  stops: { payload: Record<string, never>; reply: WaitingStop[] };
  summary: { payload: Record<string, never>; reply: MarketSummary | null };
  /** Digest of the whole book: equal books, equal hashes (replicas and recovery checks). */
  hash: { payload: Record<string, never>; reply: string | null };
  /** L3 at one seq, atomically: what a market data view starts from. */
  book: {
    payload: Record<string, never>;
    reply: { seq: number; orders: RestingOrder[]; stops: WaitingStop[] } | null;
  };
  /** Settlement: the outbox's commands with events after `after` (at most `limit` commands). */
  events: { payload: { after: number; limit: number }; reply: CommandEvents[] };
  /** Settlement confirmed every event up to `through`: drop them from the outbox. */
  ack: { payload: { through: number }; reply: number };
};

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positive = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const side = z.enum(['BUY', 'SELL']);

const configSchema = z
  .object({
    symbol: z.string().regex(/^[A-Z0-9]{1,12}-[A-Z0-9]{1,12}$/, 'like BTC-USDT'),
    minSize: positive,
    maxSize: positive,
    minNotional: count,
    priceBandBps: z.number().int().min(0).max(10_000),
    referencePrice: positive.optional(),
  })
  .strict()
  .refine((c) => c.minSize <= c.maxSize, { message: 'minSize must not exceed maxSize', path: ['minSize'] });

const placeSchema = z
  .object({
    orderId: id,
    account: count,
    stpGroup: count.optional(),
    side,
    orderType: z.enum(Object.values(OrderType) as [OrderType, ...OrderType[]]),
    price: positive.optional(),
    size: positive.optional(),
    quote: positive.optional(),
    stopPrice: positive.optional(),
    postOnly: z.boolean().optional(),
    stp: z.enum(Object.values(StpMode) as [StpMode, ...StpMode[]]).optional(),
  })
  .strict();

const empty = z.object({}).strict();

const limitsSchema = z
  .object({
    minSize: positive,
    maxSize: positive,
    minNotional: count,
    priceBandBps: z.number().int().min(0).max(10_000),
  })
  .partial()
  .strict()
  .refine((l) => Object.keys(l).length > 0, { message: 'give at least one limit' });

/** The book rebuilt with a new configuration: the same orders, stops, seq and status. */
function withConfig(createBook: BookFactory, book: OrderBook, config: BookConfig): OrderBook {
  return createBook(config, book.snapshot());
}

/** Business refusals the market itself answers (the book answers the rest with `Rejected`). */
const UNKNOWN_MARKET: CommandReply = { ok: false, code: 'UNKNOWN_MARKET' };

function run(state: MarketState, command: BookCommand, at: number) {
  if (!state.book) return reply(UNKNOWN_MARKET);
  const events = state.book.process(command);
  if (events.length > 0) state.outbox?.push({ at, events });
  return persist<MarketEvent, CommandReply>([{ type: 'command', command, at }], { ok: true, events, at });
}

function lastSeq({ events }: CommandEvents): number {
  return events[events.length - 1]!.seq;
}

/** Commands after `after`; binary search, the outbox is in seq order. */
function outboxAfter(outbox: readonly CommandEvents[], after: number, limit: number): CommandEvents[] {
  let lo = 0;
  let hi = outbox.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lastSeq(outbox[mid]!) <= after) lo = mid + 1;
    else hi = mid;
  }
  return outbox.slice(lo, lo + limit);
}

/**
 * The MarketActor behaviour over a book implementation (the fast book in production).
 * `snapshotEvery`: commands between book snapshots (default 10,000). `settlement`: keep the
 * outbox that settlement reads and acks (off for a book nobody settles, or it would only grow).
 */
export function marketBehavior(
  createBook: BookFactory,
  options: { snapshotEvery?: number; settlement?: boolean } = {},
): Behavior<MarketState, MarketProtocol, MarketEvent> {
  const newOutbox = (): CommandEvents[] | null => (options.settlement ? [] : null);
  return defineActor<MarketState, MarketProtocol, MarketEvent>({
    kind: 'market',
    appliesInHandler: true,
    // One book takes every order of its market: it journals many commands per database write.
    pipelined: true,
    // Opening a market and changing its status are for admins (audited), never from `deliver`.
    adminMessages: ['open', 'setStatus', 'setLimits'],
    // Orders reach a book only through the order path (account checks and holds first), and
    // only settlement reads and acks the outbox.
    internalMessages: ['place', 'cancel', 'amend', 'cancelAll', 'events', 'ack'],
    snapshotEvery: options.snapshotEvery ?? 10_000,
    initialState: () => ({ book: null, config: null, outbox: newOutbox() }),
    schemas: {
      open: configSchema,
      place: placeSchema,
      cancel: z.object({ orderId: id, account: count }).strict(),
      amend: z
        .object({ orderId: id, account: count, price: positive.optional(), size: positive.optional() })
        .strict(),
      cancelAll: z.object({ account: count }).strict(),
      setStatus: z
        .object({ status: z.enum(Object.values(MarketStatus) as [MarketStatusType, ...MarketStatusType[]]) })
        .strict(),
      setLimits: limitsSchema,
      config: empty,
      depth: z.object({ levels: z.number().int().min(1).max(1_000) }).strict(),
      orders: z.object({ side }).strict(),
      stops: empty,
      summary: empty,
      hash: empty,
      events: z
        .object({ after: z.number().int().nonnegative(), limit: z.number().int().min(1).max(100_000) })
        .strict(),
      ack: z.object({ through: z.number().int().nonnegative() }).strict(),
      book: empty,
    },
    handlers: {
      open: (state, config, ctx) => {
        if (state.book) return reply<OpenReply>({ ok: false, code: 'MARKET_EXISTS' });
        if (ctx.self !== `market/${config.symbol}`)
          return reply<OpenReply>({ ok: false, code: 'SYMBOL_MISMATCH' });
        Object.assign(state, { book: createBook(config), config, outbox: newOutbox() });
        return persist<MarketEvent, OpenReply>([{ type: 'opened', config }], { ok: true });
      },
      place: (state, payload, ctx) => run(state, { type: 'place', ...payload }, ctx.clock.now()),
      cancel: (state, payload, ctx) => run(state, { type: 'cancel', ...payload }, ctx.clock.now()),
      amend: (state, payload, ctx) => run(state, { type: 'amend', ...payload }, ctx.clock.now()),
      cancelAll: (state, payload, ctx) => run(state, { type: 'cancelAll', ...payload }, ctx.clock.now()),
      setStatus: (state, payload, ctx) => run(state, { type: 'setStatus', ...payload }, ctx.clock.now()),
      setLimits: (state, limits) => {
        if (!state.book || !state.config)
          return reply<LimitsReply>({ ok: false, code: 'UNKNOWN_MARKET', message: 'market not open' });
        const config: BookConfig = { ...state.config, ...limits };
        if (config.minSize > config.maxSize)
          return reply<LimitsReply>({
            ok: false,
            code: 'INVALID_LIMITS',
            message: 'minSize must not exceed maxSize',
          });
        Object.assign(state, { book: withConfig(createBook, state.book, config), config });
        return persist<MarketEvent, LimitsReply>([{ type: 'limits', config }], { ok: true, config });
      },
      config: (state) => reply(state.config),
      depth: (state, { levels }) => reply(state.book ? state.book.depth(levels) : null),
      orders: (state, { side }) => reply(state.book ? state.book.orders(side) : []),
      stops: (state) => reply(state.book ? state.book.stops() : []),
      summary: (state) => reply(summarize(state)),
      hash: (state) => reply(state.book ? state.book.stateHash() : null),
      book: ({ book }) =>
        reply(
          book
            ? { seq: book.seq, orders: [...book.orders('BUY'), ...book.orders('SELL')], stops: book.stops() }
            : null,
        ),
      events: (state, { after, limit }) => reply(state.outbox ? outboxAfter(state.outbox, after, limit) : []),
      ack: (state, { through }) => {
        // Not journaled: after a restart the outbox may hold acked events again, which is safe.
        const outbox = state.outbox;
        if (!outbox) return reply(0);
        let drop = 0;
        while (drop < outbox.length && lastSeq(outbox[drop]!) <= through) drop++;
        outbox.splice(0, drop);
        return reply(outbox.length);
      },
    },
    apply: (state, event) => {
      if (event.type === 'opened')
        return { book: createBook(event.config), config: event.config, outbox: newOutbox() };
      if (event.type === 'limits')
        return { ...state, book: withConfig(createBook, state.book!, event.config), config: event.config };
      const events = state.book!.process(event.command);
      if (events.length > 0) state.outbox?.push({ at: event.at, events });
      return state;
    },
    snapshot: {
      // A copy: the outbox keeps changing after the snapshot is taken and before it is written.
      encode: (state) =>
        state.book ? { book: state.book.snapshot(), outbox: state.outbox ? [...state.outbox] : null } : null,
      decode: (data) => {
        const saved = data as { book: BookSnapshot; outbox: CommandEvents[] | null } | null;
        if (!saved) return { book: null, config: null, outbox: newOutbox() };
        const { book, outbox } = saved;
        return {
          book: createBook(book.config, book),
          config: book.config,
          outbox: options.settlement ? (outbox ?? []) : null,
        };
      },
    },
    summarize,
  });
}

function summarize({ book, config, outbox }: MarketState): MarketSummary | null {
  if (!book || !config) return null;
  return {
    symbol: config.symbol,
    status: book.status,
    seq: book.seq,
    lastPrice: book.lastPrice,
    bestBid: book.bestBid(),
    bestAsk: book.bestAsk(),
    bids: book.orders('BUY').length,
    asks: book.orders('SELL').length,
    stops: book.stops().length,
    unsettled: outbox ? outbox.length : null,
  };
}
