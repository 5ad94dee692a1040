import type { AppendWrite, Projection, SqlQuerier, SqlStatement } from '../store/index.ts';
import { LOCAL_ID_BITS } from './account-actor.ts';
import type { Transaction } from './ledger.ts';
import type { OrderStatus } from './oms.ts';
import { withChange } from './account-state.ts';
import type { AccountEvent, AccountOrder, OrderChange } from './types.ts';

/**
 * The accounts' read model (tables of migrations/003_ledger.sql): every posting as an entry, users'
 * balances, system balances and every order at its latest version. `ledgerProjection` writes it in
 * the journal's transaction; `LedgerReadModel` answers history and reporting queries from it, so
 * those never wake an actor nor page through its journal.
 */

const ACCOUNT_PREFIX = 'account/';
/** Owner of the entries posted to system accounts (`sys:<name>`), whichever ledger posted them. */
export const SYSTEM_OWNER = 'sys';
/** Largest page `history` and `orders` return. */
export const MAX_PAGE = 500;

/** Rows in array order (`ord`), so entry ids follow the journal's order within a batch. */
const INSERT_ENTRIES = `insert into ledger_entries (owner, account, asset, amount, tx_id, kind, persistence_id, seq)
select owner, account, asset, amount, tx_id, kind, persistence_id, seq
from rows from (
  json_to_recordset($1::json) as (owner text, account text, asset text, amount numeric, tx_id text, kind text,
    persistence_id text, seq bigint)
) with ordinality as e(owner, account, asset, amount, tx_id, kind, persistence_id, seq, ord)
order by ord`;

/** Adds each (owner, asset)'s delta; a zero delta still creates the row, as the actor's ledger does. */
const UPSERT_BALANCES = `insert into ledger_balances as b (owner, asset, available, locked)
select owner, asset, available, locked
from json_to_recordset($1::json) as d(owner text, asset text, available numeric, locked numeric)
on conflict (owner, asset) do update
set available = b.available + excluded.available, locked = b.locked + excluded.locked, updated_at = now()
where excluded.available <> 0 or excluded.locked <> 0`;

/** Times travel as epoch milliseconds (`AccountOrder.createdAt`). */
const UPSERT_ORDERS = `insert into account_orders (order_id, created_at, account, client_order_id, market, side, type,
  status, price, stop_price, size, quote, filled, remaining, filled_notional, fees, updated_at)
select id, to_timestamp(created_at / 1000.0), account, client_order_id, market, side, type,
  status, price, stop_price, size, quote, filled, remaining, filled_notional, fees, to_timestamp(updated_at / 1000.0)
from json_to_recordset($1::json) as o(id bigint, created_at bigint, account bigint, client_order_id text,
  market text, side text, type text, status text, price bigint, stop_price bigint, size bigint, quote bigint,
  filled bigint, remaining bigint, filled_notional bigint, fees jsonb, updated_at bigint)
on conflict (order_id, created_at) do update
set status = excluded.status, price = excluded.price, stop_price = excluded.stop_price, size = excluded.size,
  quote = excluded.quote, filled = excluded.filled, remaining = excluded.remaining,
  filled_notional = excluded.filled_notional, fees = excluded.fees, updated_at = excluded.updated_at`;

/**
 * Settlement's changes to orders whose row an earlier batch wrote (an order placed in the same
 * batch is merged into its row before, since statements of one batch do not see each other's rows).
 */
const UPDATE_ORDERS = `update account_orders as o
set status = c.status, price = c.price, filled = c.filled, remaining = c.remaining,
  filled_notional = c.filled_notional, fees = c.fees, updated_at = to_timestamp(c.updated_at / 1000.0)
from json_to_recordset($1::json) as c(id bigint, created_at bigint, status text, price bigint, filled bigint,
  remaining bigint, filled_notional bigint, fees jsonb, updated_at bigint)
where o.order_id = c.id and o.created_at = to_timestamp(c.created_at / 1000.0)`;

const BALANCES = `select asset, available::text as available, locked::text as locked
from ledger_balances where owner = $1 order by asset`;

/**
 * `id < $2` with the largest bigint for the first page keeps one index-friendly condition. Columns
 * are qualified where a `::text` alias shares their name, so order and keyset compare numbers.
 */
