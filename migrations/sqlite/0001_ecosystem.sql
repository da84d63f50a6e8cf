-- The ecosystem graph: taxonomies (sectors, provinces), profiles (organisations,
-- startups, investors, mentors), events and investments.
--
-- Kept in step with ../postgres/0001_ecosystem.sql: same tables, columns and
-- constraint names, so that errors map the same way on both databases.
-- Sets drawn from a fixed vocabulary (tags, needs, stages, expertise) are bit
-- masks over the vocabulary's declaration order (src/model.rs, `mask_of`);
-- sets of other entities are link tables. Dates are ISO-8601 text here and
-- native types in PostgreSQL. Link tables are WITHOUT ROWID: the primary key
-- is the table, one b-tree fewer per link. `sort_name` is the name folded to lowercase
-- ASCII, so both databases order names the same way.

create table sectors (
    id integer primary key,
    slug text not null constraint sectors_slug_key unique,
    name text not null,
    name_en text not null
);

create table provinces (
    id integer primary key,
    slug text not null constraint provinces_slug_key unique,
    name text not null,
    region text not null
);

create table organizations (
    id integer primary key,
    slug text not null constraint organizations_slug_key unique,
    name text not null,
    sort_name text not null,
    kind text not null,
    province_id integer references provinces (id) on delete set null,
    description text not null default '',
    website text,
    email text,
    phone text,
    created_at text not null,
    updated_at text not null
);
create index organizations_sort_name_idx on organizations (sort_name, id);
create index organizations_created_at_idx on organizations (created_at, id);
create index organizations_province_idx on organizations (province_id);

create table startups (
    id integer primary key,
    slug text not null constraint startups_slug_key unique,
    name text not null,
    sort_name text not null,
    tagline text not null default '',
    description text not null default '',
    stage text not null,
    province_id integer references provinces (id) on delete set null,
    organization_id integer references organizations (id) on delete set null,
    founded_on text,
    team_size integer,
    tags integer not null default 0,
    needs integer not null default 0,
    seeking_amount integer,
    seeking_currency text,
    website text,
    email text,
    phone text,
    created_at text not null,
    updated_at text not null
);
create index startups_sort_name_idx on startups (sort_name, id);
create index startups_created_at_idx on startups (created_at, id);
create index startups_founded_on_idx on startups (founded_on, id);
create index startups_province_idx on startups (province_id);
create index startups_organization_idx on startups (organization_id);

create table startup_sectors (
    startup_id integer not null references startups (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (startup_id, sector_id)
) without rowid;
create index startup_sectors_sector_idx on startup_sectors (sector_id, startup_id);

create table investors (
    id integer primary key,
    slug text not null constraint investors_slug_key unique,
    name text not null,
    sort_name text not null,
    kind text not null,
    thesis text not null default '',
    stages integer not null default 0,
    ticket_min_amount integer,
    ticket_min_currency text,
    ticket_max_amount integer,
    ticket_max_currency text,
    active boolean not null default true,
    website text,
    email text,
    phone text,
    created_at text not null,
    updated_at text not null
);
create index investors_sort_name_idx on investors (sort_name, id);
create index investors_created_at_idx on investors (created_at, id);

create table investor_sectors (
    investor_id integer not null references investors (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (investor_id, sector_id)
) without rowid;
create index investor_sectors_sector_idx on investor_sectors (sector_id, investor_id);

-- An investor with no rows here invests nationwide.
create table investor_provinces (
    investor_id integer not null references investors (id) on delete cascade,
    province_id integer not null references provinces (id) on delete cascade,
    position integer not null,
    primary key (investor_id, province_id)
) without rowid;
create index investor_provinces_province_idx on investor_provinces (province_id, investor_id);

create table mentors (
    id integer primary key,
    slug text not null constraint mentors_slug_key unique,
    name text not null,
    sort_name text not null,
    headline text not null default '',
    bio text not null default '',
    expertise integer not null default 0,
    province_id integer references provinces (id) on delete set null,
    capacity integer not null,
    website text,
    email text,
    phone text,
    created_at text not null,
    updated_at text not null
);
create index mentors_sort_name_idx on mentors (sort_name, id);
create index mentors_created_at_idx on mentors (created_at, id);
create index mentors_province_idx on mentors (province_id);

create table mentor_sectors (
    mentor_id integer not null references mentors (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (mentor_id, sector_id)
) without rowid;
create index mentor_sectors_sector_idx on mentor_sectors (sector_id, mentor_id);

-- ISO 639-1 codes (vi, en, ...).
create table mentor_languages (
    mentor_id integer not null references mentors (id) on delete cascade,
    language text not null,
    position integer not null,
    primary key (mentor_id, language)
) without rowid;
create index mentor_languages_language_idx on mentor_languages (language, mentor_id);

create table events (
    id integer primary key,
    slug text not null constraint events_slug_key unique,
    title text not null,
    sort_name text not null,
    kind text not null,
    description text not null default '',
    starts_at text not null,
    ends_at text,
    province_id integer references provinces (id) on delete set null,
    organizer_id integer references organizations (id) on delete set null,
    website text,
    created_at text not null,
    updated_at text not null
);
create index events_sort_name_idx on events (sort_name, id);
create index events_created_at_idx on events (created_at, id);
create index events_starts_at_idx on events (starts_at, id);
create index events_organizer_idx on events (organizer_id);
create index events_province_idx on events (province_id);

create table event_sectors (
    event_id integer not null references events (id) on delete cascade,
    sector_id integer not null references sectors (id) on delete cascade,
    position integer not null,
    primary key (event_id, sector_id)
) without rowid;
create index event_sectors_sector_idx on event_sectors (sector_id, event_id);

-- One row per round an investor took part in; the natural key makes imports
-- idempotent.
create table investments (
    id integer primary key,
    investor_id integer not null references investors (id) on delete cascade,
    startup_id integer not null references startups (id) on delete cascade,
    amount integer not null,
    currency text not null,
    round text not null,
    invested_on text not null,
    constraint investments_round_key unique (investor_id, startup_id, round, invested_on)
);
create index investments_startup_idx on investments (startup_id);
