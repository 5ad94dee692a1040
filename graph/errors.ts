import { GraphQLError } from 'graphql';
import { ZodError } from 'zod';
import { AccountError } from '../actors/account/index.ts';
import { ActorError } from '../actors/runtime/index.ts';
import { AuthError } from './auth/index.ts';

/**
 * The gateway's own `extensions.code`s. Business refusals from the accounts keep their own stable
 * codes (`INSUFFICIENT_BALANCE`, `PRICE_BAND`, …: `AccountErrorCode`), so clients see the same
 * code the actor decided; everything else is normalised here, once, at the boundary.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** Depth, cost, aliases, tokens or directives over the gateway's limits. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** HTTP body or WebSocket message over the gateway's size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** Too many requests from this address, user or API key: `extensions.retryAfter` (seconds). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A dependency is down or timed out; `extensions.retryable` says whether to retry. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** A subscriber fell too far behind: the stream ends (trades) or resyncs (order book). */
  SLOW_CONSUMER: 'SLOW_CONSUMER',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function graphError(code: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function badInput(message: string, field?: string): GraphQLError {
  return graphError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
}

/** A refusal an actor returned as a value (`{ ok: false, code, message }`). */
export function refusal(failure: { readonly code: string; readonly message: string }): GraphQLError {
  return graphError(failure.code, failure.message);
}

/**
 * An authentication refusal with its own stable code (`INVALID_CREDENTIALS`, `MFA_REQUIRED`, …);
 * `RATE_LIMITED` says when to retry (`retryAfter` seconds, `retryAfterMs`). Auth messages never
 * carry secrets.
 */
export function authError(error: AuthError): GraphQLError {
  return graphError(error.code, error.message, authExtensions(error));
}

function authExtensions(error: AuthError): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  if (error.retryAfterMs !== undefined) {
    extensions.retryAfterMs = error.retryAfterMs;
    extensions.retryAfter = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  }
  if (error.retryable) extensions.retryable = true;
  if (error.details) extensions.details = error.details;
  return extensions;
}

const UNAVAILABLE_ACTOR_CODES = new Set(['ASK_TIMEOUT', 'MAILBOX_FULL', 'HOST_UNAVAILABLE', 'ACTOR_STOPPED']);

/** What the client may learn of an unexpected error: nothing but that it happened. */
export const INTERNAL_MESSAGE = 'Internal error; it has been logged.';

/**
 * Turns whatever an operation produced into a GraphQLError with a stable code, once, at the
 * boundary: errors already coded (ours, yoga's) pass; a resolver's GraphQLError keeps its code at
 * the wrapper's location; known failures (AccountError, ZodError, ActorError) get theirs; anything
 * else is masked as INTERNAL (its message may carry internals) and reported to `onUnexpected`.
 */
export function normaliseError(error: unknown, onUnexpected: (error: unknown) => void): GraphQLError {
  const wrapper = error instanceof GraphQLError ? error : undefined;
  const cause = wrapper ? (wrapper.originalError ?? undefined) : error;
  const coded = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
    new GraphQLError(message, {
      ...(wrapper?.nodes ? { nodes: wrapper.nodes } : {}),
      ...(wrapper?.path ? { path: wrapper.path } : {}),
      extensions: { ...extensions, code },
    });

  // Coded already (ours, yoga's, or a resolver's GraphQLError graphql-js located): kept as is.
  if (typeof wrapper?.extensions.code === 'string') return wrapper;
  if (wrapper && (cause === undefined || cause instanceof GraphQLError)) {
    if (wrapper.message.startsWith('Syntax Error'))
      return coded(ErrorCode.GRAPHQL_PARSE_FAILED, wrapper.message);
    // graphql-js's own request errors (no path) are the caller's; with a path, the schema's bug.
    if (!wrapper.path) return coded(ErrorCode.BAD_USER_INPUT, wrapper.message);
  }
  if (cause instanceof AccountError) return coded(cause.code, cause.message);
  if (cause instanceof AuthError) return coded(cause.code, cause.message, authExtensions(cause));
  if (cause instanceof ZodError) {
    return coded(
      ErrorCode.BAD_USER_INPUT,
      cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  if (cause instanceof ActorError && UNAVAILABLE_ACTOR_CODES.has(cause.code)) {
    return coded(ErrorCode.UNAVAILABLE, 'The exchange did not answer in time; retry.', {
      retryable: cause.retryable,
    });
  }
  if (cause instanceof ActorError && cause.code === 'ACTOR_FROZEN') {
    return coded(ErrorCode.FORBIDDEN, 'This account is frozen.');
  }
  onUnexpected(cause ?? error);
  return coded(ErrorCode.INTERNAL, INTERNAL_MESSAGE);
}
