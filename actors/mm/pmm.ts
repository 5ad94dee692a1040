import type { Side } from '../market/index.ts';

/**
 * Pure market making (Hummingbot's PMM): symmetric quotes around a reference mid, a few levels a
 * side, sizes skewed by inventory, and hard inventory limits. Pure: prices in ticks, sizes in
 * lots, no clock, no I/O; the runner (`market-maker.ts`) places what this decides.
 */
export interface PmmConfig {
  /** Distance from mid to the first bid and first ask together, in bps (100 = 1%). */
  readonly spreadBps: number;
  /** Quotes per side. */
  readonly levels: number;
  /** Extra distance between consecutive levels, in bps of mid. */
  readonly levelSpacingBps: number;
  /** Lots per quote before skew. */
  readonly orderSize: number;
  /** Smallest quote worth placing (the market's minimum size or notional): smaller ones are dropped. */
  readonly minOrderSize: number;
  /** Base inventory (lots) the maker aims to hold; skew pushes it back there. */
  readonly targetInventory: number;
  /** Hard limits on base inventory (lots): quotes never let it leave [min, max] even if all fill. */
  readonly minInventory: number;
  readonly maxInventory: number;
  /** 0 … 1: how strongly inventory away from target shrinks the side that would move it further. */
  readonly inventorySkew: number;
}

export interface Quote {
  readonly side: Side;
  readonly price: number;
  readonly size: number;
}

export class InvalidPmmConfigError extends Error {
  override name = 'InvalidPmmConfigError';
  readonly code = 'INVALID_PMM_CONFIG';
}

export function checkPmmConfig(c: PmmConfig): void {
  const fail = (why: string): never => {
    throw new InvalidPmmConfigError(why);
  };
  const whole = (n: number) => Number.isSafeInteger(n);
  if (!whole(c.spreadBps) || c.spreadBps < 1 || c.spreadBps > 5_000) fail('spreadBps must be 1 … 5,000');
  if (!whole(c.levels) || c.levels < 1 || c.levels > 20) fail('levels must be 1 … 20');
  if (!whole(c.levelSpacingBps) || c.levelSpacingBps < 0 || c.levelSpacingBps > 1_000)
    fail('levelSpacingBps must be 0 … 1,000');
  if (!whole(c.orderSize) || c.orderSize < 1) fail('orderSize must be a positive number of lots');
  if (!whole(c.minOrderSize) || c.minOrderSize < 1 || c.minOrderSize > c.orderSize)
    fail('minOrderSize must be 1 … orderSize lots');
  if (![c.minInventory, c.targetInventory, c.maxInventory].every(whole))
    fail('inventory limits must be lots');
  if (!(c.minInventory <= c.targetInventory && c.targetInventory <= c.maxInventory))
    fail('need minInventory <= targetInventory <= maxInventory');
  if (!(c.inventorySkew >= 0 && c.inventorySkew <= 1)) fail('inventorySkew must be 0 … 1');
}

/**
 * The quotes for a mid (ticks) and the current base inventory (lots, everything the maker owns:
 * available and locked). Bids best first, then asks best first.
 */
export function quotes(config: PmmConfig, mid: number, inventory: number): Quote[] {
  // q in [-1, 1]: how far inventory sits from target, toward the limit on that side.
  const room =
    inventory >= config.targetInventory
      ? config.maxInventory - config.targetInventory
      : config.targetInventory - config.minInventory;
  const q = room === 0 ? 0 : Math.max(-1, Math.min(1, (inventory - config.targetInventory) / room));
  const bidScale = 1 - config.inventorySkew * Math.max(0, q);
  const askScale = 1 - config.inventorySkew * Math.max(0, -q);
  // What may still fill on each side without crossing a limit.
  let bidRoom = Math.max(0, config.maxInventory - inventory);
  let askRoom = Math.max(0, inventory - config.minInventory);
  const bids: Quote[] = [];
  const asks: Quote[] = [];
  for (let level = 0; level < config.levels; level++) {
    const offsetBps = config.spreadBps / 2 + level * config.levelSpacingBps;
    const offset = Math.max(1, Math.ceil((mid * offsetBps) / 10_000));
    const bidSize = Math.min(bidRoom, Math.floor(config.orderSize * bidScale));
    const askSize = Math.min(askRoom, Math.floor(config.orderSize * askScale));
    if (bidSize >= config.minOrderSize && mid - offset > 0) {
      bids.push({ side: 'BUY', price: mid - offset, size: bidSize });
      bidRoom -= bidSize;
    }
    if (askSize >= config.minOrderSize) {
      asks.push({ side: 'SELL', price: mid + offset, size: askSize });
      askRoom -= askSize;
    }
  }
  return [...bids, ...asks];
}
