import type { AppendWrite } from './types.ts';

/** One SQL statement with its `$1…` parameters. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * A read model that `SqlJournal` keeps in step with the journal: for every batch it asks each
 * projection for statements and runs them in the same single statement as the journal insert (as
 * data-modifying CTEs, so each must be one `insert`/`update` without a `with` of its own),
 * so the read model never shows an event the journal lost, nor misses one it kept. A statement that
 * fails rolls the whole batch back, journal rows included.
 *
 * `statements` sees the batch exactly as appended (events not yet encoded, bigints as bigints) and
 * must not assume anything else is in it: it is called once per attempt, and a batch split after a
 * conflict is offered again write by write. Return an empty list for writes it does not read (other
 * actors), which keeps the journal's one-statement path. Build a few multi-row statements per batch
 * (JSON parameters), not one per event: a batch can hold thousands of writes.
 */
export interface Projection {
  statements(writes: readonly AppendWrite[]): readonly SqlStatement[];
}
