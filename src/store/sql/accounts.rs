// Accounts and ownership.
// (Part of the store's SQL: see `../sql.rs`.)

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
    rows_by_ids(pool, USER_COLUMNS, "users", ids).await
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
