/**
 * Encryption at rest for secrets the server must read back (TOTP seeds, API-key secrets: both are
 * HMAC keys, so a one-way hash would not do). AES-256-GCM with the server key from configuration;
 * each value is bound to a context (`mfa:<user>`, `api-key:<id>`) as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEGMENT = /^[A-Za-z0-9_-]*$/;

/** Key bytes live here, not on the object, so nothing that walks a `ServerKey` can reach them. */
const keyBytes = new WeakMap<ServerKey, Buffer>();

/** A key that is only ever handed to the cipher; it prints as `[ServerKey]`. */
export class ServerKey {
  constructor(bytes: Uint8Array) {
    if (bytes.length !== KEY_BYTES)
      throw new RangeError(`server key must be ${KEY_BYTES} bytes, got ${bytes.length}`);
    keyBytes.set(this, Buffer.from(bytes));
  }

  /** A fresh random key (tests, first start of an embedded node). */
  static generate(): ServerKey {
    return new ServerKey(randomBytes(KEY_BYTES));
  }

  /**
   * The key from configuration text (`AUTH_SERVER_KEY`): 64 hex digits or base64/base64url of 32 bytes.
   *
   * @throws RangeError for anything else (the message never repeats the text).
   */
  static fromText(text: string): ServerKey {
    const trimmed = text.trim();
    const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
      ? Buffer.from(trimmed, 'hex')
      : /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)
        ? Buffer.from(trimmed, 'base64url')
        : Buffer.alloc(0);
    if (bytes.length !== KEY_BYTES) {
      throw new RangeError('server key must be 32 bytes written as 64 hex digits or base64');
    }
    return new ServerKey(bytes);
  }

  toString(): string {
    return '[ServerKey]';
  }

  toJSON(): string {
    return '[ServerKey]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[ServerKey]';
  }
}

/** Encrypts `plaintext` for `context` with a fresh random IV. */
export function seal(key: ServerKey, context: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes.get(key)!, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/**
 * Decrypts what `seal` made for the same `context`.
 *
 * @throws Error when the value is malformed, was sealed for another context or key, or was altered:
 * stored data is corrupt or was tampered with, which is never a user's mistake.
 */
export function open(key: ServerKey, context: string, sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1' || !parts.every((p) => SEGMENT.test(p))) {
    throw new Error('sealed secret is malformed');
  }
  const [, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, 'base64url')) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('sealed secret is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes.get(key)!, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new Error('sealed secret does not authenticate (wrong key or context, or altered)', {
      cause: error,
    });
  }
}
