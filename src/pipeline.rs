//! The stages run in order: ingest → extract → graph → store, one article at a time.
//!
//! Used by the `ingest`, `extract` and `demo` commands. An input that cannot be read is
//! reported and skipped; the others go on.

use std::path::PathBuf;

pub mod isolate;

use oxigraph::model::Quad;

use crate::extract::{extract, Extraction, Gazetteer};
use crate::graph::{GraphBuilder, GraphError};
use crate::ingest::{list_inputs, read_input, Article, IngestError, ReadOptions};
use crate::store::{NewsStore, StoreError};

/// Counts of one run.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
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
    /// Entities found, by type (`Person`, …), each counted once per article it is in.
    pub entities: std::collections::BTreeMap<&'static str, usize>,
    /// Relations extracted, by kind (`metWith`, `backs`, `proposed`).
    pub relations_by_kind: std::collections::BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Counts one article's extraction.
    fn count(&mut self, x: &crate::extract::Extraction) {
        self.relations += x.relations.len();
        self.mentions += x.mentions.len();
        for e in &x.entities {
            *self.entities.entry(e.etype.as_str()).or_default() += 1;
        }
        for r in &x.relations {
            *self.relations_by_kind.entry(r.kind.as_str()).or_default() += 1;
        }
    }
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

/// Quads gathered before a commit (about 100 articles of news): large enough for the
/// bulk loader to pay off, small enough to keep memory flat.
pub const BATCH_QUADS: usize = 50_000;

/// The longest a stored article waits for its batch: a slow feed is committed anyway.
pub const BATCH_SECONDS: u64 = 2;

/// Tallies an ingest keeps before adding them to the store (about 200 bytes each); a
/// 10,000-article ingest touches about 100,000 (see [`crate::graph::tally`]).
pub const MAX_PENDING_TALLIES: usize = 200_000;

/// Adds articles to a store. Articles are committed in batches (of about
/// [`BATCH_QUADS`] quads); each batch, with the entity descriptions its articles change,
/// is one transaction, so a run stopped at any point (even by `kill -9`) leaves every
/// article either stored whole or not at all, and running it again adds the rest. An
/// article already stored (same text), or already in the batch, is skipped.
#[derive(Debug)]
pub struct Ingester<'a> {
    store: &'a NewsStore,
    builder: GraphBuilder,
    gaz: &'a Gazetteer,
    summary: Summary,
    batch_quads: usize,
    pending: Vec<Quad>,
    pending_articles: Vec<(String, oxigraph::model::NamedNode)>,
    pending_ids: std::collections::HashSet<String>,
    tallies: crate::store::TallyCache,
    last_commit: std::time::Instant,
    /// Whether a commit went through the bulk loader.
    pub bulk_loaded: bool,
    /// Articles whose extraction or graph building failed, not yet taken.
    failures: Vec<IngestError>,
    /// Whether such an article is stored without facts (rebuild) instead of skipped.
    keep_failed: bool,
}

/// Articles committed: their sources and IRIs.
pub type Committed = Vec<(String, oxigraph::model::NamedNode)>;

impl<'a> Ingester<'a> {
    /// An ingester into `store`, joining the entities it already holds.
    pub fn new(
        store: &'a NewsStore,
        base: &str,
        gaz: &'a Gazetteer,
    ) -> Result<Self, PipelineError> {
        let mut builder = GraphBuilder::new(base)?;
        builder.seed(store.known_entities()?, gaz);
        if store.tallies_stale()? {
            store.recount_tallies(&builder.world_graph(), base)?;
        }
        Ok(Ingester {
            store,
            builder,
            gaz,
            summary: Summary::default(),
            batch_quads: BATCH_QUADS,
            pending: Vec::new(),
            pending_articles: Vec::new(),
            pending_ids: std::collections::HashSet::new(),
            tallies: crate::store::TallyCache::new(store)?,
            last_commit: std::time::Instant::now(),
            bulk_loaded: false,
            failures: Vec::new(),
            keep_failed: false,
        })
    }

