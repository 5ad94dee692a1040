import { InvalidAddressError } from './errors.ts';

/** `kind/key`: kind in lower-case words, key an id such as `u_42`, `BTC-USDT` or `hot-eth`. */
const ADDRESS = /^([a-z][a-z0-9-]{0,31})\/([A-Za-z0-9_.:@-]{1,128})$/;

export interface Address {
  readonly kind: string;
  readonly key: string;
}

/** Splits and validates an actor address; throws `InvalidAddressError`. */
export function parseAddress(address: unknown): Address {
  if (typeof address !== 'string') throw new InvalidAddressError(String(address));
  const match = ADDRESS.exec(address);
  if (!match) throw new InvalidAddressError(address);
  return { kind: match[1]!, key: match[2]! };
}

/** FNV-1a: a stable, fast hash so every node maps an address to the same shard. */
export function shardOf(address: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) {
    h ^= address.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
