// The SQL of the store, written once and compiled for each database (see
// `mod.rs`): the including module defines `type DB` and `const DIALECT`.
// The statements themselves are in `sql/`, one file per job, included below.
// Identifiers pushed into statements come from constants, never from input;
// every value is a bound parameter.

#[allow(unused_imports)]
use std::collections::{HashMap, HashSet};

use sqlx::{Pool, QueryBuilder, Transaction};

use super::rows::*;
use super::writes::*;
#[allow(unused_imports)]
use super::{
    Batch, CallFilter, ChangePosition, Dialect, LoggedChange, EventFilter, ProgrammeFilter, SupportFilter, InvestorFilter, ListQuery, MentorFilter, NO_DATE,
    OrganizationFilter, Page, PageQuery, RecordSelect, RefCache, SortColumn, SortKey, SortValue,
    StartupFilter, StoreError, Table, Value, WriteMode, WriteSpec,
};
#[allow(unused_imports)]
use super::{Contributor, ContributorKind, Figure, FigureKey, IndicatorQuery};
#[allow(unused_imports)]
use crate::model::Period;
use crate::model::{
    EventDraft, InvestmentDraft, InvestorDraft, MentorDraft, OrganizationDraft, StartupDraft,
};
use crate::model::{
    self, Event, Investment, Investor, Mentor, Organization, Province, Sector, Startup, Vocabulary,
};

/// Rows per multi-row statement: well under both databases' bind limits.
const MAX_BIND_PARAMS: usize = 30_000;

type Builder<'a> = QueryBuilder<'a, DB>;

pub async fn ping(pool: &Pool<DB>) -> Result<(), StoreError> {
    sqlx::query("select 1").execute(pool).await?;
    Ok(())
}

fn push_id_list(b: &mut Builder<'_>, ids: &[i64]) {
    b.push("(");
    let mut list = b.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    b.push(")");
}

fn push_text_list<S: AsRef<str>>(b: &mut Builder<'_>, values: impl IntoIterator<Item = S>) {
    b.push("(");
    let mut list = b.separated(", ");
    for v in values {
        list.push_bind(v.as_ref().to_string());
    }
    b.push(")");
}

pub async fn id_by_slug(
    pool: &Pool<DB>,
    table: Table,
    slug: &str,
) -> Result<Option<i64>, StoreError> {
    let sql = format!("select id from {} where slug = $1", table.name());
    Ok(sqlx::query_scalar(&sql)
        .bind(slug)
        .fetch_optional(pool)
        .await?)
}

/// The rows of a vocabulary table (all of them, or those with these ids),
/// ordered by key.
async fn vocabulary<R: ReadRow>(
    pool: &Pool<DB>,
    columns: &str,
    table: &str,
    ids: Option<&[i64]>,
) -> Result<Vec<R>, StoreError> {
    match ids {
        None => {
            let sql = format!("select {columns} from {table} order by slug");
            fetch_rows(pool, &sql).await
        }
        Some([]) => Ok(vec![]),
        Some(ids) => {
            let sql = format!(
                "select {columns} from {table} where id {} order by slug",
                in_ids(ids.len())
            );
            fetch_with_ids(pool, &sql, ids).await
        }
    }
}

pub async fn sectors(pool: &Pool<DB>, ids: Option<&[i64]>) -> Result<Vec<Sector>, StoreError> {
    let rows: Vec<SectorRow> = vocabulary(pool, "id, slug, name, name_en", "sectors", ids).await?;
    Ok(rows.into_iter().map(Sector::from).collect())
}

pub async fn provinces(pool: &Pool<DB>, ids: Option<&[i64]>) -> Result<Vec<Province>, StoreError> {
    let rows: Vec<ProvinceRow> = vocabulary(pool, "id, slug, name, region", "provinces", ids).await?;
    Ok(rows.into_iter().map(Province::from).collect())
}

