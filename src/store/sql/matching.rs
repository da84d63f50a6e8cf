// Matching: what the engine reads besides the profiles.
// (Part of the store's SQL: see `../sql.rs`.)

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
    if !restrict_to(&mut b, " and mentor_id in ", ids) {
        return Ok(vec![]);
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
