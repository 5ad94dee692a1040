import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  feeEstimate,
  fieldsFor,
  toInput,
  validateOrder,
  type MarketSpec,
  type OrderForm,
} from './order-entry.ts';

const BTC: MarketSpec = {
  symbol: 'BTC-USDT',
  base: 'BTC',
  quote: 'USDT',
  tickSize: '0.01',
  lotSize: '0.00001',
  minSize: '0.00001',
  maxSize: '100',
  maxPrice: '1000000',
  minNotional: '5',
};

const form = (patch: Partial<OrderForm>): OrderForm => ({ ...emptyForm(), ...patch });

describe('fieldsFor', () => {
  it('gives each order type only the fields it takes', () => {
    expect(fieldsFor('LIMIT', 'BUY')).toMatchObject({
      price: true,
      size: true,
      quote: false,
      stopPrice: false,
      postOnly: true,
    });
    expect(fieldsFor('IOC', 'SELL')).toMatchObject({
      price: true,
      size: true,
      quote: false,
      postOnly: false,
    });
    expect(fieldsFor('FOK', 'BUY')).toMatchObject({
      price: true,
      size: true,
      quote: false,
      stopPrice: false,
    });
    expect(fieldsFor('FOK_BUDGET', 'BUY')).toMatchObject({
      price: false,
      size: true,
      quote: true,
      stopPrice: false,
    });
    expect(fieldsFor('MARKET', 'SELL')).toMatchObject({
      price: false,
      size: true,
      quote: false,
      byQuote: false,
    });
    expect(fieldsFor('MARKET', 'BUY', true)).toMatchObject({
      price: false,
      size: false,
      quote: true,
      byQuote: true,
    });
    expect(fieldsFor('STOP_LIMIT', 'BUY')).toMatchObject({
      price: true,
      size: true,
      stopPrice: true,
      postOnly: false,
    });
    expect(fieldsFor('STOP_MARKET', 'SELL')).toMatchObject({ price: false, size: true, stopPrice: true });
  });
});

describe('validateOrder', () => {
  it('accepts a valid limit order', () => {
    expect(validateOrder(form({ price: '65000.01', size: '0.001' }), BTC)).toEqual({});
  });

  it('checks the tick, lot, min and max size and the maximum price', () => {
    const e = validateOrder(form({ price: '65000.001', size: '0.000001' }), BTC);
    expect(e.price).toBe('The price must be a multiple of the tick size 0.01.');
    expect(e.size).toBe('The size must be a multiple of the lot size 0.00001.');
    expect(validateOrder(form({ price: '2000000', size: '101' }), BTC)).toEqual({
      price: 'The price must be at most 1000000.',
      size: 'The size must be at most 100 BTC.',
    });
    expect(validateOrder(form({ price: '1', size: '0' }), BTC).size).toBe(
      'The size must be a positive number.',
    );
    const small = { ...BTC, minSize: '0.001' };
    expect(validateOrder(form({ price: '65000', size: '0.0005' }), small).size).toBe(
      'The size must be at least 0.001 BTC.',
    );
  });

  it('checks the minimum order value', () => {
    expect(validateOrder(form({ price: '100', size: '0.01' }), BTC).size).toBe(
      'The order value 1 USDT is below the minimum of 5 USDT.',
    );
    expect(validateOrder(form({ price: '500', size: '0.01' }), BTC)).toEqual({});
  });

  it('asks for missing fields by type', () => {
    expect(validateOrder(form({ type: 'STOP_LIMIT' }), BTC)).toEqual({
      price: 'Enter a price.',
      stopPrice: 'Enter a stop price.',
      size: 'Enter a size.',
    });
    expect(validateOrder(form({ type: 'MARKET', side: 'BUY', byQuote: true }), BTC)).toEqual({
      quote: 'Enter an amount in USDT.',
    });
    expect(validateOrder(form({ type: 'FOK_BUDGET', size: '0.1', quote: '1.234' }), BTC)).toEqual({
      quote: 'The amount must be at least 5 USDT.',
    });
    expect(
      validateOrder(form({ type: 'MARKET', side: 'BUY', byQuote: true, quote: '10.1234567890' }), BTC).quote,
    ).toBe('The amount can have at most 7 decimals.');
    expect(validateOrder(form({ type: 'STOP_MARKET', stopPrice: 'abc', size: '1' }), BTC).stopPrice).toBe(
      'The stop price must be a positive number.',
    );
  });
});

describe('toInput', () => {
  it('sends only the fields the type takes', () => {
    const f = form({
      type: 'MARKET',
      side: 'BUY',
      byQuote: true,
      quote: '100',
      price: '1',
      size: '2',
      postOnly: true,
    });
    expect(toInput(f, 'BTC-USDT', 'c1')).toEqual({
      clientOrderId: 'c1',
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'MARKET',
      quote: '100',
      stp: 'NONE',
    });
    const limit = form({ price: ' 65000 ', size: '0.1', postOnly: true, stp: 'CANCEL_BOTH' });
    expect(toInput(limit, 'BTC-USDT', 'c2')).toEqual({
      clientOrderId: 'c2',
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '65000',
      size: '0.1',
      postOnly: true,
      stp: 'CANCEL_BOTH',
    });
  });
});

describe('feeEstimate', () => {
  const tier = { makerBps: 2, takerBps: 10 };
  it('uses the taker rate (worst case) for a plain limit and crossing types; a buy pays in base', () => {
    expect(feeEstimate(form({ price: '65000', size: '0.1' }), BTC, tier)).toEqual({
      liquidity: 'taker',
      bps: 10,
      notional: '6500',
      fee: '0.0001',
      asset: 'BTC',
    });
    expect(feeEstimate(form({ type: 'IOC', price: '65000', size: '0.1' }), BTC, tier).bps).toBe(10);
  });
  it('uses the maker rate for post-only', () => {
    const e = feeEstimate(form({ price: '65000', size: '0.1', postOnly: true }), BTC, tier);
    expect(e.liquidity).toBe('maker');
    expect(e.fee).toBe('0.00002');
  });
  it('a sell pays in quote on the order value', () => {
    expect(feeEstimate(form({ side: 'SELL', price: '65000', size: '0.1' }), BTC, tier)).toMatchObject({
      fee: '6.5',
      asset: 'USDT',
    });
  });
  it('estimates a market order from the reference price and a budget from its amount', () => {
    expect(
      feeEstimate(form({ type: 'MARKET', side: 'SELL', size: '0.5' }), BTC, tier, '60000'),
    ).toMatchObject({ notional: '30000', fee: '30' });
    expect(feeEstimate(form({ type: 'MARKET', side: 'SELL', size: '0.5' }), BTC, tier, null).fee).toBeNull();
    expect(feeEstimate(form({ type: 'FOK_BUDGET', size: '1', quote: '250' }), BTC, tier)).toMatchObject({
      fee: '0.25',
      asset: 'USDT',
    });
    expect(feeEstimate(form({ type: 'MARKET', byQuote: true, quote: '1000' }), BTC, tier)).toMatchObject({
      fee: '1',
      asset: 'USDT',
    });
  });
});
