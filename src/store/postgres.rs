//! The SQL of `sql.rs`, compiled for PostgreSQL.
type DB = sqlx::Postgres;
const DIALECT: super::Dialect = super::Dialect::Postgres;
include!("sql.rs");

/// A row type the hot reads return.
trait ReadRow: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin {}
impl<T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin> ReadRow for T {}

/// `= any($1)`: the test of a column against a list of ids, bound as one
/// array by [`fetch_with_ids`], so that one prepared statement serves
/// every length of list.
fn in_ids(_: usize) -> String {
    "= any($1)".to_string()
}

/// The rows of `table` with these ids, read as `columns`, each with the
/// values of its `links` (ids, in link order): one statement, each link
/// an `array(...)` column of it.
async fn rows_with_links<R: ReadRow>(
    pool: &Pool<DB>,
    columns: &str,
    table: &str,
    ids: &[i64],
    links: &[LinkTable],
) -> Result<Vec<(R, Vec<Vec<i64>>)>, StoreError> {
    use sqlx::Row;
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sql = format!("select {columns}");
    for (n, link) in links.iter().enumerate() {
        sql.push_str(&format!(
            ", array(select l.{value} from {links} l where l.{owner} = t.id order by l.position) as link{n}",
            value = link.value,
            links = link.table,
            owner = link.owner,
        ));
    }
    sql.push_str(&format!(" from {table} t where t.id = any($1)"));
    let rows = sqlx::query(&sql).bind(ids).fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            let values = (0..links.len())
                .map(|n| row.try_get::<Vec<i64>, _>(n + row.len() - links.len()))
                .collect::<Result<_, _>>()?;
            Ok((R::from_row(row)?, values))
        })
        .collect()
}

/// Reads the rows of `sql`, which takes no parameters.
async fn fetch_rows<R: ReadRow>(pool: &Pool<DB>, sql: &str) -> Result<Vec<R>, StoreError> {
    Ok(sqlx::query_as(sql).fetch_all(pool).await?)
}

/// Reads the rows of `sql`, whose one [`in_ids`] holds `ids`.
async fn fetch_with_ids<R: ReadRow>(
    pool: &Pool<DB>,
    sql: &str,
    ids: &[i64],
) -> Result<Vec<R>, StoreError> {
    Ok(sqlx::query_as(sql).bind(ids).fetch_all(pool).await?)
}

/// Pushes the rows of a multi-row insert as one array per column:
/// `select * from unnest($1::text[], $2::int8[], ...)`. PostgreSQL parses
/// and plans this in constant time, where a `values` list of thousands
/// of rows costs more than the insert itself.
fn push_rows(b: &mut QueryBuilder<'_, DB>, rows: Vec<Vec<Value>>) {
    enum Column {
        Text(Vec<Option<String>>),
        Int(Vec<Option<i64>>),
        Int32(Vec<Option<i32>>),
        Bool(Vec<bool>),
        Date(Vec<Option<chrono::NaiveDate>>),
        Time(Vec<Option<chrono::DateTime<chrono::Utc>>>),
    }
    let width = rows.first().map_or(0, Vec::len);
    let mut columns: Vec<Column> = rows.first().map_or(vec![], |first| {
        first
            .iter()
            .map(|v| match v {
                Value::Text(_) => Column::Text(Vec::with_capacity(rows.len())),
                Value::Int(_) => Column::Int(Vec::with_capacity(rows.len())),
                Value::Int32(_) => Column::Int32(Vec::with_capacity(rows.len())),
                Value::Bool(_) => Column::Bool(Vec::with_capacity(rows.len())),
                Value::Date(_) => Column::Date(Vec::with_capacity(rows.len())),
                Value::Time(_) => Column::Time(Vec::with_capacity(rows.len())),
            })
            .collect()
    });
    for row in rows {
        debug_assert_eq!(row.len(), width);
        for (column, value) in columns.iter_mut().zip(row) {
            match (column, value) {
                (Column::Text(c), Value::Text(v)) => c.push(v),
                (Column::Int(c), Value::Int(v)) => c.push(v),
                (Column::Int32(c), Value::Int32(v)) => c.push(v),
                (Column::Bool(c), Value::Bool(v)) => c.push(v),
                (Column::Date(c), Value::Date(v)) => c.push(v),
                (Column::Time(c), Value::Time(v)) => c.push(v),
                _ => unreachable!("BUG: every row has the same column types"),
            }
        }
    }
    b.push("select * from unnest(");
    let mut sep = b.separated(", ");
    for column in columns {
        match column {
            Column::Text(c) => sep.push_bind(c).push_unseparated("::text[]"),
            Column::Int(c) => sep.push_bind(c).push_unseparated("::int8[]"),
            Column::Int32(c) => sep.push_bind(c).push_unseparated("::int4[]"),
            Column::Bool(c) => sep.push_bind(c).push_unseparated("::bool[]"),
            Column::Date(c) => sep.push_bind(c).push_unseparated("::date[]"),
            Column::Time(c) => sep.push_bind(c).push_unseparated("::timestamptz[]"),
        };
    }
    b.push(")");
}

