import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { Redacted } from './redacted.ts';
import { open, seal, ServerKey } from './secret-box.ts';

describe('secret-box - AES-256-GCM at rest', () => {
  const key = ServerKey.generate();

  test('a sealed value opens with the same key and context, and each seal differs (random IV)', () => {
    const sealed = seal(key, 'mfa:u1', 'GEZDGNBVGY3TQOJQ');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain('GEZDGNBVGY3TQOJQ');
    expect(open(key, 'mfa:u1', sealed)).toBe('GEZDGNBVGY3TQOJQ');
    expect(seal(key, 'mfa:u1', 'GEZDGNBVGY3TQOJQ')).not.toBe(sealed);
  });

  test('another context, another key, or any altered byte does not open', () => {
    const sealed = seal(key, 'api-key:a', 'secret');
    expect(() => open(key, 'api-key:b', sealed)).toThrow(/does not authenticate/);
    expect(() => open(ServerKey.generate(), 'api-key:a', sealed)).toThrow(/does not authenticate/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from(Buffer.from(parts[3]!, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString(
      'base64url',
    );
    expect(() => open(key, 'api-key:a', parts.join('.'))).toThrow(/does not authenticate/);
    expect(() => open(key, 'api-key:a', 'v2.a.b.c')).toThrow(/malformed/);
    expect(() => open(key, 'api-key:a', 'nonsense')).toThrow(/malformed/);
  });

  test('the server key is read from 64 hex digits or base64, and anything else is refused without echo', () => {
    const hex = 'ab'.repeat(32);
    const fromHex = ServerKey.fromText(hex);
    const fromB64 = ServerKey.fromText(Buffer.from(hex, 'hex').toString('base64'));
    expect(open(fromB64, 'c', seal(fromHex, 'c', 'same key'))).toBe('same key');
    expect(() => ServerKey.fromText('short')).toThrow(RangeError);
    expect(() => ServerKey.fromText('zz'.repeat(32))).toThrow(
      'server key must be 32 bytes written as 64 hex digits or base64',
    );
    expect(() => new ServerKey(new Uint8Array(16))).toThrow(RangeError);
  });

  test('keys and redacted secrets never print their value', () => {
    const secret = new Redacted('s3cr3t-value');
    const printed = [
      String(secret),
      `${secret}`,
      JSON.stringify({ secret, key }),
      inspect({ secret, key }),
      String(key),
    ].join(' ');
    expect(printed).not.toContain('s3cr3t');
    expect(printed).toContain('[REDACTED]');
    expect(printed).toContain('[ServerKey]');
    expect(secret.reveal()).toBe('s3cr3t-value');
  });
});
