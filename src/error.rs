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

/// The machine-readable code of an error: `extensions.code` in a GraphQL
/// response, `errors[0].extensions.code` in an HTTP refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// The request is malformed or asks for something impossible.
    BadUserInput,
    /// The body is not a GraphQL request at all.
    BadRequest,
    /// The requested object does not exist.
    NotFound,
    /// A signed-in user is needed (or the token is not valid).
    Unauthenticated,
    /// The signed-in user may not do this.
    Forbidden,
    /// Too many attempts; `retryAfter` says when to try again.
    RateLimited,
    /// A part of the service is not ready yet.
    Unavailable,
    /// The server is at its limit of requests in flight.
    Overloaded,
    /// The change collided with a concurrent one; retrying succeeds.
    Conflict,
    /// Ours, not the caller's; details are in the logs.
    Internal,
    /// The document does not parse.
    GraphqlParseFailed,
    /// The document does not fit the schema or a limit.
    GraphqlValidationFailed,
    /// The request body is over the size limit.
    PayloadTooLarge,
    /// The response would be over the size limit.
    ResponseTooLarge,
    /// The request took too long and was cancelled.
    Timeout,
    /// The HTTP method is not allowed here (a mutation over GET).
    MethodNotAllowed,
    /// The body's media type is not one we read.
    UnsupportedMediaType,
}

impl Code {
    /// The code as clients see it (`BAD_USER_INPUT`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::BadUserInput => "BAD_USER_INPUT",
            Code::BadRequest => "BAD_REQUEST",
            Code::NotFound => "NOT_FOUND",
            Code::Unauthenticated => "UNAUTHENTICATED",
            Code::Forbidden => "FORBIDDEN",
            Code::RateLimited => "RATE_LIMITED",
            Code::Unavailable => "UNAVAILABLE",
            Code::Overloaded => "OVERLOADED",
            Code::Conflict => "CONFLICT",
            Code::Internal => "INTERNAL",
            Code::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            Code::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
            Code::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            Code::ResponseTooLarge => "RESPONSE_TOO_LARGE",
            Code::Timeout => "TIMEOUT",
            Code::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            Code::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// The machine-readable code of the error.
    pub fn code(&self) -> Code {
        match self {
            Error::BadUserInput(_) | Error::Config(_) => Code::BadUserInput,
            Error::NotFound(_) => Code::NotFound,
            Error::Unauthenticated(_) => Code::Unauthenticated,
            Error::Forbidden(_) => Code::Forbidden,
            Error::RateLimited(_) => Code::RateLimited,
            Error::Unavailable(_) => Code::Unavailable,
            Error::Store(e) => e.code(),
            Error::Io(_) | Error::Search(_) | Error::Matching(_) => Code::Internal,
        }
    }

    /// Whether the error is ours rather than the caller's.
    pub fn is_internal(&self) -> bool {
        self.code() == Code::Internal
    }
}

/// The message shown to clients for internal errors.
pub const INTERNAL_MESSAGE: &str =
    "internal error: the operator has been notified; please retry later";

impl From<std::sync::Arc<StoreError>> for Error {
    fn from(err: std::sync::Arc<StoreError>) -> Self {
        match std::sync::Arc::try_unwrap(err) {
            Ok(e) => Error::Store(e),
            // Shared by several waiting resolvers: each gets a copy of the
            // same kind (a conflict stays a conflict).
            Err(shared) => Error::Store(shared.shared_copy()),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_shared_store_error_keeps_its_kind() {
        let shared = Arc::new(StoreError::Conflict);
        let _other_waiter = Arc::clone(&shared);
        let error = Error::from(shared);
        assert!(matches!(error, Error::Store(StoreError::Conflict)));
        assert_eq!(error.code(), Code::Conflict);
        assert_eq!(error.code().as_str(), "CONFLICT");

        let shared = Arc::new(StoreError::NotFound);
        let _other_waiter = Arc::clone(&shared);
        assert_eq!(Error::from(shared).code(), Code::NotFound);
    }
}
