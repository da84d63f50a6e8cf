//! Gives every top-level error an `extensions.code` and keeps internal
//! details out of responses.
//!
//! Resolvers return [`crate::error::Error`] with `?`; async-graphql keeps it
//! as the error's source. This extension, run on every request, reads that
//! source: user-facing errors get their code, internal ones are logged (with
//! the request id) and replaced by a generic message. Errors raised by
//! async-graphql itself get `GRAPHQL_PARSE_FAILED` (the document does not
//! parse) or `GRAPHQL_VALIDATION_FAILED` (it does not fit the schema, or
//! the variables do not fit it).

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextRequest,
};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Response, ServerError, ServerResult, Variables};

use crate::error::{Code, Error, INTERNAL_MESSAGE};
use crate::store::StoreError;

/// The request id of the HTTP request a GraphQL request came in (for logs).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// The extension factory to register on the schema.
pub struct ErrorCodes;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExtension)
    }
}

struct ErrorCodesExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for ErrorCodesExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        let request_id = ctx
            .data_opt::<RequestId>()
            .map(|r| r.0.as_str())
            .unwrap_or("-");
        for error in &mut response.errors {
            classify(error, request_id);
        }
        response
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        next.run(ctx, query, variables).await.map_err(|mut error| {
            let extensions = error.extensions.get_or_insert_with(Default::default);
            // Inner extensions (the alias limit) set their own code.
            if extensions.get("code").is_none() {
                extensions.set("code", Code::GraphqlParseFailed.as_str());
            }
            error
        })
    }
}

fn classify(error: &mut ServerError, request_id: &str) {
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
