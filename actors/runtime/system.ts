import type { AuditLog, AuditRecord, Journal } from '../store/index.ts';
import { GroupCommitJournal, MemoryAuditLog } from '../store/index.ts';
import type { ActorJournal, ActorLimits } from './actor.ts';
import { Actor } from './actor.ts';
import { parseAddress } from './address.ts';
import type { AdminCommand, Authorizer, Principal } from './admin.ts';
import { isAdminVerb, roleAuthorizer } from './admin.ts';
import type { AnyBehavior, Behavior, Protocol } from './behavior.ts';
import type { Clock, TimerHandle } from './clock.ts';
import { systemClock } from './clock.ts';
import { Deadlines } from './deadlines.ts';
import type { EscalationError } from './errors.ts';
import {
  ActorError,
  AdminUnauthorisedError,
  InternalOnlyError,
  UnknownActorKindError,
  UnknownAdminVerbError,
} from './errors.ts';
import { parseEnvelope, parsePayload } from './envelope.ts';
import type { InspectionObserver } from './inspection.ts';
import { Inspector } from './inspection.ts';
import type { ActorDetail, HostTree } from './introspection.ts';
import { actorInfo, supervisorInfo } from './introspection.ts';
import { LatencyHistogram } from './metrics.ts';
import type { SupervisionStrategy } from './supervision.ts';
import { Supervisor } from './supervisor.ts';

export interface SystemLimits extends ActorLimits {
  /** Largest message accepted at the boundary (`deliver`), in bytes of JSON. */
  readonly maxMessageBytes: number;
  /**
   * Largest message from a trusted sender (the node's own settlement and custody over IPC): its
   * batches are bounded by the sender, not by what an outside caller may send.
   */
  readonly maxTrustedMessageBytes: number;
}

export const defaultLimits: SystemLimits = {
  mailboxCapacity: 100_000,
  dedupeWindow: 1_000,
  askTimeoutMs: 5_000,
  stopTimeoutMs: 5_000,
  maxMessageBytes: 64 * 1024,
  maxTrustedMessageBytes: 8 * 1024 * 1024,
};

export interface ActorSystemOptions {
  /** Host name in the tree, e.g. `shard-0`. */
  readonly name?: string;
  /** Durable journal; required when a journaled behaviour is registered. Appends are group-committed. */
  readonly journal?: Journal;
  readonly audit?: AuditLog;
  readonly authorize?: Authorizer;
  readonly clock?: Clock;
  readonly limits?: Partial<SystemLimits>;
  /** Strategy of the root supervisor (over the kind supervisors). */
  readonly strategy?: SupervisionStrategy;
  /** The root gave up: a shard host exits here so comedy respawns it. */
  readonly onEscalate?: (error: EscalationError) => void;
  /** How often idle actors are looked for. Default 5 s. */
  readonly passivationSweepMs?: number;
  /** Most commands per journal batch (group commit). Default 2,000. */
  readonly maxBatchWrites?: number;
  /** Journal batches written at once; up to the database pool's size. Default 1. */
  readonly maxInFlightBatches?: number;
}

export interface KindOptions {
  /** Strategy for the actors of this kind. */
  readonly strategy?: SupervisionStrategy;
  /** Unload actors idle this long; they come back from the journal on their next message. */
  readonly passivateAfterMs?: number;
}

/** A typed handle on an address. It stays valid across restarts and passivation. */
export interface ActorRef<P extends Protocol> {
  readonly address: string;
  tell<K extends keyof P & string>(type: K, payload: P[K]['payload'], options?: { id?: string }): void;
  ask<K extends keyof P & string>(
    type: K,
    payload: P[K]['payload'],
    options?: { id?: string; timeoutMs?: number },
  ): Promise<P[K]['reply']>;
}

export type AdminResult =
  | { readonly verb: 'inspect'; readonly target: string; readonly detail: ActorDetail }
  | { readonly verb: 'snapshot'; readonly target: string; readonly seq: number }
  | { readonly verb: 'send'; readonly target: string; readonly reply: unknown }
  | {
      readonly verb: 'pause' | 'resume' | 'restart' | 'freeze';
      readonly target: string;
      readonly status: string;
    };