const HISTORY = `select id::text as id, account, asset, amount::text as amount, tx_id, kind, persistence_id,
  seq::text as seq, ${epochMs('created_at')} as created_at
from ledger_entries as e where owner = $1 and e.id < $2::bigint order by e.id desc limit $3`;
const FIRST_ENTRY = '9223372036854775807';

const ORDER_COLUMNS = `order_id::text as order_id, account::text as account, client_order_id, market, side, type,
  status, price::text as price, stop_price::text as stop_price, size::text as size, quote::text as quote,
  filled::text as filled, remaining::text as remaining, filled_notional::text as filled_notional,
  fees::text as fees, ${epochMs('created_at')} as created_at, ${epochMs('updated_at')} as updated_at`;

const SYSTEM_BALANCES = `select account, asset, balance::text as balance from system_balances order by account, asset`;

const TOTALS = `select asset, sum(users)::text as users, sum(system)::text as system
from (
  select asset, available + locked as users, 0::numeric as system from ledger_balances
  union all
  select asset, 0, balance from system_balances
) as parts
group by asset order by asset`;

function epochMs(column: string): string {
  return `(extract(epoch from ${column}) * 1000)::bigint::text`;
}

// --- projection ------------------------------------------------------------------------------------

/**
 * Writes the read model from the events of `account/*` actors (others' writes are ignored): an entry
 * per posting (owner: the account for `available`/`locked`, `sys` for system accounts), one balance
 * upsert per (account, asset) with the batch's summed deltas, and one upsert per order with its last
 * version in the batch. At most three statements whatever the batch's size.
 */
export const ledgerProjection: Projection = {
  statements(writes: readonly AppendWrite[]): readonly SqlStatement[] {
    const rows = new BatchRows();
    for (const write of writes) {
      if (!write.persistenceId.startsWith(ACCOUNT_PREFIX)) continue;
      const owner = write.persistenceId.slice(ACCOUNT_PREFIX.length);
      write.events.forEach((event, i) =>
        rows.add(write.persistenceId, owner, write.fromSeq + i, event as AccountEvent),
      );
    }
    return rows.statements();
  },
};

interface EntryRow {
  readonly owner: string;
  readonly account: string;
  readonly asset: string;
  readonly amount: string;
  readonly tx_id: string;
  readonly kind: string;
  readonly persistence_id: string;
  readonly seq: number;
}

interface Delta {
  available: bigint;
  locked: bigint;
}

/** What one batch adds to the read model, gathered before any SQL is built. */
class BatchRows {
  readonly #entries: EntryRow[] = [];
  /** owner -> asset -> delta. */
  readonly #deltas = new Map<string, Map<string, Delta>>();
  /** Latest version per order; the key also tells two lives of a reused order id apart. */
  readonly #orders = new Map<string, AccountOrder>();
  /** Latest change per order whose whole row is not in this batch. */
  readonly #changes = new Map<string, OrderChange>();

  add(persistenceId: string, owner: string, seq: number, event: AccountEvent): void {
    switch (event.type) {
      case 'placed':
      case 'abandoned':
        this.#post(persistenceId, owner, seq, event.tx);
        this.#keep(event.order);
        break;
      case 'amendHeld':
        if (event.tx) this.#post(persistenceId, owner, seq, event.tx);
        this.#keep(event.order);
        break;
      case 'settled':
        for (const tx of event.txs) this.#post(persistenceId, owner, seq, tx);
        for (const change of event.orders) this.#change(change);
        break;
      case 'posted':
        this.#post(persistenceId, owner, seq, event.tx);
        break;
      case 'frozen':
      case 'kyc':
      case 'customRates':
        break;
    }
  }

