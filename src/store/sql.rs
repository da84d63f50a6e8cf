// The SQL of the store, written once and compiled for each database (see
// `mod.rs`): the including module defines `type DB` and `const DIALECT`.
// Identifiers pushed into statements come from constants, never from input;
// every value is a bound parameter.

#[allow(unused_imports)]
use std::collections::{HashMap, HashSet};

use sqlx::{Pool, QueryBuilder, Transaction};

use super::rows::*;
#[allow(unused_imports)]
use super::{
    Batch, ChangePosition, Dialect, LoggedChange, EventFilter, InvestorFilter, ListQuery, MentorFilter, NO_DATE,
    OrganizationFilter, Page, PageQuery, RecordSelect, RefCache, SortColumn, SortKey, SortValue,
    StartupFilter, StoreError, Table, Value, WriteMode, WriteSpec,
};
use crate::datafile::{
    EventRecord, InvestmentRecord, InvestorRecord, MentorRecord, OrganizationRecord, StartupRecord,
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

pub async fn sectors(pool: &Pool<DB>, ids: Option<&[i64]>) -> Result<Vec<Sector>, StoreError> {
    let mut b = Builder::new("select id, slug, name, name_en from sectors");
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        b.push(" where id in ");
        push_id_list(&mut b, ids);
    }
    b.push(" order by slug");
    let rows: Vec<SectorRow> = b.build_query_as().fetch_all(pool).await?;
    Ok(rows.into_iter().map(Sector::from).collect())
}

pub async fn provinces(pool: &Pool<DB>, ids: Option<&[i64]>) -> Result<Vec<Province>, StoreError> {
    let mut b = Builder::new("select id, slug, name, region from provinces");
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        b.push(" where id in ");
        push_id_list(&mut b, ids);
    }
    b.push(" order by slug");
    let rows: Vec<ProvinceRow> = b.build_query_as().fetch_all(pool).await?;
    Ok(rows.into_iter().map(Province::from).collect())
}

/// Reads `(owner, value)` pairs of a link table for these owners, in order.
async fn link_ids(
    pool: &Pool<DB>,
    link: LinkTable,
    owners: &[i64],
) -> Result<HashMap<i64, Vec<i64>>, StoreError> {
    let mut map: HashMap<i64, Vec<i64>> = HashMap::new();
    if owners.is_empty() {
        return Ok(map);
    }
    let mut b = Builder::new(format!(
        "select {}, {} from {} where {} in ",
        link.owner, link.value, link.table, link.owner
    ));
    push_id_list(&mut b, owners);
    b.push(format!(" order by {}, position", link.owner));
    let rows: Vec<(i64, i64)> = b.build_query_as().fetch_all(pool).await?;
    for (owner, value) in rows {
        map.entry(owner).or_default().push(value);
    }
    Ok(map)
}

/// Like [`link_ids`], but returns the linked rows' slugs (or the text value).
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
const MENTOR_COLUMNS: &str = "id, slug, name, headline, bio, expertise, province_id, capacity, website, email, phone, owner_id, created_at, updated_at";
const ORGANIZATION_COLUMNS: &str =
    "id, slug, name, kind, province_id, description, website, email, phone, owner_id, created_at, updated_at";
const EVENT_COLUMNS: &str = "id, slug, title, kind, description, starts_at, ends_at, province_id, organizer_id, \
     website, created_at, updated_at";

fn by_ids_query(columns: &str, table: &str, ids: &[i64]) -> Builder<'static> {
    let mut b = Builder::new(format!("select {columns} from {table} where id in "));
    push_id_list(&mut b, ids);
    b
}

pub async fn startups_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Startup>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<StartupRow> = by_ids_query(STARTUP_COLUMNS, "startups", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    let mut sectors = link_ids(pool, STARTUP_SECTORS, ids).await?;
    rows.into_iter()
        .map(|r| {
            let s = sectors.remove(&r.id).unwrap_or_default();
            r.into_model(s)
        })
        .collect()
}

pub async fn investors_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Investor>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<InvestorRow> = by_ids_query(INVESTOR_COLUMNS, "investors", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    let mut sectors = link_ids(pool, INVESTOR_SECTORS, ids).await?;
    let mut provinces = link_ids(pool, INVESTOR_PROVINCES, ids).await?;
    rows.into_iter()
        .map(|r| {
            let s = sectors.remove(&r.id).unwrap_or_default();
            let p = provinces.remove(&r.id).unwrap_or_default();
            r.into_model(s, p)
        })
        .collect()
}

pub async fn mentors_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Mentor>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<MentorRow> = by_ids_query(MENTOR_COLUMNS, "mentors", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    let mut sectors = link_ids(pool, MENTOR_SECTORS, ids).await?;
    let mut languages = link_keys(pool, MENTOR_LANGUAGES, None, ids).await?;
    rows.into_iter()
        .map(|r| {
            let s = sectors.remove(&r.id).unwrap_or_default();
            let l = languages.remove(&r.id).unwrap_or_default();
            r.into_model(s, l)
        })
        .collect()
}

pub async fn organizations_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<Organization>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<OrganizationRow> = by_ids_query(ORGANIZATION_COLUMNS, "organizations", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(OrganizationRow::into_model).collect()
}

pub async fn events_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<Event>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<EventRow> = by_ids_query(EVENT_COLUMNS, "events", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    let mut sectors = link_ids(pool, EVENT_SECTORS, ids).await?;
    rows.into_iter()
        .map(|r| {
            let s = sectors.remove(&r.id).unwrap_or_default();
            r.into_model(s)
        })
        .collect()
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
    let mut b = Builder::new(format!(
        "select id, investor_id, startup_id, amount, currency, round, invested_on, confidential from investments where {column} in "
    ));
    push_id_list(&mut b, ids);
    b.push(" order by invested_on desc, id desc");
    let rows: Vec<InvestmentRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(InvestmentRow::into_model).collect()
}

// ---------------------------------------------------------------------------
// Lists: filters, sorting and keyset pagination.

fn list_table(query: &ListQuery) -> &'static str {
    match query {
        ListQuery::Startups(_) => "startups",
        ListQuery::Investors(_) => "investors",
        ListQuery::Mentors(_) => "mentors",
        ListQuery::Organizations(_) => "organizations",
        ListQuery::Events(_) => "events",
    }
}

fn nonempty<T>(list: &Option<Vec<T>>) -> Option<&Vec<T>> {
    list.as_ref().filter(|l| !l.is_empty())
}

fn mask_list<T: Vocabulary>(values: &[T]) -> i64 {
    model::mask_of(values)
}

fn push_sector_filter(
    b: &mut Builder<'_>,
    link: LinkTable,
    table: &str,
    keys: &Option<Vec<String>>,
) {
    if let Some(keys) = nonempty(keys) {
        b.push(format!(
            " and {table}.id in (select l.{owner} from {link} l join sectors s on s.id = l.sector_id where s.slug in ",
            owner = link.owner,
            link = link.table
        ));
        push_text_list(b, keys);
        b.push(")");
    }
}

fn push_province_filter(b: &mut Builder<'_>, column: &str, keys: &Option<Vec<String>>) {
    if let Some(keys) = nonempty(keys) {
        b.push(format!(
            " and {column} in (select id from provinces where slug in "
        ));
        push_text_list(b, keys);
        b.push(")");
    }
}

