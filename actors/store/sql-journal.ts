import { decodeValue } from './codec.ts';
import { JournalConflictError } from './errors.ts';
import type { Projection, SqlStatement } from './projection.ts';
import { toEntry, toEventRows, toSnapshot, toSnapshotRow } from './rows.ts';
import { databaseErrorFields, UNIQUE_VIOLATION, type SqlDriver } from './sql-driver.ts';
import type { AppendWrite, Journal, JournalEntry, Snapshot } from './types.ts';

export interface SqlJournalOptions {
  /** Rows fetched per query while reading an actor's events. Default 1,000. */
  readonly pageSize?: number;
  /** Read models written in the same transaction as each batch (see `Projection`). Default none. */
  readonly projections?: readonly Projection[];
}

/**
 * The whole batch in one statement. Ids go as arrays; events and replies go as two JSON arrays
 * built by joining codec text, which PostgreSQL parses much faster than a `jsonb[]` of separate
 * values. `ROWS FROM` zips the five sequences by position. Each reply is wrapped (`[reply]`, or
 * `[]` for none) so `-> 0` yields SQL NULL for "no reply" and JSON `null` for a `null` reply.
 */
const INSERT_EVENTS = `insert into journal (persistence_id, seq, msg_id, event, reply)
select persistence_id, seq::bigint, msg_id, event, reply -> 0
from rows from (
  json_array_elements_text($1::json), json_array_elements_text($2::json), json_array_elements_text($3::json),
  json_array_elements($4::json), json_array_elements($5::json)
) as batch (persistence_id, seq, msg_id, event, reply)`;

/** `journal.seq`, not the `seq` text alias, so the order and the keyset compare numbers. */
const READ_PAGE = `select seq::text as seq, msg_id, event::text as event, reply::text as reply
from journal where persistence_id = $1 and journal.seq > $2 order by journal.seq limit $3`;

const HIGHEST_SEQ = `select coalesce(max(seq), 0)::text as seq from journal where persistence_id = $1`;

const FIND_REPLY = `select reply::text as reply from journal where persistence_id = $1 and msg_id = $2`;

/** Upsert that leaves a stored snapshot alone when it is newer than the one offered. */
const SAVE_SNAPSHOT = `insert into snapshots (persistence_id, seq, state, processed, taken_at)
values ($1, $2, $3::json, $4::json, now())
on conflict (persistence_id) do update
set seq = excluded.seq, state = excluded.state, processed = excluded.processed, taken_at = excluded.taken_at
where snapshots.seq <= excluded.seq`;

const LOAD_SNAPSHOT = `select seq::text as seq, state::text as state, processed::text as processed
from snapshots where persistence_id = $1`;

/** The unique index behind each kind of conflict (see migrations/001_journal.sql). */
const CONFLICT_BY_CONSTRAINT: Readonly<Record<string, 'seq' | 'msgId'>> = {
  journal_pkey: 'seq',
  journal_msg_id_key: 'msgId',
};
/** PostgreSQL's detail for a unique violation: `Key (persistence_id, seq)=(account/u_1, 3) already exists.` */
const CONFLICT_DETAIL = /^Key \(persistence_id, (?:seq|msg_id)\)=\((.*)\) already exists\.$/s;

interface EventRecord {
  readonly seq: string;
  readonly msg_id: string | null;
  readonly event: string;
  readonly reply: string | null;
}

/**
 * The journal in PostgreSQL or PGlite: the same SQL on both, through a `SqlDriver`. Expects the
 * schema from `migrate`.
 *
 * A batch is one `insert … select` statement, so it is atomic and costs one round trip whatever its
 * size. With projections, the projections' statements join that insert as data-modifying CTEs of
 * the same single statement: atomic without an explicit transaction, so a client killed mid-batch
 * can never leave one open (PGlite's socket server shares one session between all clients, and a
 * transaction its dead client left open would swallow everyone else's writes).
 * Values are encoded by the codec and read back as the text it wrote (`json` columns), so both
 * databases return identical values (bigints included).
 *
 * The driver stays its creator's: `close()` leaves it open for the others sharing it (audit log,
 * read models), and the creator closes it last.
 */
export class SqlJournal implements Journal {
  readonly #driver: SqlDriver;
  readonly #pageSize: number;
  readonly #projections: readonly Projection[];

