//! The SQL of `sql.rs`, compiled for SQLite.
#![allow(clippy::module_inception)]
type DB = sqlx::Sqlite;
const DIALECT: super::Dialect = super::Dialect::Sqlite;
include!("sql.rs");

/// A row type the hot reads return (see `sqlite_read`).
trait ReadRow: super::sqlite_read::FromColumns {}
impl<T: super::sqlite_read::FromColumns> ReadRow for T {}

/// `in ($1, $2, …)`: the test of a column against `n` ids, bound in
/// order by [`fetch_with_ids`].
fn in_ids(n: usize) -> String {
    let list: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
    format!("in ({})", list.join(", "))
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
    let sql = format!(
        "select {owner}, {value} from {table} where {owner} {ids} order by {owner}, position",
        owner = link.owner,
        value = link.value,
        table = link.table,
        ids = in_ids(owners.len()),
    );
    let rows: Vec<(i64, i64)> = fetch_with_ids(pool, &sql, owners).await?;
    for (owner, value) in rows {
        map.entry(owner).or_default().push(value);
    }
    Ok(map)
}

/// The rows of `table` with these ids, read as `columns`, each with the
/// values of its `links` (ids, in link order): a statement for the rows
/// and one per link, each cheap on the connection's own handle.
async fn rows_with_links<R: ReadRow + HasId>(
    pool: &Pool<DB>,
    columns: &str,
    table: &str,
    ids: &[i64],
    links: &[LinkTable],
) -> Result<Vec<(R, Vec<Vec<i64>>)>, StoreError> {
    let rows: Vec<R> = rows_by_ids(pool, columns, table, ids).await?;
    let mut values = Vec::with_capacity(links.len());
    for link in links {
        values.push(link_ids(pool, *link, ids).await?);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let id = row.id();
            let linked = values
                .iter_mut()
                .map(|v| v.remove(&id).unwrap_or_default())
                .collect();
            (row, linked)
        })
        .collect())
}

/// Reads the rows of `sql`, which takes no parameters (see `sqlite_read`).
async fn fetch_rows<R: ReadRow>(pool: &Pool<DB>, sql: &str) -> Result<Vec<R>, StoreError> {
    super::sqlite_read::fetch_all(pool, sql, &[]).await
}

/// Reads the rows of `sql`, whose one [`in_ids`] holds `ids`, straight
/// from a connection's handle (see `sqlite_read`).
async fn fetch_with_ids<R: ReadRow>(
    pool: &Pool<DB>,
    sql: &str,
    ids: &[i64],
) -> Result<Vec<R>, StoreError> {
    super::sqlite_read::fetch_all(pool, sql, ids).await
}

fn push_value(b: &mut sqlx::query_builder::Separated<'_, '_, DB, &'static str>, value: &Value) {
    match value.clone() {
        Value::Text(v) => b.push_bind(v),
        Value::Int(v) => b.push_bind(v),
        Value::Int32(v) => b.push_bind(v),
        Value::Bool(v) => b.push_bind(v),
        Value::Date(v) => b.push_bind(v),
        Value::Time(v) => b.push_bind(v),
    };
}

/// Pushes the rows of a multi-row insert: `values (...), (...)`.
fn push_rows(b: &mut QueryBuilder<'_, DB>, rows: Vec<Vec<Value>>) {
    b.push_values(rows, |mut sep, row| {
        for v in &row {
            push_value(&mut sep, v);
        }
    });
}

/// The single-row insert of `columns` into `table`.
fn insert_one(table: &str, columns: &[&str]) -> String {
    format!(
        "insert into {table} ({}) values ({})",
        columns.join(", "),
        vec!["?"; columns.len()].join(", ")
    )
}

/// Writes rows new to the table, one prepared insert stepped per row
/// (see `sqlite_load`).
async fn load_rows(
    tx: &mut Transaction<'static, DB>,
    spec: &WriteSpec,
    rows: &mut [RowWrite],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(String, i64)>, StoreError> {
    let (columns, stamps) = stamped_columns(spec);
    let stamp = Value::Time(Some(now));
    let mut ids = Vec::with_capacity(rows.len());
    super::sqlite_load::insert_each(
        &mut tx.lock_handle().await?,
        &insert_one(spec.table, &columns),
        rows.iter()
            .map(|row| row.values.iter().chain(std::iter::repeat_n(&stamp, stamps))),
        |id| ids.push(id),
    )?;
    Ok(rows
        .iter()
        .zip(ids)
        .map(|(row, id)| (row.slug.clone().unwrap_or_else(|| id.to_string()), id))
        .collect())
}

/// Readies an import's transaction, begun with `begin immediate` (it
/// holds the database's write lock), for a bulk load of the imported
/// tables that are empty now: their non-unique indexes and change-log
/// triggers are dropped and the statements that restore them returned,
/// to run before the commit. Building an index from sorted keys at the
/// end costs less than updating it row by row; for the change log, see
/// [`super::BulkLoad`]. DDL is transactional in SQLite: a failed import
/// leaves the schema as it was. Unique indexes stay: they keep refusing
/// duplicate keys while the rows go in.
pub async fn prepare_bulk(
    conn: &mut sqlx::SqliteConnection,
) -> Result<super::BulkLoad, super::StoreError> {
    let mut empty = Vec::new();
    let mut restore = Vec::new();
    let mut unlogged = Vec::new();
    for table in super::imported_tables() {
        let sql = format!("select not exists (select 1 from {table})");
        if !sqlx::query_scalar::<_, bool>(&sql)
            .fetch_one(&mut *conn)
            .await?
        {
            continue;
        }
        empty.push(table);
        let indexes: Vec<(String, String)> = sqlx::query_as(
            "select l.name, m.sql from pragma_index_list($1) l \
             join sqlite_master m on m.type = 'index' and m.name = l.name \
             where l.\"unique\" = 0 and l.origin = 'c'",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
        for (name, create) in indexes {
            sqlx::query(&format!("drop index \"{name}\""))
                .execute(&mut *conn)
                .await?;
            restore.push(create);
        }
        let logging: Vec<(String, String)> = sqlx::query_as(
            "select name, sql from sqlite_master \
             where type = 'trigger' and tbl_name = $1 and sql like '%search_changes%'",
        )
        .bind(table)
        .fetch_all(&mut *conn)
        .await?;
        if !logging.is_empty() {
            unlogged.push(table);
        }
        for (name, create) in logging {
            sqlx::query(&format!("drop trigger \"{name}\""))
                .execute(&mut *conn)
                .await?;
            restore.push(create);
        }
    }
    Ok(super::BulkLoad {
        tables: empty,
        restore,
        unlogged,
        // A new entry's seq (AUTOINCREMENT never reuses one) is past
        // every follower's position: the log is marked pruned through
        // it, and the entry goes.
        mark: [
            "insert into search_changes (kind, entity_id) values ('bulk load', 0)",
            "update search_meta set pruned_seq = (select max(seq) from search_changes) where id = 1",
            "delete from search_changes where seq = (select pruned_seq from search_meta where id = 1)",
        ]
        .map(String::from)
        .into(),
        wrote_unlogged: false,
    })
}

/// Inserts rows of `columns` into `table`, one prepared insert stepped
/// per row (see `sqlite_load`).
async fn load_values(
    tx: &mut Transaction<'static, DB>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), StoreError> {
    super::sqlite_load::insert_each(
        &mut tx.lock_handle().await?,
        &insert_one(table, columns),
        &rows,
        drop,
    )
}
