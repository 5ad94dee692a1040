/**
 * The behaviour every `Journal` must have, as one suite run against each implementation (like
 * exchange-core's `OrderBookBaseTest`). `journal.test.ts` runs it on memory, PGlite (in memory and
 * on disk), PostgreSQL and PGlite served over the wire.
 *
 * One journal serves the whole suite; tests stay independent by using fresh persistence ids.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidValueError, JournalConflictError } from './errors.ts';
import type { AppendWrite, Journal, JournalEntry } from './types.ts';

export function journalContract(
  name: string,
  makeJournal: () => Promise<Journal>,
  cleanup: (journal: Journal) => Promise<void>,
): void {
  describe(`journal contract - ${name}`, () => {
    let journal: Journal;
    let actors = 0;
    const run = Math.random().toString(36).slice(2, 8);
    /** A persistence id no other test (or earlier run on the same database) used. */
    const actor = (kind = 'account'): string => `${kind}/${run}-${++actors}`;

    beforeAll(async () => {
      journal = await makeJournal();
    });

    afterAll(async () => {
      await cleanup(journal);
    });

    async function readAll(persistenceId: string, afterSeq = 0): Promise<JournalEntry[]> {
      const entries: JournalEntry[] = [];
      for await (const entry of journal.read(persistenceId, afterSeq)) entries.push(entry);
      return entries;
    }

    async function conflictOf(writes: readonly AppendWrite[]): Promise<JournalConflictError> {
      const error: unknown = await journal.appendBatch(writes).then(
        () => new Error('expected the batch to be rejected'),
        (rejection: unknown) => rejection,
      );
      if (!(error instanceof JournalConflictError)) throw error;
      return error;
    }

    test('appended events read back in order', async () => {
      const id = actor();
      await journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: ['opened', 'deposited'] }]);
      await journal.appendBatch([{ persistenceId: id, fromSeq: 3, events: ['withdrawn'] }]);
      expect(await readAll(id)).toEqual([
        { persistenceId: id, seq: 1, event: 'opened' },
        { persistenceId: id, seq: 2, event: 'deposited' },
        { persistenceId: id, seq: 3, event: 'withdrawn' },
      ]);
    });

    test('read after a seq returns only the later events', async () => {
      const id = actor();
      await journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: [1, 2, 3, 4] }]);
      expect((await readAll(id, 2)).map((entry) => entry.seq)).toEqual([3, 4]);
      expect(await readAll(id, 4)).toEqual([]);
    });

    test('an actor with no events reads nothing and has highestSeq 0', async () => {
      const id = actor();
      expect(await readAll(id)).toEqual([]);
      expect(await journal.highestSeq(id)).toBe(0);
    });

    test('highestSeq is the last seq written', async () => {
      const id = actor();
      await journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: ['a', 'b'] }]);
      await journal.appendBatch([{ persistenceId: id, fromSeq: 3, events: ['c'] }]);
      expect(await journal.highestSeq(id)).toBe(3);
    });

    test('a batch where one write hits an existing seq is rejected whole and writes nothing', async () => {
      const [a, b] = [actor(), actor()];
      await journal.appendBatch([{ persistenceId: a, fromSeq: 1, events: ['first'] }]);
      const error = await conflictOf([
        { persistenceId: b, fromSeq: 1, events: ['innocent'] },
        { persistenceId: a, fromSeq: 1, events: ['again'] },
      ]);
      expect(error.conflict).toBe('seq');
      expect(error.persistenceId).toBe(a);
      expect(error.code).toBe('JOURNAL_CONFLICT');
      expect(error.retryable).toBe(false);
      expect(await readAll(b)).toEqual([]);
      expect(await readAll(a)).toEqual([{ persistenceId: a, seq: 1, event: 'first' }]);
    });

    test('a batch where one write reuses a journaled msgId is rejected whole and writes nothing', async () => {
      const [a, b] = [actor(), actor()];
      await journal.appendBatch([
        { persistenceId: a, fromSeq: 1, events: ['x'], msgId: 'cmd-1', reply: 'ok' },
      ]);
      const error = await conflictOf([
        { persistenceId: b, fromSeq: 1, events: ['innocent'], msgId: 'cmd-1' },
        { persistenceId: a, fromSeq: 2, events: ['redelivered'], msgId: 'cmd-1', reply: 'ok' },
      ]);
      expect(error.conflict).toBe('msgId');
      expect(error.persistenceId).toBe(a);
      expect(await readAll(b)).toEqual([]);
      expect(await journal.highestSeq(a)).toBe(1);
    });

    test('a batch that repeats a seq within itself is rejected whole', async () => {
      const [a, b] = [actor(), actor()];
      const error = await conflictOf([
        { persistenceId: b, fromSeq: 1, events: ['innocent'] },
        { persistenceId: a, fromSeq: 1, events: ['x', 'y'] },
        { persistenceId: a, fromSeq: 2, events: ['z'] },
      ]);
      expect(error.conflict).toBe('seq');
      expect(await readAll(a)).toEqual([]);
      expect(await readAll(b)).toEqual([]);
    });

    test('findReply returns the reply of a journaled msgId and undefined for others', async () => {
      const id = actor();
      await journal.appendBatch([
        { persistenceId: id, fromSeq: 1, events: ['placed'], msgId: 'cmd-1', reply: { orderId: 'o-1' } },
      ]);
      expect(await journal.findReply(id, 'cmd-1')).toEqual({ reply: { orderId: 'o-1' } });
      expect(await journal.findReply(id, 'cmd-2')).toBeUndefined();
      expect(await journal.findReply(actor(), 'cmd-1')).toBeUndefined();
    });

    test('a null reply and an undefined reply are told apart', async () => {
      const id = actor();
      await journal.appendBatch([
        { persistenceId: id, fromSeq: 1, events: ['a'], msgId: 'with-null', reply: null },
        { persistenceId: id, fromSeq: 2, events: ['b'], msgId: 'without' },
      ]);
      expect(await journal.findReply(id, 'with-null')).toEqual({ reply: null });
      const found = await journal.findReply(id, 'without');
      expect(found).toBeDefined();
      expect(found?.reply).toBeUndefined();
      const [first, second] = await readAll(id);
      expect(first).toEqual({ persistenceId: id, seq: 1, event: 'a', msgId: 'with-null', reply: null });
      expect(second?.msgId).toBe('without');
      expect(second?.reply).toBeUndefined();
    });

    test('two concurrent appends of the same seq: exactly one wins', async () => {
      const id = actor();
      const results = await Promise.allSettled([
        journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: ['left'] }]),
        journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: ['right'] }]),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(JournalConflictError);
      const winner = results[0]?.status === 'fulfilled' ? 'left' : 'right';
      expect(await readAll(id)).toEqual([{ persistenceId: id, seq: 1, event: winner }]);
    });

    test('actors are isolated: the same seqs and msgIds under different actors do not clash', async () => {
      const [a, b] = [actor(), actor()];
      await journal.appendBatch([
        { persistenceId: a, fromSeq: 1, events: ['a1'], msgId: 'same', reply: 'to a' },
        { persistenceId: b, fromSeq: 1, events: ['b1'], msgId: 'same', reply: 'to b' },
      ]);
      expect(await readAll(a)).toEqual([
        { persistenceId: a, seq: 1, event: 'a1', msgId: 'same', reply: 'to a' },
      ]);
      expect(await readAll(b)).toEqual([
        { persistenceId: b, seq: 1, event: 'b1', msgId: 'same', reply: 'to b' },
      ]);
      expect(await journal.findReply(b, 'same')).toEqual({ reply: 'to b' });
    });

    test('bigints and nested values round-trip', async () => {
      const id = actor('ledger');
      const event = {
        type: 'Posted',
        postings: [
          { account: 'u_1/USDT/available', amount: -1_000_000_000_000_000_000_000n },
          {
            account: 'fees/USDT',
            amount: 1_000_000_000_000_000_000_000n,
            meta: { tier: 3, tags: ['vip', null] },
          },
        ],
        price: 65_123.5,
        flags: { ioc: true, postOnly: false },
        note: 'ünïcødé 🐱 "quoted" \\ back',
      };
      await journal.appendBatch([
        { persistenceId: id, fromSeq: 1, events: [event], msgId: 'm', reply: { fee: 5n } },
      ]);
      const [entry] = await readAll(id);
      expect(entry?.event).toEqual(event);
      expect(entry?.reply).toEqual({ fee: 5n });
      expect(await journal.findReply(id, 'm')).toEqual({ reply: { fee: 5n } });
    });

    test('a multi-event write puts msgId and reply on its last entry only', async () => {
      const id = actor('market');
      await journal.appendBatch([
        {
          persistenceId: id,
          fromSeq: 1,
          events: ['accepted', 'fill', 'fill'],
          msgId: 'place-1',
          reply: 'filled',
        },
      ]);
      const entries = await readAll(id);
      expect(entries).toEqual([
        { persistenceId: id, seq: 1, event: 'accepted' },
        { persistenceId: id, seq: 2, event: 'fill' },
        { persistenceId: id, seq: 3, event: 'fill', msgId: 'place-1', reply: 'filled' },
      ]);
      expect(Object.keys(entries[0] ?? {})).not.toContain('msgId');
    });

    test('a 5,000-event batch reads back in order across pages', async () => {
      const id = actor();
      const events = Array.from({ length: 5_000 }, (_, i) => ({ n: i }));
      await journal.appendBatch([{ persistenceId: id, fromSeq: 1, events }]);
      const entries = await readAll(id);
      expect(entries).toHaveLength(5_000);
      expect(entries.every((entry, i) => entry.seq === i + 1 && (entry.event as { n: number }).n === i)).toBe(
        true,
      );
      expect(await journal.highestSeq(id)).toBe(5_000);
    });

    test('an event the codec cannot store rejects the batch and writes nothing', async () => {
      const [a, b] = [actor(), actor()];
      const error: unknown = await journal
        .appendBatch([
          { persistenceId: a, fromSeq: 1, events: ['fine'] },
          { persistenceId: b, fromSeq: 1, events: [{ at: new Date(0) }] },
        ])
        .catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(InvalidValueError);
      expect((error as InvalidValueError).path).toBe('writes[1].events[0].at');
      expect(await readAll(a)).toEqual([]);
    });

    test('a write without events or with a seq below 1 is rejected', async () => {
      const id = actor();
      await expect(journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: [] }])).rejects.toThrow(
        InvalidValueError,
      );
      await expect(journal.appendBatch([{ persistenceId: id, fromSeq: 0, events: ['x'] }])).rejects.toThrow(
        /fromSeq 0 .* is not a positive integer/,
      );
      expect(await journal.highestSeq(id)).toBe(0);
    });

    test('an empty batch is a no-op', async () => {
      await expect(journal.appendBatch([])).resolves.toBeUndefined();
    });

    test('read events are copies: changing one does not change the journal', async () => {
      const id = actor();
      await journal.appendBatch([{ persistenceId: id, fromSeq: 1, events: [{ balance: 10 }] }]);
      const [entry] = await readAll(id);
      (entry?.event as { balance: number }).balance = 999;
      expect((await readAll(id))[0]?.event).toEqual({ balance: 10 });
    });

    test('loadSnapshot is undefined when none was saved', async () => {
      expect(await journal.loadSnapshot(actor())).toBeUndefined();
    });

    test('a saved snapshot loads back with its processed replies', async () => {
      const id = actor();
      const snapshot = {
        persistenceId: id,
        seq: 42,
        state: { balances: { USDT: 10n ** 20n }, open: ['o-1'] },
        processed: [
          ['cmd-1', { ok: true }],
          ['cmd-2', undefined],
          ['cmd-3', null],
        ] as const,
      };
      await journal.saveSnapshot(snapshot);
      const loaded = await journal.loadSnapshot(id);
      expect(loaded).toEqual(snapshot);
      expect(loaded?.processed[1]).toHaveLength(2);
    });

    test('an older snapshot does not replace a newer one', async () => {
      const id = actor();
      await journal.saveSnapshot({ persistenceId: id, seq: 10, state: 'newer', processed: [] });
      await journal.saveSnapshot({ persistenceId: id, seq: 5, state: 'older', processed: [] });
      expect(await journal.loadSnapshot(id)).toEqual({
        persistenceId: id,
        seq: 10,
        state: 'newer',
        processed: [],
      });
    });

    test('a newer snapshot replaces an older one', async () => {
      const id = actor();
      await journal.saveSnapshot({ persistenceId: id, seq: 5, state: 'older', processed: [['m', 1]] });
      await journal.saveSnapshot({ persistenceId: id, seq: 10, state: 'newer', processed: [] });
      expect(await journal.loadSnapshot(id)).toEqual({
        persistenceId: id,
        seq: 10,
        state: 'newer',
        processed: [],
      });
    });
  });
}
