//! ketnoi: a GraphQL backend for innovative-startup ecosystems.

pub mod app;
pub mod auth;
pub mod changes;
pub mod cli;
pub mod clock;
pub mod datafile;
pub mod error;
pub mod evaluate;
pub mod generate;
pub mod graphql;
pub mod http;
pub mod matching;
pub mod model;
pub mod ops;
pub mod report;
pub mod search;
pub mod spreadsheet;
pub mod store;
pub mod transfer;
pub mod vocabulary;
