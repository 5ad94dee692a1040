import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bankAccount } from '../example/index.ts';
import type { BankAccountProtocol, BankAccountState } from '../example/index.ts';
import type { Journal } from '../store/index.ts';
import { MemoryAuditLog, MemoryJournal } from '../store/index.ts';
import { journalFailingOnDemand } from '../../test/journals.ts';
import type { InspectionEvent, SupervisionStrategy } from './index.ts';
import {
  ActorFrozenError,
  ActorSystem,
  AdminUnauthorisedError,
  AskTimeoutError,
  createRuntimeRegistry,
  defineActor,
  HandlerFailedError,
  InvalidAddressError,
  MalformedMessageError,
  MessageTooLargeError,
  persist,
  PersistenceFailedError,
  reply,
  SimulatedClock,
  UnknownActorKindError,
  UnknownMessageError,
} from './index.ts';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await tick();
}

const systems: ActorSystem[] = [];
afterEach(async () => {
  await Promise.all(systems.splice(0).map((s) => s.stop()));
});

const fast: SupervisionStrategy = {
  maxRestarts: 3,
  withinMs: 10_000,
  backoff: { minMs: 100, maxMs: 5_000, factor: 2 },
};

function bankSystem(
  options: {
    journal?: Journal;
    clock?: SimulatedClock;
    strategy?: SupervisionStrategy;
    dedupeWindow?: number;
  } = {},
) {
  const journal = options.journal ?? new MemoryJournal();
  const audit = new MemoryAuditLog();
  const system = new ActorSystem({
    name: 'test-host',
    journal,
    audit,
    ...(options.clock ? { clock: options.clock } : {}),
    limits: {
      askTimeoutMs: 2_000,
      maxMessageBytes: 1_024,
      maxTrustedMessageBytes: 1_000_000,
      dedupeWindow: options.dedupeWindow ?? 1_000,
    },
  });
  system.register(bankAccount, { strategy: options.strategy ?? fast, passivateAfterMs: 60_000 });
  systems.push(system);
  return { system, journal, audit, bank: (key: string) => system.ref<BankAccountProtocol>(`bank/${key}`) };
}

function stateOf(system: ActorSystem, address: string): BankAccountState {
  const actor = system.loaded().find((a) => a.name === address);
  if (!actor) throw new Error(`${address} not loaded`);
  return actor.currentState() as BankAccountState;
}

describe('serial mailbox', () => {
  it('actor - three concurrent withdraw(10) on balance 100 end at 70, never 90', async () => {
    const { bank } = bankSystem();
    const alice = bank('alice');
    await alice.ask('deposit', { amount: 100 });
    const replies = await Promise.all([
      alice.ask('withdraw', { amount: 10 }),
      alice.ask('withdraw', { amount: 10 }),
      alice.ask('withdraw', { amount: 10 }),
    ]);
    expect(replies.map((r) => r.balance)).toEqual([90, 80, 70]);
    expect(await alice.ask('balance', {})).toEqual({ balance: 70 });
  });

  it('actor - the same handlers run without the mailbox lose updates (the test above can fail)', async () => {
    // Control: what comedy's own actors do with async handlers. All three read balance 100.
    const state: BankAccountState = { balance: 100, movements: 1 };
    const decisions = await Promise.all(
      [1, 2, 3].map(async () => bankAccount.handlers.withdraw(state, { amount: 10 }, undefined as never)),
    );
    const end = decisions.reduce((s, d) => d.events.reduce(bankAccount.apply, s), state);
    expect(decisions.map((d) => d.reply.balance)).toEqual([90, 90, 90]);
    expect(end.balance).toBe(70);
  });
});

