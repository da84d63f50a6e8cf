-- Introductions with consent (double opt-in) and their audit trail (issue 3).
--
-- Kept in step with ../postgres/0003_introductions.sql. Ids here are
-- AUTOINCREMENT, never reused after a delete (as PostgreSQL's identities),
-- so the audit trail never mixes two introductions under one id.

-- A startup asks an investor or a mentor (exactly one of the two) for an
-- introduction; the recipient accepts or declines. Only an accepted
-- introduction shows each side the other's contact details.
create table introductions (
    id integer primary key autoincrement,
    startup_id integer not null references startups (id) on delete cascade,
    investor_id integer references investors (id) on delete cascade,
    mentor_id integer references mentors (id) on delete cascade,
    message text not null,
    -- PENDING, ACCEPTED, DECLINED or WITHDRAWN.
    status text not null,
    created_at text not null,
    decided_at text,
    constraint introductions_one_recipient check ((investor_id is null) <> (mentor_id is null))
);
create index introductions_startup_idx on introductions (startup_id, status);
create index introductions_investor_idx on introductions (investor_id, status);
create index introductions_mentor_idx on introductions (mentor_id, status);

-- Every step of every introduction, for the operator. No foreign keys: the
-- trail outlives the profiles and accounts it mentions.
create table introduction_log (
    id integer primary key autoincrement,
    introduction_id integer not null,
    startup_id integer not null,
    investor_id integer,
    mentor_id integer,
    -- The user who took the step (null for none, e.g. a deleted account).
    actor_id integer,
    -- REQUESTED, ACCEPTED, DECLINED or WITHDRAWN.
    action text not null,
    at text not null
);
create index introduction_log_introduction_idx on introduction_log (introduction_id);
