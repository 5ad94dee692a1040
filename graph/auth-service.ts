import {
  AuthError,
  AuthErrorCode,
  checkPasswordPolicy,
  consumeTotp,
  DEFAULT_SCRYPT_PARAMS,
  generateTotpSecret,
  hashPassword,
  needsRehash,
  otpauthUri,
  Redacted,
  signAccessToken,
  verifyPassword,
} from './auth/index.ts';
import type {
  ApiKeyRecord,
  JwtConfig,
  RateLimiter,
  ScryptParams,
  SessionStore,
  User,
  UserStore,
} from './auth/index.ts';
import { createAuthenticate, rolesOf, SESSION_SCOPES } from './authenticate.ts';
import type { Authenticate, Principal, UserDirectory } from './context.ts';
import { badInput, ErrorCode, graphError } from './errors.ts';

/** What every login, registration and refresh answers (the schema's AuthPayload). */
export interface AuthPayload {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token expires. */
  readonly expiresAt: number;
  readonly user: Principal;
}

export interface GatewayAuthOptions {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly jwt: JwtConfig;
  /** Access-token lifetime in seconds. Default 900 (15 minutes). */
  readonly accessTtlSeconds?: number;
  /** Per client IP, keys `<operation>:<ip>`: login, register, requestPasswordReset. Absent: unlimited. */
  readonly authLimiter?: RateLimiter;
  /** Per user (`user:<id>`) or API key (`key:<id>`): placeOrder. Absent: unlimited. */
  readonly orderLimiter?: RateLimiter;
  /**
   * Hands a password-reset token to whatever sends it (email; the node logs it in development).
   * The only place the token exists in clear: never log it in production.
   */
  readonly deliverResetToken: (email: string, token: string) => void | Promise<void>;
  /** Default 30 minutes. */
  readonly resetTokenTtlMs?: number;
  /** scrypt cost of new hashes (tests pass TEST_SCRYPT_PARAMS). */
  readonly passwordParams?: ScryptParams;
  /** The issuer an authenticator app shows. Default "QuantaTrade". */
  readonly totpIssuer?: string;
  /**
   * Emails (lower-case) that get a role when they register or log in, kept in the user's roles
   * (the node's ADMIN_EMAILS and SRE_EMAILS): how a fresh exchange gets its first admins.
   */
  readonly roleEmails?: { readonly admin?: readonly string[]; readonly sre?: readonly string[] };
  /** Path API-key signatures of WebSocket `connection_init` cover. Default `/graphql`. */
  readonly wsSignedPath?: string;
  /** Epoch ms; tests inject a clock (JWT expiry, TOTP steps, signature windows). */
  readonly now?: () => number;
  /** Called when delivering a reset token fails (the caller is told nothing either way). */
  readonly onError?: (error: unknown) => void;
}

/**
 * The gateway's authentication service: accounts (register, login with scrypt and TOTP), refresh
 * sessions, password reset, TOTP enrolment, API keys, and the per-IP / per-user rate limits. It
 * also yields the gateway's `authenticate` (JWT or signed API-key requests) and the user directory.
 * Refusals are `AuthError`s with stable codes; the gateway copies them into `extensions.code`.
 */
export class GatewayAuth {
  readonly #o: GatewayAuthOptions;
  readonly #now: () => number;
  readonly #ttl: number;
  readonly #params: ScryptParams;
  /** Resolves the caller of each HTTP request or WebSocket connection. */
  readonly authenticate: Authenticate;
  /** Email and creation time of users (the `User` type's fields). */
  readonly directory: UserDirectory;

  constructor(options: GatewayAuthOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#ttl = options.accessTtlSeconds ?? 900;
    this.#params = options.passwordParams ?? DEFAULT_SCRYPT_PARAMS;
    this.authenticate = createAuthenticate({
      users: options.users,
      sessions: options.sessions,
      jwt: options.jwt,
      now: this.#now,
      wsSignedPath: options.wsSignedPath ?? '/graphql',
    });
    this.directory = {
      get: async (userId) => {
        const user = await options.users.findById(userId);
        return user ? { email: user.email, createdAt: user.createdAt.getTime() } : null;
      },
    };
  }

  /** The user store (admin user list). */
  get store(): UserStore {
    return this.#o.users;
  }

  async register(email: string, password: string, ip: string | undefined): Promise<AuthPayload> {
    await this.#limitIp('register', ip);
    checkPasswordPolicy(password, { email });
    const user = await this.#o.users.createUser({
      email,
      passwordHash: await hashPassword(password, this.#params),
      roles: ['user', ...this.#configuredRoles(email)],
    });
    return this.#startSession(user, false);
  }

