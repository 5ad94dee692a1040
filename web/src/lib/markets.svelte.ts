import { gql, subscribe } from './api/client.ts';
import { describeError } from './api/errors.ts';
import { MARKETS, TICKER_SUB } from './api/queries.ts';
import type { Market, MarketStatus, Ticker } from './types.ts';

/**
 * The markets and their live tickers, shared by the terminal's views. `start()` loads the list,
 * subscribes to every ticker and re-reads the list (for the status) every 15 s; it returns a
 * stop. `refresh()` re-reads at once (after a MARKET_HALTED refusal).
 */
class Markets {
  list = $state<Market[]>([]);
  tickers = $state<Record<string, Ticker>>({});
  loading = $state(true);
  error = $state<string | null>(null);

  #users = 0;
  #stops: (() => void)[] = [];
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
    for (const m of this.list) {
      this.#stops.push(
        subscribe<{ ticker: Ticker }>(TICKER_SUB, { symbol: m.symbol }, ({ ticker }) => {
          this.tickers[ticker.symbol] = ticker;
        }),
      );
    }
    this.#timer = setInterval(() => void this.refresh(), 15_000);
  }

  #end(): void {
    for (const stop of this.#stops.splice(0)) stop();
    clearInterval(this.#timer);
  }
}

export const markets = new Markets();