fn push_vocab_filter<T: Vocabulary>(b: &mut Builder<'_>, column: &str, values: &Option<Vec<T>>) {
    if let Some(values) = nonempty(values) {
        b.push(format!(" and {column} in "));
        push_text_list(b, values.iter().map(|v| v.as_str()));
    }
}

fn push_mask_filter<T: Vocabulary>(b: &mut Builder<'_>, column: &str, values: &Option<Vec<T>>) {
    if let Some(values) = nonempty(values) {
        b.push(format!(" and ({column} & "));
        b.push_bind(mask_list(values));
        b.push(") <> 0");
    }
}

fn push_filter(b: &mut Builder<'_>, query: &ListQuery) {
    b.push(" where 1 = 1");
    match query {
        ListQuery::Startups(f) => push_startup_filter(b, f),
        ListQuery::Investors(f) => push_investor_filter(b, f),
        ListQuery::Mentors(f) => push_mentor_filter(b, f),
        ListQuery::Organizations(f) => push_organization_filter(b, f),
        ListQuery::Events(f) => push_event_filter(b, f),
    }
}

/// `and id in (...)`; an empty list matches nothing.
fn push_ids_filter(b: &mut Builder<'_>, table: &str, ids: &Option<Vec<i64>>) {
    match ids {
        None => {}
        Some(ids) if ids.is_empty() => {
            b.push(" and 1 = 0");
        }
        Some(ids) => {
            b.push(format!(" and {table}.id in "));
            push_id_list(b, ids);
        }
    }
}

fn push_startup_filter(b: &mut Builder<'_>, f: &StartupFilter) {
    push_ids_filter(b, "startups", &f.ids);
    push_sector_filter(b, STARTUP_SECTORS, "startups", &f.sectors);
    push_vocab_filter(b, "stage", &f.stages);
    push_province_filter(b, "province_id", &f.provinces);
    push_mask_filter(b, "tags", &f.tags);
    if let Some((eligible, as_of)) = f.eligible_for_support {
        let earliest = model::earliest_eligible_founding(as_of);
        if eligible {
            b.push(" and (founded_on is null or (founded_on >= ");
            b.push_bind(earliest);
            b.push(" and founded_on <= ");
            b.push_bind(as_of);
            b.push("))");
        } else {
            b.push(" and founded_on is not null and (founded_on < ");
            b.push_bind(earliest);
            b.push(" or founded_on > ");
            b.push_bind(as_of);
            b.push(")");
        }
    }
    if let Some(orgs) = nonempty(&f.organizations) {
        b.push(" and organization_id in ");
        push_id_list(b, orgs);
    }
}

fn push_investor_filter(b: &mut Builder<'_>, f: &InvestorFilter) {
    push_ids_filter(b, "investors", &f.ids);
    push_sector_filter(b, INVESTOR_SECTORS, "investors", &f.sectors);
    push_mask_filter(b, "stages", &f.stages);
    push_vocab_filter(b, "kind", &f.kinds);
    if let Some(keys) = nonempty(&f.provinces) {
        // An investor without provinces invests nationwide, so it matches too.
        b.push(
            " and (not exists (select 1 from investor_provinces ip where ip.investor_id = investors.id) \
             or investors.id in (select ip.investor_id from investor_provinces ip \
             join provinces p on p.id = ip.province_id where p.slug in ",
        );
        push_text_list(b, keys);
        b.push("))");
    }
    if let Some(active) = f.active {
        b.push(" and active = ");
        b.push_bind(active);
    }
}

fn push_mentor_filter(b: &mut Builder<'_>, f: &MentorFilter) {
    push_ids_filter(b, "mentors", &f.ids);
    push_sector_filter(b, MENTOR_SECTORS, "mentors", &f.sectors);
    push_mask_filter(b, "expertise", &f.expertise);
    push_province_filter(b, "province_id", &f.provinces);
    if let Some(langs) = nonempty(&f.languages) {
        b.push(" and mentors.id in (select mentor_id from mentor_languages where language in ");
        push_text_list(b, langs);
        b.push(")");
    }
}

fn push_organization_filter(b: &mut Builder<'_>, f: &OrganizationFilter) {
    push_ids_filter(b, "organizations", &f.ids);
    push_vocab_filter(b, "kind", &f.kinds);
    push_province_filter(b, "province_id", &f.provinces);
}

fn push_event_filter(b: &mut Builder<'_>, f: &EventFilter) {
    push_ids_filter(b, "events", &f.ids);
    push_vocab_filter(b, "kind", &f.kinds);
    push_province_filter(b, "province_id", &f.provinces);
    push_sector_filter(b, EVENT_SECTORS, "events", &f.sectors);
    if let Some(from) = f.from {
        b.push(" and coalesce(ends_at, starts_at) >= ");
        b.push_bind(from);
    }
    if let Some(to) = f.to {
        b.push(" and starts_at <= ");
        b.push_bind(to);
    }
    if let Some(orgs) = nonempty(&f.organizers) {
        b.push(" and organizer_id in ");
        push_id_list(b, orgs);
    }
}

/// The SQL expression a list sorts by; never null.
fn sort_expr(column: SortColumn) -> &'static str {
    match (column, DIALECT) {
        (SortColumn::Name, _) => "sort_name",
        (SortColumn::CreatedAt, _) => "created_at",
        (SortColumn::StartsAt, _) => "starts_at",
        (SortColumn::FoundedOn, Dialect::Sqlite) => "coalesce(founded_on, '9999-12-31')",
        (SortColumn::FoundedOn, Dialect::Postgres) => "coalesce(founded_on, date '9999-12-31')",
    }
}

fn push_sort_value(b: &mut Builder<'_>, value: &SortValue) {
    match value.clone() {
        SortValue::Text(t) => b.push_bind(t),
        SortValue::Date(d) => b.push_bind(d),
        SortValue::Time(t) => b.push_bind(t),
    };
}

fn push_bound(b: &mut Builder<'_>, expr: &str, key: &SortKey, greater: bool) {
    b.push(format!(
        " and ({expr}, id) {} (",
        if greater { ">" } else { "<" }
    ));
    push_sort_value(b, &key.value);
    b.push(", ");
    b.push_bind(key.id);
    b.push(")");
}

pub async fn list_ids(
    pool: &Pool<DB>,
    query: &ListQuery,
    page: &PageQuery,
) -> Result<Page<SortKey>, StoreError> {
    let expr = sort_expr(page.column);
    let mut b = Builder::new(format!(
        "select id, {expr} as sort_value from {}",
        list_table(query)
    ));
    push_filter(&mut b, query);
    // "after" is further along the list's order; "before" is earlier.
    if let Some(after) = &page.after {
        push_bound(&mut b, expr, after, !page.descending);
    }
    if let Some(before) = &page.before {
        push_bound(&mut b, expr, before, page.descending);
    }
    // Reading from the end runs the order backwards, then flips the page.
    let backwards = page.descending != page.from_end;
    let dir = if backwards { "desc" } else { "asc" };
    b.push(format!(" order by {expr} {dir}, id {dir} limit "));
    b.push_bind((page.limit + 1) as i64);
    let mut keys: Vec<SortKey> = match page.column {
        SortColumn::Name => {
            let rows: Vec<(i64, String)> = b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Text(v),
                    id,
                })
                .collect()
        }
        SortColumn::FoundedOn => {
            let rows: Vec<(i64, chrono::NaiveDate)> = b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Date(v),
                    id,
                })
                .collect()
        }
        SortColumn::CreatedAt | SortColumn::StartsAt => {
            let rows: Vec<(i64, chrono::DateTime<chrono::Utc>)> =
                b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Time(v),
                    id,
                })
                .collect()
        }
    };
    let has_more = keys.len() > page.limit;
    keys.truncate(page.limit);
    if page.from_end {
        keys.reverse();
    }
    Ok(Page {
        items: keys,
        has_more,
    })
}

