//! Stage 5e: a picture of the graph — the entities and their `metWith`, `backs` and
//! `proposed` edges, as Graphviz DOT (and SVG or PNG through Graphviz's `dot` where it
//! is installed), or as one self-contained HTML page that lays the graph out itself and
//! opens offline.
//!
//! It reads the relation assertions of the store (each with its article, publication
//! date, outlet and sentence), so the picture can be cut to what a reader asks for: an
//! entity and its neighbours, entity types, a date range, an outlet, a minimum number of
//! articles. Each edge says how many articles state it; its tooltip gives the outlets
//! and one sentence as evidence.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use crate::store::{over_union, NewsStore};

pub mod html;
mod meetings;

pub use meetings::TOOK_PART;

/// What to draw.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this entity (a name or alias, any case) and its neighbours.
    pub entity: Option<String>,
    /// Only entities of these types (`Person`, `Organization`, `Place`, `Event`,
    /// `Proposal`); empty: all.
    pub types: Vec<String>,
    /// Only what articles published on or after this date (YYYY-MM-DD) state.
    pub from: Option<String>,
    /// Only what articles published on or before this date state.
    pub to: Option<String>,
    /// Only what this outlet's articles state (its name, any case).
    pub outlet: Option<String>,
    /// Only edges stated by at least this many articles.
    pub min_articles: usize,
    /// At most this many edges (the most reported first); 0: no limit.
    pub max_edges: usize,
    /// Draw each pair that met as a `metWith` edge, instead of each meeting once as a
    /// node its participants are joined to.
    pub pairs: bool,
}

/// What the articles that state one edge say: which articles, outlets and days, and
/// the clearest sentence.
#[derive(Debug, Default)]
struct Acc {
    articles: BTreeSet<String>,
    outlets: BTreeSet<String>,
    dates: BTreeSet<String>,
    sentence: String,
}

impl Acc {
    fn add(&mut self, article: String, outlet: Option<String>, date: Option<String>, s: String) {
        self.articles.insert(article);
        self.outlets.extend(outlet);
        self.dates.extend(date);
        // the shortest sentence is the clearest evidence, ties by text (deterministic)
        if self.sentence.is_empty()
            || (!s.is_empty() && (s.len(), &s) < (self.sentence.len(), &self.sentence))
        {
            self.sentence = s;
        }
    }
}

/// An entity in the picture.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Node {
    /// Its IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// Its type's local name (`Person`, …).
    #[serde(rename = "type")]
    pub etype: String,
}

/// A relation in the picture, with its evidence.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Edge {
    /// Subject node (index into [`Picture::nodes`]).
    pub from: usize,
    /// Object node.
    pub to: usize,
    /// `metWith`, `backs` or `proposed`.
    pub relation: String,
    /// Articles that state it.
    pub articles: usize,
    /// Their outlets.
    pub outlets: BTreeSet<String>,
    /// The first and last publication dates among them.
    pub dates: Option<(String, String)>,
    /// One sentence that states it.
    pub sentence: String,
}

/// The nodes and edges to draw.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Picture {
    /// Entities, sorted by IRI.
    pub nodes: Vec<Node>,
    /// Relations, sorted by subject, relation, object.
    pub edges: Vec<Edge>,
}

/// Errors of the picture stage.
#[derive(Debug, thiserror::Error)]
pub enum VizError {
    /// The store could not be read.
    #[error("cannot read the graph: {0}")]
    Query(String),
    /// `--entity` names no entity.
    #[error("no entity is called {0:?} (try `newsgraph query --store … entity --param entity=…`)")]
    NoEntity(String),
    /// Graphviz could not be run.
    #[error("cannot run Graphviz `{program}` for {format}: {message} (install graphviz, or write --format dot or html)")]
    Graphviz {
        /// The program.
        program: String,
        /// The format asked for.
        format: String,
        /// Why.
        message: String,
    },
}

const ASSERTIONS: &str = r#"
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT ?x ?xl ?xt ?p ?y ?yl ?yt ?art ?date ?outlet ?sentence WHERE {
  ?a a ng:Assertion ; rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?y ;
     ng:article ?art ; ng:sentence ?sentence .
  ?x rdfs:label ?xl ; a ?xt . ?y rdfs:label ?yl ; a ?yt .
  FILTER(STRSTARTS(STR(?xt), STR(ng:)) && STRSTARTS(STR(?yt), STR(ng:)))
  OPTIONAL { ?art schema:datePublished ?date }
  OPTIONAL { ?art schema:publisher/rdfs:label ?outlet }
}"#;