    /// Stores an article whose extraction fails with its text and metadata but no facts,
    /// instead of skipping it (for `rebuild`, which must not lose a stored article).
    pub fn keeping_failed(mut self) -> Self {
        self.keep_failed = true;
        self
    }

    /// The articles that failed since the last call, as input errors to report (each
    /// skipped one is counted in [`Summary::skipped`]).
    pub fn take_failures(&mut self) -> Vec<IngestError> {
        std::mem::take(&mut self.failures)
    }

    /// Commits when this many quads are pending (1: after every article).
    pub fn with_batch_quads(mut self, quads: usize) -> Self {
        self.batch_quads = quads.max(1);
        self
    }

    /// Adds one article; returns the articles this call committed (none, or the whole
    /// batch when it was full).
    pub fn add(&mut self, article: &Article) -> Result<Committed, PipelineError> {
        self.add_many(std::slice::from_ref(article))
    }

    /// Adds articles, extracting them in parallel (extraction is most of the work, and
    /// each article's is independent); they join the graph in their order, so the result
    /// is the same as adding them one by one.
    pub fn add_many(&mut self, articles: &[Article]) -> Result<Committed, PipelineError> {
        use rayon::prelude::*;
        let mut new = Vec::with_capacity(articles.len());
        for article in articles {
            let iri = self.builder.article_iri(article);
            if self.pending_ids.contains(&article.id) || self.store.has_article(&iri)? {
                self.summary.unchanged += 1;
            } else {
                self.pending_ids.insert(article.id.clone());
                new.push((article, iri));
            }
        }
        let gaz = self.gaz;
        let extractions: Vec<_> = new
            .par_iter()
            .map(|(a, _)| isolate::extract_isolated(a, gaz))
            .collect();
        let mut committed = Vec::new();
        for ((article, iri), x) in new.into_iter().zip(extractions) {
            let (quads, x) = match isolate::build(&mut self.builder, article, x, gaz) {
                Ok(built) => built,
                Err(failure) if self.keep_failed => {
                    self.failures.push(failure.into_error(article, true));
                    let none = Extraction::default();
                    (self.builder.add_article(article, &none, gaz), none)
                }
                Err(failure) => {
                    self.failures.push(failure.into_error(article, false));
                    self.summary.skipped += 1;
                    self.pending_ids.remove(&article.id);
                    continue;
                }
            };
            self.pending.extend(quads);
            self.pending_articles.push((article.source.clone(), iri));
            self.summary.count(&x);
            if self.pending.len() >= self.batch_quads
                || self.last_commit.elapsed().as_secs() >= BATCH_SECONDS
            {
                committed.extend(self.commit()?);
            }
        }
        Ok(committed)
    }

    /// Commits what is pending; returns the articles committed.
    pub fn commit(&mut self) -> Result<Committed, PipelineError> {
        if self.pending_articles.is_empty() {
            return Ok(Vec::new());
        }
        let (changed, equads) = self.builder.entity_quads(self.gaz);
        self.bulk_loaded |= self.store.write(&self.pending, &changed, &equads)?;
        if self.builder.pending_tallies() >= MAX_PENDING_TALLIES {
            self.add_tallies()?;
        }
        self.pending.clear();
        self.pending_ids.clear();
        self.summary.added += self.pending_articles.len();
        self.last_commit = std::time::Instant::now();
        Ok(std::mem::take(&mut self.pending_articles))
    }

    /// Commits what is pending and adds the tallies of every article committed; call it
    /// at the end (until then the store's tallies lag behind its articles).
    pub fn finish(&mut self) -> Result<Committed, PipelineError> {
        let committed = self.commit()?;
        self.add_tallies()?;
        Ok(committed)
    }

    /// Adds the tallies and resolves the meetings of the articles committed, side by side
    /// (each reads and writes its own nodes; once extraction is over, a core is idle),
    /// then clears the mark that makes a writer recount both.
    fn add_tallies(&mut self) -> Result<(), PipelineError> {
        let world = self.builder.world_graph();
        let reports = self.builder.take_reports();
        let tallies = self.builder.take_tallies();
        let (store, base, cache) = (self.store, self.builder.base(), &mut self.tallies);
        let (meetings, counted) = std::thread::scope(|s| {
            let meetings = s.spawn(|| store.resolve_meetings(reports, &world, base));
            let counted = store.merge_tallies(tallies, &world, cache);
            let meetings = meetings
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (meetings, counted)
        });
        meetings?;
        counted?;
        store.tallies_counted()?;
        Ok(())
    }

