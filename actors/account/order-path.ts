import type { CommandEvents, CommandReply, MarketSpec, MarketSummary, PlaceOrder } from '../market/index.ts';
import type { Ask, SettlerOptions } from './settlement.ts';
import { MarketSettler } from './settlement.ts';
import type {
  AccountOrder,
  AmendReply,
  CancelReply,
  Failure,
  FollowUp,
  PlaceOrderRequest,
  PlaceReply,
  PriceReference,
} from './types.ts';

export type OrderResult = { readonly ok: true; readonly order: AccountOrder } | Failure;

/**
 * The order path (architecture §6): AccountActor (checks, hold, PendingNew) -> MarketActor
 * (match, journal) -> settlement of every touched account -> the order as the trader now sees it.
 *
 * Retries are safe end to end: the account dedupes `place` by client order id (message id
 * `place:<clientOrderId>`), the market dedupes by order id (`order:<id>`), settlement by seq. A
 * retried placeOrder whose first attempt died half-way therefore finishes the same order.
 */
export class OrderPath {
  readonly settlers = new Map<string, MarketSettler>();
  /** Last trade price per market (ticks), for bands and market protection. */
  readonly #last = new Map<string, number>();

  readonly #options: Omit<SettlerOptions, 'onFollowUp' | 'onTrade'>;
  #started = false;

  constructor(
    private readonly ask: Ask,
    markets: readonly MarketSpec[],
    options: Omit<SettlerOptions, 'onFollowUp' | 'onTrade'> = {},
  ) {
    this.#options = options;
    for (const spec of markets) this.#settlerFor(spec);
  }

  /** Settles what the markets' outboxes still hold (call once at start-up). */
  async start(): Promise<void> {
    this.#started = true;
    await Promise.all([...this.settlers.values()].map((settler) => settler.catchUp()));
  }

  /**
   * A market created while the node runs (its book open): from now on its events are settled.
   * Once started, settles at once whatever its outbox holds already. False, changing nothing, when
   * the market has a settler already.
   */
  async addMarket(spec: MarketSpec): Promise<boolean> {
    if (this.settlers.has(spec.symbol)) return false;
    const settler = this.#settlerFor(spec);
    if (this.#started) await settler.catchUp();
    return true;
  }

  #settlerFor(spec: MarketSpec): MarketSettler {
    const settler = new MarketSettler(spec.symbol, this.ask, {
      ...this.#options,
      onTrade: (market, price) => this.#last.set(market, price),
      onFollowUp: (followUp) => void this.#followUp(followUp),
    });
    this.settlers.set(spec.symbol, settler);
    return settler;
  }

  /** Resolves once every event each market has produced so far is settled. */
  async settledAll(): Promise<void> {
    for (const [symbol, settler] of this.settlers) {
      const summary = (await this.ask(`market/${symbol}`, 'summary', {})) as MarketSummary | null;
      if (summary) await settler.settled(summary.seq);
    }
  }

  stop(): void {
    for (const settler of this.settlers.values()) settler.stop();
  }

  prices(market: string): PriceReference {
    const last = this.#last.get(market);
    return last === undefined ? {} : { last };
  }