/// Writes rows new to the table with `COPY ... FROM STDIN (FORMAT
/// binary)`: PostgreSQL inserts them in pages, without planning a
/// statement or unpacking arrays, in about half the time of an insert.
/// COPY returns nothing, so the ids are taken from the table's sequence
/// first. Returns `(slug, id)` of every row (of a row without a slug, the
/// id as slug). An import's bulk load goes through [`LoadPipeline`]
/// instead, which does the same in overlapping steps.
async fn load_rows(
    tx: &mut Transaction<'static, DB>,
    spec: &WriteSpec,
    rows: &mut [RowWrite],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<(String, i64)>, StoreError> {
    let ids = reserve_ids(tx, spec.table, rows.len()).await?;
    copy_in(
        tx,
        spec.table,
        &id_columns(spec),
        encode_rows(spec, rows, &ids, now),
    )
    .await?;
    Ok(rows
        .iter()
        .zip(ids)
        .map(|(row, id)| (row.slug.clone().unwrap_or_else(|| id.to_string()), id))
        .collect())
}

/// `n` ids from the table's sequence.
async fn reserve_ids(
    tx: &mut Transaction<'static, DB>,
    table: &str,
    n: usize,
) -> Result<Vec<i64>, StoreError> {
    // The subquery names the sequence once, not once per row.
    Ok(sqlx::query_scalar(
        "select nextval(q.seq) from \
         (select pg_get_serial_sequence($1, 'id')::regclass as seq offset 0) q, \
         generate_series(1, $2)",
    )
    .bind(table)
    .bind(n as i64)
    .fetch_all(&mut **tx)
    .await?)
}

/// The columns [`encode_rows`] fills: `id`, then the spec's own.
fn id_columns(spec: &WriteSpec) -> Vec<&'static str> {
    std::iter::once("id")
        .chain(stamped_columns(spec).0)
        .collect()
}

