import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  jwtSecretFromText,
  MemoryRateLimiter,
  MemorySessionStore,
  RedisRateLimiter,
  RedisSessionStore,
  ServerKey,
  UserStore,
} from '../graph/auth/index.ts';
import type { RateLimiter, RateLimitRule, SessionStore } from '../graph/auth/index.ts';
import { createGateway, GatewayAuth } from '../graph/index.ts';
import type { Gateway } from '../graph/index.ts';
import { LedgerReadModel } from './account/index.ts';
import type { Ask, OrderPath } from './account/index.ts';
import type { NodeConfig } from './config.ts';
import type { MarketCreation } from './market-creation.ts';
import type { MarketSpec } from './market/index.ts';
import type { DemoMarketMaking } from './mm/index.ts';
import type { MarketData, MarketDataRecorder } from './marketdata/index.ts';
import type { AdminCommand, Principal, ShardHosts } from './runtime/index.ts';
import { loadOrCreateSecrets } from './secrets.ts';
import type { AuditLog, SqlDriver } from './store/index.ts';
import type { Bus } from './transport/index.ts';

/** Sessions live 30 days from login; a refresh token must be used within 7. */
const SESSION = { refreshTtlMs: 7 * 86_400_000, maxAgeMs: 30 * 86_400_000 };
/** Login, registration and reset attempts per client IP; orders per user or API key. */
const AUTH_RULE: RateLimitRule = { limit: 20, windowMs: 60_000 };
const ORDER_RULE: RateLimitRule = { limit: 50, windowMs: 1_000 };

export interface NodeGateway {
  readonly gateway: Gateway;
  close(): Promise<void>;
}

/**
 * The GraphQL gateway as a node runs it: users in the node's database, sessions and rate limits
 * in Redis when `REDIS_URL` is set (shared by every gateway instance) or in memory, secrets from
 * configuration or (development) kept under the data directory, and admin commands through the
 * shard hosts' audited admin path.
 */
export async function startGateway(deps: {
  readonly config: NodeConfig;
  readonly root: string;
  readonly driver: SqlDriver;
  readonly hosts: ShardHosts;
  readonly audit: AuditLog;
  readonly bus: Bus;
  readonly ask: Ask;
  readonly orders: OrderPath;
  /** The node's markets by symbol, live: a created market shows up once it trades. */
  readonly markets: ReadonlyMap<string, MarketSpec>;
  readonly marketData: ReadonlyMap<string, MarketData>;
  /** How admins create markets (the node records, opens and wires them). */
  readonly marketCreation: MarketCreation;
  readonly recorder: MarketDataRecorder;
  /** The demo market makers, when the node runs them (the admin panel's controls). */
  readonly marketMaking?: DemoMarketMaking;
  readonly logger: Logger;
}): Promise<NodeGateway> {
  const { config, logger } = deps;
  const secrets = loadOrCreateSecrets(config, join(resolve(deps.root, config.dataDir), 'secrets.json'));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true }) : undefined;
  await redis?.connect();
  const sessions: SessionStore = redis
    ? new RedisSessionStore(redis, { ...SESSION, prefix: 'qt:sess' })
    : new MemorySessionStore(SESSION);
  const limiter = (rule: RateLimitRule, prefix: string): RateLimiter =>
    redis ? new RedisRateLimiter(redis, rule, { prefix }) : new MemoryRateLimiter(rule);
  const auth = new GatewayAuth({
    users: new UserStore(deps.driver, ServerKey.fromText(secrets.authServerKey)),
    sessions,
    jwt: { secret: jwtSecretFromText(secrets.jwtSecret), issuer: 'quantatrade', audience: 'quantatrade' },
    authLimiter: limiter(AUTH_RULE, 'qt:rl:auth'),
    orderLimiter: limiter(ORDER_RULE, 'qt:rl:orders'),
    deliverResetToken: (email, token) => {
      // There is no mail service yet: in development the token is logged for the developer.
      if (config.env === 'development') logger.info({ email, token }, 'password reset token (development)');
      else logger.warn({ email }, 'password reset requested but no mail service is configured');
    },
    onError: (error) => logger.warn({ err: error }, 'gateway auth'),
    roleEmails: config.roleEmails,
  });
  const gateway = createGateway({
    authenticate: auth.authenticate,
    development: config.env === 'development',
    corsOrigins: config.corsOrigins,
    maxBodyBytes: config.maxMessageBytes,
    logger,
    services: {
      markets: deps.markets,
      marketData: deps.marketData,
      recorder: deps.recorder,
      ledger: new LedgerReadModel(deps.driver),
      orders: deps.orders,
      ask: deps.ask,
      bus: deps.bus,
      now: Date.now,
      auth,
      users: auth.directory,
      marketCatalog: deps.marketCreation,
      ...(deps.marketMaking ? { marketMaking: deps.marketMaking } : {}),
      admin: {
        // The verb is checked where it runs (an unknown one is UNKNOWN_ADMIN_VERB, audited as such).
        run: (principal, command) =>
          deps.hosts.admin(
            { id: principal.userId, roles: principal.roles } satisfies Principal,
            command as AdminCommand,
          ),
        tree: () => deps.hosts.tree(),
        audit: (options) => deps.audit.list(options),
        record: (record) => deps.audit.append({ at: new Date(), ...record }),
      },
    },
  });
  return {
    gateway,
    async close() {
      await gateway.close();
      redis?.disconnect();
    },
  };
}
