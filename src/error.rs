//! The application's error type and how each error reaches a client.
//!
//! Every error has a code (`extensions.code` in GraphQL). Errors the user can
//! fix carry their message; internal errors are logged with the request id
//! and answered with a generic message, so no SQL or internal detail leaks.

use crate::store::StoreError;

/// An error that ends a request or a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is malformed or asks for something impossible.
    #[error("{0}")]
    BadUserInput(String),
    /// The requested object does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request needs a signed-in user (or its token is not valid).
    #[error("{0}")]
    Unauthenticated(String),
    /// The signed-in user may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// Too many attempts; the client may retry after this many seconds.
    #[error("too many attempts: retry after {0} seconds")]
    RateLimited(u64),
    /// The storage layer failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Reading or writing a file failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A part of the service is not ready yet (retry shortly).
    #[error("{0}")]
    Unavailable(String),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    /// The matching engine failed.
    #[error(transparent)]
    Matching(#[from] crate::matching::engine::MatchError),
    /// A configuration file cannot be used.
    #[error(transparent)]
    Config(#[from] crate::matching::ConfigError),
}

impl Error {
    /// The machine-readable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::BadUserInput(_) => "BAD_USER_INPUT",
            Error::NotFound(_) => "NOT_FOUND",
            Error::Unauthenticated(_) => "UNAUTHENTICATED",
            Error::Forbidden(_) => "FORBIDDEN",
            Error::RateLimited(_) => "RATE_LIMITED",
            Error::Unavailable(_) => "UNAVAILABLE",
            Error::Store(e) => match e {
                StoreError::Invalid { .. } | StoreError::UnsupportedUrl => "BAD_USER_INPUT",
                StoreError::NotFound => "NOT_FOUND",
                StoreError::Conflict => "CONFLICT",
                // PostgreSQL broke a deadlock or a serialisation conflict
                // between concurrent writes: retrying succeeds.
                StoreError::Database(sqlx::Error::Database(db))
                    if matches!(db.code().as_deref(), Some("40P01" | "40001")) =>
                {
                    "CONFLICT"
                }
                StoreError::Database(_) | StoreError::Migrate(_) | StoreError::ChangeLogPruned => {
                    "INTERNAL"
                }
            },
            Error::Config(_) => "BAD_USER_INPUT",
            Error::Io(_) | Error::Search(_) | Error::Matching(_) => "INTERNAL",
        }
    }

    /// Whether the error is ours rather than the caller's.
    pub fn is_internal(&self) -> bool {
        self.code() == "INTERNAL"
    }
}

/// The message shown to clients for internal errors.
pub const INTERNAL_MESSAGE: &str =
    "internal error: the operator has been notified; please retry later";

impl From<std::sync::Arc<StoreError>> for Error {
    fn from(err: std::sync::Arc<StoreError>) -> Self {
        match std::sync::Arc::try_unwrap(err) {
            Ok(e) => Error::Store(e),
            // Shared by several waiting resolvers: keep the message, lose the source.
            Err(shared) => Error::Store(StoreError::Database(sqlx::Error::Protocol(
                shared.to_string(),
            ))),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