/// The rows with their `ids`, as COPY data for [`id_columns`].
fn encode_rows(
    spec: &WriteSpec,
    rows: &[RowWrite],
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<u8> {
    let (stamped, stamps) = stamped_columns(spec);
    let mut data = BinaryCopy::new(1 + stamped.len());
    let stamp = Value::Time(Some(now));
    for (row, id) in rows.iter().zip(ids) {
        data.row(
            std::iter::once(&Value::Int(Some(*id)))
                .chain(&row.values)
                .chain(std::iter::repeat_n(&stamp, stamps)),
        );
    }
    data.finish()
}

/// The columns of a link table's rows: owner, value, position.
fn link_columns(link: &LinkTable) -> [&'static str; 3] {
    [link.owner, link.value, "position"]
}

/// The `n`th links of the rows (owned by `ids`) as COPY data for
/// [`link_columns`]; `None` when there are none.
fn encode_links(rows: &[RowWrite], ids: &[i64], n: usize) -> Option<Vec<u8>> {
    let mut data = BinaryCopy::new(3);
    let mut any = false;
    for (row, id) in rows.iter().zip(ids) {
        for (position, value) in row.links[n].iter().enumerate() {
            let position = i32::try_from(position).expect("BUG: a record has under 2^31 links");
            data.row([&Value::Int(Some(*id)), value, &Value::Int32(Some(position))]);
            any = true;
        }
    }
    any.then(|| data.finish())
}

/// Inserts rows of `columns` into `table` with a binary COPY.
async fn load_values(
    tx: &mut Transaction<'static, DB>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut data = BinaryCopy::new(columns.len());
    for row in &rows {
        data.row(row);
    }
    copy_in(tx, table, columns, data.finish()).await
}

/// Streams COPY data into `table` (names from constants, never from input).
async fn copy_in(
    tx: &mut Transaction<'static, DB>,
    table: &str,
    columns: &[&str],
    data: Vec<u8>,
) -> Result<(), StoreError> {
    let sql = format!(
        "copy {table} ({}) from stdin (format binary)",
        columns.join(", ")
    );
    let mut copy = tx.copy_in_raw(&sql).await?;
    copy.send(data).await?;
    copy.finish().await.map_err(super::on_unique_violation)?;
    Ok(())
}

/// A batch of new rows readied for COPY: validated, given ids, encoded,
/// with its links.
pub struct Encoded {
    spec: &'static WriteSpec,
    rows: Vec<u8>,
    /// Per link table of the spec, its rows, if any.
    links: Vec<Option<Vec<u8>>>,
}

/// An import's bulk load ([`WriteMode::Load`]), batch by batch, with the
/// client's work on each batch (validating and encoding it) done on
/// another thread while the server copies the batch before: the two
/// took turns before, each idle much of the time.
///
/// Each batch takes its ids from the sequence first, so the next
/// batch's references to it resolve before it is written; its COPY is
/// sent while the next batch is readied, or by [`LoadPipeline::flush`].
/// A record that validation refuses is reported with its own batch; an
/// error of the database while copying (which validation and the
/// import's unique keys leave to broken invariants) comes from the
/// next write or the commit.
#[derive(Default)]
pub struct LoadPipeline {
    pending: Option<Encoded>,
}

impl LoadPipeline {
    /// Readies `batch` (of keys new to its bulk-loaded table) while the
    /// batch before is written; leaves it to be written next. A refused
    /// record is an [`StoreError::Invalid`] error of this batch, raised
    /// only once the batch before is in.
    pub async fn load(
        &mut self,
        tx: &mut Transaction<'static, DB>,
        batch: Batch,
        cache: &mut RefCache,
    ) -> Result<(), StoreError> {
        resolve(tx, &batch, cache).await?;
        let ids = reserve_ids(tx, batch.spec().table, batch.len()).await?;
        let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6);
        let today = cache.today();
        let mut owned = std::mem::replace(cache, RefCache::new(today));
        let readying = tokio::task::spawn_blocking(move || {
            let encoded = encode_new(&batch, &mut owned, &ids, now);
            (encoded, owned)
        });
        let sent = self.flush(tx).await;
        let (encoded, owned) = readying.await.map_err(|e| {
            StoreError::Database(sqlx::Error::Protocol(format!(
                "the thread readying a batch failed: {e}"
            )))
        })?;
        *cache = owned;
        sent?;
        self.pending = Some(encoded?);
        Ok(())
    }

    /// Writes the batch readied last, if any.
    pub async fn flush(&mut self, tx: &mut Transaction<'static, DB>) -> Result<(), StoreError> {
        let Some(encoded) = self.pending.take() else {
            return Ok(());
        };
        let spec = encoded.spec;
        copy_in(tx, spec.table, &id_columns(spec), encoded.rows).await?;
        for (link, data) in spec.links.iter().zip(encoded.links) {
            if let Some(data) = data {
                copy_in(tx, link.table, &link_columns(link), data).await?;
            }
        }
        Ok(())
    }
}

