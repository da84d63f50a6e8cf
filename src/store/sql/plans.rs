// Plans, the values entered for their targets, and the indicators: each a
// statement over the records, its rule documented on `model::Indicator`.
//
// An indicator's records are its "facts": one row per record that counts,
// with the subject it counts (`subj`: a startup counts once however often
// it was supported), what the subject is (`kind`, `sid`, `name`), its day
// in Vietnam (`day`, `YYYY-MM-DD`), its province (`prov`), the money it
// carries (`val`) and, when a series is split by sector, its sector
// (`sec`). A figure is the number of distinct subjects (or the sum of the
// money) of the facts in a bucket; the contributors are the subjects.

const PLAN_COLUMNS: &str = "id, slug, title, title_en, province_id, starts_on, ends_on, basis, basis_on, \
     targets, created_at, updated_at";

pub async fn plans_by_ids(pool: &Pool<DB>, ids: &[i64]) -> Result<Vec<model::Plan>, StoreError> {
    let rows: Vec<PlanRow> = rows_by_ids(pool, PLAN_COLUMNS, "plans", ids).await?;
    rows.into_iter().map(PlanRow::into_model).collect()
}

/// Every plan's id, the latest first (plans are few: a handful per
/// province).
pub async fn plan_ids(pool: &Pool<DB>, province: Option<i64>) -> Result<Vec<i64>, StoreError> {
    let mut b = Builder::new("select id from plans where 1 = 1");
    if let Some(p) = province {
        b.push(" and province_id = ");
        b.push_bind(p);
    }
    b.push(" order by starts_on desc, sort_name, id limit 1000");
    Ok(b.build_query_scalar().fetch_all(pool).await?)
}

pub async fn plan_drafts(
    pool: &Pool<DB>,
    select: RecordSelect<'_>,
) -> Result<Vec<(i64, model::PlanDraft)>, StoreError> {
    if is_empty_select(&select) {
        return Ok(vec![]);
    }
    let rows: Vec<WithKeys<PlanRow>> = record_query(
        PLAN_COLUMNS,
        "plans",
        "left join provinces p on p.id = x.province_id",
        "p.slug as province_key, cast(null as text) as organization_key",
        select,
    )
    .build_query_as()
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| Ok((r.row.id, r.row.into_draft(r.keys.province_key)?)))
        .collect()
}

/// The values entered for a plan's targets.
pub async fn indicator_entries(
    pool: &Pool<DB>,
    plan: i64,
) -> Result<Vec<model::IndicatorEntry>, StoreError> {
    let rows: Vec<IndicatorEntryRow> = sqlx::query_as(
        "select plan_id, target, year, value, note, evidence, entered_by, entered_at \
         from indicator_entries where plan_id = $1 order by target, year",
    )
    .bind(plan)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(IndicatorEntryRow::into_model).collect())
}

