-- Matchmaking (issue 5): what users say about recommendations, and the
-- change-log entries that keep the matching engine fresh.
--
-- Kept in step with ../postgres/0005_matching.sql.

-- A verdict on one recommended pair: a startup and an investor or a mentor
-- (exactly one). `side` says whose list it was: STARTUP (the startup judged
-- the investor or mentor) or COUNTERPART (the investor or mentor judged the
-- startup). One verdict per pair and side; a new one replaces it.
create table match_feedback (
    id integer primary key autoincrement,
    startup_id integer not null references startups (id) on delete cascade,
    investor_id integer references investors (id) on delete cascade,
    mentor_id integer references mentors (id) on delete cascade,
    side text not null,
    -- RELEVANT, NOT_RELEVANT or CONTACTED.
    verdict text not null,
    user_id integer references users (id) on delete set null,
    at text not null,
    constraint match_feedback_one_counterpart check ((investor_id is null) <> (mentor_id is null))
);
create unique index match_feedback_investor_idx on match_feedback (startup_id, investor_id, side)
    where investor_id is not null;
create unique index match_feedback_mentor_idx on match_feedback (startup_id, mentor_id, side)
    where mentor_id is not null;
create index match_feedback_by_investor_idx on match_feedback (investor_id) where investor_id is not null;
create index match_feedback_by_mentor_idx on match_feedback (mentor_id) where mentor_id is not null;

-- What matching reads besides the profiles themselves: investments (track
-- record, "already invested"), accepted mentor introductions (a mentor's
-- places left) and feedback. Each change marks the profiles it affects in
-- the change log, so that every server's engine reloads them.
create trigger investments_match_insert after insert on investments begin
    insert into search_changes (kind, entity_id) values ('startup', new.startup_id), ('investor', new.investor_id);
end;
create trigger investments_match_update after update on investments begin
    insert into search_changes (kind, entity_id) values
        ('startup', old.startup_id), ('investor', old.investor_id),
        ('startup', new.startup_id), ('investor', new.investor_id);
end;
create trigger investments_match_delete after delete on investments begin
    insert into search_changes (kind, entity_id) values ('startup', old.startup_id), ('investor', old.investor_id);
end;

create trigger introductions_match_insert after insert on introductions when new.mentor_id is not null begin
    insert into search_changes (kind, entity_id) values ('mentor', new.mentor_id);
end;
create trigger introductions_match_update after update on introductions when new.mentor_id is not null begin
    insert into search_changes (kind, entity_id) values ('mentor', new.mentor_id);
end;
create trigger introductions_match_delete after delete on introductions when old.mentor_id is not null begin
    insert into search_changes (kind, entity_id) values ('mentor', old.mentor_id);
end;

create trigger match_feedback_insert after insert on match_feedback begin
    insert into search_changes (kind, entity_id)
        select 'startup', new.startup_id
        union all select 'investor', new.investor_id where new.investor_id is not null
        union all select 'mentor', new.mentor_id where new.mentor_id is not null;
end;
create trigger match_feedback_update after update on match_feedback begin
    insert into search_changes (kind, entity_id)
        select 'startup', new.startup_id
        union all select 'investor', new.investor_id where new.investor_id is not null
        union all select 'mentor', new.mentor_id where new.mentor_id is not null;
end;
create trigger match_feedback_delete after delete on match_feedback begin
    insert into search_changes (kind, entity_id)
        select 'startup', old.startup_id
        union all select 'investor', old.investor_id where old.investor_id is not null
        union all select 'mentor', old.mentor_id where old.mentor_id is not null;
end;
