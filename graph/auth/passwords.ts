/**
 * Password hashing with scrypt (node:crypto, no native dependency) and the password policy.
 *
 * A hash is one self-describing string, `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the
 * cost can be raised later: old hashes keep verifying with their own parameters, and
 * `needsRehash` tells the login path to store a fresh one.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AuthError, AuthErrorCode } from './errors.ts';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/** About 80 ms per hash on the development machine (2 cores); raise N as hardware gets faster. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 2 };
/** Cheap parameters for tests only: fast, and still the same code path. */
export const TEST_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Passwords longer than this are refused: no one types them, and they would only cost CPU. */
export const MAX_PASSWORD_LENGTH = 1_024;
export const MIN_PASSWORD_LENGTH = 10;
/** Stored parameters above these are treated as corrupt rather than run (a stored string is input too). */
const MAX_N = 2 ** 20;
const MAX_RP = 64;
const HASH_FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

/** A hash verified against when the user does not exist, so unknown emails take as long as wrong passwords. */
let dummyHash: Promise<string> | undefined;

/** Hashes `password` (NFKC-normalised) with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  checkParams(params);
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/**
 * Whether `password` matches `stored`, compared in constant time. With `stored` undefined (no such
 * user) it still spends one hash on a dummy and answers false, so timing does not reveal which
 * emails have accounts.
 *
 * @throws TypeError when `stored` is not a hash this module wrote (corrupt data, not a wrong password).
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  if (stored === undefined) {
    dummyHash ??= hashPassword('dummy password for unknown users');
    await verifyPassword(password, await dummyHash);
    return false;
  }
  const { params, salt, hash } = parseHash(stored);
  const actual = await derive(password, salt, params, hash.length);
  return timingSafeEqual(actual, hash);
}

/** Whether `stored` was made with parameters other than `params` (rehash after a successful login). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const current = parseHash(stored).params;
  return current.N !== params.N || current.r !== params.r || current.p !== params.p;
}

export const PasswordRule = {
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  ONE_CHARACTER_CLASS: 'ONE_CHARACTER_CLASS',
  REPEATED_CHARACTER: 'REPEATED_CHARACTER',
  CONTAINS_EMAIL: 'CONTAINS_EMAIL',
} as const;
export type PasswordRule = (typeof PasswordRule)[keyof typeof PasswordRule];

/**
 * The password policy: at least 10 characters (code points, after NFKC), at most 1,024, at least
 * two character classes (lower, upper, digit, other), not one character repeated, and not
 * containing the email's local part.
 *
 * @throws AuthError `WEAK_PASSWORD` with `details.reasons`: every rule broken, so a form shows them all.
 */
export function checkPasswordPolicy(password: string, context: { readonly email?: string } = {}): void {
  const reasons = passwordPolicyViolations(password, context);
  if (reasons.length > 0) {
    throw new AuthError(AuthErrorCode.WEAK_PASSWORD, `password breaks the policy: ${reasons.join(', ')}`, {
      details: { reasons },
    });
  }
}

/** The rules `password` breaks; empty when it is acceptable. */
export function passwordPolicyViolations(
  password: string,
  context: { readonly email?: string } = {},
): PasswordRule[] {
  const text = password.normalize('NFKC');
  const chars = [...text];
  const reasons: PasswordRule[] = [];
  if (chars.length < MIN_PASSWORD_LENGTH) reasons.push(PasswordRule.TOO_SHORT);
  if (chars.length > MAX_PASSWORD_LENGTH) reasons.push(PasswordRule.TOO_LONG);
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u].filter((c) => c.test(text));
  if (classes.length < 2) reasons.push(PasswordRule.ONE_CHARACTER_CLASS);
  if (chars.length > 0 && new Set(chars).size === 1) reasons.push(PasswordRule.REPEATED_CHARACTER);
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && text.toLowerCase().includes(local)) reasons.push(PasswordRule.CONTAINS_EMAIL);
  return reasons;
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } {
  const match = HASH_FORMAT.exec(stored);
  if (!match) throw new TypeError('stored password hash is not in scrypt$N$r$p$salt$hash form');
  const params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  checkParams(params);
  return {
    params,
    salt: Buffer.from(match[4]!, 'base64url'),
    hash: Buffer.from(match[5]!, 'base64url'),
  };
}

function checkParams({ N, r, p }: ScryptParams): void {
  const powerOfTwo = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !inRange(r) || !inRange(p)) {
    throw new TypeError(`scrypt parameters N=${N} r=${r} p=${p} are out of range`);
  }
}

function inRange(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_RP;
}

function derive(password: string, salt: Buffer, params: ScryptParams, length = KEY_LENGTH): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
