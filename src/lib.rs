//! ketnoi: a GraphQL backend for innovative-startup ecosystems.

pub mod datafile;
pub mod model;
pub mod store;
