//! Stage 4: the embedded Oxigraph store (RocksDB on disk, or in memory).
//!
//! Each article is written in one transaction together with the entity descriptions it
//! changes, so an article is either wholly in the store or not at all, and an article
//! already stored (same content hash) is skipped: ingesting it again adds nothing.
//!
//! Layout (store format 4): what each article says is in a named graph named by the
//! article's IRI; the merged world (entities, the relations between them, proposals, the
//! tallies of [`crate::graph::tally`] and the meetings of [`crate::graph::meetings`]) is
//! in the world graph `{base}graph/world`;
//! newsgraph's own bookkeeping (format, version, what was pushed where, whether the
//! tallies lag behind) is in graphs under `urn:newsgraph:`, which exports leave out.
//! Queries see the union of the named graphs as their default graph.

mod inspect;
mod lock;
mod meetings;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, LiteralRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad,
    QuadRef, Term, TermRef,
};
use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};

use crate::extract::EntityType;
use crate::graph::tally::{Tallies, Tally};
use crate::graph::vocab::{ng, schema, skos};
use crate::graph::KnownEntity;

pub use inspect::StoreInfo;
pub use lock::{LockError, StoreLock, LOCK_FILE};

/// The node that records which newsgraph wrote the store.
pub const STORE_NODE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:store");

/// The graph of newsgraph's bookkeeping (format, version, push records).
pub const META_GRAPH: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:meta");

/// The graph that [`NewsStore::load`] loads RDF from elsewhere into.
pub const LOADED_GRAPH: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:loaded");

/// Batches whose article graphs hold at least this many quads go through the bulk
/// loader (see [`NewsStore::write`]).
pub const BULK_MIN_QUADS: usize = 5_000;

/// The store layout this newsgraph reads and writes (see the module header).
pub const STORE_FORMAT: u32 = 4;

/// The tallies a writer has read or written, so that each is read from the store once.
/// Only the writer holding the store's lock may keep one (nothing else changes them).
#[derive(Debug, Default)]
pub struct TallyCache {
    known: std::collections::HashMap<NamedNode, Tally>,
    /// Whether `known` holds every tally of the store (it started without any), so that
    /// one not known is not there.
    complete: bool,
}

impl TallyCache {
    /// Tallies kept at most (about 200 bytes each); past it the cache starts again.
    const MAX: usize = 2_000_000;

    /// A cache for a writer of `store`.
    pub fn new(store: &NewsStore) -> Result<Self, StoreError> {
        let none = store
            .store
            .quads_for_pattern(None, Some(rdf::TYPE), Some(ng::TALLY.into()), None)
            .next()
            .transpose()?
            .is_none();
        Ok(TallyCache {
            known: std::collections::HashMap::new(),
            complete: none,
        })
    }

    fn remember(&mut self, updated: Vec<(NamedNode, Tally)>) {
        if self.known.len() + updated.len() > Self::MAX {
            self.known.clear();
            self.complete = false;
        }
        self.known.extend(updated);
    }
}

/// Whether a graph is newsgraph's bookkeeping rather than data.
pub fn is_bookkeeping(graph: &NamedOrBlankNode) -> bool {
    matches!(graph, NamedOrBlankNode::NamedNode(n) if is_bookkeeping_iri(n.as_ref()))
}

/// Whether a graph name is newsgraph's bookkeeping rather than data.
pub fn is_bookkeeping_iri(graph: NamedNodeRef<'_>) -> bool {
    graph.as_str().starts_with("urn:newsgraph:") && graph != LOADED_GRAPH
}

/// A flag on the store's node in the bookkeeping graph.
fn flag(property: NamedNodeRef<'static>) -> QuadRef<'static> {
    QuadRef::new(
        STORE_NODE,
        property,
        LiteralRef::new_typed_literal("true", oxigraph::model::vocab::xsd::BOOLEAN),
        META_GRAPH,
    )
}

/// Set while stored articles are not counted in the tallies (see [`NewsStore::add_tallies`]).
fn tallies_stale() -> QuadRef<'static> {
    flag(ng::TALLIES_STALE)
}

/// The flag [`NewsStore::write`] sets while a bulk load is not yet committed.
fn bulk_load_pending() -> QuadRef<'static> {
    flag(ng::BULK_LOAD_PENDING)
}

/// Makes a prepared query see the union of the store's named graphs as its default
/// graph, unless the query names its own dataset (`FROM`, `FROM NAMED`).
pub fn over_union(mut prepared: PreparedSparqlQuery) -> PreparedSparqlQuery {
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
}

