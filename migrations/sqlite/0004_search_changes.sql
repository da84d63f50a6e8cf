-- The search index's change log (issue 4): every insert, update and delete of
-- a searchable profile appends (kind, id) here, by trigger, in the same
-- transaction as the change. Each server's indexer follows the log from the
-- position stored in its index, so the index catches up with every committed
-- change, after a crash too.
--
-- Kept in step with ../postgres/0004_search_changes.sql. SQLite has one
-- writer at a time, so `seq` order is commit order and a position is a seq.

create table search_changes (
    seq integer primary key autoincrement,
    -- startup, investor, mentor, organization or event.
    kind text not null,
    entity_id integer not null
);

-- This database's identity: an index built from another database (or a
-- restored copy with another history) is rebuilt, not followed.
create table search_meta (
    id integer primary key check (id = 1),
    instance text not null
);
insert into search_meta (id, instance) values (1, lower(hex(randomblob(16))));

create trigger startups_search_insert after insert on startups begin
    insert into search_changes (kind, entity_id) values ('startup', new.id);
end;
create trigger startups_search_update after update on startups begin
    insert into search_changes (kind, entity_id) values ('startup', new.id);
end;
create trigger startups_search_delete after delete on startups begin
    insert into search_changes (kind, entity_id) values ('startup', old.id);
end;

create trigger investors_search_insert after insert on investors begin
    insert into search_changes (kind, entity_id) values ('investor', new.id);
end;
create trigger investors_search_update after update on investors begin
    insert into search_changes (kind, entity_id) values ('investor', new.id);
end;
create trigger investors_search_delete after delete on investors begin
    insert into search_changes (kind, entity_id) values ('investor', old.id);
end;

create trigger mentors_search_insert after insert on mentors begin
    insert into search_changes (kind, entity_id) values ('mentor', new.id);
end;
create trigger mentors_search_update after update on mentors begin
    insert into search_changes (kind, entity_id) values ('mentor', new.id);
end;
create trigger mentors_search_delete after delete on mentors begin
    insert into search_changes (kind, entity_id) values ('mentor', old.id);
end;

create trigger organizations_search_insert after insert on organizations begin
    insert into search_changes (kind, entity_id) values ('organization', new.id);
end;
create trigger organizations_search_update after update on organizations begin
    insert into search_changes (kind, entity_id) values ('organization', new.id);
end;
create trigger organizations_search_delete after delete on organizations begin
    insert into search_changes (kind, entity_id) values ('organization', old.id);
end;

create trigger events_search_insert after insert on events begin
    insert into search_changes (kind, entity_id) values ('event', new.id);
end;
create trigger events_search_update after update on events begin
    insert into search_changes (kind, entity_id) values ('event', new.id);
end;
create trigger events_search_delete after delete on events begin
    insert into search_changes (kind, entity_id) values ('event', old.id);
end;
