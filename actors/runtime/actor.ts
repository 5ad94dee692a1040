import type { AppendWrite, Journal } from '../store/index.ts';
import { JournalConflictError } from '../store/index.ts';
import type { AnyBehavior, Decision, HandlerContext } from './behavior.ts';
import type { Clock } from './clock.ts';
import type { Deadlines } from './deadlines.ts';
import type { ActorError } from './errors.ts';
import {
  ActorFrozenError,
  ActorStoppedError,
  describe,
  HandlerFailedError,
  MailboxFullError,
  PersistenceFailedError,
  UnknownMessageError,
} from './errors.ts';
import type { Inspector } from './inspection.ts';
import { Mailbox } from './mailbox.ts';
import { LatencyHistogram, RateMeter } from './metrics.ts';
import { PendingReply } from './pending-reply.ts';
import type { FailureRecord, Supervised, SupervisorParent } from './supervision.ts';

/** The journal as an actor sees it: appends go through group commit. */
export interface ActorJournal extends Pick<Journal, 'read' | 'findReply' | 'saveSnapshot' | 'loadSnapshot'> {
  append(write: AppendWrite): Promise<void>;
  /** Several writes that land together or not at all (a pipelined actor's queued commands). */
  appendBatch(writes: readonly AppendWrite[]): Promise<void>;
}

export interface ActorLimits {
  /** Waiting messages beyond which tells become dead letters and asks fail with MAILBOX_FULL. */
  readonly mailboxCapacity: number;
  /** Processed message ids remembered in memory (the journal's unique index backs up older ones). */
  readonly dedupeWindow: number;
  readonly askTimeoutMs: number;
  /** How long `stop` waits for a message in flight before stopping the actor anyway. */
  readonly stopTimeoutMs: number;
}

export interface ActorDeps {
  readonly clock: Clock;
  readonly inspector: Inspector;
  readonly parent: SupervisorParent;
  /** Required for journaled behaviours. */
  readonly journal: ActorJournal | undefined;
  readonly limits: ActorLimits;
  /** Ask timeouts, shared by the system's actors. */
  readonly deadlines: Deadlines;
  /** Counts messages that could not be delivered (frozen or stopped actor, full mailbox). */
  readonly deadLetter: (address: string, message: string, reason: string) => void;
}

/** What the SRE view and `inspect` show about one actor. */
export type ActorStatus = 'starting' | 'running' | 'paused' | 'frozen' | 'restarting' | 'failed' | 'stopped';

interface UserItem {
  readonly system: false;
  readonly type: string;
  readonly payload: unknown;
  readonly id: string | undefined;
  /** Absent for tells. */
  readonly reply: PendingReply | undefined;
}

interface SystemItem {
  readonly system: true;
  readonly run: () => void | Promise<void>;
  /** Answers the waiting caller when the actor stops before the item ran. */
  readonly cancel: (error: ActorError) => void;
}

type Item = UserItem | SystemItem;

type Lifecycle = 'starting' | 'running' | 'failed' | 'restarting' | 'stopped';

/** A pipelined actor's decided message, waiting for its events (and every earlier one) to be durable. */
interface PipelinedEntry {
  readonly item: UserItem;
  readonly reply: unknown;
  readonly write: AppendWrite | undefined;
  readonly started: number;
  /** Redeliveries of the same message id that arrived while it was in flight. */
  duplicates: PendingReply[] | undefined;
}

/**
 * One running actor: a behaviour's state behind a serial mailbox. A message is validated, its
 * handler decides events and a reply, the events are journaled (for journaled behaviours) and
 * only then applied and the reply sent. A throw fails the message and hands the actor to its
 * supervisor, which restarts it from snapshot + journal.
 */
