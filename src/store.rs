//! Stage 4: the embedded Oxigraph store (RocksDB on disk, or in memory).
//!
//! Each article is written in one transaction together with the entity descriptions it
//! changes, so an article is either wholly in the store or not at all, and an article
//! already stored (same content hash) is skipped: ingesting it again adds nothing.

use std::path::{Path, PathBuf};

use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::{StorageError, Store};

use crate::extract::EntityType;
use crate::graph::vocab::{ng, schema, skos};
use crate::graph::KnownEntity;

/// The node that records which newsgraph wrote the store.
pub const STORE_NODE: NamedNodeRef<'static> = NamedNodeRef::new_unchecked("urn:newsgraph:store");

/// Errors of the store stage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the store.
    #[error("store {path} is locked by another process (another newsgraph ingest?); try again when it has finished")]
    Locked {
        /// The store folder.
        path: PathBuf,
    },
    /// The store cannot be opened.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The store folder.
        path: PathBuf,
        /// The cause.
        source: StorageError,
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
}

impl std::fmt::Debug for NewsStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewsStore").finish_non_exhaustive()
    }
}

fn open_error(path: &Path, source: StorageError) -> StoreError {
    let msg = source.to_string().to_lowercase();
    if msg.contains("lock") {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl NewsStore {
    /// Opens (or creates) a persistent store for writing.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = Store::open(path).map_err(|e| open_error(path, e))?;
        let s = NewsStore { store };
        s.stamp()?;
        Ok(s)
    }

    /// Opens an existing persistent store for reading.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let store = Store::open_read_only(path).map_err(|e| open_error(path, e))?;
        Ok(NewsStore { store })
    }

    /// A store in memory.
    pub fn memory() -> Result<Self, StoreError> {
        let s = NewsStore {
            store: Store::new()?,
        };
        s.stamp()?;
        Ok(s)
    }

    fn stamp(&self) -> Result<(), StoreError> {
        let v = Literal::new_simple_literal(env!("CARGO_PKG_VERSION"));
        self.store.insert(QuadRef::new(
            STORE_NODE,
            ng::STORE_VERSION,
            &v,
            GraphNameRef::DefaultGraph,
        ))?;
        Ok(())
    }

    /// The Oxigraph store.
    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Whether an article node is stored.
    pub fn has_article(&self, iri: &NamedNode) -> Result<bool, StoreError> {
        Ok(self.store.contains(QuadRef::new(
            iri,
            rdf::TYPE,
            schema::NEWS_ARTICLE,
            GraphNameRef::DefaultGraph,
        ))?)
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
            "SELECT ?e ?t ?l (GROUP_CONCAT(?a; SEPARATOR=\"\\u001f\") AS ?alts) WHERE {{ \
             VALUES ?t {{ <{p}> <{o}> <{l}> <{v}> }} ?e a ?t ; <{label}> ?l . OPTIONAL {{ ?e <{alt}> ?a }} }} \
             GROUP BY ?e ?t ?l ORDER BY ?e",
            p = ng::PERSON.as_str(), o = ng::ORGANIZATION.as_str(), l = ng::PLACE.as_str(), v = ng::EVENT.as_str(),
            label = rdfs::LABEL.as_str(), alt = skos::ALT_LABEL.as_str()
        );
        let results = SparqlEvaluator::new()
            .parse_query(&query)
            .map_err(|e| StoreError::Query(e.to_string()))?
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
                });
            }
        }
        Ok(out)
    }

    /// Writes one article's quads and the entity descriptions it changes, atomically:
    /// the old `rdfs:label` of each changed entity is replaced.
    pub fn write(
        &self,
        article_quads: &[Quad],
        changed: &[NamedNode],
        entity_quads: &[Quad],
    ) -> Result<(), StoreError> {
        let mut t = self.store.start_transaction()?;
        for iri in changed {
            let old: Vec<Quad> = t
                .quads_for_pattern(
                    Some(iri.as_ref().into()),
                    Some(rdfs::LABEL),
                    None,
                    Some(GraphNameRef::DefaultGraph),
                )
                .collect::<Result<_, _>>()?;
            for quad in &old {
                t.remove(quad);
            }
        }
        t.extend(article_quads);
        t.extend(entity_quads);
        t.commit()?;
        Ok(())
    }

    /// Loads RDF (for tests and for loading a graph exported elsewhere).
    pub fn load(&self, format: oxigraph::io::RdfFormat, data: &[u8]) -> Result<(), StoreError> {
        self.store
            .load_from_slice(format, data)
            .map_err(|e| StoreError::Query(e.to_string()))
    }
}
