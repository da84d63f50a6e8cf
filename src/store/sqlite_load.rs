//! SQLite's bulk load: the rows of an import's bulk load go in through one
//! prepared single-row insert, bound and stepped on the import
//! transaction's own connection handle.
//!
//! Through sqlx, every statement crosses to the connection's worker thread
//! and back, its arguments are copied twice, and a multi-row insert of
//! thousands of rows is parsed again whenever its row count changes. Here a
//! row costs what SQLite itself needs: bind, step, reset. The statements run
//! inside sqlx's open transaction, so they commit or roll back with it.
//!
//! The handle is locked for the length of one call (one batch, a few
//! milliseconds): the calling task runs SQLite there and then.

use std::ffi::{CStr, c_char, c_int};
use std::ptr::NonNull;

use libsqlite3_sys as ffi;
use sqlx::sqlite::LockedSqliteHandle;

use super::{StoreError, Value};

/// Inserts rows with the single-row insert `sql` (one `?` per value, in
/// order); calls `inserted` with each new row's id, in row order.
pub(super) fn insert_each<'v, R>(
    handle: &mut LockedSqliteHandle<'_>,
    sql: &str,
    rows: impl IntoIterator<Item = R>,
    mut inserted: impl FnMut(i64),
) -> Result<(), StoreError>
where
    R: IntoIterator<Item = &'v Value>,
{
    let db = handle.as_raw_handle();
    let statement = Statement::prepare(db, sql)?;
    for row in rows {
        for (n, value) in row.into_iter().enumerate() {
            statement.bind(n as c_int + 1, value)?;
        }
        statement.step()?;
        // SAFETY: `db` is the open connection the locked handle guards.
        inserted(unsafe { ffi::sqlite3_last_insert_rowid(db.as_ptr()) });
    }
    Ok(())
}

/// A prepared statement, finalized on drop.
pub(super) struct Statement {
    db: NonNull<ffi::sqlite3>,
    raw: NonNull<ffi::sqlite3_stmt>,
}

impl Statement {
    pub(super) fn prepare(db: NonNull<ffi::sqlite3>, sql: &str) -> Result<Statement, StoreError> {
        let mut raw = std::ptr::null_mut();
        // SAFETY: `db` is open; `sql` is valid for `sql.len()` bytes, and
        // SQLite writes the new statement (or null) to `raw`.
        let rc = unsafe {
            ffi::sqlite3_prepare_v2(
                db.as_ptr(),
                sql.as_ptr().cast::<c_char>(),
                sql.len() as c_int,
                &mut raw,
                std::ptr::null_mut(),
            )
        };
        check(db, rc)?;
        let raw = NonNull::new(raw).ok_or_else(|| failed("an empty statement".into()))?;
        Ok(Statement { db, raw })
    }

    /// The statement's handle, for SQLite's functions.
    pub(super) fn raw(&self) -> *mut ffi::sqlite3_stmt {
        self.raw.as_ptr()
    }

    /// Binds parameter `n` (from 1), as sqlx would encode the value.
    fn bind(&self, n: c_int, value: &Value) -> Result<(), StoreError> {
        let stmt = self.raw.as_ptr();
        // SAFETY: `stmt` is a live statement. Borrowed text is bound
        // SQLITE_STATIC: the rows outlive this statement, which is finalized
        // before `insert_each` returns; formatted text is copied (TRANSIENT).
        let rc = unsafe {
            match value {
                Value::Text(Some(s)) => ffi::sqlite3_bind_text64(
                    stmt,
                    n,
                    s.as_ptr().cast::<c_char>(),
                    s.len() as u64,
                    ffi::SQLITE_STATIC(),
                    ffi::SQLITE_UTF8 as u8,
                ),
                Value::Int(Some(v)) => ffi::sqlite3_bind_int64(stmt, n, *v),
                Value::Int32(Some(v)) => ffi::sqlite3_bind_int64(stmt, n, i64::from(*v)),
                Value::Bool(v) => ffi::sqlite3_bind_int64(stmt, n, i64::from(*v)),
                Value::Date(Some(d)) => bind_copy(stmt, n, &d.format("%F").to_string()),
                Value::Time(Some(t)) => bind_copy(
                    stmt,
                    n,
                    &t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
                ),
                Value::Text(None)
                | Value::Int(None)
                | Value::Int32(None)
                | Value::Date(None)
                | Value::Time(None) => ffi::sqlite3_bind_null(stmt, n),
            }
        };
        check(self.db, rc)
    }

