//! The database boundary: one [`Store`] over SQLite (the default, embedded)
//! or PostgreSQL (production), with the same behaviour on both.
//!
//! The SQL lives in `sql.rs`, written once against a type alias `DB` and
//! compiled twice, once per database (`include!` below), so that both
//! back-ends run the same statements and cannot drift apart; the few places
//! where the dialects differ branch on a `DIALECT` constant. Everything here,
//! above the SQL, is shared: rows, filters, paging, the write model and the
//! mapping of database errors.
//!
//! SQLite runs in WAL mode with foreign keys on and a busy timeout; writes go
//! through a pool of exactly one connection, so concurrent writers queue in
//! the process instead of failing with "database is locked", while reads use
//! a pool of several connections.

mod rows;
mod sqlite_load;

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::datafile::{
    EventRecord, InvestmentRecord, InvestorRecord, MentorRecord, OrganizationRecord,
    ProvinceRecord, SectorRecord, StartupRecord,
};
use crate::model::{
    Event, EventKind, FieldError, FieldErrorCode, Introduction, IntroductionLogEntry,
    IntroductionStatus, Investment, Investor, InvestorKind, MatchFeedback, Mentor, Organization,
    OrganizationKind, Participant, Province, Recipient, Role, Sector, Stage, Startup, StartupTag,
    Topic, User,
};
pub use rows::*;

/// Which SQL dialect a statement is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

#[allow(clippy::module_inception)]
mod sqlite {
    //! The SQL of `sql.rs`, compiled for SQLite.
    type DB = sqlx::Sqlite;
    const DIALECT: super::Dialect = super::Dialect::Sqlite;
    include!("sql.rs");

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
}

mod postgres {
    //! The SQL of `sql.rs`, compiled for PostgreSQL.
    type DB = sqlx::Postgres;
    const DIALECT: super::Dialect = super::Dialect::Postgres;
    include!("sql.rs");

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
            let mut owned = std::mem::take(cache);
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
                            (chrono::Datelike::num_days_from_ce(&d) - Self::EPOCH_DAYS)
                                .to_be_bytes()
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
}

/// Errors from the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed or refused a statement for a reason the user cannot fix.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations could not be applied.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A record of a batch is invalid; `index` is its position in the batch.
    #[error("record {index} is invalid: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid {
        index: usize,
        errors: Vec<FieldError>,
    },
    /// The entity to change does not exist.
    #[error("not found")]
    NotFound,
    /// The entity changed since it was read (optimistic concurrency).
    #[error("changed concurrently")]
    Conflict,
    /// The database URL is not one we support.
    #[error("unsupported database URL: expected sqlite:... or postgres://...")]
    UnsupportedUrl,
    /// The change log was pruned past the position a follower asked to
    /// read from: it may have missed changes and must read everything again.
    #[error("the change log was pruned past this position")]
    ChangeLogPruned,
}

impl StoreError {
    fn invalid(index: usize, error: FieldError) -> Self {
        StoreError::Invalid {
            index,
            errors: vec![error],
        }
    }
}

/// Maps a unique-constraint violation to the field a user can fix.
fn on_unique_violation(err: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        // PostgreSQL names the constraint; SQLite names the columns.
        let name = db
            .constraint()
            .map(str::to_string)
            .unwrap_or_else(|| db.message().to_string());
        if name.contains("slug") {
            return StoreError::invalid(
                0,
                FieldError::new(
                    "slug",
                    FieldErrorCode::Taken,
                    "is already used by another profile",
                ),
            );
        }
        if name.contains("users_email") || name.contains("users.email") {
            return StoreError::invalid(
                0,
                FieldError::new("email", FieldErrorCode::Taken, "is already registered"),
            );
        }
        if name.contains("owner") {
            return StoreError::invalid(
                0,
                FieldError::new(
                    "owner",
                    FieldErrorCode::Taken,
                    "this account already has a profile of this kind",
                ),
            );
        }
        if name.contains("investments") {
            return StoreError::invalid(
                0,
                FieldError::new(
                    "date",
                    FieldErrorCode::Taken,
                    "this investor already has an investment in this startup for this round and date",
                ),
            );
        }
    }
    StoreError::Database(err)
}

/// The tables whose rows are found by slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Sectors,
    Provinces,
    Organizations,
    Startups,
    Investors,
    Mentors,
    Events,
}

impl Table {
    /// The SQL table name (a constant, never user input).
    pub fn name(self) -> &'static str {
        match self {
            Table::Sectors => "sectors",
            Table::Provinces => "provinces",
            Table::Organizations => "organizations",
            Table::Startups => "startups",
            Table::Investors => "investors",
            Table::Mentors => "mentors",
            Table::Events => "events",
        }
    }
}

