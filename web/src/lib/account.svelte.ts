import { gql, subscribe } from './api/client.ts';
import { describeError } from './api/errors.ts';
import {
  BALANCES,
  MY_BALANCES_SUB,
  MY_FEE_TIER,
  MY_FILLS_SUB,
  MY_ORDERS_SUB,
  OPEN_ORDERS,
  ORDER_HISTORY,
  SETTLED_FILLS,
} from './api/queries.ts';
import { isOpen, type Balance, type FeeTier, type Fill, type Order, type Side } from './types.ts';

/** A fill row for the fills tab: the engine's view (price, size) and/or the ledger's (paid, received). */
export interface FillRow {
  key: string;
  market: string;
  side: Side;
  liquidity: 'MAKER' | 'TAKER';
  time: string;
  price?: string;
  size?: string;
  paid?: { asset: string; amount: string };
  received?: { asset: string; amount: string };
}

interface SettledFill {
  id: string;
  market: string;
  seq: string;
  side: Side;
  liquidity: 'MAKER' | 'TAKER';
  time: string;
  paid: { asset: string; amount: string };
  received: { asset: string; amount: string };
}

type Edges<T> = { edges: { node: T }[]; pageInfo?: { hasNextPage: boolean; endCursor: string | null } };

const MAX_ORDERS = 500;
const MAX_FILLS = 200;

/**
 * The signed-in account's orders, fills, balances and fee tier: loaded once, then kept current
 * by the myOrders / myFills / myBalances subscriptions (which resubscribe after a reconnect; a
 * reconnect also re-reads everything, so nothing missed while away stays stale).
 */
class Account {
  orders = $state<Record<string, Order>>({});
  fills = $state<FillRow[]>([]);
  balances = $state<Balance[]>([]);
  feeTier = $state<FeeTier | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  #stops: (() => void)[] = [];
  #users = 0;
  #fillsTimer: ReturnType<typeof setTimeout> | undefined;

  balance(asset: string): Balance | undefined {
    return this.balances.find((b) => b.asset === asset);
  }

  upsert(order: Order): void {
    const known = this.orders[order.id];
    if (known && known.updatedAt > order.updatedAt) return;
    this.orders[order.id] = order;
    const ids = Object.keys(this.orders);
    if (ids.length > MAX_ORDERS) {
      const oldest = Object.values(this.orders)
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
        .slice(0, ids.length - MAX_ORDERS);
      for (const o of oldest) delete this.orders[o.id];
    }
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const [open, history, balances, tier] = await Promise.all([
        this.#openOrders(),
        gql<{ orders: Edges<Order> }>(ORDER_HISTORY),
        gql<{ balances: Balance[] }>(BALANCES),
        gql<{ myFeeTier: FeeTier }>(MY_FEE_TIER),
      ]);
      for (const { node } of history.orders.edges) this.upsert(node);
      // Open orders as the server has them now: anything we thought open and it does not list is not.
      const openIds = new Set(open.map((o) => o.id));
      for (const o of Object.values(this.orders))
        if (isOpen(o) && !openIds.has(o.id)) delete this.orders[o.id];
      for (const o of open) this.upsert(o);
      this.balances = balances.balances;
      this.feeTier = tier.myFeeTier;
      this.error = null;
      await this.loadFills();
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loading = false;
    }
  }

  async #openOrders(): Promise<Order[]> {
    const all: Order[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { orders }: { orders: Edges<Order> } = await gql<{ orders: Edges<Order> }>(OPEN_ORDERS, {
        after,
      });
      all.push(...orders.edges.map((e) => e.node));
      if (!orders.pageInfo?.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    return all;
  }

  async loadFills(): Promise<void> {
    const { fills } = await gql<{ fills: Edges<SettledFill> }>(SETTLED_FILLS);
    const byKey = new Map(this.fills.map((f) => [f.key, f]));
    for (const { node } of fills.edges) {
      const key = `${node.market}:${node.seq}:${node.liquidity}`;
      const row = byKey.get(key);
      byKey.set(key, {
        ...row,
        key,
        market: node.market,
        side: node.side,
        liquidity: node.liquidity,
        time: row?.time ?? node.time,
        paid: node.paid,
        received: node.received,
      });
    }
    this.fills = [...byKey.values()].sort((a, b) => b.time.localeCompare(a.time)).slice(0, MAX_FILLS);
  }

  #addFill(fill: Fill): void {
    const key = `${fill.market}:${fill.seq}:${fill.liquidity}`;
    const rest = this.fills.filter((f) => f.key !== key);
    const known = this.fills.find((f) => f.key === key);
    this.fills = [
      {
        ...known,
        key,
        market: fill.market,
        side: fill.side,
        liquidity: fill.liquidity,
        time: fill.time,
        price: fill.price,
        size: fill.size,
      },
      ...rest,
    ].slice(0, MAX_FILLS);
    // The ledger's view (what was paid and received, net of fees) follows the settlement.
    clearTimeout(this.#fillsTimer);
    this.#fillsTimer = setTimeout(() => void this.loadFills().catch(() => {}), 500);
  }

  start(): () => void {
    this.#users += 1;
    if (this.#users === 1) {
      void this.load();
      this.#stops.push(
        subscribe<{ myOrders: Order }>(
          MY_ORDERS_SUB,
          {},
          ({ myOrders }) => this.upsert(myOrders),
          (e) => (this.error = describeError(e)),
        ),
        subscribe<{ myFills: Fill }>(MY_FILLS_SUB, {}, ({ myFills }) => this.#addFill(myFills)),
        subscribe<{ myBalances: Balance[] }>(
          MY_BALANCES_SUB,
          {},
          ({ myBalances }) => (this.balances = myBalances),
        ),
      );
    }
    return () => {
      this.#users -= 1;
      if (this.#users === 0) this.reset();
    };
  }

  reset(): void {
    for (const stop of this.#stops.splice(0)) stop();
    clearTimeout(this.#fillsTimer);
    this.orders = {};
    this.fills = [];
    this.balances = [];
    this.feeTier = null;
    this.error = null;
  }
}

export const account = new Account();