/// Reads `(owner, value)` pairs of a link table for these owners, in
/// order, as the linked rows' slugs (or the text value).
async fn link_keys(
    pool: &Pool<DB>,
    link: LinkTable,
    target: Option<Table>,
    owners: &[i64],
) -> Result<HashMap<i64, Vec<String>>, StoreError> {
    let mut map: HashMap<i64, Vec<String>> = HashMap::new();
    if owners.is_empty() {
        return Ok(map);
    }
    let mut b = match target {
        Some(t) => Builder::new(format!(
            "select l.{owner}, t.slug from {link} l join {target} t on t.id = l.{value} where l.{owner} in ",
            owner = link.owner,
            link = link.table,
            target = t.name(),
            value = link.value
        )),
        None => Builder::new(format!(
            "select l.{owner}, l.{value} from {link} l where l.{owner} in ",
            owner = link.owner,
            link = link.table,
            value = link.value
        )),
    };
    push_id_list(&mut b, owners);
    b.push(format!(" order by l.{}, l.position", link.owner));
    let rows: Vec<(i64, String)> = b.build_query_as().fetch_all(pool).await?;
    for (owner, value) in rows {
        map.entry(owner).or_default().push(value);
    }
    Ok(map)
}

const STARTUP_COLUMNS: &str = "id, slug, name, tagline, description, stage, province_id, organization_id, founded_on, \
     team_size, tags, needs, seeking_amount, seeking_currency, website, email, phone, owner_id, created_at, updated_at";
const INVESTOR_COLUMNS: &str = "id, slug, name, kind, thesis, stages, ticket_min_amount, ticket_min_currency, \
     ticket_max_amount, ticket_max_currency, active, website, email, phone, owner_id, created_at, updated_at";
/// The columns of a brief read: the long texts left empty.
const STARTUP_BRIEF_COLUMNS: &str = "id, slug, name, '' as tagline, '' as description, stage, province_id, \
     organization_id, founded_on, team_size, tags, needs, seeking_amount, seeking_currency, website, email, phone, \
     owner_id, created_at, updated_at";
const INVESTOR_BRIEF_COLUMNS: &str = "id, slug, name, kind, '' as thesis, stages, ticket_min_amount, \
     ticket_min_currency, ticket_max_amount, ticket_max_currency, active, website, email, phone, owner_id, created_at, \
     updated_at";
const ORGANIZATION_BRIEF_COLUMNS: &str = "id, slug, name, kind, province_id, '' as description, website, email, phone, \
     owner_id, established_on, created_at, updated_at";
const MENTOR_COLUMNS: &str = "id, slug, name, headline, bio, expertise, province_id, capacity, website, email, phone, owner_id, created_at, updated_at";
const ORGANIZATION_COLUMNS: &str =
    "id, slug, name, kind, province_id, description, website, email, phone, owner_id, established_on, created_at, updated_at";
const EVENT_COLUMNS: &str = "id, slug, title, kind, description, starts_at, ends_at, province_id, organizer_id, \
     website, scope, created_at, updated_at";
const PROGRAMME_COLUMNS: &str = "id, slug, name, kind, organization_id, province_id, starts_on, ends_on, capacity, \
     budget_vnd, budget_source, topics, audience, description, description_en, website, created_at, updated_at";
const CALL_COLUMNS: &str = "id, slug, programme_id, title, opens_at, closes_at, places, questions, criteria, \
     max_years, stages, tags, created_at, updated_at";
const CLASS_COLUMNS: &str =
    "id, slug, programme_id, title, held_on, province_id, hours, trainer, created_at, updated_at";
const ATTENDANCE_COLUMNS: &str = "id, class_id, person, organization, gender, audience, startup_id";
const SUPPORT_COLUMNS: &str = "id, slug, startup_id, recipient, programme_id, organization_id, kind, value_vnd, \
     budget_source, given_on, note, origin, created_at, updated_at";

/// The rows of `table` with these ids (in no particular order), read as
/// `columns`.
async fn rows_by_ids<R: ReadRow>(
    pool: &Pool<DB>,
    columns: &str,
    table: &str,
    ids: &[i64],
) -> Result<Vec<R>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!("select {columns} from {table} where id {}", in_ids(ids.len()));
    fetch_with_ids(pool, &sql, ids).await
}

/// Adds `clause` and the list of `ids` when `ids` is given. False when it
/// is given and empty: nothing can match.
fn restrict_to(b: &mut Builder<'_>, clause: &str, ids: Option<&[i64]>) -> bool {
    match ids {
        None => true,
        Some([]) => false,
        Some(ids) => {
            b.push(clause);
            push_id_list(b, ids);
            true
        }
    }
}

/// Takes the `n` link lists of a row read with [`rows_with_links`].
fn take_links<const N: usize>(links: Vec<Vec<i64>>) -> [Vec<i64>; N] {
    let mut links = links.into_iter();
    std::array::from_fn(|_| links.next().unwrap_or_default())
}

