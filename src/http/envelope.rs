//! What every response gets on its way out, in one layer: the request's
//! `x-request-id` (the client's own when it sent a usable one, else a new
//! one), a tracing span named after it, and the JSON error shape for the
//! middleware's plain-text refusals (413 from the body limit, 408 from the
//! timeout).
//!
//! One layer rather than four: each tower layer wraps every request in a
//! future of its own, and for small queries those wrappers cost more than
//! the query (counted with callgrind on `{ __typename }`: the four layers
//! it replaces took a fifth of the instructions of a request).
//!
//! The span is at `DEBUG`, as tower-http's own default is: at the default
//! `info` filter it costs nothing, and every warning or error logged
//! inside a request names its request id itself.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, ready};

use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::Response;
use tracing::Instrument;
use tracing::instrument::Instrumented;

use super::json_error;
use crate::error::Code;

/// The request id header, read and written.
pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest request id kept from a client; longer ones are replaced.
const MAX_CLIENT_ID: usize = 128;

/// Request ids: a per-process prefix and a counter.
#[derive(Clone)]
pub struct Ids {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl Ids {
    /// Ids `prefix-1`, `prefix-2`, ….
    pub fn new(prefix: impl Into<Arc<str>>) -> Ids {
        Ids {
            prefix: prefix.into(),
            next: Arc::new(AtomicU64::new(1)),
        }
    }

    fn make(&self) -> HeaderValue {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .expect("a hex prefix and a number make a header value")
    }
}

/// The layer to put around the routes, outside the body limit and the
/// timeout whose refusals it reshapes.
#[derive(Clone)]
pub struct EnvelopeLayer {
    ids: Ids,
}

impl EnvelopeLayer {
    /// Gives requests without a usable id one of `ids`.
    pub fn new(ids: Ids) -> EnvelopeLayer {
        EnvelopeLayer { ids }
    }
}

impl<S> tower_layer::Layer<S> for EnvelopeLayer {
    type Service = Envelope<S>;

    fn layer(&self, inner: S) -> Envelope<S> {
        Envelope {
            inner,
            ids: self.ids.clone(),
        }
    }
}

/// The service of [`EnvelopeLayer`] around `S`.
#[derive(Clone)]
pub struct Envelope<S> {
    inner: S,
    ids: Ids,
}

impl<S, B> tower_service::Service<Request<B>> for Envelope<S>
where
    S: tower_service::Service<Request<B>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = EnvelopeFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let id = match request.headers().get(&REQUEST_ID) {
            Some(id) if usable(id) => id.clone(),
            _ => {
                let id = self.ids.make();
                request.headers_mut().insert(REQUEST_ID.clone(), id.clone());
                id
            }
        };
        let span = tracing::debug_span!(
            "request",
            method = %request.method(),
            uri = %request.uri().path(),
            request_id = id.to_str().unwrap_or("-"),
        );
        EnvelopeFuture {
            inner: self.inner.call(request).instrument(span),
            id: Some(id),
        }
    }
}

/// A client's id is kept when it is short printable text: it goes into
/// logs and back into the response.
fn usable(id: &HeaderValue) -> bool {
    !id.is_empty() && id.len() <= MAX_CLIENT_ID && id.to_str().is_ok()
}

pin_project_lite::pin_project! {
    /// The response of [`Envelope`]: the inner one, in the request's span,
    /// with its id and error shape.
    pub struct EnvelopeFuture<F> {
        #[pin]
        inner: Instrumented<F>,
        id: Option<HeaderValue>,
    }
}

impl<F, E> Future for EnvelopeFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut response = coded(ready!(this.inner.poll(cx))?);
        if let Some(id) = this.id.take() {
            response.headers_mut().insert(REQUEST_ID.clone(), id);
        }
        Poll::Ready(Ok(response))
    }
}

/// Gives the middleware's plain-text refusals (413 from the body limit,
/// 408 from the timeout) the same JSON shape and codes as every other error.
fn coded(response: Response) -> Response {
    let (code, message) = match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE => (
            Code::PayloadTooLarge,
            "the request body is larger than this server accepts",
        ),
        StatusCode::REQUEST_TIMEOUT => {
            (Code::Timeout, "the request took too long and was cancelled")
        }
        _ => return response,
    };
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    let mut response = if is_json {
        response
    } else {
        json_error(response.status(), code, message)
    };
    // Both may leave the rest of the body unread, so this connection cannot
    // carry another request: say so, or a client's pool may reuse it and
    // see it closed under its next request.
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client's id travels into logs and back out: short printable text
    /// is kept, anything else is replaced by the server's own.
    #[test]
    fn only_short_printable_ids_are_kept() {
        assert!(usable(&HeaderValue::from_static("abc-123")));
        assert!(!usable(&HeaderValue::from_static("")));
        let long = "x".repeat(MAX_CLIENT_ID + 1);
        assert!(!usable(&HeaderValue::from_str(&long).unwrap()));
        let not_text = HeaderValue::from_bytes(b"caf\xe9").unwrap();
        assert!(!usable(&not_text));
    }

    #[test]
    fn ids_count_up_under_their_prefix() {
        let ids = Ids::new("ab12");
        assert_eq!(ids.make(), "ab12-1");
        assert_eq!(ids.make(), "ab12-2");
    }
}
