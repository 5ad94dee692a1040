import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { createPgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import { servePglite } from './pglite-server.ts';
import { databaseErrorFields, UNIQUE_VIOLATION, type SqlDriver } from './sql-driver.ts';

const withPostgres = await requirePostgres();

/** What the SQL adapters rely on, checked on every driver. */
function driverContract(
  name: string,
  open: () => Promise<{ driver: SqlDriver; close: () => Promise<void> }>,
): void {
  describe(`sql driver contract - ${name}`, () => {
    let driver: SqlDriver;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ driver, close } = await open());
      await driver.exec(`create table items (id int primary key, name text);
        create unique index items_name_key on items (name);`);
    });

    afterAll(async () => {
      await close();
    });

    test('query binds parameters and returns rows', async () => {
      const rows = await driver.query<{ sum: number; label: string }>(
        'select $1::int + $2::int as sum, $3 as label',
        [2, 3, 'five'],
      );
      expect(rows).toEqual([{ sum: 5, label: 'five' }]);
    });

    test('array parameters bind as PostgreSQL arrays, nulls included', async () => {
      const rows = await driver.query<{ n: number; nulls: number }>(
        'select cardinality($1::text[]) as n, (select count(*) from unnest($1::text[]) x where x is null)::int as nulls',
        [['a', null, 'c"quoted\\', null]],
      );
      expect(rows).toEqual([{ n: 4, nulls: 2 }]);
    });

    test('a committed transaction is visible afterwards', async () => {
      const result = await driver.transaction(async (tx) => {
        await tx.query('insert into items values ($1, $2)', [1, 'one']);
        await tx.query('insert into items values ($1, $2)', [2, 'two']);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await driver.query('select id from items where id in (1, 2) order by id')).toEqual([
        { id: 1 },
        { id: 2 },
      ]);
    });

    test('a transaction whose function rejects is rolled back and the error rethrown', async () => {
      const failure = new Error('handler failed');
      await expect(
        driver.transaction(async (tx) => {
          await tx.query('insert into items values ($1, $2)', [3, 'three']);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await driver.query('select id from items where id = 3')).toEqual([]);
    });

    test('exec runs a script of several statements, inside a transaction too', async () => {
      await driver.transaction((tx) =>
        tx.exec(`insert into items values (10, 'ten'); insert into items values (11, 'eleven');`),
      );
      expect(await driver.query('select count(*)::int as n from items where id >= 10')).toEqual([{ n: 2 }]);
    });

    test('a unique violation carries SQLSTATE 23505, the constraint and the detail', async () => {
      await driver.query(`insert into items values (20, 'twenty')`);
      const error: unknown = await driver
        .query(`insert into items values (21, 'twenty')`)
        .catch((rejection: unknown) => rejection);
      expect(databaseErrorFields(error)).toEqual({
        code: UNIQUE_VIOLATION,
        constraint: 'items_name_key',
        detail: 'Key (name)=(twenty) already exists.',
      });
    });
  });
}

describe('databaseErrorFields', () => {
  test('is undefined for socket errors and non-errors', () => {
    expect(databaseErrorFields(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeUndefined();
    expect(databaseErrorFields('boom')).toBeUndefined();
    expect(databaseErrorFields(null)).toBeUndefined();
  });
});

driverContract('PGlite', async () => {
  const driver = await createPgliteDriver();
  return { driver, close: () => driver.close() };
});

driverContract('pg to a served PGlite', async () => {
  const server = await servePglite();
  const driver = await createPgDriver({ url: server.url });
  return {
    driver,
    close: async () => {
      await driver.close();
      await server.close();
    },
  };
});

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  driverContract('pg to PostgreSQL in a random schema', async () => {
    const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('driver') });
    return { driver, close: () => driver.dropSchema().finally(() => driver.close()) };
  });
});
