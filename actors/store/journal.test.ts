import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { journalContract } from './journal.contract.ts';
import { MemoryJournal } from './memory-journal.ts';
import { migrate } from './migrate.ts';
import { createPgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import { servePglite } from './pglite-server.ts';
import type { SqlDriver } from './sql-driver.ts';
import { SqlJournal } from './sql-journal.ts';

const withPostgres = await requirePostgres();

/** A contract fixture over a migrated driver; `release` runs after the driver is closed. */
function sqlJournalFixture(
  open: () => Promise<{ driver: SqlDriver; release?: () => Promise<void> }>,
): [make: () => Promise<SqlJournal>, cleanup: () => Promise<void>] {
  let opened: { driver: SqlDriver; release?: () => Promise<void> } | undefined;
  return [
    async () => {
      opened = await open();
      await migrate(opened.driver);
      return new SqlJournal(opened.driver);
    },
    async () => {
      await opened?.driver.close();
      await opened?.release?.();
    },
  ];
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'quantatrade-journal-'));
}

journalContract(
  'MemoryJournal',
  async () => new MemoryJournal(),
  (journal) => journal.close(),
);

journalContract(
  'SqlJournal on in-memory PGlite',
  ...sqlJournalFixture(async () => ({ driver: await createPgliteDriver() })),
);

journalContract(
  'SqlJournal on a PGlite data directory',
  ...sqlJournalFixture(async () => {
    const dataDir = await tempDir();
    return { driver: await createPgliteDriver({ dataDir }), release: () => rm(dataDir, { recursive: true }) };
  }),
);

journalContract(
  'SqlJournal over pg to a served PGlite',
  ...sqlJournalFixture(async () => {
    const dataDir = await tempDir();
    const server = await servePglite({ dataDir });
    return {
      driver: await createPgDriver({ url: server.url }),
      release: async () => {
        await server.close();
        await rm(dataDir, { recursive: true });
      },
    };
  }),
);

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  journalContract(
    'SqlJournal on PostgreSQL in a random schema',
    ...sqlJournalFixture(async () => {
      const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('journal') });
      return { driver: { ...driver, close: () => driver.dropSchema().finally(() => driver.close()) } };
    }),
  );
});

describe('journal - durability', () => {
  test('events in a PGlite data directory survive closing and reopening it', async () => {
    const dataDir = await tempDir();
    try {
      const first = await createPgliteDriver({ dataDir });
      await migrate(first);
      await new SqlJournal(first).appendBatch([
        { persistenceId: 'account/u_1', fromSeq: 1, events: [{ deposited: 5n }], msgId: 'd-1', reply: 'ok' },
      ]);
      await first.close();

      const second = await createPgliteDriver({ dataDir });
      expect(await migrate(second)).toEqual({ applied: [] });
      const journal = new SqlJournal(second);
      const entries = [];
      for await (const entry of journal.read('account/u_1', 0)) entries.push(entry);
      expect(entries).toEqual([
        { persistenceId: 'account/u_1', seq: 1, event: { deposited: 5n }, msgId: 'd-1', reply: 'ok' },
      ]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true });
    }
  });
});
