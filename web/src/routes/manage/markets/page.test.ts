import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminMarkets, setMarketStatus } from '$lib/admin/api.ts';
import type { AdminMarket } from '$lib/admin/api.ts';
import Page from './+page.svelte';

vi.mock('$lib/admin/api.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/admin/api.ts')>()),
  adminMarkets: vi.fn(),
  setMarketStatus: vi.fn(),
}));

const btc: AdminMarket = {
  symbol: 'BTC-USDT',
  base: 'BTC',
  quote: 'USDT',
  tickSize: '0.01',
  lotSize: '0.00001',
  maxPrice: '1000000',
  referencePrice: '65000',
  status: 'OPEN',
  limits: { minSize: '0.00001', maxSize: '100', minNotional: '5', priceBandBps: 1000, maxSizeCeiling: '100' },
  live: true,
  createdBy: null,
  createdAt: null,
};

afterEach(() => {
  vi.mocked(adminMarkets).mockReset();
  vi.mocked(setMarketStatus).mockReset();
});

describe('/manage/markets', () => {
  it('halt waits for a reason, then runs with it and shows the new status', async () => {
    vi.mocked(adminMarkets).mockResolvedValue([btc, { ...btc, symbol: 'ETH-BTC', live: false }]);
    vi.mocked(setMarketStatus).mockImplementation(async (symbol, status) => ({ ...btc, symbol, status }));
    render(Page);
    await screen.findByTestId('market-row-BTC-USDT');
    // A market whose creation did not finish is marked; a live one is not.
    expect(screen.getByTestId('market-row-ETH-BTC').textContent).toContain('not served');
    expect(screen.queryByTestId('market-not-live-BTC-USDT')).toBeNull();
    expect(screen.getByTestId('market-row-BTC-USDT').textContent).not.toContain('restart');
    expect((screen.getByTestId('market-resume-BTC-USDT') as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.click(screen.getByTestId('market-halt-BTC-USDT'));
    expect(setMarketStatus).not.toHaveBeenCalled();
    expect(screen.getByTestId('admin-pending').textContent).toContain('Halt BTC-USDT');
    await fireEvent.input(screen.getByTestId('admin-reason'), { target: { value: 'incident 42' } });
    await fireEvent.click(screen.getByTestId('admin-confirm'));
    expect(setMarketStatus).toHaveBeenCalledWith('BTC-USDT', 'HALTED', 'incident 42');
    await waitFor(() =>
      expect(screen.getByTestId('market-status-BTC-USDT').textContent?.trim()).toBe('halted'),
    );

    // With a reason already given, the next command runs at once.
    await fireEvent.click(screen.getByTestId('market-cancel-only-BTC-USDT'));
    expect(setMarketStatus).toHaveBeenLastCalledWith('BTC-USDT', 'CANCEL_ONLY', 'incident 42');
    await waitFor(() =>
      expect(screen.getByTestId('market-status-BTC-USDT').textContent?.trim()).toBe('cancel-only'),
    );
  });

  it('a refusal shows the typed error and leaves the status as it was', async () => {
    vi.mocked(adminMarkets).mockResolvedValue([btc]);
    const { ApiError } = await import('$lib/api/errors.ts');
    vi.mocked(setMarketStatus).mockRejectedValue(new ApiError('FORBIDDEN', 'Admins only.'));
    render(Page);
    await screen.findByTestId('market-row-BTC-USDT');
    await fireEvent.input(screen.getByTestId('admin-reason'), { target: { value: 'incident 43' } });
    await fireEvent.click(screen.getByTestId('market-halt-BTC-USDT'));
    await waitFor(() => expect(screen.getByTestId('admin-result').textContent).toContain('FORBIDDEN'));
    expect(screen.getByTestId('market-status-BTC-USDT').textContent?.trim()).toBe('open');
  });
});
