//! The GraphQL API: one file per type, the roots in `query.rs` and
//! `mutation.rs`. Resolvers stay thin: they decode arguments, then call the
//! store through the request's DataLoaders.

pub mod account;
pub mod connection;
pub mod errors;
pub mod event;
pub mod ids;
pub mod introduction;
pub mod investor;
pub mod loaders;
pub mod mentor;
pub mod mutation;
pub mod organization;
pub mod query;
pub mod scalars;
pub mod startup;
pub mod taxonomy;

use async_graphql::{EmptySubscription, Schema, SchemaBuilder};

use crate::store::Store;

pub use mutation::Mutation;
pub use query::Query;

/// The schema type served at `/graphql`.
pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema's builder, without data: enough to print the SDL.
pub fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .extension(errors::ErrorCodes)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
}

/// The deepest query accepted: the relations form cycles (investor →
/// portfolio → startup → investments → investor ...), and the standard
/// introspection query needs 13 levels.
pub const MAX_DEPTH: usize = 15;

/// The most fields one query may select (each field costs 1).
pub const MAX_COMPLEXITY: usize = 5_000;

/// The schema with its store and accounts.
pub fn schema(store: Store, auth: std::sync::Arc<crate::auth::Auth>) -> AppSchema {
    builder().data(store).data(auth).finish()
}

/// The schema in SDL, sorted, as committed in `schema.graphql`.
pub fn sdl() -> String {
    use async_graphql::SDLExportOptions;
    builder().finish().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_arguments()
            .sorted_enum_items(),
    )
}
