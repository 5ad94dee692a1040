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

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NODE_ID: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')
    .optional(),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().min(1).default('.data'),
  SHARDS: positiveInt(64).default(cluster.shards),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_TOKEN: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
  SRE_TOKEN: optionalString.pipe(z.string().min(16, 'at least 16 characters').optional()),
  ASK_TIMEOUT_MS: positiveInt(600_000).default(5_000),
  MAX_MESSAGE_BYTES: positiveInt(16 * 1024 * 1024).default(64 * 1024),
});

export interface NodeConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly nodeId: string;
  readonly host: string;
  readonly port: number;
  /** Real PostgreSQL; when absent the node serves an embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly shards: number;
  readonly logLevel: string;
  readonly adminToken: string | undefined;
  readonly sreToken: string | undefined;
  readonly askTimeoutMs: number;
  readonly maxMessageBytes: number;
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
  const nodeId = c.NODE_ID ?? cluster.nodes[0]!.id;
  const node = cluster.nodes.find((n) => n.id === nodeId);
  return {
    env: c.NODE_ENV,
    nodeId,
    host: c.HOST ?? node?.host ?? '127.0.0.1',
    port: c.PORT ?? node?.port ?? 8080,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    shards: c.SHARDS,
    logLevel: c.LOG_LEVEL,
    adminToken: c.ADMIN_TOKEN,
    sreToken: c.SRE_TOKEN,
    askTimeoutMs: c.ASK_TIMEOUT_MS,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
  };
}
