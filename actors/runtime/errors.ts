/**
 * Typed failures of the actor runtime. Each carries a stable `code` (mapped once to GraphQL
 * extensions and gRPC status at the edges) and says whether retrying the same message is safe.
 * They cross process boundaries (shard host <-> node) as plain objects via `toJSON`/`fromJSON`.
 */

export const ActorErrorCode = {
  UNKNOWN_MESSAGE: 'UNKNOWN_MESSAGE',
  MALFORMED_MESSAGE: 'MALFORMED_MESSAGE',
  MESSAGE_TOO_LARGE: 'MESSAGE_TOO_LARGE',
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  UNKNOWN_ACTOR_KIND: 'UNKNOWN_ACTOR_KIND',
  ASK_TIMEOUT: 'ASK_TIMEOUT',
  MAILBOX_FULL: 'MAILBOX_FULL',
  HANDLER_FAILED: 'HANDLER_FAILED',
  PERSISTENCE_FAILED: 'PERSISTENCE_FAILED',
  ACTOR_FROZEN: 'ACTOR_FROZEN',
  ACTOR_STOPPED: 'ACTOR_STOPPED',
  ADMIN_UNAUTHORISED: 'ADMIN_UNAUTHORISED',
  INTERNAL_ONLY: 'INTERNAL_ONLY',
  UNKNOWN_ADMIN_VERB: 'UNKNOWN_ADMIN_VERB',
  HOST_UNAVAILABLE: 'HOST_UNAVAILABLE',
} as const;
export type ActorErrorCode = (typeof ActorErrorCode)[keyof typeof ActorErrorCode];

/** Plain form of an `ActorError`, for IPC and JSON APIs. */
export interface ActorErrorJSON {
  readonly name: string;
  readonly code: ActorErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  readonly address?: string;
}

export class ActorError extends Error {
  override name = 'ActorError';
  readonly code: ActorErrorCode;
  /** True when sending the same message (same id) again may succeed and cannot double-apply. */
  readonly retryable: boolean;
  readonly address: string | undefined;

  constructor(
    code: ActorErrorCode,
    message: string,
    options: { retryable?: boolean; address?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.address = options.address;
  }

  toJSON(): ActorErrorJSON {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.address === undefined ? {} : { address: this.address }),
    };
  }

  /** Rebuilds an error that crossed a process boundary, keeping its class where one exists. */
  static fromJSON(json: ActorErrorJSON): ActorError {
    const Known = errorClasses[json.code];
    const error = new ActorError(json.code, json.message, {
      retryable: json.retryable,
      ...(json.address === undefined ? {} : { address: json.address }),
    });
    if (Known) Object.setPrototypeOf(error, Known.prototype);
    error.name = json.name;
    return error;
  }

  static isActorErrorJSON(value: unknown): value is ActorErrorJSON {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Record<string, unknown>;
    return typeof v['code'] === 'string' && v['code'] in ActorErrorCode && typeof v['message'] === 'string';
  }
}

/** The message type has no handler in the actor's protocol. */
export class UnknownMessageError extends ActorError {
  override name = 'UnknownMessageError';
  constructor(address: string, type: string) {
    super(ActorErrorCode.UNKNOWN_MESSAGE, `${address} does not handle message type "${type}"`, { address });
  }
}

/** The payload did not match the message schema; `issues` says where. */
export class MalformedMessageError extends ActorError {
  override name = 'MalformedMessageError';
  constructor(address: string, type: string, issues: string) {
    super(ActorErrorCode.MALFORMED_MESSAGE, `malformed "${type}" for ${address}: ${issues}`, { address });
  }
}

export class MessageTooLargeError extends ActorError {
  override name = 'MessageTooLargeError';
  constructor(bytes: number, limit: number) {
    super(ActorErrorCode.MESSAGE_TOO_LARGE, `message of ${bytes} bytes exceeds the ${limit} byte limit`);
  }
}

export class InvalidAddressError extends ActorError {
  override name = 'InvalidAddressError';
  constructor(address: string) {
    super(
      ActorErrorCode.INVALID_ADDRESS,
      `"${address.slice(0, 200)}" is not an actor address (kind/key, e.g. account/u_42)`,
    );
  }
}

export class UnknownActorKindError extends ActorError {
  override name = 'UnknownActorKindError';
  constructor(kind: string) {
    super(ActorErrorCode.UNKNOWN_ACTOR_KIND, `no actor kind "${kind}" is registered`);
  }
}

/** No reply in time. The message may still be processed: retry with the same id. */
export class AskTimeoutError extends ActorError {
  override name = 'AskTimeoutError';
  constructor(address: string, type: string, timeoutMs: number) {
    super(ActorErrorCode.ASK_TIMEOUT, `${address} did not answer "${type}" within ${timeoutMs} ms`, {
      address,
      retryable: true,
    });
  }
}

