// Reading drafts back (export, and the base of updates).
// (Part of the store's SQL: see `../sql.rs`.)

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
struct WithKeys<T, K = RefKeys> {
    #[sqlx(flatten)]
    row: T,
    #[sqlx(flatten)]
    keys: K,
}

/// The key of a call's programme, read back with the call.
#[derive(sqlx::FromRow)]
struct ProgrammeKey {
    programme_key: String,
}

pub async fn startup_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, StartupDraft)>, StoreError> {
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
                    .into_draft(r.keys, sectors.remove(&id).unwrap_or_default())?,
            ))
        })
        .collect()
}

pub async fn investor_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, InvestorDraft)>, StoreError> {
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
            Ok((id, r.into_draft(s, p)?))
        })
        .collect()
}

pub async fn mentor_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, MentorDraft)>, StoreError> {
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
            Ok((id, r.row.into_draft(r.keys, s, l)?))
        })
        .collect()
}

pub async fn organization_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, OrganizationDraft)>, StoreError> {
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
        .map(|r| Ok((r.row.id, r.row.into_draft(r.keys)?)))
        .collect()
}

pub async fn event_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, EventDraft)>, StoreError> {
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
                    .into_draft(r.keys, sectors.remove(&id).unwrap_or_default())?,
            ))
        })
        .collect()
}

pub async fn programme_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, model::ProgrammeDraft)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<ProgrammeRow>> = record_query(
        PROGRAMME_COLUMNS,
        "programmes",
        "left join provinces p on p.id = x.province_id left join organizations o on o.id = x.organization_id",
        "p.slug as province_key, o.slug as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
    let mut sectors = link_keys(pool, PROGRAMME_SECTORS, Some(Table::Sectors), &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.row.id;
            let sectors = sectors.remove(&id).unwrap_or_default();
            Ok((id, r.row.into_draft(r.keys, sectors)?))
        })
        .collect()
}

pub async fn call_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, model::CallDraft)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<CallRow, ProgrammeKey>> = record_query(
        CALL_COLUMNS,
        "calls",
        "join programmes g on g.id = x.programme_id",
        "g.slug as programme_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.row.id).collect();
    let mut sectors = link_keys(pool, CALL_SECTORS, Some(Table::Sectors), &ids).await?;
    let mut provinces = link_keys(pool, CALL_PROVINCES, Some(Table::Provinces), &ids).await?;
    rows.into_iter()
        .map(|r| {
            let id = r.row.id;
            let draft = r.row.into_draft(
                r.keys.programme_key,
                sectors.remove(&id).unwrap_or_default(),
                provinces.remove(&id).unwrap_or_default(),
            )?;
            Ok((id, draft))
        })
        .collect()
}

pub async fn support_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, model::SupportDraft)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<SupportRow, SupportKeys>> = record_query(
        SUPPORT_COLUMNS,
        "support_records",
        "left join startups s on s.id = x.startup_id left join programmes g on g.id = x.programme_id \
         left join organizations o on o.id = x.organization_id",
        "s.slug as startup_key, g.slug as programme_key, o.slug as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| Ok((r.row.id, r.row.into_draft(r.keys)?)))
        .collect()
}

pub async fn class_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, model::ClassDraft)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<ClassRow, ClassKeys>> = record_query(
        CLASS_COLUMNS,
        "training_classes",
        "join programmes g on g.id = x.programme_id left join provinces p on p.id = x.province_id",
        "g.slug as programme_key, p.slug as province_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let id = r.row.id;
            (id, r.row.into_draft(r.keys.programme_key, r.keys.province_key))
        })
        .collect())
}

/// Applications as drafts, in id order after the given id.
pub async fn application_drafts(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, model::ApplicationDraft)>, StoreError> {
    let rows: Vec<ApplicationRecordRow> = sqlx::query_as(
        "select x.id, x.call_id, x.startup_id, x.status, x.answers, x.created_at, x.updated_at, \
         x.submitted_at, x.decided_at, c.slug as call_key, s.slug as startup_key \
         from applications x join calls c on c.id = x.call_id join startups s on s.id = x.startup_id \
         where x.id > $1 order by x.id limit $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(ApplicationRecordRow::into_draft).collect()
}

/// Attendance as drafts, in id order after the given id.
pub async fn attendance_drafts(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, model::AttendanceDraft)>, StoreError> {
    let rows: Vec<AttendanceRecordRow> = sqlx::query_as(
        "select x.id, x.class_id, x.person, x.organization, x.gender, x.audience, x.startup_id, \
         c.slug as class_key, s.slug as startup_key \
         from attendance x join training_classes c on c.id = x.class_id \
         left join startups s on s.id = x.startup_id \
         where x.id > $1 order by x.id limit $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(AttendanceRecordRow::into_draft).collect()
}

pub async fn investment_drafts(
    pool: &Pool<DB>,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, InvestmentDraft)>, StoreError> {
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
        .map(InvestmentRecordRow::into_draft)
        .collect()
}
