import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { session } from '$lib/api/session.svelte.ts';
import { fetchTree, runCommand } from '$lib/sre/tree.ts';
import type { ActorInfo, ActorTree } from '$lib/sre/tree.ts';
import Page from './+page.svelte';

vi.mock('$lib/sre/tree.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/sre/tree.ts')>()),
  fetchTree: vi.fn(),
  runCommand: vi.fn(),
}));

const btc: ActorInfo = {
  address: 'market/BTC-USDT',
  kind: 'market',
  status: 'RUNNING',
  seq: '10',
  mailboxDepth: 0,
  msgsPerSec: 1,
  processed: 10,
  rejected: 0,
  latency: { count: 10, p50Us: 50, p99Us: 120 },
  restarts: 0,
  lastError: null,
};
const tree: ActorTree = {
  node: 'node-1',
  at: '2026-11-26T07:00:00.000Z',
  matched: 1,
  truncated: false,
  metricsUrl: '/metrics',
  healthUrl: '/healthz',
  hosts: [{ host: 'shard-0', pid: 1, down: null, deadLetters: 0, actorCount: 1, actors: [btc] }],
};

function signIn(roles: string[]): void {
  session.set(
    {
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    },
    { id: '1', email: 'sre@example.com', account: '1', roles, mfaEnabled: true },
  );
}

afterEach(() => {
  session.clear();
  vi.mocked(fetchTree).mockReset();
  vi.mocked(runCommand).mockReset();
});

describe('/sre page', () => {
  it('shows the tree; a restart asks for a reason, runs, and the counter goes up', async () => {
    signIn(['USER', 'SRE']);
    let restarts = 0;
    vi.mocked(fetchTree).mockImplementation(async () => ({
      ...tree,
      hosts: [{ ...tree.hosts[0]!, actors: [{ ...btc, restarts }] }],
    }));
    vi.mocked(runCommand).mockImplementation(async () => ({ ...btc, restarts: ++restarts }));
    render(Page);
    await screen.findByTestId('sre-tree');
    expect(screen.getByTestId('sre-metrics').getAttribute('href')).toBe('/metrics');
    expect(screen.getByTestId('sre-restarts-market/BTC-USDT').textContent?.trim()).toBe('0');

    await fireEvent.click(screen.getByTestId('sre-restart-market/BTC-USDT'));
    expect(screen.getByTestId('sre-pending').textContent).toContain('market/BTC-USDT');
    expect(runCommand).not.toHaveBeenCalled();
    const reason = screen.getByTestId('sre-reason');
    await fireEvent.input(reason, { target: { value: 'INC-1 stuck mailbox' } });
    await fireEvent.keyDown(reason, { key: 'Enter' });
    expect(runCommand).toHaveBeenCalledWith('market/BTC-USDT', 'RESTART', 'INC-1 stuck mailbox');
    await waitFor(() =>
      expect(screen.getByTestId('sre-restarts-market/BTC-USDT').textContent?.trim()).toBe('1'),
    );
    // With a reason given, the next command runs at once.
    await fireEvent.click(screen.getByTestId('sre-pause-market/BTC-USDT'));
    expect(runCommand).toHaveBeenLastCalledWith('market/BTC-USDT', 'PAUSE', 'INC-1 stuck mailbox');
  });

  it('errors are shown with the FORBIDDEN hint; users without the role see no tree', async () => {
    signIn(['USER', 'SRE']);
    const { ApiError } = await import('$lib/api/errors.ts');
    vi.mocked(fetchTree).mockRejectedValue(
      new ApiError('FORBIDDEN', 'SRE commands need a session that passed MFA.'),
    );
    const { unmount } = render(Page);
    expect((await screen.findByTestId('sre-error')).textContent).toContain('two-factor');
    unmount();

    signIn(['USER']);
    render(Page);
    expect(screen.getByTestId('sre-forbidden')).toBeTruthy();
    expect(screen.queryByTestId('sre-tree')).toBeNull();
  });
});
