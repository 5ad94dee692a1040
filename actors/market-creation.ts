import { CREATED_MARKETS_ENV, createdMarketsFromEnv } from './market/index.ts';
import type { MarketCatalog, MarketRegistry, MarketSpec } from './market/index.ts';
import type { ShardHosts } from './runtime/index.ts';

/** A market an admin created, as the catalog recorded it. */
export interface CreatedMarket {
  readonly spec: MarketSpec;
  readonly createdAt: number;
  readonly createdBy: string;
}

/** Markets admins create while the node runs (the gateway's `createMarket`, `adminMarkets`). */
export interface MarketCreation {
  /** Created markets, oldest first. */
  list(): Promise<readonly CreatedMarket[]>;
  /**
   * Records a new market and makes it trade at once. `openBook` opens its book (the gateway runs
   * it through the audited admin path, as the admin). False, changing nothing, when a market of
   * that symbol is served or recorded already.
   */
  create(spec: MarketSpec, createdBy: string, openBook: () => Promise<void>): Promise<boolean>;
}

/**
 * How a market created while the node runs starts trading without a restart. The node is wired
 * per market in several places; each step makes the next one safe:
 *
 * 1. the catalog records it (table `markets`): from the next start on, the node reads it from
 *    there like any market, and a second creation of the symbol is refused here (MARKET_EXISTS);
 * 2. `announce`: whatever keeps its own list of markets outside this process learns it before the
 *    book can trade (the node's shard hosts, whose AccountActors refuse orders and settlement for
 *    a market they do not know);
 * 3. `openBook`;
 * 4. `serve`: settlement (a MarketSettler in the order path) and market data take it up;
 * 5. the registry gets it last: the gateway reads the registry (`specOf`, `markets`), so orders
 *    reach the market only once everything behind it is in place.
 *
 * A failure part-way leaves the market recorded but not served (`live: false` in the admin
 * panel); the node's next start opens and serves it like every recorded market.
 */
export function marketCreation(deps: {
  readonly catalog: MarketCatalog;
  readonly registry: MarketRegistry;
  readonly announce: (spec: MarketSpec) => Promise<void>;
  readonly serve: (spec: MarketSpec) => Promise<void>;
}): MarketCreation {
  return {
    list: () => deps.catalog.list(),
    async create(spec, createdBy, openBook) {
      if (deps.registry.has(spec.symbol)) return false;
      if (!(await deps.catalog.add(spec, createdBy))) return false;
      await deps.announce(spec);
      await openBook();
      await deps.serve(spec);
      deps.registry.add(spec);
      return true;
    },
  };
}

/**
 * The node's `announce`: its shard hosts learn a created market twice over.
 *
 * - A host forked or respawned from now on reads it from its environment (actors/kinds.ts reads
 *   `CREATED_MARKETS_ENV`): comedy forks, and respawns a crashed host, with the node's
 *   `process.env` of that moment, so the market goes there first.
 * - Every running host gets the host call `addMarket` (actors/kinds.ts), which its accounts read
 *   from then on. A host that is down or respawning is called again until it answers (in the
 *   background after `waitMs`): one forked just before the environment changed learns it that way.
 *
 * Resolves with the hosts not reached within `waitMs` (their accounts refuse the market's orders
 * with UNKNOWN_MARKET, and its settlement to them is retried, until they are).
 */
export async function announceToHosts(
  hosts: Pick<ShardHosts, 'broadcast'>,
  spec: MarketSpec,
  { env = process.env, waitMs }: { env?: NodeJS.ProcessEnv; waitMs?: number } = {},
): Promise<{ pending: string[] }> {
  const known = createdMarketsFromEnv(env).filter((m) => m.symbol !== spec.symbol);
  env[CREATED_MARKETS_ENV] = JSON.stringify([...known, spec]);
  const { pending } = await hosts.broadcast('addMarket', spec, waitMs === undefined ? {} : { waitMs });
  return { pending };
}