  async placeOrder(account: number, request: PlaceOrderRequest): Promise<OrderResult> {
    const placed = (await this.ask(
      `account/${account}`,
      'place',
      { request, prices: this.prices(request.market) },
      { id: `place:${request.clientOrderId}` },
    )) as PlaceReply;
    if (!placed.ok) return placed;
    const { orderId, ...command } = placed.command;
    const { type: _type, ...payload } = command;
    const result = (await this.ask(
      `market/${placed.market}`,
      'place',
      { orderId, ...payload },
      { id: `order:${orderId}` },
    )) as CommandReply;
    if (!result.ok) {
      const order = (await this.ask(`account/${account}`, 'abandon', {
        orderId,
        reason: result.code,
      })) as AccountOrder;
      return { ok: true, order };
    }
    return { ok: true, order: await this.#settledOrder(account, placed.market, result, orderId) };
  }

  /** Cancels one live order; the order as it ends up (Cancelled, or Filled if it traded first). */
  async cancelOrder(account: number, orderId: number): Promise<OrderResult> {
    const found = (await this.ask(`account/${account}`, 'cancel', { orderId })) as CancelReply;
    if (!found.ok) return found;
    const result = (await this.ask(`market/${found.market}`, 'cancel', { orderId, account })) as CommandReply;
    if (!result.ok) return { ok: true, order: await this.#order(account, orderId) };
    return { ok: true, order: await this.#settledOrder(account, found.market, result, orderId) };
  }

  async amendOrder(
    account: number,
    orderId: number,
    change: { price?: string; size?: string },
  ): Promise<OrderResult> {
    const market = ((await this.ask(`account/${account}`, 'order', { orderId })) as AccountOrder | null)
      ?.market;
    const amended = (await this.ask(`account/${account}`, 'amend', {
      orderId,
      ...change,
      prices: market ? this.prices(market) : {},
    })) as AmendReply;
    if (!amended.ok) return amended;
    const result = (await this.ask(`market/${amended.market}`, 'amend', amended.command)) as CommandReply;
    if (!result.ok) return { ok: true, order: await this.#order(account, orderId) };
    return { ok: true, order: await this.#settledOrder(account, amended.market, result, orderId) };
  }

  /**
   * Sends again every order of the account still PendingNew after `olderThanMs` (the node died
   * between the account's hold and the book). Safe whatever happened before: the book dedupes by
   * message id `order:<id>` (an order it already took gets its first reply back), settlement by
   * seq; an order of a market that is not open is rejected and its hold released. Returns how
   * many it sent.
   */
  async resumePending(account: number, olderThanMs: number): Promise<number> {
    const pending = (await this.ask(`account/${account}`, 'pending', { olderThanMs })) as {
      market: string;
      command: PlaceOrder;
    }[];
    for (const { market, command } of pending) {
      const { type: _type, ...payload } = command;
      const result = (await this.ask(`market/${market}`, 'place', payload, {
        id: `order:${command.orderId}`,
      })) as CommandReply;
      if (result.ok) await this.#settle(market, result);
      else await this.ask(`account/${account}`, 'abandon', { orderId: command.orderId, reason: result.code });
    }
    return pending.length;
  }

  /** The account kill switch: cancels every live order in every market. Returns how many. */
  async cancelAll(account: number): Promise<number> {
    const markets = (await this.ask(`account/${account}`, 'openMarkets', {})) as string[];
    let cancelled = 0;
    for (const market of markets) {
      const result = (await this.ask(`market/${market}`, 'cancelAll', { account })) as CommandReply;
      if (!result.ok) continue;
      cancelled += result.events.filter((e) => e.type === 'Cancelled').length;
      await this.#settle(market, result);
    }
    return cancelled;
  }

  async #settle(market: string, { events, at }: CommandEvents): Promise<void> {
    const settler = this.settlers.get(market);
    if (!settler || events.length === 0) return;
    settler.push({ events, at });
    await settler.settled(events[events.length - 1]!.seq);
  }

  /** Settles a command's events and returns the order as settlement left it. */
  async #settledOrder(
    account: number,
    market: string,
    { events, at }: CommandEvents,
    orderId: number,
  ): Promise<AccountOrder> {
    const settler = this.settlers.get(market);
    if (!settler || events.length === 0) return this.#order(account, orderId);
    settler.push({ events, at });
    return (
      (await settler.settledOrder(events[events.length - 1]!.seq, orderId)) ?? this.#order(account, orderId)
    );
  }

  async #order(account: number, orderId: number): Promise<AccountOrder> {
    return (await this.ask(`account/${account}`, 'order', { orderId })) as AccountOrder;
  }

  /** A protected stop-market buy triggered: cancel what rests of it. */
  async #followUp({ market, cancel }: FollowUp): Promise<void> {
    const result = (await this.ask(`market/${market}`, 'cancel', cancel).catch(() => undefined)) as
      CommandReply | undefined;
    if (result?.ok) this.settlers.get(market)?.push(result);
  }
}