    /// Runs the insert and readies the statement for the next row.
    fn step(&self) -> Result<(), StoreError> {
        // SAFETY: `raw` is a live statement with every parameter bound.
        let rc = unsafe { ffi::sqlite3_step(self.raw.as_ptr()) };
        // SAFETY: as above; a reset repeats a failed step's error code.
        unsafe { ffi::sqlite3_reset(self.raw.as_ptr()) };
        if rc == ffi::SQLITE_DONE {
            Ok(())
        } else {
            check(self.db, rc)
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: `raw` was prepared on `db` and is finalized only here.
        unsafe { ffi::sqlite3_finalize(self.raw.as_ptr()) };
    }
}

/// Binds a copy of `text` (SQLite owns the copy).
///
/// # Safety
/// `stmt` must be a live statement.
unsafe fn bind_copy(stmt: *mut ffi::sqlite3_stmt, n: c_int, text: &str) -> c_int {
    // SAFETY: the caller's promise; SQLITE_TRANSIENT makes SQLite copy `text`.
    unsafe {
        ffi::sqlite3_bind_text64(
            stmt,
            n,
            text.as_ptr().cast::<c_char>(),
            text.len() as u64,
            ffi::SQLITE_TRANSIENT(),
            ffi::SQLITE_UTF8 as u8,
        )
    }
}

/// An error for a result code other than `SQLITE_OK`, with SQLite's message.
pub(super) fn check(db: NonNull<ffi::sqlite3>, rc: c_int) -> Result<(), StoreError> {
    if rc == ffi::SQLITE_OK {
        return Ok(());
    }
    // SAFETY: `db` is open; the message is a NUL-terminated string that
    // SQLite keeps until the next call on this connection, copied at once.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db.as_ptr())) };
    Err(failed(format!("{} (code {rc})", message.to_string_lossy())))
}

pub(super) fn failed(reason: String) -> StoreError {
    StoreError::Database(sqlx::Error::Io(std::io::Error::other(format!(
        "SQLite failed: {reason}"
    ))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use sqlx::Connection;

    /// Every kind of value, then every kind of null.
    fn rows() -> Vec<Vec<Value>> {
        let time = Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap()
            + chrono::Duration::microseconds(123_456);
        vec![
            vec![
                Value::Text(Some("Nông nghiệp 'x'".into())),
                Value::Int(Some(5_000_000_000)),
                Value::Int32(Some(-7)),
                Value::Bool(true),
                Value::Date(NaiveDate::from_ymd_opt(2023, 4, 1)),
                Value::Time(Some(time)),
            ],
            vec![
                Value::Text(None),
                Value::Int(None),
                Value::Int32(None),
                Value::Bool(false),
                Value::Date(None),
                Value::Time(None),
            ],
        ]
    }

    /// The table's rows, each value quoted with its storage class.
    async fn dump(conn: &mut sqlx::SqliteConnection, table: &str) -> Vec<String> {
        sqlx::query_scalar(&format!(
            "select quote(a) || typeof(a) || quote(b) || typeof(b) || quote(c) || quote(d) \
             || typeof(d) || quote(e) || typeof(e) || quote(f) || typeof(f) from {table} order by id"
        ))
        .fetch_all(conn)
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn rows_read_back_as_sqlx_writes_them() {
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        for table in ["direct", "viasqlx"] {
            sqlx::query(&format!(
                "create table {table} (id integer primary key, a text unique, b integer, \
                 c integer, d boolean, e date, f text)"
            ))
            .execute(&mut conn)
            .await
            .unwrap();
        }
        let sql = "insert into direct (a, b, c, d, e, f) values (?, ?, ?, ?, ?, ?)";
        let mut ids = Vec::new();
        insert_each(&mut conn.lock_handle().await.unwrap(), sql, &rows(), |id| {
            ids.push(id)
        })
        .unwrap();
        assert_eq!(ids, [1, 2]);

        let via_sqlx = sql.replace("direct", "viasqlx");
        for row in rows() {
            let mut query = sqlx::query(&via_sqlx);
            for value in row {
                query = match value {
                    Value::Text(v) => query.bind(v),
                    Value::Int(v) => query.bind(v),
                    Value::Int32(v) => query.bind(v),
                    Value::Bool(v) => query.bind(v),
                    Value::Date(v) => query.bind(v),
                    Value::Time(v) => query.bind(v),
                };
            }
            query.execute(&mut conn).await.unwrap();
        }
        let direct = dump(&mut conn, "direct").await;
        assert_eq!(direct, dump(&mut conn, "viasqlx").await);
        assert!(
            direct[0].contains("'2026-12-01T08:30:00.123456+00:00'text"),
            "{direct:?}"
        );
    }

    #[tokio::test]
    async fn a_refused_row_is_an_error_that_says_why() {
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        sqlx::query("create table t (id integer primary key, a text unique)")
            .execute(&mut conn)
            .await
            .unwrap();
        let row = [Value::Text(Some("same".into()))];
        let err = insert_each(
            &mut conn.lock_handle().await.unwrap(),
            "insert into t (a) values (?)",
            [&row, &row],
            drop,
        )
        .expect_err("the second row repeats a unique value");
        assert!(
            err.to_string().contains("UNIQUE constraint failed: t.a"),
            "{err}"
        );
        let err = insert_each(
            &mut conn.lock_handle().await.unwrap(),
            "insert into nowhere (a) values (?)",
            [&row],
            drop,
        )
        .expect_err("no such table");
        assert!(err.to_string().contains("no such table: nowhere"), "{err}");
    }
}