/// Enters (or replaces) a value for a plan's target and year.
pub async fn enter_indicator_value(
    pool: &Pool<DB>,
    e: &model::IndicatorEntry,
) -> Result<(), StoreError> {
    let at = chrono::SubsecRound::trunc_subsecs(e.entered_at, 6);
    sqlx::query(
        "insert into indicator_entries (plan_id, target, year, value, note, evidence, entered_by, entered_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) \
         on conflict (plan_id, target, year) do update set value = excluded.value, note = excluded.note, \
         evidence = excluded.evidence, entered_by = excluded.entered_by, entered_at = excluded.entered_at",
    )
    .bind(e.plan_id)
    .bind(&e.target)
    .bind(e.year)
    .bind(e.value)
    .bind(&e.note)
    .bind(&e.evidence)
    .bind(e.entered_by)
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes a value entered for a plan's target and year; whether there was one.
pub async fn clear_indicator_value(
    pool: &Pool<DB>,
    plan: i64,
    target: &str,
    year: i32,
) -> Result<bool, StoreError> {
    let done = sqlx::query("delete from indicator_entries where plan_id = $1 and target = $2 and year = $3")
        .bind(plan)
        .bind(target)
        .bind(year)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A date column's day as `YYYY-MM-DD`.
fn date_day(column: &str) -> String {
    match DIALECT {
        Dialect::Sqlite => column.to_string(),
        Dialect::Postgres => format!("to_char({column}, 'YYYY-MM-DD')"),
    }
}

/// A time column's day in Vietnam as `YYYY-MM-DD`.
fn time_day(column: &str) -> String {
    match DIALECT {
        Dialect::Sqlite => format!("date({column}, '+7 hours')"),
        Dialect::Postgres => {
            format!("to_char({column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')")
        }
    }
}

/// The instant a day starts in Vietnam.
fn vietnam_midnight(day: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
    let vn = model::vietnam_offset();
    chrono::TimeZone::from_local_datetime(&vn, &day.and_hms_opt(0, 0, 0).expect("BUG: midnight"))
        .single()
        .expect("BUG: a fixed offset has one midnight")
        .with_timezone(&chrono::Utc)
}

/// The records an indicator counts among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facts {
    /// Support records: by recipient, or each record (for sums); only the
    /// startups that raised capital after their first support.
    Support { per_record: bool, raised: bool },
    /// Startups accepted into calls of programmes of these kinds (none: any).
    Cohort(&'static [&'static str]),
    /// Applications submitted.
    Submitted,
    /// Applications accepted, or decided either way.
    Decided { accepted_only: bool },
    /// Startups with an investment.
    Funded,
    /// Startups tagged ST_ENTERPRISE: founded by the end, or in the period.
    StEnterprises { new: bool },
    Mentors,
    Investors,
    /// Support organisations: founded by the end, or in the period.
    Organizations { new: bool },
    Events,
    Classes,
    /// Attendance lines, people, or enterprises.
    Attendance(Attending),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attending {
    Lines,
    People,
    Enterprises,
}

impl Facts {
    /// Whether the facts are a level at the period's end (counted from
    /// before the period), not a flow within it.
    fn is_stock(self) -> bool {
        matches!(
            self,
            Facts::StEnterprises { new: false } | Facts::Organizations { new: false }
        )
    }
}

/// The facts of an indicator: its own, or a ratio's numerator and
/// denominator, or (for `MENTORS_AND_INVESTORS`) both sides' together.
fn facts_of(indicator: model::Indicator) -> (Vec<Facts>, Option<Facts>) {
    use model::Indicator as I;
    const INCUBATION: &[&str] = &["IDEA_INCUBATION", "BUSINESS_INCUBATION"];
    const ACCELERATION: &[&str] = &["ACCELERATION"];
    let support = |per_record, raised| Facts::Support { per_record, raised };
    match indicator {
        I::Supported => (vec![support(false, false)], None),
        I::SupportedRaisedCapital => (vec![support(false, true)], None),
        I::SupportedRaisedCapitalShare => (vec![support(false, true)], Some(support(false, false))),
        I::SupportVnd => (vec![support(true, false)], None),
        I::Incubated => (vec![Facts::Cohort(INCUBATION)], None),
        I::Accelerated => (vec![Facts::Cohort(ACCELERATION)], None),
        I::Funded => (vec![Facts::Funded], None),
        I::StEnterprises => (vec![Facts::StEnterprises { new: false }], None),
        I::NewStEnterprises => (vec![Facts::StEnterprises { new: true }], None),
        I::Mentors => (vec![Facts::Mentors], None),
        I::Investors => (vec![Facts::Investors], None),
        I::MentorsAndInvestors => (vec![Facts::Mentors, Facts::Investors], None),
        I::Organizations => (vec![Facts::Organizations { new: false }], None),
        I::NewOrganizations => (vec![Facts::Organizations { new: true }], None),
        I::Events => (vec![Facts::Events], None),
        I::Trainings => (vec![Facts::Classes], None),
        I::TraineeTimes => (vec![Facts::Attendance(Attending::Lines)], None),
        I::Trainees => (vec![Facts::Attendance(Attending::People)], None),
        I::TrainedEnterprises => (vec![Facts::Attendance(Attending::Enterprises)], None),
        I::Applications => (vec![Facts::Submitted], None),
        I::Accepted => (vec![Facts::Decided { accepted_only: true }], None),
        I::AcceptanceRate => (
            vec![Facts::Decided { accepted_only: true }],
            Some(Facts::Decided { accepted_only: false }),
        ),
        // Entered values are not computed.
        I::Entered => (vec![], None),
    }
}

/// How a kind of record reaches its sectors: the link table, its owner
/// column, and the owner's expression in the facts.
type SectorLink = (&'static str, &'static str, &'static str);

/// Pushes `select subj, kind, sid, name, day, prov, val, sec from ...`
/// for one kind of facts.
fn push_facts(b: &mut Builder<'_>, facts: Facts, q: &IndicatorQuery, by_sector: bool) {
    let from = q.period.from;
    let to = q.period.to;
    let start = vietnam_midnight(from);
    let end = vietnam_midnight(to + chrono::Days::new(1));
    let f = &q.filter;
    // (select list, from clause, province expression, sector link,
    // startup alias)
    let (select, tables, prov, link, startup): (String, &str, &str, Option<SectorLink>, Option<&str>) =
        match facts {
            Facts::Support { per_record, raised: _ } => {
                let subj = if per_record {
                    "'x' || cast(r.id as text)".to_string()
                } else {
                    "case when r.startup_id is not null then 's' || cast(r.startup_id as text) \
                     else 'r' || lower(trim(r.recipient)) end"
                        .to_string()
                };
                let (kind, sid, name) = if per_record {
                    (
                        "'SUPPORT_RECORD'",
                        "r.id",
                        "coalesce(s.name, r.recipient) || ' (' || r.kind || ')'",
                    )
                } else {
                    (
                        "case when r.startup_id is not null then 'STARTUP' else 'RECIPIENT' end",
                        "r.startup_id",
                        "coalesce(s.name, r.recipient)",
                    )
                };
                (
                    format!(
                        "{subj} as subj, {kind} as kind, {sid} as sid, {name} as name, {} as day, \
                         coalesce(s.province_id, g.province_id, o.province_id) as prov, r.value_vnd as val",
                        date_day("r.given_on")
                    ),
                    "support_records r left join startups s on s.id = r.startup_id \
                     left join programmes g on g.id = r.programme_id \
                     left join organizations o on o.id = r.organization_id",
                    "coalesce(s.province_id, g.province_id, o.province_id)",
                    Some(("startup_sectors", "startup_id", "r.startup_id")),
                    Some("s"),
                )
            }
            Facts::Cohort(_) | Facts::Decided { .. } | Facts::Submitted => {
                let (subj, kind, sid, day) = match facts {
                    Facts::Cohort(_) => (
                        "'s' || cast(a.startup_id as text)",
                        "'STARTUP'",
                        "a.startup_id",
                        time_day("a.decided_at"),
                    ),
                    Facts::Submitted => (
                        "'a' || cast(a.id as text)",
                        "'APPLICATION'",
                        "a.id",
                        time_day("a.submitted_at"),
                    ),
                    _ => (
                        "'a' || cast(a.id as text)",
                        "'APPLICATION'",
                        "a.id",
                        time_day("a.decided_at"),
                    ),
                };
                (
                    format!(
                        "{subj} as subj, {kind} as kind, {sid} as sid, s.name || ' — ' || c.title as name, \
                         {day} as day, coalesce(g.province_id, s.province_id) as prov, cast(null as bigint) as val"
                    ),
                    "applications a join calls c on c.id = a.call_id \
                     join programmes g on g.id = c.programme_id join startups s on s.id = a.startup_id",
                    "coalesce(g.province_id, s.province_id)",
                    Some(("startup_sectors", "startup_id", "a.startup_id")),
                    Some("s"),
                )
            }
            Facts::Funded => (
                format!(
                    "'s' || cast(i.startup_id as text) as subj, 'STARTUP' as kind, i.startup_id as sid, \
                     s.name as name, {} as day, s.province_id as prov, \
                     case when i.currency = 'VND' then i.amount end as val",
                    date_day("i.invested_on")
                ),
                "investments i join startups s on s.id = i.startup_id join investors v on v.id = i.investor_id",
                "s.province_id",
                Some(("startup_sectors", "startup_id", "i.startup_id")),
                Some("s"),
            ),
            Facts::StEnterprises { .. } => (
                format!(
                    "'s' || cast(s.id as text) as subj, 'STARTUP' as kind, s.id as sid, s.name as name, \
                     {} as day, s.province_id as prov, cast(null as bigint) as val",
                    date_day("s.founded_on")
                ),
                "startups s",
                "s.province_id",
                Some(("startup_sectors", "startup_id", "s.id")),
                Some("s"),
            ),
            Facts::Mentors => (
                "'m' || cast(m.id as text) as subj, 'MENTOR' as kind, m.id as sid, m.name as name, \
                 cast(null as text) as day, m.province_id as prov, cast(null as bigint) as val"
                    .to_string(),
                "mentors m",
                "m.province_id",
                Some(("mentor_sectors", "mentor_id", "m.id")),
                None,
            ),
            Facts::Investors => (
                "'v' || cast(v.id as text) as subj, 'INVESTOR' as kind, v.id as sid, v.name as name, \
                 cast(null as text) as day, w.province_id as prov, cast(null as bigint) as val"
                    .to_string(),
                // Each investor in the provinces it lists and those of the
                // startups it backed, and once with none (so that "all
                // provinces" counts it).
                "investors v join (select investor_id, province_id from investor_provinces \
                 union select i.investor_id, s.province_id from investments i \
                 join startups s on s.id = i.startup_id \
                 union select id, null from investors) w on w.investor_id = v.id",
                "w.province_id",
                Some(("investor_sectors", "investor_id", "v.id")),
                None,
            ),
            Facts::Organizations { .. } => (
                format!(
                    "'o' || cast(o.id as text) as subj, 'ORGANIZATION' as kind, o.id as sid, o.name as name, \
                     {} as day, o.province_id as prov, cast(null as bigint) as val",
                    date_day("o.established_on")
                ),
                "organizations o",
                "o.province_id",
                None,
                None,
            ),
            Facts::Events => (
                format!(
                    "'e' || cast(e.id as text) as subj, 'EVENT' as kind, e.id as sid, e.title as name, \
                     {} as day, e.province_id as prov, cast(null as bigint) as val",
                    time_day("e.starts_at")
                ),
                "events e",
                "e.province_id",
                Some(("event_sectors", "event_id", "e.id")),
                None,
            ),
            Facts::Classes => (
                format!(
                    "'c' || cast(c.id as text) as subj, 'CLASS' as kind, c.id as sid, c.title as name, \
                     {} as day, coalesce(c.province_id, g.province_id) as prov, cast(null as bigint) as val",
                    date_day("c.held_on")
                ),
                "training_classes c join programmes g on g.id = c.programme_id",
                "coalesce(c.province_id, g.province_id)",
                Some(("programme_sectors", "programme_id", "c.programme_id")),
                None,
            ),
            Facts::Attendance(mode) => {
                let (subj, kind, sid, name) = match mode {
                    Attending::Lines => (
                        "'t' || cast(t.id as text)",
                        "'ATTENDANCE'",
                        "t.id",
                        "t.person || ' — ' || c.title",
                    ),
                    Attending::People => (
                        "'p' || t.person_key || '|' || t.organization_key",
                        "'PERSON'",
                        "cast(null as bigint)",
                        "t.person || coalesce(' (' || t.organization || ')', '')",
                    ),
                    Attending::Enterprises => (
                        "'n' || t.organization_key",
                        "'ENTERPRISE'",
                        "cast(null as bigint)",
                        "t.organization",
                    ),
                };
                (
                    format!(
                        "{subj} as subj, {kind} as kind, {sid} as sid, {name} as name, {} as day, \
                         coalesce(c.province_id, g.province_id) as prov, cast(null as bigint) as val",
                        date_day("c.held_on")
                    ),
                    "attendance t join training_classes c on c.id = t.class_id \
                     join programmes g on g.id = c.programme_id",
                    "coalesce(c.province_id, g.province_id)",
                    Some(("programme_sectors", "programme_id", "c.programme_id")),
                    None,
                )
            }
        };
    b.push("select ");
    b.push(select);
    match (by_sector, link) {
        (true, Some((table, owner, expr))) => {
            b.push(format!(
                ", ls.sector_id as sec from {tables} join {table} ls on ls.{owner} = {expr}"
            ));
        }
        _ => {
            b.push(format!(", cast(null as bigint) as sec from {tables}"));
        }
    }
    b.push(" where 1 = 1");

    // The period.
    let date_between = |b: &mut Builder<'_>, column: &str| {
        b.push(format!(" and {column} >= "));
        b.push_bind(from);
        b.push(format!(" and {column} <= "));
        b.push_bind(to);
    };
    let time_between = |b: &mut Builder<'_>, column: &str| {
        b.push(format!(" and {column} >= "));
        b.push_bind(start);
        b.push(format!(" and {column} < "));
        b.push_bind(end);
    };
    match facts {
        Facts::Support { raised, .. } => {
            date_between(b, "r.given_on");
            if raised {
                // Capital raised after the startup's first support ever,
                // by the period's end: the startups that did, found once
                // (each investment against its startup's first support, by
                // index).
                b.push(
                    " and r.startup_id in (select i.startup_id from investments i \
                     where i.invested_on <= ",
                );
                b.push_bind(to);
                b.push(
                    " and i.invested_on > (select min(r1.given_on) from support_records r1 \
                     where r1.startup_id = i.startup_id))",
                );
            }
            if let Some(p) = q.province {
                // A support record counts for one of its startup's,
                // programme's and giver's provinces: the planner may read
                // only those records (by index) before the exact rule below.
                b.push(" and (r.startup_id in (select id from startups where province_id = ");
                b.push_bind(p);
                b.push(") or r.programme_id in (select id from programmes where province_id = ");
                b.push_bind(p);
                b.push(") or r.organization_id in (select id from organizations where province_id = ");
                b.push_bind(p);
                b.push("))");
            }
            push_in(b, "r.kind", &f.support_kinds);
            push_in(b, "r.budget_source", &f.budget_sources);
            push_in(b, "g.kind", &f.programme_kinds);
        }
        Facts::Cohort(kinds) => {
            b.push(" and a.status = 'ACCEPTED'");
            time_between(b, "a.decided_at");
            b.push(" and g.kind in ");
            push_text_list(b, kinds.iter());
            push_in(b, "g.kind", &f.programme_kinds);
        }
        Facts::Submitted => {
            b.push(" and a.status <> 'DRAFT'");
            time_between(b, "a.submitted_at");
            push_in(b, "g.kind", &f.programme_kinds);
        }
        Facts::Decided { accepted_only } => {
            b.push(if accepted_only {
                " and a.status = 'ACCEPTED'"
            } else {
                " and a.status in ('ACCEPTED', 'REJECTED')"
            });
            time_between(b, "a.decided_at");
            push_in(b, "g.kind", &f.programme_kinds);
        }
        Facts::Funded => {
            date_between(b, "i.invested_on");
            push_in(b, "v.kind", &f.investor_kinds);
        }
        Facts::StEnterprises { new } => {
            b.push(" and (s.tags & ");
            b.push_bind(model::mask_of(&[model::StartupTag::StEnterprise]));
            b.push(") <> 0");
            if new {
                date_between(b, "s.founded_on");
            } else {
                b.push(" and (s.founded_on is null or s.founded_on <= ");
                b.push_bind(to);
                b.push(")");
            }
        }
        Facts::Mentors => {}
        Facts::Investors => {
            b.push(" and v.active");
            push_in(b, "v.kind", &f.investor_kinds);
        }
        Facts::Organizations { new } => {
            if f.organization_kinds.is_empty() {
                b.push(" and o.kind <> 'GOVERNMENT_AGENCY'");
            }
            push_in(b, "o.kind", &f.organization_kinds);
            if new {
                date_between(b, "o.established_on");
            } else {
                b.push(" and (o.established_on is null or o.established_on <= ");
                b.push_bind(to);
                b.push(")");
            }
        }
        Facts::Events => {
            time_between(b, "e.starts_at");
            push_in(b, "e.kind", &f.event_kinds);
            push_in(b, "e.scope", &f.event_scopes);
        }
        Facts::Classes => {
            date_between(b, "c.held_on");
            push_in(b, "g.kind", &f.programme_kinds);
        }
        Facts::Attendance(mode) => {
            date_between(b, "c.held_on");
            push_in(b, "g.kind", &f.programme_kinds);
            push_in(b, "t.audience", &f.audiences);
            if mode == Attending::Enterprises {
                b.push(" and t.organization_key <> ''");
            }
        }
    }

    // The place, the sectors and the groups.
    if let Some(p) = q.province {
        b.push(format!(" and {prov} = "));
        b.push_bind(p);
    }
    if let (false, Some((table, owner, expr))) = (f.sectors.is_empty(), link) {
        b.push(format!(
            " and exists (select 1 from {table} lf where lf.{owner} = {expr} and lf.sector_id in "
        ));
        push_id_list(b, &f.sectors);
        b.push(")");
    }
    if let (false, Some(s)) = (f.groups.is_empty(), startup) {
        b.push(format!(" and ({s}.tags & "));
        b.push_bind(model::mask_of(&f.groups));
        b.push(") <> 0");
    }
}

