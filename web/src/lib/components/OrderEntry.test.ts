import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '$lib/api/errors.ts';
import type { PlaceOrderInput } from '$lib/order-entry.ts';
import type { Order } from '$lib/types.ts';
import OrderEntry from './OrderEntry.svelte';

const market = {
  symbol: 'BTC-USDT',
  base: 'BTC',
  quote: 'USDT',
  tickSize: '0.01',
  lotSize: '0.00001',
  minSize: '0.0001',
  maxSize: '100',
  maxPrice: '1000000',
  minNotional: '5',
};

function placed(input: PlaceOrderInput): Order {
  return {
    id: '1',
    clientOrderId: input.clientOrderId,
    market: input.market,
    side: input.side,
    type: input.type,
    status: 'NEW',
    price: input.price ?? null,
    stopPrice: null,
    size: input.size ?? null,
    quote: null,
    postOnly: false,
    stp: input.stp,
    filledSize: '0',
    remainingSize: input.size ?? '0',
    filledNotional: '0',
    averagePrice: null,
    triggered: false,
    createdAt: '2026-11-26T07:00:00.000Z',
    updatedAt: '2026-11-26T07:00:00.000Z',
  };
}

function setup(props: Record<string, unknown> = {}) {
  const place = vi.fn(async (input: PlaceOrderInput) => placed(input));
  const result = render(OrderEntry, {
    props: { market, place, feeTier: { makerBps: 2, takerBps: 10 }, ...props },
  });
  return { place, ...result };
}

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('OrderEntry', () => {
  it('shows only the fields each order type needs', async () => {
    setup();
    const select = screen.getByTestId('order-type');
    expect(screen.getByTestId('order-price')).toBeTruthy();
    expect(screen.getByTestId('order-post-only')).toBeTruthy();
    expect(screen.queryByTestId('order-stop-price')).toBeNull();

    await fireEvent.change(select, { target: { value: 'STOP_LIMIT' } });
    expect(screen.getByTestId('order-stop-price')).toBeTruthy();
    expect(screen.getByTestId('order-price')).toBeTruthy();
    expect(screen.queryByTestId('order-post-only')).toBeNull();

    await fireEvent.change(select, { target: { value: 'MARKET' } });
    expect(screen.queryByTestId('order-price')).toBeNull();
    expect(screen.queryByTestId('order-stop-price')).toBeNull();
    expect(screen.getByTestId('order-size')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('order-by-quote'));
    expect(screen.queryByTestId('order-size')).toBeNull();
    expect(screen.getByTestId('order-quote')).toBeTruthy();

    await fireEvent.change(select, { target: { value: 'FOK_BUDGET' } });
    expect(screen.getByTestId('order-quote')).toBeTruthy();
    expect(screen.getByTestId('order-size')).toBeTruthy();
    expect(screen.queryByTestId('order-price')).toBeNull();

    await fireEvent.change(select, { target: { value: 'STOP_MARKET' } });
    expect(screen.getByTestId('order-stop-price')).toBeTruthy();
    expect(screen.queryByTestId('order-price')).toBeNull();
  });

  it('shows tick, lot, min, max and notional messages and does not send an invalid order', async () => {
    const { place } = setup();
    await type(screen.getByTestId('order-price'), '65000.005');
    await type(screen.getByTestId('order-size'), '0.000015');
    await fireEvent.click(screen.getByTestId('order-submit'));
    expect(screen.getByTestId('error-price').textContent).toBe(
      'The price must be a multiple of the tick size 0.01.',
    );
    expect(screen.getByTestId('error-size').textContent).toBe(
      'The size must be a multiple of the lot size 0.00001.',
    );

    await type(screen.getByTestId('order-price'), '100');
    await type(screen.getByTestId('order-size'), '0.00002');
    expect(screen.queryByTestId('error-price')).toBeNull();
    expect(screen.getByTestId('error-size').textContent).toBe('The size must be at least 0.0001 BTC.');

    await type(screen.getByTestId('order-size'), '200');
    expect(screen.getByTestId('error-size').textContent).toBe('The size must be at most 100 BTC.');

    await type(screen.getByTestId('order-size'), '0.01');
    expect(screen.getByTestId('error-size').textContent).toBe(
      'The order value 1 USDT is below the minimum of 5 USDT.',
    );
    expect(place).not.toHaveBeenCalled();
  });

  it('submits with Enter, switches side with B/S, clears with Esc', async () => {
    const { place } = setup();
    const price = screen.getByTestId('order-price') as HTMLInputElement;
    await type(price, '65000');
    await type(screen.getByTestId('order-size'), '0.1');
    expect(screen.getByTestId('order-fee').textContent).toContain('0.0001 BTC');
    expect(screen.getByTestId('order-notional').textContent).toContain('6500 USDT');

    await fireEvent.keyDown(price, { key: 's' });
    expect(screen.getByTestId('side-sell').getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(price, { key: 'B' });
    expect(screen.getByTestId('side-buy').getAttribute('aria-selected')).toBe('true');

    await fireEvent.click(screen.getByTestId('order-post-only'));
    expect(screen.getByTestId('order-fee').textContent).toContain('0.00002 BTC');

    // Enter in a field submits the form.
    await fireEvent.submit(price.form!);
    await waitFor(() => expect(place).toHaveBeenCalledTimes(1));
    expect(place.mock.calls[0]![0]).toMatchObject({
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '65000',
      size: '0.1',
      postOnly: true,
      stp: 'NONE',
    });
    await waitFor(() => expect(screen.getByTestId('order-result').textContent).toContain('new'));

    await type(screen.getByTestId('order-size'), '0.2');
    await fireEvent.keyDown(price, { key: 'Escape' });
    expect(price.value).toBe('');
    expect((screen.getByTestId('order-size') as HTMLInputElement).value).toBe('');

    // Enter with nothing focused submits too (and validation stops an empty form).
    await fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(screen.getByTestId('error-price').textContent).toBe('Enter a price.');
    expect(place).toHaveBeenCalledTimes(1);
  });

  it('shows a server refusal as a clear message', async () => {
    const onrefused = vi.fn();
    const place = vi.fn(async () => {
      throw new ApiError('MARKET_HALTED', 'market BTC-USDT is halted');
    });
    render(OrderEntry, { props: { market, place, onrefused } });
    await type(screen.getByTestId('order-price'), '65000');
    await type(screen.getByTestId('order-size'), '0.1');
    await fireEvent.click(screen.getByTestId('order-submit'));
    await waitFor(() => expect(screen.getByTestId('order-error').textContent).toBe('This market is halted.'));
    expect(onrefused).toHaveBeenCalledTimes(1);
  });

  it('reports a REJECTED order and asks the page to re-read the market', async () => {
    const onrefused = vi.fn();
    const place = vi.fn(async (input: PlaceOrderInput) => ({
      ...placed(input),
      status: 'REJECTED' as const,
    }));
    render(OrderEntry, { props: { market, place, onrefused } });
    await type(screen.getByTestId('order-price'), '65000');
    await type(screen.getByTestId('order-size'), '0.1');
    await fireEvent.click(screen.getByTestId('order-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('order-error').textContent).toBe('The exchange rejected the order.'),
    );
    expect(screen.queryByTestId('order-result')).toBeNull();
    expect(onrefused).toHaveBeenCalledTimes(1);
  });

  it('takes the price picked on the book', async () => {
    setup({ price: '64999.5' });
    expect((screen.getByTestId('order-price') as HTMLInputElement).value).toBe('64999.5');
  });
});
