/**
 * Random command streams for the book's property and differential tests. A stream is drawn as
 * *intents* (fast-check arbitraries that know nothing about order ids) and resolved into
 * commands by `resolveIntents`, which numbers new orders itself and aims cancels and amends at
 * ids it has issued. So a stream depends only on its seed, never on the book it is fed to, and
 * fast-check can shrink it like any array.
 *
 * Prices stay in a narrow range around 100 so that orders cross often; a few intents are
 * deliberately invalid (bad fields, sizes beyond the limits, prices outside the band, unknown
 * ids, another account's order) so validation is exercised too.
 */

import fc from 'fast-check';

import type {
  BookCommand,
  BookConfig,
  MarketStatus,
  OrderType,
  PlaceOrder,
  Side,
  StpMode,
} from '../types.ts';

/** Configs the random streams are meant for (prices 85..115, sizes mostly 1..20). */
export const RANDOM_CONFIGS: readonly BookConfig[] = [
  { symbol: 'PLAIN', minSize: 1, maxSize: 50, minNotional: 0, priceBandBps: 0 },
  { symbol: 'BANDED', minSize: 1, maxSize: 50, minNotional: 150, priceBandBps: 1000, referencePrice: 100 },
  { symbol: 'LIMITS', minSize: 2, maxSize: 30, minNotional: 0, priceBandBps: 1200 },
];

interface PlaceIntent {
  kind: 'place';
  /** New id (most of the time) or one issued before (a duplicate, or the reuse of a dead id). */
  fresh: boolean;
  ref: number;
  account: number;
  side: Side;
  orderType: OrderType;
  price: number;
  size: number;
  quote: number;
  /** Distance of the stop price beyond 100 in the direction that does not trigger at once. */
  stopPrice: number;
  byQuote: boolean;
  postOnly: boolean;
  stp: StpMode | undefined;
  stpGroup: number | undefined;
  /** 0: valid; otherwise one kind of malformed field. */
  defect: number;
}

interface CancelIntent {
  kind: 'cancel' | 'amend';
  /** Picks a recently issued id. */
  ref: number;
  /** 0: the owner, 1: another account, 2: an id never issued. */
  who: number;
  price: number | undefined;
  size: number | undefined;
}

interface CancelAllIntent {
  kind: 'cancelAll';
  account: number;
}

interface StatusIntent {
  kind: 'setStatus';
  status: MarketStatus;
}

export type Intent = PlaceIntent | CancelIntent | CancelAllIntent | StatusIntent;

const ACCOUNTS = 4;

/**
 * Distance from 100 away from the other side: a BUY at offset k is priced 100 - k, a SELL
 * 100 + k. Mostly passive (the book builds depth), sometimes aggressive (it crosses), rarely far
 * (outside the band).
 */
const offset = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: -2, max: 8 }) },
  { weight: 2, arbitrary: fc.integer({ min: -15, max: 15 }) },
);
const priced = (side: Side, k: number): number => (side === 'BUY' ? 100 - k : 100 + k);
const size = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 25, max: 60 }) },
);

const placeIntent: fc.Arbitrary<PlaceIntent> = fc.record({
  kind: fc.constant('place' as const),
  fresh: fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  ref: fc.nat(),
  account: fc.integer({ min: 1, max: ACCOUNTS }),
  side: fc.constantFrom<Side>('BUY', 'SELL'),
  orderType: fc.oneof(
    { weight: 10, arbitrary: fc.constant<OrderType>('LIMIT') },
    { weight: 2, arbitrary: fc.constant<OrderType>('IOC') },
    { weight: 2, arbitrary: fc.constant<OrderType>('FOK') },
    { weight: 1, arbitrary: fc.constant<OrderType>('FOK_BUDGET') },
    { weight: 2, arbitrary: fc.constant<OrderType>('MARKET') },
    { weight: 2, arbitrary: fc.constant<OrderType>('STOP_LIMIT') },
    { weight: 2, arbitrary: fc.constant<OrderType>('STOP_MARKET') },
  ),
  price: offset,
  size,
  quote: fc.integer({ min: 50, max: 3_000 }),
  stopPrice: fc.integer({ min: -1, max: 6 }),
  byQuote: fc.boolean(),
  postOnly: fc.oneof(
    { weight: 4, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  stp: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<StpMode>('NONE', 'CANCEL_RESTING', 'CANCEL_INCOMING', 'CANCEL_BOTH'),
    },
    { weight: 1, arbitrary: fc.constant<StpMode>('DECREMENT_AND_CANCEL') },
  ),
  stpGroup: fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(9) },
  ),
  defect: fc.oneof(
    { weight: 30, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }) },
  ),
});

const cancelIntent = (kind: 'cancel' | 'amend'): fc.Arbitrary<CancelIntent> =>
  fc.record({
    kind: fc.constant(kind),
    ref: fc.nat({ max: 8 }),
    who: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 2) }),
    price: fc.option(offset, { freq: 2 }).map((p) => p ?? undefined),
    size: fc.option(fc.integer({ min: 1, max: 25 }), { freq: 2 }).map((s) => s ?? undefined),
  });

