import { marketUnits } from '../account/index.ts';
import type { AccountOrder, Ask, OrderPath, Reconciliation } from '../account/index.ts';
import { lotsToSize, ticksToPrice } from '../market/index.ts';
import type { MarketSpec } from '../market/index.ts';
import { checkPmmConfig, quotes } from './pmm.ts';
import type { PmmConfig, Quote } from './pmm.ts';

/** Where the maker's reference mid comes from (an external price, or the demo's random walk). */
export type MidSource = () => number;

export interface MarketMakerOptions {
  readonly spec: MarketSpec;
  /** The maker's own funded account; it trades through the same order path as users. */
  readonly account: number;
  readonly config: PmmConfig;
  readonly mid: MidSource;
  readonly refreshMs: number;
  readonly onError?: (error: unknown) => void;
}

export interface MarketMakerStatus {
  readonly market: string;
  readonly account: number;
  readonly running: boolean;
  readonly refreshes: number;
  readonly lastMid: number | null;
  readonly inventory: number | null;
  readonly openQuotes: number;
  readonly config: PmmConfig;
}

/**
 * Runs the PMM strategy on one market: every `refreshMs` it reads its inventory, cancels its
 * quotes and places the new ones (post-only, so it never takes). `stop()` is the kill switch: no
 * more quotes, and every open one cancelled before it resolves.
 */
export class MarketMaker {
  #config: PmmConfig;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #cycle: Promise<void> = Promise.resolve();
  #refreshes = 0;
  #lastMid: number | null = null;
  #inventory: number | null = null;
  #open: number[] = [];
  #ids = 0;
  readonly #lotMinor: bigint;

  constructor(
    private readonly path: OrderPath,
    private readonly ask: Ask,
    private readonly options: MarketMakerOptions,
  ) {
    checkPmmConfig(options.config);
    this.#config = options.config;
    this.#lotMinor = marketUnits(options.spec).lotMinor;
  }

  get status(): MarketMakerStatus {
    return {
      market: this.options.spec.symbol,
      account: this.options.account,
      running: this.#running,
      refreshes: this.#refreshes,
      lastMid: this.#lastMid,
      inventory: this.#inventory,
      openQuotes: this.#open.length,
      config: this.#config,
    };
  }

  /** New spread, sizes or limits; taken at the next refresh. */
  configure(change: Partial<PmmConfig>): void {
    const next = { ...this.#config, ...change };
    checkPmmConfig(next);
    this.#config = next;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    const tick = () => {
      this.#cycle = this.#cycle
        .then(() => this.refresh())
        .catch((error: unknown) => this.options.onError?.(error));
      this.#timer = setTimeout(tick, this.options.refreshMs);
    };
    tick();
  }

  /** Kill switch: stops quoting and cancels every open quote. */
  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#cycle;
    await this.path.cancelAll(this.options.account);
    this.#open = [];
  }

  /** Runs one refresh now, after any in progress (tests step the maker with it). */
  step(): Promise<void> {
    this.#cycle = this.#cycle.then(() => this.refresh());
    return this.#cycle;
  }

  /** One cycle: inventory, cancel, quote. */
  private async refresh(): Promise<void> {
    if (!this.#running) return;
    const { account } = this.options;
    this.#inventory = await this.inventory();
    await this.path.cancelAll(account);
    this.#open = [];
    const mid = this.options.mid();
    this.#lastMid = mid;
    for (const quote of quotes(this.#config, mid, this.#inventory)) {
      if (!this.#running) return;
      const order = await this.place(quote);
      if (order && (order.status === 'New' || order.status === 'PartiallyFilled')) this.#open.push(order.id);
    }
    this.#refreshes++;
  }

  async inventory(): Promise<number> {
    const { spec, account } = this.options;
    const ledger = (await this.ask(`account/${account}`, 'reconcile', {})) as Reconciliation;
    const base = ledger.balances.find(([asset]) => asset === spec.base);
    if (!base) return 0;
    // Whole lots: what is left over is less than a lot.
    return Number((base[1] + base[2]) / this.#lotMinor);
  }

  private async place(quote: Quote): Promise<AccountOrder | undefined> {
    const { spec, account } = this.options;
    const result = await this.path.placeOrder(account, {
      clientOrderId: `mm-${spec.symbol}-${Date.now().toString(36)}-${++this.#ids}`,
      market: spec.symbol,
      side: quote.side,
      type: 'LIMIT',
      price: ticksToPrice(spec, quote.price),
      size: lotsToSize(spec, quote.size),
      postOnly: true,
    });
    return result.ok ? result.order : undefined;
  }
}
