import type { Ask, OrderPath } from '../account/index.ts';
import { lotsToSize, priceToTicks, ticksToPrice } from '../market/index.ts';
import type { MarketSpec } from '../market/index.ts';
import { MarketMaker } from './market-maker.ts';
import type { PmmConfig } from './pmm.ts';

/**
 * What `npm start` runs so a fresh exchange looks alive: one PMM maker per demo market, each from
 * its own funded account, quoting around a slowly wandering reference price, and a small "noise"
 * trader that now and then takes a quote, so trades and candles appear within seconds. Both
 * trade through the order path like any user.
 */

/** Demo accounts: makers are 900001 + market index, the noise trader 900100. */
export const DEMO_MAKER_ACCOUNT = 900_001;
export const DEMO_TAKER_ACCOUNT = 900_100;

/** About this much quote per quote level. */
const QUOTE_NOTIONAL = 2_000;

export interface DemoMarketMaking {
  readonly makers: readonly MarketMaker[];
  /** Kill switch for the whole demo: makers stop and cancel, the noise trader stops. */
  stop(): Promise<void>;
}

function referenceTicks(spec: MarketSpec): number {
  const ticks = priceToTicks(spec, spec.referencePrice ?? spec.maxPrice);
  if (!ticks.ok) throw new Error(`${spec.symbol}: bad reference price`);
  return ticks.value;
}

/** A seeded random walk in bps around the reference, pulled back toward it (stays inside bands). */
function wanderingMid(spec: MarketSpec, seed: number): () => number {
  const reference = referenceTicks(spec);
  let offsetBps = 0;
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    offsetBps += (state / 2_147_483_648 - 0.5) * 8 - offsetBps * 0.02;
    return Math.max(1, Math.round(reference * (1 + offsetBps / 10_000)));
  };
}

/** PMM settings scaled to a market: ~2,000 quote per level, inventory for 20 levels either way. */
export function demoConfig(spec: MarketSpec): PmmConfig {
  const reference = referenceTicks(spec);
  const tick = Number(spec.tickSize);
  const lot = Number(spec.lotSize);
  // Sizing only: floats are fine here, orders carry exact decimal strings.
  const lotValue = reference * tick * lot;
  const orderSize = Math.max(1, Math.round(QUOTE_NOTIONAL / lotValue));
  // The market's minimum notional with a 20% margin for the mid wandering down.
  const minOrderSize = Math.min(
    orderSize,
    Math.max(1, Math.ceil((Number(spec.minNotional) * 1.2) / lotValue)),
  );
  return {
    spreadBps: 20,
    levels: 5,
    levelSpacingBps: 5,
    orderSize,
    minOrderSize,
    targetInventory: orderSize * 20,
    minInventory: 0,
    maxInventory: orderSize * 40,
    inventorySkew: 0.5,
  };
}

async function fund(ask: Ask, account: number, asset: string, amount: string): Promise<void> {
  const reply = (await ask(`account/${account}`, 'credit', {
    txId: `demo-fund-${account}-${asset}`,
    asset,
    amount,
    chain: 'demo',
  })) as { ok: boolean; code?: string };
  if (!reply.ok) throw new Error(`funding demo account ${account}: ${reply.code}`);
}

export async function startDemoMarketMaking(
  path: OrderPath,
  ask: Ask,
  markets: readonly MarketSpec[],
  options: { refreshMs?: number; takerEveryMs?: number; onError?: (error: unknown) => void } = {},
): Promise<DemoMarketMaking> {
  const makers: MarketMaker[] = [];
  for (const [i, spec] of markets.entries()) {
    const config = demoConfig(spec);
    const account = DEMO_MAKER_ACCOUNT + i;
    const reference = Number(spec.referencePrice);
    // The target inventory in base, and twice its value in quote (deposits are idempotent by id).
    const base = lotsToSize(spec, config.targetInventory);
    await fund(ask, account, spec.base, base);
    await fund(ask, account, spec.quote, String(Math.ceil(Number(base) * reference * 2)));
    await fund(ask, DEMO_TAKER_ACCOUNT, spec.base, lotsToSize(spec, config.maxInventory * 10));
    await fund(ask, DEMO_TAKER_ACCOUNT, spec.quote, String(Math.ceil(Number(base) * reference * 20)));
    const maker = new MarketMaker(path, ask, {
      spec,
      account,
      config,
      mid: wanderingMid(spec, 7 + i),
      refreshMs: options.refreshMs ?? 2_000,
      ...(options.onError ? { onError: options.onError } : {}),
    });
    maker.start();
    makers.push(maker);
  }

  // The noise trader: a small IOC across the spread on a random market now and then.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let ids = 0;
  let takerTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const take = async () => {
    const i = Math.floor(random() * markets.length);
    const spec = markets[i]!;
    const maker = makers[i]!;
    const mid = maker.status.lastMid;
    if (mid === null) return;
    const buy = random() < 0.5;
    const price = Math.round(mid * (buy ? 1.01 : 0.99));
    await path.placeOrder(DEMO_TAKER_ACCOUNT, {
      clientOrderId: `demo-taker-${Date.now().toString(36)}-${++ids}`,
      market: spec.symbol,
      side: buy ? 'BUY' : 'SELL',
      type: 'IOC',
      price: ticksToPrice(spec, price),
      size: lotsToSize(
        spec,
        Math.max(1, Math.round((maker.status.config.orderSize * (1 + random() * 2)) / 4)),
      ),
    });
  };
  const loop = () => {
    if (stopped) return;
    take()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) takerTimer = setTimeout(loop, (options.takerEveryMs ?? 1_000) * (0.5 + random()));
      });
  };
  takerTimer = setTimeout(loop, options.takerEveryMs ?? 1_000);

  return {
    makers,
    async stop() {
      stopped = true;
      clearTimeout(takerTimer);
      await Promise.all(makers.map((maker) => maker.stop()));
    },
  };
}
