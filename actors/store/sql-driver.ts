/**
 * The few things the SQL adapters need from a database, so the same SQL runs on PostgreSQL (`pg`)
 * and on embedded PGlite. Kept minimal on purpose: no query builder, no type parsing promises.
 */

/** Runs SQL on a connection (or inside a transaction). */
export interface SqlQuerier {
  /**
   * Runs one statement with `$1…` parameters and returns its rows. Rows are not validated: `R`
   * is the caller's claim. Column types differ by driver (`bigint` may come back as string, number
   * or bigint), so select `::text` and convert where it matters.
   */
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlQuerier {
  /**
   * Runs `fn` in one transaction on one connection: committed when `fn` resolves, rolled back (and
   * the error rethrown) when it rejects. Use only `tx` inside `fn`: queries on the driver itself
   * run outside the transaction (and on PGlite wait for it to finish).
   */
  transaction<T>(fn: (tx: SqlQuerier) => Promise<T>): Promise<T>;
  /** Releases connections; the driver is unusable afterwards. Whoever created the driver closes it. */
  close(): Promise<void>;
}

/** The fields `pg` and PGlite both put on a server error. */
export interface DatabaseErrorFields {
  /** SQLSTATE, e.g. `23505` for a unique violation. */
  readonly code: string;
  readonly constraint: string | undefined;
  readonly detail: string | undefined;
}

/** SQLSTATE of a unique violation. */
export const UNIQUE_VIOLATION = '23505';

/**
 * The SQLSTATE, constraint and detail of an error the database sent, or `undefined` for anything
 * else (network failures, bugs). Both drivers raise `DatabaseError`s with these fields.
 */
export function databaseErrorFields(error: unknown): DatabaseErrorFields | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint, detail, severity } = error as Record<string, unknown>;
  // `severity` tells a server error from a Node socket error such as `EPIPE`, which also has a code.
  if (typeof code !== 'string' || typeof severity !== 'string') return undefined;
  return {
    code,
    constraint: typeof constraint === 'string' ? constraint : undefined,
    detail: typeof detail === 'string' ? detail : undefined,
  };
}
