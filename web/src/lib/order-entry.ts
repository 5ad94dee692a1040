import { cmp, mul, mulBps, placesOf } from './decimal.ts';
import { decimalsOf, isDecimal, isMultipleOf } from './format.ts';
import type { FeeTier, Market, OrderType, Side, StpMode } from './types.ts';

/**
 * Order entry as pure functions: which fields an order type takes, client-side validation
 * against the market's tick/lot/min/max/notional (the server checks again), the placeOrder
 * input, and a fee estimate from the account's tier.
 */

export type MarketSpec = Pick<
  Market,
  'symbol' | 'base' | 'quote' | 'tickSize' | 'lotSize' | 'minSize' | 'maxSize' | 'maxPrice' | 'minNotional'
>;

export interface OrderForm {
  side: Side;
  type: OrderType;
  price: string;
  size: string;
  /** Quote amount: FOK_BUDGET's budget, or a MARKET buy by quote. */
  quote: string;
  stopPrice: string;
  postOnly: boolean;
  stp: StpMode;
  /** MARKET BUY sized by quote amount instead of base size. */
  byQuote: boolean;
}

export type Field = 'price' | 'size' | 'quote' | 'stopPrice';
export type FormErrors = Partial<Record<Field, string>>;

export interface Fields {
  price: boolean;
  size: boolean;
  quote: boolean;
  stopPrice: boolean;
  postOnly: boolean;
  /** Offer the "by quote amount" switch (MARKET BUY). */
  byQuote: boolean;
}

export function emptyForm(side: Side = 'BUY', type: OrderType = 'LIMIT'): OrderForm {
  return {
    side,
    type,
    price: '',
    size: '',
    quote: '',
    stopPrice: '',
    postOnly: false,
    stp: 'NONE',
    byQuote: false,
  };
}

/** The inputs an order type needs (the gateway refuses any other). */
export function fieldsFor(type: OrderType, side: Side, byQuote = false): Fields {
  const marketByQuote = type === 'MARKET' && side === 'BUY' && byQuote;
  return {
    price: type === 'LIMIT' || type === 'IOC' || type === 'FOK' || type === 'STOP_LIMIT',
    size: !marketByQuote,
    quote: type === 'FOK_BUDGET' || marketByQuote,
    stopPrice: type === 'STOP_LIMIT' || type === 'STOP_MARKET',
    postOnly: type === 'LIMIT',
    byQuote: type === 'MARKET' && side === 'BUY',
  };
}

/** Types that may trade immediately against the book (fee: taker). */
export function crosses(type: OrderType): boolean {
  return type !== 'LIMIT';
}

function checkPrice(label: string, text: string, m: MarketSpec): string | undefined {
  const value = text.trim();
  if (value === '') return `Enter a ${label}.`;
  if (!isDecimal(value)) return `The ${label} must be a positive number.`;
  if (!isMultipleOf(value, m.tickSize))
    return `The ${label} must be a multiple of the tick size ${m.tickSize}.`;
  if (cmp(value, m.maxPrice) > 0) return `The ${label} must be at most ${m.maxPrice}.`;
  return undefined;
}

function checkSize(text: string, m: MarketSpec): string | undefined {
  const value = text.trim();
  if (value === '') return 'Enter a size.';
  if (!isDecimal(value)) return 'The size must be a positive number.';
  if (!isMultipleOf(value, m.lotSize)) return `The size must be a multiple of the lot size ${m.lotSize}.`;
  if (cmp(value, m.minSize) < 0) return `The size must be at least ${m.minSize} ${m.base}.`;
  if (cmp(value, m.maxSize) > 0) return `The size must be at most ${m.maxSize} ${m.base}.`;
  return undefined;
}

function checkQuote(text: string, m: MarketSpec): string | undefined {
  const value = text.trim();
  if (value === '') return `Enter an amount in ${m.quote}.`;
  if (!isDecimal(value)) return 'The amount must be a positive number.';
  const places = decimalsOf(m.tickSize) + decimalsOf(m.lotSize);
  if (placesOf(value) > places) return `The amount can have at most ${places} decimals.`;
  if (cmp(value, m.minNotional) < 0) return `The amount must be at least ${m.minNotional} ${m.quote}.`;
  return undefined;
}

