-- The $QTRA chain index (contracts/indexer): every event of the exchange's contracts once, in one
-- table keyed by its position on the chain, with typed views (purchases, allocations, claims,
-- stakes, burns, router splits) the gateway serves to the presale and investor pages. uint256
-- amounts are numeric (exact, never floats). A reorg deletes the rows above the common ancestor,
-- so the views follow automatically.

create table chain_events (
  chain_id bigint not null,
  block_number bigint not null,
  log_index int not null,
  block_hash text collate "C" not null,
  tx_hash text collate "C" not null,
  block_time timestamptz not null,
  -- The contract's role (sale, vesting, staking, router, token) and address.
  contract text collate "C" not null,
  address text collate "C" not null,
  event text collate "C" not null,
  -- Decoded arguments; uint256 values as decimal strings.
  args jsonb not null,
  constraint chain_events_pkey primary key (chain_id, block_number, log_index)
);

create index chain_events_by_event on chain_events (chain_id, contract, event, block_number);

-- Blocks the indexer has seen (the last indexed one and those with events), to find the common
-- ancestor after a reorg; pruned below the finality depth.
create table chain_blocks (
  chain_id bigint not null,
  block_number bigint not null,
  block_hash text collate "C" not null,
  constraint chain_blocks_pkey primary key (chain_id, block_number)
);

-- How far each chain is indexed (inclusive).
create table chain_cursor (
  chain_id bigint primary key,
  block_number bigint not null,
  block_hash text collate "C" not null,
  updated_at timestamptz not null default now()
);

create view chain_purchases as
select chain_id, block_number, log_index, tx_hash, block_time,
       args->>'buyer' as buyer,
       (args->>'roundId')::int as round_id,
       args->>'stablecoin' as stablecoin,
       (args->>'paid')::numeric as paid,
       (args->>'tokens')::numeric as tokens
  from chain_events where contract = 'sale' and event = 'Purchased';

create view chain_claims as
select chain_id, block_number, log_index, tx_hash, block_time,
       contract as source,
       coalesce(args->>'buyer', args->>'account') as account,
       (args->>'roundId')::int as round_id,
       (args->>'scheduleId')::numeric as schedule_id,
       (args->>'index')::numeric as leaf_index,
       (args->>'amount')::numeric as amount
  from chain_events where contract in ('sale', 'vesting') and event = 'Claimed';

-- What each buyer bought per sale round and has claimed of it so far.
create view chain_sale_allocations as
select p.chain_id, p.buyer, p.round_id, p.tokens,
       coalesce(c.claimed, 0) as claimed
  from (select chain_id, buyer, round_id, sum(tokens) as tokens
          from chain_purchases group by chain_id, buyer, round_id) p
  left join (select chain_id, account, round_id, sum(amount) as claimed
               from chain_claims where source = 'sale' group by chain_id, account, round_id) c
    on c.chain_id = p.chain_id and c.account = p.buyer and c.round_id = p.round_id;

create view chain_vesting_events as
select chain_id, block_number, log_index, tx_hash, block_time, event,
       (args->>'scheduleId')::numeric as schedule_id,
       (args->>'index')::numeric as leaf_index,
       args->>'account' as account,
       args
  from chain_events where contract = 'vesting' and event in ('ScheduleCreated', 'Claimed', 'Revoked');

create view chain_stakes as
select chain_id, block_number, log_index, tx_hash, block_time, event,
       args->>'account' as account,
       coalesce((args->>'amount')::numeric, (args->>'reward')::numeric) as amount
  from chain_events
 where contract = 'staking' and event in ('Staked', 'UnstakeRequested', 'Withdrawn', 'RewardPaid');

create view chain_burns as
select chain_id, block_number, log_index, tx_hash, block_time,
       (args->>'amountIn')::numeric as amount_in,
       (args->>'qtraOut')::numeric as qtra_out,
       (args->>'burned')::numeric as burned
  from chain_events where contract = 'router' and event = 'BuybackExecuted';

create view chain_router_splits as
select chain_id, block_number, log_index, tx_hash, block_time,
       (args->>'total')::numeric as total,
       (args->>'buyback')::numeric as buyback,
       (args->>'staking')::numeric as staking,
       (args->>'treasury')::numeric as treasury
  from chain_events where contract = 'router' and event = 'Split';
