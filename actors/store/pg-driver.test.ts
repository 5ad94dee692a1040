import { createServer } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { StoreUnavailableError } from './errors.ts';
import { createPgDriver, type PgDriver } from './pg-driver.ts';

const withPostgres = await requirePostgres();

/** A local port nothing listens on: bound once to get a free number, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pg driver - without a server', () => {
  test('an unreachable server rejects with a retryable StoreUnavailableError', async () => {
    const port = await closedPort();
    const error: unknown = await createPgDriver({ url: `postgres://postgres@127.0.0.1:${port}/test` }).catch(
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).retryable).toBe(true);
    expect((error as StoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  test('a schema name that is not a plain identifier is refused', async () => {
    await expect(createPgDriver({ url: postgresUrl(), schema: 'x; drop table journal' })).rejects.toThrow(
      TypeError,
    );
  });
});

describe.skipIf(!withPostgres)('pg driver - PostgreSQL', () => {
  const opened: PgDriver[] = [];
  const open = async (schema?: string): Promise<PgDriver> => {
    const driver = await createPgDriver({ url: postgresUrl(), ...(schema === undefined ? {} : { schema }) });
    opened.push(driver);
    return driver;
  };

  afterEach(async () => {
    for (const driver of opened.splice(0)) {
      if (driver.schema !== undefined) await driver.dropSchema();
      await driver.close();
    }
  });

  test('a schema driver creates its schema, keeps its tables there, and dropSchema removes it', async () => {
    const schema = randomSchemaName('isolated');
    const driver = await open(schema);
    await driver.exec('create table things (id int)');
    expect(await driver.query('select current_schema() as schema')).toEqual([{ schema }]);
    const other = await open(randomSchemaName('other'));
    await expect(other.query('select * from things')).rejects.toThrow(/relation "things" does not exist/);

    await driver.dropSchema();
    const plain = await open();
    expect(await plain.query('select 1 from pg_namespace where nspname = $1', [schema])).toEqual([]);
  });

  test('two drivers creating the same schema at once both succeed', async () => {
    const schema = randomSchemaName('race');
    const drivers = await Promise.all([open(schema), open(schema), open(schema)]);
    expect(drivers.map((driver) => driver.schema)).toEqual([schema, schema, schema]);
  });

  test('dropSchema refuses on a driver without a schema of its own', async () => {
    const driver = await open();
    await expect(driver.dropSchema()).rejects.toThrow(/refusing to drop/);
  });

  test('a connection killed by the server mid-transaction fails with StoreUnavailableError', async () => {
    const driver = await open(randomSchemaName('killed'));
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    try {
      const error: unknown = await driver
        .transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
          await admin.query('select pg_terminate_backend($1)', [row?.pid]);
          await tx.query('select 1');
        })
        .catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(await driver.query('select 1 as ok')).toEqual([{ ok: 1 }]);
    } finally {
      await admin.end();
    }
  });
});