/** Every problem of the form, by field ({} when it may be sent). */
export function validateOrder(form: OrderForm, m: MarketSpec): FormErrors {
  const f = fieldsFor(form.type, form.side, form.byQuote);
  const errors: FormErrors = {};
  if (f.price) {
    const e = checkPrice('price', form.price, m);
    if (e) errors.price = e;
  }
  if (f.stopPrice) {
    const e = checkPrice('stop price', form.stopPrice, m);
    if (e) errors.stopPrice = e;
  }
  if (f.size) {
    const e = checkSize(form.size, m);
    if (e) errors.size = e;
  }
  if (f.quote) {
    const e = checkQuote(form.quote, m);
    if (e) errors.quote = e;
  }
  // Minimum order value where the price is known (limit price, else the stop price).
  if (!errors.size && f.size && cmp(m.minNotional, '0') > 0) {
    const p =
      f.price && !errors.price
        ? form.price.trim()
        : f.stopPrice && !errors.stopPrice
          ? form.stopPrice.trim()
          : '';
    if (p !== '') {
      const notional = mul(p, form.size.trim());
      if (cmp(notional, m.minNotional) < 0) {
        errors.size = `The order value ${notional} ${m.quote} is below the minimum of ${m.minNotional} ${m.quote}.`;
      }
    }
  }
  return errors;
}

export function isValid(errors: FormErrors): boolean {
  return Object.keys(errors).length === 0;
}

export interface PlaceOrderInput {
  clientOrderId: string;
  market: string;
  side: Side;
  type: OrderType;
  price?: string;
  size?: string;
  quote?: string;
  stopPrice?: string;
  postOnly?: boolean;
  stp: StpMode;
}

/** The placeOrder input for a valid form: only the fields its type takes. */
export function toInput(form: OrderForm, market: string, clientOrderId: string): PlaceOrderInput {
  const f = fieldsFor(form.type, form.side, form.byQuote);
  return {
    clientOrderId,
    market,
    side: form.side,
    type: form.type,
    ...(f.price ? { price: form.price.trim() } : {}),
    ...(f.size ? { size: form.size.trim() } : {}),
    ...(f.quote ? { quote: form.quote.trim() } : {}),
    ...(f.stopPrice ? { stopPrice: form.stopPrice.trim() } : {}),
    ...(f.postOnly && form.postOnly ? { postOnly: true } : {}),
    stp: form.stp,
  };
}

export function newClientOrderId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `web-${Date.now().toString(36)}-${random}`;
}

export interface FeeEstimate {
  /** 'maker' (post-only), 'taker' (crossing types, and a plain limit's worst case). */
  liquidity: 'maker' | 'taker';
  bps: number;
  /** Estimated order value in quote, null when no price is known. */
  notional: string | null;
  /** Estimated fee (negative: a rebate), null when it cannot be estimated yet. */
  fee: string | null;
  /** The fee's asset: fees come out of what the order receives (base for a buy, quote for a sell). */
  asset: string;
}

/**
 * The fee to expect: maker for a post-only limit, else the worst case (taker). Fees are taken
 * from what is received: a buy by size pays size × bps in base; a sell pays value × bps in quote;
 * a buy by quote amount (size unknown) is estimated as amount × bps in quote. The order value is
 * price × size, the quote amount, or size × `reference` (best opposite price) for market and
 * stop-market orders.
 */
export function feeEstimate(
  form: OrderForm,
  m: MarketSpec,
  tier: Pick<FeeTier, 'makerBps' | 'takerBps'>,
  reference: string | null = null,
): FeeEstimate {
  const f = fieldsFor(form.type, form.side, form.byQuote);
  const maker = form.type === 'LIMIT' && form.postOnly;
  const bps = maker ? tier.makerBps : tier.takerBps;
  let notional: string | null = null;
  const size = form.size.trim();
  const quoteGiven = f.quote && isDecimal(form.quote.trim());
  if (quoteGiven) notional = form.quote.trim();
  else if (f.size && isDecimal(size)) {
    const p = f.price ? form.price.trim() : f.stopPrice ? form.stopPrice.trim() : (reference ?? '');
    if (isDecimal(p)) notional = mul(p, size);
  }
  const quotePlaces = decimalsOf(m.tickSize) + decimalsOf(m.lotSize);
  const basePlaces = Math.max(8, decimalsOf(m.lotSize) + 4);
  let fee: string | null = null;
  let asset = m.quote;
  if (form.side === 'BUY' && f.size && !quoteGiven) {
    asset = m.base;
    fee = isDecimal(size) ? mulBps(size, bps, basePlaces) : null;
  } else {
    fee = notional === null ? null : mulBps(notional, bps, quotePlaces);
  }
  return { liquidity: maker ? 'maker' : 'taker', bps, notional, fee, asset };
}
