import type { Actor, ActorStatus } from './actor.ts';
import { LATENCY_BUCKETS_US } from './metrics.ts';
import type { FailureRecord } from './supervision.ts';
import type { Supervisor } from './supervisor.ts';

/**
 * The SRE's view: node -> shard host -> actor. Plain JSON, so it crosses process boundaries and
 * feeds the GraphQL admin API unchanged.
 */

export interface LatencySummary {
  readonly count: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  /** Cumulative-free bucket counts; bounds in `LATENCY_BUCKETS_US`, last is +Inf. */
  readonly buckets: readonly number[];
}

export interface ActorInfo {
  readonly address: string;
  readonly kind: string;
  readonly status: ActorStatus;
  readonly seq: number;
  readonly mailboxDepth: number;
  readonly msgsPerSec: number;
  readonly processed: number;
  readonly rejected: number;
  readonly latency: LatencySummary;
  readonly restarts: number;
  readonly lastError: FailureRecord | null;
}

export interface ActorDetail extends ActorInfo {
  readonly host: string;
  readonly state: unknown;
}

export interface SupervisorInfo {
  readonly name: string;
  readonly children: number;
  readonly restarts: number;
  readonly lastError: FailureRecord | null;
}

export interface HostTree {
  readonly host: string;
  readonly pid: number;
  readonly supervisors: readonly SupervisorInfo[];
  readonly actors: readonly ActorInfo[];
  readonly deadLetters: number;
}

export interface NodeTree {
  readonly node: string;
  readonly hosts: readonly (HostTree | { readonly host: string; readonly down: string })[];
}

export function actorInfo(actor: Actor, now: number): ActorInfo {
  const h = actor.latency;
  return {
    address: actor.name,
    kind: actor.behavior.kind,
    status: actor.status,
    seq: actor.sequence,
    mailboxDepth: actor.mailboxDepth,
    msgsPerSec: actor.rate.perSecond(now),
    processed: actor.processedCount,
    rejected: actor.rejectedCount,
    latency: {
      count: h.count,
      p50Us: h.quantile(0.5),
      p99Us: h.quantile(0.99),
      meanUs: h.count === 0 ? 0 : h.sumUs / h.count,
      buckets: [...h.counts],
    },
    restarts: actor.restarts,
    lastError: actor.lastError ?? null,
  };
}

export function supervisorInfo(supervisor: Supervisor): SupervisorInfo {
  return {
    name: supervisor.name,
    children: supervisor.size,
    restarts: supervisor.restarts,
    lastError: supervisor.lastError ?? null,
  };
}

export { LATENCY_BUCKETS_US };
