//! Stage 5d: the store over HTTP — a SPARQL 1.1 Protocol endpoint at `/query` (GET and
//! POST, content negotiation for the results formats and RDF), SPARQL Update at
//! `/update` only when asked for, and a small query page at `/` where the bundled
//! queries can be picked, edited and run, their results shown as a table.
//!
//! It sits beside [`crate::query`], which it calls for every query, so the endpoint
//! answers exactly what `newsgraph query` answers: the default graph is the union of
//! every graph (the merged world and every article), and the bundled queries' parameters
//! are bound as terms (`param=entity=Sergei Lavrov`, a newsgraph extension of the
//! protocol, as `--param` on the command line). Requests are served by a few threads;
//! Oxigraph's store takes concurrent readers.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use oxigraph::sparql::SparqlEvaluator;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::query::{self, Bundled, QueryError, BUNDLED};
use crate::store::NewsStore;

pub mod negotiate;

/// The query page (HTML, CSS and script in one file, nothing fetched from elsewhere).
const PAGE: &str = include_str!("serve/page.html");

/// The largest request body read (a query or an update).
pub const MAX_BODY: u64 = 16 << 20;

/// How the endpoint serves.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on (127.0.0.1:7878 by default: this machine only).
    pub bind: SocketAddr,
    /// Whether `/update` takes SPARQL updates (the store must be open for writing).
    pub allow_update: bool,
    /// Stop a query after this long.
    pub timeout: Duration,
    /// Threads answering requests.
    pub threads: usize,
    /// The most rows a SELECT answer holds (`None`: every row); an answer cut there says so
    /// in its `Newsgraph-Rows-Truncated` header. A bound on what one request can make the
    /// server hold.
    pub max_rows: Option<usize>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            allow_update: false,
            timeout: Duration::from_secs(30),
            threads: 4,
            max_rows: Some(DEFAULT_MAX_ROWS),
        }
    }
}

/// Errors that stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {message}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        message: String,
    },
    /// Accepting connections failed.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// The rows a SELECT answer of `serve` holds unless told otherwise.
pub const DEFAULT_MAX_ROWS: usize = 100_000;

/// An answer: status, media type, body.
struct Answer {
    status: u16,
    media: &'static str,
    body: Vec<u8>,
    /// The rows sent when more were left out past `max_rows` (said in a header).
    truncated_at: Option<usize>,
}

impl Answer {
    fn ok(media: &'static str, body: Vec<u8>) -> Self {
        Answer {
            status: 200,
            media,
            body,
            truncated_at: None,
        }
    }

    fn error(status: u16, message: impl std::fmt::Display) -> Self {
        Answer {
            status,
            media: "text/plain; charset=utf-8",
            body: format!("{message}\n").into_bytes(),
            truncated_at: None,
        }
    }
}

/// Listens on `opts.bind` and answers until the process ends; `ready` is called with
/// the address actually bound (port 0 picks a free one) before the first request.
pub fn serve(
    store: &NewsStore,
    opts: &ServeOptions,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let server = Server::http(opts.bind).map_err(|e| ServeError::Bind {
        addr: opts.bind,
        message: e.to_string(),
    })?;
    let addr = server.server_addr().to_ip().unwrap_or(opts.bind);
    ready(addr);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..opts.threads.max(1))
            .map(|_| {
                scope.spawn(|| -> Result<(), ServeError> {
                    loop {
                        let request = server.recv()?;
                        answer(store, opts, request);
                    }
                })
            })
            .collect();
        for w in workers {
            match w.join() {
                Ok(r) => r?,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(())
    })
}

