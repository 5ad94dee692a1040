import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDriver, SqlQuerier } from './sql-driver.ts';

export interface PgliteDriverOptions {
  /** Directory holding the database files (created when missing); in memory when omitted. */
  readonly dataDir?: string;
}

/**
 * A `SqlDriver` over an embedded PGlite (PostgreSQL compiled to WebAssembly) in this process.
 *
 * PGlite runs one statement at a time, and a transaction holds the whole database until it ends.
 * A data directory can be open in only one process: to share it with other processes, serve it
 * with `servePglite` and connect everyone, this process included, through `createPgDriver`.
 */
export async function createPgliteDriver(options: PgliteDriverOptions = {}): Promise<SqlDriver> {
  const db = await PGlite.create(options.dataDir);
  return {
    ...querier(db),
    transaction: <T>(fn: (tx: SqlQuerier) => Promise<T>): Promise<T> =>
      db.transaction((tx) => fn(querier(tx))),
    close: () => db.close(),
  };
}

function querier(db: PGlite | Transaction): SqlQuerier {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
      return (await db.query<R>(sql, params as unknown[] | undefined)).rows;
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}
