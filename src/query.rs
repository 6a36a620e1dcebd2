//! Stage 5a: SPARQL over the store — the bundled queries in `queries/` (compiled into the
//! binary), a query file, or a query string — with parameters bound as RDF terms (never
//! pasted into the query text), and results as a readable table or in the standard
//! SPARQL results formats; CONSTRUCT and DESCRIBE results as RDF.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator,
};

mod params;

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
    "reported-meetings",
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
    #[error("{origin}{}: SPARQL syntax error: {message}{}", position.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default(), excerpt.as_deref().map(|e| format!("\n{e}")).unwrap_or_default())]
    Syntax {
        /// Where the query came from.
        origin: String,
        /// Line and column (1-based), when the parser gives them.
        position: Option<(usize, usize)>,
        /// The parser's message.
        message: String,
        /// The line at fault with a caret under the column.
        excerpt: Option<String>,
    },
    /// The query ran longer than its time limit and was stopped.
    #[error(
        "{origin}: stopped after {seconds} s (--timeout); narrow the query or raise the limit"
    )]
    Timeout {
        /// Where the query came from.
        origin: String,
        /// The limit.
        seconds: f64,
    },
    /// A parameter is not `name=value`.
    #[error("parameter {0:?} is not of the form name=value")]
    BadParam(String),
    /// A parameter name is not a SPARQL variable name.
    #[error("parameter name {0:?} is not a valid SPARQL variable name")]
    BadParamName(String),
    /// A parameter names no variable of the query.
    #[error("{origin}: has no variable ?{name} for the parameter {name}=… (its header says which parameters it takes)")]
    UnknownParam {
        /// Where the query came from.
        origin: String,
        /// The parameter's name.
        name: String,
    },
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

/// A query to run: its text, where it came from, its parameters and how to answer.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// Where the query came from (a bundled name, a file, `--sparql`), for messages.
    pub origin: &'a str,
    /// The SPARQL text.
    pub text: &'a str,
    /// Values bound to variables (as RDF terms, never pasted into the text).
    pub params: &'a [(Variable, Term)],
    /// The results format.
    pub format: ResultsFormat,
    /// Base IRI used to shorten IRIs in tables.
    pub base: &'a str,
    /// Stop the query after this long.
    pub timeout: Option<Duration>,
    /// The RDF format of CONSTRUCT and DESCRIBE results.
    pub graph_format: RdfFormat,
    /// Which rows of a SELECT's solutions to write.
    pub page: Page,
}

/// Which rows of a query's solutions to write: past the first `offset`, at most `limit`
/// (every one with `limit: None`). Rows are written as the store gives them, so a page
/// of a long listing does not wait for the rest, and `--all` streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Rows skipped before the first one written.
    pub offset: usize,
    /// The most rows written.
    pub limit: Option<usize>,
}

impl Page {
    /// Every row.
    pub const ALL: Page = Page {
        offset: 0,
        limit: None,
    };
    /// The rows a page of `newsgraph query` has unless told otherwise.
    pub const DEFAULT_ROWS: usize = 50;
}

/// What a query wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Rows (solutions, or triples of a graph; 1 for a boolean).
    pub rows: usize,
    /// Whether rows past the page's end were left out.
    pub more: bool,
}

impl<'a> Request<'a> {
    /// A request for `text` with no parameters, as a table, without a time limit.
    pub fn new(origin: &'a str, text: &'a str) -> Self {
        Request {
            origin,
            text,
            params: &[],
            format: ResultsFormat::Table,
            base: crate::graph::DEFAULT_BASE,
            timeout: None,
            graph_format: RdfFormat::Turtle,
            page: Page::ALL,
        }
    }
}

/// What a query's results are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Solutions (SELECT) or a boolean (ASK).
    Solutions,
    /// RDF triples (CONSTRUCT, DESCRIBE).
    Graph,
}

/// Whether a query gives solutions or a graph (for content negotiation before it runs).
pub fn kind(text: &str) -> Result<Kind, QueryError> {
    match spargebra::SparqlParser::new().parse_query(text) {
        Ok(spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. }) => {
            Ok(Kind::Graph)
        }
        Ok(_) => Ok(Kind::Solutions),
        Err(e) => Err(syntax_error("query", text, &e.to_string())),
    }
}

