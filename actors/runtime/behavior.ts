import type { z } from 'zod';
import type { Clock } from './clock.ts';

/**
 * What an actor is: its protocol (message schemas), how it decides (`handlers`: state + message
 * -> events + reply) and how events change its state (`apply`, pure and total). The runtime owns
 * everything else: mailbox, journal, recovery, supervision, metrics.
 */

/** The decision a handler returns: events to journal (possibly none) and the reply to send. */
export interface Decision<E, R> {
  readonly events: readonly E[];
  readonly reply: R;
}

/** A reply that changes nothing (queries, business refusals). */
export function reply<R>(value: R): Decision<never, R> {
  return { events: [], reply: value };
}

/** Events to journal and apply, then the reply. */
export function persist<E, R>(events: readonly E[], value: R): Decision<E, R> {
  return { events, reply: value };
}

/** What a handler may use besides state and payload. Nothing here performs I/O on its own. */
export interface HandlerContext {
  /** This actor's address. */
  readonly self: string;
  /** Id of the message being handled, when the sender gave one. */
  readonly messageId: string | undefined;
  readonly clock: Clock;
}

/** A protocol maps each message type to its payload schema and reply type. */
export type Protocol = Record<string, { readonly payload: unknown; readonly reply: unknown }>;

export type Handler<S, Payload, R, E> = (
  state: S,
  payload: Payload,
  ctx: HandlerContext,
) => Decision<E, R> | Promise<Decision<E, R>>;

export type Handlers<S, P extends Protocol, E> = {
  readonly [K in keyof P]: Handler<S, P[K]['payload'], P[K]['reply'], E>;
};

export type Schemas<P extends Protocol> = {
  readonly [K in keyof P]: z.ZodType<P[K]['payload']>;
};

export interface Behavior<S, P extends Protocol, E> {
  /** Kind name, the first part of the address: `account` in `account/u_42`. */
  readonly kind: string;
  /**
   * `journal` (default): events are durable before the reply, recovery replays them.
   * `memory`: events are applied but not journaled (caches, projections rebuilt from elsewhere).
   */
  readonly persistence?: 'journal' | 'memory';
  initialState(key: string): S;
  readonly schemas: Schemas<P>;
  readonly handlers: Handlers<S, P, E>;
  apply(state: S, event: E): S;
  /**
   * The handlers apply their own events to a mutable state (a matching engine's book is too big
   * to copy per command): the runtime journals the events and does not apply them again; `apply`
   * then serves recovery only. Until the journal write succeeds no reply is sent and no other
   * message runs; if it fails, the actor is restarted from the journal, which drops the change.
   */
  readonly appliesInHandler?: boolean;
  /**
   * With `appliesInHandler`: the next message runs while this one's events are being written;
   * replies still wait until their events (and all earlier ones) are durable. For a single hot
   * actor (a market book) this puts many commands in one journal write instead of one per round
   * trip. A failed write refuses everything decided after it and restarts the actor.
   */
  readonly pipelined?: boolean;
  /**
   * Message types only the admin path may send (`ActorSystem.admin` verb `send`: authorised and
   * audited). `deliver`, the boundary for everything else from outside, refuses them with
   * ADMIN_UNAUTHORISED. Typed senders in the same process are trusted code and may send them.
   */
  readonly adminMessages?: readonly (keyof P & string)[];
  /**
   * Message types only the exchange's own components send (settlement, custody): an untrusted
   * `deliver` (HTTP, a partner) refuses them with INTERNAL_ONLY; a trusted one (the node process
   * talking to its shard hosts) and typed senders in the same process may send them.
   */
  readonly internalMessages?: readonly (keyof P & string)[];
  /** Take a snapshot after this many events (journaled actors). Default 1,000. */
  readonly snapshotEvery?: number;
  /** State <-> snapshot data, when the state is not plain JSON (Maps, class instances). */
  readonly snapshot?: { encode(state: S): unknown; decode(data: unknown): S };
  /** Short, JSON-safe description of the state for `inspect` (default: the snapshot form). */
  summarize?(state: S): unknown;
}

/** Identity helper that keeps the generic parameters inferred at the definition site. */
export function defineActor<S, P extends Protocol, E>(behavior: Behavior<S, P, E>): Behavior<S, P, E> {
  return behavior;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBehavior = Behavior<any, any, any>;
