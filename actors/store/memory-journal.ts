import { decodeValue } from './codec.ts';
import { JournalConflictError } from './errors.ts';
import { toEntry, toEventRows, toSnapshot, toSnapshotRow, type EventRow, type SnapshotRow } from './rows.ts';
import type { AppendWrite, Journal, JournalEntry, Snapshot } from './types.ts';

/**
 * A stored event: codec text as UTF-8 bytes. Off the JavaScript heap, so a journal of millions of
 * events costs the garbage collector nothing to walk (codec text is built by concatenation, and
 * kept as a string it would stay a rope of thousands of small heap objects per event).
 */
interface StoredRow {
  readonly seq: number;
  readonly msgId: string | null;
  readonly event: Buffer;
  readonly reply: Buffer | null;
}

interface ActorLog {
  /** Sorted by seq. */
  readonly events: StoredRow[];
  readonly seqs: Set<number>;
  /** Message id → encoded reply (`null` for an `undefined` reply). */
  readonly replies: Map<string, Buffer | null>;
}

const text = (bytes: Buffer | null): string | null => (bytes === null ? null : bytes.toString('utf8'));

/**
 * The journal in process memory, for tests and for runs that need no durability. It follows the
 * SQL journal's rules exactly (the shared contract suite checks both): values are stored as codec
 * text, so callers get copies and bigints behave as in the database, and a batch with any conflict
 * (with stored rows or within itself) is rejected whole.
 */
export class MemoryJournal implements Journal {
  readonly #actors = new Map<string, ActorLog>();
  readonly #snapshots = new Map<string, { readonly seq: number; readonly row: SnapshotRow }>();

  /**
   * @throws JournalConflictError when a seq or message id exists (or repeats within the batch);
   * nothing of the batch is written.
   * @throws InvalidValueError when a write or value cannot be stored; nothing is written.
   */
  async appendBatch(writes: readonly AppendWrite[]): Promise<void> {
    const rows = toEventRows(writes);
    this.#checkConflicts(rows);
    for (const row of rows) {
      let log = this.#actors.get(row.persistenceId);
      if (!log) {
        log = { events: [], seqs: new Set(), replies: new Map() };
        this.#actors.set(row.persistenceId, log);
      }
      const reply = row.reply === null ? null : Buffer.from(row.reply, 'utf8');
      const stored: StoredRow = {
        seq: row.seq,
        msgId: row.msgId,
        event: Buffer.from(row.event, 'utf8'),
        reply,
      };
      const last = log.events.at(-1);
      if (last === undefined || last.seq < row.seq) log.events.push(stored);
      else log.events.splice(firstAfter(log.events, row.seq), 0, stored);
      log.seqs.add(row.seq);
      if (row.msgId !== null) log.replies.set(row.msgId, reply);
    }
  }

  async *read(persistenceId: string, afterSeq: number): AsyncGenerator<JournalEntry> {
    const events = this.#actors.get(persistenceId)?.events;
    if (!events) return;
    let after = afterSeq;
    for (;;) {
      // Searched again each step, like the SQL journal's keyset paging, so appends during the read are safe.
      const row = events[firstAfter(events, after)];
      if (row === undefined) return;
      after = row.seq;
      yield toEntry(persistenceId, row.seq, text(row.event)!, row.msgId, text(row.reply));
    }
  }

  async highestSeq(persistenceId: string): Promise<number> {
    return this.#actors.get(persistenceId)?.events.at(-1)?.seq ?? 0;
  }

  async findReply(persistenceId: string, msgId: string): Promise<{ readonly reply: unknown } | undefined> {
    const replies = this.#actors.get(persistenceId)?.replies;
    if (!replies?.has(msgId)) return undefined;
    const reply = text(replies.get(msgId) ?? null);
    return { reply: reply === null ? undefined : decodeValue(reply) };
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const row = toSnapshotRow(snapshot);
    const stored = this.#snapshots.get(snapshot.persistenceId);
    if (stored && stored.seq > snapshot.seq) return;
    this.#snapshots.set(snapshot.persistenceId, { seq: snapshot.seq, row });
  }

  async loadSnapshot(persistenceId: string): Promise<Snapshot | undefined> {
    const stored = this.#snapshots.get(persistenceId);
    return stored && toSnapshot(persistenceId, stored.seq, stored.row);
  }

  /** Nothing to release; the data stays readable until the journal is garbage. */
  async close(): Promise<void> {}

  #checkConflicts(rows: readonly EventRow[]): void {
    // What this batch itself adds, per actor: a repeat inside the batch conflicts too.
    const batchSeqs = new Map<string, Set<number>>();
    const batchMsgIds = new Map<string, Set<string>>();
    for (const { persistenceId, seq, msgId } of rows) {
      const log = this.#actors.get(persistenceId);
      let seqs = batchSeqs.get(persistenceId);
      if (!seqs) batchSeqs.set(persistenceId, (seqs = new Set()));
      if (log?.seqs.has(seq) || seqs.has(seq)) {
        throw new JournalConflictError(`journal conflict: ${persistenceId} already has seq ${seq}`, {
          persistenceId,
          conflict: 'seq',
        });
      }
      seqs.add(seq);
      if (msgId === null) continue;
      let msgIds = batchMsgIds.get(persistenceId);
      if (!msgIds) batchMsgIds.set(persistenceId, (msgIds = new Set()));
      if (log?.replies.has(msgId) || msgIds.has(msgId)) {
        throw new JournalConflictError(`journal conflict: ${persistenceId} already has message ${msgId}`, {
          persistenceId,
          conflict: 'msgId',
        });
      }
      msgIds.add(msgId);
    }
  }
}

/** Index of the first event with `seq > after` (binary search over the sorted events). */
function firstAfter(events: readonly StoredRow[], after: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.seq ?? Infinity) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
