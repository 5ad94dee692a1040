import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { accountEventPublisher } from '../actors/account/index.ts';
import { startExchange } from '../actors/account/testing/exchange.ts';
import type { TestExchange } from '../actors/account/testing/exchange.ts';
import { demoMarkets } from '../actors/market/index.ts';
import { MarketData, subjects } from '../actors/marketdata/index.ts';
import type { Trade } from '../actors/marketdata/index.ts';
import { createPgliteDriver, migrate } from '../actors/store/index.ts';
import { InProcessBus } from '../actors/transport/index.ts';
import {
  jwtSecretFromText,
  MemoryRateLimiter,
  MemorySessionStore,
  ServerKey,
  TEST_SCRYPT_PARAMS,
  UserStore,
} from '../graph/auth/index.ts';
import { GatewayAuth } from '../graph/auth-service.ts';
import { createGateway } from '../graph/server.ts';

/**
 * The bus as the node's in-process one, noting when each trade of `symbol` is published (the
 * moment MarketData hands it to the bus, before any subscriber sees it): the fan-out clock starts
 * there.
 */
export class TimedBus extends InProcessBus {
  readonly published = new Map<number, number>();
  #subject: string;

  constructor(symbol: string) {
    super();
    this.#subject = subjects.trade(symbol);
  }

  override publish(subject: string, value: unknown): Promise<void> {
    if (subject === this.#subject) this.published.set((value as Trade).seq, now());
    return super.publish(subject, value);
  }
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

export interface BenchGateway {
  readonly exchange: TestExchange;
  readonly bus: TimedBus;
  readonly url: string;
  readonly wsUrl: string;
  /** Waits until every settled round is folded and published. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What `actors/gateway.ts` runs in a node, in one process: the exchange (memory journal), market
 * data per market fed by settlement onto an in-process bus, the per-account event publisher, the
 * real auth service (users on PGlite, memory sessions) and the gateway with a pino logger at
 * `info` (every request logs a line, as in a node; written to /dev/null). Rate limits are there
 * but far above the load: the bench measures throughput, not the limiter.
 */
export async function startBenchGateway(symbol: string): Promise<BenchGateway> {
  const bus = new TimedBus(symbol);
  const marketData = new Map<string, MarketData>();
  const publisher = accountEventPublisher(bus);
  const exchange = await startExchange({
    account: { limits: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 }, maxOpenOrders: 100_000 } },
    onSettled: (market, commands) => {
      void marketData.get(market)?.fold(commands);
      publisher.onSettled(market, commands);
    },
    onAccountOrders: publisher.onAccountOrders,
  });
  for (const spec of demoMarkets)
    marketData.set(spec.symbol, await MarketData.start(spec.symbol, exchange.ask, { bus }));

  const driver = await createPgliteDriver();
  await migrate(driver);
  const unlimited = { limit: 1_000_000_000, windowMs: 1_000 };
  const auth = new GatewayAuth({
    users: new UserStore(driver, ServerKey.generate()),
    sessions: new MemorySessionStore({ refreshTtlMs: 3_600_000, maxAgeMs: 86_400_000 }),
    jwt: {
      secret: jwtSecretFromText(`bench-secret-${Math.random()}-0123456789abcdef0123456789`),
      issuer: 'quantatrade',
      audience: 'quantatrade',
    },
    passwordParams: TEST_SCRYPT_PARAMS,
    authLimiter: new MemoryRateLimiter(unlimited),
    orderLimiter: new MemoryRateLimiter(unlimited),
    deliverResetToken: () => undefined,
  });
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const gateway = createGateway({
    authenticate: auth.authenticate,
    logger,
    services: {
      markets: new Map(demoMarkets.map((spec) => [spec.symbol, spec])),
      marketData,
      orders: exchange.path,
      ask: exchange.ask,
      bus,
      now: Date.now,
      auth,
      users: auth.directory,
    },
  });
  const server: Server = createServer((req, res) => {
    gateway.handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  gateway.attach(server);
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4_096 }, resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    exchange,
    bus,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    async settle() {
      await exchange.path.settledAll();
      for (const md of marketData.values()) await md.fold([]);
      await bus.flush();
    },
    async stop() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await exchange.stop();
      await bus.close();
      await driver.close();
      logger.flush();
    },
  };
}
