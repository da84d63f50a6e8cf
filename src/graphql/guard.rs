//! The schema's one extension: everything the server checks or adds around
//! a request, in the order a request meets it.
//!
//! 1. The document's text may not nest deeper than the recursion limit
//!    (before anything parses it), and what it stands for once its
//!    fragments are expanded must be within the limits
//!    ([`super::limits::DocumentLimits`]).
//! 2. Automatic persisted queries: a client may send a query's SHA-256
//!    instead of its text once the server has seen it. Short texts the
//!    server has parsed before are not parsed again, nor validated again
//!    with the same operation and variables: a portal sends the same few
//!    documents over and over, and parsing and validating are most of the
//!    work of a small query ([`Seen`]).
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

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};

use async_graphql::extensions::apollo_persisted_queries::{CacheStorage, LruCacheStorage};
use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest, NextRequest,
    NextValidation,
};
use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Request, Response, ServerError, ServerResult, ValidationResult, Variables};
use lru::LruCache;
use sha2::{Digest, Sha256};

use super::errors;
use super::limits::{DocumentLimits, Shedding};
use super::order::Order;
use super::scope::Scope;

/// How many persisted queries a server remembers (least recently used go).
const PERSISTED_QUERIES: usize = 1024;

/// How many parsed documents a server keeps by their text, and how many
/// validation results by text, operation and variables (least recently
/// used go); the longest text and variables kept. Together they bound the
/// memory the caches can hold, whatever clients send.
const DOCUMENTS: usize = 256;
const VALIDATIONS: usize = 1024;
const MAX_CACHED_TEXT: usize = 4096;

/// Documents the server has parsed and validated before. Each was kept
/// only after it passed the text check and the document limits, and a
/// validation result only when validation passed; the limits and the
/// schema are fixed for the life of the server, so the same text,
/// operation and variables always get the same result.
#[derive(Clone)]
struct Seen {
    documents: Arc<Mutex<LruCache<String, ExecutableDocument>>>,
    validations: Arc<Mutex<LruCache<Validated, ValidationResult>>>,
}

/// What a validation result depends on besides the schema.
#[derive(PartialEq, Eq, Hash)]
struct Validated {
    text: String,
    operation: Option<String>,
    variables: String,
}

impl Seen {
    fn new() -> Seen {
        fn lru<K: std::hash::Hash + Eq, V>(n: usize) -> LruCache<K, V> {
            LruCache::new(NonZeroUsize::new(n).expect("a cache holds something"))
        }
        Seen {
            documents: Arc::new(Mutex::new(lru(DOCUMENTS))),
            validations: Arc::new(Mutex::new(lru(VALIDATIONS))),
        }
    }

    fn document(&self, text: &str) -> Option<ExecutableDocument> {
        lock(&self.documents).get(text).cloned()
    }

    fn keep_document(&self, text: &str, document: ExecutableDocument) {
        lock(&self.documents).put(text.to_string(), document);
    }

    fn validation(&self, key: &Validated) -> Option<ValidationResult> {
        lock(&self.validations).get(key).copied()
    }

    fn keep_validation(&self, key: Validated, result: ValidationResult) {
        lock(&self.validations).put(key, result);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The extension factory to register on the schema.
pub struct Guard {
    limits: DocumentLimits,
    shedding: Shedding,
    persisted: LruCacheStorage,
    seen: Seen,
}

impl Guard {
    /// Checks documents against `limits` and sheds heavy operations by
    /// `shedding`.
    pub fn new(limits: DocumentLimits, shedding: Shedding) -> Guard {
        Guard {
            limits,
            shedding,
            persisted: LruCacheStorage::new(PERSISTED_QUERIES),
            seen: Seen::new(),
        }
    }
}

impl ExtensionFactory for Guard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(GuardExtension {
            limits: self.limits.clone(),
            shedding: self.shedding.clone(),
            persisted: self.persisted.clone(),
            seen: self.seen.clone(),
            validated: Mutex::new(None),
            permit: Mutex::new(None),
            order: Mutex::new(None),
        })
    }
}

struct GuardExtension {
    limits: DocumentLimits,
    shedding: Shedding,
    persisted: LruCacheStorage,
    seen: Seen,
    /// What this request's validation result may be kept under.
    validated: Mutex<Option<Validated>>,
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
        let order = lock(&self.order).take();
        if let Some(order) = order {
            order.apply(&mut response.data);
        }
        let request_id = Scope::of_extension(ctx).map_or("-", |s| s.request_id.as_str());
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
        let mut request = request;
        let cacheable = !request.query.is_empty() && request.query.len() <= MAX_CACHED_TEXT;
        let cached = if cacheable {
            self.seen.document(&request.query)
        } else {
            None
        };
        let seen = cached.is_some();
        match cached {
            Some(document) => request.set_parsed_query(document),
            // The text first: the parser recurses once per level.
            None => self.limits.check_text(&request.query)?,
        }
        let mut request = self.persisted_query(request).await?;
        // A document that does not parse is reported by the parsing step
        // as usual; the parsed one is kept for it.
        let operation = request.operation_name.clone();
        let mut keep = None;
        if let Ok(document) = request.parsed_query() {
            self.limits.check(document)?;
            *lock(&self.order) = Order::of(document, operation.as_deref());
            if cacheable && !seen {
                keep = Some(document.clone());
            }
        }
        if let Some(document) = keep {
            self.seen.keep_document(&request.query, document);
        }
        if cacheable {
            let variables = if request.variables.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&request.variables).unwrap_or_default()
            };
            if variables.len() <= MAX_CACHED_TEXT {
                *lock(&self.validated) = Some(Validated {
                    text: request.query.clone(),
                    operation,
                    variables,
                });
            }
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
        let key = lock(&self.validated).take();
        let result = match key.as_ref().and_then(|key| self.seen.validation(key)) {
            Some(result) => result,
            None => {
                let result = next.run(ctx).await?;
                if let Some(key) = key {
                    self.seen.keep_validation(key, result);
                }
                result
            }
        };
        if let Some(permit) = self.shedding.admit(result.complexity)? {
            *lock(&self.permit) = Some(permit);
        }
        Ok(result)
    }
}
