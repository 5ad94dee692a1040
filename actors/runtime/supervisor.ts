import type { Clock, TimerHandle } from './clock.ts';
import { describe, EscalationError } from './errors.ts';
import type { Inspector } from './inspection.ts';
import type { FailureRecord, Supervised, SupervisionStrategy, SupervisorParent } from './supervision.ts';
import { backoffDelay, defaultStrategy } from './supervision.ts';

export interface SupervisorOptions {
  readonly clock: Clock;
  readonly inspector: Inspector;
  readonly strategy?: SupervisionStrategy;
  /** Absent for the root of a tree. */
  readonly parent?: SupervisorParent;
  /** Called when the root itself must give up (a shard host exits so comedy respawns it). */
  readonly onEscalate?: (error: EscalationError) => void;
}

/**
 * One-for-one supervisor: a failed child alone is restarted, after an exponential backoff, as
 * long as it failed at most `maxRestarts` times within `withinMs`; one failure more and the
 * supervisor escalates to its parent, which restarts (or escalates) the whole subtree.
 */
export class Supervisor implements Supervised, SupervisorParent {
  private readonly children = new Map<string, Supervised>();
  private readonly failures = new Map<string, number[]>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly strategy: SupervisionStrategy;
  private stopped = false;
  restarts = 0;
  lastError: FailureRecord | undefined;

  constructor(
    readonly name: string,
    private readonly options: SupervisorOptions,
  ) {
    this.strategy = options.strategy ?? defaultStrategy;
  }

  add(child: Supervised): void {
    this.children.set(child.name, child);
  }

  /** Forget a child that stopped for good (passivated, stopped by an admin). */
  remove(child: Supervised): void {
    if (this.children.get(child.name) !== child) return;
    this.children.delete(child.name);
    this.failures.delete(child.name);
    this.cancelTimer(child.name);
  }

  child(name: string): Supervised | undefined {
    return this.children.get(name);
  }

  get size(): number {
    return this.children.size;
  }

  childList(): Supervised[] {
    return [...this.children.values()];
  }

  /** Failure timestamps of a child inside the current intensity window (for inspection and tests). */
  recentFailures(name: string): readonly number[] {
    return this.failures.get(name) ?? [];
  }

  childFailed(child: Supervised, error: unknown): void {
    if (this.stopped || this.children.get(child.name) !== child) return;
    const { clock, inspector } = this.options;
    const now = clock.now();
    const window = (this.failures.get(child.name) ?? []).filter((t) => now - t < this.strategy.withinMs);
    window.push(now);
    this.failures.set(child.name, window);
    if (window.length > this.strategy.maxRestarts) {
      this.failures.delete(child.name);
      this.escalate(child, error);
      return;
    }
    const delayMs = backoffDelay(this.strategy, window.length);
    if (inspector.active) {
      inspector.emit({
        type: 'supervisor.restart-scheduled',
        supervisor: this.name,
        child: child.name,
        attempt: window.length,
        delayMs,
      });
    }
    this.cancelTimer(child.name);
    this.timers.set(
      child.name,
      clock.setTimeout(() => {
        this.timers.delete(child.name);
        if (!this.stopped && this.children.get(child.name) === child) void child.restart();
      }, delayMs),
    );
  }

  /** Restart every child, each rebuilding from durable state; failure windows start afresh. */
  async restart(): Promise<void> {
    this.restarts++;
    for (const name of this.timers.keys()) this.cancelTimer(name);
    this.failures.clear();
    await Promise.all(this.childList().map((c) => c.restart()));
  }

  async stop(reason: string): Promise<void> {
    this.stopped = true;
    for (const name of this.timers.keys()) this.cancelTimer(name);
    await Promise.all(this.childList().map((c) => c.stop(reason)));
    this.children.clear();
  }

  private escalate(child: Supervised, error: unknown): void {
    const escalation = new EscalationError(this.name, child.name, error);
    this.lastError = { message: escalation.message, at: this.options.clock.now() };
    const { inspector, parent, onEscalate } = this.options;
    if (inspector.active) {
      inspector.emit({
        type: 'supervisor.escalated',
        supervisor: this.name,
        child: child.name,
        error: describe(error),
      });
    }
    if (parent) parent.childFailed(this, escalation);
    else onEscalate?.(escalation);
  }

  private cancelTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer) this.options.clock.clearTimeout(timer);
    this.timers.delete(name);
  }
}