/// ` and column in (...)` for a list of vocabulary values; nothing when
/// the list is empty.
fn push_in<T: Vocabulary>(b: &mut Builder<'_>, column: &str, values: &[T]) {
    if !values.is_empty() {
        b.push(format!(" and {column} in "));
        push_text_list(b, values.iter().map(|v| v.as_str()));
    }
}

/// The SQL of a dimension's key over the facts' columns. A year is
/// `2025`, a quarter `20253`; a day before any (a stock's undated
/// records) is year 0.
fn dimension_key(dimension: model::ReportDimension) -> &'static str {
    match dimension {
        model::ReportDimension::Year => "cast(substr(coalesce(day, '0000-01-01'), 1, 4) as integer)",
        model::ReportDimension::Quarter => {
            "cast(substr(coalesce(day, '0000-01-01'), 1, 4) as integer) * 10 \
             + (cast(substr(coalesce(day, '0000-01-01'), 6, 2) as integer) + 2) / 3"
        }
        model::ReportDimension::Province => "prov",
        model::ReportDimension::Sector => "sec",
    }
}

/// The facts of one side of an indicator, as a derived table.
fn push_fact_union(b: &mut Builder<'_>, sides: &[Facts], q: &IndicatorQuery, by_sector: bool) {
    b.push("(");
    for (i, facts) in sides.iter().enumerate() {
        if i > 0 {
            b.push(" union all ");
        }
        push_facts(b, *facts, q, by_sector);
    }
    b.push(") f");
}

