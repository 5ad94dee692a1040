-- Every admin command, authorised or denied. Append-only; listed newest first, overall or per target.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null,
  principal text not null,
  verb text not null,
  target text not null,
  reason text not null,
  outcome text not null,
  detail jsonb,
  constraint audit_log_outcome check (outcome in ('accepted', 'denied'))
);

create index audit_log_target_id on audit_log (target, id);
