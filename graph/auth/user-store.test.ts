import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { migrate } from '../../actors/store/migrate.ts';
import { createPgDriver } from '../../actors/store/pg-driver.ts';
import { createPgliteDriver } from '../../actors/store/pglite-driver.ts';
import type { SqlDriver } from '../../actors/store/sql-driver.ts';
import { authenticateApiKey, signApiRequest, type SignedRequest } from './api-keys.ts';
import { AuthErrorCode, type AuthError } from './errors.ts';
import { hashPassword, TEST_SCRYPT_PARAMS, verifyPassword } from './passwords.ts';
import { Redacted } from './redacted.ts';
import { ServerKey } from './secret-box.ts';
import { consumeTotp, generateTotpSecret, totpCode, totpStep } from './totp.ts';
import { UserStore } from './user-store.ts';

const withPostgres = await requirePostgres();
const START = 1_700_000_000_000;

async function failure(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as AuthError).code;
  }
}

let counter = 0;
const email = (name = 'user') => `${name}-${++counter}@example.com`;

/** One suite for every driver: the store must behave the same on PGlite and PostgreSQL. */
function userStoreContract(
  name: string,
  open: () => Promise<{ driver: SqlDriver; cleanup: () => Promise<void> }>,
) {
  describe(`user-store - ${name}`, () => {
    let driver: SqlDriver;
    let cleanup: () => Promise<void>;
    let now = START;
    const serverKey = ServerKey.generate();
    let store: UserStore;
    let hash: string;

    beforeAll(async () => {
      ({ driver, cleanup } = await open());
      await migrate(driver);
      store = new UserStore(driver, serverKey, { now: () => now });
      hash = await hashPassword('correct horse 42', TEST_SCRYPT_PARAMS);
    });

    afterAll(async () => {
      await cleanup();
    });

    test('a new user gets an id, an account number from 1,000,000 up, and the roles given', async () => {
      const a = await store.createUser({ email: email(), passwordHash: hash });
      const b = await store.createUser({ email: email(), passwordHash: hash, roles: ['admin', 'trader'] });
      expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.accountNumber).toBeGreaterThanOrEqual(1_000_000);
      expect(a.accountNumber).toBeLessThan(2 ** 32);
      expect(b.accountNumber).toBe(a.accountNumber + 1);
      expect(a).toMatchObject({ roles: [], mfaEnabled: false, frozen: false });
      expect(b.roles).toEqual(['admin', 'trader']);
      expect(a.createdAt).toBeInstanceOf(Date);
      expect(await store.findById(a.id)).toEqual(a);
    });

    test('a duplicate email in any letter case is EMAIL_TAKEN; a malformed email is INVALID_EMAIL', async () => {
      const address = email('Dup');
      await store.createUser({ email: address, passwordHash: hash });
      expect(
        await failure(() => store.createUser({ email: address.toUpperCase(), passwordHash: hash })),
      ).toBe(AuthErrorCode.EMAIL_TAKEN);
      expect(await failure(() => store.createUser({ email: ` ${address} `, passwordHash: hash }))).toBe(
        AuthErrorCode.EMAIL_TAKEN,
      );
      for (const bad of ['', 'no-at-sign', 'a@b', 'a b@c.de', `${'x'.repeat(250)}@e.io`]) {
        expect(await failure(() => store.createUser({ email: bad, passwordHash: hash }))).toBe(
          AuthErrorCode.INVALID_EMAIL,
        );
      }
    });

    test('two concurrent registrations of one email: exactly one succeeds', async () => {
      const address = email('race');
      const results = await Promise.allSettled(
        [address, address.toUpperCase()].map((e) => store.createUser({ email: e, passwordHash: hash })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect((rejected?.reason as AuthError).code).toBe(AuthErrorCode.EMAIL_TAKEN);
    });

    test('lookups by email ignore case; unknown and malformed ids are undefined', async () => {
      const user = await store.createUser({ email: email('Mixed'), passwordHash: hash });
      expect(await store.findByEmail(user.email.toLowerCase())).toEqual(user);
      expect(await store.findByEmail('nobody@example.com')).toBeUndefined();
      expect(await store.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await store.findById("1' or '1'='1")).toBeUndefined();
    });

    test('login: the right password verifies, a wrong one does not, an unknown email has no credentials', async () => {
      const user = await store.createUser({ email: email(), passwordHash: hash });
      const found = await store.credentialsByEmail(user.email.toUpperCase());
      expect(found?.user).toEqual(user);
      expect(await verifyPassword('correct horse 42', found?.passwordHash)).toBe(true);
      expect(await verifyPassword('wrong horse 42', found?.passwordHash)).toBe(false);
      expect(await store.credentialsByEmail('ghost@example.com')).toBeUndefined();
    });

    test('setPassword replaces the hash; setFrozen freezes; both are false for unknown users', async () => {
      const user = await store.createUser({ email: email(), passwordHash: hash });
      const next = await hashPassword('battery staple 7', TEST_SCRYPT_PARAMS);
      expect(await store.setPassword(user.id, next)).toBe(true);
      expect(await verifyPassword('battery staple 7', await store.passwordHash(user.id))).toBe(true);
      expect(await verifyPassword('correct horse 42', await store.passwordHash(user.id))).toBe(false);
      expect(await store.setFrozen(user.id, true)).toBe(true);
      expect((await store.findById(user.id))?.frozen).toBe(true);
      const ghost = '00000000-0000-4000-8000-000000000000';
      expect(await store.setPassword(ghost, next)).toBe(false);
      expect(await store.setFrozen(ghost, true)).toBe(false);
    });

    test('listUsers pages by account number', async () => {
      const first = await store.listUsers({ limit: 2 });
      expect(first).toHaveLength(2);
      const second = await store.listUsers({ afterAccountNumber: first[1]!.accountNumber, limit: 2 });
      expect(second[0]!.accountNumber).toBeGreaterThan(first[1]!.accountNumber);
      await expect(store.listUsers({ limit: 0 })).rejects.toThrow(RangeError);
    });

    test('MFA: enrol, enable, verify once, refuse replays, disable; the seed is stored sealed', async () => {
      const user = await store.createUser({ email: email(), passwordHash: hash });
      const secret = generateTotpSecret();
      expect(await store.mfa(user.id)).toBeUndefined();
      expect(await store.enableMfa(user.id)).toBe(false);
      expect(await store.startMfaEnrolment(user.id, new Redacted(secret))).toBe(true);
      const [raw] = await driver.query<{ mfa_secret: string }>('select mfa_secret from users where id = $1', [
        user.id,
      ]);
      expect(raw?.mfa_secret).not.toContain(secret);
      expect(await store.enableMfa(user.id)).toBe(true);
      expect((await store.findById(user.id))?.mfaEnabled).toBe(true);
      // An enabled seed cannot be replaced without disabling first.
      expect(await store.startMfaEnrolment(user.id, new Redacted(generateTotpSecret()))).toBe(false);

      const state = await store.mfa(user.id);
      expect(state?.secret.reveal()).toBe(secret);
      expect(state?.enabled).toBe(true);
      const code = totpCode(secret, totpStep(now));
      const use = async () => {
        const mfa = await store.mfa(user.id);
        return consumeTotp(
          mfa!.secret.reveal(),
          code,
          { nowMs: now, lastUsedStep: mfa!.lastUsedStep },
          (step) => store.recordTotpStep(user.id, step),
        );
      };
      expect(await use()).toBe(totpStep(now));
      expect(await failure(use)).toBe(AuthErrorCode.MFA_REPLAYED);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      expect(
        await failure(() =>
          consumeTotp(secret, wrong, { nowMs: now }, (s) => store.recordTotpStep(user.id, s)),
        ),
      ).toBe(AuthErrorCode.MFA_INVALID);

      expect(await store.disableMfa(user.id)).toBe(true);
      expect(await store.mfa(user.id)).toBeUndefined();
      expect((await store.findById(user.id))?.mfaEnabled).toBe(false);
    });

    test('two concurrent uses of one TOTP code: exactly one wins, the other is MFA_REPLAYED', async () => {
      for (let round = 0; round < 5; round++) {
        const user = await store.createUser({ email: email('concurrent'), passwordHash: hash });
        const secret = generateTotpSecret();
        await store.startMfaEnrolment(user.id, new Redacted(secret));
        await store.enableMfa(user.id);
        const code = totpCode(secret, totpStep(now));
        // Both requests read the same last step before either records: only the database decides.
        const mfa = await store.mfa(user.id);
        const attempt = () =>
          consumeTotp(secret, code, { nowMs: now, lastUsedStep: mfa!.lastUsedStep }, (step) =>
            store.recordTotpStep(user.id, step),
          );
        const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results)
          if (r.status === 'rejected') expect((r.reason as AuthError).code).toBe('MFA_REPLAYED');
      }
    });

    test('recordTotpStep only moves forward, and not without a seed', async () => {
      const user = await store.createUser({ email: email(), passwordHash: hash });
      expect(await store.recordTotpStep(user.id, 10)).toBe(false);
      await store.startMfaEnrolment(user.id, new Redacted(generateTotpSecret()));
      expect(await store.recordTotpStep(user.id, 10)).toBe(true);
      expect(await store.recordTotpStep(user.id, 10)).toBe(false);
      expect(await store.recordTotpStep(user.id, 9)).toBe(false);
      expect(await store.recordTotpStep(user.id, 11)).toBe(true);
      expect((await store.mfa(user.id))?.lastUsedStep).toBe(11);
    });

    describe('API keys', () => {
      const request = (
        keyId: string,
        secret: string,
        overrides: Partial<SignedRequest> = {},
      ): SignedRequest => {
        const base = {
          keyId,
          timestamp: String(now),
          method: 'POST',
          path: '/graphql',
          body: '{}',
          ip: '10.1.2.3',
        };
        return { ...base, signature: signApiRequest(secret, base), ...overrides };
      };

      test('create shows the secret once, stores it sealed, and a signed request authenticates', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const { key, secret } = await store.createApiKey(user.id, {
          name: ' bot ',
          scopes: ['trade', 'read'],
          ipAllowlist: ['10.0.0.0/8', '2001:db8::/32'],
        });
        expect(key).toMatchObject({
          userId: user.id,
          name: 'bot',
          scopes: ['read', 'trade'],
          ipAllowlist: ['10.0.0.0/8', '2001:db8::/32'],
          revokedAt: undefined,
          lastUsedAt: undefined,
        });
        const [raw] = await driver.query<{ secret_sealed: string }>(
          'select secret_sealed from api_keys where id = $1',
          [key.id],
        );
        expect(raw?.secret_sealed).not.toContain(secret.reveal());
        expect(await store.listApiKeys(user.id)).toEqual([key]);
        expect(
          await authenticateApiKey(store, request(key.id, secret.reveal()), 'trade', { nowMs: now }),
        ).toEqual(key);
        await store.touchApiKey(key.id);
        expect((await store.listApiKeys(user.id))[0]?.lastUsedAt).toEqual(new Date(now));
      });

      test('wrong scope, address outside the allowlist, revoked key: each its own code', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const { key, secret } = await store.createApiKey(user.id, {
          name: 'r',
          scopes: ['read'],
          ipAllowlist: ['10.0.0.0/8'],
        });
        const good = request(key.id, secret.reveal());
        const options = { nowMs: now };
        expect(await failure(() => authenticateApiKey(store, good, 'withdraw', options))).toBe(
          AuthErrorCode.API_KEY_SCOPE,
        );
        const elsewhere = request(key.id, secret.reveal(), { ip: '192.168.1.1' });
        expect(await failure(() => authenticateApiKey(store, elsewhere, 'read', options))).toBe(
          AuthErrorCode.API_KEY_IP,
        );
        expect(await store.revokeApiKey(user.id, key.id)).toBe(true);
        expect(await store.revokeApiKey(user.id, key.id)).toBe(false);
        expect(await failure(() => authenticateApiKey(store, good, 'read', options))).toBe(
          AuthErrorCode.API_KEY_REVOKED,
        );
        expect(await store.rotateApiKey(user.id, key.id)).toBeUndefined();
      });

      test('rotate: the new secret works, the old one is SIGNATURE_INVALID', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const { key, secret } = await store.createApiKey(user.id, { name: 'r', scopes: ['trade'] });
        const rotated = await store.rotateApiKey(user.id, key.id);
        expect(rotated?.reveal()).not.toBe(secret.reveal());
        const options = { nowMs: now };
        expect(
          await failure(() => authenticateApiKey(store, request(key.id, secret.reveal()), 'trade', options)),
        ).toBe(AuthErrorCode.SIGNATURE_INVALID);
        expect(
          await authenticateApiKey(store, request(key.id, rotated!.reveal()), 'trade', options),
        ).toMatchObject({
          id: key.id,
        });
      });

      test("another user cannot revoke, rotate or list someone else's key", async () => {
        const owner = await store.createUser({ email: email(), passwordHash: hash });
        const other = await store.createUser({ email: email(), passwordHash: hash });
        const { key } = await store.createApiKey(owner.id, { name: 'mine', scopes: ['read'] });
        expect(await store.revokeApiKey(other.id, key.id)).toBe(false);
        expect(await store.rotateApiKey(other.id, key.id)).toBeUndefined();
        expect(await store.listApiKeys(other.id)).toEqual([]);
        expect((await store.apiKeyWithSecret(key.id))?.key.revokedAt).toBeUndefined();
      });

      test('bad input is refused before the database: scopes, allowlist entries, names', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        await expect(store.createApiKey(user.id, { name: 'x', scopes: ['admin'] })).rejects.toThrow(
          RangeError,
        );
        await expect(store.createApiKey(user.id, { name: 'x', scopes: [] })).rejects.toThrow(RangeError);
        await expect(
          store.createApiKey(user.id, { name: 'x', scopes: ['read'], ipAllowlist: ['1.2.3.4/40'] }),
        ).rejects.toThrow(RangeError);
        await expect(store.createApiKey(user.id, { name: '  ', scopes: ['read'] })).rejects.toThrow(
          RangeError,
        );
        expect(await store.listApiKeys(user.id)).toEqual([]);
      });
    });

    describe('password reset tokens', () => {
      test('a token sets the password once, voids the other outstanding tokens, and is refused after', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const token = await store.issuePasswordResetToken(user.id, 3_600_000);
        const other = await store.issuePasswordResetToken(user.id, 3_600_000);
        const [raw] = await driver.query<{ token_hash: string }>(
          'select token_hash from password_reset_tokens where user_id = $1 limit 1',
          [user.id],
        );
        expect(raw?.token_hash).toMatch(/^[0-9a-f]{64}$/);
        const next = await hashPassword('new password 99', TEST_SCRYPT_PARAMS);
        expect(await store.consumePasswordResetToken(token.reveal(), next)).toBe(user.id);
        expect(await verifyPassword('new password 99', await store.passwordHash(user.id))).toBe(true);
        expect(await failure(() => store.consumePasswordResetToken(token.reveal(), hash))).toBe(
          AuthErrorCode.TOKEN_INVALID,
        );
        expect(await failure(() => store.consumePasswordResetToken(other.reveal(), hash))).toBe(
          AuthErrorCode.TOKEN_INVALID,
        );
        expect(await verifyPassword('new password 99', await store.passwordHash(user.id))).toBe(true);
      });

      test('an expired token is TOKEN_EXPIRED and changes nothing; an unknown one is TOKEN_INVALID', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const token = await store.issuePasswordResetToken(user.id, 60_000);
        now += 60_000;
        try {
          const next = await hashPassword('new password 99', TEST_SCRYPT_PARAMS);
          expect(await failure(() => store.consumePasswordResetToken(token.reveal(), next))).toBe(
            AuthErrorCode.TOKEN_EXPIRED,
          );
          expect(await verifyPassword('correct horse 42', await store.passwordHash(user.id))).toBe(true);
          expect(await failure(() => store.consumePasswordResetToken('made-up', next))).toBe(
            AuthErrorCode.TOKEN_INVALID,
          );
        } finally {
          now -= 60_000;
        }
      });

      test('two concurrent uses of one token: exactly one succeeds', async () => {
        const user = await store.createUser({ email: email(), passwordHash: hash });
        const token = await store.issuePasswordResetToken(user.id, 60_000);
        const results = await Promise.allSettled([
          store.consumePasswordResetToken(token.reveal(), hash),
          store.consumePasswordResetToken(token.reveal(), hash),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      });
    });
  });
}

userStoreContract('PGlite', async () => {
  const driver = await createPgliteDriver();
  return { driver, cleanup: () => driver.close() };
});

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  userStoreContract('PostgreSQL', async () => {
    const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('auth') });
    return {
      driver,
      cleanup: async () => {
        await driver.dropSchema();
        await driver.close();
      },
    };
  });
});