type FigureRow = (Option<i64>, Option<i64>, Option<i64>, i64, f64);

/// The figures of one side, by the query's dimensions: distinct subjects,
/// or (`sum`) the money.
async fn side_figures(
    pool: &Pool<DB>,
    sides: &[Facts],
    q: &IndicatorQuery,
    sum: bool,
) -> Result<Vec<Figure>, StoreError> {
    let by_sector = q.by.contains(&model::ReportDimension::Sector);
    let mut b = Builder::new("select ");
    for i in 0..3 {
        match q.by.get(i) {
            Some(d) => b.push(format!("cast({} as bigint) as k{i}, ", dimension_key(*d))),
            None => b.push(format!("cast(null as bigint) as k{i}, ")),
        };
    }
    b.push("count(distinct subj) as n, cast(coalesce(sum(val), 0) as double precision) as v from ");
    push_fact_union(&mut b, sides, q, by_sector);
    if !q.by.is_empty() {
        let keys: Vec<String> = (0..q.by.len()).map(|i| format!("k{i}")).collect();
        b.push(format!(" group by {}", keys.join(", ")));
    }
    let rows: Vec<FigureRow> = b.build_query_as().fetch_all(pool).await?;
    let mut figures: Vec<Figure> = rows
        .into_iter()
        .map(|(k0, k1, k2, n, v)| Figure {
            key: [k0, k1, k2].into_iter().take(q.by.len()).collect(),
            value: if sum { v } else { n as f64 },
        })
        .collect();
    if sides.iter().all(|s| s.is_stock()) {
        figures = accumulate(figures, q);
    }
    Ok(figures)
}

