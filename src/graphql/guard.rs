//! The schema's one extension: everything the server checks or adds around
//! a request, in the order a request meets it.
//!
//! 1. The document's text may not nest deeper than the recursion limit
//!    (before anything parses it), and what it stands for once its
//!    fragments are expanded must be within the limits
//!    ([`super::limits::DocumentLimits`]).
//! 2. Automatic persisted queries: a client may send a query's SHA-256
//!    instead of its text once the server has seen it.
//! 3. Once parsed: GET runs no mutations, and introspection follows the
//!    setting.
//! 4. Once validated: heavy operations need a permit
//!    ([`super::limits::Shedding`]).
//! 5. The answer's fields are put in the order the document asks for them
//!    ([`super::order`]), and every error gets its `extensions.code`
//!    ([`super::errors`]).
//!
//! One extension rather than one per job: async-graphql runs every field's
//! resolver through each registered extension's `resolve` hook, so each
//! extension costs a hop per field of every response, although none of
//! these needs to see fields.

use std::sync::{Arc, Mutex, PoisonError};

use async_graphql::extensions::apollo_persisted_queries::{CacheStorage, LruCacheStorage};
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest, NextRequest,
    NextValidation,
};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Request, Response, ServerError, ServerResult, ValidationResult, Variables};
use sha2::{Digest, Sha256};

use super::errors::{self, RequestId};
use super::limits::{DocumentLimits, Shedding};
use super::order::Order;

/// How many persisted queries a server remembers (least recently used go).
const PERSISTED_QUERIES: usize = 1024;

/// The extension factory to register on the schema.
pub struct Guard {
    limits: DocumentLimits,
    shedding: Shedding,
    persisted: LruCacheStorage,
}

impl Guard {
    /// Checks documents against `limits` and sheds heavy operations by
    /// `shedding`.
    pub fn new(limits: DocumentLimits, shedding: Shedding) -> Guard {
        Guard {
            limits,
            shedding,
            persisted: LruCacheStorage::new(PERSISTED_QUERIES),
        }
    }
}

impl ExtensionFactory for Guard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(GuardExtension {
            limits: self.limits.clone(),
            shedding: self.shedding.clone(),
            persisted: self.persisted.clone(),
            permit: Mutex::new(None),
            order: Mutex::new(None),
        })
    }
}

struct GuardExtension {
    limits: DocumentLimits,
    shedding: Shedding,
    persisted: LruCacheStorage,
    /// The heavy permit of this request (one extension per request), held
    /// until its response is ready.
    permit: Mutex<Option<tokio::sync::OwnedSemaphorePermit>>,
    /// The order of the answer's fields, read from the document.
    order: Mutex<Option<Order>>,
}

/// The `persistedQuery` request extension.
#[derive(serde::Deserialize)]
struct PersistedQuery {
    version: i32,
    #[serde(rename = "sha256Hash")]
    sha256_hash: String,
}

impl GuardExtension {
    /// Replaces a persisted query's hash by its document, or remembers
    /// the document of a query sent with its hash.
    async fn persisted_query(&self, mut request: Request) -> ServerResult<Request> {
        let Some(value) = request.extensions.remove("persistedQuery") else {
            return Ok(request);
        };
        let persisted: PersistedQuery = async_graphql::from_value(value).map_err(|_| {
            ServerError::new("Invalid \"PersistedQuery\" extension configuration.", None)
        })?;
        if persisted.version != 1 {
            return Err(ServerError::new(
                format!(
                    "Only the \"PersistedQuery\" extension of version \"1\" is supported, \
                     and the current version is \"{}\".",
                    persisted.version
                ),
                None,
            ));
        }
        if request.query.is_empty() {
            return match self.persisted.get(persisted.sha256_hash).await {
                Some(document) => {
                    request.set_parsed_query(document);
                    Ok(request)
                }
                None => Err(ServerError::new("PersistedQueryNotFound", None)),
            };
        }
        let hash = format!("{:x}", Sha256::digest(request.query.as_bytes()));
        if persisted.sha256_hash != hash {
            return Err(ServerError::new("provided sha does not match query", None));
        }
        let document = request
            .parsed_query()
            .map_err(|e| errors::parse_failed(e.clone()))?
            .clone();
        self.persisted.set(hash, document).await;
        Ok(request)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for GuardExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        let order = self
            .order
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(order) = order {
            order.apply(&mut response.data);
        }
        let request_id = ctx
            .data_opt::<RequestId>()
            .map(|r| r.0.as_str())
            .unwrap_or("-");
        for error in &mut response.errors {
            errors::classify(error, request_id);
        }
        response
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        // The text first: the parser recurses once per level.
        self.limits.check_text(&request.query)?;
        let mut request = self.persisted_query(request).await?;
        // A document that does not parse is reported by the parsing step
        // as usual; the parsed one is kept for it.
        let operation = request.operation_name.clone();
        if let Ok(document) = request.parsed_query() {
            self.limits.check(document)?;
            *self.order.lock().unwrap_or_else(PoisonError::into_inner) =
                Order::of(document, operation.as_deref());
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next
            .run(ctx, query, variables)
            .await
            .map_err(errors::parse_failed)?;
        super::limits::check_parsed(ctx, &document)?;
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if let Some(permit) = self.shedding.admit(result.complexity)? {
            *self.permit.lock().unwrap_or_else(PoisonError::into_inner) = Some(permit);
        }
        Ok(result)
    }
}
