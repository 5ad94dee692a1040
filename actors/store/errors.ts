/**
 * Typed failures of the storage layer. Each carries a stable `code` and says whether retrying the
 * same operation is safe (`retryable`), so callers (group commit, the actor runtime, the edges that
 * map errors to gRPC status and GraphQL extensions) never have to guess from a message.
 */

export const StoreErrorCode = {
  /** A sequence number or message id is already in the journal. */
  JOURNAL_CONFLICT: 'JOURNAL_CONFLICT',
  /** The database cannot be reached (refused, reset, shut down, closed). */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** A schema migration failed; the database stays at the last version that applied. */
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  /** A value cannot be stored (not JSON-shaped) or a stored value cannot be read back. */
  INVALID_VALUE: 'INVALID_VALUE',
} as const;
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

/** Base of every storage failure; `instanceof StoreError` catches them all. */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: StoreErrorCode;
  /** True when the same operation may succeed if tried again and cannot apply twice. */
  readonly retryable: boolean;

  constructor(code: StoreErrorCode, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}

/**
 * A write hit an existing `(persistenceId, seq)` or `(persistenceId, msgId)`: another writer got
 * there first (a second incarnation of the actor, a redelivered command). Never retryable: the
 * same write would conflict again. The whole batch it was in was rejected; nothing was written.
 */
export class JournalConflictError extends StoreError {
  override name = 'JournalConflictError';
  /** The actor whose write conflicted, when the database said which. */
  readonly persistenceId: string | undefined;
  /** Which key conflicted, when known: `msgId` means the command was already journaled. */
  readonly conflict: 'seq' | 'msgId' | undefined;

  constructor(
    message: string,
    options: { persistenceId?: string; conflict?: 'seq' | 'msgId'; cause?: unknown } = {},
  ) {
    super(StoreErrorCode.JOURNAL_CONFLICT, message, { retryable: false, cause: options.cause });
    this.persistenceId = options.persistenceId;
    this.conflict = options.conflict;
  }
}

/**
 * The database could not be reached or dropped the connection. Retryable: a write that failed this
 * way either did not commit or, if it did, a retry with the same message id conflicts instead of
 * appending twice.
 */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(StoreErrorCode.STORE_UNAVAILABLE, message, { retryable: true, cause: options.cause });
  }
}

/**
 * A migration file is malformed or its SQL failed. The failing file's transaction was rolled back,
 * so the database is at the last version that applied. Not retryable: the same SQL fails again.
 */
export class MigrationError extends StoreError {
  override name = 'MigrationError';
  /** The migration file, e.g. `001_journal.sql`. */
  readonly migration: string;

  constructor(migration: string, message: string, options: { cause?: unknown } = {}) {
    super(StoreErrorCode.MIGRATION_FAILED, message, { retryable: false, cause: options.cause });
    this.migration = migration;
  }
}

/**
 * A value is outside what the store can hold (a function, `NaN`, a class instance, a string with
 * NUL, …) or a stored text is not a value the codec wrote. Not retryable.
 */
export class InvalidValueError extends StoreError {
  override name = 'InvalidValueError';
  /** Where in the value the problem is, e.g. `$.legs[1].amount`; `$` is the value itself. */
  readonly path: string;

  constructor(path: string, message: string, options: { cause?: unknown } = {}) {
    super(StoreErrorCode.INVALID_VALUE, message, { retryable: false, cause: options.cause });
    this.path = path;
  }
}
