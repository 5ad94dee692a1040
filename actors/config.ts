import { z } from 'zod';
import cluster from '../cluster.config.ts';

/**
 * The one typed configuration of a node, from the environment over cluster.config.ts defaults.
 * Invalid values stop the node at start with every problem listed (`ConfigError`).
 */

const positiveInt = (max: number) => z.coerce.number().int().positive().max(max);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** A comma-separated list of emails (lower-cased, trimmed; empty entries ignored). */
const emailList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email('email addresses, comma-separated')));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NODE_ID: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')
    .optional(),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  NATS_URL: optionalString.pipe(z.url({ protocol: /^nats$/, hostname: /./ }).optional()),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, hostname: /./ }).optional()),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'at least 32 characters').optional()),
  AUTH_SERVER_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, '32 bytes as 64 hex digits or base64')
      .optional(),
  ),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  DATA_DIR: z.string().min(1).default('.data'),
  SHARDS: positiveInt(64).default(cluster.shards),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
  SRE_TOKEN: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
  ADMIN_EMAILS: emailList,
  SRE_EMAILS: emailList,
  ASK_TIMEOUT_MS: positiveInt(600_000).default(5_000),
  MAX_MESSAGE_BYTES: positiveInt(16 * 1024 * 1024).default(64 * 1024),
  ORDER_RATE_PER_SECOND: positiveInt(1_000_000).default(100),
  ORDER_BURST: positiveInt(1_000_000).default(200),
  MAX_ORDER_NOTIONAL: z
    .string()
    .regex(/^\d{1,15}(\.\d{1,8})?$/, 'a decimal amount of quote, like 1000000')
    .default('1000000'),
  KYC_MIN_TIER: z.coerce.number().int().min(0).max(3).default(0),
  DEMO_MARKET_MAKER: z.enum(['on', 'off']).default('on'),
  WEB_APP: z.enum(['on', 'off']).default('on'),
  BLOCKED_JURISDICTIONS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 codes, comma-separated'))),
});

export interface NodeConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly nodeId: string;
  readonly host: string;
  readonly port: number;
  /** Real PostgreSQL; when absent the node serves an embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** NATS for the event bus; when absent the node uses the in-process bus. */
  readonly natsUrl: string | undefined;
  readonly shards: number;
  readonly logLevel: string;
  readonly adminToken: string | undefined;
  readonly sreToken: string | undefined;
  /**
   * Users whose email is listed get the role when they register or log in (kept in users.roles):
   * how a fresh node gets its first admins and SREs. Lower-cased.
   */
  readonly roleEmails: { readonly admin: readonly string[]; readonly sre: readonly string[] };
  readonly askTimeoutMs: number;
  readonly maxMessageBytes: number;
  /** Pre-trade limits every account gets (token bucket per account, largest order value). */
  readonly orders: { readonly perSecond: number; readonly burst: number; readonly maxNotional: string };
  /** Default KYC gate until the KYC service decides per user: minimum tier, blocked countries. */
  readonly kyc: { readonly minTier: number; readonly blockedJurisdictions: readonly string[] };
  /** Redis for sessions and rate limits; absent: in memory (one node). */
  readonly redisUrl: string | undefined;
  /**
   * Signing secret of access tokens and the key that encrypts MFA and API-key secrets at rest.
   * Absent in development: generated once and kept under `dataDir`; required in production.
   */
  readonly jwtSecret: string | undefined;
  readonly authServerKey: string | undefined;
  /** Browser origins allowed to call the gateway (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Run the demo market maker (and its noise trader) on the demo markets. */
  readonly demoMarketMaker: boolean;
  /** Build (when stale) and serve the web app (web/) on the node's port. */
  readonly webApp: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'INVALID_CONFIG';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && (!c.JWT_SECRET || !c.AUTH_SERVER_KEY)) {
    // Generated secrets are a development convenience: production must not mint its own.
    throw new ConfigError(
      'invalid configuration:\n  JWT_SECRET and AUTH_SERVER_KEY are required in production',
    );
  }
  const nodeId = c.NODE_ID ?? cluster.nodes[0]!.id;
  const node = cluster.nodes.find((n) => n.id === nodeId);
  return {
    env: c.NODE_ENV,
    nodeId,
    host: c.HOST ?? node?.host ?? '127.0.0.1',
    port: c.PORT ?? node?.port ?? 8080,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    natsUrl: c.NATS_URL,
    redisUrl: c.REDIS_URL,
    jwtSecret: c.JWT_SECRET,
    authServerKey: c.AUTH_SERVER_KEY,
    corsOrigins: c.CORS_ORIGINS,
    shards: c.SHARDS,
    logLevel: c.LOG_LEVEL,
    adminToken: c.ADMIN_TOKEN,
    sreToken: c.SRE_TOKEN,
    roleEmails: { admin: c.ADMIN_EMAILS, sre: c.SRE_EMAILS },
    askTimeoutMs: c.ASK_TIMEOUT_MS,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    orders: { perSecond: c.ORDER_RATE_PER_SECOND, burst: c.ORDER_BURST, maxNotional: c.MAX_ORDER_NOTIONAL },
    kyc: { minTier: c.KYC_MIN_TIER, blockedJurisdictions: c.BLOCKED_JURISDICTIONS },
    demoMarketMaker: c.DEMO_MARKET_MAKER === 'on',
    webApp: c.WEB_APP === 'on',
  };
}