interface Kind {
  readonly behavior: AnyBehavior;
  readonly supervisor: Supervisor;
  readonly passivateAfterMs: number | undefined;
  /** Totals of actors no longer loaded, so counters never go backwards. */
  readonly retired: { processed: number; rejected: number; restarts: number; latency: LatencyHistogram };
  /** Messages refused at the boundary (never reached an actor). */
  rejected: number;
}

interface AdminFlags {
  paused: boolean;
  frozen: boolean;
}

/**
 * A set of actors in one process: addresses to actors (activated on first message), kind
 * supervisors under a root, group-committed journal, passivation, admin verbs, introspection.
 */
export class ActorSystem {
  readonly name: string;
  readonly clock: Clock;
  readonly limits: SystemLimits;
  private readonly inspector = new Inspector();
  private readonly root: Supervisor;
  private readonly kinds = new Map<string, Kind>();
  private readonly actors = new Map<string, Actor>();
  private readonly flags = new Map<string, AdminFlags>();
  private readonly journal: GroupCommitJournal | undefined;
  private readonly audit: AuditLog;
  private readonly authorize: Authorizer;
  private readonly sweepMs: number;
  private sweepTimer: TimerHandle | undefined;
  private readonly deadlines: Deadlines;
  private stopped = false;
  deadLetters = 0;

  constructor(private readonly options: ActorSystemOptions = {}) {
    this.name = options.name ?? 'local';
    this.clock = options.clock ?? systemClock;
    this.limits = { ...defaultLimits, ...options.limits };
    this.audit = options.audit ?? new MemoryAuditLog();
    this.authorize = options.authorize ?? roleAuthorizer;
    this.journal = options.journal
      ? new GroupCommitJournal(options.journal, {
          maxBatchWrites: options.maxBatchWrites ?? 2_000,
          maxInFlight: options.maxInFlightBatches ?? 1,
        })
      : undefined;
    this.root = new Supervisor(this.name, {
      clock: this.clock,
      inspector: this.inspector,
      ...(options.strategy ? { strategy: options.strategy } : {}),
      ...(options.onEscalate ? { onEscalate: options.onEscalate } : {}),
    });
    this.sweepMs = options.passivationSweepMs ?? 5_000;
    this.deadlines = new Deadlines(this.clock);
  }

  register<S, P extends Protocol, E>(behavior: Behavior<S, P, E>, options: KindOptions = {}): void {
    if (this.kinds.has(behavior.kind)) throw new Error(`actor kind "${behavior.kind}" is already registered`);
    const supervisor = new Supervisor(`${this.name}/${behavior.kind}`, {
      clock: this.clock,
      inspector: this.inspector,
      parent: this.root,
      ...(options.strategy ? { strategy: options.strategy } : {}),
    });
    this.root.add(supervisor);
    this.kinds.set(behavior.kind, {
      behavior,
      supervisor,
      passivateAfterMs: options.passivateAfterMs,
      retired: { processed: 0, rejected: 0, restarts: 0, latency: new LatencyHistogram() },
      rejected: 0,
    });
    if (options.passivateAfterMs !== undefined) this.scheduleSweep();
  }

  ref<P extends Protocol>(address: string): ActorRef<P> {
    parseAddress(address);
    return {
      address,
      tell: (type, payload, options) => this.tell(address, type, payload, options?.id),
      ask: (type, payload, options) => this.ask(address, type, payload, options) as never,
    };
  }

  tell(address: string, type: string, payload: unknown, id?: string): void {
    this.actorFor(address).tell(type, payload, id);
  }

