//! What the resolvers of one request know of it, put into the request as
//! one piece of data: async-graphql keeps each piece boxed in a map of its
//! own, and a handful of them cost a small query as much as its fields.

use std::net::IpAddr;

use async_graphql::Context;
use async_graphql::extensions::ExtensionContext;

use super::limits::{NoIntrospection, ReadOnly};
use super::loaders::Loaders;
use super::stated::ProseCache;
use crate::auth::Viewer;
use crate::matching::Lang;

/// One request's own data.
pub struct Scope {
    /// The id of the HTTP request the operation came in (for logs).
    pub request_id: String,
    /// The address the request came from (for sign-in throttling).
    pub address: Option<IpAddr>,
    /// The language of the request's `Accept-Language`.
    pub lang: Lang,
    /// The signed-in user, if any.
    pub viewer: Option<Viewer>,
    /// Set for GET: mutations are refused.
    pub read_only: Option<ReadOnly>,
    /// Set where introspection is refused, with the reason.
    pub no_introspection: Option<NoIntrospection>,
    /// Sector names for reading prose, loaded once per request.
    pub prose: ProseCache,
    /// The request's DataLoaders.
    pub loaders: Loaders,
}

impl Scope {
    /// The scope of the request a resolver answers, if it runs in one.
    pub fn of<'a>(ctx: &Context<'a>) -> Option<&'a Scope> {
        ctx.data_opt::<Scope>()
    }

    /// The scope of the request an extension sees, if any.
    pub fn of_extension<'a>(ctx: &ExtensionContext<'a>) -> Option<&'a Scope> {
        ctx.data_opt::<Scope>()
    }
}