/// Startups by id, whole (`brief` false) or without their long texts.
pub async fn startups_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
    brief: bool,
) -> Result<Vec<Startup>, StoreError> {
    let columns = if brief { STARTUP_BRIEF_COLUMNS } else { STARTUP_COLUMNS };
    let rows: Vec<(StartupRow, _)> =
        rows_with_links(pool, columns, "startups", ids, &[STARTUP_SECTORS]).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors] = take_links(links);
            r.into_model(sectors)
        })
        .collect()
}

/// Investors by id, whole (`brief` false) or without their thesis.
pub async fn investors_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
    brief: bool,
) -> Result<Vec<Investor>, StoreError> {
    let links = [INVESTOR_SECTORS, INVESTOR_PROVINCES];
    let columns = if brief { INVESTOR_BRIEF_COLUMNS } else { INVESTOR_COLUMNS };
    let rows: Vec<(InvestorRow, _)> = rows_with_links(pool, columns, "investors", ids, &links).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors, provinces] = take_links(links);
            r.into_model(sectors, provinces)
        })
        .collect()
}

pub async fn mentors_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Mentor>, StoreError> {
    let rows: Vec<(MentorRow, _)> =
        rows_with_links(pool, MENTOR_COLUMNS, "mentors", ids, &[MENTOR_SECTORS]).await?;
    let mut languages = link_keys(pool, MENTOR_LANGUAGES, None, ids).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors] = take_links(links);
            let l = languages.remove(&r.id).unwrap_or_default();
            r.into_model(sectors, l)
        })
        .collect()
}

/// Organisations by id, whole (`brief` false) or without their description.
pub async fn organizations_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
    brief: bool,
) -> Result<Vec<Organization>, StoreError> {
    let columns = if brief { ORGANIZATION_BRIEF_COLUMNS } else { ORGANIZATION_COLUMNS };
    let rows: Vec<OrganizationRow> = rows_by_ids(pool, columns, "organizations", ids).await?;
    rows.into_iter().map(OrganizationRow::into_model).collect()
}

pub async fn events_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Event>, StoreError> {
    let rows: Vec<(EventRow, _)> =
        rows_with_links(pool, EVENT_COLUMNS, "events", ids, &[EVENT_SECTORS]).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors] = take_links(links);
            r.into_model(sectors)
        })
        .collect()
}

pub async fn programmes_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::Programme>, StoreError> {
    let rows: Vec<(ProgrammeRow, _)> =
        rows_with_links(pool, PROGRAMME_COLUMNS, "programmes", ids, &[PROGRAMME_SECTORS]).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors] = take_links(links);
            r.into_model(sectors)
        })
        .collect()
}

pub async fn calls_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<model::Call>, StoreError> {
    let rows: Vec<(CallRow, _)> =
        rows_with_links(pool, CALL_COLUMNS, "calls", ids, &[CALL_SECTORS, CALL_PROVINCES]).await?;
    rows.into_iter()
        .map(|(r, links)| {
            let [sectors, provinces] = take_links(links);
            r.into_model(sectors, provinces)
        })
        .collect()
}

pub async fn support_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::SupportRecord>, StoreError> {
    let rows: Vec<SupportRow> = rows_by_ids(pool, SUPPORT_COLUMNS, "support_records", ids).await?;
    rows.into_iter().map(SupportRow::into_model).collect()
}

/// `column` is `startup_id` or `investor_id` (a constant from the caller).
pub async fn investments_by(
    pool: &Pool<DB>,
    column: &'static str,
    ids: &[i64],
) -> Result<Vec<Investment>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "select id, investor_id, startup_id, amount, currency, round, invested_on, confidential \
         from investments where {column} {} order by invested_on desc, id desc",
        in_ids(ids.len())
    );
    let rows: Vec<InvestmentRow> = fetch_with_ids(pool, &sql, ids).await?;
    rows.into_iter().map(InvestmentRow::into_model).collect()
}

// The statements, by what they serve.
include!("sql/lists.rs");
include!("sql/records.rs");
include!("sql/writes.rs");
include!("sql/accounts.rs");
include!("sql/introductions.rs");
include!("sql/change_log.rs");
include!("sql/matching.rs");
include!("sql/registrations.rs");
include!("sql/programmes.rs");
include!("sql/plans.rs");
