import { describe, expect, test } from 'vitest';
import {
  InvalidValueError,
  JournalConflictError,
  MigrationError,
  StoreError,
  StoreErrorCode,
  StoreUnavailableError,
} from './errors.ts';

describe('store errors', () => {
  test('each error has its name, code and retry decision, and is a StoreError', () => {
    const cases: [StoreError, string, StoreErrorCode, boolean][] = [
      [new JournalConflictError('c'), 'JournalConflictError', StoreErrorCode.JOURNAL_CONFLICT, false],
      [new StoreUnavailableError('u'), 'StoreUnavailableError', StoreErrorCode.STORE_UNAVAILABLE, true],
      [new MigrationError('001_x.sql', 'm'), 'MigrationError', StoreErrorCode.MIGRATION_FAILED, false],
      [new InvalidValueError('$.a', 'v'), 'InvalidValueError', StoreErrorCode.INVALID_VALUE, false],
    ];
    for (const [error, name, code, retryable] of cases) {
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(retryable);
      expect(String(error)).toMatch(new RegExp(`^${name}: `));
    }
  });

  test('the cause is kept for chaining', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(new StoreUnavailableError('down', { cause }).cause).toBe(cause);
  });

  test('a conflict says which actor and which key when known', () => {
    const error = new JournalConflictError('taken', { persistenceId: 'account/u_1', conflict: 'msgId' });
    expect(error.persistenceId).toBe('account/u_1');
    expect(error.conflict).toBe('msgId');
    expect(new JournalConflictError('unknown').conflict).toBeUndefined();
  });
});
