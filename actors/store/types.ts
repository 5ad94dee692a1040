/**
 * The event journal: the one durable record of what every actor decided.
 *
 * Values (events, replies, snapshot state) are plain JSON-shaped data that may also contain
 * `bigint`s (ledger amounts); adapters persist them through `codec.ts` so every adapter
 * round-trips the same values.
 */

/** One command's events for one actor, written all-or-nothing. */
export interface AppendWrite {
  /** Actor address, e.g. `account/u_42`. */
  readonly persistenceId: string;
  /** Sequence number of the first event; events get `fromSeq, fromSeq + 1, …`. Must be `highestSeq + 1`. */
  readonly fromSeq: number;
  /** At least one event. */
  readonly events: readonly unknown[];
  /** Id of the command that produced the events; unique per actor, so a redelivery cannot append twice. */
  readonly msgId?: string;
  /** The reply the command got; stored with the last event so a redelivered command gets it again. */
  readonly reply?: unknown;
}

export interface JournalEntry {
  readonly persistenceId: string;
  readonly seq: number;
  readonly event: unknown;
  /** Set on the last event of a command that carried a message id. */
  readonly msgId?: string;
  /** Set together with `msgId`. */
  readonly reply?: unknown;
}

export interface Snapshot {
  readonly persistenceId: string;
  /** Sequence number of the last event folded into `state`. */
  readonly seq: number;
  readonly state: unknown;
  /** Recently processed message ids and their replies, so idempotency survives snapshot + replay. */
  readonly processed: readonly (readonly [msgId: string, reply: unknown])[];
}

export interface Journal {
  /**
   * Appends several writes (usually from many actors) in one atomic database write: all land or none
   * does. Rejects with `JournalConflictError` when a sequence number or message id already exists.
   */
  appendBatch(writes: readonly AppendWrite[]): Promise<void>;
  /** Events of one actor with `seq > afterSeq`, in order. */
  read(persistenceId: string, afterSeq: number): AsyncIterable<JournalEntry>;
  /** Highest sequence number written for the actor, 0 when none. */
  highestSeq(persistenceId: string): Promise<number>;
  /** The stored reply of a command that was already journaled, or `undefined` when it was not. */
  findReply(persistenceId: string, msgId: string): Promise<{ readonly reply: unknown } | undefined>;
  /** Keeps only the newest snapshot per actor; an older one never replaces a newer one. */
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  loadSnapshot(persistenceId: string): Promise<Snapshot | undefined>;
  close(): Promise<void>;
}

/** One admin command, authorised or not, as the audit log keeps it. */
export interface AuditRecord {
  readonly at: Date;
  readonly principal: string;
  readonly verb: string;
  readonly target: string;
  readonly reason: string;
  readonly outcome: 'accepted' | 'denied';
  readonly detail?: unknown;
}

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** Newest first. */
  list(options?: { readonly target?: string; readonly limit?: number }): Promise<AuditRecord[]>;
}