/// A value bound to a statement, so that column lists and their values can be
/// built once, above the SQL, for both databases.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Int32(Option<i32>),
    Bool(bool),
    Date(Option<NaiveDate>),
    Time(Option<DateTime<Utc>>),
}

/// How a batch is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// New rows; an existing slug is a `Taken` error.
    Insert,
    /// Insert or update by the table's natural key (imports).
    Upsert,
    /// Rows whose keys no one else can have written (an import's bulk load
    /// of an empty, locked table): written the fastest way the database has.
    Load,
    /// Update the row with this id; with a version, only if its
    /// `updated_at` still equals it (else [`StoreError::Conflict`]).
    Update(i64, Option<DateTime<Utc>>),
}

/// A sort order for a list, and the column it sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// The folded name (or title).
    Name,
    CreatedAt,
    /// Startups only; projects without a founding date sort last.
    FoundedOn,
    /// Events only.
    StartsAt,
}

impl SortColumn {
    fn tag(self) -> &'static str {
        match self {
            SortColumn::Name => "n",
            SortColumn::CreatedAt => "c",
            SortColumn::FoundedOn => "f",
            SortColumn::StartsAt => "s",
        }
    }
}

/// A position in a sorted list: the sort value and the id that breaks ties.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    pub column: SortColumn,
    pub value: SortValue,
    pub id: i64,
}

/// The value part of a [`SortKey`].
#[derive(Debug, Clone, PartialEq)]
pub enum SortValue {
    Text(String),
    Date(NaiveDate),
    Time(DateTime<Utc>),
}

/// The date that stands for "no founding date" when sorting (sorts last).
pub const NO_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("BUG: valid date");

impl SortKey {
    /// Encodes the key as the opaque text inside a cursor.
    pub fn encode(&self) -> String {
        let value = match &self.value {
            SortValue::Text(t) => t.clone(),
            SortValue::Date(d) => d.to_string(),
            // Full precision: the cursor must compare equal to the stored value.
            SortValue::Time(t) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        };
        serde_json::json!([self.column.tag(), value, self.id]).to_string()
    }

    /// Decodes a key written by [`SortKey::encode`] for `column`.
    pub fn decode(text: &str, column: SortColumn) -> Option<SortKey> {
        let (tag, value, id): (String, String, i64) = serde_json::from_str(text).ok()?;
        if tag != column.tag() {
            return None;
        }
        let value = match column {
            SortColumn::Name => SortValue::Text(value),
            SortColumn::FoundedOn => SortValue::Date(NaiveDate::from_str(&value).ok()?),
            SortColumn::CreatedAt | SortColumn::StartsAt => SortValue::Time(
                DateTime::parse_from_rfc3339(&value)
                    .ok()?
                    .with_timezone(&Utc),
            ),
        };
        Some(SortKey { column, value, id })
    }
}

/// One page of a sorted list, as the store runs it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageQuery {
    pub column: SortColumn,
    pub descending: bool,
    /// Rows wanted (1..=100); the store fetches one more to see if more exist.
    pub limit: usize,
    /// Start after this key (in the list's order).
    pub after: Option<SortKey>,
    /// Stop before this key.
    pub before: Option<SortKey>,
    /// Take the rows nearest `before` (Relay's `last`) instead of nearest `after`.
    pub from_end: bool,
}

/// A page of rows and whether more lie beyond it in the direction read.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_more: bool,
}

/// Filters for the startup list; lists match any of their values, fields all.
#[derive(Debug, Clone, Default)]
pub struct StartupFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub stages: Option<Vec<Stage>>,
    pub provinces: Option<Vec<String>>,
    pub tags: Option<Vec<StartupTag>>,
    /// `(eligible, as_of)`: only startups that are (or are not) eligible on `as_of`.
    pub eligible_for_support: Option<(bool, NaiveDate)>,
    pub organizations: Option<Vec<i64>>,
}

/// Filters for the investor list.
#[derive(Debug, Clone, Default)]
pub struct InvestorFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub stages: Option<Vec<Stage>>,
    pub kinds: Option<Vec<InvestorKind>>,
    /// Investors who invest in any of these provinces, nationwide ones included.
    pub provinces: Option<Vec<String>>,
    pub active: Option<bool>,
}

/// Filters for the mentor list.
#[derive(Debug, Clone, Default)]
pub struct MentorFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub expertise: Option<Vec<Topic>>,
    pub provinces: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
}

/// Filters for the organisation list.
#[derive(Debug, Clone, Default)]
pub struct OrganizationFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub kinds: Option<Vec<OrganizationKind>>,
    pub provinces: Option<Vec<String>>,
}

/// Filters for the event list. `from`/`to` select events that overlap the range.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub kinds: Option<Vec<EventKind>>,
    pub provinces: Option<Vec<String>>,
    pub sectors: Option<Vec<String>>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub organizers: Option<Vec<i64>>,
}

