import { describe, expect, test } from 'vitest';
import {
  authenticateApiKey,
  generateApiKeyId,
  generateApiKeySecret,
  parseScopes,
  signApiRequest,
  verifyApiKeyRequest,
  type ApiKeyRecord,
  type ApiKeyScope,
  type SignedRequest,
} from './api-keys.ts';
import { AuthErrorCode, type AuthError } from './errors.ts';
import { Redacted } from './redacted.ts';

const NOW = 1_700_000_000_000;
const secret = generateApiKeySecret();
const key: ApiKeyRecord = {
  id: generateApiKeyId(),
  userId: '00000000-0000-4000-8000-000000000001',
  name: 'bot',
  scopes: ['read', 'trade'],
  ipAllowlist: ['203.0.113.0/24'],
  createdAt: new Date(NOW),
  revokedAt: undefined,
  lastUsedAt: undefined,
};

function signed(overrides: Partial<SignedRequest> = {}, signWith: string = secret.reveal()): SignedRequest {
  const base = {
    keyId: key.id,
    timestamp: String(NOW),
    method: 'POST',
    path: '/graphql',
    body: '{"query":"mutation { placeOrder }"}',
    ip: '203.0.113.9',
    ...overrides,
  };
  return { signature: signApiRequest(signWith, base), ...base, ...overrides };
}

async function failure(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as AuthError).code;
  }
}

const verify =
  (request: SignedRequest, scope: ApiKeyScope = 'trade', k: ApiKeyRecord = key) =>
  () =>
    verifyApiKeyRequest(k, secret, request, scope, { nowMs: NOW });

describe('api-keys - signed requests', () => {
  test('a correctly signed request from an allowed address with the scope passes', async () => {
    expect(await failure(verify(signed()))).toBeUndefined();
    expect(await failure(verify(signed({ method: 'post' }), 'read'))).toBeUndefined();
  });

  test('the signature is HMAC-SHA256 hex over timestamp + METHOD + path + body', () => {
    const sig = signApiRequest('k', { timestamp: '1', method: 'get', path: '/p', body: 'b' });
    // printf '1GET/pb' | openssl dgst -sha256 -hmac k
    expect(sig).toBe('510f24a3a258add1befd005fdcb27275ad21d2d8c12227d198011912fd11473d');
    expect(sig).toBe(
      signApiRequest('k', { timestamp: '1', method: 'GET', path: '/p', body: Buffer.from('b') }),
    );
  });

  test('a revoked key is API_KEY_REVOKED even with a good signature', async () => {
    expect(await failure(verify(signed(), 'trade', { ...key, revokedAt: new Date(NOW) }))).toBe(
      AuthErrorCode.API_KEY_REVOKED,
    );
  });

  test('a missing scope is API_KEY_SCOPE', async () => {
    expect(await failure(verify(signed(), 'withdraw'))).toBe(AuthErrorCode.API_KEY_SCOPE);
  });

  test('an address outside the allowlist is API_KEY_IP', async () => {
    expect(await failure(verify(signed({ ip: '198.51.100.1' })))).toBe(AuthErrorCode.API_KEY_IP);
  });

  test('a wrong secret, an altered body, path, method or timestamp, or a malformed signature is SIGNATURE_INVALID', async () => {
    const good = signed();
    const bad: SignedRequest[] = [
      signed({}, generateApiKeySecret().reveal()),
      { ...good, body: `${String(good.body)} ` },
      { ...good, path: '/graphql?x=1' },
      { ...good, method: 'GET' },
      { ...good, timestamp: String(NOW + 1) },
      { ...good, signature: good.signature.slice(0, 62) },
      { ...good, signature: 'zz'.repeat(32) },
      { ...good, signature: '' },
      { ...good, timestamp: 'now' },
    ];
    for (const request of bad) expect(await failure(verify(request))).toBe(AuthErrorCode.SIGNATURE_INVALID);
  });

  test('a timestamp more than 30 s away, either way, is SIGNATURE_EXPIRED', async () => {
    expect(await failure(verify(signed({ timestamp: String(NOW - 30_000) })))).toBeUndefined();
    expect(await failure(verify(signed({ timestamp: String(NOW + 30_000) })))).toBeUndefined();
    expect(await failure(verify(signed({ timestamp: String(NOW - 30_001) })))).toBe(
      AuthErrorCode.SIGNATURE_EXPIRED,
    );
    expect(await failure(verify(signed({ timestamp: String(NOW + 30_001) })))).toBe(
      AuthErrorCode.SIGNATURE_EXPIRED,
    );
  });

  test('the address and scope are only judged after the signature (no probing without the secret)', async () => {
    const forged = signed({ ip: '198.51.100.1' }, 'not the secret');
    expect(await failure(verify(forged, 'withdraw'))).toBe(AuthErrorCode.SIGNATURE_INVALID);
  });

  test('authenticateApiKey: unknown or malformed key ids are API_KEY_UNKNOWN, known ones are verified', async () => {
    const lookup = {
      apiKeyWithSecret: async (id: string) => (id === key.id ? { key, secret } : undefined),
    };
    const options = { nowMs: NOW };
    expect(await authenticateApiKey(lookup, signed(), 'read', options)).toBe(key);
    expect(
      await failure(() => authenticateApiKey(lookup, signed({ keyId: generateApiKeyId() }), 'read', options)),
    ).toBe(AuthErrorCode.API_KEY_UNKNOWN);
    expect(
      await failure(() => authenticateApiKey(lookup, signed({ keyId: "x' or 1=1" }), 'read', options)),
    ).toBe(AuthErrorCode.API_KEY_UNKNOWN);
    expect(await failure(() => authenticateApiKey(lookup, signed({ ip: '::1' }), 'read', options))).toBe(
      AuthErrorCode.API_KEY_IP,
    );
  });

  test('scopes are checked, deduplicated and put in canonical order', () => {
    expect(parseScopes(['withdraw', 'read', 'read'])).toEqual(['read', 'withdraw']);
    expect(() => parseScopes([])).toThrow(RangeError);
    expect(() => parseScopes(['admin'])).toThrow(/unknown API key scopes: admin/);
  });

  test('key ids and secrets are random and the secret is redacted', () => {
    expect(generateApiKeyId()).toMatch(/^qk_[\w-]{22}$/);
    expect(generateApiKeyId()).not.toBe(generateApiKeyId());
    const fresh = generateApiKeySecret();
    expect(fresh).toBeInstanceOf(Redacted);
    expect(fresh.reveal()).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify({ fresh })).toBe('{"fresh":"[REDACTED]"}');
  });
});
