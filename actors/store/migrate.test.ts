import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { MigrationError } from './errors.ts';
import { migrate } from './migrate.ts';
import { createPgDriver, type PgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import { servePglite } from './pglite-server.ts';
import type { SqlDriver } from './sql-driver.ts';

const withPostgres = await requirePostgres();
const BUNDLED = [
  '001_journal.sql',
  '002_audit_log.sql',
  '003_ledger.sql',
  '004_marketdata.sql',
  '005_users.sql',
  '006_pending_orders.sql',
  '007_admin_markets.sql',
  '008_chain_index.sql',
  '009_journal_json.sql',
];
/** Tables and views of the bundled migrations, by name. */
const BUNDLED_TABLES = [
  'account_orders',
  'api_keys',
  'audit_log',
  'chain_blocks',
  'chain_burns',
  'chain_claims',
  'chain_cursor',
  'chain_events',
  'chain_purchases',
  'chain_router_splits',
  'chain_sale_allocations',
  'chain_stakes',
  'chain_vesting_events',
  'journal',
  'ledger_balances',
  'ledger_entries',
  'markets',
  'md_book_snapshots',
  'md_candles',
  'md_trades',
  'password_reset_tokens',
  'schema_migrations',
  'snapshots',
  'system_balances',
  'users',
];

async function tables(driver: SqlDriver): Promise<string[]> {
  const rows = await driver.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() order by table_name`,
  );
  return rows.map((row) => row.name);
}

async function versions(driver: SqlDriver): Promise<number[]> {
  const rows = await driver.query<{ version: number }>(
    'select version from schema_migrations order by version',
  );
  return rows.map((row) => row.version);
}

/** A driver that fails the test if migrate uses it. */
const untouchable: SqlDriver = {
  query: () => Promise.reject(new Error('the database was touched')),
  exec: () => Promise.reject(new Error('the database was touched')),
  transaction: () => Promise.reject(new Error('the database was touched')),
  close: () => Promise.resolve(),
};

/** A folder of migration files for one test, removed afterwards. */
const folders: string[] = [];
async function migrationFolder(files: Record<string, string>): Promise<URL> {
  const dir = await mkdtemp(join(tmpdir(), 'quantatrade-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
  return pathToFileURL(`${dir}/`);
}

afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true });
});

describe('migrate - PGlite', () => {
  test('a fresh database gets every bundled file, in order, and the tables they create', async () => {
    const driver = await createPgliteDriver();
    try {
      expect(await migrate(driver)).toEqual({ applied: BUNDLED });
      expect(await tables(driver)).toEqual(BUNDLED_TABLES);
      expect(await versions(driver)).toEqual(BUNDLED.map((_, i) => i + 1));
    } finally {
      await driver.close();
    }
  });

  test('running migrate again applies nothing and changes nothing', async () => {
    const driver = await createPgliteDriver();
    try {
      await migrate(driver);
      await driver.query(`insert into journal (persistence_id, seq, event) values ('a', 1, '1')`);
      expect(await migrate(driver)).toEqual({ applied: [] });
      expect(await versions(driver)).toEqual(BUNDLED.map((_, i) => i + 1));
      expect(await driver.query('select 1 from journal')).toHaveLength(1);
    } finally {
      await driver.close();
    }
  });

  test('a failing file is rolled back, reported as MigrationError, and the earlier files stay applied', async () => {
    const directory = await migrationFolder({
      '001_ok.sql': 'create table kept (id int);',
      '002_broken.sql': 'create table half_done (id int);\nselect * from no_such_table;',
      '003_later.sql': 'create table never (id int);',
    });
    const driver = await createPgliteDriver();
    try {
      const error: unknown = await migrate(driver, { directory }).catch((rejection: unknown) => rejection);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).migration).toBe('002_broken.sql');
      expect((error as MigrationError).message).toMatch(/no_such_table/);
      expect(await tables(driver)).toEqual(['kept', 'schema_migrations']);
      expect(await versions(driver)).toEqual([1]);
    } finally {
      await driver.close();
    }
  });

  test('a file not named NNN_name.sql is refused before the database is touched', async () => {
    const directory = await migrationFolder({
      '001_ok.sql': 'create table t (id int);',
      'Fix-Later.sql': '',
    });
    await expect(migrate(untouchable, { directory })).rejects.toThrow(
      /Fix-Later.sql is not named NNN_lower_case_name.sql/,
    );
  });

  test('two files with the same version are refused before the database is touched', async () => {
    const directory = await migrationFolder({ '001_a.sql': '', '1_b.sql': '' });
    await expect(migrate(untouchable, { directory })).rejects.toThrow(
      /001_a.sql and 1_b.sql share version 1/,
    );
  });
});

describe('migrate - concurrent migrators over a served PGlite', () => {
  test('several connections migrating at once apply each file exactly once', async () => {
    const server = await servePglite();
    const drivers = await Promise.all([1, 2, 3].map(() => createPgDriver({ url: server.url, max: 2 })));
    try {
      const results = await Promise.all(drivers.map((driver) => migrate(driver)));
      expect(results.flatMap((result) => result.applied).sort()).toEqual(BUNDLED);
      expect(await versions(drivers[0] as SqlDriver)).toEqual(BUNDLED.map((_, i) => i + 1));
    } finally {
      for (const driver of drivers) await driver.close();
      await server.close();
    }
  });
});

describe.skipIf(!withPostgres)('migrate - PostgreSQL', () => {
  let drivers: PgDriver[] = [];

  afterEach(async () => {
    await drivers[0]?.dropSchema();
    for (const driver of drivers) await driver.close();
    drivers = [];
  });

  test('running migrate twice is a no-op the second time', async () => {
    const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('migrate') });
    drivers = [driver];
    expect(await migrate(driver)).toEqual({ applied: BUNDLED });
    expect(await migrate(driver)).toEqual({ applied: [] });
    expect(await versions(driver)).toEqual(BUNDLED.map((_, i) => i + 1));
  });

  test('concurrent migrate calls from separate pools all succeed and apply each file exactly once', async () => {
    const schema = randomSchemaName('migrate');
    drivers = await Promise.all(
      Array.from({ length: 6 }, () => createPgDriver({ url: postgresUrl(), schema, max: 2 })),
    );
    const results = await Promise.all(drivers.map((driver) => migrate(driver)));
    expect(results.flatMap((result) => result.applied).sort()).toEqual(BUNDLED);
    expect(await versions(drivers[0] as SqlDriver)).toEqual(BUNDLED.map((_, i) => i + 1));
    expect(await tables(drivers[0] as SqlDriver)).toEqual(BUNDLED_TABLES);
  });
});