/// What a connection lists: the entity type and its filter.
#[derive(Debug, Clone)]
pub enum ListQuery {
    Startups(StartupFilter),
    Investors(InvestorFilter),
    Mentors(MentorFilter),
    Organizations(OrganizationFilter),
    Events(EventFilter),
}

/// Slug-to-id maps of referenced entities, filled from the database on demand
/// and kept for the length of an import.
#[derive(Debug, Default)]
pub struct RefCache {
    maps: HashMap<Table, HashMap<String, i64>>,
}

impl RefCache {
    fn get(&self, table: Table, slug: &str) -> Option<i64> {
        self.maps.get(&table).and_then(|m| m.get(slug)).copied()
    }

    fn insert(&mut self, table: Table, slug: String, id: i64) {
        self.maps.entry(table).or_default().insert(slug, id);
    }
}

/// Counts per record type written by an import.
pub type ImportCounts = Vec<(&'static str, usize)>;

/// The storage of the ecosystem graph.
#[derive(Clone)]
pub enum Store {
    /// SQLite: several readers, one writer.
    Sqlite { read: SqlitePool, write: SqlitePool },
    /// PostgreSQL.
    Postgres(PgPool),
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Store::Sqlite { .. } => "Store::Sqlite",
            Store::Postgres(_) => "Store::Postgres",
        })
    }
}

/// Calls the same function of the SQLite or the PostgreSQL module.
macro_rules! dispatch {
    ($self:expr, read, $f:ident($($arg:expr),*)) => {
        match $self {
            Store::Sqlite { read, .. } => sqlite::$f(read, $($arg),*).await,
            Store::Postgres(pool) => postgres::$f(pool, $($arg),*).await,
        }
    };
    ($self:expr, write, $f:ident($($arg:expr),*)) => {
        match $self {
            Store::Sqlite { write, .. } => sqlite::$f(write, $($arg),*).await,
            Store::Postgres(pool) => postgres::$f(pool, $($arg),*).await,
        }
    };
}