const NAMES: &str = r#"
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?x ?wanted WHERE { ?x rdfs:label|skos:altLabel ?name . FILTER(LCASE(STR(?name)) = LCASE(STR(?wanted))) }"#;

fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_string()
}

fn text(t: Option<&Term>) -> Option<String> {
    match t? {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::BlankNode(b) => Some(b.as_str().to_string()),
    }
}

fn select(
    store: &NewsStore,
    query: &str,
    bind: Option<(&str, &str)>,
) -> Result<Vec<oxigraph::sparql::QuerySolution>, VizError> {
    let err = |e: &dyn std::fmt::Display| VizError::Query(e.to_string());
    let mut prepared = SparqlEvaluator::new()
        .parse_query(query)
        .map_err(|e| err(&e))?;
    if let Some((var, value)) = bind {
        prepared = prepared.substitute_variable(
            oxigraph::model::Variable::new_unchecked(var),
            oxigraph::model::Literal::new_simple_literal(value),
        );
    }
    match over_union(prepared)
        .on_store(store.inner())
        .execute()
        .map_err(|e| err(&e))?
    {
        QueryResults::Solutions(s) => s.map(|r| r.map_err(|e| err(&e))).collect(),
        _ => Ok(Vec::new()),
    }
}

/// Reads what `filter` asks for from the store.
pub fn picture(store: &NewsStore, filter: &Filter) -> Result<Picture, VizError> {
    let focus: Option<BTreeSet<String>> = match &filter.entity {
        None => None,
        Some(name) => {
            let found: BTreeSet<String> = select(store, NAMES, Some(("wanted", name)))?
                .iter()
                .filter_map(|r| text(r.get("x")))
                .collect();
            if found.is_empty() {
                return Err(VizError::NoEntity(name.clone()));
            }
            Some(found)
        }
    };
    let types: BTreeSet<String> = filter
        .types
        .iter()
        .map(|t| t.to_ascii_lowercase())
        .collect();
    let outlet = filter.outlet.as_ref().map(|o| o.to_lowercase());
    // whether an article of this publication day and outlet passes the filters
    let keep = |date: Option<&String>, out: Option<&String>| {
        !(filter
            .from
            .as_ref()
            .is_some_and(|f| date.is_none_or(|d| d < f))
            || filter
                .to
                .as_ref()
                .is_some_and(|t| date.is_none_or(|d| d > t))
            || outlet
                .as_ref()
                .is_some_and(|o| out.is_none_or(|v| v.to_lowercase() != *o)))
    };
    let wanted = |t: &str| types.is_empty() || types.contains(&t.to_ascii_lowercase());
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut acc: BTreeMap<(String, String, String), Acc> = BTreeMap::new();
    for r in select(store, ASSERTIONS, None)? {
        let (Some(x), Some(p), Some(y)) = (text(r.get("x")), text(r.get("p")), text(r.get("y")))
        else {
            continue;
        };
        let date = text(r.get("date"));
        let out = text(r.get("outlet"));
        if !keep(date.as_ref(), out.as_ref()) {
            continue;
        }
        let xt = local(&text(r.get("xt")).unwrap_or_default());
        let yt = local(&text(r.get("yt")).unwrap_or_default());
        if !(wanted(&xt) && wanted(&yt)) {
            continue;
        }
        if focus
            .as_ref()
            .is_some_and(|f| !f.contains(&x) && !f.contains(&y))
        {
            continue;
        }
        for (iri, label, etype) in [(&x, "xl", xt), (&y, "yl", yt)] {
            nodes.entry(iri.clone()).or_insert_with(|| Node {
                iri: iri.clone(),
                label: text(r.get(label)).unwrap_or_else(|| local(iri)),
                etype,
            });
        }
        let p = local(&p);
        // a meeting is one edge whichever participant an article names first
        let (x, y) = if p == "metWith" && y < x {
            (y, x)
        } else {
            (x, y)
        };
        acc.entry((x, p, y)).or_default().add(
            text(r.get("art")).unwrap_or_default(),
            out,
            date,
            text(r.get("sentence")).unwrap_or_default(),
        );
    }
    if !filter.pairs {
        meetings::draw(
            store,
            filter,
            focus.as_ref(),
            &keep,
            &wanted,
            &mut nodes,
            &mut acc,
        )?;
    }
    let mut edges: Vec<((String, String, String), Acc)> = acc
        .into_iter()
        .filter(|(_, a)| a.articles.len() >= filter.min_articles.max(1))
        .collect();
    if filter.max_edges > 0 && edges.len() > filter.max_edges {
        edges.sort_by(|a, b| {
            b.1.articles
                .len()
                .cmp(&a.1.articles.len())
                .then(a.0.cmp(&b.0))
        });
        edges.truncate(filter.max_edges);
        edges.sort_by(|a, b| a.0.cmp(&b.0));
    }
    let used: BTreeSet<&String> = edges.iter().flat_map(|((x, _, y), _)| [x, y]).collect();
    let nodes: Vec<Node> = nodes
        .into_values()
        .filter(|n| used.contains(&n.iri))
        .collect();
    let index: BTreeMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.iri.as_str(), i))
        .collect();
    let edges = edges
        .iter()
        .map(|((x, p, y), a)| Edge {
            from: index[x.as_str()],
            to: index[y.as_str()],
            relation: p.clone(),
            articles: a.articles.len(),
            outlets: a.outlets.clone(),
            dates: a
                .dates
                .first()
                .zip(a.dates.last())
                .map(|(f, l)| (f.clone(), l.clone())),
            sentence: a.sentence.clone(),
        })
        .collect();
    Ok(Picture { nodes, edges })
}