  constructor(driver: SqlDriver, options: SqlJournalOptions = {}) {
    const pageSize = options.pageSize ?? 1_000;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1)
      throw new RangeError(`pageSize ${pageSize} must be >= 1`);
    this.#driver = driver;
    this.#pageSize = pageSize;
    this.#projections = options.projections ?? [];
  }

  /**
   * @throws JournalConflictError when a seq or message id exists (or repeats within the batch);
   * nothing of the batch is written.
   * @throws InvalidValueError when a write or value cannot be stored; nothing is written.
   * @throws StoreUnavailableError when the database cannot be reached.
   * @throws whatever a projection or its statements throw; nothing is written.
   */
  async appendBatch(writes: readonly AppendWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const rows = toEventRows(writes);
    const persistenceIds = new Array<string>(rows.length);
    const seqs = new Array<number>(rows.length);
    const msgIds = new Array<string | null>(rows.length);
    let events = '[';
    let replies = '[';
    rows.forEach((row, i) => {
      persistenceIds[i] = row.persistenceId;
      seqs[i] = row.seq;
      msgIds[i] = row.msgId;
      const comma = i === 0 ? '' : ',';
      events += comma + row.event;
      replies += comma + (row.reply === null ? '[]' : `[${row.reply}]`);
    });
    const params = [
      JSON.stringify(persistenceIds),
      JSON.stringify(seqs),
      JSON.stringify(msgIds),
      events + ']',
      replies + ']',
    ];
    const statements = this.#projections.flatMap((projection) => projection.statements(writes));
    try {
      if (statements.length === 0) await this.#driver.query(INSERT_EVENTS, params);
      else await this.#driver.query(...withProjections(params, statements));
    } catch (error) {
      throw toConflictError(error, writes) ?? error;
    }
  }

  /** Pages through the events with keyset pagination (`seq > last`), so memory stays bounded. */
  async *read(persistenceId: string, afterSeq: number): AsyncGenerator<JournalEntry> {
    let after = afterSeq;
    for (;;) {
      const page = await this.#driver.query<EventRecord>(READ_PAGE, [persistenceId, after, this.#pageSize]);
      for (const row of page) {
        after = Number(row.seq);
        yield toEntry(persistenceId, after, row.event, row.msg_id, row.reply);
      }
      if (page.length < this.#pageSize) return;
    }
  }

  async highestSeq(persistenceId: string): Promise<number> {
    const [row] = await this.#driver.query<{ seq: string }>(HIGHEST_SEQ, [persistenceId]);
    return Number(row?.seq ?? 0);
  }

  async findReply(persistenceId: string, msgId: string): Promise<{ readonly reply: unknown } | undefined> {
    const [row] = await this.#driver.query<{ reply: string | null }>(FIND_REPLY, [persistenceId, msgId]);
    if (!row) return undefined;
    return { reply: row.reply === null ? undefined : decodeValue(row.reply) };
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const row = toSnapshotRow(snapshot);
    await this.#driver.query(SAVE_SNAPSHOT, [snapshot.persistenceId, snapshot.seq, row.state, row.processed]);
  }

  async loadSnapshot(persistenceId: string): Promise<Snapshot | undefined> {
    const [row] = await this.#driver.query<{ seq: string; state: string; processed: string }>(LOAD_SNAPSHOT, [
      persistenceId,
    ]);
    return row && toSnapshot(persistenceId, Number(row.seq), row);
  }

  /** Leaves the driver open: it belongs to whoever created it (see the class comment). */
  async close(): Promise<void> {}
}

/**
 * The journal insert and every projection statement as one statement: `with j as (insert …),
 * p1 as (insert …) select 1`, each statement's `$n` shifted past the ones before it.
 */
function withProjections(
  journalParams: readonly unknown[],
  statements: readonly SqlStatement[],
): [string, unknown[]] {
  const params = [...journalParams];
  const parts = [`journal_rows as (${INSERT_EVENTS})`];
  statements.forEach((statement, i) => {
    const offset = params.length;
    parts.push(`p${i} as (${statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    params.push(...statement.params);
  });
  return [`with ${parts.join(',\n')}\nselect 1`, params];
}

/** Turns a unique violation on the journal into `JournalConflictError`, naming the write when it can. */
function toConflictError(error: unknown, writes: readonly AppendWrite[]): JournalConflictError | undefined {
  const fields = databaseErrorFields(error);
  if (fields?.code !== UNIQUE_VIOLATION || fields.constraint === undefined) return undefined;
  const conflict = CONFLICT_BY_CONSTRAINT[fields.constraint];
  if (conflict === undefined) return undefined;
  const key = CONFLICT_DETAIL.exec(fields.detail ?? '')?.[1];
  let persistenceId: string | undefined;
  let what = conflict === 'seq' ? 'a seq' : 'a message id';
  if (key !== undefined && conflict === 'seq') {
    const [, id, seq] = /^(.*), (\d+)$/s.exec(key) ?? [];
    if (id !== undefined && writes.some((write) => write.persistenceId === id)) {
      persistenceId = id;
      what = `seq ${seq}`;
    }
  } else if (key !== undefined) {
    const write = writes.find(
      (candidate) =>
        candidate.msgId !== undefined && `${candidate.persistenceId}, ${candidate.msgId}` === key,
    );
    if (write) {
      persistenceId = write.persistenceId;
      what = `message ${write.msgId}`;
    }
  }
  return new JournalConflictError(`journal conflict: ${persistenceId ?? 'an actor'} already has ${what}`, {
    ...(persistenceId === undefined ? {} : { persistenceId }),
    conflict,
    cause: error,
  });
}
