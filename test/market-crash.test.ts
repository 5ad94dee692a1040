import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook } from '../actors/market/index.ts';
import type { BookCommand, BookConfig, CommandReply } from '../actors/market/index.ts';
import type { Backend } from './backends.ts';
import type { TestCluster } from './cluster.ts';
import { deliverUntilAcknowledged, startCluster } from './cluster.ts';
import { embedded } from './backends.ts';

/**
 * The MarketActor's host process is SIGKILLed in the middle of an order stream. The client retries
 * unacknowledged commands with the same message ids. The recovered book must equal a book that
 * processed every command exactly once, in order (same events, same state hash).
 */

const config: BookConfig = {
  symbol: 'ETH-USDT',
  minSize: 1,
  maxSize: 10_000,
  minNotional: 0,
  priceBandBps: 0,
};
const address = 'market/ETH-USDT';
const COMMANDS = 600;

function stream(): BookCommand[] {
  let t = 7;
  const rnd = (): number => {
    t = (t * 1_103_515_245 + 12_345) % 2_147_483_648;
    return t / 2_147_483_648;
  };
  const out: BookCommand[] = [];
  for (let i = 1; i <= COMMANDS; i++) {
    const side = rnd() < 0.5 ? 'BUY' : 'SELL';
    const price = 990 + Math.floor(rnd() * 21);
    const size = 1 + Math.floor(rnd() * 20);
    const account = 1 + Math.floor(rnd() * 6);
    const roll = rnd();
    if (roll < 0.6) out.push({ type: 'place', orderId: i, account, side, orderType: 'LIMIT', price, size });
    else if (roll < 0.75)
      out.push({ type: 'place', orderId: i, account, side, orderType: 'IOC', price, size });
    else if (roll < 0.9) out.push({ type: 'cancel', orderId: 1 + Math.floor(rnd() * i), account });
    else out.push({ type: 'amend', orderId: 1 + Math.floor(rnd() * i), account, price, size });
  }
  return out;
}

describe('market crash', () => {
  let backend: Backend;
  let cluster: TestCluster;

  beforeAll(async () => {
    backend = await embedded();
    cluster = await startCluster(backend, 'market-crash', 'actors/kinds.ts');
  });

  afterAll(async () => {
    await cluster?.stop();
    await backend?.close();
  });

  const deliver = (type: string, payload: unknown, id: string) =>
    deliverUntilAcknowledged(cluster.hosts, { address, type, payload, id });

  it('market - SIGKILL of its host mid-stream: the recovered book equals one that saw each command once', async () => {
    const { hosts } = cluster;
    const admin = { id: 'test', roles: ['admin'] };
    const open = {
      verb: 'send',
      target: address,
      reason: 'test market',
      message: { type: 'open', payload: config },
    } as const;
    expect(await hosts.admin(admin, open)).toEqual({ verb: 'send', target: address, reply: { ok: true } });
    const local = createBook(config);
    const pid = (await hosts.pids())[hosts.shardOf(address)]!;
    const commands = stream();
    for (const [i, command] of commands.entries()) {
      if (i === COMMANDS / 2) process.kill(pid, 'SIGKILL');
      const { type, ...payload } = command;
      const answer = (await deliver(type, payload, `cmd-${i}`)) as CommandReply;
      // The reply (first or redelivered) carries exactly the events a single run produces.
      expect(answer).toEqual({ ok: true, events: local.process(command), at: expect.any(Number) });
    }
    expect((await hosts.pids())[hosts.shardOf(address)]).not.toBe(pid);
    expect(await deliver('hash', {}, 'hash-final')).toBe(local.stateHash());
  });
});
