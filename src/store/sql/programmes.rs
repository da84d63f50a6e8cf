// Applications to calls: drafts, moves through the workflow, the trail.
// (Part of the store's SQL: see `../sql.rs`.)

const APPLICATION_COLUMNS: &str =
    "id, call_id, startup_id, status, answers, created_at, updated_at, submitted_at, decided_at";

async fn application_in(
    tx: &mut Transaction<'static, DB>,
    id: i64,
) -> Result<Option<model::Application>, StoreError> {
    let sql = format!("select {APPLICATION_COLUMNS} from applications where id = $1");
    let row: Option<ApplicationRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.map(ApplicationRow::into_model).transpose()
}

async fn log_move(
    tx: &mut Transaction<'static, DB>,
    id: i64,
    from: Option<model::ApplicationStatus>,
    to: model::ApplicationStatus,
    actor: Option<i64>,
    reason: Option<&str>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into application_log (application_id, from_status, to_status, actor_id, reason, at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(from.map(|s| s.as_str()))
    .bind(to.as_str())
    .bind(actor)
    .bind(reason)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Starts a startup's application to a call as a draft, unless the startup
/// has one to that call already.
pub async fn create_application(
    pool: &Pool<DB>,
    call: i64,
    startup: i64,
    answers: &[String],
    actor: Option<i64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<model::Application, super::ApplicationRefusal>, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let mut tx = pool.begin().await?;
    let existing: Option<String> =
        sqlx::query_scalar("select status from applications where call_id = $1 and startup_id = $2")
            .bind(call)
            .bind(startup)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(status) = existing {
        let status = vocab("applications.status", &status)?;
        return Ok(Err(super::ApplicationRefusal::AlreadyApplied(status)));
    }
    let answers = serde_json::to_string(answers).expect("BUG: strings serialize");
    let id: i64 = sqlx::query_scalar(
        "insert into applications (call_id, startup_id, status, answers, created_at, updated_at) \
         values ($1, $2, 'DRAFT', $3, $4, $4) returning id",
    )
    .bind(call)
    .bind(startup)
    .bind(answers)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    log_move(&mut tx, id, None, model::ApplicationStatus::Draft, actor, None, now).await?;
    let application = application_in(&mut tx, id).await?.ok_or(StoreError::NotFound)?;
    tx.commit().await?;
    Ok(Ok(application))
}

/// Replaces a draft's answers; refused once the application has left
/// DRAFT.
pub async fn set_application_answers(
    pool: &Pool<DB>,
    id: i64,
    answers: &[String],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<model::Application, super::ApplicationRefusal>, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let mut tx = pool.begin().await?;
    let answers = serde_json::to_string(answers).expect("BUG: strings serialize");
    let changed = sqlx::query(
        "update applications set answers = $2, updated_at = $3 where id = $1 and status = 'DRAFT'",
    )
    .bind(id)
    .bind(answers)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let Some(application) = application_in(&mut tx, id).await? else {
        return Ok(Err(super::ApplicationRefusal::NotFound));
    };
    if changed == 0 {
        return Ok(Err(super::ApplicationRefusal::Stale(application.status)));
    }
    tx.commit().await?;
    Ok(Ok(application))
}

/// Moves an application from `m.from` to `m.to`, only if it still stands
/// at `m.from` (else [`ApplicationRefusal::Stale`] with where it stands):
/// of two concurrent moves from one status, one wins. Accepting into a
/// call with places counts the accepted with the call locked (PostgreSQL
/// takes a row lock; SQLite's single writer serialises every write), so
/// two acceptances for the last place cannot both succeed.
pub async fn move_application(
    pool: &Pool<DB>,
    m: &super::ApplicationMove<'_>,
) -> Result<Result<model::Application, super::ApplicationRefusal>, StoreError> {
    use super::ApplicationRefusal as Refusal;
    let now = chrono::SubsecRound::trunc_subsecs(m.now, 6);
    let mut tx = pool.begin().await?;
    if m.to == model::ApplicationStatus::Accepted {
        let sql = format!("select places from calls where id = $1{}", for_update());
        let places: Option<Option<i32>> = sqlx::query_scalar(&sql)
            .bind(m.call_id)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(Some(places)) = places {
            let accepted: i64 = sqlx::query_scalar(
                "select count(*) from applications where call_id = $1 and status = 'ACCEPTED'",
            )
            .bind(m.call_id)
            .fetch_one(&mut *tx)
            .await?;
            if accepted >= i64::from(places) {
                return Ok(Err(Refusal::Full(places)));
            }
        }
    }
    let submitted = m.to == model::ApplicationStatus::Submitted;
    let decided = matches!(
        m.to,
        model::ApplicationStatus::Accepted | model::ApplicationStatus::Rejected
    );
    let changed = sqlx::query(
        "update applications set status = $3, updated_at = $4, \
         submitted_at = case when $5 then $4 else submitted_at end, \
         decided_at = case when $6 then $4 else decided_at end \
         where id = $1 and status = $2",
    )
    .bind(m.id)
    .bind(m.from.as_str())
    .bind(m.to.as_str())
    .bind(now)
    .bind(submitted)
    .bind(decided)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let Some(application) = application_in(&mut tx, m.id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if changed == 0 {
        return Ok(Err(Refusal::Stale(application.status)));
    }
    log_move(&mut tx, m.id, Some(m.from), m.to, m.actor, m.reason, now).await?;
    if m.to == model::ApplicationStatus::Accepted {
        record_cohort_support(&mut tx, &application, now).await?;
    }
    tx.commit().await?;
    Ok(Ok(application))
}

/// A call's programme, as support records name it: `(programme, its
/// kind, its organisation, the call's title)`.
async fn call_programme(
    tx: &mut Transaction<'static, DB>,
    call: i64,
) -> Result<(i64, model::ProgrammeKind, Option<i64>, String), StoreError> {
    let (programme, kind, organization, title): (i64, String, Option<i64>, String) = sqlx::query_as(
        "select p.id, p.kind, p.organization_id, c.title from calls c \
         join programmes p on p.id = c.programme_id where c.id = $1",
    )
    .bind(call)
    .fetch_one(&mut **tx)
    .await?;
    Ok((programme, vocab("programmes.kind", &kind)?, organization, title))
}

/// The day a moment falls on in Vietnam.
fn vietnam_day(t: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    t.with_timezone(&model::vietnam_offset()).date_naive()
}

/// Writes a support record that a programme's step means, given on
/// `given_on` and recorded at `now`, unless its key is taken.
#[allow(clippy::too_many_arguments)]
async fn programme_support(
    tx: &mut Transaction<'static, DB>,
    slug: String,
    startup: i64,
    call: i64,
    kind: Option<model::SupportKind>,
    origin: model::SupportOrigin,
    given_on: chrono::NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let (programme, programme_kind, organization, title) = call_programme(tx, call).await?;
    let kind = kind.unwrap_or(programme_kind.support());
    sqlx::query(
        "insert into support_records (slug, startup_id, programme_id, organization_id, kind, given_on, \
         note, origin, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
         on conflict (slug) do nothing",
    )
    .bind(slug)
    .bind(startup)
    .bind(programme)
    .bind(organization)
    .bind(kind.as_str())
    .bind(given_on)
    .bind(title)
    .bind(origin.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A place in a cohort is support given: one record per accepted
/// application (its key `cohort-<application id>`), of the kind the
/// programme gives, dated the day of acceptance in Vietnam.
async fn record_cohort_support(
    tx: &mut Transaction<'static, DB>,
    application: &model::Application,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let slug = format!("cohort-{}", application.id);
    let origin = model::SupportOrigin::Acceptance;
    let (startup, call) = (application.startup_id, application.call_id);
    programme_support(tx, slug, startup, call, None, origin, vietnam_day(now), now)
        .await
}

/// Confirms mentors for a call's cohort: each pair becomes an accepted
/// introduction of the call (a pending one between them is accepted; an
/// accepted one stays), logged with the confirming user, with a MENTORING
/// support record. Every startup must be in the cohort, and each mentor's
/// accepted introductions may not pass their capacity. The mentors are
/// locked (in id order) before their introductions are read, so
/// concurrent confirmations can neither overfill one nor confirm a pair
/// twice. All or nothing.
pub async fn confirm_mentorships(
    pool: &Pool<DB>,
    call: i64,
    pairs: &[(i64, i64)],
    actor: Option<i64>,
    message: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<usize, super::MentorshipRefusal>, StoreError> {
    use super::MentorshipRefusal as Refusal;
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let mut tx = pool.begin().await?;
    for (startup, _) in pairs {
        let accepted: Option<i64> = sqlx::query_scalar(
            "select id from applications where call_id = $1 and startup_id = $2 and status = 'ACCEPTED'",
        )
        .bind(call)
        .bind(*startup)
        .fetch_optional(&mut *tx)
        .await?;
        if accepted.is_none() {
            return Ok(Err(Refusal::NotInCohort(*startup)));
        }
    }
    // The mentors first, locked in id order: what follows reads their
    // introductions as no concurrent confirmation can change them.
    let mut mentors: Vec<i64> = pairs.iter().map(|(_, m)| *m).collect();
    mentors.sort_unstable();
    mentors.dedup();
    let mut capacities = HashMap::new();
    for mentor in &mentors {
        let sql = format!("select capacity from mentors where id = $1{}", for_update());
        let capacity: Option<i32> = sqlx::query_scalar(&sql)
            .bind(*mentor)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(capacity) = capacity else {
            return Ok(Err(Refusal::UnknownMentor(*mentor)));
        };
        capacities.insert(*mentor, capacity);
    }
    // The latest introduction of each pair, if any.
    let mut last: HashMap<(i64, i64), (i64, String)> = HashMap::new();
    for (startup, mentor) in pairs {
        let found: Option<(i64, String)> = sqlx::query_as(
            "select id, status from introductions where startup_id = $1 and mentor_id = $2 \
             order by id desc limit 1",
        )
        .bind(*startup)
        .bind(*mentor)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(found) = found {
            last.insert((*startup, *mentor), found);
        }
    }
    let is_new = |pair: &(i64, i64)| last.get(pair).is_none_or(|(_, s)| s != "ACCEPTED");
    for mentor in &mentors {
        let capacity = capacities[mentor];
        let taken: i64 = sqlx::query_scalar(
            "select count(*) from introductions where mentor_id = $1 and status = 'ACCEPTED'",
        )
        .bind(*mentor)
        .fetch_one(&mut *tx)
        .await?;
        let adding = pairs.iter().filter(|p| p.1 == *mentor && is_new(p)).count() as i64;
        if taken + adding > i64::from(capacity) {
            return Ok(Err(Refusal::Full {
                mentor: *mentor,
                capacity,
            }));
        }
    }
    let mut confirmed = 0;
    for pair in pairs {
        let (startup, mentor) = *pair;
        if !is_new(pair) {
            continue;
        }
        let id: i64 = match last.get(pair) {
            Some((id, status)) if status == "PENDING" => {
                sqlx::query(
                    "update introductions set status = 'ACCEPTED', decided_at = $2, call_id = $3 where id = $1",
                )
                .bind(*id)
                .bind(now)
                .bind(call)
                .execute(&mut *tx)
                .await?;
                *id
            }
            _ => {
                sqlx::query_scalar(
                    "insert into introductions (startup_id, mentor_id, message, status, created_at, decided_at, call_id) \
                     values ($1, $2, $3, 'ACCEPTED', $4, $4, $5) returning id",
                )
                .bind(startup)
                .bind(mentor)
                .bind(message)
                .bind(now)
                .bind(call)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        let intro = introduction_in(&mut tx, id, false)
            .await?
            .ok_or(StoreError::NotFound)?;
        log_step(&mut tx, &intro, actor, model::IntroductionAction::Accepted, now).await?;
        let slug = format!("mentoring-{id}");
        let (kind, origin) = (model::SupportKind::Mentoring, model::SupportOrigin::Mentorship);
        let day = vietnam_day(now);
        programme_support(&mut tx, slug, startup, call, Some(kind), origin, day, now).await?;
        confirmed += 1;
    }
    tx.commit().await?;
    Ok(Ok(confirmed))
}

/// The programme mentorships of these startups (`column` `startup_id`),
/// mentors (`mentor_id`) or calls (`call_id`): accepted introductions of a
/// call, as `(call, startup, mentor, since)`, oldest first.
pub async fn mentorships_by(
    pool: &Pool<DB>,
    column: &'static str,
    ids: &[i64],
) -> Result<Vec<(i64, i64, i64, chrono::DateTime<chrono::Utc>)>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(
        "select call_id, startup_id, mentor_id, decided_at from introductions \
         where status = 'ACCEPTED' and call_id is not null and mentor_id is not null and decided_at is not null and ",
    );
    b.push(column);
    b.push(" in ");
    push_id_list(&mut b, ids);
    b.push(" order by decided_at, id");
    Ok(b.build_query_as().fetch_all(pool).await?)
}

pub async fn applications_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::Application>, StoreError> {
    let rows: Vec<ApplicationRow> = rows_by_ids(pool, APPLICATION_COLUMNS, "applications", ids).await?;
    rows.into_iter().map(ApplicationRow::into_model).collect()
}

/// Applications of these calls (`column` `call_id`) or these startups
/// (`startup_id`), oldest first; drafts only when `drafts`.
pub async fn applications_by(
    pool: &Pool<DB>,
    column: &'static str,
    ids: &[i64],
    drafts: bool,
) -> Result<Vec<model::Application>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "select {APPLICATION_COLUMNS} from applications where {column} {}{} order by id",
        in_ids(ids.len()),
        if drafts { "" } else { " and status <> 'DRAFT'" }
    );
    let rows: Vec<ApplicationRow> = fetch_with_ids(pool, &sql, ids).await?;
    rows.into_iter().map(ApplicationRow::into_model).collect()
}

/// The trail of these applications, oldest first.
pub async fn application_log(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::ApplicationLogEntry>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "select id, application_id, from_status, to_status, actor_id, reason, at \
         from application_log where application_id {} order by id",
        in_ids(ids.len())
    );
    let rows: Vec<ApplicationLogRow> = fetch_with_ids(pool, &sql, ids).await?;
    rows.into_iter().map(ApplicationLogRow::into_model).collect()
}

pub async fn classes_by_ids(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::TrainingClass>, StoreError> {
    let rows: Vec<ClassRow> = rows_by_ids(pool, CLASS_COLUMNS, "training_classes", ids).await?;
    Ok(rows.into_iter().map(ClassRow::into_model).collect())
}

/// The classes of these programmes, by day.
pub async fn classes_of_programmes(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::TrainingClass>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "select {CLASS_COLUMNS} from training_classes where programme_id {} order by held_on, id",
        in_ids(ids.len())
    );
    let rows: Vec<ClassRow> = fetch_with_ids(pool, &sql, ids).await?;
    Ok(rows.into_iter().map(ClassRow::into_model).collect())
}

/// Who attended these classes, in the order they were recorded.
pub async fn attendance_of_classes(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<model::Attendance>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "select {ATTENDANCE_COLUMNS} from attendance where class_id {} order by id",
        in_ids(ids.len())
    );
    let rows: Vec<AttendanceRow> = fetch_with_ids(pool, &sql, ids).await?;
    rows.into_iter().map(AttendanceRow::into_model).collect()
}

/// What the classes of these programmes reached, per programme.
pub async fn training_totals(
    pool: &Pool<DB>,
    ids: &[i64],
) -> Result<Vec<(i64, model::TrainingTotals)>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(
        "select c.programme_id, count(distinct c.id), count(a.id), count(distinct a.person_key), \
         count(distinct case when a.startup_id is not null then 's' || cast(a.startup_id as text) \
              when a.organization_key <> '' then 'o' || a.organization_key end), \
         count(case when a.gender = 'FEMALE' then 1 end) \
         from training_classes c left join attendance a on a.class_id = c.id \
         where c.programme_id in ",
    );
    push_id_list(&mut b, ids);
    b.push(" group by c.programme_id");
    let rows: Vec<(i64, i64, i64, i64, i64, i64)> = b.build_query_as().fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .map(|(programme, classes, trainee_times, people, enterprises, women_times)| {
            (
                programme,
                model::TrainingTotals {
                    classes,
                    trainee_times,
                    people,
                    enterprises,
                    women_times,
                },
            )
        })
        .collect())
}

/// Writes the support that attendance and accepted applications mean and
/// that is not written yet (see [`derive_attendance_support`] and
/// [`derive_acceptance_support`]); run at the end of every import, whose
/// day is `today`.
pub async fn derive_programme_support(
    tx: &mut Transaction<'static, DB>,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Result<u64, StoreError> {
    Ok(derive_attendance_support(tx, now).await?
        + derive_acceptance_support(tx, now, today).await?)
}

/// An accepted application is support its startup received: one record
/// (its key `cohort-<application id>`) of the kind its programme gives,
/// dated the day it was accepted in Vietnam (`today` when that is not
/// recorded). Writes those missing.
pub async fn derive_acceptance_support(
    tx: &mut Transaction<'static, DB>,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Result<u64, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let missing: Vec<(i64, i64, i64, Option<chrono::DateTime<chrono::Utc>>)> = sqlx::query_as(
        "select a.id, a.startup_id, a.call_id, a.decided_at from applications a \
         where a.status = 'ACCEPTED' and not exists (select 1 from support_records r \
         where r.slug = 'cohort-' || cast(a.id as text))",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (id, startup, call, decided_at) in &missing {
        let slug = format!("cohort-{id}");
        let origin = model::SupportOrigin::Acceptance;
        let day = decided_at.map_or(today, vietnam_day);
        programme_support(tx, slug, *startup, *call, None, origin, day, now).await?;
    }
    Ok(missing.len() as u64)
}

/// Attendance by a startup's people is training support the startup
/// received: one record per startup and class (its key
/// `attendance-<class id>-<startup id>`), of the class's programme, dated
/// the class's day. Idempotent; run after every write of attendance.
pub async fn derive_attendance_support(
    tx: &mut Transaction<'static, DB>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let done = sqlx::query(
        "insert into support_records (slug, startup_id, programme_id, organization_id, kind, given_on, \
         note, origin, created_at, updated_at) \
         select distinct 'attendance-' || cast(c.id as text) || '-' || cast(a.startup_id as text), \
         a.startup_id, c.programme_id, p.organization_id, 'TRAINING', c.held_on, c.title, 'ATTENDANCE', $1, $1 \
         from attendance a join training_classes c on c.id = a.class_id \
         join programmes p on p.id = c.programme_id \
         where a.startup_id is not null and not exists (select 1 from support_records r \
         where r.slug = 'attendance-' || cast(c.id as text) || '-' || cast(a.startup_id as text))",
    )
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// Writes a batch of attendance and the support it means, in one
/// transaction.
pub async fn record_attendance(
    pool: &Pool<DB>,
    batch: &Batch,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    let mut cache = RefCache::new(today);
    write_batch(&mut tx, batch, WriteMode::Upsert, &mut cache).await?;
    derive_attendance_support(&mut tx, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives an application to reviewers (those given it already keep their
/// scores).
pub async fn assign_reviewers(
    pool: &Pool<DB>,
    application: i64,
    reviewers: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let mut tx = pool.begin().await?;
    for reviewer in reviewers {
        sqlx::query(
            "insert into application_reviewers (application_id, reviewer_id, assigned_at) \
             values ($1, $2, $3) on conflict (application_id, reviewer_id) do nothing",
        )
        .bind(application)
        .bind(*reviewer)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Records a reviewer's scores, only while the application stands in one
/// of `open` (the decision closes scoring): `Ok(false)` when the reviewer
/// was not given it or it has moved on.
pub async fn score_application(
    pool: &Pool<DB>,
    application: i64,
    reviewer: i64,
    open: &[model::ApplicationStatus],
    scores: &[i32],
    comment: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, StoreError> {
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    let mut b = Builder::new("update application_reviewers set scores = ");
    b.push_bind(serde_json::to_string(scores).expect("BUG: numbers serialize"));
    b.push(", comment = ");
    b.push_bind(comment.map(str::to_string));
    b.push(", scored_at = ");
    b.push_bind(now);
    b.push(" where application_id = ");
    b.push_bind(application);
    b.push(" and reviewer_id = ");
    b.push_bind(reviewer);
    b.push(" and exists (select 1 from applications a where a.id = application_reviewers.application_id and a.status in ");
    push_text_list(&mut b, open.iter().map(|s| s.as_str()));
    b.push(")");
    Ok(b.build().execute(pool).await?.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    application_id: i64,
    reviewer_id: i64,
    assigned_at: chrono::DateTime<chrono::Utc>,
    scores: Option<String>,
    comment: Option<String>,
    scored_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl ReviewRow {
    fn into_model(self) -> Result<model::Review, StoreError> {
        let scores = match self.scores {
            Some(s) => Some(
                serde_json::from_str(&s)
                    .map_err(|_| corrupt("application_reviewers.scores", &s))?,
            ),
            None => None,
        };
        Ok(model::Review {
            application_id: self.application_id,
            reviewer_id: self.reviewer_id,
            assigned_at: self.assigned_at,
            scores,
            comment: self.comment,
            scored_at: self.scored_at,
        })
    }
}

/// The reviews of these applications (`column` `application_id`) or by
/// these reviewers (`reviewer_id`), in the order they were given.
pub async fn reviews_by(
    pool: &Pool<DB>,
    column: &'static str,
    ids: &[i64],
) -> Result<Vec<model::Review>, StoreError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Builder::new(format!(
        "select application_id, reviewer_id, assigned_at, scores, comment, scored_at \
         from application_reviewers where {column} in "
    ));
    push_id_list(&mut b, ids);
    b.push(" order by assigned_at, application_id, reviewer_id");
    let rows: Vec<ReviewRow> = b.build_query_as().fetch_all(pool).await?;
    rows.into_iter().map(ReviewRow::into_model).collect()
}
