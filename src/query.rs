//! Stage 5a: SPARQL over the store — the bundled queries in `queries/` (compiled into the
//! binary), a query file, or a query string — with parameters bound as RDF terms (never
//! pasted into the query text), and results as a readable table or in the standard
//! SPARQL results formats; CONSTRUCT and DESCRIBE results as RDF.

use std::io::Write;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};

use crate::graph::vocab::PREFIXES;
use crate::store::NewsStore;

/// A query shipped with newsgraph.
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    /// Its name (the file name without `.rq`).
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        &[$(Bundled { name: $name, text: include_str!(concat!("../queries/", $name, ".rq")) }),*]
    };
}

/// The bundled queries.
pub const BUNDLED: &[Bundled] = bundled!(
    "who-met-whom",
    "who-backs-whom",
    "proposals",
    "entity",
    "evidence",
    "timeline",
    "mentions-per-outlet",
);

impl Bundled {
    /// Finds a bundled query by name.
    pub fn get(name: &str) -> Option<&'static Bundled> {
        BUNDLED.iter().find(|b| b.name == name)
    }

    /// The first line of the header comment.
    pub fn summary(&self) -> String {
        self.header().lines().next().unwrap_or("").to_string()
    }

    /// The header comment, without `#`.
    pub fn header(&self) -> String {
        self.text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').trim())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Output formats of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsFormat {
    /// An aligned text table (for people).
    Table,
    /// SPARQL Query Results JSON (application/sparql-results+json).
    Json,
    /// SPARQL Query Results XML (application/sparql-results+xml).
    Xml,
    /// CSV (text/csv).
    Csv,
    /// TSV (text/tab-separated-values).
    Tsv,
}

/// Errors of the query stage.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query does not parse.
    #[error("{origin}: SPARQL syntax error: {message}")]
    Syntax {
        /// Where the query came from.
        origin: String,
        /// The parser's message (with line and column).
        message: String,
    },
    /// A parameter is not `name=value`.
    #[error("parameter {0:?} is not of the form name=value")]
    BadParam(String),
    /// A parameter name is not a SPARQL variable name.
    #[error("parameter name {0:?} is not a valid SPARQL variable name")]
    BadParamName(String),
    /// Evaluation failed.
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    /// Writing failed.
    #[error("writing results failed: {0}")]
    Io(#[from] std::io::Error),
}

/// A parameter value as an RDF term: `<iri>` or an http(s) IRI is an IRI, anything else a
/// plain string literal.
pub fn param_term(value: &str) -> Term {
    let iri = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value);
    if (iri.starts_with("http://") || iri.starts_with("https://") || iri.starts_with("urn:"))
        && !iri.contains(char::is_whitespace)
    {
        if let Ok(n) = NamedNode::new(iri) {
            return n.into();
        }
    }
    Literal::new_simple_literal(value).into()
}

/// Parses `name=value` parameters into variable bindings.
pub fn parse_params(params: &[String]) -> Result<Vec<(Variable, Term)>, QueryError> {
    params
        .iter()
        .map(|p| {
            let (k, v) = p
                .split_once('=')
                .ok_or_else(|| QueryError::BadParam(p.clone()))?;
            let var = Variable::new(k.trim().trim_start_matches(['?', '$']))
                .map_err(|_| QueryError::BadParamName(k.to_string()))?;
            Ok((var, param_term(v)))
        })
        .collect()
}

