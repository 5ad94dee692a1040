/**
 * IP allowlists of API keys: single addresses and CIDR ranges, IPv4 and IPv6. An IPv4 client seen
 * through a dual-stack socket (`::ffff:192.0.2.1`) is matched as the IPv4 address it is.
 */
import { BlockList, isIP } from 'node:net';

/** An allowlist ready for matching. Empty means any address. */
export interface IpAllowlist {
  readonly entries: readonly string[];
  allows(ip: string): boolean;
}

/**
 * Checks one entry (`203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`) and returns it trimmed.
 *
 * @throws RangeError when it is not an address or a CIDR range with a valid prefix length.
 */
export function parseIpEntry(entry: string): string {
  const text = entry.trim();
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  const max = family === 4 ? 32 : 128;
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
  if (family === 0 || extra !== undefined || !prefixOk) {
    throw new RangeError(`${JSON.stringify(entry)} is not an IP address or CIDR range`);
  }
  return text;
}

/** Builds an allowlist from entries (each checked by `parseIpEntry`). */
export function createIpAllowlist(entries: readonly string[]): IpAllowlist {
  const checked = entries.map(parseIpEntry);
  const list = new BlockList();
  for (const entry of checked) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return {
    entries: checked,
    allows(ip: string): boolean {
      if (checked.length === 0) return true;
      const address = unmapIpv4(ip.trim());
      const family = isIP(address);
      if (family === 0) return false;
      return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

function unmapIpv4(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}
