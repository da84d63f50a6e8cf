//! The storage layer's errors, and how database errors map to them.

use super::*;

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
pub(super) fn on_unique_violation(err: sqlx::Error) -> StoreError {
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