    /// The counts so far (`added` counts committed articles).
    pub fn summary(&self) -> &Summary {
        &self.summary
    }
}

/// How [`ingest`] reads and commits.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// How inputs are read.
    pub read: ReadOptions,
    /// Base IRI of minted nodes.
    pub base: String,
    /// Quads per commit (see [`BATCH_QUADS`]).
    pub batch_quads: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            read: ReadOptions::default(),
            base: crate::graph::DEFAULT_BASE.to_string(),
            batch_quads: BATCH_QUADS,
        }
    }
}

/// Ingests inputs into a store (see [`Ingester`]); after each commit, `stored` is called
/// for each article committed, with the counts so far, its source and its IRI.
pub fn ingest(
    store: &NewsStore,
    paths: &[PathBuf],
    opts: &IngestOptions,
    gaz: &Gazetteer,
    on_error: impl FnMut(&IngestError),
    mut stored: impl FnMut(&Summary, &str, &oxigraph::model::NamedNode),
) -> Result<Summary, PipelineError> {
    let mut ingester = Ingester::new(store, &opts.base, gaz)?.with_batch_quads(opts.batch_quads);
    // articles are extracted a chunk at a time, in parallel
    let chunk = 4 * rayon::current_num_threads();
    let mut waiting = Vec::with_capacity(chunk);
    // input errors come from reading (between articles) and from failed articles
    let on_error = std::cell::RefCell::new(on_error);
    let mut report = |ingester: &mut Ingester<'_>, committed: Committed| {
        for e in ingester.take_failures() {
            (on_error.borrow_mut())(&e);
        }
        for (source, iri) in committed {
            stored(ingester.summary(), &source, &iri);
        }
    };
    let skipped = read_all(
        paths,
        opts.read,
        |article| {
            waiting.push(article);
            if waiting.len() >= chunk {
                let committed = ingester.add_many(&waiting)?;
                waiting.clear();
                report(&mut ingester, committed);
            }
            Ok(())
        },
        |e| (on_error.borrow_mut())(e),
    )?;
    let committed = ingester.add_many(&waiting)?;
    report(&mut ingester, committed);
    let committed = ingester.finish()?;
    report(&mut ingester, committed);
    if ingester.bulk_loaded {
        // the bulk loader leaves many small files for RocksDB to merge; merged now, the
        // store reads many times faster afterwards (exports and queries of a 4M-quad
        // store: 250 s before, 26 s after)
        store.optimize()?;
    }
    let mut summary = ingester.summary().clone();
    summary.skipped += skipped;
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
    let on_error = std::cell::RefCell::new(on_error);
    let skipped = read_all(
        paths,
        read,
        |article| {
            if !seen.insert(article.id.clone()) {
                summary.unchanged += 1;
                return Ok(());
            }
            let x = isolate::extract_isolated(&article, gaz);
            match isolate::build(&mut builder, &article, x, gaz) {
                Ok((q, x)) => {
                    summary.count(&x);
                    quads.extend(q);
                    summary.added += 1;
                }
                Err(failure) => {
                    (on_error.borrow_mut())(&failure.into_error(&article, false));
                    summary.skipped += 1;
                }
            }
            Ok(())
        },
        |e| (on_error.borrow_mut())(e),
    )?;
    let (_, equads) = builder.entity_quads(gaz);
    quads.extend(equads);
    let world = builder.world_graph();
    for (node, (key, tally)) in &builder.take_tallies().0 {
        quads.extend(tally.to_quads(node, key, &world));
    }
    let base = builder.base().to_owned();
    for m in crate::graph::meetings::resolve(&base, builder.take_reports()) {
        quads.extend(m.to_quads(&world));
    }
    summary.skipped += skipped;
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
    let mut cache = crate::store::TallyCache::new(&store).map_err(|e| e.to_string())?;
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
            .and_then(|_| {
                store.add_tallies(builder.take_tallies(), &builder.world_graph(), &mut cache)
            })
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