export class MailboxFullError extends ActorError {
  override name = 'MailboxFullError';
  constructor(address: string, capacity: number) {
    super(ActorErrorCode.MAILBOX_FULL, `mailbox of ${address} is full (${capacity} messages)`, {
      address,
      retryable: true,
    });
  }
}

/** The handler threw: the actor is restarted from its journal, this message is not applied. */
export class HandlerFailedError extends ActorError {
  override name = 'HandlerFailedError';
  constructor(address: string, type: string, cause: unknown) {
    super(ActorErrorCode.HANDLER_FAILED, `${address} failed handling "${type}": ${describe(cause)}`, {
      address,
      cause,
    });
  }
}

/** The journal write failed: the events were not applied; a retry with the same id is safe. */
export class PersistenceFailedError extends ActorError {
  override name = 'PersistenceFailedError';
  constructor(address: string, type: string, cause: unknown) {
    super(ActorErrorCode.PERSISTENCE_FAILED, `${address} could not journal "${type}": ${describe(cause)}`, {
      address,
      retryable: true,
      cause,
    });
  }
}

export class ActorFrozenError extends ActorError {
  override name = 'ActorFrozenError';
  constructor(address: string) {
    super(ActorErrorCode.ACTOR_FROZEN, `${address} is frozen by an administrator and takes no new work`, {
      address,
    });
  }
}

export class ActorStoppedError extends ActorError {
  override name = 'ActorStoppedError';
  constructor(address: string, reason: string) {
    super(ActorErrorCode.ACTOR_STOPPED, `${address} stopped (${reason}) before answering`, {
      address,
      retryable: true,
    });
  }
}

export class AdminUnauthorisedError extends ActorError {
  override name = 'AdminUnauthorisedError';
  constructor(principal: string, verb: string, target: string) {
    super(ActorErrorCode.ADMIN_UNAUTHORISED, `${principal} may not ${verb} ${target}`, { address: target });
  }
}

/** A message only the exchange's own components may send came through an untrusted boundary. */
export class InternalOnlyError extends ActorError {
  override name = 'InternalOnlyError';
  constructor(type: string, target: string) {
    super(ActorErrorCode.INTERNAL_ONLY, `"${type.slice(0, 50)}" is internal to the exchange`, {
      address: target,
    });
  }
}

export class UnknownAdminVerbError extends ActorError {
  override name = 'UnknownAdminVerbError';
  constructor(verb: string) {
    super(ActorErrorCode.UNKNOWN_ADMIN_VERB, `unknown admin verb "${verb.slice(0, 50)}"`);
  }
}

/** A shard host process is down (being respawned); retry with the same id. */
export class HostUnavailableError extends ActorError {
  override name = 'HostUnavailableError';
  constructor(host: string, cause?: unknown) {
    super(ActorErrorCode.HOST_UNAVAILABLE, `shard host ${host} is unavailable: ${describe(cause)}`, {
      retryable: true,
      cause,
    });
  }
}

const errorClasses: Partial<Record<ActorErrorCode, { prototype: ActorError }>> = {
  UNKNOWN_MESSAGE: UnknownMessageError,
  MALFORMED_MESSAGE: MalformedMessageError,
  MESSAGE_TOO_LARGE: MessageTooLargeError,
  INVALID_ADDRESS: InvalidAddressError,
  UNKNOWN_ACTOR_KIND: UnknownActorKindError,
  ASK_TIMEOUT: AskTimeoutError,
  MAILBOX_FULL: MailboxFullError,
  HANDLER_FAILED: HandlerFailedError,
  PERSISTENCE_FAILED: PersistenceFailedError,
  ACTOR_FROZEN: ActorFrozenError,
  ACTOR_STOPPED: ActorStoppedError,
  ADMIN_UNAUTHORISED: AdminUnauthorisedError,
  INTERNAL_ONLY: InternalOnlyError,
  UNKNOWN_ADMIN_VERB: UnknownAdminVerbError,
  HOST_UNAVAILABLE: HostUnavailableError,
};

/** One-line description of anything thrown. */
export function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (cause === undefined) return 'unknown cause';
  return String(cause);
}

/** A supervisor gave up on a child (restart intensity exceeded) and passes the failure up. */
export class EscalationError extends Error {
  override name = 'EscalationError';
  constructor(
    readonly supervisor: string,
    readonly child: string,
    cause: unknown,
  ) {
    super(`${supervisor} escalated: ${child} exceeded its restart intensity (${describe(cause)})`, { cause });
  }
}
