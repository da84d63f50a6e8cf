//! SQLite's hot reads (rows by id, their link tables, the vocabularies):
//! prepared, bound and stepped on the calling task, on a pooled
//! connection's own handle.
//!
//! Through sqlx, a statement crosses to the connection's worker thread and
//! every row comes back as a message of its own, each value copied
//! (`sqlite3_value_dup`) on the way: for a nested GraphQL query, reading
//! a few hundred small rows, the thread switches cost more than SQLite's
//! own work. Here a statement costs one hand-over of the connection (the
//! worker thread waits while the caller holds the handle) and each row
//! what SQLite itself needs. Only reads of a bounded number of rows (at
//! most a batch of ids) come here: they take well under a millisecond
//! of the runtime's thread. Columns are found by name, so a row type
//! reads the same columns whatever the statement's order.

use std::ffi::{CStr, c_int};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use libsqlite3_sys as ffi;
use sqlx::SqlitePool;

use super::StoreError;
use super::rows::*;
use super::sqlite_load::{Statement, check};

/// A row type read straight from a statement's columns.
pub(super) trait FromColumns: Sized {
    /// The columns it reads, by name.
    const COLUMNS: &'static [&'static str];
    /// Reads the current row; `at[i]` is the index of `COLUMNS[i]`.
    fn read(row: &Row<'_>, at: &[c_int]) -> Result<Self, StoreError>;
}

/// The current row of a stepped statement.
pub(super) struct Row<'s> {
    statement: &'s Statement,
}

impl Row<'_> {
    /// The value of column `i`.
    pub(super) fn get<T: Column>(&self, i: c_int) -> Result<T, StoreError> {
        T::read(self.statement, i)
    }
}

/// A Rust type a column decodes to, as sqlx decodes it.
pub(super) trait Column: Sized {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError>;
}

fn is_null(statement: &Statement, i: c_int) -> bool {
    // SAFETY: `statement` has a current row; `i` is one of its columns.
    unsafe { ffi::sqlite3_column_type(statement.raw(), i) == ffi::SQLITE_NULL }
}

impl Column for i64 {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        // SAFETY: as in `is_null`.
        Ok(unsafe { ffi::sqlite3_column_int64(statement.raw(), i) })
    }
}

impl Column for i32 {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        // SAFETY: as in `is_null`.
        Ok(unsafe { ffi::sqlite3_column_int(statement.raw(), i) })
    }
}

impl Column for bool {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        Ok(i64::read(statement, i)? != 0)
    }
}

/// The text of column `i`, borrowed until the statement steps again.
fn text(statement: &Statement, i: c_int) -> Result<&str, StoreError> {
    // SAFETY: as in `is_null`. `sqlite3_column_text` comes before
    // `sqlite3_column_bytes`, as SQLite asks, and the bytes it points at
    // stay valid until the next step, reset or finalize, which need
    // `&mut` or ownership of the statement this borrow holds.
    let bytes = unsafe {
        let data = ffi::sqlite3_column_text(statement.raw(), i);
        if data.is_null() {
            return Ok("");
        }
        let len = ffi::sqlite3_column_bytes(statement.raw(), i);
        std::slice::from_raw_parts(data, len as usize)
    };
    std::str::from_utf8(bytes).map_err(|e| StoreError::Database(sqlx::Error::Decode(e.into())))
}

impl Column for String {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        Ok(text(statement, i)?.to_owned())
    }
}

impl Column for NaiveDate {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        let value = text(statement, i)?;
        NaiveDate::parse_from_str(value, "%F").map_err(|_| corrupt("a date", value))
    }
}

impl Column for DateTime<Utc> {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        // SAFETY: as in `is_null`.
        if unsafe { ffi::sqlite3_column_type(statement.raw(), i) } == ffi::SQLITE_INTEGER {
            let seconds = i64::read(statement, i)?;
            return DateTime::from_timestamp(seconds, 0)
                .ok_or_else(|| corrupt("a time", &seconds.to_string()));
        }
        let value = text(statement, i)?;
        parse_time(value).ok_or_else(|| corrupt("a time", value))
    }
}