  ask(
    address: string,
    type: string,
    payload: unknown,
    options?: { id?: string; timeoutMs?: number },
  ): Promise<unknown> {
    try {
      return this.actorFor(address).ask(type, payload, options);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The boundary for untrusted input (IPC, HTTP, later gRPC): size-checked, envelope-validated,
   * then an ask. Every refusal is a typed `ActorError` and reaches no actor state. `trusted`: the
   * sender is the exchange itself (the node over IPC), so internal messages are allowed.
   */
  deliver(raw: unknown, options: { trusted?: boolean } = {}): Promise<unknown> {
    try {
      const { address, type, payload, id, timeoutMs } = parseEnvelope(
        raw,
        options.trusted ? this.limits.maxTrustedMessageBytes : this.limits.maxMessageBytes,
      );
      const kind = this.kindOf(parseAddress(address).kind);
      let parsed: unknown;
      try {
        if (kind.behavior.adminMessages?.includes(type))
          throw new AdminUnauthorisedError('(deliver)', type, address);
        if (!options.trusted && kind.behavior.internalMessages?.includes(type))
          throw new InternalOnlyError(type, address);
        parsed = parsePayload(kind.behavior, address, type, payload);
      } catch (error) {
        // Refused before any actor is activated: a flood of bad input loads nothing.
        kind.rejected++;
        if (this.inspector.active && error instanceof ActorError) {
          this.inspector.emit({ type: 'actor.rejected', address, message: type, code: error.code });
        }
        throw error;
      }
      return this.ask(address, type, parsed, {
        ...(id === undefined ? {} : { id }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Authorise, audit, then run an admin verb on an actor (activating it if needed). */
  async admin(principal: Principal, command: AdminCommand): Promise<AdminResult> {
    const verb: unknown = command.verb;
    if (!isAdminVerb(verb)) throw new UnknownAdminVerbError(String(verb));
    const target = command.target;
    const kind = this.kindOf(parseAddress(target).kind);
    const allowed = this.authorize(principal, verb, target);
    const record = { principal: principal.id, verb, target, reason: command.reason };
    if (!allowed) {
      await this.recordAdmin({ ...record, outcome: 'denied' });
      throw new AdminUnauthorisedError(principal.id, verb, target);
    }
    // A malformed `send` is refused before it is recorded: nothing was done.
    const type = String(command.message?.type);
    const payload =
      verb === 'send' ? parsePayload(kind.behavior, target, type, command.message?.payload) : undefined;
    await this.recordAdmin({
      ...record,
      outcome: 'accepted',
      ...(verb === 'send' ? { detail: { message: type } } : {}),
    });
    const actor = this.actorFor(target);
    switch (verb) {
      case 'inspect':
        return { verb, target, detail: await actor.runSystem(() => this.detailOf(actor)) };
      case 'snapshot':
        return { verb, target, seq: await actor.runSystem(() => actor.snapshotNow()) };
      case 'restart':
        await actor.restart();
        return { verb, target, status: actor.status };
      case 'pause':
        this.flagsFor(target).paused = true;
        return { verb, target, status: await actor.runSystem(() => (actor.pause(), actor.status)) };
      case 'freeze':
        this.flagsFor(target).frozen = true;
        return { verb, target, status: await actor.runSystem(() => (actor.freeze(), actor.status)) };
      case 'resume':
        this.flags.delete(target);
        return { verb, target, status: await actor.runSystem(() => (actor.resume(), actor.status)) };
      case 'send':
        return { verb, target, reply: await actor.ask(type, payload) };
    }
  }

  /** Writes an admin command to the audit log (before it runs) and to the inspection stream. */
  private async recordAdmin(record: Omit<AuditRecord, 'at'>): Promise<void> {
    await this.audit.append({ at: new Date(this.clock.now()), ...record });
    if (this.inspector.active) {
      const { principal, verb, target, outcome } = record;
      this.inspector.emit({ type: 'admin.command', principal, verb, target, outcome });
    }
  }

  /** Newest admin commands first (audit trail for the admin UI). */
  auditTrail(options?: { target?: string; limit?: number }): ReturnType<AuditLog['list']> {
    return this.audit.list(options);
  }

  /** Detail of a loaded actor, or undefined when it is not loaded here. */
  detail(address: string): ActorDetail | undefined {
    const actor = this.actors.get(address);
    return actor ? this.detailOf(actor) : undefined;
  }

  tree(): HostTree {
    const now = this.clock.now();
    return {
      host: this.name,
      pid: process.pid,
      supervisors: [this.root, ...[...this.kinds.values()].map((k) => k.supervisor)].map(supervisorInfo),
      actors: [...this.actors.values()].map((a) => actorInfo(a, now)),
      deadLetters: this.deadLetters,
    };
  }

  /** Subscribe to inspection events; returns the unsubscribe function. */
  inspect(observer: InspectionObserver): () => void {
    return this.inspector.subscribe(observer);
  }

  /** Loaded actors (tests, metrics). */
  loaded(): readonly Actor[] {
    return [...this.actors.values()];
  }

  /** Per-kind totals for Prometheus, including actors already unloaded. */
  kindTotals(): {
    kind: string;
    active: number;
    processed: number;
    rejected: number;
    restarts: number;
    mailboxDepth: number;
    latency: LatencyHistogram;
  }[] {
    return [...this.kinds.entries()].map(([kind, k]) => {
      const latency = new LatencyHistogram();
      latency.merge(k.retired.latency);
      let processed = k.retired.processed;
      let rejected = k.retired.rejected + k.rejected;
      let restarts = k.retired.restarts;
      let mailboxDepth = 0;
      let active = 0;
      for (const child of k.supervisor.childList()) {
        const a = child as Actor;
        active++;
        processed += a.processedCount;
        rejected += a.rejectedCount;
        restarts += a.restarts;
        mailboxDepth += a.mailboxDepth;
        latency.merge(a.latency);
      }
      return { kind, active, processed, rejected, restarts, mailboxDepth, latency };
    });
  }

  journalStats(): GroupCommitJournal['stats'] | undefined {
    return this.journal?.stats;
  }

  /** Unload idle actors of kinds with passivation now (the sweep timer calls this too). */
  async passivateIdle(): Promise<number> {
    const now = this.clock.now();
    const idle: Actor[] = [];
    for (const actor of this.actors.values()) {
      const after = this.kinds.get(actor.behavior.kind)?.passivateAfterMs;
      if (after === undefined || !actor.idle || actor.status !== 'running') continue;
      if (now - actor.lastActiveAt >= after && !this.flags.has(actor.name)) idle.push(actor);
    }
    await Promise.all(idle.map((a) => this.unload(a, 'passivated')));
    return idle.length;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.sweepTimer) this.clock.clearTimeout(this.sweepTimer);
    // Actors stop between messages, so no journal write is in flight once this resolves. The
    // journal itself stays open: it belongs to whoever created it.
    await this.root.stop('system stopped');
    this.actors.clear();
    this.deadlines.expireAll();
  }

  // --- internals ------------------------------------------------------------------------------

  private actorFor(address: string): Actor {
    const existing = this.actors.get(address);
    if (existing) return existing;
    const { kind, key } = parseAddress(address);
    const k = this.kindOf(kind);
    const actor = new Actor(address, key, k.behavior, {
      clock: this.clock,
      inspector: this.inspector,
      parent: k.supervisor,
      journal: this.journal as ActorJournal | undefined,
      limits: this.limits,
      deadlines: this.deadlines,
      deadLetter: (address, message, reason) => {
        this.deadLetters++;
        if (this.inspector.active) this.inspector.emit({ type: 'dead-letter', address, message, reason });
      },
    });
    const flags = this.flags.get(address);
    if (flags?.paused) actor.pause();
    if (flags?.frozen) actor.freeze();
    k.supervisor.add(actor);
    this.actors.set(address, actor);
    return actor;
  }

  private kindOf(kind: string): Kind {
    const k = this.kinds.get(kind);
    if (!k) throw new UnknownActorKindError(kind);
    return k;
  }

  private flagsFor(address: string): AdminFlags {
    let flags = this.flags.get(address);
    if (!flags) {
      flags = { paused: false, frozen: false };
      this.flags.set(address, flags);
    }
    return flags;
  }

  private detailOf(actor: Actor): ActorDetail {
    return { ...actorInfo(actor, this.clock.now()), host: this.name, state: actor.summary() };
  }

  private async unload(actor: Actor, reason: string): Promise<void> {
    // Off the map first: a message arriving from now on activates a fresh instance from the journal.
    this.actors.delete(actor.name);
    const k = this.kinds.get(actor.behavior.kind)!;
    k.supervisor.remove(actor);
    k.retired.processed += actor.processedCount;
    k.retired.rejected += actor.rejectedCount;
    k.retired.restarts += actor.restarts;
    k.retired.latency.merge(actor.latency);
    await actor.stop(reason);
  }

  private scheduleSweep(): void {
    if (this.sweepTimer || this.stopped) return;
    this.sweepTimer = this.clock.setTimeout(() => {
      this.sweepTimer = undefined;
      void this.passivateIdle().finally(() => this.scheduleSweep());
    }, this.sweepMs);
  }
}
