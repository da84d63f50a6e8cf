// Event registrations.
// (Part of the store's SQL: see `../sql.rs`.)

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