/// A time as SQLite may hold one: RFC 3339 (as ketnoi writes them), or
/// one of SQLite's own formats, as sqlx reads them (UTC when no offset).
fn parse_time(value: &str) -> Option<DateTime<Utc>> {
    if let Ok(time) = DateTime::parse_from_rfc3339(value) {
        return Some(time.to_utc());
    }
    const FORMATS: [&str; 12] = [
        "%F %T%.f",
        "%F %R",
        "%F %RZ",
        "%F %R%:z",
        "%F %T%.fZ",
        "%F %T%.f%:z",
        "%FT%R",
        "%FT%RZ",
        "%FT%R%:z",
        "%FT%T%.f",
        "%FT%T%.fZ",
        "%FT%T%.f%:z",
    ];
    FORMATS.iter().find_map(|format| {
        DateTime::parse_from_str(value, format)
            .map(|t| t.to_utc())
            .ok()
            .or_else(|| {
                NaiveDateTime::parse_from_str(value, format)
                    .ok()
                    .map(|t| t.and_utc())
            })
    })
}

impl<T: Column> Column for Option<T> {
    fn read(statement: &Statement, i: c_int) -> Result<Self, StoreError> {
        if is_null(statement, i) {
            Ok(None)
        } else {
            T::read(statement, i).map(Some)
        }
    }
}

/// Implements [`FromColumns`] for a row struct: each field reads the
/// column of its name.
macro_rules! from_columns {
    ($($row:ident { $($field:ident),* $(,)? })*) => {$(
        impl FromColumns for $row {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),*];
            fn read(row: &Row<'_>, at: &[c_int]) -> Result<Self, StoreError> {
                let mut at = at.iter();
                Ok($row {
                    $($field: row.get(*at.next().expect("one index per column"))?,)*
                })
            }
        }
    )*};
}

from_columns! {
    SectorRow { id, slug, name, name_en }
    ProvinceRow { id, slug, name, region }
    OrganizationRow {
        id, slug, name, kind, province_id, description, website, email, phone, owner_id,
        established_on, created_at, updated_at,
    }
    StartupRow {
        id, slug, name, tagline, description, stage, province_id, organization_id, founded_on,
        team_size, tags, needs, seeking_amount, seeking_currency, website, email, phone,
        owner_id, created_at, updated_at,
    }
    InvestorRow {
        id, slug, name, kind, thesis, stages, ticket_min_amount, ticket_min_currency,
        ticket_max_amount, ticket_max_currency, active, website, email, phone, owner_id,
        created_at, updated_at,
    }
    MentorRow {
        id, slug, name, headline, bio, expertise, province_id, capacity, website, email, phone,
        owner_id, created_at, updated_at,
    }
    EventRow {
        id, slug, title, kind, description, starts_at, ends_at, province_id, organizer_id,
        website, scope, created_at, updated_at,
    }
    InvestmentRow { id, investor_id, startup_id, amount, currency, round, invested_on, confidential }
    ProgrammeRow {
        id, slug, name, kind, organization_id, province_id, starts_on, ends_on, capacity,
        budget_vnd, budget_source, topics, audience, description, description_en, website,
        created_at, updated_at,
    }
    CallRow {
        id, slug, programme_id, title, opens_at, closes_at, places, questions, criteria, max_years,
        stages, tags, created_at, updated_at,
    }
    SupportRow {
        id, slug, startup_id, recipient, programme_id, organization_id, kind, value_vnd,
        budget_source, given_on, note, origin, created_at, updated_at,
    }
    ClassRow {
        id, slug, programme_id, title, held_on, province_id, hours, trainer, created_at, updated_at,
    }
    PlanRow {
        id, slug, title, title_en, province_id, starts_on, ends_on, basis, basis_on, targets,
        created_at, updated_at,
    }
    AttendanceRow { id, class_id, person, organization, gender, audience, startup_id }
    ApplicationRow {
        id, call_id, startup_id, status, answers, created_at, updated_at, submitted_at, decided_at,
    }
    ApplicationLogRow { id, application_id, from_status, to_status, actor_id, reason, at }
    UserRow { id, email, password_hash, role, name, created_at }
    IntroductionRow {
        id, startup_id, investor_id, mentor_id, message, status, created_at, decided_at,
    }
}

