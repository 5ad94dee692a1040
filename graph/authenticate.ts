import { AuthError, verifyAccessToken, verifyApiKeyRequest } from './auth/index.ts';
import type { JwtConfig, SessionStore, UserStore } from './auth/index.ts';
import { AuthenticationFailedError } from './context.ts';
import type { Authenticate, AuthRequest, Principal, Role, Scope } from './context.ts';

/** A session has every scope; an API key only its own. */
export const SESSION_SCOPES: readonly Scope[] = ['read', 'trade', 'withdraw'];
const ROLES: ReadonlySet<string> = new Set(['user', 'admin', 'sre']);

/** The known roles of a stored or signed role list; everyone is at least a `user`. */
export function rolesOf(roles: readonly string[]): Role[] {
  const known = roles.filter((r): r is Role => ROLES.has(r));
  return known.includes('user') ? known : ['user', ...known];
}

export interface AuthenticateOptions {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly jwt: JwtConfig;
  readonly now: () => number;
  /** The path a WebSocket `connection_init` API-key signature covers (`timestamp + 'GET' + path`). */
  readonly wsSignedPath: string;
}

/** Credentials a request presents, before they are checked. */
type Credentials =
  | { readonly kind: 'jwt'; readonly token: string }
  | {
      readonly kind: 'apiKey';
      readonly keyId: string;
      readonly timestamp: string;
      readonly signature: string;
      readonly method: string;
      readonly path: string;
      readonly body: string;
    };

/** `lastUsedAt` of an API key is written at most this often. */
const TOUCH_EVERY_MS = 60_000;
const MAX_CACHED_ACCOUNTS = 100_000;

/**
 * The gateway's `authenticate`:
 *
 * - HTTP: `Authorization: Bearer <access token>`, or `x-api-key`, `x-api-timestamp` (epoch ms)
 *   and `x-api-signature` (hex HMAC-SHA256 of `timestamp + METHOD + path + raw body`);
 * - WebSocket `connection_init`: `{ token }` or `{ apiKey, timestamp, signature }`, signed over
 *   `timestamp + 'GET' + wsSignedPath` (no body).
 *
 * A JWT is accepted only while its session is active (logout and reuse detection end it at once).
 * No credentials: anonymous (null). Bad ones: AuthenticationFailedError (HTTP UNAUTHENTICATED,
 * WebSocket close 4403).
 */
export function createAuthenticate(options: AuthenticateOptions): Authenticate {
  /** userId -> account number (never changes once assigned). */
  const accounts = new Map<string, number>();
  const touched = new Map<string, number>();

  const accountOf = async (userId: string): Promise<number> => {
    const cached = accounts.get(userId);
    if (cached !== undefined) return cached;
    const user = await options.users.findById(userId);
    if (!user) throw new AuthenticationFailedError('This user no longer exists.');
    if (accounts.size >= MAX_CACHED_ACCOUNTS) accounts.clear();
    accounts.set(userId, user.accountNumber);
    return user.accountNumber;
  };

  const fromToken = async (token: string): Promise<Principal> => {
    const claims = verifyAccessToken(token, options.jwt, options.now());
    if (claims.sid === undefined || !(await options.sessions.isActive(claims.sid))) {
      throw new AuthenticationFailedError('The session of this access token has ended; log in again.');
    }
    return {
      userId: claims.sub,
      account: await accountOf(claims.sub),
      roles: rolesOf(claims.roles),
      scopes: SESSION_SCOPES,
      mfa: claims.mfa,
      sessionId: claims.sid,
    };
  };

  const fromApiKey = async (
    credentials: Extract<Credentials, { kind: 'apiKey' }>,
    ip: string | undefined,
  ): Promise<Principal> => {
    const found = await options.users.apiKeyWithSecret(credentials.keyId);
    if (!found) throw new AuthenticationFailedError('Unknown API key.');
    const { key, secret } = found;
    // The scope is checked per field (requireScope): here only that the request is the key's.
    verifyApiKeyRequest(
      key,
      secret,
      {
        keyId: credentials.keyId,
        timestamp: credentials.timestamp,
        signature: credentials.signature,
        method: credentials.method,
        path: credentials.path,
        body: credentials.body,
        ip: ip ?? '',
      },
      key.scopes[0] ?? 'read',
      { nowMs: options.now() },
    );
    const user = await options.users.findById(key.userId);
    if (!user || user.frozen) throw new AuthenticationFailedError('This API key can no longer be used.');
    const now = options.now();
    if ((touched.get(key.id) ?? 0) + TOUCH_EVERY_MS <= now) {
      if (touched.size >= MAX_CACHED_ACCOUNTS) touched.clear();
      touched.set(key.id, now);
      await options.users.touchApiKey(key.id);
    }
    return {
      userId: user.id,
      account: user.accountNumber,
      // A key acts as a plain user: admin commands need an MFA session.
      roles: ['user'],
      scopes: key.scopes,
      mfa: false,
      apiKeyId: key.id,
    };
  };

  return async (request) => {
    const credentials = credentialsOf(request, options.wsSignedPath);
    if (!credentials) return null;
    try {
      return credentials.kind === 'jwt'
        ? await fromToken(credentials.token)
        : await fromApiKey(credentials, request.ip);
    } catch (error) {
      if (error instanceof AuthError) throw new AuthenticationFailedError(`${error.code}: ${error.message}`);
      throw error;
    }
  };
}

function header(request: AuthRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 4_096) : undefined;
}

/**
 * What the request claims to be, or undefined when it presents nothing. Half-given credentials
 * (a key without a signature, a non-Bearer Authorization) are refused, never read as anonymous.
 */
function credentialsOf(request: AuthRequest, wsSignedPath: string): Credentials | undefined {
  if (request.transport === 'ws') {
    const params = request.connectionParams ?? {};
    const token = text(params['token']);
    if (token !== undefined) return { kind: 'jwt', token };
    const keyId = text(params['apiKey']);
    if (keyId === undefined) return undefined;
    const timestamp = text(params['timestamp']);
    const signature = text(params['signature']);
    if (timestamp === undefined || signature === undefined) {
      throw new AuthenticationFailedError('An API key needs a timestamp and a signature.');
    }
    return { kind: 'apiKey', keyId, timestamp, signature, method: 'GET', path: wsSignedPath, body: '' };
  }
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationFailedError('Authorization must be "Bearer <access token>".');
    return { kind: 'jwt', token: match[1]! };
  }
  const keyId = header(request, 'x-api-key');
  if (keyId === undefined) return undefined;
  const timestamp = header(request, 'x-api-timestamp');
  const signature = header(request, 'x-api-signature');
  if (timestamp === undefined || signature === undefined) {
    throw new AuthenticationFailedError('x-api-key needs x-api-timestamp and x-api-signature.');
  }
  return {
    kind: 'apiKey',
    keyId,
    timestamp,
    signature,
    method: request.method,
    path: request.path,
    body: request.body,
  };
}
