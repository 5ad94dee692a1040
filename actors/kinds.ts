import { accountBehavior, kycGate, ledgerProjection, marketUnits } from './account/index.ts';
import { loadConfig } from './config.ts';
import { register as registerExamples } from './example/index.ts';
import {
  allMarkets,
  checkSpec,
  createBook,
  createdMarketsFromEnv,
  marketBehavior,
  MarketRegistry,
} from './market/index.ts';
import type { MarketSpec } from './market/index.ts';
import type { ActorSystem } from './runtime/index.ts';

/** Read models written with the journal, in the same transaction: the ledger and orders. */
export const projections = [ledgerProjection];

/**
 * The markets this shard host's accounts trade. It starts from the demo set and the created
 * markets the node put in the environment it forked (or respawned) this host with, and grows by
 * `hostCalls.addMarket` when an admin creates a market while the node runs.
 */
let markets: MarketRegistry | undefined;

/**
 * The actor kinds every shard host of a node runs. comedy loads this module in each forked host
 * (`ShardHostParams.kindsModule`).
 */
export function register(system: ActorSystem): void {
  registerExamples(system);
  // Books are hot and large: never passivated. Their outbox feeds settlement.
  system.register(marketBehavior(createBook, { settlement: true }));
  // Most accounts are idle most of the time: unload them, the journal brings them back.
  // Hosts are forked with the node's environment: the same validated configuration.
  const config = loadConfig();
  markets = new MarketRegistry(allMarkets(createdMarketsFromEnv()));
  const accounts = accountBehavior({
    markets: markets.specs,
    limits: {
      rateLimit: { burst: config.orders.burst, perSecond: config.orders.perSecond },
      maxNotional: config.orders.maxNotional,
    },
    kycGate: kycGate(config.kyc),
  });
  system.register(accounts, { passivateAfterMs: 10 * 60_000 });
}

/**
 * Calls the node makes on every shard host (`ShardHosts.broadcast`), over the fork's IPC channel:
 * only the node can reach them.
 */
export const hostCalls = {
  /**
   * A market an admin created: from now on this host's accounts take orders and settlement for
   * it. Idempotent (a known symbol changes nothing); answers whether it was new.
   */
  addMarket(spec: unknown): boolean {
    if (!markets) throw new Error('shard host not initialised');
    const checked = spec as MarketSpec;
    checkSpec(checked);
    // Steps must be whole ledger units, as the node checked: refuse rather than fail at settlement.
    marketUnits(checked);
    return markets.add(checked);
  },
};
