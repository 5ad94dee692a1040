/**
 * The contract between a supervisor and what it supervises (actors and other supervisors), in
 * Akka's words: a child that fails is restarted with backoff, or the failure is escalated.
 */

export interface Supervised {
  /** Name within the tree: the actor address, or the supervisor's name. */
  readonly name: string;
  /** Rebuild from durable state (journal) and carry on; mailbox and address are kept. */
  restart(): Promise<void>;
  /** Stop for good; waiting asks are answered with `ActorStoppedError`. */
  stop(reason: string): Promise<void>;
  readonly restarts: number;
  readonly lastError: FailureRecord | undefined;
}

export interface SupervisorParent {
  /** A child failed (threw, or could not persist or recover). The parent decides what happens. */
  childFailed(child: Supervised, error: unknown): void;
}

export interface FailureRecord {
  readonly message: string;
  /** Clock time (ms). */
  readonly at: number;
}

/** Restart intensity and backoff: at most `maxRestarts` in `withinMs`, then escalate. */
export interface SupervisionStrategy {
  readonly maxRestarts: number;
  readonly withinMs: number;
  /** Delay before restart n (1-based) = min(maxMs, minMs * factor^(n-1)). */
  readonly backoff: { readonly minMs: number; readonly maxMs: number; readonly factor: number };
}

export const defaultStrategy: SupervisionStrategy = {
  maxRestarts: 5,
  withinMs: 60_000,
  backoff: { minMs: 50, maxMs: 10_000, factor: 2 },
};

/** Delay before the n-th restart within the current window (n >= 1). */
export function backoffDelay(strategy: SupervisionStrategy, attempt: number): number {
  const { minMs, maxMs, factor } = strategy.backoff;
  return Math.min(maxMs, minMs * factor ** (attempt - 1));
}
