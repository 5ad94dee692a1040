import { createBook, demoMarkets, marketBehavior, MarketRegistry, toBookConfig } from '../../market/index.ts';
import type { MarketSpec } from '../../market/index.ts';
import { ActorSystem } from '../../runtime/index.ts';
import type { Clock } from '../../runtime/index.ts';
import { MemoryJournal } from '../../store/index.ts';
import type { AuditLog, Journal } from '../../store/index.ts';
import { accountBehavior } from '../account-actor.ts';
import type { AccountOptions } from '../account-actor.ts';
import { OrderPath } from '../order-path.ts';
import type { Ask, SettlerOptions } from '../settlement.ts';

/** A whole exchange in one process (markets, accounts, settlement) for tests and benchmarks. */
export interface TestExchange {
  readonly system: ActorSystem;
  readonly journal: Journal;
  readonly path: OrderPath;
  readonly ask: Ask;
  /** The markets the accounts trade; it grows as a node's shard hosts' do (`addMarket`). */
  readonly markets: MarketRegistry;
  /**
   * A market created while the exchange runs, as a node wires it: the accounts learn it, its book
   * opens, settlement takes it up. False, changing nothing, when the symbol is known.
   */
  addMarket(spec: MarketSpec): Promise<boolean>;
  /** Deposits `amount` of `asset` into an account (idempotent by txId). */
  deposit(account: number, asset: string, amount: string, txId?: string): Promise<void>;
  stop(): Promise<void>;
}

let deposits = 0;

export async function startExchange(
  options: {
    markets?: readonly MarketSpec[];
    journal?: Journal;
    clock?: Clock;
    account?: Omit<AccountOptions, 'markets'>;
    snapshotEvery?: number;
    /** Where admin commands are recorded (default: in memory). */
    audit?: AuditLog;
    /** Journal batches written at once (a database pool runs several). */
    maxInFlightBatches?: number;
    /** Every settled round, in seq order (market data). */
    onSettled?: SettlerOptions['onSettled'];
    /** Each account's orders a settled round changed (per-account streams). */
    onAccountOrders?: SettlerOptions['onAccountOrders'];
  } = {},
): Promise<TestExchange> {
  const markets = options.markets ?? demoMarkets;
  const journal = options.journal ?? new MemoryJournal();
  const system = new ActorSystem({
    journal,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.audit ? { audit: options.audit } : {}),
    ...(options.maxInFlightBatches ? { maxInFlightBatches: options.maxInFlightBatches } : {}),
  });
  system.register(
    marketBehavior(createBook, { settlement: true, snapshotEvery: options.snapshotEvery ?? 10_000 }),
  );
  const registry = new MarketRegistry(markets);
  system.register(accountBehavior({ markets: registry.specs, ...options.account }));
  const ask: Ask = (address, type, payload, opts) => system.ask(address, type, payload, opts);
  const open = async (spec: MarketSpec) => {
    const opened = await system.ask(`market/${spec.symbol}`, 'open', toBookConfig(spec));
    if (!(opened as { ok: boolean }).ok) throw new Error(`cannot open ${spec.symbol}`);
  };
  for (const spec of markets) await open(spec);
  const path = new OrderPath(ask, markets, {
    retryMs: 20,
    ...(options.onSettled ? { onSettled: options.onSettled } : {}),
    ...(options.onAccountOrders ? { onAccountOrders: options.onAccountOrders } : {}),
  });
  await path.start();
  return {
    system,
    journal,
    path,
    ask,
    markets: registry,
    async addMarket(spec) {
      if (!registry.add(spec)) return false;
      await open(spec);
      await path.addMarket(spec);
      return true;
    },
    async deposit(account, asset, amount, txId = `dep-${++deposits}`) {
      const result = (await ask(`account/${account}`, 'credit', { txId, asset, amount, chain: 'base' })) as {
        ok: boolean;
        code?: string;
      };
      if (!result.ok) throw new Error(`deposit refused: ${result.code}`);
    },
    async stop() {
      path.stop();
      await system.stop();
    },
  };
}