pub async fn count(pool: &Pool<DB>, query: &ListQuery) -> Result<i64, StoreError> {
    let mut b = Builder::new(format!("select count(*) from {}", list_table(query)));
    push_filter(&mut b, query);
    Ok(b.build_query_scalar().fetch_one(pool).await?)
}

// ---------------------------------------------------------------------------
// Reading records back (export, and the base of updates).

fn record_query(
    columns: &str,
    table: &str,
    joins: &str,
    keys: &str,
    select: RecordSelect<'_>,
) -> Builder<'static> {
    let qualified: Vec<String> = columns
        .split(", ")
        .map(|c| format!("x.{}", c.trim()))
        .collect();
    let mut b = Builder::new(format!(
        "select {}, {keys} from {table} x {joins}",
        qualified.join(", ")
    ));
    match select {
        RecordSelect::Ids(ids) => {
            b.push(" where x.id in ");
            push_id_list(&mut b, ids);
            b.push(" order by x.id");
        }
        RecordSelect::After { after, limit } => {
            b.push(" where x.id > ");
            b.push_bind(after);
            b.push(" order by x.id limit ");
            b.push_bind(limit);
        }
    }
    b
}

fn is_empty_select(select: &RecordSelect<'_>) -> bool {
    matches!(select, RecordSelect::Ids(ids) if ids.is_empty())
}

const PROVINCE_JOIN: &str = "left join provinces p on p.id = x.province_id";

#[derive(sqlx::FromRow)]
struct WithKeys<T> {
    #[sqlx(flatten)]
    row: T,
    #[sqlx(flatten)]
    keys: RefKeys,
}

pub async fn startup_records(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, StartupRecord)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<StartupRow>> = record_query(
        STARTUP_COLUMNS,
        "startups",
        "left join provinces p on p.id = x.province_id left join organizations o on o.id = x.organization_id",
        "p.slug as province_key, o.slug as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
    let mut sectors = link_keys(pool, STARTUP_SECTORS, Some(Table::Sectors), &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.row.id;
            Ok((
                id,
                r.row
                    .into_record(r.keys, sectors.remove(&id).unwrap_or_default())?,
            ))
        })
        .collect()
}

pub async fn investor_records(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, InvestorRecord)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<InvestorRow> =
        record_query(INVESTOR_COLUMNS, "investors", "", "1 as one", select)
            .build_query_as()
            .fetch_all(pool)
            .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut sectors = link_keys(pool, INVESTOR_SECTORS, Some(Table::Sectors), &ids).await?;
    let mut provinces = link_keys(pool, INVESTOR_PROVINCES, Some(Table::Provinces), &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.id;
            let s = sectors.remove(&id).unwrap_or_default();
            let p = provinces.remove(&id).unwrap_or_default();
            Ok((id, r.into_record(s, p)?))
        })
        .collect()
}

pub async fn mentor_records(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, MentorRecord)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<MentorRow>> = record_query(
        MENTOR_COLUMNS,
        "mentors",
        PROVINCE_JOIN,
        "p.slug as province_key, null as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
    let mut sectors = link_keys(pool, MENTOR_SECTORS, Some(Table::Sectors), &ids).await?;
    let mut languages = link_keys(pool, MENTOR_LANGUAGES, None, &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.row.id;
            let s = sectors.remove(&id).unwrap_or_default();
            let l = languages.remove(&id).unwrap_or_default();
            Ok((id, r.row.into_record(r.keys, s, l)?))
        })
        .collect()
}

pub async fn organization_records(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, OrganizationRecord)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<OrganizationRow>> = record_query(
        ORGANIZATION_COLUMNS,
        "organizations",
        PROVINCE_JOIN,
        "p.slug as province_key, null as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| Ok((r.row.id, r.row.into_record(r.keys)?)))
        .collect()
}

pub async fn event_records(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, EventRecord)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<EventRow>> = record_query(
        EVENT_COLUMNS,
        "events",
        "left join provinces p on p.id = x.province_id left join organizations o on o.id = x.organizer_id",
        "p.slug as province_key, o.slug as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
    let mut sectors = link_keys(pool, EVENT_SECTORS, Some(Table::Sectors), &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.row.id;
            Ok((
                id,
                r.row
                    .into_record(r.keys, sectors.remove(&id).unwrap_or_default())?,
            ))
        })
        .collect()
}