/// A stock's figures by time bucket: each bucket holds what was there at
/// its end (the facts dated up to it, and the undated ones), for the
/// buckets of the period.
fn accumulate(flows: Vec<Figure>, q: &IndicatorQuery) -> Vec<Figure> {
    let Some(t) = q.by.iter().position(|d| {
        matches!(
            d,
            model::ReportDimension::Year | model::ReportDimension::Quarter
        )
    }) else {
        return flows;
    };
    let buckets = time_buckets(q.by[t], q.period);
    let mut others: Vec<FigureKey> = Vec::new();
    for f in &flows {
        let mut rest = f.key.clone();
        rest.remove(t);
        if !others.contains(&rest) {
            others.push(rest);
        }
    }
    let mut out = Vec::new();
    for rest in others {
        for &bucket in &buckets {
            let value = (flows.iter())
                .filter(|f| {
                    let mut r = f.key.clone();
                    let at = r.remove(t);
                    r == rest && at.unwrap_or(0) <= bucket
                })
                .map(|f| f.value)
                .sum();
            let mut key = rest.clone();
            key.insert(t, Some(bucket));
            out.push(Figure { key, value });
        }
    }
    out
}

/// The keys of the years or quarters a period touches.
fn time_buckets(dimension: model::ReportDimension, period: Period) -> Vec<i64> {
    use chrono::Datelike;
    let quarter = |d: chrono::NaiveDate| i64::from(d.year()) * 10 + i64::from(d.month0() / 3 + 1);
    match dimension {
        model::ReportDimension::Year => (period.from.year()..=period.to.year())
            .map(i64::from)
            .collect(),
        _ => {
            let (first, last) = (quarter(period.from), quarter(period.to));
            let mut out = Vec::new();
            let mut k = first;
            while k <= last {
                out.push(k);
                k = if k % 10 == 4 { (k / 10 + 1) * 10 + 1 } else { k + 1 };
            }
            out
        }
    }
}

