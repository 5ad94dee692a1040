import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ActorTree from './ActorTree.svelte';
import { isOperator } from './roles.ts';
import { filterTree, formatUs, matchesSearch, needsAttention, validReason } from './tree.ts';
import type { ActorInfo, ActorTree as Tree } from './tree.ts';

function actor(address: string, over: Partial<ActorInfo> = {}): ActorInfo {
  return {
    address,
    kind: address.split('/')[0]!,
    status: 'RUNNING',
    seq: '42',
    mailboxDepth: 0,
    msgsPerSec: 12.5,
    processed: 1234,
    rejected: 1,
    latency: { count: 100, p50Us: 80, p99Us: 1_500 },
    restarts: 0,
    lastError: null,
    ...over,
  };
}

const fixture: Tree = {
  node: 'node-1',
  at: '2026-11-26T07:00:00.000Z',
  matched: 4,
  truncated: false,
  metricsUrl: '/metrics',
  healthUrl: '/healthz',
  hosts: [
    {
      host: 'shard-0',
      pid: 101,
      down: null,
      deadLetters: 0,
      actorCount: 2,
      actors: [actor('market/BTC-USDT', { restarts: 2 }), actor('account/7', { status: 'PAUSED' })],
    },
    {
      host: 'shard-1',
      pid: 102,
      down: null,
      deadLetters: 3,
      actorCount: 2,
      actors: [
        actor('market/ETH-USDT', {
          lastError: { at: '2026-11-26T06:59:00.000Z', message: 'handler failed: boom' },
        }),
        actor('account/8', { mailboxDepth: 5_000 }),
      ],
    },
    {
      host: 'shard-2',
      pid: null,
      down: 'shard host shard-2 is unavailable',
      deadLetters: 0,
      actorCount: 0,
      actors: [],
    },
  ],
};

describe('ActorTree', () => {
  it('renders node -> host -> actor with counters, highlights and commands', async () => {
    const onCommand = vi.fn();
    render(ActorTree, { props: { tree: fixture, onCommand } });
    const tree = screen.getByTestId('sre-tree');
    expect(within(tree).getByText('node-1')).toBeTruthy();
    expect(screen.getByTestId('sre-host-shard-0')).toBeTruthy();
    expect(screen.getByTestId('sre-host-shard-2').textContent).toContain('shard host shard-2 is unavailable');

    const btc = screen.getByTestId('sre-actor-market/BTC-USDT');
    expect(btc.textContent).toContain('1,234');
    expect(btc.textContent).toContain('1.5 ms');
    expect(screen.getByTestId('sre-restarts-market/BTC-USDT').textContent?.trim()).toBe('2');
    expect(btc.getAttribute('data-attention')).toBe('false');
    expect(screen.getByTestId('sre-actor-account/7').getAttribute('data-attention')).toBe('true');
    const eth = screen.getByTestId('sre-actor-market/ETH-USDT');
    expect(eth.getAttribute('data-attention')).toBe('true');
    expect(eth.textContent).toContain('handler failed: boom');

    // A paused actor offers resume, a running one pause; restart everywhere.
    expect(screen.queryByTestId('sre-resume-account/7')).toBeTruthy();
    expect(screen.queryByTestId('sre-pause-account/7')).toBeNull();
    expect(screen.queryByTestId('sre-pause-market/BTC-USDT')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('sre-restart-market/BTC-USDT'));
    expect(onCommand).toHaveBeenCalledWith(
      expect.objectContaining({ address: 'market/BTC-USDT' }),
      'RESTART',
    );
    await fireEvent.click(screen.getByTestId('sre-resume-account/7'));
    expect(onCommand).toHaveBeenLastCalledWith(expect.objectContaining({ address: 'account/7' }), 'RESUME');
  });

  it('filters actors by address or kind, case-insensitively', async () => {
    const { rerender } = render(ActorTree, { props: { tree: fixture, search: 'btc' } });
    expect(screen.queryByTestId('sre-actor-market/BTC-USDT')).toBeTruthy();
    expect(screen.queryByTestId('sre-actor-market/ETH-USDT')).toBeNull();
    expect(screen.queryByTestId('sre-actor-account/7')).toBeNull();

    await rerender({ tree: fixture, search: 'ACCOUNT' });
    expect(screen.queryByTestId('sre-actor-account/7')).toBeTruthy();
    expect(screen.queryByTestId('sre-actor-account/8')).toBeTruthy();
    expect(screen.queryByTestId('sre-actor-market/BTC-USDT')).toBeNull();

    await rerender({ tree: fixture, search: 'nothing-here' });
    expect(screen.queryAllByText('No actors match.')).toHaveLength(2);
  });

  it('collapses and expands a host', async () => {
    render(ActorTree, { props: { tree: fixture } });
    const toggle = screen.getByTestId('sre-host-toggle-shard-0');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('sre-actor-market/BTC-USDT')).toBeNull();
    expect(screen.queryByTestId('sre-actor-market/ETH-USDT')).toBeTruthy();
    await fireEvent.click(toggle);
    expect(screen.queryByTestId('sre-actor-market/BTC-USDT')).toBeTruthy();
  });
});

describe('sre helpers', () => {
  it('search, attention, reasons, roles, durations', () => {
    expect(matchesSearch({ address: 'market/BTC-USDT', kind: 'market' }, ' Btc ')).toBe(true);
    expect(matchesSearch({ address: 'account/7', kind: 'account' }, 'market')).toBe(false);
    expect(filterTree(fixture, 'market').map((h) => h.actors.length)).toEqual([1, 1, 0]);
    expect(needsAttention(actor('a/1'))).toBe(false);
    expect(needsAttention(actor('a/1', { status: 'FAILED' }))).toBe(true);
    expect(validReason('  ab ')).toBe(false);
    expect(validReason('INC-1')).toBe(true);
    expect(isOperator(['USER', 'SRE'])).toBe(true);
    expect(isOperator(['admin'])).toBe(true);
    expect(isOperator(['USER'])).toBe(false);
    expect(formatUs(950)).toBe('950 µs');
    expect(formatUs(2_500_000)).toBe('2.50 s');
  });
});
