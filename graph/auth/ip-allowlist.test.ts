import { describe, expect, test } from 'vitest';
import { createIpAllowlist, parseIpEntry } from './ip-allowlist.ts';

describe('ip-allowlist', () => {
  test('an empty allowlist allows any address', () => {
    expect(createIpAllowlist([]).allows('198.51.100.1')).toBe(true);
  });

  test('single IPv4 addresses and CIDR ranges', () => {
    const list = createIpAllowlist(['203.0.113.7', '10.0.0.0/8']);
    expect(list.allows('203.0.113.7')).toBe(true);
    expect(list.allows('203.0.113.8')).toBe(false);
    expect(list.allows('10.255.1.2')).toBe(true);
    expect(list.allows('11.0.0.1')).toBe(false);
  });

  test('IPv6 addresses and ranges, in any spelling', () => {
    const list = createIpAllowlist(['2001:db8::/32', '::1']);
    expect(list.allows('2001:0db8:0000::1')).toBe(true);
    expect(list.allows('2001:db9::1')).toBe(false);
    expect(list.allows('0:0:0:0:0:0:0:1')).toBe(true);
  });

  test('an IPv4 client seen as IPv4-mapped IPv6 matches its IPv4 entry', () => {
    expect(createIpAllowlist(['192.0.2.0/24']).allows('::ffff:192.0.2.10')).toBe(true);
    expect(createIpAllowlist(['192.0.2.0/24']).allows('::FFFF:192.0.3.10')).toBe(false);
  });

  test('something that is not an address never matches a non-empty list', () => {
    expect(createIpAllowlist(['0.0.0.0/0']).allows('not-an-ip')).toBe(false);
    expect(createIpAllowlist(['0.0.0.0/0']).allows('')).toBe(false);
  });

  test.each(['', 'localhost', '1.2.3.4/33', '::/129', '1.2.3.4/8/1', '1.2.3', '1.2.3.4/-1', '1.2.3.4/ 8'])(
    '%j is refused as an entry',
    (entry) => {
      expect(() => parseIpEntry(entry)).toThrow(RangeError);
    },
  );

  test('entries are kept trimmed', () => {
    expect(createIpAllowlist([' 10.0.0.0/8 ']).entries).toEqual(['10.0.0.0/8']);
  });
});
