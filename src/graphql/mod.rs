//! The GraphQL API: one file per type, the roots in `query.rs` and
//! `mutation.rs`. Resolvers stay thin: they decode arguments, then call the
//! store through the request's DataLoaders.

pub mod account;
pub mod connection;
pub mod errors;
pub mod event;
pub mod guard;
pub mod ids;
pub mod inputs;
pub mod introduction;
pub mod investor;
pub mod limits;
pub mod loaders;
pub mod matching;
pub mod measure;
pub mod meetings;
pub mod mentor;
pub mod mutation;
pub mod order;
pub mod organization;
pub mod plan;
pub mod programme;
pub mod query;
pub mod scalars;
pub mod scope;
pub mod search;
pub mod startup;
pub mod stated;
pub mod support;
pub mod taxonomy;
pub mod training;

use async_graphql::{EmptySubscription, Schema, SchemaBuilder};

pub use limits::Limits;
pub use mutation::Mutation;
pub use query::Query;

/// The schema type served at `/graphql`.
pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema's builder, without data, limits or extension: enough to
/// print the SDL.
pub fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
}

/// The schema of an application (its store, index, engine and clock),
/// with its accounts and limits.
pub fn schema(
    app: crate::app::App,
    auth: std::sync::Arc<crate::auth::Auth>,
    limits: &Limits,
    shedding: limits::Shedding,
) -> AppSchema {
    let document_limits = limits::DocumentLimits {
        max_nesting: limits.max_recursive_depth,
        max_selections: limits.max_selections,
        max_depth: limits.max_depth,
        max_aliases: limits.max_aliases,
    };
    let mut builder = builder()
        .extension(guard::Guard::new(document_limits, shedding))
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(limits.max_recursive_depth)
        .limit_directives(limits.max_directives)
        .data(app.store.clone())
        .data(app.clock.clone())
        .data(auth)
        .data(app);
    if !limits.suggestions {
        builder = builder.disable_suggestions();
    }
    builder.finish()
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
