-- The search index's change log (issue 4): every insert, update and delete of
-- a searchable profile appends (kind, id) here, by statement-level trigger, in
-- the same transaction as the change. Each server's indexer follows the log
-- from the position stored in its index, so the index catches up with every
-- committed change, after a crash too.
--
-- Kept in step with ../sqlite/0004_search_changes.sql. Here transactions
-- commit out of `seq` order, so a reader that only remembered the highest
-- seq could skip a change committed later with a lower one. Each change
-- therefore records its transaction id (`tx`), and the indexer reads only
-- changes of transactions older than the oldest still running (the current
-- snapshot's xmin): all of those have ended, and every later change has a
-- `tx` at or above that xmin. A position is a (tx, seq) pair.

create table search_changes (
    seq bigint generated always as identity primary key,
    tx xid8 not null default pg_current_xact_id(),
    -- startup, investor, mentor, organization or event.
    kind text not null,
    entity_id bigint not null
);
create index search_changes_tx_idx on search_changes (tx, seq);

-- This database's identity: an index built from another database (or a
-- restored copy with another history) is rebuilt, not followed.
create table search_meta (
    id integer primary key check (id = 1),
    instance text not null
);
insert into search_meta (id, instance) values (1, md5(random()::text || clock_timestamp()::text));

-- One statement-level trigger per table and event: a bulk import appends
-- its changes in one insert per statement, not one per row.
create function search_log() returns trigger language plpgsql as $$
begin
    insert into search_changes (kind, entity_id) select tg_argv[0], id from changed;
    return null;
end;
$$;

create trigger startups_search_insert after insert on startups
    referencing new table as changed
    for each statement execute function search_log('startup');
create trigger startups_search_update after update on startups
    referencing new table as changed
    for each statement execute function search_log('startup');
create trigger startups_search_delete after delete on startups
    referencing old table as changed
    for each statement execute function search_log('startup');

create trigger investors_search_insert after insert on investors
    referencing new table as changed
    for each statement execute function search_log('investor');
create trigger investors_search_update after update on investors
    referencing new table as changed
    for each statement execute function search_log('investor');
create trigger investors_search_delete after delete on investors
    referencing old table as changed
    for each statement execute function search_log('investor');

create trigger mentors_search_insert after insert on mentors
    referencing new table as changed
    for each statement execute function search_log('mentor');
create trigger mentors_search_update after update on mentors
    referencing new table as changed
    for each statement execute function search_log('mentor');
create trigger mentors_search_delete after delete on mentors
    referencing old table as changed
    for each statement execute function search_log('mentor');

create trigger organizations_search_insert after insert on organizations
    referencing new table as changed
    for each statement execute function search_log('organization');
create trigger organizations_search_update after update on organizations
    referencing new table as changed
    for each statement execute function search_log('organization');
create trigger organizations_search_delete after delete on organizations
    referencing old table as changed
    for each statement execute function search_log('organization');

create trigger events_search_insert after insert on events
    referencing new table as changed
    for each statement execute function search_log('event');
create trigger events_search_update after update on events
    referencing new table as changed
    for each statement execute function search_log('event');
create trigger events_search_delete after delete on events
    referencing old table as changed
    for each statement execute function search_log('event');
