-- Event registrations (issue 5): who takes part in an event, so that the
-- operator can schedule one-to-one meetings between startups and investors
-- or mentors there.
--
-- Kept in step with ../postgres/0006_event_registrations.sql.

-- Exactly one of startup, investor and mentor takes part.
create table event_registrations (
    id integer primary key autoincrement,
    event_id integer not null references events (id) on delete cascade,
    startup_id integer references startups (id) on delete cascade,
    investor_id integer references investors (id) on delete cascade,
    mentor_id integer references mentors (id) on delete cascade,
    -- Who registered them (null for none, e.g. a deleted account).
    user_id integer references users (id) on delete set null,
    registered_at text not null,
    constraint event_registrations_one_participant check (
        (startup_id is not null) + (investor_id is not null) + (mentor_id is not null) = 1
    )
);
create unique index event_registrations_startup_idx on event_registrations (event_id, startup_id)
    where startup_id is not null;
create unique index event_registrations_investor_idx on event_registrations (event_id, investor_id)
    where investor_id is not null;
create unique index event_registrations_mentor_idx on event_registrations (event_id, mentor_id)
    where mentor_id is not null;
