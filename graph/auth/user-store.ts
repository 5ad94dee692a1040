/**
 * Users, API keys and password reset tokens in PostgreSQL or PGlite (tables from migration
 * `005_users.sql`). Business refusals are `AuthError`s; "not found" is `undefined` or `false`, for
 * the gateway to turn into the right refusal (a login never says whether an email exists).
 *
 * Secrets the server reads back (TOTP seeds, API-key secrets) are sealed with the server key and
 * returned only as `Redacted`; password hashes are returned only by the `credentials…` methods.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { databaseErrorFields, UNIQUE_VIOLATION, type SqlDriver } from '../../actors/store/sql-driver.ts';
import {
  apiKeySecretContext,
  generateApiKeyId,
  generateApiKeySecret,
  isApiKeyId,
  parseScopes,
  type ApiKeyLookup,
  type ApiKeyRecord,
  type ApiKeyScope,
} from './api-keys.ts';
import { AuthError, AuthErrorCode } from './errors.ts';
import { parseIpEntry } from './ip-allowlist.ts';
import { Redacted } from './redacted.ts';
import { open, seal, type ServerKey } from './secret-box.ts';

export interface User {
  /** A UUID. */
  readonly id: string;
  /** As the user typed it (trimmed); compared case-insensitively. */
  readonly email: string;
  /** The user's trading account (`account/<n>`), unique, from 1,000,000 up to 2^32 - 1. */
  readonly accountNumber: number;
  readonly roles: readonly string[];
  readonly mfaEnabled: boolean;
  readonly frozen: boolean;
  readonly createdAt: Date;
}

export interface NewUser {
  readonly email: string;
  /** From `hashPassword`, after `checkPasswordPolicy`. */
  readonly passwordHash: string;
  readonly roles?: readonly string[];
}

export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly string[];
  /** Addresses and CIDR ranges; empty or absent allows any address. */
  readonly ipAllowlist?: readonly string[];
}

/** A user's TOTP state; `secret` is the base32 seed. */
export interface MfaState {
  readonly secret: Redacted;
  readonly enabled: boolean;
  readonly lastUsedStep: number | undefined;
}

export interface UserStoreOptions {
  /** Milliseconds since the epoch; tests pass a simulated clock's. Default `Date.now`. */
  readonly now?: () => number;
}

interface UserRow {
  id: string;
  email: string;
  account_number: string | number;
  roles: string[];
  mfa_enabled: boolean;
  frozen: boolean;
  created_at: Date | string;
}

interface ApiKeyRow {
  id: string;
  user_id: string;
  name: string;
  scopes: string[];
  ip_allowlist: string[];
  secret_sealed: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  last_used_at: Date | string | null;
}

const USER_COLUMNS = 'id, email, account_number, roles, mfa_enabled, frozen, created_at';
const KEY_COLUMNS =
  'id, user_id, name, scopes, ip_allowlist, secret_sealed, created_at, revoked_at, last_used_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;
const MAX_LIST_LIMIT = 1_000;

export class UserStore implements ApiKeyLookup {
  readonly #driver: SqlDriver;
  readonly #key: ServerKey;
  readonly #now: () => number;

  /** The driver stays its creator's to close; `serverKey` seals TOTP seeds and API-key secrets. */
  constructor(driver: SqlDriver, serverKey: ServerKey, options: UserStoreOptions = {}) {
    this.#driver = driver;
    this.#key = serverKey;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Creates a user with the next account number.
   *
   * @throws AuthError `INVALID_EMAIL`, or `EMAIL_TAKEN` when the email exists in any letter case
   * (decided by the unique index, so two concurrent registrations cannot both succeed).
   */
  async createUser(input: NewUser): Promise<User> {
    const email = checkEmail(input.email);
    try {
      const [row] = await this.#driver.query<UserRow>(
        `insert into users (id, email, password_hash, roles) values ($1, $2, $3, $4) returning ${USER_COLUMNS}`,
        [randomUUID(), email, input.passwordHash, [...(input.roles ?? [])]],
      );
      return toUser(row!);
    } catch (error) {
      const fields = databaseErrorFields(error);
      if (fields?.code === UNIQUE_VIOLATION && fields.constraint === 'users_email_key') {
        throw new AuthError(AuthErrorCode.EMAIL_TAKEN, 'an account with this email already exists', {
          cause: error,
        });
      }
      throw error;
    }
  }

