//! newsdex: full-text search over news articles that knows who said what, where and when.
//!
//! The pipeline is a chain of plain functions over the types in [`model`]:
//! [`ingest`] reads files into articles, [`attribution`] splits them into passages with
//! speakers, [`index`] stores passages in tantivy, [`search`] answers queries and [`render`]
//! prints results for people or scripts; [`serve`] answers the same searches over HTTP;
//! [`statements`] groups the passages that carry one statement across articles.
//! [`pipeline`] runs the indexing stages in order and [`app`] maps each command-line command
//! onto them.

pub mod app;
pub mod attribution;
pub mod bench;
pub mod cli;
pub mod index;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod search;
pub mod serve;
pub mod statements;
