import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { DEFAULT_AUDIT_LIMIT, MemoryAuditLog, SqlAuditLog } from './audit-log.ts';
import { InvalidValueError } from './errors.ts';
import { migrate } from './migrate.ts';
import { createPgDriver } from './pg-driver.ts';
import { createPgliteDriver } from './pglite-driver.ts';
import type { SqlDriver } from './sql-driver.ts';
import type { AuditLog, AuditRecord } from './types.ts';

const withPostgres = await requirePostgres();

/** The behaviour every `AuditLog` must have; each test uses its own targets. */
function auditLogContract(
  name: string,
  open: () => Promise<{ log: AuditLog; close: () => Promise<void> }>,
): void {
  describe(`audit log contract - ${name}`, () => {
    let log: AuditLog;
    let close: () => Promise<void>;
    let targets = 0;
    const run = Math.random().toString(36).slice(2, 8);
    const target = (): string => `market/${run}-${++targets}`;
    const record = (overrides: Partial<AuditRecord> & Pick<AuditRecord, 'target'>): AuditRecord => ({
      at: new Date('2025-01-02T03:04:05.678Z'),
      principal: 'admin:alice',
      verb: 'pause',
      reason: 'incident 42',
      outcome: 'accepted',
      ...overrides,
    });

    beforeAll(async () => {
      ({ log, close } = await open());
    });

    afterAll(async () => {
      await close();
    });

    test('records list newest first and read back as written', async () => {
      const t = target();
      const first = record({ target: t, verb: 'pause', detail: { mailbox: 3 } });
      const second = record({
        target: t,
        verb: 'resume',
        outcome: 'denied',
        at: new Date('2025-01-02T03:04:06.001Z'),
      });
      await log.append(first);
      await log.append(second);
      expect(await log.list({ target: t })).toEqual([second, first]);
    });

    test('listing by target leaves other targets out', async () => {
      const [a, b] = [target(), target()];
      await log.append(record({ target: a, verb: 'freeze' }));
      await log.append(record({ target: b, verb: 'inspect' }));
      expect((await log.list({ target: a })).map((r) => r.verb)).toEqual(['freeze']);
    });

    test('listing without a target includes every target, newest first', async () => {
      const [a, b] = [target(), target()];
      await log.append(record({ target: a }));
      await log.append(record({ target: b }));
      expect((await log.list({ limit: 2 })).map((r) => r.target)).toEqual([b, a]);
    });

    test('limit keeps the newest records', async () => {
      const t = target();
      for (const verb of ['pause', 'resume', 'restart']) await log.append(record({ target: t, verb }));
      expect((await log.list({ target: t, limit: 2 })).map((r) => r.verb)).toEqual(['restart', 'resume']);
    });

    test(`without a limit at most ${DEFAULT_AUDIT_LIMIT} records are listed`, async () => {
      const t = target();
      for (let i = 0; i < DEFAULT_AUDIT_LIMIT + 5; i++)
        await log.append(record({ target: t, reason: `r${i}` }));
      const listed = await log.list({ target: t });
      expect(listed).toHaveLength(DEFAULT_AUDIT_LIMIT);
      expect(listed[0]?.reason).toBe(`r${DEFAULT_AUDIT_LIMIT + 4}`);
    });

    test('detail round-trips with bigints; a null detail stays null and a missing one stays missing', async () => {
      const t = target();
      await log.append(record({ target: t, verb: 'a', detail: { limit: 10n ** 24n, ids: ['x'] } }));
      await log.append(record({ target: t, verb: 'b', detail: null }));
      await log.append(record({ target: t, verb: 'c' }));
      const [c, b, a] = await log.list({ target: t });
      expect(a?.detail).toEqual({ limit: 10n ** 24n, ids: ['x'] });
      expect(b && 'detail' in b && b.detail === null).toBe(true);
      expect(c && 'detail' in c).toBe(false);
    });

    test('at keeps millisecond precision', async () => {
      const t = target();
      const at = new Date('2031-12-31T23:59:59.999Z');
      await log.append(record({ target: t, at }));
      expect((await log.list({ target: t }))[0]?.at.toISOString()).toBe(at.toISOString());
    });

    test('an invalid outcome is rejected and nothing is written', async () => {
      const t = target();
      const bad = record({ target: t, outcome: 'maybe' as AuditRecord['outcome'] });
      await expect(log.append(bad)).rejects.toThrow(InvalidValueError);
      expect(await log.list({ target: t })).toEqual([]);
    });

    test('an invalid date or a detail the codec cannot store is rejected', async () => {
      const t = target();
      await expect(log.append(record({ target: t, at: new Date(Number.NaN) }))).rejects.toThrow(
        InvalidValueError,
      );
      await expect(log.append(record({ target: t, detail: () => 1 }))).rejects.toThrow(InvalidValueError);
      expect(await log.list({ target: t })).toEqual([]);
    });

    test('a limit below 1 or not an integer is refused', async () => {
      await expect(log.list({ limit: 0 })).rejects.toThrow(RangeError);
      await expect(log.list({ limit: 1.5 })).rejects.toThrow(RangeError);
    });

    test('listed records are copies', async () => {
      const t = target();
      await log.append(record({ target: t, detail: { n: 1 } }));
      const [first] = await log.list({ target: t });
      (first?.detail as { n: number }).n = 2;
      first?.at.setTime(0);
      const [again] = await log.list({ target: t });
      expect(again?.detail).toEqual({ n: 1 });
      expect(again?.at.getTime()).not.toBe(0);
    });
  });
}

async function sqlAuditLog(driver: SqlDriver, close: () => Promise<void>) {
  await migrate(driver);
  return { log: new SqlAuditLog(driver), close };
}

auditLogContract('MemoryAuditLog', async () => ({ log: new MemoryAuditLog(), close: async () => {} }));

auditLogContract('SqlAuditLog on PGlite', async () => {
  const driver = await createPgliteDriver();
  return sqlAuditLog(driver, () => driver.close());
});

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  auditLogContract('SqlAuditLog on PostgreSQL in a random schema', async () => {
    const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('audit') });
    return sqlAuditLog(driver, () => driver.dropSchema().finally(() => driver.close()));
  });
});
