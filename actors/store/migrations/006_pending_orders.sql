-- Orders still PendingNew (held, maybe never at the book after a crash): the node's sweep finds
-- their accounts and sends them again. Few rows at any time, so a small partial index.
create index account_orders_pending on account_orders (updated_at, account) where status = 'PendingNew';
