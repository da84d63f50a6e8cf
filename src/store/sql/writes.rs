// Writes.
// (Part of the store's SQL: see `../sql.rs`.)

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
/// writes the support that imported attendance and accepted applications
/// mean, then commits the import.
pub async fn finish_import(
    mut tx: Transaction<'static, DB>,
    restore: Vec<String>,
    today: chrono::NaiveDate,
) -> Result<(), StoreError> {
    for statement in restore {
        sqlx::query(&statement).execute(&mut *tx).await?;
    }
    // Recorded when imported, as `write_batch` stamps rows; dated by the
    // import's own day.
    let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
    derive_programme_support(&mut tx, now, today).await?;
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
