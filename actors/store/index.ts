/**
 * Storage: the event journal, snapshots and the audit log, on PostgreSQL (`pg`), embedded PGlite,
 * or memory, all behind the interfaces in `types.ts`.
 *
 * Typical wiring: create a driver (`createPgDriver` for `DATABASE_URL` or a `servePglite` URL,
 * `createPgliteDriver` for a single process), `migrate(driver)`, then `new SqlJournal(driver)` wrapped
 * in `GroupCommitJournal`, and `new SqlAuditLog(driver)`. The driver's creator closes it last. Read
 * models ride on the journal's transaction through `SqlJournalOptions.projections`.
 */
export { SqlAuditLog, MemoryAuditLog, DEFAULT_AUDIT_LIMIT } from './audit-log.ts';
export { encodeValue, decodeValue } from './codec.ts';
export {
  StoreErrorCode,
  StoreError,
  JournalConflictError,
  StoreUnavailableError,
  MigrationError,
  InvalidValueError,
} from './errors.ts';
export { GroupCommitJournal } from './group-commit.ts';
export { MemoryJournal } from './memory-journal.ts';
export { migrate } from './migrate.ts';
export { createPgDriver } from './pg-driver.ts';
export { createPgliteDriver } from './pglite-driver.ts';
export { servePglite } from './pglite-server.ts';
export { SqlJournal } from './sql-journal.ts';

export type { GroupCommitOptions, GroupCommitStats } from './group-commit.ts';
export type { MigrateOptions, MigrateResult } from './migrate.ts';
export type { PgDriver, PgDriverOptions } from './pg-driver.ts';
export type { PgliteDriverOptions } from './pglite-driver.ts';
export type { PgliteServer, PgliteServerOptions } from './pglite-server.ts';
export type { Projection, SqlStatement } from './projection.ts';
export type { SqlDriver, SqlQuerier } from './sql-driver.ts';
export type { SqlJournalOptions } from './sql-journal.ts';
export type { AppendWrite, AuditLog, AuditRecord, Journal, JournalEntry, Snapshot } from './types.ts';
