// Introductions.
// (Part of the store's SQL: see `../sql.rs`.)

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
    let now = chrono::SubsecRound::trunc_subsecs(request.now, 6);
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
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<model::Introduction, super::IntroductionRefusal>, StoreError> {
    use super::IntroductionRefusal as Refusal;
    use model::{IntroductionAction as Action, IntroductionStatus as Status};
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
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
    let rows: Vec<IntroductionRow> = rows_by_ids(pool, INTRODUCTION_COLUMNS, "introductions", ids).await?;
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
