//! # newsgraph
//!
//! Turns English news articles into an evidence-backed knowledge graph in RDF.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`ingest`]: files (text, HTML, JSON Lines) → [`ingest::Article`]s with metadata;
//! 2. [`extract`]: articles → mentions, entities and relations, with spans;
//! 3. [`graph`]: extractions → RDF quads with deterministic IRIs, merging entities across
//!    articles, in the vocabulary of `ontology/newsgraph.ttl`;
//! 4. [`store`]: an embedded Oxigraph store (RocksDB on disk, or in memory);
//! 5. [`query`], [`export`], [`push`], [`serve`] and [`viz`]: the bundled SPARQL
//!    queries, RDF serialisations, loading into external triple stores over HTTP, a
//!    SPARQL endpoint with a query page, and pictures of the graph.
//!
//! [`cli`] defines the command line (`src/main.rs` dispatches it), [`eval`] scores a
//! graph against gold annotations, [`synth`] writes synthetic corpora for benchmarks.

pub mod cli;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod serve;
pub mod store;
pub mod synth;
pub mod viz;
