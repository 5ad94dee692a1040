import type { AppendWrite, Journal } from '../actors/store/index.ts';
import { MemoryJournal } from '../actors/store/index.ts';

/** A memory journal whose next batch write can be made to fail (a lost write, a full disk). */
export function journalFailingOnDemand(): { journal: Journal; failNextWrite(): void } {
  const inner = new MemoryJournal();
  let failNext = false;
  const journal: Journal = {
    appendBatch: (writes: readonly AppendWrite[]) => {
      if (!failNext) return inner.appendBatch(writes);
      failNext = false;
      return Promise.reject(new Error('disk on fire'));
    },
    read: (id, after) => inner.read(id, after),
    highestSeq: (id) => inner.highestSeq(id),
    findReply: (id, msg) => inner.findReply(id, msg),
    saveSnapshot: (snapshot) => inner.saveSnapshot(snapshot),
    loadSnapshot: (id) => inner.loadSnapshot(id),
    close: () => inner.close(),
  };
  return { journal, failNextWrite: () => (failNext = true) };
}
