/**
 * How writes and snapshots become stored rows and back. Shared by `MemoryJournal` and `SqlJournal`
 * so both validate the same way and hold the same encoded text.
 */
import { decodeValue, encodeValue, isStorableText } from './codec.ts';
import { InvalidValueError } from './errors.ts';
import type { AppendWrite, JournalEntry, Snapshot } from './types.ts';

/** One event row with its values encoded. */
export interface EventRow {
  readonly persistenceId: string;
  readonly seq: number;
  /** Only on the last event of a write that carried a message id. */
  readonly msgId: string | null;
  readonly event: string;
  /** Encoded reply; `null` when there is no message id or the reply was `undefined`. */
  readonly reply: string | null;
}

/** A snapshot's values encoded. */
export interface SnapshotRow {
  readonly state: string;
  readonly processed: string;
}

/**
 * Validates and encodes a batch, one row per event. A reply is kept only with a message id: it
 * exists to answer a redelivered command, which is found by that id.
 *
 * @throws InvalidValueError for an empty or non-string id, a `fromSeq` that is not a positive safe
 * integer, a write without events, or an event or reply the codec cannot store.
 */
export function toEventRows(writes: readonly AppendWrite[]): EventRow[] {
  // Hot path (every journaled command): error paths and messages are built only when needed.
  const rows: EventRow[] = [];
  for (let w = 0; w < writes.length; w++) {
    const { persistenceId, fromSeq, events, msgId, reply } = writes[w]!;
    if (!isId(persistenceId)) throw idError(persistenceId, `writes[${w}].persistenceId`);
    if (msgId !== undefined && !isId(msgId)) throw idError(msgId, `writes[${w}].msgId`);
    if (!Array.isArray(events) || events.length === 0) {
      throw new InvalidValueError(`writes[${w}].events`, `write for ${persistenceId} has no events`);
    }
    if (!Number.isSafeInteger(fromSeq) || fromSeq < 1 || !Number.isSafeInteger(fromSeq + events.length)) {
      throw new InvalidValueError(
        `writes[${w}].fromSeq`,
        `fromSeq ${fromSeq} of ${persistenceId} is not a positive integer`,
      );
    }
    const last = events.length - 1;
    for (let i = 0; i <= last; i++) {
      const seq = fromSeq + i;
      let event: string;
      try {
        event = encodeValue(events[i]);
      } catch (error) {
        throw located(error, `writes[${w}].events[${i}]`, `${persistenceId} event ${seq}`);
      }
      if (i < last || msgId === undefined) {
        rows.push({ persistenceId, seq, msgId: null, event, reply: null });
        continue;
      }
      let encodedReply: string | null = null;
      try {
        if (reply !== undefined) encodedReply = encodeValue(reply);
      } catch (error) {
        throw located(error, `writes[${w}].reply`, `${persistenceId} reply`);
      }
      rows.push({ persistenceId, seq, msgId, event, reply: encodedReply });
    }
  }
  return rows;
}

/** Rebuilds the entry for a stored row; `msgId` and `reply` are present only when a message id was stored. */
export function toEntry(
  persistenceId: string,
  seq: number,
  event: string,
  msgId: string | null,
  reply: string | null,
): JournalEntry {
  const entry: JournalEntry = { persistenceId, seq, event: decodeValue(event) };
  if (msgId === null) return entry;
  return { ...entry, msgId, reply: reply === null ? undefined : decodeValue(reply) };
}

/**
 * Encodes a snapshot. `processed` is kept as `[{ msgId, reply }]` so an `undefined` reply survives
 * (the codec refuses `undefined` inside arrays).
 *
 * @throws InvalidValueError for a bad id or seq, or state or replies the codec cannot store.
 */
export function toSnapshotRow(snapshot: Snapshot): SnapshotRow {
  const { persistenceId, seq } = snapshot;
  checkId(persistenceId, 'snapshot.persistenceId');
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new InvalidValueError(
      'snapshot.seq',
      `snapshot seq ${seq} of ${persistenceId} is not a non-negative integer`,
    );
  }
  const processed = snapshot.processed.map(([msgId, reply]) => ({ msgId, reply }));
  return {
    state: encodeAt(snapshot.state, 'snapshot.state', `${persistenceId} snapshot state`),
    processed: encodeAt(processed, 'snapshot.processed', `${persistenceId} snapshot processed ids`),
  };
}

/** Rebuilds a snapshot from its stored row. */
export function toSnapshot(persistenceId: string, seq: number, row: SnapshotRow): Snapshot {
  const processed = decodeValue(row.processed) as { msgId: string; reply?: unknown }[];
  return {
    persistenceId,
    seq,
    state: decodeValue(row.state),
    processed: processed.map(({ msgId, reply }) => [msgId, reply] as const),
  };
}

function isId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && isStorableText(id);
}

function idError(id: unknown, where: string): InvalidValueError {
  return new InvalidValueError(
    where,
    `${where} must be a non-empty string without NUL, got ${typeof id === 'string' ? JSON.stringify(id) : typeof id}`,
  );
}

function checkId(id: unknown, where: string): void {
  if (!isId(id)) throw idError(id, where);
}

/** Re-throws a codec error with the place in the batch or snapshot where the value was. */
function located(error: unknown, where: string, what: string): unknown {
  if (!(error instanceof InvalidValueError)) return error;
  return new InvalidValueError(where + error.path.slice(1), `${what}: ${error.message}`, { cause: error });
}

function encodeAt(value: unknown, where: string, what: string): string {
  try {
    return encodeValue(value);
  } catch (error) {
    throw located(error, where, what);
  }
}
