-- Events, replies and snapshots as `json` rather than `jsonb`: nothing queries inside them (they
-- are read back whole, as text, and decoded by the codec), and `json` only checks the text where
-- `jsonb` parses it into its binary form on every insert (the journal's hottest path; a book's
-- snapshot runs to megabytes). The text is kept exactly as the codec wrote it.
alter table journal
  alter column event type json using event::json,
  alter column reply type json using reply::json;

alter table snapshots
  alter column state type json using state::json,
  alter column processed type json using processed::json;
