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

mod error;
mod query;
mod report;
mod rows;
mod sqlite_load;
mod sqlite_read;
pub use sqlite_read::STATEMENT_LOG;
mod writes;

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::model::{
    self, ApplicationDraft, AttendanceDraft, CallDraft, ClassDraft, ProgrammeDraft, SupportDraft,
};
use crate::model::{
    Event, EventKind, FieldError, FieldErrorCode, Introduction, IntroductionLogEntry,
    IntroductionStatus, Investment, Investor, InvestorKind, MatchFeedback, Mentor, Organization,
    OrganizationKind, Participant, Province, Recipient, Role, Sector, Stage, Startup, StartupTag,
    Topic, User,
};
use crate::model::{
    EventDraft, InvestmentDraft, InvestorDraft, MentorDraft, OrganizationDraft, ProvinceDraft,
    SectorDraft, StartupDraft,
};
pub use error::*;
pub use query::*;
pub use report::*;
pub use rows::*;
pub use writes::*;

/// Which SQL dialect a statement is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

mod sqlite;

mod postgres;

/// What a write resolves its drafts against: slug-to-id maps of referenced
/// entities, filled from the database on demand and kept for the length of
/// an import, and the day "in the future" is measured from.
#[derive(Debug)]
pub struct RefCache {
    maps: HashMap<Table, HashMap<String, i64>>,
    today: NaiveDate,
}

impl RefCache {
    fn new(today: NaiveDate) -> Self {
        RefCache {
            maps: HashMap::new(),
            today,
        }
    }

    /// The day drafts are checked on (no founding or investment after it).
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    fn get(&self, table: Table, slug: &str) -> Option<i64> {
        self.maps.get(&table).and_then(|m| m.get(slug)).copied()
    }

    fn insert(&mut self, table: Table, slug: String, id: i64) {
        self.maps.entry(table).or_default().insert(slug, id);
    }
}