impl Store {
    /// Opens (creating if needed) the database at `url`: `sqlite:PATH`,
    /// `sqlite::memory:` or `postgres://...`. Does not migrate.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            return Ok(Store::Postgres(pool));
        }
        let Some(rest) = url.strip_prefix("sqlite:") else {
            return Err(StoreError::UnsupportedUrl);
        };
        if rest == ":memory:" || rest == "memory" {
            return Self::sqlite_memory().await;
        }
        let path = rest.trim_start_matches("//");
        Self::sqlite_file(Path::new(path)).await
    }

    /// Opens a SQLite database file, creating it and its folder if needed.
    pub async fn sqlite_file(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // The writer gets a large page cache (64 MiB) and in-memory temporary
        // storage: big import transactions otherwise spill pages to the WAL
        // and read them back, which doubled import time.
        let writer_options = options
            .clone()
            .pragma("cache_size", "-65536")
            .pragma("temp_store", "memory");
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(writer_options)
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.read_only(true))
            .await?;
        Ok(Store::Sqlite { read, write })
    }

    /// An in-memory SQLite database on one connection (tests and benchmarks).
    pub async fn sqlite_memory() -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Ok(Store::Sqlite {
            read: pool.clone(),
            write: pool,
        })
    }

    /// Applies the migrations this build embeds.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Store::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        dispatch!(self, read, ping())
    }

    /// Closes every connection (SQLite checkpoints its WAL).
    pub async fn close(&self) {
        match self {
            Store::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Store::Postgres(pool) => pool.close().await,
        }
    }

    /// The id of the row of `table` with this slug.
    pub async fn id_by_slug(&self, table: Table, slug: &str) -> Result<Option<i64>, StoreError> {
        dispatch!(self, read, id_by_slug(table, slug))
    }

    /// Every sector, ordered by key.
    pub async fn sectors(&self) -> Result<Vec<Sector>, StoreError> {
        dispatch!(self, read, sectors(None))
    }

    /// The sectors with these ids.
    pub async fn sectors_by_ids(&self, ids: &[i64]) -> Result<Vec<Sector>, StoreError> {
        dispatch!(self, read, sectors(Some(ids)))
    }

    /// Every province, ordered by key.
    pub async fn provinces(&self) -> Result<Vec<Province>, StoreError> {
        dispatch!(self, read, provinces(None))
    }

    /// The provinces with these ids.
    pub async fn provinces_by_ids(&self, ids: &[i64]) -> Result<Vec<Province>, StoreError> {
        dispatch!(self, read, provinces(Some(ids)))
    }

    /// Startups by id (missing ids are left out).
    pub async fn startups_by_ids(&self, ids: &[i64]) -> Result<Vec<Startup>, StoreError> {
        dispatch!(self, read, startups_by_ids(ids))
    }

    /// Investors by id.
    pub async fn investors_by_ids(&self, ids: &[i64]) -> Result<Vec<Investor>, StoreError> {
        dispatch!(self, read, investors_by_ids(ids))
    }

    /// Mentors by id.
    pub async fn mentors_by_ids(&self, ids: &[i64]) -> Result<Vec<Mentor>, StoreError> {
        dispatch!(self, read, mentors_by_ids(ids))
    }

    /// Organisations by id.
    pub async fn organizations_by_ids(&self, ids: &[i64]) -> Result<Vec<Organization>, StoreError> {
        dispatch!(self, read, organizations_by_ids(ids))
    }

    /// Events by id.
    pub async fn events_by_ids(&self, ids: &[i64]) -> Result<Vec<Event>, StoreError> {
        dispatch!(self, read, events_by_ids(ids))
    }

    /// Investments by id.
    pub async fn investments_by_ids(&self, ids: &[i64]) -> Result<Vec<Investment>, StoreError> {
        dispatch!(self, read, investments_by("id", ids))
    }

    /// Investments into these startups, newest first.
    pub async fn investments_by_startups(
        &self,
        ids: &[i64],
    ) -> Result<Vec<Investment>, StoreError> {
        dispatch!(self, read, investments_by("startup_id", ids))
    }

    /// Investments by these investors, newest first.
    pub async fn investments_by_investors(
        &self,
        ids: &[i64],
    ) -> Result<Vec<Investment>, StoreError> {
        dispatch!(self, read, investments_by("investor_id", ids))
    }

    /// The startups that belong to these organisations, as `(organization, startup)`.
    pub async fn startups_of_organizations(
        &self,
        ids: &[i64],
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        dispatch!(
            self,
            read,
            child_ids(Table::Startups, "organization_id", ids)
        )
    }

    /// The events these organisations organise, as `(organization, event)`.
    pub async fn events_of_organizations(
        &self,
        ids: &[i64],
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        dispatch!(self, read, child_ids(Table::Events, "organizer_id", ids))
    }

    /// One page of a list, sorted and filtered.
    pub async fn list_ids(
        &self,
        query: &ListQuery,
        page: &PageQuery,
    ) -> Result<Page<SortKey>, StoreError> {
        dispatch!(self, read, list_ids(query, page))
    }

    /// How many rows a list has in all.
    pub async fn count(&self, query: &ListQuery) -> Result<i64, StoreError> {
        dispatch!(self, read, count(query))
    }

    /// Reads profiles back as data-file records, by id or in id order after a
    /// given id (for export); each comes with its id.
    pub async fn startup_records(
        &self,
        select: RecordSelect<'_>,
    ) -> Result<Vec<(i64, StartupRecord)>, StoreError> {
        dispatch!(self, read, startup_records(select))
    }

    /// See [`Store::startup_records`].
    pub async fn investor_records(
        &self,
        select: RecordSelect<'_>,
    ) -> Result<Vec<(i64, InvestorRecord)>, StoreError> {
        dispatch!(self, read, investor_records(select))
    }

    /// See [`Store::startup_records`].
    pub async fn mentor_records(
        &self,
        select: RecordSelect<'_>,
    ) -> Result<Vec<(i64, MentorRecord)>, StoreError> {
        dispatch!(self, read, mentor_records(select))
    }

    /// See [`Store::startup_records`].
    pub async fn organization_records(
        &self,
        select: RecordSelect<'_>,
    ) -> Result<Vec<(i64, OrganizationRecord)>, StoreError> {
        dispatch!(self, read, organization_records(select))
    }

    /// See [`Store::startup_records`].
    pub async fn event_records(
        &self,
        select: RecordSelect<'_>,
    ) -> Result<Vec<(i64, EventRecord)>, StoreError> {
        dispatch!(self, read, event_records(select))
    }

    /// Investments as records, in id order after the given id.
    pub async fn investment_records(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, InvestmentRecord)>, StoreError> {
        dispatch!(self, read, investment_records(after, limit))
    }

    /// Writes a batch of records in one transaction (see [`Batch`]); returns
    /// the ids of the written profiles by slug. Profiles created with
    /// [`WriteMode::Insert`] belong to `owner`.
    pub async fn write(
        &self,
        batch: &Batch,
        mode: WriteMode,
        owner: Option<i64>,
    ) -> Result<HashMap<String, i64>, StoreError> {
        let mut cache = RefCache::default();
        dispatch!(
            self,
            write,
            write_batches(std::slice::from_ref(batch), mode, &mut cache, owner)
        )
    }

    /// Creates an account; a taken e-mail address is a `Taken` error on `email`.
    pub async fn create_user(&self, user: &NewUser<'_>) -> Result<i64, StoreError> {
        dispatch!(self, write, create_user(user))
    }

    /// The account with this (normalised) e-mail address and its password hash.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError> {
        dispatch!(self, read, user_by_email(email))
    }

    /// Accounts by id.
    pub async fn users_by_ids(&self, ids: &[i64]) -> Result<Vec<User>, StoreError> {
        let rows = dispatch!(self, read, users_by_ids(ids))?;
        rows.into_iter().map(UserRow::into_model).collect()
    }

    /// Starts a session for a token (of which only the hash is kept).
    pub async fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        dispatch!(self, write, create_session(user_id, token_hash, expires_at))
    }

    /// The session of a token hash live at `now`: `(session id, user)`.
    pub async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(i64, User)>, StoreError> {
        // A reader suffices: in WAL mode every statement outside a
        // transaction sees all commits, so a token works (and a revoked one
        // stops working) the moment `signIn` or `signOut` has answered, and
        // signed-in reads never queue behind the single writer.
        let found = dispatch!(self, read, session_user(token_hash, now))?;
        found
            .map(|(session, row)| Ok((session, row.into_model()?)))
            .transpose()
    }

    /// Revokes a session; false when it was already revoked or unknown.
    pub async fn revoke_session(&self, session_id: i64) -> Result<bool, StoreError> {
        dispatch!(self, write, revoke_session(session_id))
    }

    /// The profiles of `table` these users own, as `(owner, id)`.
    pub async fn owned_ids(
        &self,
        table: Table,
        owners: &[i64],
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        dispatch!(self, read, owned_ids(table, owners))
    }

    /// Records an introduction request (see [`IntroductionRequest`]).
    pub async fn request_introduction(
        &self,
        request: &IntroductionRequest<'_>,
    ) -> Result<Result<Introduction, IntroductionRefusal>, StoreError> {
        dispatch!(self, write, request_introduction(request))
    }

    /// Accepts, declines or withdraws a pending introduction.
    pub async fn decide_introduction(
        &self,
        id: i64,
        to: IntroductionStatus,
        actor: Option<i64>,
    ) -> Result<Result<Introduction, IntroductionRefusal>, StoreError> {
        dispatch!(self, write, decide_introduction(id, to, actor))
    }

    /// Introductions by id.
    pub async fn introductions_by_ids(&self, ids: &[i64]) -> Result<Vec<Introduction>, StoreError> {
        dispatch!(self, read, introductions_by_ids(ids))
    }

    /// The introductions a user is a party of, newest first.
    pub async fn introductions_of_user(
        &self,
        user: i64,
        status: Option<IntroductionStatus>,
        limit: i64,
    ) -> Result<Vec<Introduction>, StoreError> {
        dispatch!(self, read, introductions_of_user(user, status, limit))
    }

    /// The profiles whose contact details accepted introductions show these
    /// users, as `(user, table, id)`.
    pub async fn contacts_of_users(
        &self,
        users: &[i64],
    ) -> Result<Vec<(i64, Table, i64)>, StoreError> {
        dispatch!(self, read, contacts_of_users(users))
    }

    /// The introductions' audit trail, newest first.
    pub async fn introduction_log(
        &self,
        introduction: Option<i64>,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<IntroductionLogEntry>, StoreError> {
        dispatch!(self, read, introduction_log(introduction, before, limit))
    }

    /// Gives a profile to a user (or, with `None`, to nobody).
    pub async fn set_owner(
        &self,
        table: Table,
        id: i64,
        owner: Option<i64>,
    ) -> Result<bool, StoreError> {
        dispatch!(self, write, set_owner(table, id, owner))
    }

    /// Starts an import: one transaction that the importer feeds batch by
    /// batch and commits at the end; dropping it rolls everything back.
    pub async fn begin_import(&self) -> Result<ImportTx, StoreError> {
        Ok(match self {
            Store::Sqlite { write, .. } => {
                // The write lock from the start: no other process can write
                // to the tables found empty until the import ends.
                let mut tx = write.begin_with("begin immediate").await?;
                let bulk = sqlite::prepare_bulk(&mut tx).await?;
                ImportTx::Sqlite(tx, RefCache::default(), bulk)
            }
            Store::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // Without the right to alter the tables (they belong to
                // another role), the import goes row by row.
                let mut savepoint = sqlx::Connection::begin(&mut *tx).await?;
                let bulk = match postgres::defer_constraints(&mut savepoint).await {
                    Ok(bulk) => {
                        savepoint.commit().await?;
                        bulk
                    }
                    Err(error) => {
                        tracing::warn!(%error, "importing row by row: cannot defer the constraints of empty tables");
                        savepoint.rollback().await?;
                        BulkLoad::default()
                    }
                };
                ImportTx::Postgres(tx, RefCache::default(), bulk, Default::default())
            }
        })
    }

    /// The `updated_at` of a row: its version for a conditional update.
    pub async fn version(
        &self,
        table: Table,
        id: i64,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        dispatch!(self, write, version(table, id))
    }

    /// How many searchable objects the database holds.
    pub async fn search_documents(&self) -> Result<i64, StoreError> {
        let mut total = 0;
        for query in [
            ListQuery::Startups(StartupFilter::default()),
            ListQuery::Investors(InvestorFilter::default()),
            ListQuery::Mentors(MentorFilter::default()),
            ListQuery::Organizations(OrganizationFilter::default()),
            ListQuery::Events(EventFilter::default()),
        ] {
            total += self.count(&query).await?;
        }
        Ok(total)
    }

    /// This database's identity, which the change log's followers remember (an index built from another database is rebuilt).
    pub async fn change_log_instance(&self) -> Result<String, StoreError> {
        dispatch!(self, read, change_log_instance())
    }

    /// The change-log position that a full read of the database, started
    /// now, includes every change up to.
    pub async fn change_log_head(&self) -> Result<ChangePosition, StoreError> {
        dispatch!(self, read, change_log_head())
    }

    /// [`Store::change_log_head`] once it is at or past the pruned position:
    /// where a follower that reads everything (after the log was pruned
    /// past it) starts, so that it can follow on. On PostgreSQL a bulk
    /// import marks the log pruned through its own transaction, which the
    /// head passes once every older transaction has ended (until then their
    /// changes are not readable from the log either); this waits for that.
    pub async fn change_log_position(&self) -> Result<ChangePosition, StoreError> {
        loop {
            let head = self.change_log_head().await?;
            if head >= self.change_log_pruned().await? {
                return Ok(head);
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The position the change log has been pruned through (the start,
    /// `ChangePosition::default()`, when it never was).
    pub async fn change_log_pruned(&self) -> Result<ChangePosition, StoreError> {
        dispatch!(self, read, change_log_pruned_position())
    }

    /// Deletes the change log's entries but the newest `keep` that every
    /// follower can read, and records the position it deleted through
    /// (only ever forward): a follower behind it gets
    /// [`StoreError::ChangeLogPruned`]. Returns how many entries went.
    pub async fn prune_change_log(&self, keep: i64) -> Result<u64, StoreError> {
        dispatch!(self, write, prune_change_log(keep))
    }

    /// Up to `limit` change-log entries after `after`, and the position to
    /// continue from; [`StoreError::ChangeLogPruned`] when entries after
    /// `after` may have been pruned.
    pub async fn change_log_after(
        &self,
        after: ChangePosition,
        limit: i64,
    ) -> Result<(Vec<LoggedChange>, ChangePosition), StoreError> {
        dispatch!(self, read, change_log_after(after, limit))
    }

    /// Registers a participant for an event; false when it was already.
    pub async fn register_for_event(
        &self,
        event: i64,
        participant: Participant,
        user: Option<i64>,
    ) -> Result<bool, StoreError> {
        dispatch!(self, write, register_for_event(event, participant, user))
    }

    /// Takes a registration back; false when there was none.
    pub async fn unregister_from_event(
        &self,
        event: i64,
        participant: Participant,
    ) -> Result<bool, StoreError> {
        dispatch!(self, write, unregister_from_event(event, participant))
    }

    /// The participants of these events, as `(event, participant)`, in the
    /// order they registered.
    pub async fn participants_of_events(
        &self,
        ids: &[i64],
    ) -> Result<Vec<(i64, Participant)>, StoreError> {
        dispatch!(self, read, participants_of_events(ids))
    }

    /// Up to `limit` investments with ids greater than `after`, in id order.
    pub async fn investments_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Investment>, StoreError> {
        dispatch!(self, read, investments_after(after, limit))
    }

    /// Accepted introductions per mentor (their mentees now), as
    /// `(mentor, count)`: of these mentors, or of all when `ids` is `None`.
    pub async fn mentor_loads(&self, ids: Option<&[i64]>) -> Result<Vec<(i64, i64)>, StoreError> {
        dispatch!(self, read, mentor_loads(ids))
    }

    /// Recommendation feedback about these startups.
    pub async fn match_feedback_of_startups(
        &self,
        ids: &[i64],
    ) -> Result<Vec<MatchFeedback>, StoreError> {
        dispatch!(self, read, match_feedback_by("startup_id", ids))
    }

    /// Recommendation feedback about these investors or mentors.
    pub async fn match_feedback_of(
        &self,
        counterpart: DocCounterpart,
        ids: &[i64],
    ) -> Result<Vec<MatchFeedback>, StoreError> {
        match counterpart {
            DocCounterpart::Investor => {
                dispatch!(self, read, match_feedback_by("investor_id", ids))
            }
            DocCounterpart::Mentor => dispatch!(self, read, match_feedback_by("mentor_id", ids)),
        }
    }

    /// Up to `limit` feedback rows with ids greater than `after`, with their ids.
    pub async fn match_feedback_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, MatchFeedback)>, StoreError> {
        dispatch!(self, read, match_feedback_after(after, limit))
    }

    /// Records a verdict on a recommended pair, replacing the pair's earlier
    /// verdict on the same side.
    pub async fn set_match_feedback(&self, feedback: &MatchFeedback) -> Result<(), StoreError> {
        dispatch!(self, write, set_match_feedback(feedback))
    }

    /// Deletes a row of `table` by id; false when there was none.
    pub async fn delete(&self, table: Table, id: i64) -> Result<bool, StoreError> {
        dispatch!(self, write, delete(table, id))
    }
}

/// A position in the change log: every change up to it has been
/// read. On SQLite `tx` is 0 and `seq` orders changes; on PostgreSQL changes
/// are ordered by transaction id, then `seq` (see migration 0004).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct ChangePosition {
    pub tx: i64,
    pub seq: i64,
}

/// Which kind of counterpart feedback is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocCounterpart {
    Investor,
    Mentor,
}

