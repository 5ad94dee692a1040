/**
 * Typed failures of the event bus. Each carries a stable `code` and says whether retrying the same
 * operation is safe (`retryable`), so publishers and consumers never guess from a message.
 *
 * A value the codec cannot carry is refused by the codec itself with the store's
 * `InvalidValueError` (code `INVALID_VALUE`): the bus carries exactly what the journal can store.
 */

export const TransportErrorCode = {
  /** A subject has an empty token (`a..b`, `.a`, `a.`, or is empty). */
  SUBJECT_EMPTY_TOKEN: 'SUBJECT_EMPTY_TOKEN',
  /** A subject contains whitespace, which NATS uses to separate protocol fields. */
  SUBJECT_WHITESPACE: 'SUBJECT_WHITESPACE',
  /** A publish subject contains `*` or `>`: messages go to concrete subjects only. */
  SUBJECT_WILDCARD_IN_PUBLISH: 'SUBJECT_WILDCARD_IN_PUBLISH',
  /** A pattern has `*`/`>` inside a token (`a*`) or `>` before the last token. */
  SUBJECT_MISPLACED_WILDCARD: 'SUBJECT_MISPLACED_WILDCARD',
  /** A stream or consumer name NATS would refuse (only letters, digits, `-` and `_`). */
  INVALID_NAME: 'INVALID_NAME',
  /** `NATS_URL` is not a `nats://host[:port]` URL. */
  INVALID_URL: 'INVALID_URL',
  /** The bus was closed (or is closing): nothing more is published or subscribed. */
  BUS_CLOSED: 'BUS_CLOSED',
  /** The NATS server cannot be reached, or did not answer in time. */
  BUS_UNAVAILABLE: 'BUS_UNAVAILABLE',
  /** The encoded message is larger than the server's `max_payload`. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A JetStream request (stream, consumer, persistent publish) failed. */
  JETSTREAM_FAILED: 'JETSTREAM_FAILED',
} as const;
export type TransportErrorCode = (typeof TransportErrorCode)[keyof typeof TransportErrorCode];

/** The codes `InvalidSubjectError` carries. */
export type SubjectErrorCode = Extract<TransportErrorCode, `SUBJECT_${string}`>;

/** Base of every bus failure; `instanceof TransportError` catches them all. */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly code: TransportErrorCode;
  /** True when the same operation may succeed if tried again. */
  readonly retryable: boolean;

  constructor(code: TransportErrorCode, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}

/** A subject or pattern breaks NATS subject rules. Never retryable: the same subject fails again. */
export class InvalidSubjectError extends TransportError {
  override name = 'InvalidSubjectError';
  declare readonly code: SubjectErrorCode;
  readonly subject: string;

  constructor(code: SubjectErrorCode, subject: string, message: string) {
    super(code, `invalid subject ${JSON.stringify(subject)}: ${message}`, { retryable: false });
    this.subject = subject;
  }
}

/** A stream or consumer name NATS would refuse. Never retryable. */
export class InvalidNameError extends TransportError {
  override name = 'InvalidNameError';

  constructor(what: string, name: string) {
    super(
      TransportErrorCode.INVALID_NAME,
      `invalid ${what} name ${JSON.stringify(name)}: use 1-255 letters, digits, '-' or '_'`,
      { retryable: false },
    );
  }
}

/** A NATS URL that cannot be parsed or has another scheme. Never retryable. */
export class InvalidUrlError extends TransportError {
  override name = 'InvalidUrlError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(TransportErrorCode.INVALID_URL, message, { retryable: false, cause: options.cause });
  }
}

/** Publish or subscribe after `close()`. Not retryable on this bus: create a new one. */
export class BusClosedError extends TransportError {
  override name = 'BusClosedError';

  constructor(message = 'the bus is closed') {
    super(TransportErrorCode.BUS_CLOSED, message, { retryable: false });
  }
}

/** The server is down or slow. Retryable: it may be back (nats.js also reconnects by itself). */
export class BusUnavailableError extends TransportError {
  override name = 'BusUnavailableError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(TransportErrorCode.BUS_UNAVAILABLE, message, { retryable: true, cause: options.cause });
  }
}

/** The message is larger than the server accepts. Never retryable: the same message is too big again. */
export class PayloadTooLargeError extends TransportError {
  override name = 'PayloadTooLargeError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(TransportErrorCode.PAYLOAD_TOO_LARGE, message, { retryable: false, cause: options.cause });
  }
}

/**
 * A JetStream request failed. `retryable` is true for timeouts and lost connections, false when the
 * server refused the request (bad configuration, no stream for the subject, …).
 */
export class JetStreamError extends TransportError {
  override name = 'JetStreamError';

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(TransportErrorCode.JETSTREAM_FAILED, message, options);
  }
}

/**
 * Where errors go that no caller can catch (a subscriber's handler threw, a durable consumer
 * stopped): a process warning, so they are visible rather than silently lost.
 */
export function warnUnhandled(error: unknown, context: string): void {
  const detail = error instanceof Error ? error : new Error(String(error));
  process.emitWarning(`${context}: ${detail.message}`, { type: 'TransportWarning', detail: detail.stack });
}
