/**
 * Time, injected. Actors, supervisors and passivation read time and schedule only through a
 * `Clock`, so tests drive them with `SimulatedClock` (xstate's habit) instead of sleeping.
 */

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

class SystemClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      callback();
    }, ms);
    // Runtime timers (backoff, passivation sweeps) must never keep a process alive on their own.
    timer.unref();
    this.timers.set(id, timer);
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    const timer = this.timers.get(handle.id);
    if (timer) clearTimeout(timer);
    this.timers.delete(handle.id);
  }
}

export const systemClock: Clock = new SystemClock();

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** A clock that moves only when told; due timers fire in time order (ties: in scheduling order). */
export class SimulatedClock implements Clock {
  private time: number;
  private pending: PendingTimer[] = [];
  private nextId = 1;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.pending.push({ id, at: this.time + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending = this.pending.filter((t) => t.id !== handle.id);
  }

  /** Advances time by `ms`, firing every timer that falls due on the way. */
  increment(ms: number): void {
    this.set(this.time + ms);
  }

  /** Moves time forward to `time` (never back), firing due timers. */
  set(time: number): void {
    if (time < this.time) throw new RangeError(`SimulatedClock cannot go back from ${this.time} to ${time}`);
    for (;;) {
      const due = this.nextDue(time);
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.time = due.at;
      due.callback();
    }
    this.time = time;
  }

  /** Timers not yet fired, soonest first: lets tests assert on scheduled delays. */
  scheduled(): readonly { readonly at: number; readonly inMs: number }[] {
    return [...this.pending].sort((a, b) => a.at - b.at).map((t) => ({ at: t.at, inMs: t.at - this.time }));
  }

  private nextDue(limit: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const t of this.pending) if (t.at <= limit && (!best || t.at < best.at)) best = t;
    return best;
  }
}