/// One entry of the change log: this object was inserted, updated or
/// deleted (which, a follower learns by reading it again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedChange {
    /// `startup`, `investor`, `mentor`, `organization` or `event`.
    pub kind: String,
    pub id: i64,
}

/// An import in progress: one open transaction.
pub enum ImportTx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>, RefCache, BulkLoad),
    Postgres(
        sqlx::Transaction<'static, sqlx::Postgres>,
        RefCache,
        BulkLoad,
        postgres::LoadPipeline,
    ),
}

/// The tables an import writes, besides the small vocabularies (sectors,
/// provinces): the imported records' tables and their link tables.
fn imported_tables() -> impl Iterator<Item = &'static str> {
    [
        &ORGANIZATION_SPEC,
        &STARTUP_SPEC,
        &INVESTOR_SPEC,
        &MENTOR_SPEC,
        &EVENT_SPEC,
        &INVESTMENT_SPEC,
    ]
    .into_iter()
    .flat_map(|spec| std::iter::once(spec.table).chain(spec.links.iter().map(|l| l.table)))
}

/// The tables an import loads in bulk (see `sqlite::prepare_bulk` and
/// `postgres::defer_constraints`).
///
/// Their change-log triggers (migrations 0004 and 0005) are dropped too: a
/// bulk load logs no entry per row. Instead, if the import wrote to any of
/// those tables, the log is marked pruned (before the commit) through a
/// position past every follower's (a seq, or on PostgreSQL this
/// transaction's id), so that each search index and matching engine
/// rebuilds from the tables after the import: about the cost of reading
/// one entry per row, which the import no longer pays. (So even a few rows
/// into an empty table mean a rebuild: a first load, not a daily update.)
#[derive(Debug, Default)]
pub struct BulkLoad {
    /// The imported tables that were empty, now locked against other writers.
    tables: Vec<&'static str>,
    /// The statements that restore what was dropped, to run before the commit.
    restore: Vec<String>,
    /// The tables among them whose change-log triggers were dropped.
    unlogged: Vec<&'static str>,
    /// The statements that mark the log pruned past every follower.
    mark: Vec<String>,
    /// Whether the import wrote to an unlogged table (so must mark the log).
    wrote_unlogged: bool,
}

