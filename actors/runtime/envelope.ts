import { z } from 'zod';
import type { AnyBehavior } from './behavior.ts';
import { MalformedMessageError, MessageTooLargeError, UnknownMessageError } from './errors.ts';

/** The wire form of a message addressed to an actor: what crosses IPC, HTTP and (later) gRPC. */
export const envelopeSchema = z
  .object({
    address: z.string().min(1).max(200),
    type: z.string().min(1).max(100),
    payload: z.unknown(),
    /** Message id: makes the command idempotent (a redelivery gets the first reply). */
    id: z.string().min(1).max(128).optional(),
    timeoutMs: z.number().int().positive().max(60_000).optional(),
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;

/**
 * Checks untrusted input before any actor sees it: size first (on the JSON bytes), then shape.
 * Throws `MessageTooLargeError` or `MalformedMessageError`.
 */
export function parseEnvelope(raw: unknown, maxBytes: number): Envelope {
  const json = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const bytes = json === undefined ? 0 : Buffer.byteLength(json);
  if (bytes > maxBytes) throw new MessageTooLargeError(bytes, maxBytes);
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new MalformedMessageError('(envelope)', '(unknown)', 'not valid JSON');
    }
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) throw new MalformedMessageError('(envelope)', '(unknown)', formatIssues(parsed.error));
  return parsed.data;
}

/** zod issues as one readable line: `path: message; path: message`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
}

/**
 * Checks an untrusted payload against the behaviour's protocol: the type must be one it handles
 * and the payload must pass that type's schema. Returns the parsed payload. Typed senders inside a
 * process (`ActorRef<P>`) are checked by the compiler instead; everything from outside goes here.
 */
export function parsePayload(
  behavior: AnyBehavior,
  address: string,
  type: string,
  payload: unknown,
): unknown {
  const schemas = behavior.schemas as AnyBehavior['schemas'];
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) throw new UnknownMessageError(address, type);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new MalformedMessageError(address, type, formatIssues(parsed.error));
  return parsed.data;
}
