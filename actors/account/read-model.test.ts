import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { createPgDriver, createPgliteDriver, migrate, SqlJournal } from '../store/index.ts';
import type { AppendWrite, Projection, SqlDriver } from '../store/index.ts';
import { LOCAL_ID_BITS } from './account-actor.ts';
import { changeOf } from './account-state.ts';
import { assetOf, formatAmount } from './assets.ts';
import { ledgerProjection, LedgerReadModel, MAX_PAGE } from './read-model.ts';
import type { LedgerEntry, OrderRecord } from './read-model.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';
import type { AccountEvent, AccountOrder, BalanceView, PlaceOrderRequest } from './types.ts';

const withPostgres = await requirePostgres();

interface Backend {
  readonly driver: SqlDriver;
  readonly close: () => Promise<void>;
}

async function pglite(): Promise<Backend> {
  const driver = await createPgliteDriver();
  return { driver, close: () => driver.close() };
}

async function postgres(): Promise<Backend> {
  const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('read_model') });
  return { driver, close: () => driver.dropSchema().finally(() => driver.close()) };
}

/** Breaks the ledger's own check (no zero postings), so the failure is inside the database. */
const failing: Projection = {
  statements: () => [
    {
      sql: `insert into ledger_entries (owner, account, asset, amount, tx_id, kind, persistence_id, seq)
values ('x', 'available', 'USDT', $1::numeric, 'x', 'x', 'x', 1)`,
      params: [0],
    },
  ],
};

const DEPOSIT = 10n ** 12n;

/** A journal write of a fresh account: a deposit of 10,000 USDT, then a copy of `like` placed. */
function depositAndOrder(account: number, like: AccountOrder): AppendWrite {
  const order: AccountOrder = { ...like, id: account * 2 ** LOCAL_ID_BITS + 1, clientOrderId: `x${account}` };
  const events: AccountEvent[] = [
    {
      type: 'posted',
      tx: {
        id: `dep-x${account}`,
        kind: 'deposit',
        postings: [
          { account: 'sys:custody:base', asset: 'USDT', amount: -DEPOSIT },
          { account: 'available', asset: 'USDT', amount: DEPOSIT },
        ],
      },
    },
    {
      type: 'placed',
      order,
      nextLocal: 2,
      tx: {
        id: `order:${order.id}`,
        kind: 'order_hold',
        postings: [
          { account: 'available', asset: 'USDT', amount: -order.held },
          { account: 'locked', asset: 'USDT', amount: order.held },
        ],
      },
    },
    { type: 'frozen', frozen: false },
  ];
  return { persistenceId: `account/${account}`, fromSeq: 1, events, msgId: `x${account}` };
}