/// Validates a batch whose references `cache` holds, encodes its rows
/// with `ids` and their links, and remembers the ids of its keys.
fn encode_new(
    batch: &Batch,
    cache: &mut RefCache,
    ids: &[i64],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Encoded, StoreError> {
    let (spec, rows) = rows_of(batch, cache)?;
    let encoded = Encoded {
        spec,
        rows: encode_rows(spec, &rows, ids, now),
        links: (0..spec.links.len())
            .map(|n| encode_links(&rows, ids, n))
            .collect(),
    };
    if let Some(table) = batch.referenced_table() {
        for (row, id) in rows.into_iter().zip(ids) {
            if let Some(slug) = row.slug {
                cache.insert(table, slug, *id);
            }
        }
    }
    Ok(encoded)
}

/// Rows in the binary format of PostgreSQL's COPY: a header, then per
/// row its number of fields and each field's length and bytes (-1 for
/// null), in network byte order; values as the types' `send` functions
/// write them, so every [`Value`] must match its column's type exactly.
struct BinaryCopy {
    buf: Vec<u8>,
    width: i16,
}

impl BinaryCopy {
    /// Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01 UTC.
    const EPOCH_MICROS: i64 = 946_684_800_000_000;
    /// Days from 0001-01-01 (chrono's day 1) to 2000-01-01.
    const EPOCH_DAYS: i32 = 730_120;

    fn new(width: usize) -> Self {
        let mut buf = Vec::with_capacity(1 << 16);
        buf.extend_from_slice(b"PGCOPY\n\xff\r\n\0");
        buf.extend_from_slice(&0i32.to_be_bytes()); // flags: no OIDs
        buf.extend_from_slice(&0i32.to_be_bytes()); // no header extension
        BinaryCopy {
            buf,
            width: i16::try_from(width).expect("BUG: a table has fewer than 32768 columns"),
        }
    }

    fn row<'a>(&mut self, values: impl IntoIterator<Item = &'a Value>) {
        self.buf.extend_from_slice(&self.width.to_be_bytes());
        let mut fields = 0;
        for value in values {
            fields += 1;
            match value {
                Value::Text(v) => self.field(v.as_deref().map(str::as_bytes)),
                Value::Int(v) => self.field(v.map(i64::to_be_bytes).as_ref().map(|b| &b[..])),
                Value::Int32(v) => self.field(v.map(i32::to_be_bytes).as_ref().map(|b| &b[..])),
                Value::Bool(v) => self.field(Some(&[u8::from(*v)])),
                Value::Date(v) => {
                    let days = v.map(|d| {
                        (chrono::Datelike::num_days_from_ce(&d) - Self::EPOCH_DAYS).to_be_bytes()
                    });
                    self.field(days.as_ref().map(|b| &b[..]))
                }
                Value::Time(v) => {
                    let micros =
                        v.map(|t| (t.timestamp_micros() - Self::EPOCH_MICROS).to_be_bytes());
                    self.field(micros.as_ref().map(|b| &b[..]))
                }
            }
        }
        debug_assert_eq!(fields, self.width, "BUG: a row of the wrong width");
    }

    fn field(&mut self, bytes: Option<&[u8]>) {
        match bytes {
            Some(bytes) => {
                let len = i32::try_from(bytes.len()).expect("BUG: a field over 2 GiB");
                self.buf.extend_from_slice(&len.to_be_bytes());
                self.buf.extend_from_slice(bytes);
            }
            None => self.buf.extend_from_slice(&(-1i32).to_be_bytes()),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.buf.extend_from_slice(&(-1i16).to_be_bytes());
        self.buf
    }
}

/// Readies an import's transaction for a bulk load, as PostgreSQL's
/// manual advises ("Populating a Database"): the foreign keys,
/// non-unique indexes and change-log triggers (see [`super::BulkLoad`])
/// of every imported table that is empty now are dropped, and the
/// statements that restore them are returned, to run before the commit.
/// Rebuilding an index by sorting costs a fraction of inserting row by
/// row, and restoring a foreign key checks every row in one query
/// instead of one lookup per row: nothing is left unchecked.
///
/// Unique indexes stay: upserts need them. The dropped objects are read
/// from the catalog, so they come back exactly as the migrations made them.
/// The cost: until the import commits, other sessions wait to read these
/// (empty) tables. Tables that already hold rows keep everything: for
/// them, rebuilding would cost more than it saves, and readers must not wait.
///
/// Since no one else can write to the locked empty tables, a batch of keys
/// new to the import is inserted there without the cost of an upsert.
pub async fn defer_constraints(
    conn: &mut sqlx::PgConnection,
) -> Result<super::BulkLoad, super::StoreError> {
    let mut empty = Vec::new();
    for table in super::imported_tables() {
        let sql = format!("select not exists (select 1 from {table})");
        // Checked again under the lock: another session may have just
        // written to it. The lock keeps others from writing meanwhile.
        if sqlx::query_scalar::<_, bool>(&sql)
            .fetch_one(&mut *conn)
            .await?
        {
            sqlx::query(&format!("lock table {table} in exclusive mode"))
                .execute(&mut *conn)
                .await?;
            if sqlx::query_scalar::<_, bool>(&sql)
                .fetch_one(&mut *conn)
                .await?
            {
                empty.push(table);
            }
        }
    }
    if empty.is_empty() {
        return Ok(super::BulkLoad::default());
    }
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "select format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid) \
         from pg_index i \
         where i.indrelid = any($1::text[]::regclass[]) and not i.indisunique and not i.indisprimary",
    )
    .bind(&empty)
    .fetch_all(&mut *conn)
    .await?;
    let keys: Vec<(String, String)> = sqlx::query_as(
        "select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname), \
                format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) \
         from pg_constraint c \
         where c.contype = 'f' and c.conrelid = any($1::text[]::regclass[])",
    )
    .bind(&empty)
    .fetch_all(&mut *conn)
    .await?;
    let triggers: Vec<(String, String, String)> = sqlx::query_as(
        "select c.relname::text, format('drop trigger %I on %s', t.tgname, t.tgrelid::regclass), \
                pg_get_triggerdef(t.oid) \
         from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid \
         where t.tgrelid = any($1::text[]::regclass[]) and not t.tgisinternal \
         and p.prosrc like '%search_changes%'",
    )
    .bind(&empty)
    .fetch_all(&mut *conn)
    .await?;
    let unlogged: Vec<&'static str> = empty
        .iter()
        .copied()
        .filter(|table| triggers.iter().any(|(name, _, _)| name == table))
        .collect();
    let triggers = triggers.into_iter().map(|(_, drop, create)| (drop, create));
    let mut restore = Vec::new();
    // Indexes first, so that checking the foreign keys can use them.
    for (drop, create) in indexes.into_iter().chain(keys).chain(triggers) {
        sqlx::query(&drop).execute(&mut *conn).await?;
        restore.push(create);
    }
    Ok(super::BulkLoad {
        tables: empty,
        restore,
        unlogged,
        // Every follower's position is below this running transaction's
        // id (see `Store::change_log_position` for after the commit).
        mark: vec![
            "update search_meta set pruned_tx = pg_current_xact_id()::text::int8, \
             pruned_seq = nextval(pg_get_serial_sequence('search_changes', 'seq')) where id = 1"
                .into(),
        ],
        wrote_unlogged: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_copy_counts_from_postgres_epoch() {
        let epoch = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let mut data = BinaryCopy::new(4);
        data.row(&[
            Value::Date(epoch.succ_opt()),
            Value::Time(Some(epoch.and_hms_opt(0, 0, 1).unwrap().and_utc())),
            Value::Text(None),
            Value::Bool(true),
        ]);
        let bytes = data.finish();
        let row = &bytes[19..];
        let mut expected = vec![0, 4];
        expected.extend([0, 0, 0, 4, 0, 0, 0, 1]); // one day
        expected.extend([0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0f, 0x42, 0x40]); // 10^6 µs
        expected.extend([0xff, 0xff, 0xff, 0xff]); // null
        expected.extend([0, 0, 0, 1, 1]);
        expected.extend([0xff, 0xff]); // the trailer
        assert_eq!(row, expected);
    }
}