/// Answers one request; a client that went away is not an error.
fn answer(store: &NewsStore, opts: &ServeOptions, mut request: Request) {
    let a = route(store, opts, &mut request);
    let mut response = Response::from_data(a.body).with_status_code(a.status);
    let sent = a.truncated_at.map(|n| n.to_string());
    let headers = [
        ("Content-Type", Some(a.media)),
        ("X-Content-Type-Options", Some("nosniff")),
        ("Vary", Some("Accept")),
        ("Newsgraph-Rows-Truncated", sent.as_deref()),
    ];
    for (k, v) in headers.into_iter().filter_map(|(k, v)| Some((k, v?))) {
        if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn route(store: &NewsStore, opts: &ServeOptions, request: &mut Request) -> Answer {
    let url = request.url().to_string();
    let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
    match (request.method(), path) {
        (Method::Get | Method::Head, "/") => {
            Answer::ok("text/html; charset=utf-8", PAGE.as_bytes().to_vec())
        }
        (Method::Get | Method::Head, "/queries") => {
            Answer::ok("application/json", bundled_json().into_bytes())
        }
        (Method::Get | Method::Head, "/query") => {
            sparql_query(store, opts, request, pairs(query_string.as_bytes()), None)
        }
        (Method::Post, "/query") => match body(request) {
            Ok(body) => {
                let media = content_type(request);
                match media.as_str() {
                    "application/sparql-query" => match String::from_utf8(body) {
                        Ok(text) => {
                            sparql_query(store, opts, request, pairs(query_string.as_bytes()), Some(text))
                        }
                        Err(_) => Answer::error(400, "the query is not UTF-8 text"),
                    },
                    "application/x-www-form-urlencoded" => {
                        sparql_query(store, opts, request, pairs(&body), None)
                    }
                    other => Answer::error(
                        415,
                        format!("a query is posted as application/sparql-query or application/x-www-form-urlencoded, not {other:?}"),
                    ),
                }
            }
            Err(a) => a,
        },
        (Method::Post, "/update") if !opts.allow_update => Answer::error(
            403,
            "this endpoint is read-only (start it with `newsgraph serve --allow-update` to take updates)",
        ),
        (Method::Post, "/update") => match body(request) {
            Ok(body) => {
                let text = match content_type(request).as_str() {
                    "application/sparql-update" => String::from_utf8(body).ok(),
                    "application/x-www-form-urlencoded" => pairs(&body)
                        .into_iter()
                        .find(|(k, _)| k == "update")
                        .map(|(_, v)| v),
                    _ => None,
                };
                match text {
                    Some(text) => update(store, &text),
                    None => Answer::error(
                        415,
                        "an update is posted as application/sparql-update, or as update=… in application/x-www-form-urlencoded",
                    ),
                }
            }
            Err(a) => a,
        },
        (_, "/" | "/queries" | "/query" | "/update") => {
            Answer::error(405, format!("{} is not allowed on {path}", request.method()))
        }
        _ => Answer::error(404, format!("nothing at {path}: try / (the query page) or /query")),
    }
}

fn content_type(request: &Request) -> String {
    header(request, "Content-Type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn body(request: &mut Request) -> Result<Vec<u8>, Answer> {
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| Answer::error(400, format!("cannot read the request: {e}")))?;
    if body.len() as u64 > MAX_BODY {
        return Err(Answer::error(
            413,
            format!("requests are limited to {MAX_BODY} bytes"),
        ));
    }
    Ok(body)
}

fn pairs(encoded: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(encoded).into_owned().collect()
}

/// The bundled queries as JSON: name, summary, header comment, text.
fn bundled_json() -> String {
    let list: Vec<serde_json::Value> = BUNDLED
        .iter()
        .map(|b: &Bundled| {
            serde_json::json!({
                "name": b.name,
                "summary": b.summary(),
                "header": b.header(),
                "text": b.text,
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

fn sparql_query(
    store: &NewsStore,
    opts: &ServeOptions,
    request: &Request,
    params: Vec<(String, String)>,
    posted: Option<String>,
) -> Answer {
    let mut text = posted;
    let mut bindings = Vec::new();
    for (k, v) in params {
        match k.as_str() {
            "query" if text.is_none() => text = Some(v),
            "query" => return Answer::error(400, "give the query once"),
            "param" => bindings.push(v),
            "default-graph-uri" | "named-graph-uri" => {
                return Answer::error(
                    400,
                    "default-graph-uri and named-graph-uri are not supported: the default graph is the union of all graphs; use GRAPH or FROM in the query",
                )
            }
            _ => {}
        }
    }
    let Some(text) = text else {
        return Answer::error(
            400,
            "no query: give query=… (or POST application/sparql-query)",
        );
    };
    let bindings = match query::parse_params(&bindings) {
        Ok(b) => b,
        Err(e) => return Answer::error(400, e),
    };
    let accept = header(request, "Accept");
    let graph = match query::kind(&text) {
        Ok(k) => k == query::Kind::Graph,
        Err(e) => return Answer::error(400, e),
    };
    let mut req = query::Request {
        params: &bindings,
        timeout: Some(opts.timeout),
        page: query::Page {
            offset: 0,
            limit: opts.max_rows,
        },
        ..query::Request::new("query", &text)
    };
    let media = if graph {
        match negotiate::choose(accept, negotiate::GRAPH_TYPES) {
            Some((media, f)) => {
                req.graph_format = f;
                media
            }
            None => return not_acceptable(negotiate::GRAPH_TYPES),
        }
    } else {
        match negotiate::choose(accept, negotiate::SOLUTION_TYPES) {
            Some((media, f)) => {
                req.format = f;
                media
            }
            None => return not_acceptable(negotiate::SOLUTION_TYPES),
        }
    };
    let mut out = Vec::new();
    match query::run_page(store, &req, &mut out) {
        Ok(w) => Answer {
            truncated_at: w.more.then_some(w.rows),
            ..Answer::ok(media, out)
        },
        Err(
            e @ (QueryError::Syntax { .. }
            | QueryError::BadParam(_)
            | QueryError::BadParamName(_)
            | QueryError::UnknownParam { .. }),
        ) => Answer::error(400, e),
        Err(e @ QueryError::Timeout { .. }) => Answer::error(503, e),
        Err(e) => Answer::error(500, e),
    }
}

fn not_acceptable<T>(offered: &[(&str, T)]) -> Answer {
    let list: Vec<&str> = offered.iter().map(|(m, _)| *m).collect();
    Answer::error(
        406,
        format!(
            "none of the accepted media types can be given; this query's results come as {}",
            list.join(", ")
        ),
    )
}

fn update(store: &NewsStore, text: &str) -> Answer {
    let parsed = match SparqlEvaluator::new().parse_update(text) {
        Ok(u) => u,
        Err(e) => return Answer::error(400, format!("SPARQL syntax error: {e}")),
    };
    match parsed.on_store(store.inner()).execute() {
        Ok(()) => Answer {
            status: 204,
            media: "text/plain; charset=utf-8",
            body: Vec::new(),
            truncated_at: None,
        },
        Err(e) => Answer::error(500, format!("update failed: {e}")),
    }
}
