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
//! 5. [`query`], [`export`] and [`push`]: the bundled SPARQL queries, RDF
//!    serialisations, and loading into external triple stores over HTTP.

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
