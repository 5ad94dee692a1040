-- The admin panel (issue: admin): markets created by an admin, opened and wired at the next start,
-- and indexes for the admin's order and fill searches across every account.

-- Markets beyond the built-in demo set. `spec` is the MarketSpec (decimal strings); the node reads
-- this table at start and opens, settles and serves every market in it (actors/market/catalog.ts).
create table markets (
  symbol text collate "C" primary key,
  spec jsonb not null,
  created_at timestamptz not null default now(),
  created_by text not null
);

-- Orders of every account newest first, all of them or by market (admin search).
create index account_orders_created on account_orders (created_at, order_id);
create index account_orders_market_created on account_orders (market, created_at, order_id);
-- Fill postings of every account newest first (admin trade search).
create index ledger_entries_fills on ledger_entries (id) where kind = 'fill';
