//! ketnoi: a GraphQL backend for innovative-startup ecosystems.

pub mod datafile;
pub mod error;
pub mod graphql;
pub mod model;
pub mod store;
