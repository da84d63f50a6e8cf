-- Support programmes, their calls for applications, applications with their
-- status workflow and its trail, the record of support given, and training
-- classes with their attendance.
--
-- Kept in step with ../postgres/0009_programmes.sql.

-- A support programme (incubation, acceleration, a course, a competition,
-- ...) run by an organisation, or by the operator when it names none.
create table programmes (
    id integer primary key,
    slug text not null constraint programmes_slug_key unique,
    name text not null,
    sort_name text not null,
    kind text not null,
    organization_id integer references organizations (id) on delete set null,
    province_id integer references provinces (id) on delete set null,
    starts_on text,
    ends_on text,
    -- How many startups, projects or trainees the programme means to reach.
    capacity integer,
    budget_vnd integer,
    -- STATE, SOCIALIZED or MIXED.
    budget_source text,
    -- Bit masks over Topic and Audience.
    topics integer not null default 0,
    audience integer not null default 0,
    description text not null default '',
    description_en text not null default '',
    website text,
    created_at text not null,
    updated_at text not null
);
create index programmes_sort_name_idx on programmes (sort_name, id);
create index programmes_created_at_idx on programmes (created_at, id);
create index programmes_organization_idx on programmes (organization_id);

-- Programmes are searchable: they join the change log (0004).
create trigger programmes_search_insert after insert on programmes begin
    insert into search_changes (kind, entity_id) values ('programme', new.id);
end;
create trigger programmes_search_update after update on programmes begin
    insert into search_changes (kind, entity_id) values ('programme', new.id);
end;
create trigger programmes_search_delete after delete on programmes begin
    insert into search_changes (kind, entity_id) values ('programme', old.id);
end;

create table programme_sectors (
    programme_id integer not null references programmes (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (programme_id, sector_id)
) without rowid;

-- A call for applications to a programme, and who may answer it. Empty
-- sets (0 masks, no link rows) place no condition.
create table calls (
    id integer primary key,
    slug text not null constraint calls_slug_key unique,
    programme_id integer not null references programmes (id) on delete cascade,
    title text not null,
    sort_name text not null,
    opens_at text not null,
    closes_at text not null,
    -- Places in the cohort: at most this many applications accepted.
    places integer,
    -- The questions applicants answer, a JSON array of strings.
    questions text not null default '[]',
    -- What reviewers score, a JSON array of {"name", "max_points"}.
    criteria text not null default '[]',
    -- At most this many years since the first business registration.
    max_years integer,
    -- Bit masks over Stage and StartupTag (any one of the tags).
    stages integer not null default 0,
    tags integer not null default 0,
    created_at text not null,
    updated_at text not null
);
create index calls_programme_idx on calls (programme_id);
create index calls_closes_at_idx on calls (closes_at, id);
create index calls_sort_name_idx on calls (sort_name, id);
create index calls_created_at_idx on calls (created_at, id);

create table call_sectors (
    call_id integer not null references calls (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (call_id, sector_id)
) without rowid;

create table call_provinces (
    call_id integer not null references calls (id) on delete cascade,
    province_id integer not null references provinces (id) on delete cascade,
    position integer not null,
    primary key (call_id, province_id)
) without rowid;

-- A startup's application to a call. AUTOINCREMENT: ids are never reused,
-- so the trail never mixes two applications under one id.
create table applications (
    id integer primary key autoincrement,
    call_id integer not null references calls (id) on delete cascade,
    startup_id integer not null references startups (id) on delete cascade,
    -- DRAFT, SUBMITTED, SCREENING, SHORTLISTED, ACCEPTED, REJECTED or WITHDRAWN.
    status text not null,
    -- The answers, a JSON array of strings in the call's question order.
    answers text not null default '[]',
    created_at text not null,
    updated_at text not null,
    submitted_at text,
    -- When it was accepted or rejected.
    decided_at text,
    constraint applications_call_startup_key unique (call_id, startup_id)
);
create index applications_startup_idx on applications (startup_id);
create index applications_call_status_idx on applications (call_id, status);

-- The reviewers a programme's manager gave an application to, and their
-- scores: one per criterion of the call, in order (a JSON array).
create table application_reviewers (
    application_id integer not null references applications (id) on delete cascade,
    reviewer_id integer not null references users (id) on delete cascade,
    assigned_at text not null,
    scores text,
    comment text,
    scored_at text,
    primary key (application_id, reviewer_id)
) without rowid;
create index application_reviewers_reviewer_idx on application_reviewers (reviewer_id);

-- Every move of every application: who, when, from what to what, and why.
-- No foreign keys: the trail outlives the applications and accounts.
create table application_log (
    id integer primary key autoincrement,
    application_id integer not null,
    from_status text,
    to_status text not null,
    actor_id integer,
    reason text,
    at text not null
);
create index application_log_application_idx on application_log (application_id, id);

-- Every unit of support given to a startup or a project (training,
-- mentoring, space, legal and IP help, a grant, a booth at a fair, ...),
-- by which programme and organisation, its value and budget source: what
-- "projects supported" counts. Written by hand, by data files, and by the
-- programmes themselves (acceptance into a cohort, attendance).
create table support_records (
    id integer primary key,
    slug text not null constraint support_records_slug_key unique,
    startup_id integer references startups (id) on delete cascade,
    -- The recipient's name when it has no startup profile (a project, an
    -- enterprise); with a profile, optional.
    recipient text,
    programme_id integer references programmes (id) on delete set null,
    organization_id integer references organizations (id) on delete set null,
    kind text not null,
    value_vnd integer,
    budget_source text,
    given_on text not null,
    note text not null default '',
    -- MANUAL (by hand or in a data file), ACCEPTANCE (into a cohort),
    -- MENTORSHIP (mentors confirmed for a cohort) or ATTENDANCE.
    origin text not null,
    created_at text not null,
    updated_at text not null,
    constraint support_records_recipient check (startup_id is not null or recipient is not null)
);
create index support_records_startup_idx on support_records (startup_id);
create index support_records_programme_idx on support_records (programme_id);
create index support_records_given_on_idx on support_records (given_on, id);

-- A programme's training classes, and who attended them. Plans count
-- trainees, who need no account or profile: a name, an organisation, a
-- gender and a group are enough. `person_key` and `organization_key` are
-- the names folded (lowercase, no diacritics, single spaces), so the same
-- person or enterprise counts once however the name was typed.
create table training_classes (
    id integer primary key,
    slug text not null constraint training_classes_slug_key unique,
    programme_id integer not null references programmes (id) on delete cascade,
    title text not null,
    held_on text not null,
    province_id integer references provinces (id) on delete set null,
    hours integer,
    trainer text,
    created_at text not null,
    updated_at text not null
);
create index training_classes_programme_idx on training_classes (programme_id, held_on);

create table attendance (
    id integer primary key,
    class_id integer not null references training_classes (id) on delete cascade,
    person text not null,
    person_key text not null,
    organization text,
    organization_key text not null default '',
    -- FEMALE, MALE or OTHER; null when not given.
    gender text,
    -- An Audience value (STUDENTS, WOMEN, FARMERS, ...); null when not given.
    audience text,
    startup_id integer references startups (id) on delete set null,
    constraint attendance_person_key unique (class_id, person_key)
);
create index attendance_startup_idx on attendance (startup_id);

-- A cohort's mentors: the programme's managers confirm the pairs
-- assignMentors proposes as accepted introductions for the call, so they
-- count against the mentors' places like any other.
alter table introductions add column call_id integer references calls (id) on delete set null;
create index introductions_call_idx on introductions (call_id);
