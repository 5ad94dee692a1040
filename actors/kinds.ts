import { accountBehavior, kycGate, ledgerProjection } from './account/index.ts';
import { loadConfig } from './config.ts';
import { register as registerExamples } from './example/index.ts';
import { allMarkets, createBook, createdMarketsFromEnv, marketBehavior } from './market/index.ts';
import type { ActorSystem } from './runtime/index.ts';

/** Read models written with the journal, in the same transaction: the ledger and orders. */
export const projections = [ledgerProjection];

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
  const accounts = accountBehavior({
    // The demo markets and those an admin created (the node reads them at start and passes them on).
    markets: allMarkets(createdMarketsFromEnv()),
    limits: {
      rateLimit: { burst: config.orders.burst, perSecond: config.orders.perSecond },
      maxNotional: config.orders.maxNotional,
    },
    kycGate: kycGate(config.kyc),
  });
  system.register(accounts, { passivateAfterMs: 10 * 60_000 });
}