function readModelSuite(name: string, open: () => Promise<Backend>): void {
  describe(`ledger read model - ${name}`, () => {
    let backend: Backend;
    let exchange: TestExchange;
    let model: LedgerReadModel;
    /** Final orders by client order id, as the actors report them. */
    const orders: Record<string, AccountOrder> = {};

    async function place(account: number, request: PlaceOrderRequest): Promise<AccountOrder> {
      const result = await exchange.path.placeOrder(account, request);
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      return result.order;
    }

    async function actorBalances(account: number): Promise<Record<string, BalanceView>> {
      const list = (await exchange.ask(`account/${account}`, 'balances', {})) as BalanceView[];
      return Object.fromEntries(list.map((b) => [b.asset, b]));
    }

    async function modelBalances(account: number): Promise<Record<string, BalanceView>> {
      const rows = await model.balances(account);
      return Object.fromEntries(
        rows.map(({ asset, available, locked }) => [
          asset,
          {
            asset,
            available: formatAmount(assetOf(asset), available),
            locked: formatAmount(assetOf(asset), locked),
          },
        ]),
      );
    }

    async function allHistory(owner: number | 'sys', limit: number): Promise<LedgerEntry[][]> {
      const pages: LedgerEntry[][] = [];
      let before: string | undefined;
      do {
        const page = await model.history(owner, { limit, ...(before === undefined ? {} : { before }) });
        pages.push([...page.entries]);
        before = page.nextCursor ?? undefined;
      } while (before !== undefined);
      return pages;
    }

    beforeAll(async () => {
      backend = await open();
      await migrate(backend.driver);
      const journal = new SqlJournal(backend.driver, { projections: [ledgerProjection] });
      exchange = await startExchange({ journal });
      model = new LedgerReadModel(backend.driver);

      await exchange.deposit(1, 'BTC', '1');
      await exchange.deposit(2, 'USDT', '100000');
      await exchange.deposit(3, 'USDT', '10000');
      const limit = { type: 'LIMIT', market: 'BTC-USDT' } as const;
      await place(1, { ...limit, clientOrderId: 's1', side: 'SELL', price: '65000', size: '0.5' });
      await place(2, { ...limit, clientOrderId: 'b1', side: 'BUY', price: '65100', size: '0.2' });
      const resting = await place(3, {
        ...limit,
        clientOrderId: 'c1',
        side: 'BUY',
        price: '64000',
        size: '0.01',
      });
      await place(3, {
        type: 'LIMIT',
        market: 'ETH-USDT',
        clientOrderId: 'e1',
        side: 'BUY',
        price: '3100',
        size: '1',
      });
      const cancelled = await exchange.path.cancelOrder(3, resting.id);
      expect(cancelled).toMatchObject({ ok: true, order: { status: 'Cancelled' } });
      await place(2, { ...limit, clientOrderId: 'b2', side: 'BUY', price: '65000', size: '0.3' });

      for (const account of [1, 2, 3]) {
        const list = (await exchange.ask(`account/${account}`, 'orders', { open: false })) as AccountOrder[];
        const open = (await exchange.ask(`account/${account}`, 'orders', { open: true })) as AccountOrder[];
        for (const order of [...list, ...open]) orders[order.clientOrderId] = order;
      }
    });

    afterAll(async () => {
      await exchange?.stop();
      await backend?.close();
    });

    test('balances equal the actors’ balances', async () => {
      for (const account of [1, 2, 3]) {
        expect(await modelBalances(account)).toEqual(await actorBalances(account));
      }
      expect(await model.balances(4)).toEqual([]);
    });

    test('entries sum to zero per asset and the balance rows are the sums of the user entries', async () => {
      const sums = await backend.driver.query<{ asset: string; sum: string }>(
        'select asset, sum(amount)::text as sum from ledger_entries group by asset order by asset',
      );
      expect(sums).toEqual([
        { asset: 'BTC', sum: '0' },
        { asset: 'USDT', sum: '0' },
      ]);
      const differing = await backend.driver.query(`select owner, asset
from ledger_balances b
full join (
  select owner, asset,
    coalesce(sum(amount) filter (where account = 'available'), 0) as available,
    coalesce(sum(amount) filter (where account = 'locked'), 0) as locked
  from ledger_entries where owner <> 'sys' group by owner, asset
) e using (owner, asset)
where b.available is distinct from e.available or b.locked is distinct from e.locked`);
      expect(differing).toEqual([]);
    });

    test('totals are zero per asset; system balances hold custody, fees and a netted clearing', async () => {
      const totals = await model.totals();
      expect(totals.map((t) => t.asset)).toEqual(['BTC', 'USDT']);
      for (const total of totals) {
        expect(total.total).toBe(0n);
        expect(total.users).toBeGreaterThan(0n);
      }
      const system = Object.fromEntries(
        (await model.systemBalances()).map((b) => [`${b.account}|${b.asset}`, b.balance]),
      );
      expect(system['custody:base|BTC']).toBe(-100_000_000n);
      expect(system['custody:base|USDT']).toBe(-11_000_000_000_000n);
      expect(system['clearing:BTC-USDT|BTC']).toBe(0n);
      expect(system['clearing:BTC-USDT|USDT']).toBe(0n);
      expect(system['fee_revenue|BTC']).toBeGreaterThan(0n);
    });

    test('history pages return every entry exactly once, newest first', async () => {
      for (const owner of [2, 'sys'] as const) {
        const [everything] = await allHistory(owner, MAX_PAGE);
        const ids = (everything ?? []).map((entry) => entry.id);
        expect(ids.length).toBeGreaterThan(6);
        expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
        const stored = await backend.driver.query<{ entry: string }>(
          'select id::text as entry from ledger_entries where owner = $1 order by id desc',
          [String(owner)],
        );
        expect(ids).toEqual(stored.map((row) => BigInt(row.entry)));

        const pages = await allHistory(owner, 3);
        expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
        expect(pages.flat()).toEqual(everything);
      }
    });

    test('history shows the deposit as the oldest entry of the account', async () => {
      const [everything] = await allHistory(3, MAX_PAGE);
      expect(everything?.at(-1)).toMatchObject({
        account: 'available',
        asset: 'USDT',
        amount: 1_000_000_000_000n,
        kind: 'deposit',
        persistenceId: 'account/3',
        seq: 1,
      });
    });

    test('the orders table shows each order’s final version, newest first', async () => {
      const byAccount = async (account: number): Promise<OrderRecord[]> => [
        ...(await model.orders(account, { limit: MAX_PAGE })).orders,
      ];
      const expected = (clientOrderId: string): OrderRecord => {
        const {
          holdAsset: _a,
          held: _h,
          pendingAmend: _p,
          postOnly: _o,
          stp: _s,
          triggered: _t,
          ...rest
        } = orders[clientOrderId]!;
        return { ...rest, account: Math.floor(rest.id / 2 ** LOCAL_ID_BITS) };
      };
      expect(await byAccount(1)).toEqual([expected('s1')]);
      expect(expected('s1').status).toBe('Filled');
      expect(await byAccount(2)).toEqual([expected('b2'), expected('b1')]);
      expect(expected('b1').fees).toEqual({ BTC: 50_000n });
      expect(await byAccount(3)).toEqual([expected('e1'), expected('c1')]);
      expect((await model.orders(3, { limit: 10, status: 'Cancelled' })).orders).toEqual([expected('c1')]);
      expect((await model.orders(3, { limit: 10, status: 'New' })).orders).toEqual([expected('e1')]);
      expect((await model.orders(3, { limit: 10, market: 'ETH-USDT' })).orders).toEqual([expected('e1')]);
      expect((await model.orders(3, { limit: 10, market: 'ETH-USDT', status: 'Filled' })).orders).toEqual([]);

      const first = await model.orders(3, { limit: 1 });
      expect(first.orders).toEqual([expected('e1')]);
      const second = await model.orders(3, { limit: 1, before: first.nextCursor! });
      expect(second).toEqual({ orders: [expected('c1')], nextCursor: null });
    });

    test('accounts with orders still PendingNew are found for the recovery sweep', async () => {
      expect(await model.accountsWithPendingOrders(Date.now() + 60_000, 10)).toEqual([]);
      // The account step alone, as if the node died before the book got the order.
      await exchange.ask(
        'account/3',
        'place',
        {
          request: {
            clientOrderId: 'stuck',
            market: 'ETH-USDT',
            side: 'BUY',
            type: 'LIMIT',
            price: '3000',
            size: '0.1',
          },
          prices: {},
        },
        { id: 'place:stuck' },
      );
      // The place reply came after its journal batch, read model included.
      expect(await model.accountsWithPendingOrders(Date.now() + 60_000, 10)).toEqual([3]);
      expect(await model.accountsWithPendingOrders(Date.now() - 60_000, 10)).toEqual([]);
      expect(await exchange.path.resumePending(3, 0)).toBe(1);
      expect(await model.accountsWithPendingOrders(Date.now() + 60_000, 10)).toEqual([]);
    });

    test('limits outside 1 … 500 and foreign cursors are refused', async () => {
      await expect(model.history(1, { limit: 0 })).rejects.toThrow(RangeError);
      await expect(model.orders(1, { limit: MAX_PAGE + 1 })).rejects.toThrow(RangeError);
      const orderCursor = (await model.orders(3, { limit: 1 })).nextCursor!;
      await expect(model.history(3, { limit: 1, before: orderCursor })).rejects.toThrow(/invalid cursor/);
      await expect(model.orders(3, { limit: 1, before: 'garbage' })).rejects.toThrow(/invalid cursor/);
    });

    test('a batch whose projection fails leaves neither journal rows nor read-model rows', async () => {
      const journal = new SqlJournal(backend.driver, { projections: [ledgerProjection, failing] });
      const account = 99;
      const write = depositAndOrder(account, orders.e1!);
      expect(ledgerProjection.statements([write])).toHaveLength(3);
      // 23514: check_violation (the zero amount), raised inside the one statement.
      await expect(journal.appendBatch([write])).rejects.toMatchObject({ code: '23514' });

      expect(await journal.highestSeq(`account/${account}`)).toBe(0);
      expect(await model.balances(account)).toEqual([]);
      expect(await model.history(account, { limit: 10 })).toEqual({ entries: [], nextCursor: null });
      expect(await model.orders(account, { limit: 10 })).toEqual({ orders: [], nextCursor: null });
      expect(
        await backend.driver.query('select 1 from ledger_entries where persistence_id = $1', [
          `account/${account}`,
        ]),
      ).toEqual([]);
      for (const total of await model.totals()) expect(total.total).toBe(0n);
    });

    test('a batch of 2,000 account writes is three statements and lands whole', async () => {
      const writes = Array.from({ length: 2_000 }, (_, i) => depositAndOrder(1_000 + i, orders.e1!));
      expect(ledgerProjection.statements(writes)).toHaveLength(3);
      await new SqlJournal(backend.driver, { projections: [ledgerProjection] }).appendBatch(writes);

      const held = orders.e1!.held;
      expect(await model.balances(2_999)).toEqual([
        { asset: 'USDT', available: DEPOSIT - held, locked: held },
      ]);
      expect((await model.orders(2_999, { limit: 10 })).orders).toMatchObject([{ clientOrderId: 'x2999' }]);
      const counted = await backend.driver.query(
        `select count(*)::text as count from ledger_entries where persistence_id ~ '^account/[12][0-9]{3}$'`,
      );
      expect(counted).toEqual([{ count: '8000' }]);
      for (const total of await model.totals()) expect(total.total).toBe(0n);
    });

    test('settlement journals order changes: merged into a row placed in the same batch, else updating it', async () => {
      const journal = new SqlJournal(backend.driver, { projections: [ledgerProjection] });
      const settledAs = (order: AccountOrder, seq: number, status: AccountOrder['status']): AccountEvent => ({
        type: 'settled',
        market: order.market,
        through: seq,
        txs: [],
        orders: [changeOf({ ...order, status, updatedAt: order.updatedAt + seq })],
        volume: null,
      });
      // Placed and accepted in one batch: one row, at its accepted version.
      const first = depositAndOrder(4_001, orders.e1!);
      const placed = (first.events[1] as Extract<AccountEvent, { type: 'placed' }>).order;
      const accepted = { ...first, events: [...first.events, settledAs(placed, 7, 'New')] };
      expect(ledgerProjection.statements([accepted]).map((s) => s.sql.split(' ')[0])).toEqual([
        'insert',
        'insert',
        'insert',
      ]);
      await journal.appendBatch([accepted]);
      expect((await model.orders(4_001, { limit: 10 })).orders).toMatchObject([
        { id: placed.id, status: 'New', updatedAt: placed.updatedAt + 7 },
      ]);
      // Cancelled in a later batch: an update of the row the first one wrote.
      await journal.appendBatch([
        { persistenceId: 'account/4001', fromSeq: 5, events: [settledAs(placed, 9, 'Cancelled')] },
      ]);
      expect((await model.orders(4_001, { limit: 10 })).orders).toMatchObject([
        { id: placed.id, clientOrderId: 'x4001', market: placed.market, status: 'Cancelled' },
      ]);
    });
  });
}

readModelSuite('in-memory PGlite', pglite);

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  readModelSuite('PostgreSQL in a random schema', postgres);
});
