-- Events and replies as `json` rather than `jsonb`: nothing queries inside them (they are read
-- back whole, as text, and decoded by the codec), and `json` only checks the text where `jsonb`
-- parses it into its binary form on every insert, the journal's hottest path. The text is kept
-- exactly as the codec wrote it.
alter table journal
  alter column event type json using event::json,
  alter column reply type json using reply::json;
