/**
 * API keys for programs: a public key id and a secret shown once. A request is signed with
 * HMAC-SHA256 over `timestamp + METHOD + path + body`; since the server must recompute that HMAC,
 * the secret is stored sealed with the server key (`secret-box.ts`), never in plain text and never
 * logged (it travels as `Redacted`). The signed timestamp must be within `SIGNATURE_WINDOW_MS` of
 * the server clock, which bounds how long a captured request can be replayed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError, AuthErrorCode } from './errors.ts';
import { createIpAllowlist } from './ip-allowlist.ts';
import { Redacted } from './redacted.ts';

/** What a key may do. Scopes are independent: `withdraw` does not imply `trade`, nor `trade` `read`. */
export const ApiKeyScope = { READ: 'read', TRADE: 'trade', WITHDRAW: 'withdraw' } as const;
export type ApiKeyScope = (typeof ApiKeyScope)[keyof typeof ApiKeyScope];
const SCOPES: readonly string[] = Object.values(ApiKeyScope);

/** How far the signed timestamp may be from the server clock, either way. */
export const SIGNATURE_WINDOW_MS = 30_000;
const KEY_ID = /^qk_[A-Za-z0-9_-]{22}$/;

/** An API key as stored, without its secret. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  /** Addresses and CIDR ranges allowed to use the key; empty allows any. */
  readonly ipAllowlist: readonly string[];
  readonly createdAt: Date;
  readonly revokedAt: Date | undefined;
  readonly lastUsedAt: Date | undefined;
}

/** The parts of an HTTP request (or a WebSocket `connection_init`) that authenticate an API key. */
export interface SignedRequest {
  readonly keyId: string;
  /** Milliseconds since the epoch, as the decimal text that was signed. */
  readonly timestamp: string;
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly path: string;
  /** The raw body exactly as sent; empty for none. */
  readonly body: string | Uint8Array;
  /** Lower-case hex HMAC-SHA256. */
  readonly signature: string;
  /** The client address the gateway saw. */
  readonly ip: string;
}

/** Where `authenticateApiKey` finds a key and its secret (`UserStore` implements it). */
export interface ApiKeyLookup {
  apiKeyWithSecret(keyId: string): Promise<{ key: ApiKeyRecord; secret: Redacted } | undefined>;
}

/** A fresh key id: `qk_` and 128 random bits, safe in headers and URLs. */
export function generateApiKeyId(): string {
  return `qk_${randomBytes(16).toString('base64url')}`;
}

/** Whether `id` has the form of a key id (cheap check before any lookup). */
export function isApiKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

/** A fresh 256-bit secret, base64url. */
export function generateApiKeySecret(): Redacted {
  return new Redacted(randomBytes(32).toString('base64url'));
}

/** The associated data a key's sealed secret is bound to. */
export function apiKeySecretContext(keyId: string): string {
  return `api-key:${keyId}`;
}

/**
 * Checks and deduplicates scopes, in the canonical order read, trade, withdraw.
 *
 * @throws RangeError for an unknown scope or none at all.
 */
export function parseScopes(scopes: readonly string[]): ApiKeyScope[] {
  const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
  if (unknown.length > 0) throw new RangeError(`unknown API key scopes: ${unknown.join(', ')}`);
  if (scopes.length === 0) throw new RangeError('an API key needs at least one scope');
  return Object.values(ApiKeyScope).filter((scope) => scopes.includes(scope));
}

/** The signature a client sends: lower-case hex HMAC-SHA256 of `timestamp + METHOD + path + body`. */
export function signApiRequest(
  secret: string,
  request: Pick<SignedRequest, 'timestamp' | 'method' | 'path' | 'body'>,
): string {
  return createHmac('sha256', secret)
    .update(`${request.timestamp}${request.method.toUpperCase()}${request.path}`)
    .update(request.body)
    .digest('hex');
}

/**
 * Checks one signed request against its key, in this order: revoked, timestamp window, signature
 * (constant time), source address, scope. The signature comes before the address and scope, so
 * only a holder of the secret learns why a valid request was refused.
 *
 * @throws AuthError `API_KEY_REVOKED`, `SIGNATURE_EXPIRED`, `SIGNATURE_INVALID`, `API_KEY_IP`, `API_KEY_SCOPE`.
 */
export function verifyApiKeyRequest(
  key: ApiKeyRecord,
  secret: Redacted,
  request: SignedRequest,
  requiredScope: ApiKeyScope,
  options: { readonly nowMs: number; readonly windowMs?: number },
): void {
  if (key.revokedAt !== undefined) throw new AuthError(AuthErrorCode.API_KEY_REVOKED, 'API key was revoked');
  const timestamp = /^\d{1,16}$/.test(request.timestamp) ? Number(request.timestamp) : Number.NaN;
  if (Number.isNaN(timestamp)) throw new AuthError(AuthErrorCode.SIGNATURE_INVALID, 'malformed timestamp');
  if (Math.abs(options.nowMs - timestamp) > (options.windowMs ?? SIGNATURE_WINDOW_MS)) {
    throw new AuthError(AuthErrorCode.SIGNATURE_EXPIRED, 'signed timestamp is outside the accepted window');
  }
  const expected = Buffer.from(signApiRequest(secret.reveal(), request), 'hex');
  const given = /^[0-9a-fA-F]{64}$/.test(request.signature)
    ? Buffer.from(request.signature, 'hex')
    : undefined;
  if (given === undefined || !timingSafeEqual(given, expected)) {
    throw new AuthError(AuthErrorCode.SIGNATURE_INVALID, 'request signature does not match');
  }
  if (!createIpAllowlist(key.ipAllowlist).allows(request.ip)) {
    throw new AuthError(AuthErrorCode.API_KEY_IP, 'request address is not in the API key allowlist');
  }
  if (!key.scopes.includes(requiredScope)) {
    throw new AuthError(AuthErrorCode.API_KEY_SCOPE, `API key lacks the ${requiredScope} scope`);
  }
}

/**
 * Finds the request's key and verifies the request (`verifyApiKeyRequest`). Returns the key, whose
 * `userId` is the caller. Recording `lastUsedAt` is left to the caller, which should throttle it
 * rather than write on every request.
 *
 * @throws AuthError `API_KEY_UNKNOWN` for a malformed or unknown key id, and the codes of `verifyApiKeyRequest`.
 */
export async function authenticateApiKey(
  lookup: ApiKeyLookup,
  request: SignedRequest,
  requiredScope: ApiKeyScope,
  options: { readonly nowMs: number; readonly windowMs?: number },
): Promise<ApiKeyRecord> {
  const found = isApiKeyId(request.keyId) ? await lookup.apiKeyWithSecret(request.keyId) : undefined;
  if (found === undefined) throw new AuthError(AuthErrorCode.API_KEY_UNKNOWN, 'unknown API key');
  verifyApiKeyRequest(found.key, found.secret, request, requiredScope, options);
  return found.key;
}