export class Actor implements Supervised {
  private readonly mailbox: Mailbox<Item>;
  private readonly journaled: boolean;
  private readonly snapshotEvery: number;
  private readonly appliesInHandler: boolean;
  private readonly pipelined: boolean;
  /** Pipelined: decided, not yet sent to the journal. */
  private unflushed: PipelinedEntry[] = [];
  /** Pipelined: the batch being written, if any. */
  private flushing: readonly PipelinedEntry[] | undefined;
  private readonly pendingIds = new Map<string, PipelinedEntry>();
  private drainedWaiters: (() => void)[] = [];
  private readonly ctx: { self: string; messageId: string | undefined; clock: Clock };
  private state: unknown;
  private seq = 0;
  private sinceSnapshot = 0;
  private processed = new Map<string, { reply: unknown }>();
  private lifecycle: Lifecycle = 'starting';
  private paused = false;
  private frozen = false;
  private stopReason = 'stopped';

  restarts = 0;
  lastError: FailureRecord | undefined;
  readonly latency = new LatencyHistogram();
  readonly rate = new RateMeter();
  processedCount = 0;
  rejectedCount = 0;
  /** Clock time of the latest batch of messages (passivation reads it). */
  lastActiveAt: number;
  /** `performance.now()` when the current message started: end of the previous one in a batch. */
  private mark = 0;

  constructor(
    readonly name: string,
    readonly key: string,
    readonly behavior: AnyBehavior,
    private readonly deps: ActorDeps,
  ) {
    this.journaled = (behavior.persistence ?? 'journal') === 'journal';
    if (this.journaled && !deps.journal)
      throw new Error(`${name} is journaled but the system has no journal`);
    this.snapshotEvery = behavior.snapshotEvery ?? 1000;
    this.appliesInHandler = behavior.appliesInHandler ?? false;
    this.pipelined = this.journaled && this.appliesInHandler && behavior.pipelined === true;
    this.ctx = { self: name, messageId: undefined, clock: deps.clock };
    this.state = behavior.initialState(key);
    this.lastActiveAt = deps.clock.now();
    this.mailbox = new Mailbox<Item>(
      (item) => (item.system ? item.run() : this.process(item)),
      () => {
        this.lastActiveAt = deps.clock.now();
        this.mark = performance.now();
      },
    );
    this.mailbox.suspend();
    this.mailbox.enqueueSystem({ system: true, run: () => this.recover('started'), cancel: () => undefined });
  }

  get status(): ActorStatus {
    if (this.lifecycle !== 'running') return this.lifecycle;
    if (this.paused) return 'paused';
    return this.frozen ? 'frozen' : 'running';
  }

  get mailboxDepth(): number {
    return this.mailbox.depth;
  }

  /** Idle: nothing waiting and nothing in flight (passivation may unload it). */
  get idle(): boolean {
    return this.mailbox.depth === 0 && !this.mailbox.busy && this.drained;
  }

  /** No pipelined write decided or in flight. */
  private get drained(): boolean {
    return this.flushing === undefined && this.unflushed.length === 0;
  }

