/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA-1, 30 s steps), the form
 * every authenticator app speaks. Secrets travel as RFC 4648 base32 (the otpauth:// URI a QR code
 * holds). A code is accepted for its step ±`window` steps, and only once per user: a step at or
 * before the last one used is a replay.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError, AuthErrorCode } from './errors.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** 160 bits, the HMAC-SHA-1 block-friendly size RFC 4226 recommends. */
const SECRET_BYTES = 20;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface TotpOptions {
  /** Code length, 6 to 10. Default 6 (authenticator apps); the RFC test vectors use 8. */
  readonly digits?: number;
  /** Step length in seconds. Default 30. */
  readonly periodSeconds?: number;
}

export interface VerifyTotpOptions extends TotpOptions {
  /** Milliseconds since the epoch. */
  readonly nowMs: number;
  /** The last step this user has used, if any: that step and earlier ones are refused. */
  readonly lastUsedStep?: number | undefined;
  /** Steps accepted either side of the current one (clock drift, slow typing). Default 1. */
  readonly window?: number;
}

/** A new random secret, base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** The step number of `nowMs` (seconds since the epoch divided by the period). */
export function totpStep(nowMs: number, periodSeconds: number = TOTP_PERIOD_SECONDS): number {
  return Math.floor(nowMs / 1000 / periodSeconds);
}

/** The code for `step`, zero-padded to `digits`. `secret` is base32 text or raw bytes. */
export function totpCode(secret: string | Uint8Array, step: number, digits: number = TOTP_DIGITS): string {
  checkDigits(digits);
  if (!Number.isSafeInteger(step) || step < 0)
    throw new RangeError(`step ${step} must be a non-negative integer`);
  const key = typeof secret === 'string' ? base32Decode(secret) : secret;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  // RFC 4226 §5.3 dynamic truncation: 31 bits from the offset the last nibble names.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

/**
 * The step `code` belongs to, within the window around `nowMs`. Every candidate step is compared
 * (in constant time), so timing says nothing about which one matched.
 *
 * @throws AuthError `MFA_INVALID` when the code is malformed or matches no step in the window;
 * `MFA_REPLAYED` when it matches a step at or before `lastUsedStep`.
 */
export function verifyTotp(secret: string | Uint8Array, code: string, options: VerifyTotpOptions): number {
  const digits = options.digits ?? TOTP_DIGITS;
  checkDigits(digits);
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) throw mfaInvalid();
  const window = options.window ?? 1;
  const current = totpStep(options.nowMs, options.periodSeconds);
  const given = Buffer.from(code);
  let matched: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    if (timingSafeEqual(Buffer.from(totpCode(secret, step, digits)), given) && matched === undefined) {
      matched = step;
    }
  }
  if (matched === undefined) throw mfaInvalid();
  if (options.lastUsedStep !== undefined && matched <= options.lastUsedStep) {
    throw new AuthError(AuthErrorCode.MFA_REPLAYED, 'this code was already used');
  }
  return matched;
}

/**
 * `verifyTotp`, then `record(step)`, the store's atomic compare-and-set of the user's last step
 * (`UserStore.recordTotpStep`). A code used by two requests at once passes `verifyTotp` in both, but
 * only one `record` succeeds: the other is a replay.
 *
 * @throws AuthError `MFA_INVALID` or `MFA_REPLAYED`.
 */
export async function consumeTotp(
  secret: string | Uint8Array,
  code: string,
  options: VerifyTotpOptions,
  record: (step: number) => Promise<boolean>,
): Promise<number> {
  const step = verifyTotp(secret, code, options);
  if (!(await record(step))) throw new AuthError(AuthErrorCode.MFA_REPLAYED, 'this code was already used');
  return step;
}

/**
 * The `otpauth://totp/…` URI an authenticator app enrols from (usually shown as a QR code), in the
 * Key Uri Format: `issuer:account` label, base32 secret, SHA1, digits and period spelled out.
 */
export function otpauthUri(options: {
  readonly secret: string;
  readonly account: string;
  readonly issuer: string;
  readonly digits?: number;
  readonly periodSeconds?: number;
}): string {
  const digits = options.digits ?? TOTP_DIGITS;
  checkDigits(digits);
  base32Decode(options.secret);
  const label = `${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.account)}`;
  const query = new URLSearchParams({
    secret: options.secret.replace(/[\s=]/g, '').toUpperCase(),
    issuer: options.issuer,
    algorithm: 'SHA1',
    digits: String(digits),
    period: String(options.periodSeconds ?? TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** RFC 4648 base32, upper case, no padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32, case-insensitively, ignoring spaces and `=` padding (people type secrets in groups).
 *
 * @throws AuthError `MFA_INVALID` for any other character or an empty secret.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (clean === '' || !/^[A-Z2-7]+$/.test(clean)) throw mfaInvalid('TOTP secret is not base32');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = ((buffer << 5) | BASE32.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) {
    throw new RangeError(`digits ${digits} must be an integer from 6 to 10`);
  }
}

function mfaInvalid(message = 'invalid TOTP code'): AuthError {
  return new AuthError(AuthErrorCode.MFA_INVALID, message);
}
