import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { AuthErrorCode, type AuthError } from './errors.ts';
import { jwtSecretFromText, signAccessToken, verifyAccessToken, type JwtConfig } from './jwt.ts';

const config: JwtConfig = {
  secret: jwtSecretFromText('a test secret that is at least 32 bytes long'),
  issuer: 'quantatrade',
  audience: 'quantatrade-gateway',
};
const NOW = 1_700_000_000_000;
const user = { sub: 'user-1', roles: ['trader'], mfa: true, sid: 'session-1' };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AuthError).code;
  }
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token with any header and payload, correctly signed with `secret`. */
function forge(header: unknown, payload: unknown, secret: Uint8Array | string = config.secret): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = NOW / 1000;
  return {
    ...user,
    iss: config.issuer,
    aud: config.audience,
    iat: now,
    nbf: now,
    exp: now + 900,
    jti: 'j',
    ...overrides,
  };
}

describe('jwt - HS256 access tokens', () => {
  test('a signed token verifies and gives back its claims', () => {
    const token = signAccessToken(user, config, 900, NOW);
    const verified = verifyAccessToken(token, config, NOW + 1_000);
    expect(verified).toMatchObject({ ...user, iss: 'quantatrade', aud: 'quantatrade-gateway' });
    expect(verified.exp - verified.iat).toBe(900);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
  });

  test('an expired token is TOKEN_EXPIRED (after the clock skew allowance)', () => {
    const token = signAccessToken(user, config, 60, NOW);
    expect(code(() => verifyAccessToken(token, config, NOW + 64_000))).toBeUndefined();
    expect(code(() => verifyAccessToken(token, config, NOW + 65_000))).toBe(AuthErrorCode.TOKEN_EXPIRED);
  });

  test('a tampered payload is TOKEN_INVALID', () => {
    const [header, , signature] = signAccessToken(user, config, 900, NOW).split('.');
    const tampered = `${header}.${b64(claims({ roles: ['admin'] }))}.${signature}`;
    expect(code(() => verifyAccessToken(tampered, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  test('a tampered signature is TOKEN_INVALID', () => {
    const token = signAccessToken(user, config, 900, NOW);
    const flipped = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
    expect(code(() => verifyAccessToken(flipped, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  test('a token signed with another secret is TOKEN_INVALID', () => {
    const other = { ...config, secret: jwtSecretFromText('another secret that is also 32 bytes or more') };
    expect(code(() => verifyAccessToken(signAccessToken(user, other, 900, NOW), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  test('alg none is refused, with or without a signature', () => {
    const body = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}`;
    expect(code(() => verifyAccessToken(`${body}.`, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
    expect(code(() => verifyAccessToken(`${body}.AAAA`, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
    const noneCased = forge({ alg: 'None' }, claims());
    expect(code(() => verifyAccessToken(noneCased, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  test('any algorithm but HS256 is refused even when the HMAC is right (algorithm confusion)', () => {
    for (const alg of ['HS384', 'HS512', 'RS256', 'ES256']) {
      expect(code(() => verifyAccessToken(forge({ alg, typ: 'JWT' }, claims()), config, NOW))).toBe(
        AuthErrorCode.TOKEN_INVALID,
      );
    }
    expect(code(() => verifyAccessToken(forge({ alg: 'HS256', typ: 'JWE' }, claims()), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  test('wrong issuer or audience is TOKEN_INVALID; an audience list containing ours is accepted', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    expect(code(() => verifyAccessToken(forge(header, claims({ iss: 'evil' })), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
    expect(code(() => verifyAccessToken(forge(header, claims({ aud: 'other' })), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
    const listed = forge(header, claims({ aud: ['other', config.audience] }));
    expect(verifyAccessToken(listed, config, NOW).aud).toBe(config.audience);
  });

  test('not yet valid (nbf) and issued in the future (iat) are TOKEN_INVALID', () => {
    const header = { alg: 'HS256' };
    const later = NOW / 1000 + 60;
    expect(code(() => verifyAccessToken(forge(header, claims({ nbf: later })), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
    expect(code(() => verifyAccessToken(forge(header, claims({ iat: later })), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  test('missing or mistyped claims are TOKEN_INVALID', () => {
    const header = { alg: 'HS256' };
    for (const bad of [
      claims({ exp: undefined }),
      claims({ exp: '9999999999' }),
      claims({ sub: '' }),
      claims({ roles: 'admin' }),
      claims({ roles: [1] }),
      claims({ mfa: 'true' }),
      claims({ sid: 5 }),
    ]) {
      expect(code(() => verifyAccessToken(forge(header, bad), config, NOW))).toBe(
        AuthErrorCode.TOKEN_INVALID,
      );
    }
    expect(code(() => verifyAccessToken(forge(header, [1, 2]), config, NOW))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  test('malformed tokens are TOKEN_INVALID', () => {
    for (const bad of ['', 'a.b', 'a.b.c.d', 'a.b.c', '..', 'e30.e30.!!!', `${b64('x')}.${b64('y')}.AAAA`]) {
      expect(code(() => verifyAccessToken(bad, config, NOW))).toBe(AuthErrorCode.TOKEN_INVALID);
    }
  });

  test('a secret shorter than 32 bytes is refused', () => {
    expect(() => jwtSecretFromText('too short')).toThrow(RangeError);
    expect(() => signAccessToken(user, { ...config, secret: new Uint8Array(8) }, 900, NOW)).toThrow(
      RangeError,
    );
    expect(() => signAccessToken(user, config, 0, NOW)).toThrow(RangeError);
  });
});
