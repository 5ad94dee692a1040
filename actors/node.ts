import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConfigError, loadConfig } from './config.ts';
import { createNodeHttpServer } from './http.ts';
import { accountEventPublisher, LedgerReadModel, OrderPath, retryingAsk } from './account/index.ts';
import {
  allMarkets,
  CREATED_MARKETS_ENV,
  demoMarkets,
  MarketCatalog,
  MarketRegistry,
  toBookConfig,
} from './market/index.ts';
import type { MarketSpec } from './market/index.ts';
import { announceToHosts, marketCreation } from './market-creation.ts';
import { ShardHosts } from './runtime/index.ts';
import { MarketData, MarketDataRecorder } from './marketdata/index.ts';
import { startDemoMarketMaking } from './mm/index.ts';
import type { DemoMarketMaking } from './mm/index.ts';
import { createPgDriver, migrate, servePglite, SqlAuditLog } from './store/index.ts';
import { createBus, createFanoutBus } from './transport/index.ts';
import { startGateway } from './gateway.ts';
import { ensureWebBuild } from './web-app.ts';

/**
 * Boots one cluster node: the database (real PostgreSQL, or an embedded PGlite served to the
 * shard hosts over a loopback socket), migrations, the shard host processes, and the HTTP port.
 */
/** The node itself, when it runs admin commands at start (they are audited under this name). */
const NODE_PRINCIPAL = { id: 'node', roles: ['admin'] } as const;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

  let databaseUrl = config.databaseUrl;
  let embedded: { close(): Promise<void> } | undefined;
  if (!databaseUrl) {
    const dataDir = resolve(root, config.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    const served = await servePglite({ dataDir });
    embedded = served;
    databaseUrl = served.url;
  }
  // Kept open: the market data recorder writes through it, and the node's own admin actions
  // (market-maker controls) go to the audit log.
  const driver = await createPgDriver({ url: databaseUrl, max: 4 });
  await migrate(driver);

  // The demo markets and those admins created (recorded by the admin panel): every one is opened,
  // settled and served from this start on. The shard hosts' accounts learn them from the
  // environment the node forks them with. The registry grows when an admin creates a market while
  // the node runs (`creation` below): the gateway, settlement and market data read it live.
  const catalog = new MarketCatalog(driver);
  const created = (await catalog.list()).map((c) => c.spec);
  const marketRegistry = new MarketRegistry(allMarkets(created));
  const markets = marketRegistry.list();
  process.env[CREATED_MARKETS_ENV] = JSON.stringify(created);

  const hosts = await ShardHosts.start({
    node: config.nodeId,
    shards: config.shards,
    kindsModule: resolve(root, 'actors/kinds.ts'),
    databaseUrl,
    limits: { askTimeoutMs: config.askTimeoutMs, maxMessageBytes: config.maxMessageBytes },
  });

  // Opening a market is an admin command (audited); a market already in the journal answers
  // MARKET_EXISTS, so restarts open nothing twice.
  for (const spec of markets) {
    await hosts.admin(NODE_PRINCIPAL, {
      verb: 'send',
      target: `market/${spec.symbol}`,
      reason: 'market opened at start',
      message: { type: 'open', payload: toBookConfig(spec) },
    });
  }

  // Settlement and the order path run here and reach the actors over trusted IPC.
  const ask = retryingAsk((address, type, payload, opts) =>
    hosts.deliver({ address, type, payload, ...(opts?.id ? { id: opts.id } : {}) }, { trusted: true }),
  );
  // Market data: fed every settled round in seq order, published on the bus, recorded.
  // NATS when configured; else Redis pub/sub, which lets several gateway instances serve the same
  // subscriptions; else the in-process bus.
  const bus = config.natsUrl
    ? await createBus({ natsUrl: config.natsUrl })
    : await createFanoutBus({ redisUrl: config.redisUrl });
  const recorder = new MarketDataRecorder(driver, {
    onError: (error) => logger.warn({ err: error }, 'market data recorder write failed; retrying'),
  });
  const marketData = new Map<string, MarketData>();
  const startMarketData = async (spec: MarketSpec) => {
    const onError = (error: unknown) => logger.warn({ err: error, market: spec.symbol }, 'market data');
    marketData.set(spec.symbol, await MarketData.start(spec.symbol, ask, { bus, recorder, onError }));
  };
  for (const spec of markets) await startMarketData(spec);
  // Each trader's own order changes and fills, for their subscriptions.
  const accountEvents = accountEventPublisher(bus, (error) => logger.warn({ err: error }, 'account events'));
  const orders = new OrderPath(ask, markets, {
    onError: (error) => logger.warn({ err: error }, 'settlement round failed; retrying'),
    onSettled: (market, commands) => {
      void marketData.get(market)?.fold(commands);
      accountEvents.onSettled(market, commands);
    },
    onAccountOrders: accountEvents.onAccountOrders,
  });
  await orders.start();
  // Orders the node held but may never have sent to a book (it died in between) go out again:
  // at start and then every 30 s, those PendingNew for more than 10 s.
  const readModel = new LedgerReadModel(driver);
  const resumePending = async () => {
    for (const account of await readModel.accountsWithPendingOrders(Date.now() - 10_000, 500)) {
      await orders.resumePending(account, 10_000);
    }
  };
  await resumePending().catch((error: unknown) => logger.warn({ err: error }, 'resuming pending orders'));
  const pendingSweep = setInterval(
    () =>
      void resumePending().catch((error: unknown) => logger.warn({ err: error }, 'resuming pending orders')),
    30_000,
  );
  pendingSweep.unref();
  let marketMaking: DemoMarketMaking | undefined;
  if (config.demoMarketMaker) {
    marketMaking = await startDemoMarketMaking(orders, ask, demoMarkets, {
      onError: (error) => logger.warn({ err: error }, 'demo market maker'),
    });
  }

  // A market an admin creates trades at once (actors/market-creation.ts has the steps): the shard
  // hosts learn it (from the environment when forked or respawned from now on, by the host call
  // `addMarket` while they run), its book opens, market data and settlement take it up, and the
  // gateway serves it from the registry.
  const creation = marketCreation({
    catalog,
    registry: marketRegistry,
    announce: async (spec) => {
      const { pending } = await announceToHosts(hosts, spec);
      if (pending.length > 0)
        logger.warn(
          { market: spec.symbol, hosts: pending },
          'created market: shard hosts not reached yet (called again until they answer)',
        );
    },
    serve: async (spec) => {
      await startMarketData(spec);
      await orders.addMarket(spec);
      logger.info({ market: spec.symbol }, 'created market is trading');
    },
  });

  const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');
  const sreToken = config.sreToken ?? randomBytes(18).toString('base64url');
  const registry = new Registry();
  registry.setDefaultLabels({ host: config.nodeId });
  collectDefaultMetrics({ register: registry, prefix: 'qt_node_' });
  const audit = new SqlAuditLog(driver);
  const { gateway, close: closeGateway } = await startGateway({
    config,
    root,
    driver,
    hosts,
    audit,
    bus,
    ask,
    orders,
    markets: marketRegistry.specs,
    marketData,
    marketCreation: creation,
    recorder,
    ...(marketMaking ? { marketMaking } : {}),
    logger,
  });
  const webApp = config.webApp && ensureWebBuild((message) => logger.info(message));
  const server = createNodeHttpServer({
    hosts,
    orders,
    ...(marketMaking ? { marketMaking } : {}),
    audit,
    marketData,
    recorder,
    gateway,
    registry,
    tokens: [
      { token: adminToken, principal: { id: 'admin', roles: ['admin'] } },
      { token: sreToken, principal: { id: 'sre', roles: ['sre'] } },
    ],
    development: config.env === 'development',
    webApp,
    maxBodyBytes: config.maxMessageBytes,
    logger,
  });
  gateway.attach(server);
  await new Promise<void>((done) => server.listen(config.port, config.host, done));
  const address = server.address();
  const base = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;

  console.log(`
QuantaTrade node ${config.nodeId} is up (${config.shards} shard hosts, ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}/pglite`})
  markets        ${markets.map((m) => m.symbol).join(' ')}  (actors market/<symbol>)${config.demoMarketMaker ? ', quoted by the demo market maker' : ''}
  market data    ${base}/marketdata/BTC-USDT/book   (also /trades, /ticker, /candles/1m)   bus: ${bus.kind}
${webApp ? `  web app        ${base}/   (trader terminal; /manage for admins, /sre for SREs)\n` : ''}  GraphQL        ${base}/graphql   (graphql-ws on the same URL${config.env === 'development' ? '; GraphiQL in a browser' : ''})
  health         ${base}/healthz
  metrics        ${base}/metrics
  actor tree     ${base}/actors                      (Authorization: Bearer <SRE or admin token>)
  admin verbs    POST ${base}/admin/actors/<kind>/<key>/<verb>  {"reason": "..."}
${config.env === 'development' ? `  try an actor   curl -s ${base}/dev/ask -d '{"address":"market/BTC-USDT","type":"depth","payload":{"levels":10}}'\n` : ''}  admin token    ${config.adminToken ? '(from ADMIN_TOKEN)' : adminToken}
  SRE token      ${config.sreToken ? '(from SRE_TOKEN)' : sreToken}
`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    clearInterval(pendingSweep);
    await closeGateway().catch(() => undefined);
    await marketMaking?.stop().catch(() => undefined);
    orders.stop();
    await recorder.close().catch(() => undefined);
    await bus.close();
    await hosts.stop();
    await driver.close();
    await embedded?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
