//! Stage 5b: the graph in the standard RDF formats, to a file or stdout.
//!
//! Turtle and the other formats come with the usual prefixes, and are byte-identical for
//! the same store content (graphs in name order, Oxigraph's indexes in a fixed order).
//! By default every format gets the merged graph (all data graphs as one); with
//! [`Layout::GraphPerArticle`] the dataset formats (TriG, N-Quads, JSON-LD) keep each
//! article's graph and the world graph apart, for a triple store's own bulk loader.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, QuadRef};

use crate::graph::vocab::PREFIXES;
use crate::store::{is_bookkeeping_iri, NewsStore};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Turtle (text/turtle), with prefixes.
    Turtle,
    /// TriG (application/trig), with prefixes.
    Trig,
    /// N-Triples (application/n-triples), one triple a line.
    Ntriples,
    /// N-Quads (application/n-quads), one quad a line.
    Nquads,
    /// RDF/XML (application/rdf+xml).
    Rdfxml,
    /// JSON-LD (application/ld+json).
    Jsonld,
}

impl Format {
    /// The Oxigraph format.
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Format::Turtle => RdfFormat::Turtle,
            Format::Trig => RdfFormat::TriG,
            Format::Ntriples => RdfFormat::NTriples,
            Format::Nquads => RdfFormat::NQuads,
            Format::Rdfxml => RdfFormat::RdfXml,
            Format::Jsonld => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// The MIME type.
    pub fn media_type(self) -> &'static str {
        self.rdf_format().media_type()
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        self.rdf_format().file_extension()
    }
}

/// Errors of export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed (a closed pipe is reported by the caller as success).
    #[error("writing {format} failed: {source}")]
    Io {
        /// The format.
        format: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// Named graphs asked of a format that has none.
    #[error("{format} has no named graphs: --graph-per-article needs trig, nquads or jsonld")]
    NotADatasetFormat {
        /// The format.
        format: &'static str,
    },
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// A serializer with newsgraph's prefixes.
pub fn serializer(format: Format) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format.rdf_format());
    for (p, ns) in PREFIXES {
        s = s
            .with_prefix(*p, *ns)
            .expect("bundled prefixes are valid IRIs");
    }
    s
}

/// Which graphs an export writes, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// The merged graph: every data graph's triples in the default graph.
    #[default]
    Merged,
    /// Each article's facts in its own named graph (named by the article IRI) and the
    /// world layer in the world graph; dataset formats only (TriG, N-Quads, JSON-LD).
    GraphPerArticle,
}

/// Writes the store's merged graph in `format`.
pub fn export<W: Write>(store: &NewsStore, format: Format, writer: W) -> Result<W, ExportError> {
    export_layout(store, format, Layout::Merged, writer)
}

/// Writes the store in `format` and `layout`. Bookkeeping graphs are never written.
pub fn export_layout<W: Write>(
    store: &NewsStore,
    format: Format,
    layout: Layout,
    writer: W,
) -> Result<W, ExportError> {
    let name = format.rdf_format().name();
    if layout == Layout::GraphPerArticle && !format.rdf_format().supports_datasets() {
        return Err(ExportError::NotADatasetFormat { format: name });
    }
    let io = |source: std::io::Error| ExportError::Io {
        format: name,
        source,
    };
    let mut ser = serializer(format).for_writer(writer);
    // One scan of the store in index order (a scan per graph is many times slower on a
    // large store); the order is the store's, so the same store gives the same bytes.
    for quad in store.inner().iter() {
        let quad = quad.map_err(crate::store::StoreError::from)?;
        let graph = match &quad.graph_name {
            GraphName::NamedNode(n) if is_bookkeeping_iri(n.as_ref()) => continue,
            GraphName::DefaultGraph => continue,
            g => g.as_ref(),
        };
        let graph = match layout {
            Layout::Merged => GraphNameRef::DefaultGraph,
            Layout::GraphPerArticle => graph,
        };
        ser.serialize_quad(QuadRef::new(
            &quad.subject,
            &quad.predicate,
            &quad.object,
            graph,
        ))
        .map_err(io)?;
    }
    ser.finish().map_err(io)
}
