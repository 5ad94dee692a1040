import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { requireRedis } from '../../test/services.ts';
import { AuthErrorCode, type AuthError } from './errors.ts';
import { RedisSessionStore } from './redis-sessions.ts';
import { testRedis, type TestRedis } from './redis-test-helpers.ts';
import { MemorySessionStore, type SessionOptions, type SessionStore } from './sessions.ts';

const withRedis = await requireRedis();
const MINUTE = 60_000;
const OPTIONS = { refreshTtlMs: 10 * MINUTE, maxAgeMs: 60 * MINUTE };

async function failure(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as AuthError).code;
  }
}

/** One suite for every implementation; `make` builds a store on the given simulated clock. */
function sessionStoreContract(name: string, make: (options: SessionOptions) => SessionStore) {
  describe(`sessions - ${name}`, () => {
    let now: number;
    let store: SessionStore;

    beforeEach(() => {
      now = 1_700_000_000_000;
      store = make({ ...OPTIONS, now: () => now });
    });

    test('a login issues an opaque token in a new active session', async () => {
      const issued = await store.create('user-1');
      expect(issued.token.reveal()).toMatch(/^[\w-]{43}$/);
      expect(issued).toMatchObject({ userId: 'user-1', expiresAt: now + OPTIONS.refreshTtlMs });
      expect(await store.isActive(issued.sessionId)).toBe(true);
      expect((await store.create('user-1')).sessionId).not.toBe(issued.sessionId);
    });

    test('refresh rotates: a new token in the same session, and the new one refreshes again', async () => {
      const first = await store.create('user-1');
      now += MINUTE;
      const second = await store.rotate(first.token.reveal());
      expect(second).toMatchObject({
        userId: 'user-1',
        sessionId: first.sessionId,
        expiresAt: now + OPTIONS.refreshTtlMs,
      });
      expect(second.token.reveal()).not.toBe(first.token.reveal());
      const third = await store.rotate(second.token.reveal());
      expect(third.sessionId).toBe(first.sessionId);
    });

    test('reusing a spent token revokes the whole family: the thief and the newest token are both refused', async () => {
      const first = await store.create('user-1');
      const second = await store.rotate(first.token.reveal());
      expect(await failure(() => store.rotate(first.token.reveal()))).toBe(AuthErrorCode.SESSION_REVOKED);
      expect(await failure(() => store.rotate(second.token.reveal()))).toBe(AuthErrorCode.SESSION_REVOKED);
      expect(await store.isActive(first.sessionId)).toBe(false);
    });

    test('two concurrent refreshes with one token: one gets a token, the other revokes the family', async () => {
      const first = await store.create('user-1');
      const results = await Promise.allSettled([
        store.rotate(first.token.reveal()),
        store.rotate(first.token.reveal()),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect((rejected?.reason as AuthError).code).toBe(AuthErrorCode.SESSION_REVOKED);
      expect(await store.isActive(first.sessionId)).toBe(false);
    });

    test('other sessions of the same user survive a family revocation', async () => {
      const phone = await store.create('user-1');
      const laptop = await store.create('user-1');
      await store.rotate(phone.token.reveal());
      await failure(() => store.rotate(phone.token.reveal()));
      expect(await store.isActive(laptop.sessionId)).toBe(true);
      expect((await store.rotate(laptop.token.reveal())).sessionId).toBe(laptop.sessionId);
    });

    test('an unknown token is TOKEN_INVALID', async () => {
      expect(await failure(() => store.rotate('not-a-token'))).toBe(AuthErrorCode.TOKEN_INVALID);
    });

    test('a token past its TTL is TOKEN_EXPIRED; a session past its maximum age ends however often it refreshes', async () => {
      const first = await store.create('user-1');
      now += OPTIONS.refreshTtlMs;
      expect(await failure(() => store.rotate(first.token.reveal()))).toBe(AuthErrorCode.TOKEN_EXPIRED);

      const started = now;
      const session = await store.create('user-2');
      let token = session.token.reveal();
      for (let i = 0; i < 6; i++) {
        now += 9 * MINUTE;
        const next = await store.rotate(token);
        // From 51 minutes in, a new token is capped at the session's 60-minute life.
        expect(next.expiresAt).toBe(Math.min(now + OPTIONS.refreshTtlMs, started + OPTIONS.maxAgeMs));
        token = next.token.reveal();
      }
      now = started + OPTIONS.maxAgeMs;
      expect(await store.isActive(session.sessionId)).toBe(false);
      expect(await failure(() => store.rotate(token))).toBe(AuthErrorCode.TOKEN_EXPIRED);
    });

    test('logout revokes the session: its token and any earlier one are SESSION_REVOKED; logout twice is fine', async () => {
      const first = await store.create('user-1');
      const second = await store.rotate(first.token.reveal());
      await store.revoke(second.token.reveal());
      await store.revoke(second.token.reveal());
      await store.revoke('unknown token');
      expect(await store.isActive(first.sessionId)).toBe(false);
      expect(await failure(() => store.rotate(second.token.reveal()))).toBe(AuthErrorCode.SESSION_REVOKED);
    });

    test('revokeUser ends every session of that user and no one else', async () => {
      const a = await store.create('user-1');
      const b = await store.create('user-1');
      const other = await store.create('user-2');
      await store.revokeUser('user-1');
      await store.revokeUser('user-nobody');
      expect(await store.isActive(a.sessionId)).toBe(false);
      expect(await store.isActive(b.sessionId)).toBe(false);
      expect(await failure(() => store.rotate(b.token.reveal()))).toBe(AuthErrorCode.SESSION_REVOKED);
      expect(await store.isActive(other.sessionId)).toBe(true);
    });

    test('revokeSession ends one session; an unknown id is ignored', async () => {
      const a = await store.create('user-1');
      await store.revokeSession(a.sessionId);
      await store.revokeSession('no-such-session');
      expect(await store.isActive(a.sessionId)).toBe(false);
      expect(await store.isActive('no-such-session')).toBe(false);
    });

    test('bad durations are refused', () => {
      expect(() => make({ refreshTtlMs: 0, maxAgeMs: 1 })).toThrow(RangeError);
      expect(() => make({ refreshTtlMs: 2, maxAgeMs: 1 })).toThrow(RangeError);
    });
  });
}

sessionStoreContract('memory', (options) => new MemorySessionStore(options));

describe.skipIf(!withRedis)('Redis', () => {
  let redis: TestRedis | undefined;
  const connection = (): TestRedis => (redis ??= testRedis('sessions'));

  afterAll(async () => {
    await redis?.cleanup();
  });

  sessionStoreContract(
    'Redis',
    (options) => new RedisSessionStore(connection().redis, { ...options, prefix: connection().prefix }),
  );

  test('sessions - Redis: every key expires with its session and tokens are stored only hashed', async () => {
    const { redis: client, prefix, keys } = connection();
    const store = new RedisSessionStore(client, { ...OPTIONS, prefix: `${prefix}:ttl` });
    const issued = await store.create('user-ttl');
    await store.rotate(issued.token.reveal());
    const created = (await keys()).filter((key) => key.startsWith(`${prefix}:ttl:`));
    expect(created).toHaveLength(4);
    for (const key of created) {
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(OPTIONS.maxAgeMs - 5_000);
      expect(ttl).toBeLessThanOrEqual(OPTIONS.maxAgeMs);
      expect(key).not.toContain(issued.token.reveal());
    }
  });
});
