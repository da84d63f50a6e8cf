-- Accounts and ownership (issue 3).
--
-- Kept in step with ../postgres/0002_accounts.sql: same tables, columns and
-- constraint names.

-- A person who signs in. `email` is stored trimmed and lowercased, so the
-- unique constraint is case-insensitive in effect; `password_hash` is an
-- argon2id PHC string, never the password.
create table users (
    id integer primary key,
    email text not null constraint users_email_key unique,
    password_hash text not null,
    role text not null,
    name text,
    created_at text not null
);

-- A bearer token handed out by `signIn`. Only a hash of the token is kept:
-- a copy of this table does not let anyone sign in.
create table sessions (
    id integer primary key,
    user_id integer not null references users (id) on delete cascade,
    token_hash text not null constraint sessions_token_hash_key unique,
    created_at text not null,
    expires_at text not null,
    revoked_at text
);
create index sessions_user_idx on sessions (user_id);

-- Who owns (may change) a profile; null for profiles the operator curates.
alter table startups add column owner_id integer references users (id) on delete set null;
alter table investors add column owner_id integer references users (id) on delete set null;
alter table mentors add column owner_id integer references users (id) on delete set null;
-- For organisations: the user the operator delegated it to.
alter table organizations add column owner_id integer references users (id) on delete set null;
create index startups_owner_idx on startups (owner_id);
-- An investor or mentor user has one profile of its kind.
create unique index investors_owner_key on investors (owner_id);
create unique index mentors_owner_key on mentors (owner_id);
create index organizations_owner_idx on organizations (owner_id);

-- A confidential investment is seen only by its two parties and the operator.
alter table investments add column confidential boolean not null default false;