  /** Resolves once every pipelined write decided so far has landed or failed. */
  private whenDrained(): Promise<void> {
    if (this.drained) return Promise.resolve();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  get sequence(): number {
    return this.seq;
  }

  /** Fire and forget. Refusals have nowhere to go: they are counted and inspected. */
  tell(type: string, payload: unknown, id?: string): void {
    if (this.refusal(type)) return;
    this.mailbox.enqueue({ system: false, type, payload, id, reply: undefined });
  }

  /** Send and wait for the reply; rejects with a typed `ActorError`. */
  ask(type: string, payload: unknown, options: { id?: string; timeoutMs?: number } = {}): Promise<unknown> {
    const refused = this.refusal(type);
    if (refused) return Promise.reject(refused);
    const timeoutMs = options.timeoutMs ?? this.deps.limits.askTimeoutMs;
    return new Promise((resolve, reject) => {
      const reply = new PendingReply(resolve, reject, this.deps.deadlines, timeoutMs, this.name, type);
      this.mailbox.enqueue({ system: false, type, payload, id: options.id, reply });
    });
  }

  /** Runs `fn` between two messages (admin verbs): serial with the handlers, even while paused. */
  runSystem<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.mailbox.enqueueSystem({
        system: true,
        run: async () => {
          try {
            resolve(await fn());
          } catch (error) {
            reject(error);
          }
        },
        cancel: reject,
      });
    });
  }

  pause(): void {
    this.paused = true;
    this.mailbox.suspend();
  }

  /** Lifts pause and freeze. */
  resume(): void {
    this.paused = false;
    this.frozen = false;
    if (this.lifecycle === 'running') this.mailbox.resume();
  }

  /** New work is refused with ACTOR_FROZEN until `resume`; queued work still runs. */
  freeze(): void {
    this.frozen = true;
  }

  /** State as the behaviour summarises it, for `inspect`. */
  summary(): unknown {
    const b = this.behavior;
    if (b.summarize) return b.summarize(this.state);
    return b.snapshot ? b.snapshot.encode(this.state) : this.state;
  }

  /** The state itself, for tests and state hashes. */
  currentState(): unknown {
    return this.state;
  }

  /** Write a snapshot now (admin verb); resolves with the snapshot's sequence number. */
  async snapshotNow(): Promise<number> {
    if (!this.journaled) return this.seq;
    await this.whenDrained();
    await this.saveSnapshot();
    return this.seq;
  }

  restart(): Promise<void> {
    return this.runSystem(() => this.recover('restarted'));
  }

  /**
   * Stops between two messages. A handler that hangs past `stopTimeoutMs` does not hold the stop
   * up: the actor stops anyway and whatever that handler decides later is dropped, not journaled.
   */
  stop(reason: string): Promise<void> {
    if (this.lifecycle === 'stopped') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = this.deps.clock.setTimeout(() => {
        this.halt(reason);
        resolve();
      }, this.deps.limits.stopTimeoutMs);
      void this.runSystem(() => this.halt(reason))
        .catch(() => undefined)
        .then(() => {
          this.deps.clock.clearTimeout(timer);
          resolve();
        });
    });
  }

  // --- message processing -------------------------------------------------------------------

  /** Why a message cannot even be queued (counted as a dead letter), or undefined when it can. */
  private refusal(type: string): ActorError | undefined {
    if (this.lifecycle === 'stopped') {
      this.deps.deadLetter(this.name, type, `stopped (${this.stopReason})`);
      return new ActorStoppedError(this.name, this.stopReason);
    }
    if (this.mailbox.depth >= this.deps.limits.mailboxCapacity) {
      this.deps.deadLetter(this.name, type, 'mailbox full');
      return new MailboxFullError(this.name, this.deps.limits.mailboxCapacity);
    }
    return undefined;
  }

  private process(item: UserItem): void | Promise<void> {
    const started = this.mark;
    if (this.frozen) {
      this.deps.deadLetter(this.name, item.type, 'frozen');
      return this.refuseItem(item, new ActorFrozenError(this.name));
    }
    const handlers = this.behavior.handlers as Record<string, AnyBehavior['handlers'][string]>;
    const handler = Object.hasOwn(handlers, item.type) ? handlers[item.type] : undefined;
    if (!handler) return this.refuseItem(item, new UnknownMessageError(this.name, String(item.type)));
    if (item.id !== undefined) {
      const earlier = this.processed.get(item.id);
      if (earlier) {
        item.reply?.resolve(earlier.reply);
        return;
      }
      const inFlight = this.pendingIds.get(item.id);
      if (inFlight) {
        if (item.reply) (inFlight.duplicates ??= []).push(item.reply);
        return;
      }
    }
    this.ctx.messageId = item.id;
    let decision: Decision<unknown, unknown> | Promise<Decision<unknown, unknown>>;
    try {
      decision = handler(this.state, item.payload, this.ctx as HandlerContext);
    } catch (error) {
      return this.fail(item, error);
    }
    if (decision instanceof Promise) {
      return decision.then(
        (d) => this.commit(item, d, started),
        (error: unknown) => this.fail(item, error),
      );
    }
    return this.commit(item, decision, started);
  }

  private refuseItem(item: UserItem, error: ActorError): void {
    this.mark = performance.now();
    this.rejectedCount++;
    if (this.deps.inspector.active) {
      this.deps.inspector.emit({
        type: 'actor.rejected',
        address: this.name,
        message: item.type,
        code: error.code,
      });
    }
    item.reply?.reject(error);
  }

  private commit(
    item: UserItem,
    decision: Decision<unknown, unknown>,
    started: number,
  ): void | Promise<void> {
    if (this.lifecycle === 'stopped') {
      item.reply?.reject(new ActorStoppedError(this.name, this.stopReason));
      return;
    }
    if (!decision || !Array.isArray(decision.events)) {
      return this.fail(item, new TypeError('handler returned no { events, reply } decision'));
    }
    const { events, reply } = decision;
    if (this.pipelined) return this.pipeline(item, events, reply, started);
    if (events.length === 0 || !this.journaled) {
      if (this.applyDecided(item, events)) this.finish(item, reply, events.length, started);
      return;
    }
    const write: AppendWrite = {
      persistenceId: this.name,
      fromSeq: this.seq + 1,
      events,
      ...(item.id === undefined ? {} : { msgId: item.id, reply }),
    };
    return this.deps.journal!.append(write).then(
      () => this.afterPersist(item, events, reply, started),
      (error: unknown) => this.persistFailed(item, error),
    );
  }

  /**
   * Pipelined persistence: the handler already applied its events, so the next message can run
   * while they are written. Each message's reply waits until its events and every earlier
   * message's events are durable (replies without events too: they may show undurable state).
   * Writes go out one batch at a time, all that queued up during the previous one, so a hot actor
   * (a market) journals many commands per database round trip. If a batch fails, it and
   * everything decided after it are refused, and the actor restarts from the journal.
   */
  private pipeline(item: UserItem, events: readonly unknown[], reply: unknown, started: number): void {
    this.mark = performance.now();
    if (events.length === 0 && this.drained) {
      this.finish(item, reply, 0, started);
      return;
    }
    let write: AppendWrite | undefined;
    if (events.length > 0) {
      write = {
        persistenceId: this.name,
        fromSeq: this.seq + 1,
        events,
        ...(item.id === undefined ? {} : { msgId: item.id, reply }),
      };
      this.seq += events.length;
    }
    const entry: PipelinedEntry = { item, reply, write, started, duplicates: undefined };
    this.unflushed.push(entry);
    if (item.id !== undefined && write) this.pendingIds.set(item.id, entry);
    if (this.flushing === undefined) this.flush();
  }

  private flush(): void {
    const batch = this.unflushed;
    this.unflushed = [];
    const writes: AppendWrite[] = [];
    let events = 0;
    for (const entry of batch) {
      if (!entry.write) continue;
      writes.push(entry.write);
      events += entry.write.events.length;
    }
    // The state now is exactly the state after this batch: the one moment to capture a snapshot.
    const snapshot = this.sinceSnapshot + events >= this.snapshotEvery ? this.snapshotData(batch) : undefined;
    this.flushing = batch;
    const written = writes.length === 0 ? Promise.resolve() : this.deps.journal!.appendBatch(writes);
    written.then(
      () => {
        this.flushing = undefined;
        this.sinceSnapshot += events;
        for (const entry of batch) this.settlePipelined(entry);
        if (snapshot && this.lifecycle === 'running') {
          this.deps.journal!.saveSnapshot(snapshot).then(
            () => (this.sinceSnapshot = this.seq - snapshot.seq),
            (error: unknown) => {
              this.lastError = { message: `snapshot failed: ${describe(error)}`, at: this.deps.clock.now() };
            },
          );
        }
        if (this.unflushed.length > 0) this.flush();
        else this.notifyDrained();
      },
      (error: unknown) => {
        this.flushing = undefined;
        const refused = [...batch, ...this.unflushed];
        this.unflushed = [];
        const failure = new PersistenceFailedError(this.name, refused[0]!.item.type, error);
        for (const entry of refused) {
          if (entry.item.id !== undefined) this.pendingIds.delete(entry.item.id);
          entry.item.reply?.reject(failure);
          for (const duplicate of entry.duplicates ?? []) duplicate.reject(failure);
        }
        this.notifyDrained();
        if (this.lifecycle === 'running') this.failed(failure.message, error);
      },
    );
  }

  private settlePipelined(entry: PipelinedEntry): void {
    const { item, reply } = entry;
    if (item.id !== undefined) {
      this.pendingIds.delete(item.id);
      this.remember(item.id, reply);
    }
    item.reply?.resolve(reply);
    for (const duplicate of entry.duplicates ?? []) duplicate.resolve(reply);
    this.handled(item, entry.write?.events.length ?? 0, (performance.now() - entry.started) * 1000);
  }

  private notifyDrained(): void {
    const waiters = this.drainedWaiters;
    this.drainedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The snapshot of the current state, remembering the batch's message ids with the older ones. */
  private snapshotData(batch: readonly PipelinedEntry[]) {
    const b = this.behavior;
    const processed = [...this.processed].map(([id, r]) => [id, r.reply] as const);
    for (const { item, reply, write } of batch)
      if (write && item.id !== undefined) processed.push([item.id, reply]);
    return {
      persistenceId: this.name,
      seq: this.seq,
      state: b.snapshot ? b.snapshot.encode(this.state) : this.state,
      processed,
    };
  }

  private afterPersist(
    item: UserItem,
    events: readonly unknown[],
    reply: unknown,
    started: number,
  ): void | Promise<void> {
    // If apply throws on durable events (a bug), recovery meets the same events; the supervisor's
    // intensity limit keeps that from looping forever.
    if (!this.applyDecided(item, events)) return;
    this.sinceSnapshot += events.length;
    this.finish(item, reply, events.length, started);
    if (this.sinceSnapshot >= this.snapshotEvery) {
      return this.saveSnapshot().catch((error: unknown) => {
        // Not fatal: the journal still holds every event; the next snapshot will try again.
        this.lastError = { message: `snapshot failed: ${describe(error)}`, at: this.deps.clock.now() };
      });
    }
  }

  /** Applies a decision's events (unless its handler already did) and advances seq; false if apply threw. */
  private applyDecided(item: UserItem, events: readonly unknown[]): boolean {
    try {
      if (!this.appliesInHandler)
        for (const event of events) this.state = this.behavior.apply(this.state, event);
    } catch (error) {
      this.fail(item, error);
      return false;
    }
    this.seq += events.length;
    return true;
  }

  private finish(item: UserItem, reply: unknown, events: number, started: number): void {
    if (item.id !== undefined) this.remember(item.id, reply);
    item.reply?.resolve(reply);
    // One clock read per message: its end is the next message's start.
    const end = performance.now();
    this.mark = end;
    this.handled(item, events, (end - started) * 1000);
  }

  /** Counts a handled message: latency, rate, totals, and the inspection stream. */
  private handled(item: UserItem, events: number, latencyUs: number): void {
    this.latency.observe(latencyUs);
    this.rate.mark(this.lastActiveAt);
    this.processedCount++;
    if (this.deps.inspector.active) {
      this.deps.inspector.emit({
        type: 'actor.transition',
        address: this.name,
        message: item.type,
        events,
        latencyUs,
        mailboxDepth: this.mailbox.depth,
      });
    }
  }

  private persistFailed(item: UserItem, error: unknown): void | Promise<void> {
    if (error instanceof JournalConflictError && error.conflict === 'msgId' && item.id !== undefined) {
      // Redelivered command older than the in-memory window: the journal has its first reply.
      const id = item.id;
      return this.deps.journal!.findReply(this.name, id).then(
        (found) => {
          if (!found) return this.fail(item, error);
          this.remember(id, found.reply);
          item.reply?.resolve(found.reply);
        },
        (lookupError: unknown) => this.fail(item, lookupError),
      );
    }
    const failure = new PersistenceFailedError(this.name, item.type, error);
    item.reply?.reject(failure);
    // What the journal holds is now uncertain: rebuild from it before taking more work.
    this.failed(failure.message, error);
  }

  private fail(item: UserItem, error: unknown): void {
    item.reply?.reject(new HandlerFailedError(this.name, item.type, error));
    if (this.deps.inspector.active) {
      this.deps.inspector.emit({
        type: 'actor.failed',
        address: this.name,
        message: item.type,
        error: describe(error),
      });
    }
    this.failed(describe(error), error);
  }

  private failed(message: string, error: unknown): void {
    this.lastError = { message, at: this.deps.clock.now() };
    this.lifecycle = 'failed';
    this.mailbox.suspend();
    this.deps.parent.childFailed(this, error);
  }

  private remember(id: string, reply: unknown): void {
    this.processed.set(id, { reply });
    if (this.processed.size > this.deps.limits.dedupeWindow) {
      const oldest = this.processed.keys().next().value as string;
      this.processed.delete(oldest);
    }
  }

  // --- lifecycle ------------------------------------------------------------------------------

  private async recover(reason: 'started' | 'restarted'): Promise<void> {
    if (this.lifecycle === 'stopped') return;
    // A restart waits for pipelined writes already sent: recovery must read what they wrote.
    await this.whenDrained();
    this.lifecycle = reason === 'started' ? 'starting' : 'restarting';
    this.mailbox.suspend();
    const behavior = this.behavior;
    let state = behavior.initialState(this.key);
    let seq = 0;
    let replayed = 0;
    const processed = new Map<string, { reply: unknown }>();
    try {
      if (this.journaled) {
        const journal = this.deps.journal!;
        const snapshot = await journal.loadSnapshot(this.name);
        if (snapshot) {
          state = behavior.snapshot ? behavior.snapshot.decode(snapshot.state) : snapshot.state;
          seq = snapshot.seq;
          for (const [id, r] of snapshot.processed) processed.set(id, { reply: r });
        }
        for await (const entry of journal.read(this.name, seq)) {
          state = behavior.apply(state, entry.event);
          seq = entry.seq;
          replayed++;
          if (entry.msgId !== undefined) processed.set(entry.msgId, { reply: entry.reply });
        }
      }
    } catch (error) {
      this.failed(`recovery failed: ${describe(error)}`, error);
      return;
    }
    this.state = state;
    this.seq = seq;
    this.sinceSnapshot = replayed;
    this.processed = processed;
    while (this.processed.size > this.deps.limits.dedupeWindow) {
      this.processed.delete(this.processed.keys().next().value as string);
    }
    this.lifecycle = 'running';
    if (reason === 'restarted') this.restarts++;
    if (!this.paused) this.mailbox.resume();
    const inspector = this.deps.inspector;
    if (inspector.active) {
      inspector.emit(
        reason === 'started'
          ? { type: 'actor.started', address: this.name, seq, replayed }
          : { type: 'actor.restarted', address: this.name, restarts: this.restarts },
      );
    }
  }

  private async saveSnapshot(): Promise<void> {
    const b = this.behavior;
    const seq = this.seq;
    await this.deps.journal!.saveSnapshot({
      persistenceId: this.name,
      seq,
      state: b.snapshot ? b.snapshot.encode(this.state) : this.state,
      processed: [...this.processed].map(([id, r]) => [id, r.reply] as const),
    });
    this.sinceSnapshot = this.seq - seq;
  }

  private halt(reason: string): void {
    if (this.lifecycle === 'stopped') return;
    this.lifecycle = 'stopped';
    this.stopReason = reason;
    for (const item of this.mailbox.clear()) {
      if (item.system) {
        item.cancel(new ActorStoppedError(this.name, reason));
        continue;
      }
      this.deps.deadLetter(this.name, item.type, `stopped (${reason})`);
      item.reply?.reject(new ActorStoppedError(this.name, reason));
    }
    if (this.deps.inspector.active)
      this.deps.inspector.emit({ type: 'actor.stopped', address: this.name, reason });
  }
}
