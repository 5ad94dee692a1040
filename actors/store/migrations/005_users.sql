-- Gateway users, their API keys and password reset tokens (graph/auth/user-store.ts). Secrets the
-- server must read back (TOTP seeds, API-key secrets) are sealed with the server key (AES-256-GCM,
-- graph/auth/secret-box.ts); passwords and reset tokens are stored only as hashes.

-- Account numbers start at 1,000,000 so they never meet the small demo and faucet accounts, and
-- stay below 2^32 (they are account actor keys and appear in 32-bit fields elsewhere).
create sequence account_number_seq as bigint start with 1000000 minvalue 1000000 maxvalue 4294967295 no cycle;

create table users (
  id uuid primary key,
  email text not null,
  password_hash text not null,
  account_number bigint not null default nextval('account_number_seq'),
  roles text[] not null default '{}',
  mfa_secret text,
  mfa_enabled boolean not null default false,
  -- The last TOTP step accepted: a code for this step or an earlier one is a replay.
  last_totp_step bigint,
  created_at timestamptz not null default now(),
  frozen boolean not null default false,
  constraint users_account_number_key unique (account_number),
  constraint users_account_number_range check (account_number > 0 and account_number < 4294967296),
  constraint users_mfa_needs_secret check (not mfa_enabled or mfa_secret is not null)
);
alter sequence account_number_seq owned by users.account_number;

-- Emails are unique regardless of case (Alice@x.io and alice@x.io are one person).
create unique index users_email_key on users (lower(email));

create table api_keys (
  id text collate "C" primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  scopes text[] not null,
  ip_allowlist text[] not null default '{}',
  secret_sealed text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  constraint api_keys_scopes_known check (cardinality(scopes) > 0 and scopes <@ array['read', 'trade', 'withdraw'])
);

-- A user's keys, oldest first.
create index api_keys_user on api_keys (user_id, created_at);

create table password_reset_tokens (
  -- SHA-256 (hex) of the token: the token itself is only ever in the email.
  token_hash text collate "C" primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create index password_reset_tokens_user on password_reset_tokens (user_id);
