import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from './backends.ts';
import type { TestCluster } from './cluster.ts';
import { deliverUntilAcknowledged, startCluster } from './cluster.ts';
import { embedded, postgres } from './backends.ts';
import { requirePostgres } from './services.ts';

/**
 * A forked shard host is SIGKILLed while deposits stream in. comedy respawns it; the client retries
 * what was not acknowledged with the same message ids. Every acknowledged deposit must survive and
 * no deposit may be applied twice. Run on the embedded default and on real PostgreSQL.
 */

const ACCOUNTS = 8;
const DEPOSITS = 400;

const withPostgres = await requirePostgres();

describe.each([
  { name: 'embedded PGlite', open: embedded, enabled: true },
  { name: 'PostgreSQL', open: postgres, enabled: withPostgres },
])('shard host crash on $name', ({ open, enabled }) => {
  let backend: Backend;
  let cluster: TestCluster;
  let retries = 0;

  beforeAll(async () => {
    if (!enabled) return;
    backend = await open();
    cluster = await startCluster(backend, 'crash-node', 'actors/example/index.ts');
  });

  afterAll(async () => {
    await cluster?.stop();
    await backend?.close();
  });

  async function depositWithRetry(i: number): Promise<{ balance: number }> {
    const envelope = {
      address: `bank/acct-${i % ACCOUNTS}`,
      type: 'deposit',
      payload: { amount: i + 1 },
      id: `dep-${i}`,
    };
    return (await deliverUntilAcknowledged(cluster.hosts, envelope, () => retries++)) as { balance: number };
  }

  it.skipIf(!enabled)(
    'shard host - SIGKILL mid-stream: respawned, every acknowledged event recovered, none applied twice',
    async () => {
      const { hosts, driver } = cluster;
      const victim = hosts.shardOf('bank/acct-0');
      const pidsBefore = await hosts.pids();
      const acknowledged: number[] = [];
      let next = 0;
      let killed = false;
      const worker = async (): Promise<void> => {
        while (next < DEPOSITS) {
          const i = next++;
          await depositWithRetry(i);
          acknowledged.push(i);
          if (!killed && acknowledged.length >= DEPOSITS / 3) {
            killed = true;
            process.kill(pidsBefore[victim]!, 'SIGKILL');
          }
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(killed).toBe(true);
      // The kill hit deposits in flight: they failed as retryable and were sent again.
      expect(retries).toBeGreaterThan(0);
      expect(acknowledged.length).toBe(DEPOSITS);

      const pidsAfter = await hosts.pids();
      expect(pidsAfter[victim]).not.toBe(pidsBefore[victim]);

      for (let a = 0; a < ACCOUNTS; a++) {
        let expected = 0;
        for (let i = a; i < DEPOSITS; i += ACCOUNTS) expected += i + 1;
        expect(await hosts.deliver({ address: `bank/acct-${a}`, type: 'balance', payload: {} })).toEqual({
          balance: expected,
        });
      }
      const rows = await driver.query<{ events: string; ids: string }>(
        "select count(*)::text as events, count(distinct msg_id)::text as ids from journal where persistence_id like 'bank/acct-%'",
      );
      expect(rows[0]).toEqual({ events: String(DEPOSITS), ids: String(DEPOSITS) });
    },
  );
});