  async findById(id: string): Promise<User | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await this.#driver.query<UserRow>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
    return row && toUser(row);
  }

  /** The user whose trading account is `accountNumber`; undefined when none. */
  async findByAccountNumber(accountNumber: number): Promise<User | undefined> {
    if (!Number.isSafeInteger(accountNumber) || accountNumber < 1) return undefined;
    const [row] = await this.#driver.query<UserRow>(
      `select ${USER_COLUMNS} from users where account_number = $1`,
      [accountNumber],
    );
    return row && toUser(row);
  }

  /** Case-insensitive. */
  async findByEmail(email: string): Promise<User | undefined> {
    const [row] = await this.#driver.query<UserRow>(
      `select ${USER_COLUMNS} from users where lower(email) = lower($1)`,
      [email.trim()],
    );
    return row && toUser(row);
  }

  /** The user and password hash for a login; `undefined` when no such email. */
  async credentialsByEmail(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const [row] = await this.#driver.query<UserRow & { password_hash: string }>(
      `select ${USER_COLUMNS}, password_hash from users where lower(email) = lower($1)`,
      [email.trim()],
    );
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  /** The password hash of a signed-in user (to check the old password on a change). */
  async passwordHash(userId: string): Promise<string | undefined> {
    if (!UUID.test(userId)) return undefined;
    const [row] = await this.#driver.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [userId],
    );
    return row?.password_hash;
  }

  /** Users by account number, for the admin list: a page after `afterAccountNumber`. */
  async listUsers(options: {
    readonly afterAccountNumber?: number;
    readonly limit: number;
  }): Promise<User[]> {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > MAX_LIST_LIMIT) {
      throw new RangeError(`limit ${options.limit} must be an integer from 1 to ${MAX_LIST_LIMIT}`);
    }
    const rows = await this.#driver.query<UserRow>(
      `select ${USER_COLUMNS} from users where account_number > $1 order by account_number limit $2`,
      [options.afterAccountNumber ?? 0, options.limit],
    );
    return rows.map(toUser);
  }

  /**
   * Users whose email contains `query` (case-insensitive) or whose account number is `query`, by
   * account number: a page after `afterAccountNumber`.
   */
  async searchUsers(options: {
    readonly query: string;
    readonly afterAccountNumber?: number;
    readonly limit: number;
  }): Promise<User[]> {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > MAX_LIST_LIMIT) {
      throw new RangeError(`limit ${options.limit} must be an integer from 1 to ${MAX_LIST_LIMIT}`);
    }
    const query = options.query.trim().slice(0, MAX_EMAIL_LENGTH);
    const account = /^\d{1,10}$/.test(query) ? Number(query) : -1;
    const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.#driver.query<UserRow>(
      `select ${USER_COLUMNS} from users
where account_number > $1 and (lower(email) like $2 or account_number = $3)
order by account_number limit $4`,
      [options.afterAccountNumber ?? 0, pattern, account, options.limit],
    );
    return rows.map(toUser);
  }

  /** Replaces the user's roles (deduplicated, in the given order); the user as it is now, undefined when no such user. */
  async setRoles(userId: string, roles: readonly string[]): Promise<User | undefined> {
    if (!UUID.test(userId)) return undefined;
    const [row] = await this.#driver.query<UserRow>(
      `update users set roles = $2 where id = $1 returning ${USER_COLUMNS}`,
      [userId, [...new Set(roles)]],
    );
    return row ? toUser(row) : undefined;
  }

  /** Adds roles the user lacks (kept); the user as it is now, undefined when no such user. */
  async grantRoles(userId: string, roles: readonly string[]): Promise<User | undefined> {
    if (!UUID.test(userId)) return undefined;
    const [row] = await this.#driver.query<UserRow>(
      `update users set roles = roles || array(select distinct r from unnest($2::text[]) as r where not (r = any(roles)))
where id = $1 returning ${USER_COLUMNS}`,
      [userId, [...roles]],
    );
    return row ? toUser(row) : undefined;
  }

  /** Replaces the password hash; false when no such user. Revoke the user's sessions too. */
  async setPassword(userId: string, passwordHash: string): Promise<boolean> {
    return this.#updated('update users set password_hash = $2 where id = $1 returning id', userId, [
      passwordHash,
    ]);
  }

  /** Freezes or unfreezes the login; false when no such user. */
  async setFrozen(userId: string, frozen: boolean): Promise<boolean> {
    return this.#updated('update users set frozen = $2 where id = $1 returning id', userId, [frozen]);
  }

  /**
   * Stores a new TOTP seed, not yet enabled (the user proves the app has it with `enableMfa` after
   * a good code). False when no such user or MFA is already enabled: replacing an active seed
   * needs `disableMfa` first, which the gateway guards with a current code.
   */
  async startMfaEnrolment(userId: string, secret: Redacted): Promise<boolean> {
    const sealed = seal(this.#key, mfaContext(userId), secret.reveal());
    return this.#updated(
      `update users set mfa_secret = $2, mfa_enabled = false, last_totp_step = null
       where id = $1 and not mfa_enabled returning id`,
      userId,
      [sealed],
    );
  }

  /** The user's TOTP seed and state; `undefined` when no user or no seed. */
  async mfa(userId: string): Promise<MfaState | undefined> {
    if (!UUID.test(userId)) return undefined;
    const [row] = await this.#driver.query<{
      mfa_secret: string | null;
      mfa_enabled: boolean;
      last_totp_step: string | number | null;
    }>('select mfa_secret, mfa_enabled, last_totp_step from users where id = $1', [userId]);
    if (!row || row.mfa_secret === null) return undefined;
    return {
      secret: new Redacted(open(this.#key, mfaContext(userId), row.mfa_secret)),
      enabled: row.mfa_enabled,
      lastUsedStep: row.last_totp_step === null ? undefined : Number(row.last_totp_step),
    };
  }

  /** Turns MFA on; false when no such user or no enrolled seed. */
  async enableMfa(userId: string): Promise<boolean> {
    return this.#updated(
      'update users set mfa_enabled = true where id = $1 and mfa_secret is not null returning id',
      userId,
    );
  }

  /** Turns MFA off and forgets the seed; false when no such user. */
  async disableMfa(userId: string): Promise<boolean> {
    return this.#updated(
      'update users set mfa_enabled = false, mfa_secret = null, last_totp_step = null where id = $1 returning id',
      userId,
    );
  }

  /**
   * Records that `step` was used, only if it is later than the last recorded step: an atomic
   * compare-and-set in one statement (a concurrent second use waits for the row lock, re-reads the
   * row and finds the step taken). True when recorded; false means replay (or no such user).
   */
  async recordTotpStep(userId: string, step: number): Promise<boolean> {
    if (!Number.isSafeInteger(step) || step < 0)
      throw new RangeError(`step ${step} must be a non-negative integer`);
    return this.#updated(
      `update users set last_totp_step = $2
       where id = $1 and mfa_secret is not null and (last_totp_step is null or last_totp_step < $2) returning id`,
      userId,
      [step],
    );
  }

  /**
   * Creates an API key. The returned secret is the only time anyone sees it; only its sealed form
   * is stored.
   *
   * @throws RangeError for an empty or too long name, unknown scopes, or a bad allowlist entry.
   */
  async createApiKey(userId: string, input: NewApiKey): Promise<{ key: ApiKeyRecord; secret: Redacted }> {
    const name = input.name.trim();
    if (name === '' || name.length > MAX_NAME_LENGTH) {
      throw new RangeError(`API key name must be 1 to ${MAX_NAME_LENGTH} characters`);
    }
    const scopes = parseScopes(input.scopes);
    const ipAllowlist = (input.ipAllowlist ?? []).map(parseIpEntry);
    const id = generateApiKeyId();
    const secret = generateApiKeySecret();
    const [row] = await this.#driver.query<ApiKeyRow>(
      `insert into api_keys (id, user_id, name, scopes, ip_allowlist, secret_sealed, created_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${KEY_COLUMNS}`,
      [
        id,
        userId,
        name,
        scopes,
        ipAllowlist,
        seal(this.#key, apiKeySecretContext(id), secret.reveal()),
        this.#date(),
      ],
    );
    return { key: toApiKey(row!), secret };
  }

  /** A user's keys, revoked ones included, oldest first. */
  async listApiKeys(userId: string): Promise<ApiKeyRecord[]> {
    if (!UUID.test(userId)) return [];
    const rows = await this.#driver.query<ApiKeyRow>(
      `select ${KEY_COLUMNS} from api_keys where user_id = $1 order by created_at, id`,
      [userId],
    );
    return rows.map(toApiKey);
  }

  /** A key and its opened secret, to verify a request signature; `undefined` when unknown. */
  async apiKeyWithSecret(keyId: string): Promise<{ key: ApiKeyRecord; secret: Redacted } | undefined> {
    if (!isApiKeyId(keyId)) return undefined;
    const [row] = await this.#driver.query<ApiKeyRow>(`select ${KEY_COLUMNS} from api_keys where id = $1`, [
      keyId,
    ]);
    if (!row) return undefined;
    return {
      key: toApiKey(row),
      secret: new Redacted(open(this.#key, apiKeySecretContext(keyId), row.secret_sealed)),
    };
  }

  /** Revokes one of `userId`'s keys for good; false when it is not theirs or already revoked. */
  async revokeApiKey(userId: string, keyId: string): Promise<boolean> {
    if (!UUID.test(userId)) return false;
    const rows = await this.#driver.query(
      'update api_keys set revoked_at = $3 where id = $1 and user_id = $2 and revoked_at is null returning id',
      [keyId, userId, this.#date()],
    );
    return rows.length > 0;
  }

  /**
   * Gives one of `userId`'s live keys a new secret; the old secret stops verifying at once. Returns
   * the new secret (shown once), or `undefined` when the key is not theirs or revoked.
   */
  async rotateApiKey(userId: string, keyId: string): Promise<Redacted | undefined> {
    if (!UUID.test(userId)) return undefined;
    const secret = generateApiKeySecret();
    const rows = await this.#driver.query(
      `update api_keys set secret_sealed = $3 where id = $1 and user_id = $2 and revoked_at is null returning id`,
      [keyId, userId, seal(this.#key, apiKeySecretContext(keyId), secret.reveal())],
    );
    return rows.length > 0 ? secret : undefined;
  }

  /** Notes a key's use (the gateway throttles calls to this). */
  async touchApiKey(keyId: string): Promise<void> {
    await this.#driver.query('update api_keys set last_used_at = $2 where id = $1', [keyId, this.#date()]);
  }

  /**
   * Issues a single-use reset token valid for `ttlMs`, to send by email. Only its SHA-256 is stored
   * (the token is 256 random bits, so a fast hash is enough).
   */
  async issuePasswordResetToken(userId: string, ttlMs: number): Promise<Redacted> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
      throw new RangeError(`ttlMs ${ttlMs} must be a positive integer`);
    if (!UUID.test(userId)) throw new RangeError('userId must be a UUID');
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    await this.#driver.query(
      `insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)`,
      [sha256(token), userId, new Date(now), new Date(now + ttlMs)],
    );
    return new Redacted(token);
  }

  /**
   * Uses a reset token to set a new password, in one transaction that also voids every other
   * outstanding token of the user. Returns the user id (revoke their sessions next).
   *
   * @throws AuthError `TOKEN_EXPIRED` for a token past its expiry; `TOKEN_INVALID` for an unknown
   * or already used one (a token works once, even when two requests race).
   */
  async consumePasswordResetToken(token: string, passwordHash: string): Promise<string> {
    const hash = sha256(token);
    const now = this.#date();
    return this.#driver.transaction(async (tx) => {
      const [used] = await tx.query<{ user_id: string }>(
        `update password_reset_tokens set used_at = $2
         where token_hash = $1 and used_at is null and expires_at > $2 returning user_id`,
        [hash, now],
      );
      if (!used) {
        const [row] = await tx.query<{ used_at: unknown }>(
          'select used_at from password_reset_tokens where token_hash = $1',
          [hash],
        );
        if (row && row.used_at === null)
          throw new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'reset token expired');
        throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'reset token is unknown or already used');
      }
      await tx.query('update users set password_hash = $2 where id = $1', [used.user_id, passwordHash]);
      await tx.query('update password_reset_tokens set used_at = $2 where user_id = $1 and used_at is null', [
        used.user_id,
        now,
      ]);
      return used.user_id;
    });
  }

  async #updated(sql: string, userId: string, params: readonly unknown[] = []): Promise<boolean> {
    if (!UUID.test(userId)) return false;
    return (await this.#driver.query(sql, [userId, ...params])).length > 0;
  }

  #date(): Date {
    return new Date(this.#now());
  }
}

function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > MAX_EMAIL_LENGTH || !EMAIL.test(trimmed)) {
    throw new AuthError(AuthErrorCode.INVALID_EMAIL, 'not a valid email address');
  }
  return trimmed;
}

function mfaContext(userId: string): string {
  return `mfa:${userId}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    accountNumber: Number(row.account_number),
    roles: row.roles,
    mfaEnabled: row.mfa_enabled,
    frozen: row.frozen,
    createdAt: new Date(row.created_at),
  };
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: row.scopes as ApiKeyScope[],
    ipAllowlist: row.ip_allowlist,
    createdAt: new Date(row.created_at),
    revokedAt: row.revoked_at === null ? undefined : new Date(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? undefined : new Date(row.last_used_at),
  };
}