/** One command intent; weights give mostly places, a fair share of cancels and amends. */
export const intentArbitrary: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 60, arbitrary: placeIntent },
  { weight: 20, arbitrary: cancelIntent('cancel') },
  { weight: 12, arbitrary: cancelIntent('amend') },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancelAll' as const),
      account: fc.integer({ min: 1, max: ACCOUNTS }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('setStatus' as const),
      status: fc.oneof(
        { weight: 15, arbitrary: fc.constant<MarketStatus>('OPEN') },
        { weight: 1, arbitrary: fc.constantFrom<MarketStatus>('HALTED', 'CANCEL_ONLY', 'POST_ONLY') },
      ),
    }),
  },
);

/**
 * Turns intents into commands. New orders get ids 1, 2, 3, ...; cancels and amends aim at one of
 * the last 9 ids of orders that may rest (LIMIT and stops, not yet cancelled by this stream;
 * they may have traded away meanwhile), as their owner unless the intent says otherwise.
 */
export function resolveIntents(intents: readonly Intent[]): BookCommand[] {
  const issued: { orderId: number; account: number; side: Side }[] = [];
  let next = 0;
  const out: BookCommand[] = [];
  for (const intent of intents) {
    switch (intent.kind) {
      case 'place': {
        const old = issued.length > 0 && !intent.fresh ? issued[intent.ref % issued.length] : undefined;
        const orderId = old?.orderId ?? ++next;
        const rests = intent.orderType === 'LIMIT' || intent.orderType.startsWith('STOP');
        if (rests) issued.push({ orderId, account: intent.account, side: intent.side });
        out.push(placeCommand(orderId, intent));
        break;
      }
      case 'cancel':
      case 'amend': {
        const target = issued[issued.length - 1 - (intent.ref % Math.max(1, issued.length))];
        const orderId = intent.who === 2 || target === undefined ? next + 1_000 : target.orderId;
        const owner = target?.account ?? 1;
        const account = intent.who === 1 ? (owner % ACCOUNTS) + 1 : owner;
        if (intent.kind === 'cancel') {
          out.push({ type: 'cancel', orderId, account });
          if (intent.who === 0 && target !== undefined) issued.splice(issued.indexOf(target), 1);
        } else {
          const price = intent.price === undefined ? undefined : priced(target?.side ?? 'BUY', intent.price);
          out.push({ type: 'amend', orderId, account, price, size: intent.size });
        }
        break;
      }
      case 'cancelAll':
        out.push({ type: 'cancelAll', account: intent.account });
        break;
      case 'setStatus':
        out.push({ type: 'setStatus', status: intent.status });
        break;
    }
  }
  return out;
}

function placeCommand(orderId: number, i: PlaceIntent): PlaceOrder {
  const base = { type: 'place' as const, orderId, account: i.account, side: i.side, orderType: i.orderType };
  const price = priced(i.side, i.price);
  const stopPrice = priced(i.side, -i.stopPrice);
  const risk = {
    ...(i.stp === undefined ? {} : { stp: i.stp }),
    ...(i.stpGroup === undefined ? {} : { stpGroup: i.stpGroup }),
  };
  let fields: Partial<PlaceOrder>;
  switch (i.orderType) {
    case 'LIMIT':
      fields = { price, size: i.size, ...(i.postOnly ? { postOnly: true } : {}) };
      break;
    case 'IOC':
    case 'FOK':
      fields = { price, size: i.size };
      break;
    case 'FOK_BUDGET':
      fields = { size: Math.min(i.size, 8), quote: Math.min(i.size, 8) * ((i.quote % 30) + 85) };
      break;
    case 'MARKET':
      fields = i.byQuote && i.side === 'BUY' ? { quote: i.quote } : { size: i.size };
      break;
    case 'STOP_LIMIT':
      fields = { stopPrice, price, size: i.size };
      break;
    case 'STOP_MARKET':
      fields = { stopPrice, size: i.size };
      break;
  }
  switch (i.defect) {
    case 1:
      fields = { ...fields, price: 0 };
      break;
    case 2:
      fields = { ...fields, size: 2.5 };
      break;
    case 3:
      fields = { ...fields, postOnly: true };
      break;
    case 4:
      fields = { ...fields, quote: -1 };
      break;
    case 5:
      fields = { ...fields, stopPrice: undefined };
      break;
    case 6:
      return { ...base, ...risk, ...fields, orderId: 0 };
  }
  return { ...base, ...risk, ...fields };
}

/** A reproducible stream of `count` commands for `seed`. */
export function randomCommands(seed: number, count: number): BookCommand[] {
  return resolveIntents(fc.sample(intentArbitrary, { seed, numRuns: count }));
}