impl BulkLoad {
    /// Notes a write to `table`.
    fn wrote(&mut self, table: &str) {
        self.wrote_unlogged |= self.unlogged.contains(&table);
    }

    /// The statements to run before the commit: the restores, then the
    /// mark if it is needed.
    fn finishing(self) -> Vec<String> {
        let mut statements = self.restore;
        if self.wrote_unlogged {
            statements.extend(self.mark);
        }
        statements
    }
}

impl ImportTx {
    /// Writes a batch inside the import's transaction. `new_keys` says that
    /// no key of the batch was written earlier in this import. On
    /// PostgreSQL a bulk-loaded batch is copied while the next one is
    /// readied (see `postgres::LoadPipeline`): a record refused by
    /// validation is reported with its own batch, a database error while
    /// copying with the next write or the commit.
    pub async fn write(&mut self, batch: Batch, new_keys: bool) -> Result<(), StoreError> {
        let mode = |bulk: &BulkLoad| {
            if new_keys && bulk.tables.contains(&batch.spec().table) {
                WriteMode::Load
            } else {
                WriteMode::Upsert
            }
        };
        match self {
            ImportTx::Sqlite(tx, cache, bulk) => {
                bulk.wrote(batch.spec().table);
                sqlite::write_batch(tx, &batch, mode(bulk), cache)
                    .await
                    .map(drop)
            }
            ImportTx::Postgres(tx, cache, bulk, pipeline) => {
                let mode = mode(bulk);
                bulk.wrote(batch.spec().table);
                match mode {
                    WriteMode::Load => pipeline.load(tx, batch, cache).await,
                    mode => {
                        pipeline.flush(tx).await?;
                        postgres::write_batch(tx, &batch, mode, cache)
                            .await
                            .map(drop)
                    }
                }
            }
        }
    }

