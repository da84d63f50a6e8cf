-- Plans and their targets, what the operator reports against, and the
-- dates the indicators count by.
--
-- Kept in step with ../postgres/0010_plans.sql.

-- When an organisation was founded: "support organisations new in the
-- period" count by it.
alter table organizations add column established_on text;

-- How far an event reaches: LOCAL, REGIONAL, NATIONAL or INTERNATIONAL.
alter table events add column scope text not null default 'LOCAL';

-- A province's plan (kế hoạch) for its startup ecosystem: its period, its
-- legal basis, and its targets (a JSON list; see `model::TargetDraft`).
create table plans (
    id integer primary key,
    slug text not null constraint plans_slug_key unique,
    title text not null,
    sort_name text not null,
    title_en text not null default '',
    province_id integer references provinces (id) on delete set null,
    starts_on text not null,
    ends_on text not null,
    -- The decision or plan that set it, e.g. "135/KH-UBND", and its date.
    basis text not null default '',
    basis_on text,
    targets text not null default '[]',
    created_at text not null,
    updated_at text not null
);
create index plans_sort_name_idx on plans (sort_name, id);

-- Values the operator enters for targets ketnoi cannot compute (news
-- items, TV reports, ...): per year of the plan, or for its whole period
-- (year 0), with a note and a link to the evidence.
create table indicator_entries (
    id integer primary key autoincrement,
    plan_id integer not null references plans (id) on delete cascade,
    target text not null,
    year integer not null,
    value real not null,
    note text not null default '',
    evidence text,
    entered_by integer references users (id) on delete set null,
    entered_at text not null,
    constraint indicator_entries_key unique (plan_id, target, year)
);

create index investments_invested_on_idx on investments (invested_on);
create index applications_submitted_idx on applications (submitted_at);
create index training_classes_held_on_idx on training_classes (held_on);

-- What the indicators read most: a startup's support by day (its first
-- support), and support by its giver.
drop index support_records_startup_idx;
create index support_records_startup_idx on support_records (startup_id, given_on);
create index support_records_organization_idx on support_records (organization_id);