describe('event sourcing', () => {
  it('actor - events are journaled before the reply and recovery replays them', async () => {
    const journal = new MemoryJournal();
    const first = bankSystem({ journal });
    await first.bank('bob').ask('deposit', { amount: 5 });
    await first.bank('bob').ask('deposit', { amount: 7 });
    expect(await journal.highestSeq('bank/bob')).toBe(2);
    await first.system.stop();

    const second = bankSystem({ journal });
    expect(await second.bank('bob').ask('balance', {})).toEqual({ balance: 12 });
  });

  it('actor - a snapshot is taken every N events and recovery = snapshot + replay gives the same state', async () => {
    const journal = new MemoryJournal();
    const { system, bank } = bankSystem({ journal });
    const carol = bank('carol');
    for (let i = 1; i <= 250; i++) await carol.ask('deposit', { amount: i });
    const before = structuredClone(stateOf(system, 'bank/carol'));
    const snapshot = await journal.loadSnapshot('bank/carol');
    expect(snapshot?.seq).toBe(200);
    await system.stop();

    const again = bankSystem({ journal });
    const events: InspectionEvent[] = [];
    again.system.inspect((e) => events.push(e));
    expect(await again.bank('carol').ask('balance', {})).toEqual({ balance: before.balance });
    expect(stateOf(again.system, 'bank/carol')).toEqual(before);
    expect(events).toContainEqual({ type: 'actor.started', address: 'bank/carol', seq: 250, replayed: 50 });
  });

  it('actor - a redelivered command returns the first reply and appends nothing', async () => {
    const journal = new MemoryJournal();
    const { system, bank } = bankSystem({ journal });
    const dave = bank('dave');
    const first = await dave.ask('deposit', { amount: 10 }, { id: 'cmd-1' });
    const again = await dave.ask('deposit', { amount: 10 }, { id: 'cmd-1' });
    expect(again).toEqual(first);
    expect(await journal.highestSeq('bank/dave')).toBe(1);

    // Still idempotent after a restart: the processed ids come back from the journal.
    await system.stop();
    const next = bankSystem({ journal });
    expect(await next.bank('dave').ask('deposit', { amount: 10 }, { id: 'cmd-1' })).toEqual(first);
    expect(await next.bank('dave').ask('balance', {})).toEqual({ balance: 10 });
    expect(await journal.highestSeq('bank/dave')).toBe(1);
  });

  it('actor - a redelivery older than the in-memory window is answered from the journal', async () => {
    const journal = new MemoryJournal();
    const { bank } = bankSystem({ journal, dedupeWindow: 2 });
    const erin = bank('erin');
    const first = await erin.ask('deposit', { amount: 1 }, { id: 'old' });
    for (let i = 0; i < 5; i++) await erin.ask('deposit', { amount: 1 }, { id: `new-${i}` });
    expect(await erin.ask('deposit', { amount: 1 }, { id: 'old' })).toEqual(first);
    expect(await erin.ask('balance', {})).toEqual({ balance: 6 });
    expect(await journal.highestSeq('bank/erin')).toBe(6);
  });
});

