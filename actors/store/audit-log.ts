import { decodeValue, encodeValue, isStorableText } from './codec.ts';
import { InvalidValueError } from './errors.ts';
import type { SqlDriver } from './sql-driver.ts';
import type { AuditLog, AuditRecord } from './types.ts';

/** Records `list` returns when no limit is given. */
export const DEFAULT_AUDIT_LIMIT = 100;

type ListOptions = Parameters<AuditLog['list']>[0];

/** An audit record as both logs keep it: checked, with `detail` encoded by the codec. */
interface StoredRecord extends Omit<AuditRecord, 'detail'> {
  readonly detail: string | null;
}

const INSERT = `insert into audit_log (at, principal, verb, target, reason, outcome, detail)
values ($1, $2, $3, $4, $5, $6, $7::jsonb)`;
const COLUMNS = `at, principal, verb, target, reason, outcome, detail::text as detail`;
const LIST_ALL = `select ${COLUMNS} from audit_log order by id desc limit $1`;
const LIST_TARGET = `select ${COLUMNS} from audit_log where target = $1 order by id desc limit $2`;

/**
 * The audit log in PostgreSQL or PGlite (table from `migrate`). Append-only; `list` is newest
 * first (by insertion order, not by `at`, so clock skew between nodes cannot reorder it).
 * The driver stays its creator's to close.
 */
export class SqlAuditLog implements AuditLog {
  readonly #driver: SqlDriver;

  constructor(driver: SqlDriver) {
    this.#driver = driver;
  }

  /** @throws InvalidValueError for an invalid date, outcome or text, or a detail the codec cannot store. */
  async append(record: AuditRecord): Promise<void> {
    const r = toStored(record);
    await this.#driver.query(INSERT, [r.at, r.principal, r.verb, r.target, r.reason, r.outcome, r.detail]);
  }

  /** @throws RangeError when `limit` is not a positive integer. */
  async list(options: ListOptions = {}): Promise<AuditRecord[]> {
    const limit = checkLimit(options.limit);
    const rows =
      options.target === undefined
        ? await this.#driver.query<StoredRecord>(LIST_ALL, [limit])
        : await this.#driver.query<StoredRecord>(LIST_TARGET, [options.target, limit]);
    return rows.map(fromStored);
  }
}

/** The audit log in memory, with the same checks and copies as `SqlAuditLog`. */
export class MemoryAuditLog implements AuditLog {
  readonly #records: StoredRecord[] = [];

  /** @throws InvalidValueError for an invalid date, outcome or text, or a detail the codec cannot store. */
  async append(record: AuditRecord): Promise<void> {
    this.#records.push(toStored(record));
  }

  /** @throws RangeError when `limit` is not a positive integer. */
  async list(options: ListOptions = {}): Promise<AuditRecord[]> {
    const limit = checkLimit(options.limit);
    const out: AuditRecord[] = [];
    for (let i = this.#records.length - 1; i >= 0 && out.length < limit; i--) {
      const record = this.#records[i];
      if (record && (options.target === undefined || record.target === options.target))
        out.push(fromStored(record));
    }
    return out;
  }
}

function toStored(record: AuditRecord): StoredRecord {
  const { at, principal, verb, target, reason, outcome } = record;
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new InvalidValueError('at', 'at must be a valid Date');
  if (outcome !== 'accepted' && outcome !== 'denied') {
    throw new InvalidValueError(
      'outcome',
      `outcome must be "accepted" or "denied", got ${JSON.stringify(outcome)}`,
    );
  }
  for (const [field, text] of Object.entries({ principal, verb, target, reason })) {
    if (typeof text !== 'string' || !isStorableText(text)) {
      throw new InvalidValueError(field, `${field} must be a string without NUL or unpaired surrogates`);
    }
  }
  const detail = record.detail === undefined ? null : encodeValue(record.detail);
  return { at: new Date(at.getTime()), principal, verb, target, reason, outcome, detail };
}

function fromStored(record: StoredRecord): AuditRecord {
  const { at, principal, verb, target, reason, outcome, detail } = record;
  const base = { at: new Date(at), principal, verb, target, reason, outcome };
  return detail === null ? base : { ...base, detail: decodeValue(detail) };
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_AUDIT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`limit ${limit} must be a positive integer`);
  return limit;
}
