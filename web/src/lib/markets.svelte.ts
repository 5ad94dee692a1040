import { gql, subscribe } from './api/client.ts';
import { describeError } from './api/errors.ts';
import { MARKETS, TICKER_SUB } from './api/queries.ts';
import type { Market, MarketStatus, Ticker } from './types.ts';

/**
 * The markets and their live tickers, shared by the terminal's views. `start()` loads the list,
 * subscribes to every ticker and re-reads the list (for the status, and markets an admin created
 * meanwhile, whose tickers it then follows too) every 15 s; it returns a stop. `refresh()` re-reads
 * at once (after a MARKET_HALTED refusal).
 */
class Markets {
  list = $state<Market[]>([]);
  tickers = $state<Record<string, Ticker>>({});
  loading = $state(true);
  error = $state<string | null>(null);

  #users = 0;
  #stops: (() => void)[] = [];
  /** Symbols whose ticker is followed while the list is started. */
  readonly #following = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;

  get(symbol: string): Market | undefined {
    return this.list.find((m) => m.symbol === symbol);
  }

  status(symbol: string): MarketStatus | undefined {
    return this.get(symbol)?.status;
  }

  async refresh(): Promise<void> {
    try {
      const { markets } = await gql<{ markets: Market[] }>(MARKETS);
      this.list = markets;
      for (const m of markets) if (!this.tickers[m.symbol]) this.tickers[m.symbol] = m.ticker;
      if (this.#users > 0) this.#follow();
      this.error = null;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loading = false;
    }
  }

  start(): () => void {
    this.#users += 1;
    if (this.#users === 1) void this.#begin();
    return () => {
      this.#users -= 1;
      if (this.#users === 0) this.#end();
    };
  }

  async #begin(): Promise<void> {
    await this.refresh();
    if (this.#users === 0) return;
    this.#timer = setInterval(() => void this.refresh(), 15_000);
  }

  /** Subscribes to the ticker of every listed market not followed yet. */
  #follow(): void {
    for (const m of this.list) {
      if (this.#following.has(m.symbol)) continue;
      this.#following.add(m.symbol);
      this.#stops.push(
        subscribe<{ ticker: Ticker }>(TICKER_SUB, { symbol: m.symbol }, ({ ticker }) => {
          this.tickers[ticker.symbol] = ticker;
        }),
      );
    }
  }

  #end(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#following.clear();
    clearInterval(this.#timer);
  }
}

export const markets = new Markets();