describe('supervision', () => {
  it('supervisor - a throwing handler: error reply, restart from journal, later messages served', async () => {
    const clock = new SimulatedClock(1_000);
    const { system, bank } = bankSystem({ clock });
    const events: InspectionEvent[] = [];
    system.inspect((e) => events.push(e));
    const frank = bank('frank');
    await frank.ask('deposit', { amount: 30 });
    await frank.ask('deposit', { amount: 12 });

    const failing = frank.ask('crash', {});
    await expect(failing).rejects.toBeInstanceOf(HandlerFailedError);
    await expect(failing).rejects.toMatchObject({ code: 'HANDLER_FAILED', address: 'bank/frank' });
    // Sent while the actor waits for its restart: queued, then served after recovery.
    const later = frank.ask('deposit', { amount: 8 });
    await settle();
    expect(events.map((e) => e.type)).toContain('supervisor.restart-scheduled');
    clock.increment(100);
    expect(await later).toEqual({ balance: 50 });
    expect(events).toContainEqual({ type: 'actor.restarted', address: 'bank/frank', restarts: 1 });
    const detail = system.detail('bank/frank')!;
    expect(detail.restarts).toBe(1);
    expect(detail.lastError?.message).toBe('crash requested');
    expect(detail.seq).toBe(3);
  });

  it('supervisor - restart intensity exceeded escalates to the parent; backoff delays grow', async () => {
    const clock = new SimulatedClock(0);
    const { system, bank } = bankSystem({ clock });
    const events: InspectionEvent[] = [];
    system.inspect((e) => events.push(e));
    const gus = bank('gus');
    await gus.ask('deposit', { amount: 1 });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(gus.ask('crash', {})).rejects.toBeInstanceOf(HandlerFailedError);
      await settle();
      const scheduled = events.filter((e) => e.type === 'supervisor.restart-scheduled');
      const last = scheduled.at(-1)!;
      if (attempt <= 3) {
        expect(last).toMatchObject({ supervisor: 'test-host/bank', child: 'bank/gus', attempt });
        delays.push((last as { delayMs: number }).delayMs);
        clock.increment(delays.at(-1)!);
        await settle();
      }
    }
    expect(delays).toEqual([100, 200, 400]);
    expect(events).toContainEqual({
      type: 'supervisor.escalated',
      supervisor: 'test-host/bank',
      child: 'bank/gus',
      error: 'crash requested',
    });
    // The root now restarts the whole bank supervisor (its first restart, default backoff 50 ms).
    expect(events.at(-1)).toMatchObject({
      type: 'supervisor.restart-scheduled',
      supervisor: 'test-host',
      child: 'test-host/bank',
      attempt: 1,
    });
    clock.increment(50);
    await settle();
    expect(await gus.ask('balance', {})).toEqual({ balance: 1 });
    expect(system.tree().supervisors.find((s) => s.name === 'test-host/bank')?.restarts).toBe(1);
  });

  it('supervisor - the root gives up past its own intensity: onEscalate runs (a shard host exits there)', async () => {
    const clock = new SimulatedClock(0);
    const escalations: string[] = [];
    const system = new ActorSystem({
      name: 'host-x',
      journal: new MemoryJournal(),
      clock,
      strategy: { maxRestarts: 0, withinMs: 60_000, backoff: { minMs: 10, maxMs: 10, factor: 1 } },
      onEscalate: (error) => escalations.push(error.message),
    });
    systems.push(system);
    system.register(bankAccount, {
      strategy: { maxRestarts: 0, withinMs: 60_000, backoff: { minMs: 10, maxMs: 10, factor: 1 } },
    });
    await expect(system.ask('bank/zoe', 'crash', {})).rejects.toBeInstanceOf(HandlerFailedError);
    await settle();
    expect(escalations).toEqual([
      'host-x escalated: host-x/bank exceeded its restart intensity (host-x/bank escalated: bank/zoe exceeded its restart intensity (crash requested))',
    ]);
  });

  it('supervisor - a journal that fails: retryable PERSISTENCE_FAILED, nothing applied, actor rebuilt', async () => {
    const { journal: flaky, failNextWrite } = journalFailingOnDemand();
    const clock = new SimulatedClock(0);
    const { system, bank } = bankSystem({ journal: flaky, clock });
    const hal = bank('hal');
    await hal.ask('deposit', { amount: 10 });
    failNextWrite();
    const lost = hal.ask('deposit', { amount: 5 }, { id: 'retry-me' });
    await expect(lost).rejects.toBeInstanceOf(PersistenceFailedError);
    await expect(lost).rejects.toMatchObject({ retryable: true });
    clock.increment(100);
    await settle();
    expect(await hal.ask('deposit', { amount: 5 }, { id: 'retry-me' })).toEqual({ balance: 15 });
    expect(stateOf(system, 'bank/hal').balance).toBe(15);
  });
});

