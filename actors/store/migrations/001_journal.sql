-- The event journal: one row per event, never updated or deleted. An actor's events are read in
-- seq order from the primary key; a command's message id and reply sit on its last event, and the
-- partial unique index makes a redelivered command conflict instead of appending twice.
-- Ids are compared byte-wise (collate "C"): they are opaque, and it makes the indexes cheaper.
create table journal (
  persistence_id text collate "C" not null,
  seq bigint not null,
  msg_id text collate "C",
  event jsonb not null,
  reply jsonb,
  written_at timestamptz not null default now(),
  constraint journal_pkey primary key (persistence_id, seq),
  constraint journal_seq_positive check (seq > 0)
);

create unique index journal_msg_id_key on journal (persistence_id, msg_id) where msg_id is not null;

-- The newest snapshot per actor: state after event `seq`, and the message ids (with replies) it
-- remembers so idempotency survives snapshot + replay.
create table snapshots (
  persistence_id text collate "C" primary key,
  seq bigint not null,
  state jsonb not null,
  processed jsonb not null,
  taken_at timestamptz not null default now()
);
