//! Stage 5b: the graph in the standard RDF formats, to a file or stdout.
//!
//! Turtle and the other formats come with the usual prefixes, and are byte-identical for
//! the same store content (Oxigraph iterates its indexes in a fixed order). Graph formats
//! (Turtle, N-Triples, RDF/XML) write the default graph; dataset formats (TriG, N-Quads,
//! JSON-LD) write every graph.

use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::GraphNameRef;

use crate::graph::vocab::PREFIXES;
use crate::store::NewsStore;

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

/// Writes the store in `format`.
pub fn export<W: Write>(store: &NewsStore, format: Format, writer: W) -> Result<W, ExportError> {
    let name = format.rdf_format().name();
    let io = |source: std::io::Error| ExportError::Io {
        format: name,
        source,
    };
    let s = serializer(format);
    let w = if format.rdf_format().supports_datasets() {
        store.inner().dump_to_writer(s, writer)
    } else {
        store
            .inner()
            .dump_graph_to_writer(GraphNameRef::DefaultGraph, s, writer)
    };
    w.map_err(|e| io(e.into()))
}
