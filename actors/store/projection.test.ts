import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { encodeValue } from './codec.ts';
import { JournalConflictError } from './errors.ts';
import { journalContract } from './journal.contract.ts';
import { migrate } from './migrate.ts';
import { createPgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import type { Projection } from './projection.ts';
import type { SqlDriver, SqlQuerier } from './sql-driver.ts';
import { SqlJournal } from './sql-journal.ts';
import type { AppendWrite } from './types.ts';

const withPostgres = await requirePostgres();

const PROJECTED = `create table if not exists projected (
  persistence_id text not null,
  seq bigint not null,
  event jsonb not null
)`;

/** Copies the events of actors whose id starts with `prefix` into `projected`, one statement per batch. */
function copying(prefix: string): Projection {
  return {
    statements(writes) {
      const rows = writes
        .filter((write) => write.persistenceId.startsWith(prefix))
        .flatMap((write) =>
          write.events.map((event, i) => ({
            id: write.persistenceId,
            seq: write.fromSeq + i,
            event: encodeValue(event),
          })),
        );
      if (rows.length === 0) return [];
      return [
        {
          sql: `insert into projected (persistence_id, seq, event)
select id, seq, event::jsonb from json_to_recordset($1::json) as r(id text, seq bigint, event text)`,
          params: [JSON.stringify(rows)],
        },
      ];
    },
  };
}
const copyProjection = copying('projected/');

/** Fails inside the database, after the journal insert, for writes of `poison/*` actors. */
const poisonProjection: Projection = {
  statements: (writes) =>
    writes.some((write) => write.persistenceId.startsWith('poison/'))
      ? [
          {
            sql: `insert into projected (persistence_id, seq, event) values ('boom', 1 / $1::int, '{}')`,
            params: [0],
          },
        ]
      : [],
};

interface Backend {
  readonly driver: SqlDriver;
  readonly close: () => Promise<void>;
}

async function pglite(): Promise<Backend> {
  const driver = await createPgliteDriver();
  return { driver, close: () => driver.close() };
}

async function postgres(): Promise<Backend> {
  const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('projection') });
  return { driver, close: () => driver.dropSchema().finally(() => driver.close()) };
}

async function prepared(open: () => Promise<Backend>): Promise<Backend> {
  const backend = await open();
  await migrate(backend.driver);
  await backend.driver.exec(PROJECTED);
  return backend;
}

