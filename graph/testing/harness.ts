import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountEventPublisher, ledgerProjection, LedgerReadModel } from '../../actors/account/index.ts';
import { startExchange } from '../../actors/account/testing/exchange.ts';
import type { TestExchange } from '../../actors/account/testing/exchange.ts';
import { marketCreation } from '../../actors/market-creation.ts';
import { demoMarkets, MarketCatalog, MarketRegistry } from '../../actors/market/index.ts';
import { MarketData } from '../../actors/marketdata/index.ts';
import {
  createPgliteDriver,
  MemoryJournal,
  migrate,
  SqlAuditLog,
  SqlJournal,
} from '../../actors/store/index.ts';
import type { SqlDriver } from '../../actors/store/index.ts';
import { InProcessBus } from '../../actors/transport/index.ts';
import {
  jwtSecretFromText,
  MemoryRateLimiter,
  MemorySessionStore,
  ServerKey,
  TEST_SCRYPT_PARAMS,
  UserStore,
} from '../auth/index.ts';
import { GatewayAuth } from '../auth-service.ts';
import type { GatewayAuthOptions } from '../auth-service.ts';
import type { AdminService, Authenticate, MarketMakingService } from '../context.ts';
import { createGateway } from '../server.ts';
import type { Gateway, GatewayOptions } from '../server.ts';

/** A whole exchange, market data on an in-process bus, and the gateway on an ephemeral port. */
export interface TestGateway {
  readonly exchange: TestExchange;
  /** The markets the gateway serves; an admin's createMarket adds to it, as on a node. */
  readonly markets: MarketRegistry;
  readonly bus: InProcessBus;
  readonly marketData: ReadonlyMap<string, MarketData>;
  /** The real auth service (users on PGlite, memory sessions and rate limits, a fresh key and secret). */
  readonly auth: GatewayAuth;
  readonly users: UserStore;
  /** Reset tokens `deliverResetToken` was given, by email. */
  readonly resetTokens: Map<string, string>;
  readonly gateway: Gateway;
  readonly server: Server;
  readonly url: string;
  readonly wsUrl: string;
  /** Waits until every settled round is folded and published. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestGatewayOptions extends Omit<GatewayOptions, 'services' | 'authenticate'> {
  /** Journal on PGlite with the ledger projection, so `ledgerEntries` and `fills` have history. */
  readonly ledger?: boolean;
  /** Overrides of the auth service's options (clock, limiters, token lifetime). */
  readonly auth?: Partial<Omit<GatewayAuthOptions, 'users' | 'sessions' | 'deliverResetToken'>>;
  /** Market makers the admin panel controls, built on the started exchange. */
  readonly marketMaking?: (exchange: TestExchange) => MarketMakingService;
}

/**
 * Starts everything. `authenticate` replaces the real one (the test-only `testAuthenticate`);
 * without it, callers sign in through the gateway's own login and API keys.
 */
export async function startTestGateway(
  authenticate?: Authenticate,
  { ledger = false, auth: authOptions = {}, marketMaking, ...options }: TestGatewayOptions = {},
): Promise<TestGateway> {
  const bus = new InProcessBus();
  const marketData = new Map<string, MarketData>();
  const driver: SqlDriver = await createPgliteDriver();
  await migrate(driver);
  const journal = ledger ? new SqlJournal(driver, { projections: [ledgerProjection] }) : new MemoryJournal();
  const publisher = accountEventPublisher(bus);
  const auditLog = new SqlAuditLog(driver);
  const exchange = await startExchange({
    journal,
    audit: auditLog,
    onSettled: (market, commands) => {
      void marketData.get(market)?.fold(commands);
      publisher.onSettled(market, commands);
    },
    onAccountOrders: publisher.onAccountOrders,
  });
  const { ask } = exchange;
  for (const spec of demoMarkets)
    marketData.set(spec.symbol, await MarketData.start(spec.symbol, ask, { bus }));
  // createMarket as the node runs it (actors/node.ts), in process: the accounts learn the market,
  // the book opens, then market data and settlement take it up, then the gateway serves it.
  const markets = new MarketRegistry(demoMarkets);
  const creation = marketCreation({
    catalog: new MarketCatalog(driver),
    registry: markets,
    announce: async (spec) => void exchange.markets.add(spec),
    serve: async (spec) => {
      marketData.set(spec.symbol, await MarketData.start(spec.symbol, ask, { bus }));
      await exchange.path.addMarket(spec);
    },
  });

  const users = new UserStore(driver, ServerKey.generate());
  const resetTokens = new Map<string, string>();
  const auth = new GatewayAuth({
    users,
    sessions: new MemorySessionStore({ refreshTtlMs: 3_600_000, maxAgeMs: 86_400_000 }),
    jwt: {
      secret: jwtSecretFromText(`test-secret-${Math.random()}-0123456789abcdef0123456789`),
      issuer: 'quantatrade-test',
      audience: 'quantatrade-gateway',
    },
    passwordParams: TEST_SCRYPT_PARAMS,
    authLimiter: new MemoryRateLimiter({ limit: 1_000, windowMs: 60_000 }),
    orderLimiter: new MemoryRateLimiter({ limit: 10_000, windowMs: 1_000 }),
    deliverResetToken: (email, token) => void resetTokens.set(email, token),
    ...authOptions,
  });
  const admin: AdminService = {
    run: (principal, command) =>
      exchange.system.admin({ id: principal.userId, roles: principal.roles }, command as never),
    tree: async () => exchange.system.tree(),
    audit: (o) => exchange.system.auditTrail({ ...o }),
    record: (record) => auditLog.append({ at: new Date(), ...record }),
  };

  const gateway = createGateway({
    ...options,
    authenticate: authenticate ?? auth.authenticate,
    services: {
      markets: markets.specs,
      marketData,
      orders: exchange.path,
      ask,
      bus,
      now: () => Date.now(),
      auth,
      users: auth.directory,
      admin,
      marketCatalog: creation,
      ...(marketMaking ? { marketMaking: marketMaking(exchange) } : {}),
      ...(ledger ? { ledger: new LedgerReadModel(driver) } : {}),
    },
  });
  const server = createServer((req, res) => {
    gateway.handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    exchange,
    markets,
    bus,
    marketData,
    auth,
    users,
    resetTokens,
    gateway,
    server,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    async settle() {
      await exchange.path.settledAll();
      for (const md of marketData.values()) await md.fold([]);
      await bus.flush();
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await exchange.stop();
      await bus.close();
      await driver.close();
    },
  };
}
