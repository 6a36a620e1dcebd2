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
/// are written in one transaction.
pub fn ingest(
    store: &NewsStore,
    paths: &[PathBuf],
    read: ReadOptions,
    base: &str,
    gaz: &Gazetteer,
    mut on_error: impl FnMut(&IngestError),
    mut progress: impl FnMut(&Summary),
) -> Result<Summary, PipelineError> {
    let mut builder = GraphBuilder::new(base)?;
    builder.seed(store.known_entities()?);
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
            progress(&summary);
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
