import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConfigError, loadConfig } from './config.ts';
import { createNodeHttpServer } from './http.ts';
import { OrderPath, retryingAsk } from './account/index.ts';
import { demoMarkets, toBookConfig } from './market/index.ts';
import { ShardHosts } from './runtime/index.ts';
import { createPgDriver, migrate, servePglite } from './store/index.ts';

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
  const driver = await createPgDriver({ url: databaseUrl });
  await migrate(driver);
  await driver.close();

  const hosts = await ShardHosts.start({
    node: config.nodeId,
    shards: config.shards,
    kindsModule: resolve(root, 'actors/kinds.ts'),
    databaseUrl,
    limits: { askTimeoutMs: config.askTimeoutMs, maxMessageBytes: config.maxMessageBytes },
  });

  // Opening a market is an admin command (audited); a market already in the journal answers
  // MARKET_EXISTS, so restarts open nothing twice.
  for (const spec of demoMarkets) {
    await hosts.admin(NODE_PRINCIPAL, {
      verb: 'send',
      target: `market/${spec.symbol}`,
      reason: 'demo market opened at start',
      message: { type: 'open', payload: toBookConfig(spec) },
    });
  }

  // Settlement and the order path run here and reach the actors over trusted IPC.
  const orders = new OrderPath(
    retryingAsk((address, type, payload, opts) =>
      hosts.deliver({ address, type, payload, ...(opts?.id ? { id: opts.id } : {}) }, { trusted: true }),
    ),
    demoMarkets,
    { onError: (error) => logger.warn({ err: error }, 'settlement round failed; retrying') },
  );
  await orders.start();

  const adminToken = config.adminToken ?? randomBytes(18).toString('base64url');
  const sreToken = config.sreToken ?? randomBytes(18).toString('base64url');
  const registry = new Registry();
  registry.setDefaultLabels({ host: config.nodeId });
  collectDefaultMetrics({ register: registry, prefix: 'qt_node_' });
  const server = createNodeHttpServer({
    hosts,
    orders,
    registry,
    tokens: [
      { token: adminToken, principal: { id: 'admin', roles: ['admin'] } },
      { token: sreToken, principal: { id: 'sre', roles: ['sre'] } },
    ],
    development: config.env === 'development',
    maxBodyBytes: config.maxMessageBytes,
    logger,
  });
  await new Promise<void>((done) => server.listen(config.port, config.host, done));
  const address = server.address();
  const base = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;

  console.log(`
QuantaTrade node ${config.nodeId} is up (${config.shards} shard hosts, ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}/pglite`})
  markets        ${demoMarkets.map((m) => m.symbol).join(' ')}  (actors market/<symbol>)
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
    orders.stop();
    await hosts.stop();
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