  statements(): SqlStatement[] {
    const statements: SqlStatement[] = [];
    if (this.#entries.length > 0) {
      statements.push({ sql: INSERT_ENTRIES, params: [JSON.stringify(this.#entries)] });
    }
    const balances = [...this.#deltas].flatMap(([owner, assets]) =>
      [...assets].map(([asset, { available, locked }]) => ({
        owner,
        asset,
        available: available.toString(),
        locked: locked.toString(),
      })),
    );
    if (balances.length > 0) statements.push({ sql: UPSERT_BALANCES, params: [JSON.stringify(balances)] });
    if (this.#orders.size > 0) {
      statements.push({
        sql: UPSERT_ORDERS,
        params: [JSON.stringify([...this.#orders.values()].map(orderRow))],
      });
    }
    if (this.#changes.size > 0) {
      statements.push({
        sql: UPDATE_ORDERS,
        params: [JSON.stringify([...this.#changes.values()].map(changeRow))],
      });
    }
    return statements;
  }

  #post(persistenceId: string, owner: string, seq: number, tx: Transaction): void {
    for (const { account, asset, amount } of tx.postings) {
      const user = account === 'available' || account === 'locked';
      this.#entries.push({
        owner: user ? owner : SYSTEM_OWNER,
        account: user ? account : account.slice('sys:'.length),
        asset,
        amount: amount.toString(),
        tx_id: tx.id,
        kind: tx.kind,
        persistence_id: persistenceId,
        seq,
      });
      if (!user) continue;
      let assets = this.#deltas.get(owner);
      if (!assets) this.#deltas.set(owner, (assets = new Map()));
      let delta = assets.get(asset);
      if (!delta) assets.set(asset, (delta = { available: 0n, locked: 0n }));
      delta[account] += amount;
    }
  }

  #keep(order: AccountOrder): void {
    const key = orderKey(order);
    this.#orders.set(key, order);
    this.#changes.delete(key);
  }

  #change(change: OrderChange): void {
    const key = orderKey(change);
    const whole = this.#orders.get(key);
    if (whole) this.#orders.set(key, withChange(whole, change));
    else this.#changes.set(key, change);
  }
}

function orderKey(order: OrderChange): string {
  return `${order.id}@${order.createdAt}`;
}

function changeRow(change: OrderChange): Record<string, unknown> {
  return {
    id: change.id,
    created_at: change.createdAt,
    status: change.status,
    price: change.price,
    filled: change.filledLots,
    remaining: change.remaining,
    filled_notional: change.filledNotional,
    fees: feesRow(change.fees),
    updated_at: change.updatedAt,
  };
}

function feesRow(fees: OrderChange['fees']): Record<string, string> {
  return Object.fromEntries(Object.entries(fees).map(([asset, fee]) => [asset, fee.toString()]));
}

function orderRow(order: AccountOrder): Record<string, unknown> {
  return {
    id: order.id,
    created_at: order.createdAt,
    // Order ids are `account × 2^LOCAL_ID_BITS + n` (account-actor.ts).
    account: Math.floor(order.id / 2 ** LOCAL_ID_BITS),
    client_order_id: order.clientOrderId,
    market: order.market,
    side: order.side,
    type: order.type,
    status: order.status,
    price: order.price,
    stop_price: order.stopPrice,
    size: order.size,
    quote: order.quote,
    filled: order.filledLots,
    remaining: order.remaining,
    filled_notional: order.filledNotional,
    fees: feesRow(order.fees),
    updated_at: order.updatedAt,
  };
}

// --- queries ---------------------------------------------------------------------------------------

/** A user's balance of one asset, in minor units. */
export interface LedgerBalance {
  readonly asset: string;
  readonly available: bigint;
  readonly locked: bigint;
}

/** One posting as history shows it. */
export interface LedgerEntry {
  readonly id: bigint;
  /** `available` / `locked`, or the system account's name (without `sys:`) in the system history. */
  readonly account: string;
  readonly asset: string;
  /** Signed minor units. */
  readonly amount: bigint;
  readonly txId: string;
  readonly kind: string;
  /** The journal event it came from. */
  readonly persistenceId: string;
  readonly seq: number;
  /** Epoch milliseconds of the journal write. */
  readonly createdAt: number;
}

/** An order as the read model keeps it: the OMS record without its hold bookkeeping. */
export type OrderRecord = Pick<
  AccountOrder,
  | 'id'
  | 'clientOrderId'
  | 'market'
  | 'side'
  | 'type'
  | 'status'
  | 'price'
  | 'stopPrice'
  | 'size'
  | 'quote'
  | 'filledLots'
  | 'remaining'
  | 'filledNotional'
  | 'fees'
  | 'createdAt'
  | 'updatedAt'
> & { readonly account: number };

export interface SystemBalance {
  /** System account name, e.g. `fee_revenue`, `custody:base`, `clearing:BTC-USDT`. */
  readonly account: string;
  readonly asset: string;
  readonly balance: bigint;
}

/** Per asset: what users hold, what the system accounts hold, and their sum, which must be 0. */
export interface AssetTotal {
  readonly asset: string;
  readonly users: bigint;
  readonly system: bigint;
  readonly total: bigint;
}

export interface PageOptions {
  /** 1 … `MAX_PAGE`. */
  readonly limit: number;
  /** `nextCursor` of the previous page; omitted for the first. */
  readonly before?: string;
}

export interface OrderPageOptions extends PageOptions {
  readonly status?: OrderStatus;
  readonly market?: string;
}

/** What an admin searches orders by, across every account (all optional). */
export interface OrderSearch {
  readonly account?: number;
  readonly market?: string;
  readonly statuses?: readonly OrderStatus[];
  /** Created at or after, epoch ms. */
  readonly from?: number;
  /** Created before, epoch ms. */
  readonly to?: number;
}

/** What an admin searches fills by, across every account (all optional). */
export interface FillSearch {
  readonly account?: number;
  readonly market?: string;
  readonly from?: number;
  readonly to?: number;
}

/** One side of one fill as an account's ledger booked it: the postings of `fill:<market>:<seq>:<side>`. */
export interface FillRecord {
  /** The lowest entry id of the transaction (the page key). */
  readonly id: bigint;
  readonly account: number;
  readonly txId: string;
  readonly postings: readonly { readonly bucket: string; readonly asset: string; readonly amount: bigint }[];
  readonly createdAt: number;
}

export interface FillPage {
  /** Newest first. */
  readonly fills: readonly FillRecord[];
  readonly nextCursor: string | null;
}

export interface HistoryPage {
  /** Newest first. */
  readonly entries: readonly LedgerEntry[];
  /** Opaque; `null` on the last page. */
  readonly nextCursor: string | null;
}

export interface OrderPage {
  /** Newest first (by creation). */
  readonly orders: readonly OrderRecord[];
  readonly nextCursor: string | null;
}

interface EntryRecord {
  id: string;
  account: string;
  asset: string;
  amount: string;
  tx_id: string;
  kind: string;
  persistence_id: string;
  seq: string;
  created_at: string;
}

interface OrderRecordRow {
  order_id: string;
  account: string;
  client_order_id: string;
  market: string;
  side: OrderRecord['side'];
  type: OrderRecord['type'];
  status: OrderStatus;
  price: string;
  stop_price: string;
  size: string;
  quote: string;
  filled: string;
  remaining: string;
  filled_notional: string;
  fees: string;
  created_at: string;
  updated_at: string;
}

/**
 * Queries over the read model. Pages are keyset pages (stable while new rows arrive: a page never
 * repeats or skips a row because something was written meanwhile) with opaque cursors.
 *
 * Reads see committed batches only, so they can trail the actors by the batch in flight.
 */
export class LedgerReadModel {
  constructor(private readonly db: SqlQuerier) {}

  /** The account's balances by asset (every asset it ever touched, zeros included). */
  async balances(account: number): Promise<LedgerBalance[]> {
    const rows = await this.db.query<{ asset: string; available: string; locked: string }>(BALANCES, [
      String(account),
    ]);
    return rows.map((row) => ({
      asset: row.asset,
      available: BigInt(row.available),
      locked: BigInt(row.locked),
    }));
  }

  /**
   * The postings of one account (or of all system accounts, with `'sys'`), newest first.
   *
   * @throws RangeError for a limit outside 1 … MAX_PAGE or a cursor this method did not give out.
   */
  async history(owner: number | typeof SYSTEM_OWNER, page: PageOptions): Promise<HistoryPage> {
    const limit = checkLimit(page.limit);
    const before = page.before === undefined ? FIRST_ENTRY : decodeCursor(page.before, 'h')[0]!;
    const rows = await this.db.query<EntryRecord>(HISTORY, [String(owner), before, limit + 1]);
    const entries = rows.slice(0, limit).map((row): LedgerEntry => ({
      id: BigInt(row.id),
      account: row.account,
      asset: row.asset,
      amount: BigInt(row.amount),
      txId: row.tx_id,
      kind: row.kind,
      persistenceId: row.persistence_id,
      seq: Number(row.seq),
      createdAt: Number(row.created_at),
    }));
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor('h', [last.id]) : null };
  }

  /**
   * Accounts with an order still PendingNew since before `before` (epoch ms): the ones whose
   * orders the node sends again after a crash (`OrderPath.resumePending`).
   */
  async accountsWithPendingOrders(before: number, limit: number): Promise<number[]> {
    const rows = await this.db.query<{ account: string }>(
      `select distinct account::text as account from account_orders
where status = 'PendingNew' and updated_at < to_timestamp($1 / 1000.0) limit $2`,
      [before, checkLimit(limit)],
    );
    return rows.map((row) => Number(row.account));
  }

  /**
   * One account's orders newest first, optionally of one status and one market.
   *
   * @throws RangeError for a limit outside 1 … MAX_PAGE or a cursor this method did not give out.
   */
  async orders(account: number, page: OrderPageOptions): Promise<OrderPage> {
    const limit = checkLimit(page.limit);
    const params: unknown[] = [account];
    // Fixed fragments, values as parameters: each filter combination matches one of the indexes.
    const where = ['account = $1'];
    if (page.status !== undefined) where.push(`status = $${params.push(page.status)}`);
    if (page.market !== undefined) where.push(`market = $${params.push(page.market)}`);
    return this.#orderPage(where, params, page.before, limit);
  }

  /**
   * Orders of every account (admin search), newest first, filtered by account, market, statuses
   * and creation time.
   *
   * @throws RangeError for a limit outside 1 … MAX_PAGE or a cursor this method did not give out.
   */
  async searchOrders(search: OrderSearch, page: PageOptions): Promise<OrderPage> {
    const limit = checkLimit(page.limit);
    const params: unknown[] = [];
    const where = ['true'];
    if (search.account !== undefined) where.push(`account = $${params.push(search.account)}`);
    if (search.market !== undefined) where.push(`market = $${params.push(search.market)}`);
    if (search.statuses !== undefined && search.statuses.length > 0)
      where.push(`status = any($${params.push([...search.statuses])}::text[])`);
    if (search.from !== undefined)
      where.push(`o.created_at >= to_timestamp($${params.push(search.from)}::bigint / 1000.0)`);
    if (search.to !== undefined)
      where.push(`o.created_at < to_timestamp($${params.push(search.to)}::bigint / 1000.0)`);
    return this.#orderPage(where, params, page.before, limit);
  }

  /** A keyset page of `account_orders` rows matching `where` (fixed fragments, `$n` parameters). */
  async #orderPage(
    where: string[],
    params: unknown[],
    before: string | undefined,
    limit: number,
  ): Promise<OrderPage> {
    if (before !== undefined) {
      const [createdAt, orderId] = decodeCursor(before, 'o');
      const at = params.push(createdAt);
      const id = params.push(orderId);
      where.push(`(o.created_at, o.order_id) < (to_timestamp($${at}::bigint / 1000.0), $${id}::bigint)`);
    }
    const sql = `select ${ORDER_COLUMNS} from account_orders as o where ${where.join(' and ')}
order by o.created_at desc, o.order_id desc limit $${params.push(limit + 1)}`;
    const rows = await this.db.query<OrderRecordRow>(sql, params);
    const orders = rows.slice(0, limit).map(toOrderRecord);
    const last = orders[orders.length - 1];
    return {
      orders,
      nextCursor: rows.length > limit && last ? encodeCursor('o', [last.createdAt, last.id]) : null,
    };
  }

  /**
   * Fills of every account (admin search) from the ledger entries of kind `fill`, one record per
   * account and fill transaction, newest first.
   *
   * @throws RangeError for a limit outside 1 … MAX_PAGE or a cursor this method did not give out.
   */
  async searchFills(search: FillSearch, page: PageOptions): Promise<FillPage> {
    const limit = checkLimit(page.limit);
    const params: unknown[] = [];
    const where = [`e.kind = 'fill'`, `e.owner <> '${SYSTEM_OWNER}'`];
    if (search.account !== undefined) where.push(`e.owner = $${params.push(String(search.account))}`);
    if (search.market !== undefined) {
      const prefix = `fill:${search.market}:`;
      where.push(`left(e.tx_id, ${prefix.length}) = $${params.push(prefix)}`);
    }
    if (search.from !== undefined)
      where.push(`e.created_at >= to_timestamp($${params.push(search.from)}::bigint / 1000.0)`);
    if (search.to !== undefined)
      where.push(`e.created_at < to_timestamp($${params.push(search.to)}::bigint / 1000.0)`);
    const before = page.before === undefined ? FIRST_ENTRY : decodeCursor(page.before, 'h')[0]!;
    const sql = `select min(e.id)::text as id, e.owner, e.tx_id, ${epochMs('min(e.created_at)')} as created_at,
  json_agg(json_build_object('bucket', e.account, 'asset', e.asset, 'amount', e.amount::text) order by e.id)::text
    as postings
from ledger_entries as e where ${where.join(' and ')}
group by e.owner, e.tx_id having min(e.id) < $${params.push(before)}::bigint
order by min(e.id) desc limit $${params.push(limit + 1)}`;
    const rows = await this.db.query<{
      id: string;
      owner: string;
      tx_id: string;
      created_at: string;
      postings: string;
    }>(sql, params);
    const fills = rows.slice(0, limit).map((row): FillRecord => ({
      id: BigInt(row.id),
      account: Number(row.owner),
      txId: row.tx_id,
      createdAt: Number(row.created_at),
      postings: (JSON.parse(row.postings) as { bucket: string; asset: string; amount: string }[]).map(
        (p) => ({
          bucket: p.bucket,
          asset: p.asset,
          amount: BigInt(p.amount),
        }),
      ),
    }));
    const last = fills[fills.length - 1];
    return { fills, nextCursor: rows.length > limit && last ? encodeCursor('h', [last.id]) : null };
  }

  /** Every system account's balance per asset (sums of their entries). */
  async systemBalances(): Promise<SystemBalance[]> {
    const rows = await this.db.query<{ account: string; asset: string; balance: string }>(SYSTEM_BALANCES);
    return rows.map((row) => ({ account: row.account, asset: row.asset, balance: BigInt(row.balance) }));
  }

  /** The conservation check: per asset, users' available + locked against the system balances. */
  async totals(): Promise<AssetTotal[]> {
    const rows = await this.db.query<{ asset: string; users: string; system: string }>(TOTALS);
    return rows.map((row) => {
      const users = BigInt(row.users);
      const system = BigInt(row.system);
      return { asset: row.asset, users, system, total: users + system };
    });
  }
}

function toOrderRecord(row: OrderRecordRow): OrderRecord {
  const fees = JSON.parse(row.fees) as Record<string, string>;
  return {
    id: Number(row.order_id),
    account: Number(row.account),
    clientOrderId: row.client_order_id,
    market: row.market,
    side: row.side,
    type: row.type,
    status: row.status,
    price: Number(row.price),
    stopPrice: Number(row.stop_price),
    size: Number(row.size),
    quote: Number(row.quote),
    filledLots: Number(row.filled),
    remaining: Number(row.remaining),
    filledNotional: Number(row.filled_notional),
    fees: Object.fromEntries(Object.entries(fees).map(([asset, fee]) => [asset, BigInt(fee)])),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function checkLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new RangeError(`limit ${limit} must be an integer from 1 to ${MAX_PAGE}`);
  }
  return limit;
}

/** `<kind>:<n>:<n>…` in base64url: opaque to callers, and a history cursor is no order cursor. */
function encodeCursor(kind: 'h' | 'o', keys: readonly (number | bigint)[]): string {
  return Buffer.from([kind, ...keys].join(':')).toString('base64url');
}

function decodeCursor(cursor: string, kind: 'h' | 'o'): string[] {
  const [found, ...keys] = Buffer.from(cursor, 'base64url').toString().split(':');
  const arity = kind === 'h' ? 1 : 2;
  if (found !== kind || keys.length !== arity || !keys.every((key) => /^\d{1,19}$/.test(key))) {
    throw new RangeError(`invalid cursor ${JSON.stringify(cursor)}`);
  }
  return keys;
}