    /// Commits the import.
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            ImportTx::Sqlite(tx, _, bulk) => sqlite::finish_import(tx, bulk.finishing()).await,
            ImportTx::Postgres(mut tx, _, bulk, mut pipeline) => {
                pipeline.flush(&mut tx).await?;
                postgres::finish_import(tx, bulk.finishing()).await
            }
        }
    }
}

/// Which rows to read back as records.
#[derive(Debug, Clone, Copy)]
pub enum RecordSelect<'a> {
    Ids(&'a [i64]),
    /// Up to `limit` rows with ids greater than `after`, in id order.
    After {
        after: i64,
        limit: i64,
    },
}

/// Records of one type to write together; at most one type per batch keeps
/// the statements simple and the references resolvable in order.
#[derive(Debug, Clone)]
pub enum Batch {
    Sectors(Vec<SectorRecord>),
    Provinces(Vec<ProvinceRecord>),
    Organizations(Vec<OrganizationRecord>),
    Startups(Vec<StartupRecord>),
    Investors(Vec<InvestorRecord>),
    Mentors(Vec<MentorRecord>),
    Events(Vec<EventRecord>),
    Investments(Vec<InvestmentRecord>),
}

impl Batch {
    /// How many records the batch holds.
    pub fn len(&self) -> usize {
        match self {
            Batch::Sectors(v) => v.len(),
            Batch::Provinces(v) => v.len(),
            Batch::Organizations(v) => v.len(),
            Batch::Startups(v) => v.len(),
            Batch::Investors(v) => v.len(),
            Batch::Mentors(v) => v.len(),
            Batch::Events(v) => v.len(),
            Batch::Investments(v) => v.len(),
        }
    }

