//! The storage layer's errors, and how database errors map to them.

use super::*;
use crate::error::Code;
use crate::model::Field;

/// Errors from the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed or refused a statement for a reason the user cannot fix.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database broke a deadlock or a serialisation conflict between
    /// concurrent writes by refusing this one: trying again succeeds.
    #[error("concurrent writes collided ({0}): {1}")]
    Retry(Sqlstate, sqlx::Error),
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

/// The SQLSTATE codes the store recognises, in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sqlstate {
    /// `40P01`: PostgreSQL broke a deadlock by refusing one of the writes.
    DeadlockDetected,
    /// `40001`: a serialisable transaction lost to a concurrent one.
    SerializationFailure,
}

impl Sqlstate {
    const TABLE: [(Sqlstate, &'static str); 2] = [
        (Sqlstate::DeadlockDetected, "40P01"),
        (Sqlstate::SerializationFailure, "40001"),
    ];

    /// The SQLSTATE of a database error, when it is one of ours.
    pub fn of(err: &sqlx::Error) -> Option<Self> {
        let sqlx::Error::Database(db) = err else {
            return None;
        };
        let code = db.code()?;
        Self::TABLE
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(state, _)| *state)
    }

    /// The five-character code.
    pub fn as_str(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(state, _)| *state == self)
            .map_or("", |(_, code)| code)
    }
}

impl std::fmt::Display for Sqlstate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match Sqlstate::of(&err) {
            Some(state) => StoreError::Retry(state, err),
            None => StoreError::Database(err),
        }
    }
}

impl StoreError {
    /// The code a client sees for this error.
    pub fn code(&self) -> Code {
        match self {
            StoreError::Invalid { .. } | StoreError::UnsupportedUrl => Code::BadUserInput,
            StoreError::NotFound => Code::NotFound,
            StoreError::Conflict | StoreError::Retry(..) => Code::Conflict,
            StoreError::Database(_) | StoreError::Migrate(_) | StoreError::ChangeLogPruned => {
                Code::Internal
            }
        }
    }

    /// A copy of an error shared by several waiters (a data loader's
    /// batch): the same kind, and the database's message as text.
    pub fn shared_copy(&self) -> StoreError {
        let text = |e: &sqlx::Error| sqlx::Error::Protocol(e.to_string());
        match self {
            StoreError::Database(e) => StoreError::Database(text(e)),
            StoreError::Retry(state, e) => StoreError::Retry(*state, text(e)),
            StoreError::Migrate(e) => StoreError::Database(sqlx::Error::Protocol(e.to_string())),
            StoreError::Invalid { index, errors } => StoreError::Invalid {
                index: *index,
                errors: errors.clone(),
            },
            StoreError::NotFound => StoreError::NotFound,
            StoreError::Conflict => StoreError::Conflict,
            StoreError::UnsupportedUrl => StoreError::UnsupportedUrl,
            StoreError::ChangeLogPruned => StoreError::ChangeLogPruned,
        }
    }

    fn invalid(index: usize, error: FieldError) -> Self {
        StoreError::Invalid {
            index,
            errors: vec![error],
        }
    }
}

/// Unique constraints a user can run into: a word of the constraint's name
/// (PostgreSQL names the constraint, SQLite the columns), the field at
/// fault, and what to tell the user.
const UNIQUE: [(&[&str], Field, &str); 4] = [
    (&["slug"], Field::Slug, "is already used by another profile"),
    (
        &["users_email", "users.email"],
        Field::Email,
        "is already registered",
    ),
    (
        &["owner"],
        Field::Owner,
        "this account already has a profile of this kind",
    ),
    (
        &["investments"],
        Field::Date,
        "this investor already has an investment in this startup for this round and date",
    ),
];

/// Maps a unique-constraint violation to the field a user can fix.
pub(super) fn on_unique_violation(err: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        let name = db
            .constraint()
            .map(str::to_string)
            .unwrap_or_else(|| db.message().to_string());
        for (words, field, message) in UNIQUE {
            if words.iter().any(|w| name.contains(w)) {
                return StoreError::invalid(
                    0,
                    FieldError::new(field, FieldErrorCode::Taken, message),
                );
            }
        }
    }
    StoreError::from(err)
}
