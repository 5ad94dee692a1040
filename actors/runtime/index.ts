/**
 * The actor runtime's public surface. Code outside `actors/runtime` imports only from here.
 */
export { Actor } from './actor.ts';
export { parseAddress, shardOf } from './address.ts';
export { AdminVerb, isAdminVerb, roleAuthorizer } from './admin.ts';
export { defineActor, persist, reply } from './behavior.ts';
export { SimulatedClock, systemClock } from './clock.ts';
export {
  ActorError,
  ActorErrorCode,
  ActorFrozenError,
  ActorStoppedError,
  AdminUnauthorisedError,
  AskTimeoutError,
  EscalationError,
  HandlerFailedError,
  HostUnavailableError,
  InternalOnlyError,
  InvalidAddressError,
  MailboxFullError,
  MalformedMessageError,
  MessageTooLargeError,
  PersistenceFailedError,
  UnknownActorKindError,
  UnknownAdminVerbError,
  UnknownMessageError,
} from './errors.ts';
export { Mailbox } from './mailbox.ts';
export { ShardHosts } from './shard-hosts.ts';
export type { ShardHostsOptions } from './shard-hosts.ts';
export { LATENCY_BUCKETS_US, LatencyHistogram, RateMeter } from './metrics.ts';
export { backoffDelay, defaultStrategy } from './supervision.ts';
export { Supervisor } from './supervisor.ts';
export { envelopeSchema, parseEnvelope, parsePayload } from './envelope.ts';
export { createRuntimeRegistry } from './prometheus.ts';
export { ActorSystem, defaultLimits } from './system.ts';

export type { ActorStatus } from './actor.ts';
export type { Address } from './address.ts';
export type { AdminCommand, Authorizer, Principal } from './admin.ts';
export type { AnyBehavior, Behavior, Decision, Handler, HandlerContext, Protocol } from './behavior.ts';
export type { Clock, TimerHandle } from './clock.ts';
export type { ActorErrorJSON } from './errors.ts';
export type { InspectionEvent, InspectionObserver } from './inspection.ts';
export type {
  ActorDetail,
  ActorInfo,
  HostTree,
  LatencySummary,
  NodeTree,
  SupervisorInfo,
} from './introspection.ts';
export type { FailureRecord, Supervised, SupervisionStrategy, SupervisorParent } from './supervision.ts';
export type { Envelope } from './envelope.ts';
export type { ActorRef, ActorSystemOptions, AdminResult, KindOptions, SystemLimits } from './system.ts';
