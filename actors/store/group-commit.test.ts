import { describe, expect, test } from 'vitest';
import { InvalidValueError, JournalConflictError, StoreUnavailableError } from './errors.ts';
import { GroupCommitJournal } from './group-commit.ts';
import { MemoryJournal } from './memory-journal.ts';
import { migrate } from './migrate.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import { SqlJournal } from './sql-journal.ts';
import type { AppendWrite, JournalEntry } from './types.ts';

/** A memory journal whose writes take a little while, like a database round trip, and are recorded. */
class SlowJournal extends MemoryJournal {
  readonly batchSizes: number[] = [];
  failNext: Error | undefined;
  writing = 0;
  mostAtOnce = 0;

  override async appendBatch(writes: readonly AppendWrite[]): Promise<void> {
    this.batchSizes.push(writes.length);
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.writing);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.writing--;
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    await super.appendBatch(writes);
  }
}

async function readAll(journal: GroupCommitJournal, persistenceId: string): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for await (const entry of journal.read(persistenceId, 0)) entries.push(entry);
  return entries;
}

/** Each actor appends `count` single-event writes one after another, all actors at once. */
async function actorsAppend(journal: GroupCommitJournal, actors: number, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: actors }, async (_, a) => {
      for (let seq = 1; seq <= count; seq++) {
        await journal.append({
          persistenceId: `account/u_${a}`,
          fromSeq: seq,
          events: [{ seq }],
          msgId: `m-${seq}`,
        });
      }
    }),
  );
}

