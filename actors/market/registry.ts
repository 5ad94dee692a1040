import { checkSpec } from './market-spec.ts';
import type { MarketSpec } from './market-spec.ts';

/**
 * The markets a process serves, by symbol: a set that only grows while the process runs (an
 * admin's `createMarket` adds to it; nothing is ever removed or replaced, specs are immutable).
 *
 * The node owns one and every consumer reads it live: the gateway (`specOf`, `markets`), the
 * order path (one settler per market), market data. Each shard host keeps its own, read by its
 * AccountActors (`unitsOf`): it starts from the environment the host was forked with
 * (`CREATED_MARKETS_ENV`) and grows by the host call `addMarket` (actors/kinds.ts).
 */
export class MarketRegistry {
  readonly #specs = new Map<string, MarketSpec>();
  readonly #listeners = new Set<(spec: MarketSpec) => void>();

  constructor(specs: readonly MarketSpec[] = []) {
    for (const spec of specs) this.add(spec);
  }

  /** The specs by symbol, live (a market added later shows up in it). */
  get specs(): ReadonlyMap<string, MarketSpec> {
    return this.#specs;
  }

  get(symbol: string): MarketSpec | undefined {
    return this.#specs.get(symbol);
  }

  has(symbol: string): boolean {
    return this.#specs.has(symbol);
  }

  /** In the order they were added (the demo set first, then created markets oldest first). */
  list(): MarketSpec[] {
    return [...this.#specs.values()];
  }

  /**
   * Adds a (checked) spec. False, changing nothing, when the symbol is known already: the first
   * spec of a symbol stays, whatever a later one says.
   */
  add(spec: MarketSpec): boolean {
    checkSpec(spec);
    if (this.#specs.has(spec.symbol)) return false;
    this.#specs.set(spec.symbol, spec);
    for (const listener of this.#listeners) listener(spec);
    return true;
  }

  /** Called with every spec added from now on. Returns an unsubscribe. */
  onAdd(listener: (spec: MarketSpec) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