/// A pair of integer columns (a link table's owner and value), read by
/// position.
impl FromColumns for (i64, i64) {
    const COLUMNS: &'static [&'static str] = &[];
    fn read(row: &Row<'_>, _: &[c_int]) -> Result<Self, StoreError> {
        Ok((row.get(0)?, row.get(1)?))
    }
}

/// The tracing target of the statements run here, logged at debug level.
pub const STATEMENT_LOG: &str = "ketnoi::sql";

/// Runs `sql` with the integer parameters `params` (`$1`, `$2`, … in order)
/// on a connection of `pool`, and reads every row.
pub(super) async fn fetch_all<R: FromColumns>(
    pool: &SqlitePool,
    sql: &str,
    params: &[i64],
) -> Result<Vec<R>, StoreError> {
    let mut conn = pool.acquire().await?;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle();
    let statement = Statement::prepare(db, sql)?;
    for (n, value) in params.iter().enumerate() {
        // SAFETY: `statement` is live; parameters count from 1.
        let rc = unsafe { ffi::sqlite3_bind_int64(statement.raw(), n as c_int + 1, *value) };
        check(db, rc)?;
    }
    let at = column_indexes(&statement, R::COLUMNS)?;
    let mut rows = Vec::new();
    loop {
        // SAFETY: `statement` is live, with every parameter bound.
        match unsafe { ffi::sqlite3_step(statement.raw()) } {
            ffi::SQLITE_ROW => rows.push(R::read(
                &Row {
                    statement: &statement,
                },
                &at,
            )?),
            ffi::SQLITE_DONE => {
                // As sqlx logs the statements it runs (`sqlx::query`).
                tracing::debug!(target: STATEMENT_LOG, statement = sql, rows = rows.len());
                return Ok(rows);
            }
            rc => {
                check(db, rc)?;
                return Err(super::sqlite_load::failed(format!("step returned {rc}")));
            }
        }
    }
}

/// The index of each of `names` among the statement's columns.
fn column_indexes(statement: &Statement, names: &[&str]) -> Result<Vec<c_int>, StoreError> {
    // SAFETY: `statement` is live; column names are NUL-terminated
    // strings SQLite keeps while the statement lives.
    let count = unsafe { ffi::sqlite3_column_count(statement.raw()) };
    let columns: Vec<&CStr> = (0..count)
        .map(|i| unsafe { CStr::from_ptr(ffi::sqlite3_column_name(statement.raw(), i)) })
        .collect();
    names
        .iter()
        .map(|name| {
            columns
                .iter()
                .position(|c| c.to_bytes() == name.as_bytes())
                .map(|i| i as c_int)
                .ok_or_else(|| super::sqlite_load::failed(format!("no column {name}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_sqlx_reads_them() {
        let at = |s: &str| parse_time(s).map(|t| t.to_rfc3339());
        assert_eq!(
            at("2026-12-01T08:30:00.123456+00:00").as_deref(),
            Some("2026-12-01T08:30:00.123456+00:00")
        );
        assert_eq!(
            at("2026-12-01T15:30:00+07:00").as_deref(),
            Some("2026-12-01T08:30:00+00:00")
        );
        assert_eq!(
            at("2026-12-01 08:30:00").as_deref(),
            Some("2026-12-01T08:30:00+00:00")
        );
        assert_eq!(at("yesterday"), None);
    }
}