describe('bad input', () => {
  it('actor - unknown message type, malformed payload, oversize message: typed error, state unchanged', async () => {
    const journal = new MemoryJournal();
    const { system, bank } = bankSystem({ journal });
    const ivy = bank('ivy');
    await ivy.ask('deposit', { amount: 40 });
    const before = structuredClone(stateOf(system, 'bank/ivy'));

    const send = (type: string, payload: unknown) => system.deliver({ address: 'bank/ivy', type, payload });
    await expect(send('steal', { amount: 1 })).rejects.toBeInstanceOf(UnknownMessageError);
    await expect(send('toString', {})).rejects.toBeInstanceOf(UnknownMessageError);
    // In-process senders are typed, yet an unknown type that slips through is still refused.
    await expect(system.ask('bank/ivy', 'steal', { amount: 1 })).rejects.toBeInstanceOf(UnknownMessageError);
    for (const payload of [
      { amount: -5 },
      { amount: 1.5 },
      { amount: '10' },
      { amount: 1, extra: true },
      null,
      [],
    ]) {
      await expect(send('deposit', payload)).rejects.toBeInstanceOf(MalformedMessageError);
    }
    await expect(
      system.deliver({
        address: 'bank/ivy',
        type: 'deposit',
        payload: { amount: 1, pad: 'x'.repeat(2_000) },
      }),
    ).rejects.toBeInstanceOf(MessageTooLargeError);
    // The exchange's own components (trusted) have a larger bound; the schema still applies.
    const big = { address: 'bank/ivy', type: 'deposit', payload: { amount: 1, pad: 'x'.repeat(2_000) } };
    await expect(system.deliver(big, { trusted: true })).rejects.toBeInstanceOf(MalformedMessageError);
    await expect(
      system.deliver({ ...big, payload: { amount: 1, pad: 'x'.repeat(2_000_000) } }, { trusted: true }),
    ).rejects.toBeInstanceOf(MessageTooLargeError);
    await expect(system.deliver('{"address":')).rejects.toBeInstanceOf(MalformedMessageError);
    await expect(system.deliver({ address: 'bank/ivy', payload: {} })).rejects.toMatchObject({
      code: 'MALFORMED_MESSAGE',
    });
    await expect(system.deliver({ address: 'nope', type: 'deposit', payload: {} })).rejects.toBeInstanceOf(
      InvalidAddressError,
    );
    await expect(
      system.deliver({ address: 'vault/ivy', type: 'deposit', payload: {} }),
    ).rejects.toBeInstanceOf(UnknownActorKindError);

    expect(stateOf(system, 'bank/ivy')).toEqual(before);
    expect(await journal.highestSeq('bank/ivy')).toBe(1);
    // Refused at the boundary: an address nobody used is not even activated.
    await expect(
      system.deliver({ address: 'bank/nobody', type: 'deposit', payload: {} }),
    ).rejects.toBeInstanceOf(MalformedMessageError);
    expect(system.loaded().map((a) => a.name)).toEqual(['bank/ivy']);
    expect(system.kindTotals().find((k) => k.kind === 'bank')?.rejected).toBe(11);
    expect(await system.deliver({ address: 'bank/ivy', type: 'balance', payload: {} })).toEqual({
      balance: 40,
    });
  });

  it('actor - ask times out with a retryable ASK_TIMEOUT', async () => {
    const never = defineActor<null, { wait: { payload: object; reply: never } }, never>({
      kind: 'slow',
      persistence: 'memory',
      initialState: () => null,
      schemas: { wait: z.object({}) },
      handlers: { wait: () => new Promise(() => undefined) },
      apply: (s) => s,
    });
    const system = new ActorSystem({ limits: { askTimeoutMs: 30, stopTimeoutMs: 50 } });
    systems.push(system);
    system.register(never);
    const err = await system.ask('slow/x', 'wait', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AskTimeoutError);
    expect(err).toMatchObject({ retryable: true, code: 'ASK_TIMEOUT' });
  });
});

