/**
 * Test helpers for adapters that talk to real services. Adapter tests run against the real thing
 * (isolated in their own schema, stream or port, always cleaned up); when a service is down they
 * are skipped, unless `REQUIRE_SERVICES=1` (CI) makes a missing service a failure.
 *
 * Usage, with top-level await in the test file:
 *
 * ```ts
 * const withPostgres = await requirePostgres();
 * describe.skipIf(!withPostgres)('journal - PostgreSQL', () => { … });
 * ```
 */
import { Redis } from 'ioredis';
import { connect } from 'nats';
import pg from 'pg';
import { natsConnectionOptions, redactUrl as redactNatsUrl } from '../actors/transport/index.ts';

/** The PostgreSQL used by tests: `TEST_DATABASE_URL`, else `DATABASE_URL`, else the local `test` database. */
export function postgresUrl(): string {
  return (
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  );
}

/** True when `REQUIRE_SERVICES=1`: a missing service must fail the run, not skip tests. */
export function servicesRequired(): boolean {
  return process.env.REQUIRE_SERVICES === '1';
}

/** Whether PostgreSQL at `url` accepts a connection and a query within `timeoutMs`. Never throws. */
export async function postgresAvailable(url: string = postgresUrl(), timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A connection that fails after connecting reports here; without a listener it would crash the run.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Decides whether tests that need a service run: `true` when it is available, `false`
 * when it is not and services are optional (skip the tests), and throws when it is not and
 * `REQUIRE_SERVICES=1`, which fails the test file with `reason` in the message.
 */
export function requireService(name: string, available: boolean, reason: string): boolean {
  if (available) return true;
  if (servicesRequired()) throw new Error(`REQUIRE_SERVICES=1 but ${name} is unavailable: ${reason}`);
  return false;
}

/** `requireService` for PostgreSQL at `postgresUrl()`. */
export async function requirePostgres(): Promise<boolean> {
  const url = postgresUrl();
  return requireService('PostgreSQL', await postgresAvailable(url), `cannot connect to ${redact(url)}`);
}

/** The NATS server used by tests: `NATS_URL`, else the local server. */
export function natsUrl(): string {
  return process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
}

/**
 * Whether NATS at `url` accepts a connection and a round trip within `timeoutMs` (and, with
 * `jetstream`, has JetStream enabled). Never throws.
 */
export async function natsAvailable(
  url: string = natsUrl(),
  options: { jetstream?: boolean; timeoutMs?: number } = {},
): Promise<boolean> {
  try {
    const nc = await connect({
      ...natsConnectionOptions(url, { connectTimeoutMs: options.timeoutMs ?? 2_000 }),
      maxReconnectAttempts: 0,
    });
    try {
      await nc.flush();
      return options.jetstream !== true || nc.info?.jetstream === true;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}

/** `requireService` for NATS at `natsUrl()`; with `jetstream`, JetStream must be enabled too. */
export async function requireNats(options: { jetstream?: boolean } = {}): Promise<boolean> {
  const url = natsUrl();
  const what = options.jetstream === true ? 'NATS with JetStream' : 'NATS';
  return requireService(what, await natsAvailable(url, options), `cannot use ${redactNatsUrl(url)}`);
}

/** The Redis used by tests: `REDIS_URL`, else the local server. */
export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Whether Redis at `url` accepts a connection and answers PING within `timeoutMs`. Never throws. */
export async function redisAvailable(url: string = redisUrl(), timeoutMs = 2_000): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // A connection failure is also emitted as an event; without a listener ioredis logs it loudly.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** `requireService` for Redis at `redisUrl()`. */
export async function requireRedis(): Promise<boolean> {
  const url = redisUrl();
  return requireService('Redis', await redisAvailable(url), `cannot connect to ${redact(url)}`);
}

/** A fresh schema name for one test file, so parallel runs never share tables. */
export function randomSchemaName(prefix = 'test'): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