/// What [`rebuild`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The format of the store rebuilt.
    pub from_format: u32,
    /// Articles read from it.
    pub articles: usize,
    /// Where the new store is.
    pub store: PathBuf,
    /// Where the old store was kept (when rebuilt in place).
    pub backup: Option<PathBuf>,
    /// The ingest's counts.
    pub summary: Summary,
}

/// Errors of [`rebuild`].
#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    /// The store or the new store failed.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    /// The folder for the new store is taken.
    #[error("{path} already exists (left by an interrupted rebuild?); remove it or give --into a new folder")]
    Exists {
        /// The folder.
        path: PathBuf,
    },
    /// Moving the folders failed.
    #[error("the new store is complete at {new}, but moving it into place failed ({source}); the old store is at {old}")]
    Swap {
        /// The new store.
        new: PathBuf,
        /// The old store.
        old: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl From<StoreError> for RebuildError {
    fn from(e: StoreError) -> Self {
        RebuildError::Pipeline(e.into())
    }
}

fn sibling(path: &std::path::Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "store".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.{suffix}"))
}

/// Extracts every article of a store (of any format) again with this newsgraph into a
/// new store: into `into`, or in place, keeping the old store beside it as
/// `{store}.format{N}.bak`. The old store is held against every other command until
/// the new one is in place; if anything fails, it is left as it was.
pub fn rebuild(
    path: &std::path::Path,
    into: Option<&std::path::Path>,
    base: Option<&str>,
    gaz: &Gazetteer,
    mut progress: impl FnMut(usize, usize),
    mut on_error: impl FnMut(&IngestError),
) -> Result<Rebuilt, RebuildError> {
    let old = NewsStore::open_any_format(path, Some("rebuild"))?;
    let from_format = old.info()?.format;
    let articles = old.stored_articles()?;
    let base = match base {
        Some(b) => b.to_string(),
        None => old
            .base_iri()?
            .unwrap_or_else(|| crate::graph::DEFAULT_BASE.to_string()),
    };
    let target = into.map_or_else(|| sibling(path, "rebuilding"), std::path::Path::to_path_buf);
    if target.exists() && target.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        return Err(RebuildError::Exists { path: target });
    }
    let summary = {
        let new = NewsStore::open(&target, "rebuild")?;
        let mut ingester = Ingester::new(&new, &base, gaz)?.keeping_failed();
        let mut added = || -> Result<Summary, PipelineError> {
            for (i, a) in articles.iter().enumerate() {
                ingester.add(a)?;
                for e in ingester.take_failures() {
                    on_error(&e);
                }
                progress(i + 1, articles.len());
            }
            ingester.finish()?;
            if ingester.bulk_loaded {
                new.optimize()?;
            }
            Ok(ingester.summary().clone())
        };
        match added() {
            Ok(summary) => summary,
            Err(e) => {
                drop(new);
                let _ = std::fs::remove_dir_all(&target);
                return Err(e.into());
            }
        }
    };
    let mut backup = None;
    if into.is_none() {
        let mut keep = sibling(path, &format!("format{from_format}.bak"));
        let mut n = 2;
        while keep.exists() {
            keep = sibling(path, &format!("format{from_format}.bak{n}"));
            n += 1;
        }
        let swap = |source| RebuildError::Swap {
            new: target.clone(),
            old: path.to_path_buf(),
            source,
        };
        std::fs::rename(path, &keep).map_err(swap)?;
        std::fs::rename(&target, path).map_err(|source| RebuildError::Swap {
            new: target.clone(),
            old: keep.clone(),
            source,
        })?;
        backup = Some(keep);
    }
    drop(old);
    Ok(Rebuilt {
        from_format,
        articles: articles.len(),
        store: into.map_or_else(|| path.to_path_buf(), std::path::Path::to_path_buf),
        backup,
        summary,
    })
}