/// An indicator's figures by the query's dimensions (one figure with an
/// empty key when it asks none). Time buckets of the period with nothing
/// in them are figures of 0.
pub async fn indicator_figures(
    pool: &Pool<DB>,
    q: &IndicatorQuery,
) -> Result<Vec<Figure>, StoreError> {
    let (sides, denominator) = facts_of(q.indicator);
    if sides.is_empty() {
        return Ok(vec![]);
    }
    let sum = q.indicator.measure() == model::Measure::Vnd;
    let mut figures = side_figures(pool, &sides, q, sum).await?;
    if let Some(den) = denominator {
        let whole = side_figures(pool, &[den], q, false).await?;
        figures = whole
            .into_iter()
            .map(|d| {
                let part = (figures.iter())
                    .find(|f| f.key == d.key)
                    .map_or(0.0, |f| f.value);
                Figure {
                    key: d.key,
                    value: if d.value > 0.0 {
                        100.0 * part / d.value
                    } else {
                        0.0
                    },
                }
            })
            .collect();
    }
    Ok(fill_time_buckets(figures, q))
}

/// Adds a 0 for each time bucket of the period missing from a series
/// split by time alone.
fn fill_time_buckets(mut figures: Vec<Figure>, q: &IndicatorQuery) -> Vec<Figure> {
    if let [d @ (model::ReportDimension::Year | model::ReportDimension::Quarter)] = q.by[..] {
        for bucket in time_buckets(d, q.period) {
            if !figures.iter().any(|f| f.key == [Some(bucket)]) {
                figures.push(Figure {
                    key: vec![Some(bucket)],
                    value: 0.0,
                });
            }
        }
    }
    figures.sort_by(|a, b| a.key.cmp(&b.key));
    figures
}

