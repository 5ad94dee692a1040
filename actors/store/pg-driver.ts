import pg from 'pg';
import { StoreError, StoreUnavailableError } from './errors.ts';
import { databaseErrorFields, type SqlDriver, type SqlQuerier } from './sql-driver.ts';

export interface PgDriverOptions {
  /** `postgres://user@host:port/db`; also the URL `servePglite` returns. */
  readonly url: string;
  /**
   * Keep every table in this schema (created when missing) by setting `search_path` on each
   * connection. Tests use a random one and drop it afterwards. Lower-case letters, digits and `_`.
   */
  readonly schema?: string;
  /** Most connections the pool opens. Default 10. */
  readonly max?: number;
  /** How long to wait for a connection before failing with `StoreUnavailableError`. Default 5,000 ms. */
  readonly connectTimeoutMs?: number;
}

export interface PgDriver extends SqlDriver {
  /** The schema given in the options, if any. */
  readonly schema: string | undefined;
  /**
   * Drops the driver's schema and everything in it (tests clean up with it).
   *
   * @throws Error when the driver was created without a schema: it never drops a shared one.
   */
  dropSchema(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** SQLSTATEs meaning "no usable server": connection exceptions, shutdown, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What `pg` says when a connection drops or cannot be made in time (these errors carry no code). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

/**
 * A `SqlDriver` over a `pg.Pool` (PostgreSQL, or PGlite served by `servePglite`).
 *
 * Connects once before resolving, so a wrong URL or a server that is down fails here, as
 * `StoreUnavailableError`, rather than at the first write. Later connection failures (refused,
 * reset, server shut down, connect timeout) are also `StoreUnavailableError`; errors the server
 * reports about a statement (constraint violations, syntax) pass through unchanged for the caller
 * to interpret.
 */
export async function createPgDriver(options: PgDriverOptions): Promise<PgDriver> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new TypeError(`schema ${JSON.stringify(schema)} must match ${SCHEMA_NAME}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that breaks is dropped from the pool and reported here; without a listener
  // the process would crash. The next query opens a new connection or fails with StoreUnavailableError.
  pool.on('error', ignore);

  const driver: PgDriver = {
    schema,
    ...querier(pool),
    async transaction<T>(fn: (tx: SqlQuerier) => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toStoreError(error);
      }
      // While checked out, a dropped connection is reported on the client as well as failing the
      // pending query; the query's rejection is the one that matters, the event must not crash us.
      client.on('error', ignore);
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await fn(querier(client));
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        throw toStoreError(error);
      } finally {
        client.off('error', ignore);
        // A connection that could not even roll back is destroyed rather than reused.
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
    async dropSchema(): Promise<void> {
      if (schema === undefined) throw new Error('this driver has no schema of its own; refusing to drop one');
      await driver.exec(`drop schema if exists "${schema}" cascade`);
    },
  };

  try {
    if (schema === undefined) await driver.query('select 1');
    else await createSchema(driver, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return driver;
}

function ignore(): void {}

async function createSchema(driver: SqlQuerier, schema: string): Promise<void> {
  try {
    await driver.exec(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two drivers creating the same schema at once: "if not exists" can still race in the catalog.
    const code = databaseErrorFields(error)?.code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

/** Queries on the pool (any free connection) or on one checked-out client (a transaction). */
function querier(target: pg.Pool | pg.PoolClient): SqlQuerier {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      try {
        return (await target.query(sql, params as unknown[] | undefined)).rows as R[];
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.query(sql);
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}

/** Connection failures become `StoreUnavailableError`; everything else is returned unchanged. */
function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const fields = databaseErrorFields(error);
  if (fields) {
    return fields.code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(fields.code)
      ? unavailable(error)
      : error;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if ((typeof code === 'string' && UNAVAILABLE_SOCKET_CODES.has(code)) || UNAVAILABLE_MESSAGE.test(message)) {
    return unavailable(error);
  }
  return error;
}

function unavailable(cause: unknown): StoreUnavailableError {
  const reason = cause instanceof Error ? cause.message || (cause as { code?: string }).code : String(cause);
  return new StoreUnavailableError(`PostgreSQL unavailable: ${reason}`, { cause });
}