/// Runs a query on the store with the parameters bound, writing results to `out`.
pub fn run<W: Write>(
    store: &NewsStore,
    origin: &str,
    text: &str,
    params: &[(Variable, Term)],
    format: ResultsFormat,
    base: &str,
    out: &mut W,
) -> Result<usize, QueryError> {
    let mut prepared =
        SparqlEvaluator::new()
            .parse_query(text)
            .map_err(|e| QueryError::Syntax {
                origin: origin.to_string(),
                message: e.to_string(),
            })?;
    for (v, t) in params {
        prepared = prepared.substitute_variable(v.clone(), t.clone());
    }
    let results = crate::store::over_union(prepared)
        .on_store(store.inner())
        .execute()
        .map_err(|e| QueryError::Evaluation(e.to_string()))?;
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<Variable> = solutions.variables().to_vec();
            let mut rows: Vec<QuerySolution> = Vec::new();
            for s in solutions {
                rows.push(s.map_err(|e| QueryError::Evaluation(e.to_string()))?);
            }
            let n = rows.len();
            match format {
                ResultsFormat::Table => write_table(&vars, &rows, base, out)?,
                other => {
                    let f = match other {
                        ResultsFormat::Json => QueryResultsFormat::Json,
                        ResultsFormat::Xml => QueryResultsFormat::Xml,
                        ResultsFormat::Csv => QueryResultsFormat::Csv,
                        _ => QueryResultsFormat::Tsv,
                    };
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, vars.clone())?;
                    for r in &rows {
                        w.serialize(r)?;
                    }
                    w.finish()?;
                }
            }
            Ok(n)
        }
        QueryResults::Boolean(b) => {
            match format {
                ResultsFormat::Table => writeln!(out, "{b}")?,
                ResultsFormat::Json => {
                    QueryResultsSerializer::from_format(QueryResultsFormat::Json)
                        .serialize_boolean_to_writer(&mut *out, b)?;
                }
                ResultsFormat::Xml => {
                    QueryResultsSerializer::from_format(QueryResultsFormat::Xml)
                        .serialize_boolean_to_writer(&mut *out, b)?;
                }
                _ => writeln!(out, "{b}")?,
            }
            Ok(1)
        }
        QueryResults::Graph(triples) => {
            let mut s = oxigraph::io::RdfSerializer::from_format(RdfFormat::Turtle);
            for (p, ns) in PREFIXES {
                s = s.with_prefix(*p, *ns).expect("valid prefix");
            }
            let mut w = s.for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                w.serialize_triple(&t.map_err(|e| QueryError::Evaluation(e.to_string()))?)?;
                n += 1;
            }
            w.finish()?;
            Ok(n)
        }
    }
}

/// A term as people read it: literals bare, IRIs shortened by prefix or base.
pub fn display_term(t: &Term, base: &str) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let s = n.as_str();
            if let Some(rest) = s.strip_prefix(base) {
                return rest.to_string();
            }
            for (p, ns) in PREFIXES {
                if let Some(rest) = s.strip_prefix(ns) {
                    return format!("{p}:{rest}");
                }
            }
            format!("<{s}>")
        }
        other => other.to_string(),
    }
}

fn write_table<W: Write>(
    vars: &[Variable],
    rows: &[QuerySolution],
    base: &str,
    out: &mut W,
) -> std::io::Result<()> {
    const MAX: usize = 60;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vars.iter()
                .map(|v| {
                    let s = r
                        .get(v)
                        .map(|t| display_term(t, base))
                        .unwrap_or_default()
                        .replace('\n', " ");
                    if s.chars().count() > MAX {
                        format!("{}…", s.chars().take(MAX - 1).collect::<String>())
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = vars.iter().map(|v| v.as_str().chars().count()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut W, items: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            s.push_str(it);
            if i + 1 < items.len() {
                s.push_str(&" ".repeat(widths[i] - it.chars().count()));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(
        out,
        &vars
            .iter()
            .map(|v| v.as_str().to_string())
            .collect::<Vec<_>>(),
    )?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_query_parses_and_has_a_header() {
        for q in BUNDLED {
            assert!(
                SparqlEvaluator::new().parse_query(q.text).is_ok(),
                "{} does not parse",
                q.name
            );
            assert!(!q.summary().is_empty(), "{} has no header comment", q.name);
        }
    }

    #[test]
    fn parameters_are_terms_not_text() {
        let p = parse_params(&["entity=x\" } ; DROP ALL ; {".to_string()]).expect("parses");
        assert_eq!(
            p[0].1,
            Term::from(Literal::new_simple_literal("x\" } ; DROP ALL ; {"))
        );
        assert!(matches!(
            param_term("https://example.org/a"),
            Term::NamedNode(_)
        ));
        assert!(parse_params(&["noequals".to_string()]).is_err());
    }
}