describe('backpressure', () => {
  it('actor - a full mailbox refuses asks with retryable MAILBOX_FULL and counts dropped tells', async () => {
    const system = new ActorSystem({ journal: new MemoryJournal(), limits: { mailboxCapacity: 2 } });
    systems.push(system);
    system.register(bankAccount);
    const una = system.ref<BankAccountProtocol>('bank/una');
    await una.ask('deposit', { amount: 1 });
    await system.admin(
      { id: 'ops', roles: ['admin'] },
      { verb: 'pause', target: 'bank/una', reason: 'fill it' },
    );
    const queued = [una.ask('deposit', { amount: 1 }), una.ask('deposit', { amount: 1 })];
    await expect(una.ask('deposit', { amount: 1 })).rejects.toMatchObject({
      code: 'MAILBOX_FULL',
      retryable: true,
    });
    una.tell('deposit', { amount: 1 });
    expect(system.deadLetters).toBe(2);
    expect(system.tree().deadLetters).toBe(2);
    await system.admin(
      { id: 'ops', roles: ['admin'] },
      { verb: 'resume', target: 'bank/una', reason: 'drain' },
    );
    expect(await Promise.all(queued)).toEqual([{ balance: 2 }, { balance: 3 }]);
  });
});

describe('passivation', () => {
  it('system - idle actors are unloaded and come back from the journal on the next message', async () => {
    const clock = new SimulatedClock(0);
    const { system, bank } = bankSystem({ clock });
    await bank('jon').ask('deposit', { amount: 3 });
    await bank('kim').ask('deposit', { amount: 4 });
    clock.increment(30_000);
    await bank('kim').ask('deposit', { amount: 1 });
    clock.increment(30_000);
    expect(await system.passivateIdle()).toBe(1);
    expect(system.loaded().map((a) => a.name)).toEqual(['bank/kim']);
    expect(await bank('jon').ask('balance', {})).toEqual({ balance: 3 });
    expect(
      system
        .loaded()
        .map((a) => a.name)
        .sort(),
    ).toEqual(['bank/jon', 'bank/kim']);
    expect(system.kindTotals().find((k) => k.kind === 'bank')?.processed).toBe(4);
  });
});

