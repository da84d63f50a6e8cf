//! Gives every top-level error an `extensions.code` and keeps internal
//! details out of responses.
//!
//! Resolvers return [`crate::error::Error`] with `?`; async-graphql keeps it
//! as the error's source. The schema's extension ([`super::guard`]) hands
//! every error of every response to [`classify`], which reads that source: user-facing errors get their code, internal ones are logged (with
//! the request id) and replaced by a generic message. Errors raised by
//! async-graphql itself get `GRAPHQL_PARSE_FAILED` (the document does not
//! parse) or `GRAPHQL_VALIDATION_FAILED` (it does not fit the schema, or
//! the variables do not fit it).

use async_graphql::ServerError;

use crate::error::{Code, Error, INTERNAL_MESSAGE};
use crate::store::StoreError;

/// Gives a parse error its code (`GRAPHQL_PARSE_FAILED`), unless the
/// check that refused the document set its own (the alias limit).
pub(crate) fn parse_failed(mut error: ServerError) -> ServerError {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", Code::GraphqlParseFailed.as_str());
    }
    error
}

/// Gives a response's error its code, and replaces an internal error's
/// text by a generic message with the request id (logging the text).
pub(crate) fn classify(error: &mut ServerError, request_id: &str) {
    let existing = error
        .extensions
        .as_ref()
        .and_then(|e| e.get("code"))
        .is_some();
    let source = error.source.clone();
    let code = if let Some(app) = source.as_deref().and_then(|s| s.downcast_ref::<Error>()) {
        if app.is_internal() {
            tracing::error!(request_id, error = %app, path = ?error.path, "internal error in a resolver");
            error.message = format!("{INTERNAL_MESSAGE} (request id {request_id})");
        } else if let Error::Store(StoreError::Retry(..)) = app {
            // A database error the client can retry (a deadlock broken by
            // PostgreSQL): its code says so, its text stays in the logs.
            tracing::warn!(request_id, error = %app, path = ?error.path, "concurrent write collided");
            error.message = "the change collided with a concurrent one; please retry".to_string();
        }
        if let Error::RateLimited(seconds) = app {
            error
                .extensions
                .get_or_insert_with(Default::default)
                .set("retryAfter", *seconds);
        }
        app.code().as_str()
    } else if let Some(store) = source
        .as_deref()
        .and_then(|s| s.downcast_ref::<StoreError>())
    {
        // A store error that skipped `Error`: never show its text.
        tracing::error!(request_id, error = %store, path = ?error.path, "store error in a resolver");
        error.message = format!("{INTERNAL_MESSAGE} (request id {request_id})");
        Code::Internal.as_str()
    } else if existing {
        return;
    } else if error.path.is_empty() {
        Code::GraphqlValidationFailed.as_str()
    } else {
        // An error from async-graphql while resolving (e.g. an argument
        // validator): the user's input is at fault.
        Code::BadUserInput.as_str()
    };
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
}