describe('group commit', () => {
  test('1,000 appends from 100 concurrent actors go out in far fewer batches than writes', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner);
    await actorsAppend(journal, 100, 10);
    expect(journal.stats.writes).toBe(1_000);
    expect(journal.stats.batches).toBe(inner.batchSizes.length);
    expect(journal.stats.batches).toBeLessThanOrEqual(20);
    expect(Math.max(...inner.batchSizes)).toBeGreaterThanOrEqual(100);
    expect(journal.stats.pending).toBe(0);
  });

  test('writes made in the same tick share one batch', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        journal.append({ persistenceId: `a/${i}`, fromSeq: 1, events: [i] }),
      ),
    );
    expect(inner.batchSizes).toEqual([50]);
    expect(journal.stats.lastBatchSize).toBe(50);
  });

  test('each actor’s writes land in the order they were appended', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner, { maxBatchWrites: 7 });
    await actorsAppend(journal, 20, 15);
    for (let a = 0; a < 20; a++) {
      const entries = await readAll(journal, `account/u_${a}`);
      expect(entries.map((entry) => entry.event)).toEqual(
        Array.from({ length: 15 }, (_, i) => ({ seq: i + 1 })),
      );
    }
  });

  test('with maxInFlight, batches overlap and each actor’s writes still land in order', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner, { maxBatchWrites: 9, maxInFlight: 3 });
    const sequential = new SlowJournal();
    await actorsAppend(journal, 30, 12);
    await actorsAppend(new GroupCommitJournal(sequential, { maxBatchWrites: 9 }), 30, 12);
    expect(inner.mostAtOnce).toBe(3);
    expect(sequential.mostAtOnce).toBe(1);
    expect(journal.stats.inFlight).toBe(0);
    for (let a = 0; a < 30; a++) {
      const entries = await readAll(journal, `account/u_${a}`);
      expect(entries.map((entry) => entry.event)).toEqual(
        Array.from({ length: 12 }, (_, i) => ({ seq: i + 1 })),
      );
    }
  });

  test('a write for an actor with a batch in flight waits for it, even when a slot is free', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner, { maxInFlight: 4 });
    const first = journal.appendBatch([{ persistenceId: 'account/x', fromSeq: 1, events: ['one'] }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(journal.stats.inFlight).toBe(1);
    const second = journal.appendBatch([{ persistenceId: 'account/x', fromSeq: 2, events: ['two'] }]);
    const other = journal.appendBatch([{ persistenceId: 'account/y', fromSeq: 1, events: ['y'] }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(journal.stats.inFlight).toBe(2);
    expect(journal.stats.pending).toBe(1);
    await Promise.all([first, second, other]);
    expect(inner.batchSizes).toEqual([1, 1, 1]);
    expect((await readAll(journal, 'account/x')).map((e) => e.event)).toEqual(['one', 'two']);
  });

  test('a batch never holds more than maxBatchWrites writes', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner, { maxBatchWrites: 7 });
    await actorsAppend(journal, 20, 5);
    expect(inner.batchSizes.every((size) => size <= 7)).toBe(true);
    expect(inner.batchSizes.reduce((sum, size) => sum + size, 0)).toBe(100);
  });

  test('a conflicting write fails alone while the others in its batch land', async () => {
    const inner = new SlowJournal();
    await inner.appendBatch([{ persistenceId: 'account/taken', fromSeq: 1, events: ['first'] }]);
    const journal = new GroupCommitJournal(inner);
    const results = await Promise.allSettled([
      journal.append({ persistenceId: 'account/a', fromSeq: 1, events: ['a'] }),
      journal.append({ persistenceId: 'account/taken', fromSeq: 1, events: ['second'] }),
      journal.append({ persistenceId: 'account/b', fromSeq: 1, events: ['b'] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(JournalConflictError);
    expect(await readAll(journal, 'account/a')).toHaveLength(1);
    expect(await readAll(journal, 'account/b')).toHaveLength(1);
    expect((await readAll(journal, 'account/taken')).map((entry) => entry.event)).toEqual(['first']);
    expect(journal.stats.splitBatches).toBe(1);
  });

  test('a write the codec cannot store fails alone while the others land', async () => {
    const journal = new GroupCommitJournal(new SlowJournal());
    const results = await Promise.allSettled([
      journal.append({ persistenceId: 'account/a', fromSeq: 1, events: ['a'] }),
      journal.append({ persistenceId: 'account/bad', fromSeq: 1, events: [new Map()] }),
    ]);
    expect(results[0]?.status).toBe('fulfilled');
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidValueError);
  });

  test('an inner journal failure rejects every write of that batch, and later batches still go out', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner);
    const down = new StoreUnavailableError('PostgreSQL unavailable: connection refused');
    inner.failNext = down;
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((id) =>
        journal.append({ persistenceId: `account/${id}`, fromSeq: 1, events: [id] }),
      ),
    );
    expect(results.map((result) => (result as PromiseRejectedResult).reason)).toEqual([down, down, down]);
    expect(inner.batchSizes).toEqual([3]);
    expect(await readAll(journal, 'account/a')).toEqual([]);

    await journal.append({ persistenceId: 'account/a', fromSeq: 1, events: ['a'] });
    expect(await readAll(journal, 'account/a')).toHaveLength(1);
  });

  test('an appendBatch call lands whole or fails whole inside a group batch', async () => {
    const inner = new SlowJournal();
    await inner.appendBatch([{ persistenceId: 'account/taken', fromSeq: 1, events: ['first'] }]);
    const journal = new GroupCommitJournal(inner);
    const results = await Promise.allSettled([
      journal.appendBatch([
        { persistenceId: 'account/x', fromSeq: 1, events: ['x'] },
        { persistenceId: 'account/taken', fromSeq: 1, events: ['again'] },
      ]),
      journal.append({ persistenceId: 'account/y', fromSeq: 1, events: ['y'] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(await readAll(journal, 'account/x')).toEqual([]);
  });

  test('close waits for queued writes to land', async () => {
    const inner = new SlowJournal();
    const journal = new GroupCommitJournal(inner);
    const appended = journal.append({ persistenceId: 'account/a', fromSeq: 1, events: ['a'] });
    await journal.close();
    expect(await inner.highestSeq('account/a')).toBe(1);
    await appended;
  });

  test('reads, replies and snapshots go to the inner journal', async () => {
    const inner = new MemoryJournal();
    await inner.appendBatch([
      { persistenceId: 'account/a', fromSeq: 1, events: ['a'], msgId: 'm', reply: 7 },
    ]);
    await inner.saveSnapshot({ persistenceId: 'account/a', seq: 1, state: 's', processed: [] });
    const journal = new GroupCommitJournal(inner);
    expect(await journal.highestSeq('account/a')).toBe(1);
    expect(await journal.findReply('account/a', 'm')).toEqual({ reply: 7 });
    expect((await journal.loadSnapshot('account/a'))?.state).toBe('s');
    await journal.saveSnapshot({ persistenceId: 'account/a', seq: 2, state: 't', processed: [] });
    expect((await inner.loadSnapshot('account/a'))?.state).toBe('t');
  });

  test('over SqlJournal on PGlite, a conflicting write in a batch fails alone', async () => {
    const driver = await createPgliteDriver();
    try {
      await migrate(driver);
      const journal = new GroupCommitJournal(new SqlJournal(driver));
      await journal.append({ persistenceId: 'account/a', fromSeq: 1, events: ['a'], msgId: 'cmd' });
      const results = await Promise.allSettled([
        journal.append({ persistenceId: 'account/a', fromSeq: 2, events: ['redelivered'], msgId: 'cmd' }),
        journal.append({ persistenceId: 'account/b', fromSeq: 1, events: ['b'] }),
      ]);
      expect(results[1]?.status).toBe('fulfilled');
      const error = (results[0] as PromiseRejectedResult).reason as JournalConflictError;
      expect(error).toBeInstanceOf(JournalConflictError);
      expect(error.conflict).toBe('msgId');
      expect(await journal.highestSeq('account/a')).toBe(1);
      expect(await journal.highestSeq('account/b')).toBe(1);
    } finally {
      await driver.close();
    }
  });
});