/// Fill colour and shape of a node type.
pub fn style(etype: &str) -> (&'static str, &'static str) {
    match etype {
        "Person" => ("#cfe2ff", "ellipse"),
        "Organization" => ("#ffe3c2", "box"),
        "Place" => ("#d3f2d5", "hexagon"),
        "Event" => ("#f6d5f0", "octagon"),
        "Meeting" => ("#e4e8f0", "diamond"),
        _ => ("#fff6bf", "note"),
    }
}

/// Colour and words of an edge's relation.
pub fn edge_style(relation: &str) -> (&'static str, &'static str) {
    match relation {
        "metWith" => ("#1f5fae", "met"),
        TOOK_PART => ("#1f5fae", "took part in"),
        "backs" => ("#2e7d32", "backs"),
        "proposed" => ("#b25e00", "proposed"),
        _ => ("#555555", "related"),
    }
}

fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The picture as Graphviz DOT.
pub fn to_dot(p: &Picture) -> String {
    let mut s = String::from(
        "digraph newsgraph {\n  graph [overlap=false, splines=true, outputorder=edgesfirst, fontname=\"Helvetica\", pad=0.3, nodesep=0.5, ranksep=0.9];\n  node [style=\"filled\", fontname=\"Helvetica\", fontsize=12, color=\"#5b6577\", penwidth=0.8];\n  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n",
    );
    for (i, n) in p.nodes.iter().enumerate() {
        let (fill, shape) = style(&n.etype);
        let _ = writeln!(
            s,
            "  n{i} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}, URL={}];",
            dot_string(&n.label),
            dot_string(&format!("{} ({})", n.label, n.etype)),
            dot_string(&n.iri)
        );
    }
    for e in &p.edges {
        let (colour, words) = edge_style(&e.relation);
        let label = if e.articles > 1 {
            format!("{words} ×{}", e.articles)
        } else {
            words.to_string()
        };
        let tip = format!(
            "{} {} {} — {} article{}{}{}: “{}”",
            p.nodes[e.from].label,
            words,
            p.nodes[e.to].label,
            e.articles,
            if e.articles == 1 { "" } else { "s" },
            if e.outlets.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    e.outlets.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            },
            e.dates
                .as_ref()
                .map(|(f, l)| if f == l {
                    format!(", {f}")
                } else {
                    format!(", {f} to {l}")
                })
                .unwrap_or_default(),
            e.sentence
        );
        let dir = if e.relation == "metWith" || e.relation == TOOK_PART {
            ", dir=none"
        } else {
            ""
        };
        let dashed = if e.relation == "proposed" {
            ", style=dashed"
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  n{} -> n{} [label={}, color=\"{colour}\", fontcolor=\"{colour}\", penwidth={:.1}, tooltip={}{dir}{dashed}];",
            e.from,
            e.to,
            dot_string(&label),
            1.0 + (e.articles as f64).ln().min(3.0),
            dot_string(&tip)
        );
    }
    s.push_str("}\n");
    s
}

/// Renders DOT to `format` (`svg`, `png`, …) with Graphviz's `layout` program.
pub fn render(dot: &str, layout: &str, format: &str) -> Result<Vec<u8>, VizError> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let fail = |message: String| VizError::Graphviz {
        program: layout.to_string(),
        format: format.to_string(),
        message,
    };
    let mut child = Command::new(layout)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(e.to_string()))?;
    let mut stdin = child.stdin.take().ok_or_else(|| fail("no stdin".into()))?;
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| fail(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(fail(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    Ok(out.stdout)
}