/// Errors of the store stage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the store, or readers hold it against a writer.
    #[error(transparent)]
    Locked(#[from] LockError),
    /// The store folder cannot be created.
    #[error("cannot create store folder {path}: {source}")]
    Create {
        /// The store folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The store cannot be opened.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The store folder.
        path: PathBuf,
        /// The cause.
        source: StorageError,
    },
    /// The store was written in another layout.
    #[error("store {path} has store format {found}{}, and this newsgraph ({version}) reads format {expected}: {advice}", written_by.as_deref().map(|v| format!(" (written by newsgraph {v})")).unwrap_or_default())]
    Format {
        /// The store folder.
        path: PathBuf,
        /// The format found.
        found: u32,
        /// The newsgraph version that wrote it, when recorded.
        written_by: Option<String>,
        /// The format this build reads.
        expected: u32,
        /// This build's version.
        version: &'static str,
        /// What to do.
        advice: &'static str,
    },
    /// The folder holds no store (for reading commands).
    #[error("no newsgraph store at {path} (run `newsgraph ingest --store {path} …` first)")]
    Missing {
        /// The folder.
        path: PathBuf,
    },
    /// A read or write failed.
    #[error("store error: {0}")]
    Storage(#[from] StorageError),
    /// A query the store runs for itself failed.
    #[error("store query failed: {0}")]
    Query(String),
}

/// The newsgraph store.
#[derive(Clone)]
pub struct NewsStore {
    store: Store,
    /// Held as long as any clone of the store lives.
    _lock: Option<Arc<StoreLock>>,
}

impl std::fmt::Debug for NewsStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewsStore").finish_non_exhaustive()
    }
}

fn open_error(path: &Path, source: StorageError) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens Oxigraph's RocksDB store.
#[cfg(feature = "rocksdb")]
fn open_disk(path: &Path, read_only: bool) -> Result<Store, StorageError> {
    if read_only {
        Store::open_read_only(path)
    } else {
        Store::open(path)
    }
}

/// Without RocksDB (as the fuzz targets build) only stores in memory exist.
#[cfg(not(feature = "rocksdb"))]
fn open_disk(_: &Path, _: bool) -> Result<Store, StorageError> {
    Err(StorageError::Other(
        "this newsgraph was built without the rocksdb feature: only --memory stores".into(),
    ))
}

impl NewsStore {
    /// Opens (or creates) a persistent store for writing; `what` (the command) is shown
    /// to anyone who tries to open it meanwhile.
    pub fn open(path: &Path, what: &str) -> Result<Self, StoreError> {
        std::fs::create_dir_all(path).map_err(|source| StoreError::Create {
            path: path.to_path_buf(),
            source,
        })?;
        let lock = StoreLock::exclusive(path, what)?;
        let store = open_disk(path, false).map_err(|e| open_error(path, e))?;
        let s = NewsStore {
            store,
            _lock: Some(Arc::new(lock)),
        };
        s.check_format(path)?;
        s.stamp()?;
        s.remove_unmarked_articles()?;
        Ok(s)
    }

