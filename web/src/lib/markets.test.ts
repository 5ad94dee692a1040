import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql, subscribe } from './api/client.ts';
import { markets } from './markets.svelte.ts';
import type { Market } from './types.ts';

vi.mock('./api/client.ts', () => ({ gql: vi.fn(), subscribe: vi.fn(() => () => undefined) }));

const market = (symbol: string) =>
  ({ symbol, status: 'OPEN', ticker: { symbol, last: null } }) as unknown as Market;
const listed = (...symbols: string[]) => vi.mocked(gql).mockResolvedValue({ markets: symbols.map(market) });
const followed = () =>
  vi.mocked(subscribe).mock.calls.map(([, variables]) => (variables as { symbol: string }).symbol);

afterEach(() => {
  vi.mocked(gql).mockReset();
  vi.mocked(subscribe).mockClear();
});

describe('markets', () => {
  it('markets - follows every listed ticker once, and the ticker of a market created meanwhile', async () => {
    listed('BTC-USDT', 'ETH-USDT');
    const stop = markets.start();
    await vi.waitFor(() => expect(followed()).toEqual(['BTC-USDT', 'ETH-USDT']));

    listed('BTC-USDT', 'ETH-USDT', 'ETH-BTC');
    await markets.refresh();
    expect(markets.list.map((m) => m.symbol)).toEqual(['BTC-USDT', 'ETH-USDT', 'ETH-BTC']);
    expect(followed()).toEqual(['BTC-USDT', 'ETH-USDT', 'ETH-BTC']);
    stop();

    // Stopped: a refresh follows nothing; a new start follows every market again.
    await markets.refresh();
    expect(followed()).toHaveLength(3);
    const again = markets.start();
    await vi.waitFor(() => expect(followed()).toHaveLength(6));
    again();
  });
});