  /** Unknown email and wrong password are the same INVALID_CREDENTIALS (and take as long). */
  async login(
    email: string,
    password: string,
    totp: string | null | undefined,
    ip: string | undefined,
  ): Promise<AuthPayload> {
    await this.#limitIp('login', ip);
    const found = await this.#o.users.credentialsByEmail(email);
    const ok = await verifyPassword(password.slice(0, 1_024), found?.passwordHash);
    if (!found || !ok) throw new AuthError(AuthErrorCode.INVALID_CREDENTIALS, 'wrong email or password');
    let { user } = found;
    if (user.frozen) throw new AuthError(AuthErrorCode.FORBIDDEN, 'this account is frozen');
    if (user.mfaEnabled) {
      if (!totp) throw new AuthError(AuthErrorCode.MFA_REQUIRED, 'this account needs a TOTP code');
      await this.#consumeTotp(user.id, totp);
    }
    const granted = this.#configuredRoles(user.email).filter((role) => !user.roles.includes(role));
    if (granted.length > 0) user = (await this.#o.users.grantRoles(user.id, granted)) ?? user;
    if (needsRehash(found.passwordHash, this.#params)) {
      await this.#o.users.setPassword(user.id, await hashPassword(password, this.#params));
    }
    return this.#startSession(user, user.mfaEnabled);
  }

  /**
   * Trades a refresh token for a new pair. A token used twice revokes its session
   * (SESSION_REVOKED). The new access token keeps whether the login passed MFA.
   */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const issued = await this.#o.sessions.rotate(refreshToken);
    const user = await this.#o.users.findById(issued.userId);
    if (!user || user.frozen) {
      await this.#o.sessions.revokeSession(issued.sessionId);
      throw new AuthError(AuthErrorCode.SESSION_REVOKED, 'session was revoked; log in again');
    }
    return this.#payload(user, user.mfaEnabled, issued.sessionId, issued.token);
  }

  /** Ends the refresh token's session, or else the caller's own session. Idempotent. */
  async logout(refreshToken: string | null | undefined, principal: Principal | null): Promise<boolean> {
    if (refreshToken) await this.#o.sessions.revoke(refreshToken);
    else if (principal?.sessionId) await this.#o.sessions.revokeSession(principal.sessionId);
    return true;
  }

  /**
   * Always answers the same (true), whether or not the email has an account; a token goes to
   * `deliverResetToken` only when it does.
   */
  async requestPasswordReset(email: string, ip: string | undefined): Promise<boolean> {
    await this.#limitIp('reset', ip);
    const user = await this.#o.users.findByEmail(email.slice(0, 254));
    if (!user) return true;
    const token = await this.#o.users.issuePasswordResetToken(user.id, this.#o.resetTokenTtlMs ?? 1_800_000);
    void Promise.resolve()
      .then(() => this.#o.deliverResetToken(user.email, token.reveal()))
      .catch((error: unknown) => this.#o.onError?.(error));
    return true;
  }

  /** Sets the new password with a reset token and logs every session of the user out. */
  async resetPassword(token: string, password: string): Promise<boolean> {
    checkPasswordPolicy(password);
    const userId = await this.#o.users.consumePasswordResetToken(
      token.slice(0, 200),
      await hashPassword(password, this.#params),
    );
    await this.#o.sessions.revokeUser(userId);
    return true;
  }

  /** A new TOTP seed, not active until `verifyTotp` proves the app has it. */
  async enableTotp(principal: Principal): Promise<{ secret: string; uri: string }> {
    const user = await this.#user(principal);
    const secret = generateTotpSecret();
    if (!(await this.#o.users.startMfaEnrolment(user.id, new Redacted(secret)))) {
      throw graphError('MFA_ALREADY_ENABLED', 'MFA is already on; disable it (with a current code) first.');
    }
    const uri = otpauthUri({ secret, account: user.email, issuer: this.#o.totpIssuer ?? 'QuantaTrade' });
    return { secret, uri };
  }

  async verifyTotp(principal: Principal, code: string): Promise<boolean> {
    const user = await this.#user(principal);
    await this.#consumeTotp(user.id, code);
    await this.#o.users.enableMfa(user.id);
    return true;
  }

  async disableTotp(principal: Principal, code: string): Promise<boolean> {
    const user = await this.#user(principal);
    if (!user.mfaEnabled) throw new AuthError(AuthErrorCode.MFA_INVALID, 'MFA is not enabled');
    await this.#consumeTotp(user.id, code);
    await this.#o.users.disableMfa(user.id);
    return true;
  }

  async apiKeys(principal: Principal): Promise<ApiKeyRecord[]> {
    return this.#o.users.listApiKeys(principal.userId);
  }

  /** A new key; its secret is in the answer and nowhere else. Only a signed-in session may create keys. */
  async createApiKey(
    principal: Principal,
    input: { name: string; scopes: readonly string[]; ipAllowlist?: readonly string[] },
  ): Promise<{ key: ApiKeyRecord; secret: string }> {
    sessionOnly(principal);
    try {
      const { key, secret } = await this.#o.users.createApiKey(principal.userId, {
        name: input.name,
        scopes: input.scopes,
        ...(input.ipAllowlist ? { ipAllowlist: input.ipAllowlist } : {}),
      });
      return { key, secret: secret.reveal() };
    } catch (error) {
      if (error instanceof RangeError) throw badInput(error.message);
      throw error;
    }
  }

  async revokeApiKey(principal: Principal, keyId: string): Promise<ApiKeyRecord> {
    sessionOnly(principal);
    if (!(await this.#o.users.revokeApiKey(principal.userId, keyId))) throw noSuchKey();
    return (await this.#ownKey(principal, keyId)) ?? throwNoSuchKey();
  }

  async rotateApiKey(principal: Principal, keyId: string): Promise<{ key: ApiKeyRecord; secret: string }> {
    sessionOnly(principal);
    const secret = await this.#o.users.rotateApiKey(principal.userId, keyId);
    if (!secret) throw noSuchKey();
    const key = (await this.#ownKey(principal, keyId)) ?? throwNoSuchKey();
    return { key, secret: secret.reveal() };
  }

  /** Counts one order of the caller (per API key, else per user): RATE_LIMITED past the limit. */
  async limitOrders(principal: Principal): Promise<void> {
    const key = principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
    await this.#o.orderLimiter?.consume(key);
  }

  /** The roles configuration gives this email (ADMIN_EMAILS, SRE_EMAILS). */
  #configuredRoles(email: string): string[] {
    const normalised = email.trim().toLowerCase();
    const { admin = [], sre = [] } = this.#o.roleEmails ?? {};
    return [...(admin.includes(normalised) ? ['admin'] : []), ...(sre.includes(normalised) ? ['sre'] : [])];
  }

  async #limitIp(operation: string, ip: string | undefined): Promise<void> {
    await this.#o.authLimiter?.consume(`${operation}:${ip ?? 'unknown'}`);
  }

  async #consumeTotp(userId: string, code: string): Promise<void> {
    const mfa = await this.#o.users.mfa(userId);
    if (!mfa) throw new AuthError(AuthErrorCode.MFA_INVALID, 'MFA is not set up');
    await consumeTotp(
      mfa.secret.reveal(),
      code.slice(0, 16),
      { nowMs: this.#now(), lastUsedStep: mfa.lastUsedStep },
      (step) => this.#o.users.recordTotpStep(userId, step),
    );
  }

  async #user(principal: Principal): Promise<User> {
    sessionOnly(principal);
    const user = await this.#o.users.findById(principal.userId);
    if (!user) throw graphError(ErrorCode.NOT_FOUND, 'This user no longer exists.');
    return user;
  }

  async #ownKey(principal: Principal, keyId: string): Promise<ApiKeyRecord | undefined> {
    return (await this.#o.users.listApiKeys(principal.userId)).find((k) => k.id === keyId);
  }

  async #startSession(user: User, mfa: boolean): Promise<AuthPayload> {
    const issued = await this.#o.sessions.create(user.id);
    return this.#payload(user, mfa, issued.sessionId, issued.token);
  }

  #payload(user: User, mfa: boolean, sessionId: string, refreshToken: Redacted): AuthPayload {
    const now = this.#now();
    const roles = rolesOf(user.roles);
    const accessToken = signAccessToken(
      { sub: user.id, roles, mfa, sid: sessionId },
      this.#o.jwt,
      this.#ttl,
      now,
    );
    return {
      accessToken,
      refreshToken: refreshToken.reveal(),
      expiresAt: (Math.floor(now / 1000) + this.#ttl) * 1000,
      user: { userId: user.id, account: user.accountNumber, roles, scopes: SESSION_SCOPES, mfa, sessionId },
    };
  }
}

/** Account security (MFA, API keys) changes need a signed-in session, never an API key. */
function sessionOnly(principal: Principal): void {
  if (principal.apiKeyId !== undefined) {
    throw graphError(ErrorCode.FORBIDDEN, 'API keys cannot change account security; sign in.');
  }
}

function noSuchKey() {
  return graphError(ErrorCode.NOT_FOUND, 'No live API key with this id is yours.');
}

function throwNoSuchKey(): never {
  throw noSuchKey();
}