    /// Opens an existing persistent store for reading.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let s = Self::open_any_format(path, None)?;
        s.check_format(path)?;
        Ok(s)
    }

    /// Opens an existing store of any format without changing it, to describe it or to
    /// rebuild it: for reading (`exclusive: None`), or holding it against every other
    /// command (`Some(what)`) so nothing changes it meanwhile.
    pub fn open_any_format(path: &Path, exclusive: Option<&str>) -> Result<Self, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let lock = match exclusive {
            Some(what) => Some(StoreLock::exclusive(path, what)?),
            None => StoreLock::shared(path)?,
        };
        let store = open_disk(path, true).map_err(|e| open_error(path, e))?;
        Ok(NewsStore {
            store,
            _lock: lock.map(Arc::new),
        })
    }

    /// The store format recorded in the store (format 1 stores recorded none).
    pub fn format(&self) -> Result<Option<u32>, StoreError> {
        Ok(self
            .recorded(ng::STORE_FORMAT)?
            .and_then(|f| f.parse().ok()))
    }

    /// Refuses a store of another layout: an older one would be half-read, a newer one
    /// could be damaged by writing.
    fn check_format(&self, path: &Path) -> Result<(), StoreError> {
        let found = match self.format()? {
            Some(f) => f,
            None if self.store.is_empty()? => return Ok(()),
            None => 1,
        };
        if found == STORE_FORMAT {
            return Ok(());
        }
        Err(StoreError::Format {
            path: path.to_path_buf(),
            found,
            written_by: self.recorded(ng::STORE_VERSION)?,
            expected: STORE_FORMAT,
            version: env!("CARGO_PKG_VERSION"),
            advice: if found < STORE_FORMAT {
                "upgrade it with `newsgraph rebuild --store DIR` (the old one is kept beside it)"
            } else {
                "use the newer newsgraph that wrote it"
            },
        })
    }

    /// A store in memory.
    pub fn memory() -> Result<Self, StoreError> {
        let s = NewsStore {
            store: Store::new()?,
            _lock: None,
        };
        s.stamp()?;
        Ok(s)
    }

    /// Records the format, this newsgraph's version and the ontology's version (replacing
    /// what an earlier writer recorded).
    fn stamp(&self) -> Result<(), StoreError> {
        let v = Literal::new_simple_literal(env!("CARGO_PKG_VERSION"));
        let o = Literal::new_simple_literal(crate::graph::vocab::ONTOLOGY_VERSION);
        let f = Literal::new_typed_literal(
            STORE_FORMAT.to_string(),
            oxigraph::model::vocab::xsd::INTEGER,
        );
        let mut t = self.store.start_transaction()?;
        for p in [ng::STORE_VERSION, ng::ONTOLOGY_VERSION, ng::STORE_FORMAT] {
            let old: Vec<Quad> = t
                .quads_for_pattern(
                    Some(STORE_NODE.into()),
                    Some(p),
                    None,
                    Some(META_GRAPH.into()),
                )
                .collect::<Result<_, _>>()?;
            for q in &old {
                t.remove(q);
            }
        }
        t.insert(QuadRef::new(STORE_NODE, ng::STORE_VERSION, &v, META_GRAPH));
        t.insert(QuadRef::new(
            STORE_NODE,
            ng::ONTOLOGY_VERSION,
            &o,
            META_GRAPH,
        ));
        t.insert(QuadRef::new(STORE_NODE, ng::STORE_FORMAT, &f, META_GRAPH));
        t.commit()?;
        Ok(())
    }

    /// A value the store records about itself (in any graph: format 1 stores kept it
    /// in the default graph).
    pub(crate) fn recorded(&self, p: NamedNodeRef<'_>) -> Result<Option<String>, StoreError> {
        for q in self
            .store
            .quads_for_pattern(Some(STORE_NODE.into()), Some(p), None, None)
        {
            if let Term::Literal(l) = q?.object {
                return Ok(Some(l.value().to_string()));
            }
        }
        Ok(None)
    }

    /// The data graphs (not bookkeeping), sorted by name.
    pub fn data_graphs(&self) -> Result<Vec<NamedOrBlankNode>, StoreError> {
        let mut out = Vec::new();
        for g in self.store.named_graphs() {
            let g = g?;
            if !is_bookkeeping(&g) {
                out.push(g);
            }
        }
        out.sort_by_cached_key(ToString::to_string);
        Ok(out)
    }

    /// Number of triples in the data graphs (the size of the merged graph).
    pub fn data_len(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.data_graphs()? {
            n += self.graph_len(g.as_ref().into())?;
        }
        Ok(n)
    }

    /// Number of triples in one graph.
    pub fn graph_len(&self, graph: GraphNameRef<'_>) -> Result<usize, StoreError> {
        let mut n = 0;
        for q in self.store.quads_for_pattern(None, None, None, Some(graph)) {
            q?;
            n += 1;
        }
        Ok(n)
    }

    /// The Oxigraph store.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Whether an article node is stored.
    pub fn has_article(&self, iri: &NamedNode) -> Result<bool, StoreError> {
        Ok(self
            .store
            .contains(QuadRef::new(iri, rdf::TYPE, schema::NEWS_ARTICLE, iri))?)
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds nothing.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// The entities already stored, for resolution of new articles against them.
    pub fn known_entities(&self) -> Result<Vec<KnownEntity>, StoreError> {
        let query = format!(
            "SELECT ?e ?t ?l (GROUP_CONCAT(DISTINCT ?a; SEPARATOR=\"\\u001f\") AS ?alts) (SAMPLE(?g) AS ?geo) WHERE {{ \
             VALUES ?t {{ <{p}> <{o}> <{l}> <{v}> }} ?e a ?t ; <{label}> ?l . OPTIONAL {{ ?e <{alt}> ?a }} \
             OPTIONAL {{ ?e <{geo}> ?g }} }} \
             GROUP BY ?e ?t ?l ORDER BY ?e",
            p = ng::PERSON.as_str(), o = ng::ORGANIZATION.as_str(), l = ng::PLACE.as_str(), v = ng::EVENT.as_str(),
            label = rdfs::LABEL.as_str(), alt = skos::ALT_LABEL.as_str(), geo = ng::GEONAMES_ID.as_str()
        );
        let results = over_union(
            SparqlEvaluator::new()
                .parse_query(&query)
                .map_err(|e| StoreError::Query(e.to_string()))?,
        )
        .on_store(&self.store)
        .execute()
        .map_err(|e| StoreError::Query(e.to_string()))?;
        let mut out = Vec::new();
        if let QueryResults::Solutions(rows) = results {
            for row in rows {
                let row = row.map_err(|e| StoreError::Query(e.to_string()))?;
                let (Some(Term::NamedNode(e)), Some(Term::NamedNode(t)), Some(Term::Literal(l))) =
                    (row.get("e"), row.get("t"), row.get("l"))
                else {
                    continue;
                };
                let etype = match t
                    .as_str()
                    .strip_prefix(crate::graph::vocab::NG)
                    .and_then(EntityType::parse)
                {
                    Some(t) => t,
                    None => continue,
                };
                let alts = match row.get("alts") {
                    Some(Term::Literal(a)) if !a.value().is_empty() => {
                        a.value().split('\u{1f}').map(str::to_string).collect()
                    }
                    _ => Vec::new(),
                };
                out.push(KnownEntity {
                    iri: e.as_str().to_string(),
                    etype,
                    label: l.value().to_string(),
                    alt_labels: alts,
                    geonames: match row.get("geo") {
                        Some(Term::Literal(g)) => g.value().parse().ok(),
                        _ => None,
                    },
                });
            }
        }
        Ok(out)
    }

    /// Writes a batch of articles (their quads, with the world-graph quads they add) and
    /// the entity descriptions they change; the old `rdfs:label` of each changed entity
    /// is replaced. The store's tallies are then stale (`ng:talliesStale`) until
    /// [`NewsStore::add_tallies`] adds the batch's.
    ///
    /// A large batch goes in two steps: first what the articles say (their graphs,
    /// without the `a schema:NewsArticle` marker) through Oxigraph's bulk loader, which
    /// writes index files directly and is several times faster than a transaction; then,
    /// in one transaction, the markers, the world graph and the entity descriptions. An
    /// article counts as stored only with its marker, so a run stopped between the steps
    /// leaves graphs without markers, which the next writer removes
    /// ([`NewsStore::open`]) before the articles are read again. Returns whether the bulk
    /// loader was used (then [`NewsStore::optimize`] is worth calling at the end).
    pub fn write(
        &self,
        article_quads: &[Quad],
        changed: &[NamedNode],
        entity_quads: &[Quad],
    ) -> Result<bool, StoreError> {
        let is_marker = |q: &Quad| {
            q.predicate == rdf::TYPE
                && q.object.as_ref() == TermRef::from(schema::NEWS_ARTICLE)
                && matches!((&q.graph_name, &q.subject), (GraphName::NamedNode(g), NamedOrBlankNode::NamedNode(s)) if g == s)
        };
        let articles: HashSet<&GraphName> = article_quads
            .iter()
            .filter(|q| is_marker(q))
            .map(|q| &q.graph_name)
            .collect();
        let (content, rest): (Vec<&Quad>, Vec<&Quad>) = article_quads
            .iter()
            .partition(|q| !is_marker(q) && articles.contains(&q.graph_name));
        let bulk = content.len() >= BULK_MIN_QUADS;
        if bulk {
            // flagged first, so that a writer stopped before the commit below is cleaned up
            self.store.insert(bulk_load_pending())?;
            let mut loader = self.store.bulk_loader();
            loader.load_quads(content.into_iter().cloned())?;
            loader.commit()?;
        }
        let mut t = self.store.start_transaction()?;
        for iri in changed {
            let old: Vec<Quad> = t
                .quads_for_pattern(Some(iri.as_ref().into()), Some(rdfs::LABEL), None, None)
                .collect::<Result<_, _>>()?;
            for quad in &old {
                t.remove(quad);
            }
        }
        if bulk {
            t.extend(rest);
            t.remove(bulk_load_pending());
        } else {
            t.extend(article_quads);
        }
        t.extend(entity_quads);
        t.insert(tallies_stale());
        t.commit()?;
        Ok(bulk)
    }

    /// Whether some stored articles are not counted in the tallies (an ingest stopped
    /// before it added them): [`NewsStore::recount_tallies`] mends it.
    pub fn tallies_stale(&self) -> Result<bool, StoreError> {
        Ok(self.store.contains(tallies_stale())?)
    }

    /// Adds the tallies of articles already written ([`NewsStore::write`]) to those the
    /// world graph `world` holds, and clears `ng:talliesStale`. Tallies new to the store
    /// go through the bulk loader when there are many; the others are merged with what
    /// is stored in transactions. `cache` remembers tallies so that each is read from
    /// the store once (a read costs a lookup per term). A run stopped meanwhile leaves
    /// the flag set, and the next writer recounts.
    pub fn add_tallies(
        &self,
        tallies: Tallies,
        world: &NamedNode,
        cache: &mut TallyCache,
    ) -> Result<(), StoreError> {
        self.merge_tallies(tallies, world, cache)?;
        self.tallies_counted()
    }

    /// [`NewsStore::add_tallies`] without clearing `ng:talliesStale`: for a writer that
    /// derives more from the same articles meanwhile (the meetings) and clears it when
    /// everything is derived ([`NewsStore::tallies_counted`]).
    pub fn merge_tallies(
        &self,
        tallies: Tallies,
        world: &NamedNode,
        cache: &mut TallyCache,
    ) -> Result<(), StoreError> {
        let mut fresh = Vec::new();
        let mut changes: Vec<(Vec<Quad>, Vec<Quad>)> = Vec::new();
        let mut updated = Vec::with_capacity(tallies.len());
        for (node, (key, tally)) in tallies.0 {
            // taken out: `updated` puts the merged tally back
            let old = match cache.known.remove(&node) {
                Some(t) => Some(t),
                None if cache.complete => None,
                None => {
                    let quads: Vec<Quad> = self
                        .store
                        .quads_for_pattern(
                            Some(node.as_ref().into()),
                            None,
                            None,
                            Some(world.as_ref().into()),
                        )
                        .collect::<Result<_, _>>()?;
                    (!quads.is_empty()).then(|| Tally::from_quads(&quads))
                }
            };
            match old {
                None => fresh.push((node, key, tally)),
                Some(old) => {
                    let mut merged = old.clone();
                    merged.merge(tally);
                    let before: HashSet<Quad> =
                        old.to_quads(&node, &key, world).into_iter().collect();
                    let after: HashSet<Quad> =
                        merged.to_quads(&node, &key, world).into_iter().collect();
                    changes.push((
                        before.difference(&after).cloned().collect(),
                        after.difference(&before).cloned().collect(),
                    ));
                    updated.push((node, merged));
                }
            }
        }
        // new tallies are written as they are made (a Vec of them all took 300 MiB on a
        // 10,000-article ingest)
        self.add_nodes(
            fresh.len(),
            fresh
                .iter()
                .flat_map(|(node, key, tally)| tally.to_quads(node, key, world)),
        )?;
        updated.extend(fresh.into_iter().map(|(node, _, tally)| (node, tally)));
        for chunk in changes.chunks(5_000) {
            let mut t = self.store.start_transaction()?;
            for (remove, insert) in chunk {
                for quad in remove {
                    t.remove(quad);
                }
                t.extend(insert);
            }
            t.commit()?;
        }
        cache.remember(updated);
        Ok(())
    }

    /// Clears `ng:talliesStale`: every stored article is counted in the tallies and
    /// resolved into the meetings.
    pub fn tallies_counted(&self) -> Result<(), StoreError> {
        self.store.remove(tallies_stale())?;
        Ok(())
    }

    /// Counts the tallies again from every stored article (after an ingest stopped
    /// before adding its tallies): removes those of the world graph `world`, reads each
    /// article graph's contribution ([`crate::graph::tally::of_article`]) and adds the
    /// sum; the meetings are resolved again from every stored report likewise. Returns
    /// how many articles were read.
    pub fn recount_tallies(&self, world: &NamedNode, base: &str) -> Result<usize, StoreError> {
        let nodes: Vec<NamedOrBlankNode> = self
            .store
            .quads_for_pattern(
                None,
                Some(rdf::TYPE),
                Some(ng::TALLY.into()),
                Some(world.as_ref().into()),
            )
            .map(|q| q.map(|q| q.subject))
            .collect::<Result<_, _>>()?;
        self.remove_nodes(&nodes, world)?;
        let mut all = Tallies::default();
        let mut reports = Vec::new();
        let mut articles = 0;
        for g in self.data_graphs()? {
            let NamedOrBlankNode::NamedNode(g) = g else {
                continue;
            };
            if !self
                .store
                .contains(QuadRef::new(&g, rdf::TYPE, schema::NEWS_ARTICLE, &g))?
            {
                continue;
            }
            let quads: Vec<Quad> = self
                .store
                .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                .collect::<Result<_, _>>()?;
            all.extend(crate::graph::tally::of_article(&quads, base));
            reports.extend(crate::graph::meetings::of_article(&quads));
            articles += 1;
        }
        self.replace_meetings(crate::graph::meetings::resolve(base, reports), world)?;
        let mut cache = TallyCache {
            known: Default::default(),
            complete: true,
        };
        self.add_tallies(all, world, &mut cache)?;
        Ok(articles)
    }

    /// Adds the quads of `nodes` new derived nodes (tallies, meetings), written as they
    /// are made: through the bulk loader when there are many (with batches of 128 MiB:
    /// the loader's default of a million quads took ~700 MiB for the tallies of 10,000
    /// articles), else in one transaction.
    fn add_nodes(
        &self,
        nodes: usize,
        quads: impl IntoIterator<Item = Quad>,
    ) -> Result<(), StoreError> {
        if nodes >= BULK_MIN_QUADS / 8 {
            let mut loader = self
                .store
                .bulk_loader()
                .with_max_memory_size_in_megabytes(128);
            loader.load_quads(quads)?;
            loader.commit()?;
        } else {
            self.store.extend(quads)?;
        }
        Ok(())
    }

    /// Removes every quad of the graph `graph` whose subject is one of `nodes`, in
    /// transactions of 5,000 nodes (derived nodes, written again after).
    fn remove_nodes(
        &self,
        nodes: &[NamedOrBlankNode],
        graph: &NamedNode,
    ) -> Result<(), StoreError> {
        for chunk in nodes.chunks(5_000) {
            let mut t = self.store.start_transaction()?;
            for n in chunk {
                let quads: Vec<Quad> = t
                    .quads_for_pattern(Some(n.as_ref()), None, None, Some(graph.as_ref().into()))
                    .collect::<Result<_, _>>()?;
                for quad in &quads {
                    t.remove(quad);
                }
            }
            t.commit()?;
        }
        Ok(())
    }

    /// Compacts the store's files (RocksDB's full compaction): after a large ingest
    /// through the bulk loader, reads are then many times faster.
    pub fn optimize(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        self.store.optimize()?;
        Ok(())
    }

    /// Removes article graphs without their article's marker: what a writer stopped
    /// between the two steps of [`NewsStore::write`] left. Only a store whose bulk load
    /// was left pending is scanned. Returns how many graphs were removed.
    fn remove_unmarked_articles(&self) -> Result<usize, StoreError> {
        let pending = bulk_load_pending();
        if !self.store.contains(pending)? {
            return Ok(0);
        }
        let mut orphans = Vec::new();
        for g in self.data_graphs()? {
            let NamedOrBlankNode::NamedNode(g) = g else {
                continue;
            };
            if g.as_str().ends_with(crate::graph::WORLD_GRAPH_PATH) || g.as_ref() == LOADED_GRAPH {
                continue;
            }
            if !self
                .store
                .contains(QuadRef::new(&g, rdf::TYPE, schema::NEWS_ARTICLE, &g))?
            {
                orphans.push(g);
            }
        }
        for g in &orphans {
            self.store.remove_named_graph(g)?;
        }
        self.store.remove(pending)?;
        Ok(orphans.len())
    }

    /// Loads RDF (for tests and for scoring a graph exported elsewhere): triples go to
    /// [`LOADED_GRAPH`], quads keep their graphs.
    pub fn load(&self, format: oxigraph::io::RdfFormat, data: &[u8]) -> Result<(), StoreError> {
        let parser = oxigraph::io::RdfParser::from_format(format).with_default_graph(LOADED_GRAPH);
        self.store
            .load_from_slice(parser, data)
            .map_err(|e| StoreError::Query(e.to_string()))
    }
}
