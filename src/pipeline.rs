//! The stages run in order: ingest → extract → graph → store, one article at a time.
//!
//! Used by the `ingest`, `extract` and `demo` commands. An input that cannot be read is
//! reported and skipped; the others go on.

use std::path::PathBuf;

use oxigraph::model::Quad;

use crate::extract::{extract, Gazetteer};
use crate::graph::{GraphBuilder, GraphError};
use crate::ingest::{list_inputs, read_input, Article, IngestError, ReadOptions};
use crate::store::{NewsStore, StoreError};

/// Counts of one run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Articles read and added.
    pub added: usize,
    /// Articles already in the store (same content).
    pub unchanged: usize,
    /// Inputs (files or JSON lines) skipped with an error.
    pub skipped: usize,
    /// Relations extracted.
    pub relations: usize,
    /// Entities extracted (per article, before merging).
    pub mentions: usize,
}

/// Errors that stop a run (a bad input does not; it is counted and reported).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The graph could not be built.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// Reads every input, calling `on_article` for each article and `on_error` for each input
/// that cannot be read (and for each file ignored by its extension, which is not counted
/// as skipped). Returns the number of inputs skipped.
pub fn read_all(
    paths: &[PathBuf],
    read: ReadOptions,
    mut on_article: impl FnMut(Article) -> Result<(), PipelineError>,
    mut on_error: impl FnMut(&IngestError),
) -> Result<usize, PipelineError> {
    let mut skipped = 0;
    for input in list_inputs(paths) {
        let path = match input {
            Ok(p) => p,
            Err(e) => {
                on_error(&e);
                skipped += usize::from(!e.is_notice());
                continue;
            }
        };
        for r in read_input(&path, read) {
            match r {
                Ok(a) => on_article(a)?,
                Err(e) => {
                    on_error(&e);
                    skipped += 1;
                }
            }
        }
    }
    Ok(skipped)
}

/// Ingests inputs into a store: each new article and the entity descriptions it changes
/// are written in one transaction, after which `stored` is called with the counts so far,
/// the article and its IRI. A run stopped at any point (even by `kill -9`) leaves every
/// article either stored whole or not at all, and running it again adds the rest.
pub fn ingest(
    store: &NewsStore,
    paths: &[PathBuf],
    read: ReadOptions,
    base: &str,
    gaz: &Gazetteer,
    mut on_error: impl FnMut(&IngestError),
    mut stored: impl FnMut(&Summary, &Article, &oxigraph::model::NamedNode),
) -> Result<Summary, PipelineError> {
    let mut builder = GraphBuilder::new(base)?;
    builder.seed(store.known_entities()?, gaz);
    let mut summary = Summary::default();
    let skipped = read_all(
        paths,
        read,
        |article| {
            let iri = builder.article_iri(&article);
            if store.has_article(&iri)? {
                summary.unchanged += 1;
                return Ok(());
            }
            let x = extract(&article, gaz);
            summary.relations += x.relations.len();
            summary.mentions += x.mentions.len();
            let quads = builder.add_article(&article, &x, gaz);
            let (changed, equads) = builder.entity_quads(gaz);
            store.write(&quads, &changed, &equads)?;
            summary.added += 1;
            stored(&summary, &article, &iri);
            Ok(())
        },
        &mut on_error,
    )?;
    summary.skipped = skipped;
    Ok(summary)
}

/// Extracts inputs into quads without a store (for `extract`).
pub fn extract_all(
    paths: &[PathBuf],
    read: ReadOptions,
    base: &str,
    gaz: &Gazetteer,
    on_error: impl FnMut(&IngestError),
) -> Result<(Vec<Quad>, Summary), PipelineError> {
    let mut builder = GraphBuilder::new(base)?;
    let mut quads = Vec::new();
    let mut summary = Summary::default();
    let mut seen = std::collections::HashSet::new();
    let skipped = read_all(
        paths,
        read,
        |article| {
            if !seen.insert(article.id.clone()) {
                summary.unchanged += 1;
                return Ok(());
            }
            let x = extract(&article, gaz);
            summary.relations += x.relations.len();
            summary.mentions += x.mentions.len();
            quads.extend(builder.add_article(&article, &x, gaz));
            summary.added += 1;
            Ok(())
        },
        on_error,
    )?;
    let (_, equads) = builder.entity_quads(gaz);
    quads.extend(equads);
    summary.skipped = skipped;
    Ok((quads, summary))
}

/// Runs every stage on an input held in memory (read → extract → graph → an in-memory
/// store → N-Triples → parsed back) and checks each promise on the way: layout and
/// extraction spans ([`Article::check`], [`crate::extract::Extraction::check`]) and that
/// every minted IRI and literal survives the round trip. Returns the number of articles
/// read. Used by the property tests and the fuzz targets; an `Err` or a panic is a bug.
pub fn self_check(name: &str, bytes: &[u8], read: ReadOptions) -> Result<usize, String> {
    let gaz = Gazetteer::bundled();
    let mut builder = GraphBuilder::new(crate::graph::DEFAULT_BASE).map_err(|e| e.to_string())?;
    let store = NewsStore::memory().map_err(|e| e.to_string())?;
    let mut articles = 0;
    for article in crate::ingest::read_bytes(std::path::Path::new(name), name, bytes, read)
        .into_iter()
        .flatten()
    {
        article.check()?;
        let x = extract(&article, gaz);
        x.check(&article)?;
        let quads = builder.add_article(&article, &x, gaz);
        let (changed, entity_quads) = builder.entity_quads(gaz);
        store
            .write(&quads, &changed, &entity_quads)
            .map_err(|e| e.to_string())?;
        articles += 1;
    }
    let nt = crate::export::export(&store, crate::export::Format::Ntriples, Vec::new())
        .map_err(|e| e.to_string())?;
    let parsed = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NTriples)
        .for_slice(&nt)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the export does not parse back: {e}"))?;
    let stored = store.data_len().map_err(|e| e.to_string())?;
    if parsed.len() != stored {
        return Err(format!(
            "{} triples stored, {} parsed back",
            stored,
            parsed.len()
        ));
    }
    Ok(articles)
}