describe('admin verbs', () => {
  const admin = { id: 'ops-ann', roles: ['admin'] };
  const sre = { id: 'sre-sam', roles: ['sre'] };

  it('admin - pause holds messages, freeze refuses new work, resume lifts both; all audited', async () => {
    const { system, bank, audit } = bankSystem();
    const lee = bank('lee');
    await lee.ask('deposit', { amount: 10 });

    expect(
      await system.admin(sre, { verb: 'pause', target: 'bank/lee', reason: 'investigating lag' }),
    ).toMatchObject({
      status: 'paused',
    });
    let served = false;
    const held = lee.ask('deposit', { amount: 1 }).then((r) => {
      served = true;
      return r;
    });
    await settle();
    expect(served).toBe(false);
    const inspected = await system.admin(sre, { verb: 'inspect', target: 'bank/lee', reason: 'look' });
    expect(inspected).toMatchObject({
      detail: { status: 'paused', mailboxDepth: 1, state: { balance: 10 } },
    });
    await system.admin(sre, { verb: 'resume', target: 'bank/lee', reason: 'done' });
    expect(await held).toEqual({ balance: 11 });

    await system.admin(admin, { verb: 'freeze', target: 'bank/lee', reason: 'suspicious activity' });
    await expect(lee.ask('deposit', { amount: 1 })).rejects.toBeInstanceOf(ActorFrozenError);
    expect(stateOf(system, 'bank/lee').balance).toBe(11);
    await system.admin(admin, { verb: 'resume', target: 'bank/lee', reason: 'cleared' });
    expect(await lee.ask('deposit', { amount: 1 })).toEqual({ balance: 12 });

    const trail = await audit.list({ target: 'bank/lee' });
    expect(trail.map((r) => [r.principal, r.verb, r.outcome])).toEqual([
      ['ops-ann', 'resume', 'accepted'],
      ['ops-ann', 'freeze', 'accepted'],
      ['sre-sam', 'resume', 'accepted'],
      ['sre-sam', 'inspect', 'accepted'],
      ['sre-sam', 'pause', 'accepted'],
    ]);
  });

  it('admin - an unauthorised command is refused, audited as denied and changes nothing', async () => {
    const { system, bank, audit } = bankSystem();
    await bank('max').ask('deposit', { amount: 10 });
    await expect(
      system.admin(sre, { verb: 'freeze', target: 'bank/max', reason: 'not allowed for sre' }),
    ).rejects.toBeInstanceOf(AdminUnauthorisedError);
    await expect(
      system.admin(
        { id: 'trader-1', roles: ['trader'] },
        { verb: 'inspect', target: 'bank/max', reason: 'peek' },
      ),
    ).rejects.toBeInstanceOf(AdminUnauthorisedError);
    expect(await bank('max').ask('deposit', { amount: 1 })).toEqual({ balance: 11 });
    expect((await audit.list()).map((r) => r.outcome)).toEqual(['denied', 'denied']);
    await expect(
      system.admin(admin, { verb: 'explode' as never, target: 'bank/max', reason: 'bad verb' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_ADMIN_VERB' });
  });

  it('admin - send delivers an admin-only message, validated and audited; deliver refuses it', async () => {
    type SwitchProtocol = {
      set: { payload: { on: boolean }; reply: boolean };
      get: { payload: object; reply: boolean };
    };
    const lever = defineActor<boolean, SwitchProtocol, boolean>({
      kind: 'lever',
      adminMessages: ['set'],
      initialState: () => false,
      schemas: { set: z.object({ on: z.boolean() }).strict(), get: z.object({}) },
      handlers: { set: (_s, { on }) => persist([on], on), get: (s) => reply(s) },
      apply: (_s, on) => on,
    });
    const audit = new MemoryAuditLog();
    const system = new ActorSystem({ journal: new MemoryJournal(), audit });
    systems.push(system);
    system.register(lever);
    await expect(
      system.deliver({ address: 'lever/a', type: 'set', payload: { on: true } }),
    ).rejects.toBeInstanceOf(AdminUnauthorisedError);
    const set = (principal: typeof admin, payload: unknown) =>
      system.admin(principal, {
        verb: 'send',
        target: 'lever/a',
        reason: 'flip it',
        message: { type: 'set', payload },
      });
    await expect(set(sre, { on: true })).rejects.toBeInstanceOf(AdminUnauthorisedError);
    await expect(set(admin, { on: 'yes' })).rejects.toBeInstanceOf(MalformedMessageError);
    expect(await set(admin, { on: true })).toEqual({ verb: 'send', target: 'lever/a', reply: true });
    expect(await system.deliver({ address: 'lever/a', type: 'get', payload: {} })).toBe(true);
    expect((await audit.list()).map((r) => [r.principal, r.outcome, r.detail])).toEqual([
      ['ops-ann', 'accepted', { message: 'set' }],
      ['sre-sam', 'denied', undefined],
    ]);
  });

  it('admin - restart rebuilds from the journal; snapshot writes one now', async () => {
    const journal = new MemoryJournal();
    const { system, bank } = bankSystem({ journal });
    await bank('ned').ask('deposit', { amount: 9 });
    expect(
      await system.admin(admin, { verb: 'snapshot', target: 'bank/ned', reason: 'before upgrade' }),
    ).toEqual({
      verb: 'snapshot',
      target: 'bank/ned',
      seq: 1,
    });
    expect((await journal.loadSnapshot('bank/ned'))?.state).toEqual({ balance: 9, movements: 1 });
    await system.admin(admin, { verb: 'restart', target: 'bank/ned', reason: 'refresh' });
    expect(system.detail('bank/ned')).toMatchObject({ restarts: 1, seq: 1, status: 'running' });
    expect(await bank('ned').ask('balance', {})).toEqual({ balance: 9 });
  });
});

describe('introspection', () => {
  it('system - the tree lists actors with mailbox depth, rate, latency, restarts and last error', async () => {
    const { system, bank } = bankSystem();
    for (let i = 0; i < 20; i++) await bank('ola').ask('deposit', { amount: 1 });
    const tree = system.tree();
    expect(tree.host).toBe('test-host');
    expect(tree.pid).toBe(process.pid);
    const ola = tree.actors.find((a) => a.address === 'bank/ola')!;
    expect(ola).toMatchObject({ kind: 'bank', status: 'running', seq: 20, mailboxDepth: 0, restarts: 0 });
    expect(ola.latency.count).toBe(20);
    expect(ola.latency.p99Us).toBeGreaterThan(0);
    expect(tree.supervisors.map((s) => s.name)).toEqual(['test-host', 'test-host/bank']);
  });

  it('system - Prometheus metrics count messages, restarts and latency per kind', async () => {
    const clock = new SimulatedClock(0);
    const { system, bank } = bankSystem({ clock });
    await bank('pam').ask('deposit', { amount: 1 });
    await bank('pam')
      .ask('crash', {})
      .catch(() => undefined);
    await settle();
    clock.increment(100);
    await bank('pam').ask('deposit', { amount: 1 });
    const text = await createRuntimeRegistry(system, { defaultMetrics: false }).metrics();
    expect(text).toContain('qt_actor_messages_total{kind="bank",host="test-host"} 2');
    expect(text).toContain('qt_actor_restarts_total{kind="bank",host="test-host"} 1');
    expect(text).toContain('qt_actor_handler_seconds_count{kind="bank",host="test-host"} 2');
    expect(text).toMatch(/qt_journal_batches_total\{host="test-host"\} [1-9]/);
  });
});

describe('handlers that apply their own events', () => {
  type LogProtocol = { add: { payload: { item: string }; reply: number } };
  const mutableLog = defineActor<{ items: string[] }, LogProtocol, { item: string }>({
    kind: 'log',
    appliesInHandler: true,
    initialState: () => ({ items: [] }),
    schemas: { add: z.object({ item: z.string() }) },
    handlers: {
      add: (state, { item }) => {
        state.items.push(item);
        return persist([{ item }], state.items.length);
      },
    },
    apply: (state, { item }) => {
      state.items.push(item);
      return state;
    },
  });

  it('actor - applied once live, replayed on recovery, and a failed journal write is rolled back by restart', async () => {
    const { journal, failNextWrite } = journalFailingOnDemand();
    const clock = new SimulatedClock(0);
    const system = new ActorSystem({ journal, clock });
    systems.push(system);
    system.register(mutableLog, { strategy: fast });
    expect(await system.ask('log/a', 'add', { item: 'x' })).toBe(1);
    expect(await system.ask('log/a', 'add', { item: 'y' })).toBe(2);
    failNextWrite();
    await expect(system.ask('log/a', 'add', { item: 'lost' })).rejects.toBeInstanceOf(PersistenceFailedError);
    clock.increment(100);
    await settle();
    expect(await system.ask('log/a', 'add', { item: 'z' })).toBe(3);
    expect(system.detail('log/a')?.state).toEqual({ items: ['x', 'y', 'z'] });
  });
});

describe('memory persistence', () => {
  it('actor - in-memory behaviours apply events without a journal', async () => {
    const tally = defineActor<number, { add: { payload: { n: number }; reply: number } }, number>({
      kind: 'tally',
      persistence: 'memory',
      initialState: () => 0,
      schemas: { add: z.object({ n: z.number() }) },
      handlers: { add: (s, { n }) => (n === 0 ? reply(s) : persist([n], s + n)) },
      apply: (s, n) => s + n,
    });
    const system = new ActorSystem();
    systems.push(system);
    system.register(tally);
    system.ref<{ add: { payload: { n: number }; reply: number } }>('tally/a').tell('add', { n: 2 });
    expect(await system.ask('tally/a', 'add', { n: 3 })).toBe(5);
  });
});
