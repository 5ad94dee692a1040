-- Read models of the accounts' ledgers and orders, written by `ledgerProjection`
-- (actors/account/read-model.ts) in the same transaction as the journal rows they come from, so
-- they never disagree with the journal. Amounts are ledger minor units (numeric: they outgrow
-- bigint); prices and sizes are book units (ticks, lots). `owner` is the account actor's key (the
-- account number as text) or 'sys' for system accounts.

-- Every posting of every journaled transaction, never updated. `persistence_id` and `seq` name the
-- journal event it came from (a system posting's owner is 'sys', so this says whose ledger made it).
create table ledger_entries (
  id bigserial primary key,
  owner text collate "C" not null,
  account text collate "C" not null,
  asset text collate "C" not null,
  amount numeric(78, 0) not null,
  tx_id text collate "C" not null,
  kind text not null,
  persistence_id text collate "C" not null,
  seq bigint not null,
  created_at timestamptz not null default now(),
  constraint ledger_entries_amount_nonzero check (amount <> 0)
);

-- One owner's history newest first, in pages: `owner = $1 and id < $cursor order by id desc`.
create index ledger_entries_owner_id on ledger_entries (owner, id);

-- Users' balances, changed by the summed deltas of each batch. Only one actor writes an owner's
-- rows and the journal never has two batches of one actor in flight, so these rows see no contention.
create table ledger_balances (
  owner text collate "C" not null,
  asset text collate "C" not null,
  available numeric(78, 0) not null,
  locked numeric(78, 0) not null,
  updated_at timestamptz not null default now(),
  constraint ledger_balances_pkey primary key (owner, asset)
);

-- System balances are sums of entries rather than rows updated per batch: every fill posts to
-- clearing and fees, and one row per system account would serialise every batch on it.
create view system_balances as
select account, asset, sum(amount) as balance
from ledger_entries
where owner = 'sys'
group by account, asset;

-- Each order at its latest version. Order ids come back after 2^21 orders of one account (the
-- account reuses local numbers of closed orders), so the creation time tells two lives apart.
create table account_orders (
  order_id bigint not null,
  created_at timestamptz not null,
  account bigint not null,
  client_order_id text collate "C" not null,
  market text collate "C" not null,
  side text not null,
  type text not null,
  status text not null,
  price bigint not null,
  stop_price bigint not null,
  size bigint not null,
  quote bigint not null,
  filled bigint not null,
  remaining bigint not null,
  filled_notional bigint not null,
  fees jsonb not null,
  updated_at timestamptz not null,
  constraint account_orders_pkey primary key (order_id, created_at)
);

-- An account's orders newest first, all of them or by status or by market, in keyset pages.
create index account_orders_account on account_orders (account, created_at, order_id);
create index account_orders_account_status on account_orders (account, status, created_at, order_id);
create index account_orders_account_market on account_orders (account, market, created_at, order_id);