pub async fn investment_records(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, InvestmentRecord)>, StoreError> {
    let rows: Vec<InvestmentRecordRow> = sqlx::query_as(
        "select x.id, x.investor_id, x.startup_id, x.amount, x.currency, x.round, x.invested_on, x.confidential, \
         i.slug as investor_key, s.slug as startup_key \
         from investments x join investors i on i.id = x.investor_id join startups s on s.id = x.startup_id \
         where x.id > $1 order by x.id limit $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(InvestmentRecordRow::into_record)
        .collect()
}

// ---------------------------------------------------------------------------
// Writes.

pub async fn delete(pool: &Pool<DB>, table: Table, id: i64) -> Result<bool, StoreError> {
    let sql = format!("delete from {} where id = $1", table.name());
    let done = sqlx::query(&sql).bind(id).execute(pool).await?;
    Ok(done.rows_affected() > 0)
}

/// Writes batches in one transaction; new profiles get `owner`, if any, in
/// the same transaction (a profile is never seen without its owner).
pub async fn write_batches(
    pool: &Pool<DB>,
    batches: &[Batch],
    mode: WriteMode,
    cache: &mut RefCache,
    owner: Option<i64>,
) -> Result<HashMap<String, i64>, StoreError> {
    let mut tx = pool.begin().await?;
    let mut ids = HashMap::new();
    for batch in batches {
        let written = write_batch(&mut tx, batch, mode, cache).await?;
        if let (Some(owner), Some(table), WriteMode::Insert) = (owner, batch.owned_table(), mode) {
            let sql = format!("update {} set owner_id = $1 where id = $2", table.name());
            for id in written.values() {
                sqlx::query(&sql)
                    .bind(owner)
                    .bind(*id)
                    .execute(&mut *tx)
                    .await
                    .map_err(super::on_unique_violation)?;
            }
        }
        ids.extend(written);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Fills the cache with the ids of every key the batch refers to that it does
/// not know yet, one statement per table.
async fn resolve(
    tx: &mut Transaction<'static, DB>,
    batch: &Batch,
    cache: &mut RefCache,
) -> Result<(), StoreError> {
    let mut missing: HashMap<Table, HashSet<&str>> = HashMap::new();
    for (table, key) in references(batch) {
        if cache.get(table, key).is_none() {
            missing.entry(table).or_default().insert(key);
        }
    }
    for (table, keys) in missing {
        let keys: Vec<&str> = keys.into_iter().collect();
        for chunk in keys.chunks(MAX_BIND_PARAMS) {
            let mut b = Builder::new(format!(
                "select slug, id from {} where slug in ",
                table.name()
            ));
            push_text_list(&mut b, chunk.iter().copied());
            let rows: Vec<(String, i64)> = b.build_query_as().fetch_all(&mut **tx).await?;
            for (slug, id) in rows {
                cache.insert(table, slug, id);
            }
        }
    }
    Ok(())
}

/// The columns a write of `spec`'s rows fills: its own, then `created_at`
/// and `updated_at` if it keeps them; and how many timestamps that is.
fn stamped_columns(spec: &WriteSpec) -> (Vec<&'static str>, usize) {
    let mut columns = spec.columns.to_vec();
    if spec.timestamps {
        columns.extend(["created_at", "updated_at"]);
        (columns, 2)
    } else {
        (columns, 0)
    }
}

/// Runs the statements that restore what an import's bulk load dropped,
/// then commits the import.
pub async fn finish_import(
    mut tx: Transaction<'static, DB>,
    restore: Vec<String>,
) -> Result<(), StoreError> {
    for statement in restore {
        sqlx::query(&statement).execute(&mut *tx).await?;
    }
    Ok(tx.commit().await?)
}

pub async fn write_batch(
    tx: &mut Transaction<'static, DB>,
    batch: &Batch,
    mode: WriteMode,
    cache: &mut RefCache,
) -> Result<HashMap<String, i64>, StoreError> {
    resolve(tx, batch, cache).await?;
    let (spec, mut rows) = rows_of(batch, cache)?;
    // Microseconds, as PostgreSQL keeps them, so both databases store the same.
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let mut ids: HashMap<String, i64> = HashMap::with_capacity(rows.len());
    // Rows this statement inserted (rather than updated): they have no links yet.
    let mut fresh: HashSet<i64> = HashSet::new();
    match mode {
        WriteMode::Update(id, version) => {
            let [row] = rows.as_slice() else {
                return Err(StoreError::Database(sqlx::Error::Protocol(
                    "BUG: update takes one record".into(),
                )));
            };
            update_row(tx, spec, row, (id, version), now).await?;
            if let Some(slug) = &row.slug {
                ids.insert(slug.clone(), id);
            }
        }
        WriteMode::Insert | WriteMode::Upsert => {
            for (slug, id, inserted) in insert_all(tx, spec, &mut rows, mode, now).await? {
                ids.insert(slug, id);
                if inserted {
                    fresh.insert(id);
                }
            }
        }
        WriteMode::Load => {
            for (slug, id) in load_rows(tx, spec, &mut rows, now).await? {
                ids.insert(slug, id);
                fresh.insert(id);
            }
        }
    }
    let owners: Vec<(i64, &RowWrite)> = rows
        .iter()
        .filter_map(|r| match (mode, &r.slug) {
            (WriteMode::Update(id, _), _) => Some((id, r)),
            (_, Some(slug)) => ids.get(slug).map(|id| (*id, r)),
            (_, None) => None,
        })
        .collect();
    let existing: Vec<i64> = owners
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !fresh.contains(id))
        .collect();
    for (n, link) in spec.links.iter().enumerate() {
        replace_links(tx, *link, &owners, &existing, n).await?;
    }
    if let Some(table) = batch.referenced_table() {
        for (slug, id) in &ids {
            cache.insert(table, slug.clone(), *id);
        }
    }
    Ok(ids)
}

/// Inserts (or upserts) rows in statements of at most [`MAX_BIND_PARAMS`]
/// values; returns what [`insert_rows`] returns, for every row.
async fn insert_all(
    tx: &mut Transaction<'static, DB>,
    spec: &WriteSpec,
    rows: &mut [RowWrite],
    mode: WriteMode,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(String, i64, bool)>, StoreError> {
    let per_row = spec.columns.len() + 2;
    let mut written = Vec::with_capacity(rows.len());
    for chunk in rows.chunks_mut((MAX_BIND_PARAMS / per_row).max(1)) {
        written.extend(insert_rows(tx, spec, chunk, mode, now).await?);
    }
    Ok(written)
}

/// Inserts (or upserts) rows; returns `(slug, id, inserted)` of rows that
/// have a slug (of others, the id as slug). `inserted` is true for a row this
/// statement created, false for one it updated or may have updated.
/// The rows' values are moved into the statement (their links stay).
async fn insert_rows(
    tx: &mut Transaction<'static, DB>,
    spec: &WriteSpec,
    rows: &mut [RowWrite],
    mode: WriteMode,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(String, i64, bool)>, StoreError> {
    let (columns, stamps) = stamped_columns(spec);
    let mut b = Builder::new(format!(
        "insert into {} ({}) ",
        spec.table,
        columns.join(", ")
    ));
    let values: Vec<Vec<Value>> = rows
        .iter_mut()
        .map(|row| {
            let mut v = std::mem::take(&mut row.values);
            v.extend(std::iter::repeat_n(Value::Time(Some(now)), stamps));
            v
        })
        .collect();
    push_rows(&mut b, values);
    if mode == WriteMode::Upsert {
        let updated: Vec<&str> = spec
            .columns
            .iter()
            .copied()
            .filter(|c| !spec.conflict.split(", ").any(|k| k == *c))
            .collect();
        let mut set: Vec<String> = updated
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        if spec.timestamps {
            // Only a real change moves `updated_at`: importing twice changes nothing.
            let changed: Vec<String> = updated
                .iter()
                .map(|c| format!("{t}.{c} is distinct from excluded.{c}", t = spec.table))
                .collect();
            set.push(format!(
                "updated_at = case when {} then excluded.updated_at else {}.updated_at end",
                changed.join(" or "),
                spec.table
            ));
        }
        b.push(format!(
            " on conflict ({}) do update set {}",
            spec.conflict,
            set.join(", ")
        ));
    }
    // PostgreSQL tells an inserted row from an updated one: only an update
    // sets `xmax`. SQLite cannot tell, so there every upserted row may have
    // had links before.
    b.push(match (DIALECT, mode) {
        (_, WriteMode::Insert | WriteMode::Load) => " returning id, true",
        (Dialect::Postgres, _) => " returning id, xmax = 0",
        (Dialect::Sqlite, _) => " returning id, false",
    });
    if spec.has_slug {
        b.push(", slug");
        let rows: Vec<(i64, bool, String)> = b
            .build_query_as()
            .fetch_all(&mut **tx)
            .await
            .map_err(super::on_unique_violation)?;
        Ok(rows
            .into_iter()
            .map(|(id, inserted, slug)| (slug, id, inserted))
            .collect())
    } else {
        let rows: Vec<(i64, bool)> = b
            .build_query_as()
            .fetch_all(&mut **tx)
            .await
            .map_err(super::on_unique_violation)?;
        Ok(rows
            .into_iter()
            .map(|(id, inserted)| (id.to_string(), id, inserted))
            .collect())
    }
}

async fn update_row(
    tx: &mut Transaction<'static, DB>,
    spec: &WriteSpec,
    row: &RowWrite,
    (id, version): (i64, Option<chrono::DateTime<chrono::Utc>>),
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let mut b = Builder::new(format!("update {} set ", spec.table));
    {
        let mut sep = b.separated(", ");
        for (column, value) in spec.columns.iter().zip(&row.values) {
            sep.push(format!("{column} = "));
            push_value_unseparated(&mut sep, value);
        }
        if spec.timestamps {
            sep.push("updated_at = ");
            sep.push_bind_unseparated(now);
        }
    }
    b.push(" where id = ");
    b.push_bind(id);
    if let Some(version) = version {
        b.push(" and updated_at = ");
        b.push_bind(version);
    }
    let done = b
        .build()
        .execute(&mut **tx)
        .await
        .map_err(super::on_unique_violation)?;
    if done.rows_affected() == 0 {
        return Err(if version.is_some() {
            StoreError::Conflict
        } else {
            StoreError::NotFound
        });
    }
    Ok(())
}

/// The `updated_at` of a row (read on the writer, so it is current).
pub async fn version(
    pool: &Pool<DB>,
    table: Table,
    id: i64,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, StoreError> {
    let sql = format!("select updated_at from {} where id = $1", table.name());
    Ok(sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

fn push_value_unseparated(
    b: &mut sqlx::query_builder::Separated<'_, '_, DB, &'static str>,
    value: &Value,
) {
    match value.clone() {
        Value::Text(v) => b.push_bind_unseparated(v),
        Value::Int(v) => b.push_bind_unseparated(v),
        Value::Int32(v) => b.push_bind_unseparated(v),
        Value::Bool(v) => b.push_bind_unseparated(v),
        Value::Date(v) => b.push_bind_unseparated(v),
        Value::Time(v) => b.push_bind_unseparated(v),
    };
}

/// Replaces the links of these owners with the rows' `n`th link list.
/// Only the `existing` owners can have links to delete.
async fn replace_links(
    tx: &mut Transaction<'static, DB>,
    link: LinkTable,
    owners: &[(i64, &RowWrite)],
    existing: &[i64],
    n: usize,
) -> Result<(), StoreError> {
    for chunk in existing.chunks(MAX_BIND_PARAMS) {
        let mut b = Builder::new(format!(
            "delete from {} where {} in ",
            link.table, link.owner
        ));
        push_id_list(&mut b, chunk);
        b.build().execute(&mut **tx).await?;
    }
    let pairs: Vec<(i64, i32, &Value)> = owners
        .iter()
        .flat_map(|(id, row)| {
            row.links[n]
                .iter()
                .enumerate()
                .map(move |(pos, v)| (*id, pos as i32, v))
        })
        .collect();
    let values = pairs
        .into_iter()
        .map(|(id, pos, value)| {
            vec![
                Value::Int(Some(id)),
                value.clone(),
                Value::Int32(Some(pos)),
            ]
        })
        .collect();
    load_values(tx, link.table, &[link.owner, link.value, "position"], values).await
}

/// `(parent, child)` id pairs: children of `table` whose `column` is one of
/// `parents`, in the children's name order. Table and column are constants.
pub async fn child_ids(
    pool: &Pool<DB>,
    table: Table,
    column: &'static str,
    parents: &[i64],
) -> Result<Vec<(i64, i64)>, StoreError> {
    if parents.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(format!(
        "select {column}, id from {} where {column} in ",
        table.name()
    ));
    push_id_list(&mut b, parents);
    b.push(" order by sort_name, id");
    Ok(b.build_query_as().fetch_all(pool).await?)
}

// ---------------------------------------------------------------------------
// Accounts and ownership.

const USER_COLUMNS: &str = "id, email, password_hash, role, name, created_at";

pub async fn create_user(
    pool: &Pool<DB>,
    user: &super::NewUser<'_>,
) -> Result<i64, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    sqlx::query_scalar(
        "insert into users (email, password_hash, role, name, created_at) \
         values ($1, $2, $3, $4, $5) returning id",
    )
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.role.as_str())
    .bind(user.name)
    .bind(now)
    .fetch_one(pool)
    .await
    .map_err(super::on_unique_violation)
}

pub async fn user_by_email(pool: &Pool<DB>, email: &str) -> Result<Option<UserRow>, StoreError> {
    let sql = format!("select {USER_COLUMNS} from users where email = $1");
    Ok(sqlx::query_as(&sql).bind(email).fetch_optional(pool).await?)
}

pub async fn users_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<UserRow>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(by_ids_query(USER_COLUMNS, "users", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?)
}

pub async fn create_session(
    pool: &Pool<DB>,
    user_id: i64,
    token_hash: &str,
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<i64, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    Ok(sqlx::query_scalar(
        "insert into sessions (user_id, token_hash, created_at, expires_at) \
         values ($1, $2, $3, $4) returning id",
    )
    .bind(user_id)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .fetch_one(pool)
    .await?)
}

/// The session of a token hash and its user, if the session is neither
/// revoked nor expired.
pub async fn session_user(
    pool: &Pool<DB>,
    token_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(i64, UserRow)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Found {
        session_id: i64,
        #[sqlx(flatten)]
        user: UserRow,
    }
    let found: Option<Found> = sqlx::query_as(
        "select s.id as session_id, u.id, u.email, u.password_hash, u.role, u.name, u.created_at \
         from sessions s join users u on u.id = s.user_id \
         where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    Ok(found.map(|f| (f.session_id, f.user)))
}

pub async fn revoke_session(pool: &Pool<DB>, session_id: i64) -> Result<bool, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let done =
        sqlx::query("update sessions set revoked_at = $1 where id = $2 and revoked_at is null")
            .bind(now)
            .bind(session_id)
            .execute(pool)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// The ids of the rows of `table` (a profile table) owned by these users,
/// as `(owner, id)` in name order.
pub async fn owned_ids(
    pool: &Pool<DB>,
    table: Table,
    owners: &[i64],
) -> Result<Vec<(i64, i64)>, StoreError> {
    child_ids(pool, table, "owner_id", owners).await
}

/// Sets (or clears) the owner of a row of `table`; false when there is none.
pub async fn set_owner(
    pool: &Pool<DB>,
    table: Table,
    id: i64,
    owner: Option<i64>,
) -> Result<bool, StoreError> {
    let sql = format!("update {} set owner_id = $1 where id = $2", table.name());
    let done = sqlx::query(&sql)
        .bind(owner)
        .bind(id)
        .execute(pool)
        .await
        .map_err(super::on_unique_violation)?;
    Ok(done.rows_affected() > 0)
}

// ---------------------------------------------------------------------------
// Introductions.

const INTRODUCTION_COLUMNS: &str =
    "id, startup_id, investor_id, mentor_id, message, status, created_at, decided_at";

/// `(investor_id, mentor_id)` of a recipient.
fn recipient_ids(recipient: model::Recipient) -> (Option<i64>, Option<i64>) {
    match recipient {
        model::Recipient::Investor(id) => (Some(id), None),
        model::Recipient::Mentor(id) => (None, Some(id)),
    }
}

/// Locks a row for the rest of the transaction where the database needs
/// it: PostgreSQL takes a row lock; SQLite's single writer already
/// serialises every write transaction.
fn for_update() -> &'static str {
    match DIALECT {
        Dialect::Postgres => " for update",
        Dialect::Sqlite => "",
    }
}

async fn log_step(
    tx: &mut Transaction<'static, DB>,
    intro: &model::Introduction,
    actor: Option<i64>,
    action: model::IntroductionAction,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let (investor, mentor) = recipient_ids(intro.recipient);
    sqlx::query(
        "insert into introduction_log (introduction_id, startup_id, investor_id, mentor_id, actor_id, action, at) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(intro.id)
    .bind(intro.startup_id)
    .bind(investor)
    .bind(mentor)
    .bind(actor)
    .bind(action.as_str())
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn introduction_in(
    tx: &mut Transaction<'static, DB>,
    id: i64,
    lock: bool,
) -> Result<Option<model::Introduction>, StoreError> {
    let sql = format!(
        "select {INTRODUCTION_COLUMNS} from introductions where id = $1{}",
        if lock { for_update() } else { "" }
    );
    let row: Option<IntroductionRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.map(IntroductionRow::into_model).transpose()
}

/// Records a request, checking in the same transaction (with the startup
/// locked) the pending limit, open requests of the pair and the cool-off
/// after a decline.
pub async fn request_introduction(
    pool: &Pool<DB>,
    request: &super::IntroductionRequest<'_>,
) -> Result<Result<model::Introduction, super::IntroductionRefusal>, StoreError> {
    use super::IntroductionRefusal as Refusal;
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let mut tx = pool.begin().await?;
    let sql = format!("select id from startups where id = $1{}", for_update());
    let startup: Option<i64> = sqlx::query_scalar(&sql)
        .bind(request.startup_id)
        .fetch_optional(&mut *tx)
        .await?;
    if startup.is_none() {
        return Ok(Err(Refusal::UnknownStartup));
    }
    let (investor, mentor) = recipient_ids(request.recipient);
    let table = if investor.is_some() { "investors" } else { "mentors" };
    let exists: Option<i64> = sqlx::query_scalar(&format!("select id from {table} where id = $1"))
        .bind(investor.or(mentor))
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Ok(Err(Refusal::UnknownRecipient));
    }
    let pending: i64 = sqlx::query_scalar(
        "select count(*) from introductions where startup_id = $1 and status = 'PENDING'",
    )
    .bind(request.startup_id)
    .fetch_one(&mut *tx)
    .await?;
    if pending >= request.max_pending {
        return Ok(Err(Refusal::TooManyPending(request.max_pending)));
    }
    let column = if investor.is_some() { "investor_id" } else { "mentor_id" };
    let last: Option<(String, Option<chrono::DateTime<chrono::Utc>>)> = sqlx::query_as(&format!(
        "select status, decided_at from introductions where startup_id = $1 and {column} = $2 \
         order by id desc limit 1"
    ))
    .bind(request.startup_id)
    .bind(investor.or(mentor))
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((status, decided_at)) = last {
        let status: model::IntroductionStatus = status
            .parse()
            .map_err(|_| StoreError::Database(sqlx::Error::Decode("introductions.status".into())))?;
        match status {
            model::IntroductionStatus::Pending | model::IntroductionStatus::Accepted => {
                return Ok(Err(Refusal::AlreadyOpen(status)));
            }
            model::IntroductionStatus::Declined => {
                let until = decided_at.unwrap_or(now) + request.cooldown;
                if until > now {
                    return Ok(Err(Refusal::DeclinedRecently(until)));
                }
            }
            model::IntroductionStatus::Withdrawn => {}
        }
    }
    let id: i64 = sqlx::query_scalar(
        "insert into introductions (startup_id, investor_id, mentor_id, message, status, created_at) \
         values ($1, $2, $3, $4, 'PENDING', $5) returning id",
    )
    .bind(request.startup_id)
    .bind(investor)
    .bind(mentor)
    .bind(request.message)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let intro = introduction_in(&mut tx, id, false)
        .await?
        .ok_or(StoreError::NotFound)?;
    log_step(&mut tx, &intro, Some(request.actor_id), model::IntroductionAction::Requested, now).await?;
    tx.commit().await?;
    Ok(Ok(intro))
}

/// Moves a pending introduction to `to` (accepted, declined or withdrawn).
/// Accepting for a mentor checks, with the mentor locked, that the mentor
/// has capacity left.
pub async fn decide_introduction(
    pool: &Pool<DB>,
    id: i64,
    to: model::IntroductionStatus,
    actor: Option<i64>,
) -> Result<Result<model::Introduction, super::IntroductionRefusal>, StoreError> {
    use super::IntroductionRefusal as Refusal;
    use model::{IntroductionAction as Action, IntroductionStatus as Status};
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let mut tx = pool.begin().await?;
    let Some(intro) = introduction_in(&mut tx, id, true).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if intro.status != Status::Pending {
        return Ok(Err(Refusal::NotPending(intro.status)));
    }
    if let (Status::Accepted, model::Recipient::Mentor(mentor)) = (to, intro.recipient) {
        let sql = format!("select capacity from mentors where id = $1{}", for_update());
        let capacity: i32 = sqlx::query_scalar(&sql)
            .bind(mentor)
            .fetch_optional(&mut *tx)
            .await?
            .unwrap_or(0);
        let taken: i64 = sqlx::query_scalar(
            "select count(*) from introductions where mentor_id = $1 and status = 'ACCEPTED'",
        )
        .bind(mentor)
        .fetch_one(&mut *tx)
        .await?;
        if taken >= i64::from(capacity) {
            return Ok(Err(Refusal::NoCapacity(capacity)));
        }
    }
    sqlx::query("update introductions set status = $1, decided_at = $2 where id = $3")
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let action = match to {
        Status::Accepted => Action::Accepted,
        Status::Declined => Action::Declined,
        Status::Withdrawn | Status::Pending => Action::Withdrawn,
    };
    log_step(&mut tx, &intro, actor, action, now).await?;
    let intro = introduction_in(&mut tx, id, false)
        .await?
        .ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(Ok(intro))
}

pub async fn introductions_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::Introduction>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<IntroductionRow> = by_ids_query(INTRODUCTION_COLUMNS, "introductions", ids)
        .build_query_as()
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(IntroductionRow::into_model).collect()
}

/// The introductions a user is a party of (through a profile they own),
/// newest first.
pub async fn introductions_of_user(
    pool: &Pool<DB>,
    user: i64,
    status: Option<model::IntroductionStatus>,
    limit: i64,
) -> Result<Vec<model::Introduction>, StoreError> {
    let qualified: Vec<String> = INTRODUCTION_COLUMNS
        .split(", ")
        .map(|c| format!("i.{c}"))
        .collect();
    let mut b = Builder::new(format!(
        "select {} from introductions i \
         left join startups s on s.id = i.startup_id \
         left join investors v on v.id = i.investor_id \
         left join mentors m on m.id = i.mentor_id \
         where (s.owner_id = ",
        qualified.join(", ")
    ));
    b.push_bind(user);
    b.push(" or v.owner_id = ");
    b.push_bind(user);
    b.push(" or m.owner_id = ");
    b.push_bind(user);
    b.push(")");
    if let Some(status) = status {
        b.push(" and i.status = ");
        b.push_bind(status.as_str());
    }
    b.push(" order by i.id desc limit ");
    b.push_bind(limit);
    let rows: Vec<IntroductionRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(IntroductionRow::into_model).collect()
}

/// The profiles a user sees the contact details of because an accepted
/// introduction links one of their profiles to it, as `(owner, table, id)`.
pub async fn contacts_of_users(
    pool: &Pool<DB>,
    users: &[i64],
) -> Result<Vec<(i64, Table, i64)>, StoreError> {
    if users.is_empty() {
        return Ok(vec![]);
    }
    let mut out = Vec::new();
    // The recipient's owner sees the startup...
    let mut b = Builder::new(
        "select coalesce(v.owner_id, m.owner_id), i.startup_id from introductions i \
         left join investors v on v.id = i.investor_id \
         left join mentors m on m.id = i.mentor_id \
         where i.status = 'ACCEPTED' and coalesce(v.owner_id, m.owner_id) in ",
    );
    push_id_list(&mut b, users);
    let rows: Vec<(i64, i64)> = b.build_query_as().fetch_all(pool).await?;
    out.extend(rows.into_iter().map(|(u, id)| (u, Table::Startups, id)));
    // ...and the startup's owner sees the recipient.
    let mut b = Builder::new(
        "select s.owner_id, i.investor_id, i.mentor_id from introductions i \
         join startups s on s.id = i.startup_id \
         where i.status = 'ACCEPTED' and s.owner_id in ",
    );
    push_id_list(&mut b, users);
    let rows: Vec<(i64, Option<i64>, Option<i64>)> = b.build_query_as().fetch_all(pool).await?;
    for (u, investor, mentor) in rows {
        match (investor, mentor) {
            (Some(id), _) => out.push((u, Table::Investors, id)),
            (None, Some(id)) => out.push((u, Table::Mentors, id)),
            (None, None) => {}
        }
    }
    Ok(out)
}

/// The audit trail, newest first: of one introduction, or of all, before
/// an entry id.
pub async fn introduction_log(
    pool: &Pool<DB>,
    introduction: Option<i64>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<model::IntroductionLogEntry>, StoreError> {
    let mut b = Builder::new(
        "select id, introduction_id, startup_id, investor_id, mentor_id, actor_id, action, at \
         from introduction_log where 1 = 1",
    );
    if let Some(id) = introduction {
        b.push(" and introduction_id = ");
        b.push_bind(id);
    }
    if let Some(before) = before {
        b.push(" and id < ");
        b.push_bind(before);
    }
    b.push(" order by id desc limit ");
    b.push_bind(limit);
    let rows: Vec<IntroductionLogRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(IntroductionLogRow::into_model).collect()
}

// ---------------------------------------------------------------------------
// The search index's change log (migrations 0004).

pub async fn change_log_instance(pool: &Pool<DB>) -> Result<String, StoreError> {
    Ok(
        sqlx::query_scalar("select instance from search_meta where id = 1")
            .fetch_one(pool)
            .await?,
    )
}

/// The position every committed change is at or before.
pub async fn change_log_head(pool: &Pool<DB>) -> Result<ChangePosition, StoreError> {
    Ok(match DIALECT {
        Dialect::Sqlite => {
            // A pruned log may be empty: its head is then where the pruning
            // stopped (seqs are never reused).
            let seq: i64 = sqlx::query_scalar(
                "select max(coalesce((select max(seq) from search_changes), 0), \
                 (select pruned_seq from search_meta where id = 1))",
            )
            .fetch_one(pool)
            .await?;
            ChangePosition { tx: 0, seq }
        }
        // Every transaction below the snapshot's xmin has ended; its changes
        // are in what a later read sees.
        Dialect::Postgres => {
            let tx: i64 = sqlx::query_scalar(
                "select pg_snapshot_xmin(pg_current_snapshot())::text::int8",
            )
            .fetch_one(pool)
            .await?;
            ChangePosition { tx, seq: 0 }
        }
    })
}

/// Up to `limit` changes after `after`, in order, and the position after
/// them; [`StoreError::ChangeLogPruned`] when the log was pruned past
/// `after`.
pub async fn change_log_after(
    pool: &Pool<DB>,
    after: ChangePosition,
    limit: i64,
) -> Result<(Vec<LoggedChange>, ChangePosition), StoreError> {
    let read = read_change_log(pool, after, limit).await?;
    // Checked after the read: a prune that deleted any entry the read
    // looked for committed its position before the read began.
    if after < change_log_pruned(pool, false).await? {
        return Err(StoreError::ChangeLogPruned);
    }
    Ok(read)
}

/// [`change_log_after`] without the check (see migration 0004 for why
/// PostgreSQL reads by transaction).
async fn read_change_log(
    pool: &Pool<DB>,
    after: ChangePosition,
    limit: i64,
) -> Result<(Vec<LoggedChange>, ChangePosition), StoreError> {
    match DIALECT {
        Dialect::Sqlite => {
            let rows: Vec<(i64, String, i64)> = sqlx::query_as(
                "select seq, kind, entity_id from search_changes where seq > $1 order by seq limit $2",
            )
            .bind(after.seq)
            .bind(limit)
            .fetch_all(pool)
            .await?;
            let next = rows.last().map_or(after, |(seq, _, _)| ChangePosition {
                tx: 0,
                seq: *seq,
            });
            Ok((
                rows.into_iter()
                    .map(|(_, kind, id)| LoggedChange { kind, id })
                    .collect(),
                next,
            ))
        }
        Dialect::Postgres => {
            let horizon: i64 =
                sqlx::query_scalar("select pg_snapshot_xmin(pg_current_snapshot())::text::int8")
                    .fetch_one(pool)
                    .await?;
            let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(
                "select tx::text::int8, seq, kind, entity_id from search_changes \
                 where (tx, seq) > ($1::text::xid8, $2) and tx < $3::text::xid8 \
                 order by tx, seq limit $4",
            )
            .bind(after.tx.to_string())
            .bind(after.seq)
            .bind(horizon.to_string())
            .bind(limit)
            .fetch_all(pool)
            .await?;
            let next = match rows.last() {
                Some(&(tx, seq, _, _)) if rows.len() as i64 >= limit => ChangePosition { tx, seq },
                // Everything below the horizon is read, and every later
                // change has a `tx` at or above it.
                _ => ChangePosition {
                    tx: horizon,
                    seq: 0,
                }
                .max(after),
            };
            let changes = rows
                .into_iter()
                .map(|(_, _, kind, id)| LoggedChange { kind, id })
                .collect();
            Ok((changes, next))
        }
    }
}

/// How far the change log has been pruned (migration 0007).
async fn change_log_pruned<'e>(
    db: impl sqlx::Executor<'e, Database = DB>,
    lock: bool,
) -> Result<ChangePosition, StoreError> {
    let sql = match (DIALECT, lock) {
        (Dialect::Postgres, true) => {
            "select pruned_tx, pruned_seq from search_meta where id = 1 for update"
        }
        _ => "select pruned_tx, pruned_seq from search_meta where id = 1",
    };
    let (tx, seq): (i64, i64) = sqlx::query_as(sql).fetch_one(db).await?;
    Ok(ChangePosition { tx, seq })
}

/// The position the change log was pruned through (see
/// [`prune_change_log`]).
pub async fn change_log_pruned_position(pool: &Pool<DB>) -> Result<ChangePosition, StoreError> {
    change_log_pruned(pool, false).await
}

/// Deletes all but the newest `keep` readable entries of the change log
/// and moves the pruned position forward to the last one deleted.
pub async fn prune_change_log(pool: &Pool<DB>, keep: i64) -> Result<u64, StoreError> {
    let mut tx = pool.begin().await?;
    // On PostgreSQL only changes of ended transactions (below the
    // snapshot's xmin) count: a running one may still add entries below.
    let last: Option<(i64, i64)> = sqlx::query_as(match DIALECT {
        Dialect::Sqlite => "select 0, seq from search_changes order by seq desc limit 1 offset $1",
        Dialect::Postgres => {
            "select tx::text::int8, seq from search_changes \
             where tx < pg_snapshot_xmin(pg_current_snapshot()) \
             order by tx desc, seq desc limit 1 offset $1"
        }
    })
    .bind(keep.max(0))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((last_tx, last_seq)) = last else {
        return Ok(0);
    };
    let through = ChangePosition {
        tx: last_tx,
        seq: last_seq,
    };
    // Locked on PostgreSQL: two servers pruning at once agree on the furthest.
    if through <= change_log_pruned(&mut *tx, true).await? {
        return Ok(0);
    }
    let deleted = match DIALECT {
        Dialect::Sqlite => sqlx::query("delete from search_changes where seq <= $1")
            .bind(through.seq)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
        Dialect::Postgres => {
            sqlx::query("delete from search_changes where (tx, seq) <= ($1::text::xid8, $2)")
                .bind(through.tx.to_string())
                .bind(through.seq)
                .execute(&mut *tx)
                .await?
                .rows_affected()
        }
    };
    sqlx::query("update search_meta set pruned_tx = $1, pruned_seq = $2 where id = 1")
        .bind(through.tx)
        .bind(through.seq)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(deleted)
}

// ---------------------------------------------------------------------------
// Matching: what the engine reads besides the profiles.

/// Up to `limit` investments with ids greater than `after`, in id order.
pub async fn investments_after(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<Investment>, StoreError> {
    let rows: Vec<InvestmentRow> = sqlx::query_as(
        "select id, investor_id, startup_id, amount, currency, round, invested_on, confidential \
         from investments where id > $1 order by id limit $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(InvestmentRow::into_model).collect()
}

/// Accepted introductions per mentor, as `(mentor, count)`: of these
/// mentors, or of every mentor when `ids` is `None`.
pub async fn mentor_loads(
    pool: &Pool<DB>,
    ids: Option<&[i64]>,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut b = Builder::new(
        "select mentor_id, count(*) from introductions where status = 'ACCEPTED' and mentor_id is not null",
    );
    if let Some(ids) = ids {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        b.push(" and mentor_id in ");
        push_id_list(&mut b, ids);
    }
    b.push(" group by mentor_id");
    Ok(b.build_query_as().fetch_all(pool).await?)
}

const FEEDBACK_COLUMNS: &str = "id, startup_id, investor_id, mentor_id, side, verdict, user_id";

type FeedbackRow = (i64, i64, Option<i64>, Option<i64>, String, String, Option<i64>);

fn feedback_of(row: FeedbackRow) -> Result<(i64, model::MatchFeedback), StoreError> {
    let (id, startup_id, investor_id, mentor_id, side, verdict, user_id) = row;
    let counterpart = match (investor_id, mentor_id) {
        (Some(i), _) => model::Recipient::Investor(i),
        (None, Some(m)) => model::Recipient::Mentor(m),
        (None, None) => return Err(corrupt("match_feedback.investor_id", "null")),
    };
    Ok((
        id,
        model::MatchFeedback {
            startup_id,
            counterpart,
            side: vocab("match_feedback.side", &side)?,
            verdict: vocab("match_feedback.verdict", &verdict)?,
            user_id,
        },
    ))
}

/// Feedback where `column` (`startup_id`, `investor_id` or `mentor_id`, a
/// constant from the caller) is one of `ids`.
pub async fn match_feedback_by(
    pool: &Pool<DB>,
    column: &'static str,
    ids: &[i64],
) -> Result<Vec<model::MatchFeedback>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(format!(
        "select {FEEDBACK_COLUMNS} from match_feedback where {column} in "
    ));
    push_id_list(&mut b, ids);
    let rows: Vec<FeedbackRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter()
        .map(|r| feedback_of(r).map(|(_, f)| f))
        .collect()
}

/// Up to `limit` feedback rows with ids greater than `after`, in id order,
/// with their ids.
pub async fn match_feedback_after(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, model::MatchFeedback)>, StoreError> {
    let sql = format!(
        "select {FEEDBACK_COLUMNS} from match_feedback where id > $1 order by id limit $2"
    );
    let rows: Vec<FeedbackRow> = sqlx::query_as(&sql)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.into_iter().map(feedback_of).collect()
}

/// Records a verdict, replacing the pair's earlier one on the same side.
pub async fn set_match_feedback(
    pool: &Pool<DB>,
    feedback: &model::MatchFeedback,
) -> Result<(), StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let (investor, mentor, column) = match feedback.counterpart {
        model::Recipient::Investor(i) => (Some(i), None, "investor_id"),
        model::Recipient::Mentor(m) => (None, Some(m), "mentor_id"),
    };
    let sql = format!(
        "insert into match_feedback (startup_id, investor_id, mentor_id, side, verdict, user_id, at) \
         values ($1, $2, $3, $4, $5, $6, $7) \
         on conflict (startup_id, {column}, side) where {column} is not null \
         do update set verdict = excluded.verdict, user_id = excluded.user_id, at = excluded.at"
    );
    sqlx::query(&sql)
        .bind(feedback.startup_id)
        .bind(investor)
        .bind(mentor)
        .bind(feedback.side.as_str())
        .bind(feedback.verdict.as_str())
        .bind(feedback.user_id)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Event registrations.

fn participant_columns(p: model::Participant) -> (Option<i64>, Option<i64>, Option<i64>, &'static str, i64) {
    match p {
        model::Participant::Startup(id) => (Some(id), None, None, "startup_id", id),
        model::Participant::Investor(id) => (None, Some(id), None, "investor_id", id),
        model::Participant::Mentor(id) => (None, None, Some(id), "mentor_id", id),
    }
}

/// Registers a participant; false when it was registered already.
pub async fn register_for_event(
    pool: &Pool<DB>,
    event: i64,
    participant: model::Participant,
    user: Option<i64>,
) -> Result<bool, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    let (startup, investor, mentor, _, _) = participant_columns(participant);
    let done = sqlx::query(
        "insert into event_registrations (event_id, startup_id, investor_id, mentor_id, user_id, registered_at) \
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
    )
    .bind(event)
    .bind(startup)
    .bind(investor)
    .bind(mentor)
    .bind(user)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Takes a registration back; false when there was none.
pub async fn unregister_from_event(
    pool: &Pool<DB>,
    event: i64,
    participant: model::Participant,
) -> Result<bool, StoreError> {
    let (_, _, _, column, id) = participant_columns(participant);
    let sql = format!("delete from event_registrations where event_id = $1 and {column} = $2");
    let done = sqlx::query(&sql).bind(event).bind(id).execute(pool).await?;
    Ok(done.rows_affected() > 0)
}

/// `(event, startup, investor, mentor)`.
type RegistrationRow = (i64, Option<i64>, Option<i64>, Option<i64>);

/// The participants of these events as `(event, participant)`, in the order
/// they registered.
pub async fn participants_of_events(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<(i64, model::Participant)>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(
        "select event_id, startup_id, investor_id, mentor_id from event_registrations where event_id in ",
    );
    push_id_list(&mut b, ids);
    b.push(" order by id");
    let rows: Vec<RegistrationRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter()
        .map(|(event, s, i, m)| {
            let p = match (s, i, m) {
                (Some(s), _, _) => model::Participant::Startup(s),
                (None, Some(i), _) => model::Participant::Investor(i),
                (None, None, Some(m)) => model::Participant::Mentor(m),
                _ => return Err(corrupt("event_registrations.startup_id", "null")),
            };
            Ok((event, p))
        })
        .collect()
}