type ContributorRow = (String, Option<i64>, Option<String>, Option<String>, Option<f64>, i64);

/// The subjects behind an indicator's figure (its numerator's, for a
/// ratio), by their first day in the period, then name; and how many in
/// all.
pub async fn indicator_contributors(
    pool: &Pool<DB>,
    q: &IndicatorQuery,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Contributor>, i64), StoreError> {
    let (sides, _) = facts_of(q.indicator);
    if sides.is_empty() {
        return Ok((vec![], 0));
    }
    let mut b = Builder::new(
        "select min(kind), min(sid), min(name), min(day), \
         cast(sum(val) as double precision), count(*) from ",
    );
    push_fact_union(&mut b, &sides, q, false);
    b.push(" group by subj order by min(day), min(name), subj limit ");
    b.push_bind(limit);
    b.push(" offset ");
    b.push_bind(offset);
    let rows: Vec<ContributorRow> = b.build_query_as().fetch_all(pool).await?;
    let mut b = Builder::new("select count(distinct subj) from ");
    push_fact_union(&mut b, &sides, q, false);
    let total: i64 = b.build_query_scalar().fetch_one(pool).await?;
    let list = rows
        .into_iter()
        .map(|(kind, id, name, day, vnd, lines)| {
            Ok(Contributor {
                kind: ContributorKind::from_tag(&kind)
                    .ok_or_else(|| corrupt("contributor kind", &kind))?,
                id,
                name: name.unwrap_or_default(),
                day: day.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                vnd,
                lines,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((list, total))
}