/// Counts per record type written by an import.
pub type ImportCounts = Vec<(&'static str, usize)>;

/// Store methods that read drafts of one kind back, by id or in order.
macro_rules! draft_readers {
    ($($(#[$doc:meta])* $name:ident -> $draft:ty,)*) => {$(
        $(#[$doc])*
        pub async fn $name(
            &self,
            select: RecordSelect<'_>,
        ) -> Result<Vec<(i64, $draft)>, StoreError> {
            dispatch!(self, read, $name(select))
        }
    )*};
}

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

/// How long a PostgreSQL connection may have been idle before it is
/// pinged before use.
const PING_IF_IDLE_FOR: Duration = Duration::from_secs(10);

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
            // sqlx pings a connection on every acquire by default: a round
            // trip to the server per statement. Only a connection idle for
            // a while (which the server or the network may have dropped)
            // is pinged before use.
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for >= PING_IF_IDLE_FOR {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
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
        // A SQLite connection cannot be dropped by a server: no ping (a
        // round trip to its worker thread) before each use.
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(writer_options)
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
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

    /// The SQL dialect of the database.
    pub fn dialect(&self) -> Dialect {
        match self {
            Store::Sqlite { .. } => Dialect::Sqlite,
            Store::Postgres(_) => Dialect::Postgres,
        }
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
        dispatch!(self, read, startups_by_ids(ids, false))
    }

    /// Like [`Store::startups_by_ids`], but without their tagline and description (left
    /// empty): for answers that do not show them.
    pub async fn startups_by_ids_brief(&self, ids: &[i64]) -> Result<Vec<Startup>, StoreError> {
        dispatch!(self, read, startups_by_ids(ids, true))
    }

    /// Investors by id.
    pub async fn investors_by_ids(&self, ids: &[i64]) -> Result<Vec<Investor>, StoreError> {
        dispatch!(self, read, investors_by_ids(ids, false))
    }

    /// Like [`Store::investors_by_ids`], but without their thesis (left
    /// empty): for answers that do not show them.
    pub async fn investors_by_ids_brief(&self, ids: &[i64]) -> Result<Vec<Investor>, StoreError> {
        dispatch!(self, read, investors_by_ids(ids, true))
    }

    /// Mentors by id.
    pub async fn mentors_by_ids(&self, ids: &[i64]) -> Result<Vec<Mentor>, StoreError> {
        dispatch!(self, read, mentors_by_ids(ids))
    }

    /// Organisations by id.
    pub async fn organizations_by_ids(&self, ids: &[i64]) -> Result<Vec<Organization>, StoreError> {
        dispatch!(self, read, organizations_by_ids(ids, false))
    }

    /// Like [`Store::organizations_by_ids`], but without their description (left
    /// empty): for answers that do not show them.
    pub async fn organizations_by_ids_brief(
        &self,
        ids: &[i64],
    ) -> Result<Vec<Organization>, StoreError> {
        dispatch!(self, read, organizations_by_ids(ids, true))
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

    draft_readers! {
        /// Reads startups back as drafts, by id or in id order after a given
        /// id (for export); each comes with its id.
        startup_drafts -> StartupDraft,
        /// Reads investors back as drafts (see [`Store::startup_drafts`]).
        investor_drafts -> InvestorDraft,
        /// Reads mentors back as drafts (see [`Store::startup_drafts`]).
        mentor_drafts -> MentorDraft,
        /// Reads organisations back as drafts (see [`Store::startup_drafts`]).
        organization_drafts -> OrganizationDraft,
        /// Reads events back as drafts (see [`Store::startup_drafts`]).
        event_drafts -> EventDraft,
        /// Reads programmes back as drafts (see [`Store::startup_drafts`]).
        programme_drafts -> ProgrammeDraft,
        /// Reads calls for applications back as drafts (see [`Store::startup_drafts`]).
        call_drafts -> CallDraft,
        /// Reads support records back as drafts (see [`Store::startup_drafts`]).
        support_drafts -> SupportDraft,
        /// Reads training classes back as drafts (see [`Store::startup_drafts`]).
        class_drafts -> ClassDraft,
        /// Reads plans back as drafts (see [`Store::startup_drafts`]).
        plan_drafts -> model::PlanDraft,
    }

    /// Plans by id.
    pub async fn plans_by_ids(&self, ids: &[i64]) -> Result<Vec<model::Plan>, StoreError> {
        dispatch!(self, read, plans_by_ids(ids))
    }

    /// The ids of the plans (of a province), the latest first.
    pub async fn plan_ids(&self, province: Option<i64>) -> Result<Vec<i64>, StoreError> {
        dispatch!(self, read, plan_ids(province))
    }

    /// The values entered for a plan's targets.
    pub async fn indicator_entries(
        &self,
        plan: i64,
    ) -> Result<Vec<model::IndicatorEntry>, StoreError> {
        dispatch!(self, read, indicator_entries(plan))
    }

    /// Enters (or replaces) the value of a plan's target for a year (0:
    /// the whole period).
    pub async fn enter_indicator_value(
        &self,
        entry: &model::IndicatorEntry,
    ) -> Result<(), StoreError> {
        dispatch!(self, write, enter_indicator_value(entry))
    }

    /// Removes an entered value; whether there was one.
    pub async fn clear_indicator_value(
        &self,
        plan: i64,
        target: &str,
        year: i32,
    ) -> Result<bool, StoreError> {
        dispatch!(self, write, clear_indicator_value(plan, target, year))
    }

    /// An indicator's figures (see [`IndicatorQuery`]).
    pub async fn indicator_figures(&self, q: &IndicatorQuery) -> Result<Vec<Figure>, StoreError> {
        dispatch!(self, read, indicator_figures(q))
    }

    /// The records behind an indicator's figure, a page of them, and how
    /// many in all.
    pub async fn indicator_contributors(
        &self,
        q: &IndicatorQuery,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<Contributor>, i64), StoreError> {
        dispatch!(self, read, indicator_contributors(q, offset, limit))
    }

    /// Investments as drafts, in id order after the given id.
    pub async fn investment_drafts(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, InvestmentDraft)>, StoreError> {
        dispatch!(self, read, investment_drafts(after, limit))
    }

    /// Writes a batch of drafts in one transaction (see [`Batch`]); returns
    /// the ids of the written profiles by slug. Profiles created with
    /// [`WriteMode::Insert`] belong to `owner`.
    pub async fn write(
        &self,
        batch: &Batch,
        mode: WriteMode,
        owner: Option<i64>,
        today: NaiveDate,
    ) -> Result<HashMap<String, i64>, StoreError> {
        let mut cache = RefCache::new(today);
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
        now: DateTime<Utc>,
    ) -> Result<Result<Introduction, IntroductionRefusal>, StoreError> {
        dispatch!(self, write, decide_introduction(id, to, actor, now))
    }

    /// Programmes by id.
    pub async fn programmes_by_ids(
        &self,
        ids: &[i64],
    ) -> Result<Vec<model::Programme>, StoreError> {
        dispatch!(self, read, programmes_by_ids(ids))
    }

    /// Calls for applications by id.
    pub async fn calls_by_ids(&self, ids: &[i64]) -> Result<Vec<model::Call>, StoreError> {
        dispatch!(self, read, calls_by_ids(ids))
    }

    /// Support records by id.
    pub async fn support_by_ids(
        &self,
        ids: &[i64],
    ) -> Result<Vec<model::SupportRecord>, StoreError> {
        dispatch!(self, read, support_by_ids(ids))
    }

    /// Gives an application to reviewers (users).
    pub async fn assign_reviewers(
        &self,
        application: i64,
        reviewers: &[i64],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        dispatch!(self, write, assign_reviewers(application, reviewers, now))
    }

    /// Records a reviewer's scores while the application stands in one of
    /// `open`; false when the reviewer was not given it or it moved on.
    #[allow(clippy::too_many_arguments)]
    pub async fn score_application(
        &self,
        application: i64,
        reviewer: i64,
        open: &[model::ApplicationStatus],
        scores: &[i32],
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        dispatch!(
            self,
            write,
            score_application(application, reviewer, open, scores, comment, now)
        )
    }

    /// The reviews of these applications.
    pub async fn reviews_of(&self, applications: &[i64]) -> Result<Vec<model::Review>, StoreError> {
        dispatch!(self, read, reviews_by("application_id", applications))
    }

    /// The reviews given to these users.
    pub async fn reviews_by(&self, reviewers: &[i64]) -> Result<Vec<model::Review>, StoreError> {
        dispatch!(self, read, reviews_by("reviewer_id", reviewers))
    }

    /// Confirms mentors for a call's cohort (see the SQL's
    /// `confirm_mentorships`): all pairs or none.
    pub async fn confirm_mentorships(
        &self,
        call: i64,
        pairs: &[(i64, i64)],
        actor: Option<i64>,
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<Result<usize, MentorshipRefusal>, StoreError> {
        dispatch!(
            self,
            write,
            confirm_mentorships(call, pairs, actor, message, now)
        )
    }

    /// The programme mentorships of these calls, oldest first.
    pub async fn mentorships_of_calls(&self, calls: &[i64]) -> Result<Vec<Mentorship>, StoreError> {
        dispatch!(self, read, mentorships_by("call_id", calls))
    }

    /// The programme mentorships of these startups, oldest first.
    pub async fn mentorships_of_startups(
        &self,
        startups: &[i64],
    ) -> Result<Vec<Mentorship>, StoreError> {
        dispatch!(self, read, mentorships_by("startup_id", startups))
    }

    /// The programme mentorships of these mentors, oldest first.
    pub async fn mentorships_of_mentors(
        &self,
        mentors: &[i64],
    ) -> Result<Vec<Mentorship>, StoreError> {
        dispatch!(self, read, mentorships_by("mentor_id", mentors))
    }

    /// Training classes by id.
    pub async fn classes_by_ids(
        &self,
        ids: &[i64],
    ) -> Result<Vec<model::TrainingClass>, StoreError> {
        dispatch!(self, read, classes_by_ids(ids))
    }

    /// The training classes of these programmes, by day.
    pub async fn classes_of_programmes(
        &self,
        programmes: &[i64],
    ) -> Result<Vec<model::TrainingClass>, StoreError> {
        dispatch!(self, read, classes_of_programmes(programmes))
    }

    /// Who attended these classes.
    pub async fn attendance_of_classes(
        &self,
        classes: &[i64],
    ) -> Result<Vec<model::Attendance>, StoreError> {
        dispatch!(self, read, attendance_of_classes(classes))
    }

    /// What the classes of these programmes reached, per programme (those
    /// without classes are left out).
    pub async fn training_totals(
        &self,
        programmes: &[i64],
    ) -> Result<Vec<(i64, model::TrainingTotals)>, StoreError> {
        dispatch!(self, read, training_totals(programmes))
    }

    /// Applications as drafts, in id order after the given id (for export).
    pub async fn application_drafts(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, ApplicationDraft)>, StoreError> {
        dispatch!(self, read, application_drafts(after, limit))
    }

    /// Attendance as drafts, in id order after the given id (for export).
    pub async fn attendance_drafts(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, AttendanceDraft)>, StoreError> {
        dispatch!(self, read, attendance_drafts(after, limit))
    }

    /// Records attendance (upserting by class and person) and the training
    /// support it means for the startups named, in one transaction.
    pub async fn record_attendance(
        &self,
        batch: &Batch,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        dispatch!(self, write, record_attendance(batch, now, today))
    }

    /// Starts a startup's application to a call, as a draft.
    pub async fn create_application(
        &self,
        call: i64,
        startup: i64,
        answers: &[String],
        actor: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<Result<model::Application, ApplicationRefusal>, StoreError> {
        dispatch!(
            self,
            write,
            create_application(call, startup, answers, actor, now)
        )
    }

    /// Replaces the answers of an application still in DRAFT.
    pub async fn set_application_answers(
        &self,
        id: i64,
        answers: &[String],
        now: DateTime<Utc>,
    ) -> Result<Result<model::Application, ApplicationRefusal>, StoreError> {
        dispatch!(self, write, set_application_answers(id, answers, now))
    }

    /// Moves an application (see [`ApplicationMove`]).
    pub async fn move_application(
        &self,
        m: &ApplicationMove<'_>,
    ) -> Result<Result<model::Application, ApplicationRefusal>, StoreError> {
        dispatch!(self, write, move_application(m))
    }

    /// Applications by id.
    pub async fn applications_by_ids(
        &self,
        ids: &[i64],
    ) -> Result<Vec<model::Application>, StoreError> {
        dispatch!(self, read, applications_by_ids(ids))
    }

    /// The applications sent to these calls (drafts are the applicants'
    /// own), oldest first.
    pub async fn applications_of_calls(
        &self,
        calls: &[i64],
    ) -> Result<Vec<model::Application>, StoreError> {
        dispatch!(self, read, applications_by("call_id", calls, false))
    }

    /// The applications of these startups, drafts included, oldest first.
    pub async fn applications_of_startups(
        &self,
        startups: &[i64],
    ) -> Result<Vec<model::Application>, StoreError> {
        dispatch!(self, read, applications_by("startup_id", startups, true))
    }

    /// The moves of these applications, oldest first.
    pub async fn application_log(
        &self,
        applications: &[i64],
    ) -> Result<Vec<model::ApplicationLogEntry>, StoreError> {
        dispatch!(self, read, application_log(applications))
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
    pub async fn begin_import(&self, today: NaiveDate) -> Result<ImportTx, StoreError> {
        Ok(match self {
            Store::Sqlite { write, .. } => {
                // The write lock from the start: no other process can write
                // to the tables found empty until the import ends.
                let mut tx = write.begin_with("begin immediate").await?;
                let bulk = sqlite::prepare_bulk(&mut tx).await?;
                ImportTx::Sqlite(tx, RefCache::new(today), bulk)
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
                ImportTx::Postgres(tx, RefCache::new(today), bulk, Default::default())
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
            ListQuery::Programmes(ProgrammeFilter::default()),
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
    /// `startup`, `investor`, `mentor`, `organization`, `event`,
    /// `investment`, `introduction`, `feedback`, `sector` or `province`.
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
            ImportTx::Sqlite(tx, cache, bulk) => {
                sqlite::finish_import(tx, bulk.finishing(), cache.today()).await
            }
            ImportTx::Postgres(mut tx, cache, bulk, mut pipeline) => {
                pipeline.flush(&mut tx).await?;
                postgres::finish_import(tx, bulk.finishing(), cache.today()).await
            }
        }
    }
}

/// Which rows to read back as drafts.
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
    Sectors(Vec<SectorDraft>),
    Provinces(Vec<ProvinceDraft>),
    Organizations(Vec<OrganizationDraft>),
    Startups(Vec<StartupDraft>),
    Investors(Vec<InvestorDraft>),
    Mentors(Vec<MentorDraft>),
    Events(Vec<EventDraft>),
    Investments(Vec<InvestmentDraft>),
    Programmes(Vec<ProgrammeDraft>),
    Calls(Vec<CallDraft>),
    Support(Vec<SupportDraft>),
    Classes(Vec<ClassDraft>),
    Attendance(Vec<AttendanceDraft>),
    Applications(Vec<ApplicationDraft>),
    Plans(Vec<model::PlanDraft>),
}

impl Batch {
    /// How many drafts the batch holds.
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
            Batch::Programmes(v) => v.len(),
            Batch::Calls(v) => v.len(),
            Batch::Support(v) => v.len(),
            Batch::Classes(v) => v.len(),
            Batch::Attendance(v) => v.len(),
            Batch::Applications(v) => v.len(),
            Batch::Plans(v) => v.len(),
        }
    }

    /// Whether the batch is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How the batch's drafts are written (their table and link tables).
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
            Batch::Programmes(_) => &PROGRAMME_SPEC,
            Batch::Calls(_) => &CALL_SPEC,
            Batch::Support(_) => &SUPPORT_SPEC,
            Batch::Classes(_) => &CLASS_SPEC,
            Batch::Attendance(_) => &ATTENDANCE_SPEC,
            Batch::Applications(_) => &APPLICATION_SPEC,
            Batch::Plans(_) => &PLAN_SPEC,
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
            Batch::Programmes(_) => Some(Table::Programmes),
            Batch::Classes(_) => Some(Table::Classes),
            Batch::Calls(_) => Some(Table::Calls),
            Batch::Mentors(_)
            | Batch::Events(_)
            | Batch::Investments(_)
            | Batch::Support(_)
            | Batch::Attendance(_)
            | Batch::Applications(_)
            | Batch::Plans(_) => None,
        }
    }

    /// The table of the batch's records when they are profiles with owners.
    pub fn owned_table(&self) -> Option<Table> {
        match self {
            Batch::Organizations(_) => Some(Table::Organizations),
            Batch::Startups(_) => Some(Table::Startups),
            Batch::Investors(_) => Some(Table::Investors),
            Batch::Mentors(_) => Some(Table::Mentors),
            Batch::Sectors(_)
            | Batch::Provinces(_)
            | Batch::Events(_)
            | Batch::Investments(_)
            | Batch::Programmes(_)
            | Batch::Calls(_)
            | Batch::Support(_)
            | Batch::Classes(_)
            | Batch::Attendance(_)
            | Batch::Applications(_)
            | Batch::Plans(_) => None,
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
    /// When the request is made (the cool-off is measured from it).
    pub now: DateTime<Utc>,
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

/// A move of an application through its workflow.
#[derive(Debug)]
pub struct ApplicationMove<'a> {
    pub id: i64,
    /// Its call (locked while the accepted are counted).
    pub call_id: i64,
    /// The status the move was judged from: the move happens only if the
    /// application still stands there.
    pub from: model::ApplicationStatus,
    pub to: model::ApplicationStatus,
    /// The user who moves it.
    pub actor: Option<i64>,
    pub reason: Option<&'a str>,
    pub now: DateTime<Utc>,
}

/// Why an application was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplicationRefusal {
    NotFound,
    /// The startup has an application to this call already, standing here.
    AlreadyApplied(model::ApplicationStatus),
    /// It no longer stands where the change was judged from: it stands here.
    Stale(model::ApplicationStatus),
    /// The call's cohort has all its places (this many) taken.
    Full(i32),
}

/// Why mentors were not confirmed for a cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentorshipRefusal {
    /// This startup is not in the call's cohort.
    NotInCohort(i64),
    /// There is no mentor with this id.
    UnknownMentor(i64),
    /// The mentor would pass their capacity.
    Full { mentor: i64, capacity: i32 },
}

/// A mentorship of a programme: `(call, startup, mentor, since)`.
pub type Mentorship = (i64, i64, i64, DateTime<Utc>);

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
