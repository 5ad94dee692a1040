import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPgDriver, type PgDriver } from './pg-driver.ts';
import { servePglite, type PgliteServer } from './pglite-server.ts';

describe('servePglite', () => {
  let dataDir: string;
  let server: PgliteServer;
  let driver: PgDriver;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'quantatrade-served-'));
    server = await servePglite({ dataDir });
    driver = await createPgDriver({ url: server.url, max: 8 });
    await driver.exec('create table counters (id int primary key, n int not null)');
  });

  afterAll(async () => {
    await driver.close();
    await server.close();
    await rm(dataDir, { recursive: true });
  });

  test('url is a postgres URL on the port the OS picked', () => {
    const match = /^postgres:\/\/postgres@127\.0\.0\.1:(\d+)\/postgres$/.exec(server.url);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThan(0);
  });

  test('many connections running different statements at once each get their own results', async () => {
    const results = await Promise.all(
      Array.from({ length: 400 }, async (_, i) => {
        const rows =
          i % 2 === 0
            ? await driver.query<{ v: number }>('select $1::int * 2 as v', [i])
            : await driver.query<{ v: number }>('select $1::int + 1000000 as v, $2::text as pad', [
                i,
                'x'.repeat(i),
              ]);
        return rows[0]?.v === (i % 2 === 0 ? i * 2 : i + 1_000_000);
      }),
    );
    expect(results.every(Boolean)).toBe(true);
  });

  test("an open transaction holds other connections' statements until it commits", async () => {
    let other: Promise<number | undefined> | undefined;
    let settled = false;
    await driver.transaction(async (tx) => {
      await tx.query('insert into counters values (1, 1)');
      other = driver.query<{ n: number }>('select count(*)::int as n from counters').then(([row]) => {
        settled = true;
        return row?.n;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false);
    });
    expect(await other).toBe(1);
  });

  test('a rolled back transaction leaves nothing behind for other connections', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await tx.query('insert into counters values (2, 2)');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await driver.query('select id from counters where id = 2')).toEqual([]);
  });

  test('a client that disconnects mid-transaction has its transaction rolled back', async () => {
    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('begin');
    await client.query('insert into counters values (3, 3)');
    await client.end();
    expect(await driver.query('select id from counters where id = 3')).toEqual([]);
  });

  test('data survives closing the server and serving the same directory again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quantatrade-served-'));
    try {
      const first = await servePglite({ dataDir: dir });
      const writer = await createPgDriver({ url: first.url });
      await writer.exec(`create table kept (v text); insert into kept values ('still here')`);
      await writer.close();
      await first.close();

      const second = await servePglite({ dataDir: dir });
      const reader = await createPgDriver({ url: second.url });
      expect(await reader.query('select v from kept')).toEqual([{ v: 'still here' }]);
      await reader.close();
      await second.close();
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