/// A syntax error from the parser's `error at L:C: message`, with the line at fault.
fn syntax_error(origin: &str, text: &str, parser_message: &str) -> QueryError {
    let parsed = parser_message.strip_prefix("error at ").and_then(|rest| {
        let (pos, message) = rest.split_once(": ")?;
        let (l, c) = pos.split_once(':')?;
        Some((
            (l.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
            message,
        ))
    });
    let Some(((line, column), message)) = parsed else {
        return QueryError::Syntax {
            origin: origin.to_string(),
            position: None,
            message: parser_message.to_string(),
            excerpt: None,
        };
    };
    let excerpt = text.lines().nth(line.saturating_sub(1)).map(|l| {
        let caret = l.chars().take(column.saturating_sub(1)).count();
        format!(
            "  {line} | {l}\n  {} | {}^",
            " ".repeat(line.to_string().len()),
            " ".repeat(caret)
        )
    });
    QueryError::Syntax {
        origin: origin.to_string(),
        position: Some((line, column)),
        message: message.to_string(),
        excerpt,
    }
}

/// Stops a query when its time is up: a thread that waits for the limit, or for the
/// query to finish first (when the guard is dropped).
struct Deadline {
    _done: Option<mpsc::Sender<()>>,
}

impl Deadline {
    fn start(token: &CancellationToken, limit: Option<Duration>) -> Self {
        let Some(limit) = limit else {
            return Deadline { _done: None };
        };
        let (tx, rx) = mpsc::channel::<()>();
        let token = token.clone();
        std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(limit) {
                token.cancel();
            }
        });
        Deadline { _done: Some(tx) }
    }
}

/// Runs a query on the store with the parameters bound, writing results to `out`;
/// returns the number of rows.
pub fn run<W: Write>(
    store: &NewsStore,
    req: &Request<'_>,
    out: &mut W,
) -> Result<usize, QueryError> {
    run_page(store, req, out).map(|w| w.rows)
}

/// Runs a query as [`run`] does, writing only the rows of `req.page`; says how many it
/// wrote and whether more follow.
pub fn run_page<W: Write>(
    store: &NewsStore,
    req: &Request<'_>,
    out: &mut W,
) -> Result<Written, QueryError> {
    let token = CancellationToken::new();
    let mut parsed = spargebra::SparqlParser::new()
        .parse_query(req.text)
        .map_err(|e| syntax_error(req.origin, req.text, &e.to_string()))?;
    if let Some((v, _)) = req.params.iter().find(|(v, _)| !params::uses(req.text, v)) {
        return Err(QueryError::UnknownParam {
            origin: req.origin.to_string(),
            name: v.as_str().to_string(),
        });
    }
    let rest = params::bind_first(&mut parsed, req.params);
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .for_query(parsed);
    for (v, t) in rest {
        prepared = prepared.substitute_variable(v, t);
    }
    let _deadline = Deadline::start(&token, req.timeout);
    let evaluation = |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => QueryError::Timeout {
            origin: req.origin.to_string(),
            seconds: req.timeout.map_or(0.0, |t| t.as_secs_f64()),
        },
        other => QueryError::Evaluation(other.to_string()),
    };
    let (format, base) = (req.format, req.base);
    let results = crate::store::over_union(prepared)
        .on_store(store.inner())
        .execute()
        .map_err(evaluation)?;
    match results {
        QueryResults::Solutions(mut solutions) => {
            let vars: Vec<Variable> = solutions.variables().to_vec();
            for skipped in solutions.by_ref().take(req.page.offset) {
                skipped.map_err(evaluation)?;
            }
            let limit = req.page.limit.unwrap_or(usize::MAX);
            let page = solutions
                .by_ref()
                .take(limit)
                .map(|r| r.map_err(evaluation));
            let n = match format {
                ResultsFormat::Table => {
                    // the columns' widths need every row of the page first
                    let rows: Vec<QuerySolution> = page.collect::<Result<_, _>>()?;
                    write_table(&vars, &rows, base, out)?;
                    rows.len()
                }
                other => {
                    let f = match other {
                        ResultsFormat::Json => QueryResultsFormat::Json,
                        ResultsFormat::Xml => QueryResultsFormat::Xml,
                        ResultsFormat::Csv => QueryResultsFormat::Csv,
                        _ => QueryResultsFormat::Tsv,
                    };
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, vars.clone())?;
                    let mut n = 0;
                    for r in page {
                        w.serialize(&r?)?;
                        n += 1;
                    }
                    w.finish()?;
                    n
                }
            };
            let more = n == limit && solutions.next().is_some();
            Ok(Written { rows: n, more })
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
            Ok(Written {
                rows: 1,
                more: false,
            })
        }
        QueryResults::Graph(triples) => {
            let mut s = oxigraph::io::RdfSerializer::from_format(req.graph_format);
            for (p, ns) in PREFIXES {
                s = s.with_prefix(*p, *ns).expect("valid prefix");
            }
            let mut w = s.for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                w.serialize_triple(&t.map_err(evaluation)?)?;
                n += 1;
            }
            w.finish()?;
            Ok(Written {
                rows: n,
                more: false,
            })
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
