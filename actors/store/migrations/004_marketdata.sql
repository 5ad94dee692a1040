-- Market data history, written by `MarketDataRecorder` (actors/marketdata/recorder.ts). Prices are
-- the market's integer ticks and sizes its lots (as in the book); quote volume is tick-lots, which
-- outgrows bigint over long windows, hence numeric. Times are UTC instants stored to the millisecond.

-- Every trade once. `seq` is the market's Fill sequence for live trades (positive); imported history
-- uses negative seqs (see actors/marketdata/import-seq.ts), so the two never collide and recording
-- the same trade again is a no-op (`on conflict do nothing`).
create table md_trades (
  symbol text collate "C" not null,
  seq bigint not null,
  time timestamptz not null,
  price bigint not null,
  size bigint not null,
  taker_side text collate "C" not null,
  constraint md_trades_pkey primary key (symbol, seq),
  constraint md_trades_taker_side check (taker_side in ('BUY', 'SELL')),
  constraint md_trades_positive check (price > 0 and size > 0)
);

-- Time-range reads (tape history, candle rebuilds).
create index md_trades_symbol_time on md_trades (symbol, time);

-- One row per bucket, upserted with its latest values while the bucket is open. `open_time` is the
-- start of the UTC-aligned bucket (weeks start Monday 00:00 UTC).
create table md_candles (
  symbol text collate "C" not null,
  "interval" text collate "C" not null,
  open_time timestamptz not null,
  open bigint not null,
  high bigint not null,
  low bigint not null,
  close bigint not null,
  volume bigint not null,
  quote_volume numeric(78, 0) not null,
  trades int not null,
  constraint md_candles_pkey primary key (symbol, "interval", open_time),
  constraint md_candles_interval check ("interval" in ('1m', '5m', '15m', '1h', '4h', '1d', '1w'))
);

-- L2 snapshots (best first), exact at market sequence `seq`. The key starts with (symbol, time), so
-- it is also the time-range index; it makes recording the same snapshot twice a no-op.
-- `spread_bps` is null while a side is empty.
create table md_book_snapshots (
  symbol text collate "C" not null,
  time timestamptz not null,
  seq bigint not null,
  bids jsonb not null,
  asks jsonb not null,
  spread_bps int,
  constraint md_book_snapshots_pkey primary key (symbol, time, seq)
);
