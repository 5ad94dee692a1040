import { decodeValue } from './codec.ts';
import { JournalConflictError } from './errors.ts';
import { toEntry, toEventRows, toSnapshot, toSnapshotRow, type EventRow, type SnapshotRow } from './rows.ts';
import { TextArena } from './text-arena.ts';
import type { AppendWrite, Journal, JournalEntry, Snapshot } from './types.ts';

/**
 * One actor's events, as parallel arrays of numbers sorted by seq: texts live in the journal's
 * arena, so the index costs the garbage collector nothing to walk however long it grows.
 */
interface ActorLog {
  readonly seqs: number[];
  readonly eventRefs: number[];
  readonly eventBytes: number[];
  /** Per event: index into `commands` of the command it ends, or -1. */
  readonly commandAt: number[];
  readonly commands: StoredCommand[];
  /** Message id -> index into `commands`. */
  readonly byMsgId: Map<string, number>;
}

/** A journaled command's message id and reply (`replyRef` -1: the reply was `undefined`). */
interface StoredCommand {
  readonly msgId: string;
  readonly replyRef: number;
  readonly replyBytes: number;
}

/**
 * The journal in process memory, for tests and for runs that need no durability. It follows the
 * SQL journal's rules exactly (the shared contract suite checks both): values are stored as codec
 * text, so callers get copies and bigints behave as in the database, and a batch with any conflict
 * (with stored rows or within itself) is rejected whole.
 */
export class MemoryJournal implements Journal {
  readonly #actors = new Map<string, ActorLog>();
  readonly #arena = new TextArena();
  readonly #snapshots = new Map<string, { readonly seq: number; readonly row: SnapshotRow }>();

  /**
   * @throws JournalConflictError when a seq or message id exists (or repeats within the batch);
   * nothing of the batch is written.
   * @throws InvalidValueError when a write or value cannot be stored; nothing is written.
   */
  async appendBatch(writes: readonly AppendWrite[]): Promise<void> {
    const rows = toEventRows(writes);
    this.#checkConflicts(rows);
    const arena = this.#arena;
    for (const row of rows) {
      let log = this.#actors.get(row.persistenceId);
      if (!log) {
        log = { seqs: [], eventRefs: [], eventBytes: [], commandAt: [], commands: [], byMsgId: new Map() };
        this.#actors.set(row.persistenceId, log);
      }
      let command = -1;
      if (row.msgId !== null) {
        const replyRef = row.reply === null ? -1 : arena.put(row.reply);
        const replyBytes = replyRef === -1 ? 0 : arena.lastBytes;
        command = log.commands.push({ msgId: row.msgId, replyRef, replyBytes }) - 1;
        log.byMsgId.set(row.msgId, command);
      }
      const eventRef = arena.put(row.event);
      const { seqs } = log;
      const last = seqs.length === 0 ? 0 : seqs[seqs.length - 1]!;
      const at = last < row.seq ? seqs.length : firstAfter(seqs, row.seq);
      if (at === seqs.length) {
        seqs.push(row.seq);
        log.eventRefs.push(eventRef);
        log.eventBytes.push(arena.lastBytes);
        log.commandAt.push(command);
      } else {
        seqs.splice(at, 0, row.seq);
        log.eventRefs.splice(at, 0, eventRef);
        log.eventBytes.splice(at, 0, arena.lastBytes);
        log.commandAt.splice(at, 0, command);
      }
    }
  }

  async *read(persistenceId: string, afterSeq: number): AsyncGenerator<JournalEntry> {
    const log = this.#actors.get(persistenceId);
    if (!log) return;
    let after = afterSeq;
    for (;;) {
      // Searched again each step, like the SQL journal's keyset paging, so appends during the read are safe.
      const i = firstAfter(log.seqs, after);
      if (i === log.seqs.length) return;
      after = log.seqs[i]!;
      const event = this.#arena.text(log.eventRefs[i]!, log.eventBytes[i]!);
      const command = log.commands[log.commandAt[i]!];
      yield command
        ? toEntry(persistenceId, after, event, command.msgId, this.#replyText(command))
        : toEntry(persistenceId, after, event, null, null);
    }
  }

  async highestSeq(persistenceId: string): Promise<number> {
    return this.#actors.get(persistenceId)?.seqs.at(-1) ?? 0;
  }

  async findReply(persistenceId: string, msgId: string): Promise<{ readonly reply: unknown } | undefined> {
    const log = this.#actors.get(persistenceId);
    const command = log?.byMsgId.get(msgId);
    if (command === undefined) return undefined;
    const reply = this.#replyText(log!.commands[command]!);
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

  #replyText({ replyRef, replyBytes }: StoredCommand): string | null {
    return replyRef === -1 ? null : this.#arena.text(replyRef, replyBytes);
  }

  #checkConflicts(rows: readonly EventRow[]): void {
    // A repeat inside the batch conflicts too. Most rows come after everything their actor has
    // (stored and earlier in the batch) and carry a message id used nowhere before: those are
    // checked with one comparison and a lookup or two; only the rest search further.
    const batch = new Map<string, BatchAdds>();
    for (let r = 0; r < rows.length; r++) {
      const { persistenceId, seq, msgId } = rows[r]!;
      const log = this.#actors.get(persistenceId);
      let adds = batch.get(persistenceId);
      if (!adds) {
        const stored = log === undefined || log.seqs.length === 0 ? 0 : log.seqs[log.seqs.length - 1]!;
        adds = { lastSeq: stored, msgIds: undefined };
        batch.set(persistenceId, adds);
      }
      if (seq > adds.lastSeq) adds.lastSeq = seq;
      else if ((log !== undefined && hasSeq(log.seqs, seq)) || repeatsInBatch(rows, r)) {
        throw new JournalConflictError(`journal conflict: ${persistenceId} already has seq ${seq}`, {
          persistenceId,
          conflict: 'seq',
        });
      }
      if (msgId === null) continue;
      const earlier = adds.msgIds;
      if (
        log?.byMsgId.has(msgId) ||
        earlier === msgId ||
        (typeof earlier === 'object' && earlier.has(msgId))
      ) {
        throw new JournalConflictError(`journal conflict: ${persistenceId} already has message ${msgId}`, {
          persistenceId,
          conflict: 'msgId',
        });
      }
      if (earlier === undefined) adds.msgIds = msgId;
      else if (typeof earlier === 'string') adds.msgIds = new Set([earlier, msgId]);
      else earlier.add(msgId);
    }
  }
}

/** What one batch adds to one actor, while its conflicts are checked. */
interface BatchAdds {
  /** Highest seq of the actor, stored or in the batch so far. */
  lastSeq: number;
  /** Message ids the batch adds: usually one, kept without a set. */
  msgIds: string | Set<string> | undefined;
}

/** Whether a row before `r` in the batch has row r's actor and seq (the rare, out-of-order case). */
function repeatsInBatch(rows: readonly EventRow[], r: number): boolean {
  const { persistenceId, seq } = rows[r]!;
  for (let i = 0; i < r; i++)
    if (rows[i]!.seq === seq && rows[i]!.persistenceId === persistenceId) return true;
  return false;
}

function hasSeq(seqs: readonly number[], seq: number): boolean {
  const i = firstAfter(seqs, seq) - 1;
  return i >= 0 && seqs[i] === seq;
}

/** Index of the first event with `seq > after` (binary search over the sorted events). */
function firstAfter(seqs: readonly number[], after: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqs[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
