/**
 * nats.js errors (`NatsError`, with a string `code` and, from JetStream, an `api_error`) turned
 * into our typed errors once, so callers see `TransportError` codes and `retryable`, never nats.js
 * internals.
 */
import {
  BusClosedError,
  BusUnavailableError,
  JetStreamError,
  PayloadTooLargeError,
  TransportError,
} from './errors.ts';

/** JetStream API error codes we act on (`api_error.err_code`). */
export const JsApiCode = {
  STREAM_NOT_FOUND: 10059,
  CONSUMER_NOT_FOUND: 10014,
} as const;

const UNAVAILABLE = new Set(['CONNECTION_REFUSED', 'CONNECTION_TIMEOUT', 'TIMEOUT', 'DISCONNECT', '503']);
const CLOSED = new Set(['CONNECTION_CLOSED', 'CONNECTION_DRAINING']);

interface NatsLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly api_error?: { readonly err_code?: number; readonly description?: string };
}

/** The JetStream API error code of a failed request, if the server sent one. */
export function jsApiCode(error: unknown): number | undefined {
  return (error as NatsLikeError | undefined)?.api_error?.err_code;
}

/**
 * Maps a nats.js failure of `what` (e.g. `publish to a.b`) to a `TransportError`. With
 * `jetstream`, server refusals and timeouts become `JetStreamError`s.
 */
export function fromNatsError(error: unknown, what: string, jetstream = false): Error {
  if (error instanceof TransportError) return error;
  const nats = (typeof error === 'object' && error !== null ? error : {}) as NatsLikeError;
  const code = typeof nats.code === 'string' ? nats.code : undefined;
  const detail =
    nats.api_error?.description ?? (typeof nats.message === 'string' ? nats.message : String(error));
  if (code !== undefined && CLOSED.has(code)) return new BusClosedError(`${what}: the connection is closed`);
  if (code === 'MAX_PAYLOAD_EXCEEDED')
    return new PayloadTooLargeError(`${what}: ${detail}`, { cause: error });
  if (jetstream) {
    const retryable = nats.api_error === undefined && code !== undefined && UNAVAILABLE.has(code);
    return new JetStreamError(`${what}: ${detail}`, { retryable, cause: error });
  }
  if (code !== undefined && UNAVAILABLE.has(code)) {
    return new BusUnavailableError(`${what}: ${detail}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(`${what}: ${detail}`);
}