    /// Whether the batch is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How the batch's records are written (their table and link tables).
    pub fn spec(&self) -> &'static WriteSpec {
        match self {
            Batch::Sectors(_) => &SECTOR_SPEC,
            Batch::Provinces(_) => &PROVINCE_SPEC,
            Batch::Organizations(_) => &ORGANIZATION_SPEC,
            Batch::Startups(_) => &STARTUP_SPEC,
            Batch::Investors(_) => &INVESTOR_SPEC,
            Batch::Mentors(_) => &MENTOR_SPEC,
            Batch::Events(_) => &EVENT_SPEC,
            Batch::Investments(_) => &INVESTMENT_SPEC,
        }
    }

    /// The table of the batch's records when records refer to them by key:
    /// an import keeps their ids in its [`RefCache`].
    fn referenced_table(&self) -> Option<Table> {
        match self {
            Batch::Sectors(_) => Some(Table::Sectors),
            Batch::Provinces(_) => Some(Table::Provinces),
            Batch::Organizations(_) => Some(Table::Organizations),
            Batch::Startups(_) => Some(Table::Startups),
            Batch::Investors(_) => Some(Table::Investors),
            Batch::Mentors(_) | Batch::Events(_) | Batch::Investments(_) => None,
        }
    }

    /// The table of the batch's records when they are profiles with owners.
    pub fn owned_table(&self) -> Option<Table> {
        match self {
            Batch::Organizations(_) => Some(Table::Organizations),
            Batch::Startups(_) => Some(Table::Startups),
            Batch::Investors(_) => Some(Table::Investors),
            Batch::Mentors(_) => Some(Table::Mentors),
            Batch::Sectors(_) | Batch::Provinces(_) | Batch::Events(_) | Batch::Investments(_) => {
                None
            }
        }
    }
}

/// A startup's request for an introduction.
#[derive(Debug)]
pub struct IntroductionRequest<'a> {
    pub startup_id: i64,
    pub recipient: Recipient,
    pub message: &'a str,
    /// The user who asks.
    pub actor_id: i64,
    /// The most pending requests a startup may have.
    pub max_pending: i64,
    /// How long after a decline the same pair may not ask again.
    pub cooldown: chrono::Duration,
}

/// Why an introduction step was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntroductionRefusal {
    UnknownStartup,
    UnknownRecipient,
    /// The startup has this many pending requests already.
    TooManyPending(i64),
    /// The pair already has a request in this state.
    AlreadyOpen(IntroductionStatus),
    /// Declined; the pair may ask again from then.
    DeclinedRecently(DateTime<Utc>),
    /// The introduction is no longer pending.
    NotPending(IntroductionStatus),
    /// The mentor has accepted as many as their capacity.
    NoCapacity(i32),
    NotFound,
}

/// An account to create.
#[derive(Debug)]
pub struct NewUser<'a> {
    /// Trimmed and lowercased.
    pub email: &'a str,
    /// An argon2id PHC string.
    pub password_hash: &'a str,
    pub role: Role,
    pub name: Option<&'a str>,
}
