import { InvalidValueError, JournalConflictError } from './errors.ts';
import type { AppendWrite, Journal, JournalEntry, Snapshot } from './types.ts';

export interface GroupCommitOptions {
  /** Most writes in one batch to the inner journal. Default 2,000. */
  readonly maxBatchWrites?: number;
  /**
   * Batches written at the same time (pipelining over a connection pool, so the database works
   * while the actors prepare the next batch). Default 1; keep it at most the pool's size.
   */
  readonly maxInFlight?: number;
}

/** Counters for metrics; a fresh object on every read of `stats`. */
export interface GroupCommitStats {
  /** Batches sent to the inner journal (one-by-one retries after a conflict not counted). */
  readonly batches: number;
  /** Writes sent in those batches. */
  readonly writes: number;
  /** Writes in the most recent batch. */
  readonly lastBatchSize: number;
  /** Batches that failed on one write's content and were retried write by write. */
  readonly splitBatches: number;
  /** Writes waiting for a batch slot. */
  readonly pending: number;
  /** Batches being written right now. */
  readonly inFlight: number;
}

/** One `append`/`appendBatch` call: its writes land together or not at all. */
interface Unit {
  readonly writes: readonly AppendWrite[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit over any journal: while one batch is being written, new writes queue up and go out
 * together as the next single `appendBatch`, so many actors' events share one database write (and
 * one fsync) instead of each paying for its own. Writes made in the same tick share the first batch.
 *
 * Failures stay with the write that caused them. When a batch fails because of one write's content
 * (`JournalConflictError`, `InvalidValueError`), its calls are retried one by one, so only the
 * offending call fails and the rest land. Any other failure (database down, …) rejects every call
 * in the batch with that error.
 *
 * Order: calls are written in the order they were made, so one actor's writes land in order.
 * Reads and snapshots go straight to the inner journal; a write is visible to them once its
 * `append` has resolved.
 */
export class GroupCommitJournal implements Journal {
  readonly #inner: Journal;
  readonly #maxBatchWrites: number;
  readonly #maxInFlight: number;
  #queue: Unit[] = [];
  #queuedWrites = 0;
  #pumpScheduled = false;
  /** Batches being written, and the actors they write for (a later write of theirs must wait). */
  readonly #inFlight = new Set<Promise<void>>();
  readonly #inFlightIds = new Set<string>();
  #batches = 0;
  #writes = 0;
  #lastBatchSize = 0;
  #splitBatches = 0;

  constructor(inner: Journal, options: GroupCommitOptions = {}) {
    const max = options.maxBatchWrites ?? 2_000;
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`maxBatchWrites ${max} must be >= 1`);
    const inFlight = options.maxInFlight ?? 1;
    if (!Number.isSafeInteger(inFlight) || inFlight < 1)
      throw new RangeError(`maxInFlight ${inFlight} must be >= 1`);
    this.#inner = inner;
    this.#maxBatchWrites = max;
    this.#maxInFlight = inFlight;
  }

  get stats(): GroupCommitStats {
    return {
      batches: this.#batches,
      writes: this.#writes,
      lastBatchSize: this.#lastBatchSize,
      splitBatches: this.#splitBatches,
      pending: this.#queuedWrites,
      inFlight: this.#inFlight.size,
    };
  }

  /**
   * Queues one write; resolves once it is durable, rejects with the inner journal's error for it
   * (`JournalConflictError` when its seq or message id exists).
   */
  append(write: AppendWrite): Promise<void> {
    return this.appendBatch([write]);
  }

  /** Queues several writes that land together or not at all, within the next group batch. */
  appendBatch(writes: readonly AppendWrite[]): Promise<void> {
    if (writes.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ writes, resolve, reject });
      this.#queuedWrites += writes.length;
      this.#schedulePump();
    });
  }

  read(persistenceId: string, afterSeq: number): AsyncIterable<JournalEntry> {
    return this.#inner.read(persistenceId, afterSeq);
  }

  highestSeq(persistenceId: string): Promise<number> {
    return this.#inner.highestSeq(persistenceId);
  }

  findReply(persistenceId: string, msgId: string): Promise<{ readonly reply: unknown } | undefined> {
    return this.#inner.findReply(persistenceId, msgId);
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    return this.#inner.saveSnapshot(snapshot);
  }

  loadSnapshot(persistenceId: string): Promise<Snapshot | undefined> {
    return this.#inner.loadSnapshot(persistenceId);
  }

  /** Waits for every queued write to settle, then closes the inner journal. */
  async close(): Promise<void> {
    while (this.#queue.length > 0 || this.#inFlight.size > 0) {
      this.#pump();
      await Promise.race(this.#inFlight);
    }
    await this.#inner.close();
  }

  /**
   * Batches start one macrotask after the first queued write, not a microtask: by then every actor
   * woken by the previous batch's replies has made its next write, so they share one batch.
   */
  #schedulePump(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => {
      this.#pumpScheduled = false;
      this.#pump();
    });
  }

  /** Starts batches while slots are free and writes are waiting. */
  #pump(): void {
    while (this.#inFlight.size < this.#maxInFlight && this.#queue.length > 0) {
      const units = this.#take();
      if (units.length === 0) return;
      const ids = new Set(units.flatMap((unit) => unit.writes.map((w) => w.persistenceId)));
      for (const id of ids) this.#inFlightIds.add(id);
      const batch: Promise<void> = this.#commit(units).then(() => {
        this.#inFlight.delete(batch);
        for (const id of ids) this.#inFlightIds.delete(id);
        if (this.#queue.length > 0) this.#schedulePump();
      });
      this.#inFlight.add(batch);
    }
  }

  /**
   * Removes the next batch from the queue: calls in queue order up to `maxBatchWrites` writes (one
   * call at least). A call for an actor with a batch in flight stays queued, and so does every later
   * call for the same actor, so one actor's writes land in the order they were made.
   */
  #take(): Unit[] {
    const blocked = new Set(this.#inFlightIds);
    const taken: Unit[] = [];
    const kept: Unit[] = [];
    let size = 0;
    for (const unit of this.#queue) {
      const full = taken.length > 0 && size + unit.writes.length > this.#maxBatchWrites;
      if (full || unit.writes.some((w) => blocked.has(w.persistenceId))) {
        for (const w of unit.writes) blocked.add(w.persistenceId);
        kept.push(unit);
        continue;
      }
      taken.push(unit);
      size += unit.writes.length;
    }
    this.#queue = kept;
    this.#queuedWrites -= size;
    return taken;
  }

  /** Writes one batch and settles its calls; never rejects. */
  async #commit(units: readonly Unit[]): Promise<void> {
    const writes = units.length === 1 ? (units[0]?.writes ?? []) : units.flatMap((unit) => unit.writes);
    this.#batches++;
    this.#writes += writes.length;
    this.#lastBatchSize = writes.length;
    try {
      await this.#inner.appendBatch(writes);
    } catch (error) {
      if (
        units.length === 1 ||
        !(error instanceof JournalConflictError || error instanceof InvalidValueError)
      ) {
        for (const unit of units) unit.reject(error);
        return;
      }
      this.#splitBatches++;
      for (const unit of units) {
        try {
          await this.#inner.appendBatch(unit.writes);
          unit.resolve();
        } catch (unitError) {
          unit.reject(unitError);
        }
      }
      return;
    }
    for (const unit of units) unit.resolve();
  }
}
