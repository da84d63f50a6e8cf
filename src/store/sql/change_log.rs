// The change log that the search index and the matching engine follow (migration 0004).
// (Part of the store's SQL: see `../sql.rs`.)

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