function projectionSuite(name: string, open: () => Promise<Backend>): void {
  describe(`projection - ${name}`, () => {
    let backend: Backend;
    let journal: SqlJournal;
    let actors = 0;
    const actor = (kind: string): string => `${kind}/${++actors}`;

    beforeAll(async () => {
      backend = await prepared(open);
      journal = new SqlJournal(backend.driver, { projections: [copyProjection, poisonProjection] });
    });

    afterAll(async () => {
      await backend.close();
    });

    async function projected(persistenceId: string): Promise<{ seq: string; event: string }[]> {
      return backend.driver.query(
        'select seq::text as seq, event::text as event from projected where persistence_id = $1 order by seq',
        [persistenceId],
      );
    }

    test('the projection rows land with the journal rows of the batch', async () => {
      const [a, b, other] = [actor('projected'), actor('projected'), actor('market')];
      await journal.appendBatch([
        { persistenceId: a, fromSeq: 1, events: [{ n: 1 }, { n: 2 }] },
        { persistenceId: other, fromSeq: 1, events: ['not projected'] },
        { persistenceId: b, fromSeq: 1, events: [{ n: 3 }] },
      ]);
      expect(await projected(a)).toEqual([
        { seq: '1', event: '{"n": 1}' },
        { seq: '2', event: '{"n": 2}' },
      ]);
      expect(await projected(b)).toEqual([{ seq: '1', event: '{"n": 3}' }]);
      expect(await journal.highestSeq(other)).toBe(1);
    });

    test('a failing projection statement rolls the journal write back', async () => {
      const [a, poison] = [actor('projected'), actor('poison')];
      const batch: AppendWrite[] = [
        { persistenceId: a, fromSeq: 1, events: ['kept?'] },
        { persistenceId: poison, fromSeq: 1, events: ['x'], msgId: 'm-1', reply: 'ok' },
      ];
      await expect(journal.appendBatch(batch)).rejects.toMatchObject({ code: '22012' });
      expect(await journal.highestSeq(a)).toBe(0);
      expect(await journal.highestSeq(poison)).toBe(0);
      expect(await journal.findReply(poison, 'm-1')).toBeUndefined();
      expect(await projected(a)).toEqual([]);
      // The failed transaction left nothing behind: the same writes without the poison land.
      await journal.appendBatch([batch[0]!]);
      expect(await projected(a)).toEqual([{ seq: '1', event: '"kept?"' }]);
    });

    test('a projection that throws before any SQL writes nothing', async () => {
      const id = actor('projected');
      const throwing = new SqlJournal(backend.driver, {
        projections: [
          copyProjection,
          {
            statements: () => {
              throw new Error('projection bug');
            },
          },
        ],
      });
      await expect(throwing.appendBatch([{ persistenceId: id, fromSeq: 1, events: ['x'] }])).rejects.toThrow(
        'projection bug',
      );
      expect(await journal.highestSeq(id)).toBe(0);
    });

    test('a journal conflict is still a JournalConflictError and leaves no projection rows', async () => {
      const [a, b] = [actor('projected'), actor('projected')];
      await journal.appendBatch([{ persistenceId: a, fromSeq: 1, events: ['first'] }]);
      const error: unknown = await journal
        .appendBatch([
          { persistenceId: b, fromSeq: 1, events: ['innocent'] },
          { persistenceId: a, fromSeq: 1, events: ['again'] },
        ])
        .catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(JournalConflictError);
      expect((error as JournalConflictError).persistenceId).toBe(a);
      expect(await projected(a)).toEqual([{ seq: '1', event: '"first"' }]);
      expect(await projected(b)).toEqual([]);
    });

    test('every batch is one statement without a transaction, projected or not', async () => {
      const { driver } = backend;
      let queries = 0;
      let transactions = 0;
      const counting: SqlDriver = {
        ...driver,
        query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
          queries++;
          return driver.query<R>(sql, params);
        },
        transaction<T>(fn: (tx: SqlQuerier) => Promise<T>): Promise<T> {
          transactions++;
          return driver.transaction(fn);
        },
      };
      const counted = new SqlJournal(counting, { projections: [copyProjection, poisonProjection] });
      await counted.appendBatch([{ persistenceId: actor('market'), fromSeq: 1, events: ['a', 'b'] }]);
      expect({ queries, transactions }).toEqual({ queries: 1, transactions: 0 });
      await counted.appendBatch([{ persistenceId: actor('projected'), fromSeq: 1, events: ['a'] }]);
      expect({ queries, transactions }).toEqual({ queries: 2, transactions: 0 });
    });
  });
}

projectionSuite('in-memory PGlite', pglite);

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  projectionSuite('PostgreSQL in a random schema', postgres);
});

/** The journal contract holds when every batch goes through the projection transaction. */
function projectedJournalFixture(
  open: () => Promise<Backend>,
): [make: () => Promise<SqlJournal>, cleanup: () => Promise<void>] {
  let backend: Backend | undefined;
  return [
    async () => {
      backend = await prepared(open);
      return new SqlJournal(backend.driver, { projections: [copying('')] });
    },
    async () => {
      await backend?.close();
    },
  ];
}

journalContract('SqlJournal with a projection on in-memory PGlite', ...projectedJournalFixture(pglite));

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  journalContract(
    'SqlJournal with a projection on PostgreSQL in a random schema',
    ...projectedJournalFixture(postgres),
  );
});
