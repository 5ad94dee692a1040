import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppendWrite, Journal } from '../store/index.ts';
import { MemoryJournal } from '../store/index.ts';
import { defineActor, persist, reply } from './behavior.ts';
import { ActorSystem } from './system.ts';

/**
 * Pipelined persistence: a hot actor decides its next message while the previous one's events
 * are being written; replies still wait for durability, in order, and a failed write refuses
 * everything decided after it and restarts the actor from the journal.
 */

interface Tally {
  total: number;
}
type TallyEvent = { readonly add: number };

const tally = defineActor<
  Tally,
  { add: { payload: { n: number }; reply: number }; get: { payload: Record<string, never>; reply: number } },
  TallyEvent
>({
  kind: 'tally',
  appliesInHandler: true,
  pipelined: true,
  initialState: () => ({ total: 0 }),
  schemas: { add: z.object({ n: z.number() }), get: z.object({}) },
  handlers: {
    add: (state, { n }) => {
      state.total += n;
      return persist([{ add: n }], state.total);
    },
    get: (state) => reply(state.total),
  },
  apply: (state, event) => ({ total: state.total + event.add }),
});

/** A journal whose writes wait until released, and whose next write can be made to fail. */
function gatedJournal() {
  const inner = new MemoryJournal();
  const batches: AppendWrite[][] = [];
  let gate: { open: () => void; promise: Promise<void> } | undefined;
  let failNext = false;
  const hold = () => {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    gate = { open, promise };
  };
  const journal: Journal = {
    appendBatch: async (writes) => {
      batches.push([...writes]);
      await gate?.promise;
      if (failNext) {
        failNext = false;
        throw new Error('disk on fire');
      }
      return inner.appendBatch(writes);
    },
    read: (id, after) => inner.read(id, after),
    highestSeq: (id) => inner.highestSeq(id),
    findReply: (id, msg) => inner.findReply(id, msg),
    saveSnapshot: (s) => inner.saveSnapshot(s),
    loadSnapshot: (id) => inner.loadSnapshot(id),
    close: () => inner.close(),
  };
  return {
    journal,
    batches,
    hold,
    release: () => {
      const g = gate;
      gate = undefined;
      g?.open();
    },
    failNextWrite: () => (failNext = true),
  };
}

const systems: ActorSystem[] = [];
afterEach(async () => {
  await Promise.all(systems.splice(0).map((s) => s.stop()));
});

function start(journal: Journal) {
  const system = new ActorSystem({ journal });
  system.register(tally, {
    strategy: { maxRestarts: 5, withinMs: 10_000, backoff: { minMs: 1, maxMs: 1, factor: 1 } },
  });
  systems.push(system);
  return system.ref<{
    add: { payload: { n: number }; reply: number };
    get: { payload: Record<string, never>; reply: number };
  }>('tally/t');
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('pipelined persistence', () => {
  it('pipelined - messages decided during a write go out together in the next one; replies wait, in order', async () => {
    const gated = gatedJournal();
    const ref = start(gated.journal);
    await ref.ask('get', {});
    gated.hold();
    const replies: number[] = [];
    const first = ref.ask('add', { n: 1 }).then((r) => replies.push(r));
    await tick();
    const rest = [2, 3, 4].map((n) => ref.ask('add', { n }).then((r) => replies.push(r)));
    const read = ref.ask('get', {}).then((r) => replies.push(-r));
    await tick();
    // Everything was decided, nothing answered: the first write is still in flight.
    expect(replies).toEqual([]);
    expect(gated.batches.map((b) => b.length)).toEqual([1]);
    gated.release();
    await Promise.all([first, ...rest, read]);
    expect(replies).toEqual([1, 3, 6, 10, -10]);
    // The three decided during the first write shared the second.
    expect(gated.batches.map((b) => b.map((w) => w.fromSeq))).toEqual([[1], [2, 3, 4]]);
  });

  it('pipelined - a redelivered message id during its write gets the same reply and applies once', async () => {
    const gated = gatedJournal();
    const ref = start(gated.journal);
    await ref.ask('get', {});
    gated.hold();
    const a = ref.ask('add', { n: 5 }, { id: 'm-1' });
    const b = ref.ask('add', { n: 5 }, { id: 'm-1' });
    await tick();
    gated.release();
    expect(await Promise.all([a, b])).toEqual([5, 5]);
    expect(await ref.ask('get', {})).toBe(5);
  });

  it('pipelined - a failed write refuses it and everything after it; the actor restarts from the journal', async () => {
    const gated = gatedJournal();
    const ref = start(gated.journal);
    expect(await ref.ask('add', { n: 100 })).toBe(100);
    gated.hold();
    gated.failNextWrite();
    const doomed = ref.ask('add', { n: 1 });
    await tick();
    const after = ref.ask('add', { n: 2 });
    await tick();
    gated.release();
    await expect(doomed).rejects.toMatchObject({ code: 'PERSISTENCE_FAILED' });
    await expect(after).rejects.toMatchObject({ code: 'PERSISTENCE_FAILED' });
    // Rebuilt from the journal: only the durable 100.
    expect(await ref.ask('get', {})).toBe(100);
    expect(await ref.ask('add', { n: 7 })).toBe(107);
  });
});
