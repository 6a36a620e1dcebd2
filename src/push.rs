//! Stage 5c: loading the graph into an external triple store (Virtuoso, Fuseki,
//! GraphDB, Oxigraph server, Neptune…) over HTTP, with the SPARQL 1.1 Graph Store
//! Protocol (PUT then POST per graph) or SPARQL 1.1 Update (`INSERT DATA`).
//!
//! What is sent is a list of *units*, each a remote named graph with its local content:
//! the merged graph as one graph, or (with [`Layout::GraphPerArticle`]) each article's
//! graph under its own IRI and the world graph. A unit is sent in batches of at most
//! [`PushOptions::batch_triples`] triples, so no request has to hold a large graph.
//!
//! Refresh is incremental: the store records, for each endpoint and remote graph, a
//! digest of what was last sent ([`ng:PushRecord`](crate::graph::vocab::ng::PUSH_RECORD)
//! in the bookkeeping graph), and a unit whose digest has not changed is not sent again.
//! Each unit replaces its remote graph, so pushing twice never doubles anything.
//!
//! Faults: a unit sent with one request (or through a staging graph with SPARQL
//! Update) leaves the remote graph as it was or complete. A unit of several Graph Store
//! requests that fails half-way is reported as incomplete, with the count sent, and is
//! not recorded, so the next push sends it again. With a query endpoint the remote
//! triple counts are checked against the local ones after sending; a graph that
//! differs is sent once more and then reported.

pub mod digest;
pub mod http;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use oxigraph::model::vocab::rdf;
use oxigraph::model::{Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term, TripleRef};
use sha2::{Digest as _, Sha256};
use url::Url;

pub use http::{AuthScheme, Credentials};

use crate::graph::vocab::ng;
use crate::ingest::hex_sha256;
use crate::store::{NewsStore, StoreError, META_GRAPH};

pub use crate::export::Layout;

/// Errors of `push`. Every message names the endpoint; none holds a credential.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The endpoint URL is not usable.
    #[error("bad endpoint URL {url}: {message}")]
    BadUrl {
        /// The URL as given (without credentials).
        url: String,
        /// Why.
        message: String,
    },
    /// Nothing answered, or the connection broke.
    #[error("cannot reach {endpoint}: {message} (is the server running, and is the URL right?)")]
    Connect {
        /// The endpoint.
        endpoint: String,
        /// The cause.
        message: String,
    },
    /// No answer in time.
    #[error(
        "{endpoint} did not answer within {seconds} s (raise --timeout, or lower --batch-triples)"
    )]
    Timeout {
        /// The endpoint.
        endpoint: String,
        /// The timeout.
        seconds: f64,
    },
    /// The server asks for credentials and none were given.
    #[error("{endpoint} answered 401 Unauthorized: give --user and --password-env VAR")]
    NeedsCredentials {
        /// The endpoint.
        endpoint: String,
    },
    /// The server refused the credentials.
    #[error("{endpoint} answered 401 Unauthorized for user {user:?}: check the user and password{}", if detail.is_empty() { String::new() } else { format!(" (server said: {detail})") })]
    Unauthorized {
        /// The endpoint.
        endpoint: String,
        /// The user (never the password).
        user: String,
        /// The server's text.
        detail: String,
    },
    /// Any other non-2xx answer.
    #[error("{endpoint} answered {status} to {method}{}{}", status_hint(*status), if detail.is_empty() { String::new() } else { format!(": {detail}") })]
    Status {
        /// The endpoint.
        endpoint: String,
        /// The HTTP method.
        method: String,
        /// The status.
        status: u16,
        /// The server's text.
        detail: String,
    },
    /// A unit of several requests failed after some were accepted.
    #[error("remote graph <{graph}> at {endpoint} is INCOMPLETE: {sent} of {total} triples were sent when this failed (push again to replace it): {cause}")]
    Incomplete {
        /// The endpoint.
        endpoint: String,
        /// The remote graph.
        graph: String,
        /// Triples accepted.
        sent: usize,
        /// Triples of the graph.
        total: usize,
        /// The failure.
        cause: Box<PushError>,
    },
    /// The remote counts differ from the local ones after sending.
    #[error("after pushing, {endpoint} holds {remote} triples in graph <{graph}>, and the local store {local}")]
    Mismatch {
        /// The query endpoint.
        endpoint: String,
        /// The remote graph.
        graph: String,
        /// Remote count.
        remote: usize,
        /// Local count.
        local: usize,
    },
    /// The query endpoint's answer could not be read.
    #[error("cannot read the answer of {endpoint}: {message}")]
    BadAnswer {
        /// The endpoint.
        endpoint: String,
        /// Why.
        message: String,
    },
    /// A named graph is needed.
    #[error(
        "the merged graph needs a remote graph name: give --graph IRI (or --graph-per-article)"
    )]
    NoGraph,
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn status_hint(status: u16) -> &'static str {
    match status {
        400 => " Bad Request (if the server finds the request too large, lower --batch-triples)",
        403 => " Forbidden (the user may not write here)",
        404 => " Not Found (is this the Graph Store / Update endpoint URL?)",
        405 => " Method Not Allowed (a read-only endpoint? use the Graph Store or Update URL)",
        413 => " Payload Too Large (lower --batch-triples)",
        415 => " Unsupported Media Type",
        s if s >= 500 => " (server error)",
        _ => "",
    }
}

/// How graphs are written remotely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Protocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces a graph, POST adds to it.
    GraphStore,
    /// SPARQL 1.1 Update: `INSERT DATA` batches (through a staging graph when a graph
    /// needs several), `DROP`/`MOVE` to replace.
    Update,
}

/// What to push where, and how.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The Graph Store or Update endpoint.
    pub endpoint: Url,
    /// Which protocol `endpoint` speaks.
    pub protocol: Protocol,
    /// A SPARQL query endpoint for checking counts afterwards (the Update endpoint is
    /// used when none is given and the protocol is Update).
    pub query_endpoint: Option<Url>,
    /// The remote graph of the merged graph (or of the world graph, per article).
    pub graph: Option<NamedNode>,
    /// Merged, or one graph per article.
    pub layout: Layout,
    /// Triples per request, at most.
    pub batch_triples: usize,
    /// Bytes of N-Triples per request, at most (a batch ends at whichever comes first).
    pub batch_bytes: usize,
    /// Per-request timeout.
    pub timeout: Duration,
    /// Repeats of a request after a connection error, timeout, 408, 429 or 5xx.
    pub retries: u32,
    /// First backoff delay (doubled at each retry).
    pub backoff: Duration,
    /// Send every unit even if unchanged since the last push.
    pub full: bool,
    /// User and password.
    pub credentials: Option<Credentials>,
    /// Which authentication to offer.
    pub auth: AuthScheme,
}

impl PushOptions {
    /// Options with the defaults: 50,000 triples (Graph Store) or 500 triples (Update:
    /// Virtuoso 7 refuses an `INSERT DATA` of 2,000) and at most 8 MB a request, 120 s
    /// timeout, 3 retries from 0.5 s.
    pub fn new(endpoint: Url, protocol: Protocol) -> PushOptions {
        PushOptions {
            endpoint,
            protocol,
            query_endpoint: None,
            graph: None,
            layout: Layout::Merged,
            batch_triples: match protocol {
                Protocol::GraphStore => 50_000,
                Protocol::Update => 500,
            },
            batch_bytes: 8 << 20,
            timeout: Duration::from_secs(120),
            retries: 3,
            backoff: Duration::from_millis(500),
            full: false,
            credentials: None,
            auth: AuthScheme::Auto,
        }
    }

    fn query_endpoint(&self) -> Option<&Url> {
        self.query_endpoint.as_ref().or(match self.protocol {
            Protocol::Update => Some(&self.endpoint),
            Protocol::GraphStore => None,
        })
    }
}

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PushSummary {
    /// Remote graphs sent.
    pub graphs_sent: usize,
    /// Remote graphs unchanged since the last push, not sent.
    pub graphs_unchanged: usize,
    /// Triples sent.
    pub triples_sent: usize,
    /// Triples of all units (the remote total when all is well).
    pub triples_total: usize,
    /// HTTP requests made.
    pub requests: usize,
    /// Requests repeated after a failure.
    pub retried: usize,
    /// Graphs whose count was checked, when a query endpoint was known.
    pub verified_graphs: Option<usize>,
    /// Graphs sent again because the check found them different.
    pub resent: usize,
    /// Seconds taken.
    pub seconds: f64,
}

/// One remote graph and the local graphs whose triples make it.
#[derive(Debug, Clone)]
struct Unit {
    remote: NamedNode,
    sources: Vec<NamedOrBlankNode>,
    count: usize,
    digest: String,
}

fn triples_of<'a>(
    store: &'a NewsStore,
    sources: &'a [NamedOrBlankNode],
) -> impl Iterator<Item = Result<Quad, StoreError>> + 'a {
    sources.iter().flat_map(move |g| {
        store
            .inner()
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .map(|q| q.map_err(StoreError::from))
    })
}

fn ntriple(q: &Quad) -> String {
    format!(
        "{} .\n",
        TripleRef::new(&q.subject, &q.predicate, &q.object)
    )
}

/// An order-independent digest of a set of triples: the count and the sum of the
/// triples' SHA-256 hashes.
fn digest_of(
    store: &NewsStore,
    sources: &[NamedOrBlankNode],
) -> Result<(usize, String), PushError> {
    let mut acc = [0u64; 4];
    let mut n = 0;
    for q in triples_of(store, sources) {
        let h = Sha256::digest(ntriple(&q?).as_bytes());
        for (i, a) in acc.iter_mut().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&h[i * 8..i * 8 + 8]);
            *a = a.wrapping_add(u64::from_be_bytes(w));
        }
        n += 1;
    }
    Ok((
        n,
        format!(
            "{n}:{:016x}{:016x}{:016x}{:016x}",
            acc[0], acc[1], acc[2], acc[3]
        ),
    ))
}

fn units(store: &NewsStore, opts: &PushOptions) -> Result<Vec<Unit>, PushError> {
    let graphs = store.data_graphs()?;
    let mut out = Vec::new();
    match opts.layout {
        Layout::Merged => {
            let remote = opts.graph.clone().ok_or(PushError::NoGraph)?;
            out.push((remote, graphs));
        }
        Layout::GraphPerArticle => {
            for g in graphs {
                let NamedOrBlankNode::NamedNode(n) = &g else {
                    continue;
                };
                let remote = match &opts.graph {
                    Some(r) if n.as_str().ends_with(crate::graph::WORLD_GRAPH_PATH) => r.clone(),
                    _ => n.clone(),
                };
                out.push((remote, vec![g]));
            }
        }
    }
    out.into_iter()
        .map(|(remote, sources)| {
            let (count, digest) = digest_of(store, &sources)?;
            Ok(Unit {
                remote,
                sources,
                count,
                digest,
            })
        })
        .collect()
}

fn record_node(endpoint: &Url, graph: &NamedNode) -> NamedNode {
    let h = hex_sha256(format!("{endpoint} {graph}").as_bytes());
    NamedNode::new_unchecked(format!("urn:newsgraph:push:{}", &h[..32]))
}

fn recorded_digest(
    store: &NewsStore,
    endpoint: &Url,
    graph: &NamedNode,
) -> Result<Option<String>, PushError> {
    let node = record_node(endpoint, graph);
    for q in store.inner().quads_for_pattern(
        Some(node.as_ref().into()),
        Some(ng::DIGEST),
        None,
        Some(META_GRAPH.into()),
    ) {
        if let Term::Literal(l) = q.map_err(StoreError::from)?.object {
            return Ok(Some(l.value().to_string()));
        }
    }
    Ok(None)
}

fn record(
    store: &NewsStore,
    endpoint: &Url,
    graph: &NamedNode,
    digest: Option<&str>,
) -> Result<(), PushError> {
    let node = record_node(endpoint, graph);
    let mut t = store
        .inner()
        .start_transaction()
        .map_err(StoreError::from)?;
    let old: Vec<Quad> = t
        .quads_for_pattern(
            Some(node.as_ref().into()),
            None,
            None,
            Some(META_GRAPH.into()),
        )
        .collect::<Result<_, _>>()
        .map_err(StoreError::from)?;
    for q in &old {
        t.remove(q);
    }
    if let Some(d) = digest {
        let ep = Literal::new_simple_literal(endpoint.as_str());
        let dg = Literal::new_simple_literal(d);
        t.insert(QuadRef::new(&node, rdf::TYPE, ng::PUSH_RECORD, META_GRAPH));
        t.insert(QuadRef::new(&node, ng::ENDPOINT, &ep, META_GRAPH));
        t.insert(QuadRef::new(&node, ng::GRAPH, graph, META_GRAPH));
        t.insert(QuadRef::new(&node, ng::DIGEST, &dg, META_GRAPH));
    }
    t.commit().map_err(StoreError::from)?;
    Ok(())
}

/// Pushes the store to a remote triple store. `progress(done, total)` is called after
/// each unit.
pub fn push(
    store: &NewsStore,
    opts: &PushOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<PushSummary, PushError> {
    let started = Instant::now();
    let endpoint = http::without_query(&opts.endpoint);
    let mut client = http::Client::new(
        opts.timeout,
        opts.retries,
        opts.credentials.clone(),
        opts.auth,
    )
    .with_backoff(opts.backoff);
    let units = units(store, opts)?;
    let mut summary = PushSummary {
        triples_total: units.iter().map(|u| u.count).sum(),
        ..PushSummary::default()
    };
    for (i, u) in units.iter().enumerate() {
        if unchanged(store, opts, &endpoint, u)? {
            summary.graphs_unchanged += 1;
        } else {
            summary.triples_sent += send_and_record(&mut client, store, opts, &endpoint, u)?;
            summary.graphs_sent += 1;
        }
        progress(i + 1, units.len());
    }
    if let Some(q) = opts.query_endpoint().cloned() {
        let mut wrong = check_counts(&mut client, &q, &units)?;
        if !wrong.is_empty() {
            // a stale record (the remote store was emptied) or a lost request: once more
            for &i in &wrong {
                summary.triples_sent +=
                    send_and_record(&mut client, store, opts, &endpoint, &units[i])?;
                summary.resent += 1;
            }
            let again: Vec<Unit> = wrong.iter().map(|&i| units[i].clone()).collect();
            let still = check_counts(&mut client, &q, &again)?;
            wrong = still.into_iter().map(|j| wrong[j]).collect();
            if let Some(&i) = wrong.first() {
                record(store, &endpoint, &units[i].remote, None)?;
                let remote = remote_counts(&mut client, &q, std::slice::from_ref(&units[i]))?;
                return Err(PushError::Mismatch {
                    endpoint: http::without_query(&q).to_string(),
                    graph: units[i].remote.as_str().to_string(),
                    remote: remote.get(units[i].remote.as_str()).copied().unwrap_or(0),
                    local: units[i].count,
                });
            }
        }
        summary.verified_graphs = Some(units.len());
    }
    summary.requests = client.requests;
    summary.retried = client.retried;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Whether a unit is as last sent to this endpoint (and `--full` was not asked).
fn unchanged(
    store: &NewsStore,
    opts: &PushOptions,
    endpoint: &Url,
    unit: &Unit,
) -> Result<bool, PushError> {
    Ok(!opts.full
        && recorded_digest(store, endpoint, &unit.remote)?.as_deref() == Some(&unit.digest))
}

/// Sends a unit and records its digest; the old record is forgotten first, so a failure
/// leaves the unit to be sent again.
fn send_and_record(
    client: &mut http::Client,
    store: &NewsStore,
    opts: &PushOptions,
    endpoint: &Url,
    unit: &Unit,
) -> Result<usize, PushError> {
    record(store, endpoint, &unit.remote, None)?;
    let sent = match opts.protocol {
        Protocol::GraphStore => send_gsp(client, store, opts, unit)?,
        Protocol::Update => send_update(client, store, opts, unit)?,
    };
    record(store, endpoint, &unit.remote, Some(&unit.digest))?;
    Ok(sent)
}

/// Batches of N-Triples of one unit.
fn batches<'a>(
    store: &'a NewsStore,
    unit: &'a Unit,
    opts: &'a PushOptions,
) -> impl Iterator<Item = Result<(String, usize), PushError>> + 'a {
    let mut it = triples_of(store, &unit.sources);
    std::iter::from_fn(move || {
        let mut body = String::new();
        let mut n = 0;
        while n < opts.batch_triples.max(1) && body.len() < opts.batch_bytes {
            match it.next() {
                Some(Ok(q)) => {
                    body.push_str(&ntriple(&q));
                    n += 1;
                }
                Some(Err(e)) => return Some(Err(e.into())),
                None => break,
            }
        }
        (n > 0).then_some(Ok((body, n)))
    })
}

fn send_gsp(
    client: &mut http::Client,
    store: &NewsStore,
    opts: &PushOptions,
    unit: &Unit,
) -> Result<usize, PushError> {
    let mut url = opts.endpoint.clone();
    url.query_pairs_mut()
        .append_pair("graph", unit.remote.as_str());
    let mut sent = 0;
    let mut first = true;
    for batch in batches(store, unit, opts) {
        let (body, n) = batch?;
        let method = if first { "PUT" } else { "POST" };
        let r = client.send(
            method,
            &url,
            Some("application/n-triples"),
            None,
            body.as_bytes(),
        );
        if let Err(e) = r {
            return Err(if first {
                e
            } else {
                PushError::Incomplete {
                    endpoint: http::without_query(&opts.endpoint).to_string(),
                    graph: unit.remote.as_str().to_string(),
                    sent,
                    total: unit.count,
                    cause: Box::new(e),
                }
            });
        }
        sent += n;
        first = false;
    }
    if first {
        // an empty graph: PUT nothing to empty the remote one
        client.send("PUT", &url, Some("application/n-triples"), None, b"")?;
    }
    Ok(sent)
}

fn send_update(
    client: &mut http::Client,
    store: &NewsStore,
    opts: &PushOptions,
    unit: &Unit,
) -> Result<usize, PushError> {
    let target = unit.remote.as_str();
    let post = |client: &mut http::Client, update: String| {
        client.send(
            "POST",
            &opts.endpoint,
            Some("application/sparql-update"),
            None,
            update.as_bytes(),
        )
    };
    if unit.count <= opts.batch_triples {
        let mut body = String::new();
        for b in batches(store, unit, opts) {
            body.push_str(&b?.0);
        }
        if body.len() <= opts.batch_bytes {
            // one request: the server applies it whole or not at all
            let mut update = format!("DROP SILENT GRAPH <{target}> ;\n");
            if !body.is_empty() {
                update.push_str(&format!("INSERT DATA {{ GRAPH <{target}> {{\n{body}}} }}"));
            }
            post(client, update)?;
            return Ok(unit.count);
        }
    }
    // several requests: fill a staging graph, then move it over the target, so a failure
    // leaves the target as it was
    let staging = format!(
        "urn:newsgraph:staging:{}",
        &hex_sha256(target.as_bytes())[..24]
    );
    post(client, format!("DROP SILENT GRAPH <{staging}>"))?;
    let mut sent = 0;
    for b in batches(store, unit, opts) {
        let (body, n) = b?;
        let r = post(
            client,
            format!("INSERT DATA {{ GRAPH <{staging}> {{\n{body}}} }}"),
        );
        if let Err(e) = r {
            let _ = post(client, format!("DROP SILENT GRAPH <{staging}>"));
            return Err(e);
        }
        sent += n;
    }
    post(
        client,
        format!("MOVE SILENT GRAPH <{staging}> TO GRAPH <{target}>"),
    )?;
    Ok(sent)
}

/// Remote triple counts of the units' graphs, by graph IRI.
fn remote_counts(
    client: &mut http::Client,
    endpoint: &Url,
    units: &[Unit],
) -> Result<HashMap<String, usize>, PushError> {
    let mut out = HashMap::new();
    let bad = |message: String| PushError::BadAnswer {
        endpoint: http::without_query(endpoint).to_string(),
        message,
    };
    for chunk in units.chunks(200) {
        let values: Vec<String> = chunk.iter().map(|u| u.remote.to_string()).collect();
        let query = format!(
            "SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g",
            values.join(" ")
        );
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("query", &query)
            .finish();
        let reply = client.send(
            "POST",
            endpoint,
            Some("application/x-www-form-urlencoded"),
            Some("application/sparql-results+json"),
            body.as_bytes(),
        )?;
        let json: serde_json::Value =
            serde_json::from_str(&reply.body).map_err(|e| bad(e.to_string()))?;
        let rows = json["results"]["bindings"]
            .as_array()
            .ok_or_else(|| bad("no results.bindings in the JSON answer".into()))?;
        for row in rows {
            let (Some(g), Some(n)) = (row["g"]["value"].as_str(), row["n"]["value"].as_str())
            else {
                return Err(bad(format!("unexpected row {row}")));
            };
            let n = n.parse().map_err(|_| bad(format!("count {n:?}")))?;
            out.insert(g.to_string(), n);
        }
    }
    Ok(out)
}

/// The indexes of the units whose remote count differs from the local one.
fn check_counts(
    client: &mut http::Client,
    endpoint: &Url,
    units: &[Unit],
) -> Result<Vec<usize>, PushError> {
    let remote = remote_counts(client, endpoint, units)?;
    Ok(units
        .iter()
        .enumerate()
        .filter(|(_, u)| remote.get(u.remote.as_str()).copied().unwrap_or(0) != u.count)
        .map(|(i, _)| i)
        .collect())
}

/// The merged graph a push of `layout` would make remotely, as (remote graph, triple
/// count) pairs: what `--dry-run` shows.
pub fn plan(
    store: &NewsStore,
    opts: &PushOptions,
) -> Result<Vec<(String, usize, bool)>, PushError> {
    let endpoint = http::without_query(&opts.endpoint);
    units(store, opts)?
        .into_iter()
        .map(|u| {
            let same = unchanged(store, opts, &endpoint, &u)?;
            Ok((u.remote.as_str().to_string(), u.count, same))
        })
        .collect()
}

/// Checks an endpoint URL: http(s), no credentials inside.
pub fn endpoint_url(s: &str) -> Result<Url, PushError> {
    let url = Url::parse(s).map_err(|e| PushError::BadUrl {
        url: s.to_string(),
        message: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(PushError::BadUrl {
            url: s.to_string(),
            message: "only http and https endpoints".into(),
        });
    }
    if !url.username().is_empty() || url.password().is_some() {
        let mut clean = url.clone();
        let _ = clean.set_username("");
        let _ = clean.set_password(None);
        return Err(PushError::BadUrl {
            url: clean.to_string(),
            message: "credentials do not belong in the URL (they would show in process lists and logs): use --user and --password-env".into(),
        });
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_refuse_credentials_without_repeating_them() {
        let e = endpoint_url("http://dba:s3cret@127.0.0.1:8890/sparql-auth")
            .expect_err("credentials refused");
        let msg = e.to_string();
        assert!(!msg.contains("s3cret") && !msg.contains("dba"), "{msg}");
        assert!(endpoint_url("ftp://x/").is_err());
        assert!(endpoint_url("http://127.0.0.1:8890/sparql-auth").is_ok());
    }

    #[test]
    fn digests_do_not_depend_on_order_and_see_every_triple() {
        let store = NewsStore::memory().expect("store");
        let g1 = NamedNode::new_unchecked("http://x/g1");
        let g2 = NamedNode::new_unchecked("http://x/g2");
        let s = NamedNode::new_unchecked("http://x/s");
        let p = NamedNode::new_unchecked("http://x/p");
        for (i, g) in [(1, &g1), (2, &g2)] {
            store
                .inner()
                .insert(QuadRef::new(
                    &s,
                    &p,
                    &Literal::new_simple_literal(i.to_string()),
                    g,
                ))
                .expect("insert");
        }
        let a: NamedOrBlankNode = g1.clone().into();
        let b: NamedOrBlankNode = g2.clone().into();
        let d12 = digest_of(&store, &[a.clone(), b.clone()]).expect("digest");
        let d21 = digest_of(&store, &[b.clone(), a.clone()]).expect("digest");
        assert_eq!(d12, d21);
        assert_eq!(d12.0, 2);
        assert_ne!(d12, digest_of(&store, &[a]).expect("digest"));
    }

    #[test]
    fn records_are_kept_per_endpoint_and_graph() {
        let store = NewsStore::memory().expect("store");
        let e1 = Url::parse("http://127.0.0.1:1/a").expect("url");
        let e2 = Url::parse("http://127.0.0.1:1/b").expect("url");
        let g = NamedNode::new_unchecked("http://x/g");
        record(&store, &e1, &g, Some("3:abc")).expect("record");
        assert_eq!(
            recorded_digest(&store, &e1, &g).expect("read").as_deref(),
            Some("3:abc")
        );
        assert_eq!(recorded_digest(&store, &e2, &g).expect("read"), None);
        record(&store, &e1, &g, Some("4:def")).expect("record");
        assert_eq!(
            recorded_digest(&store, &e1, &g).expect("read").as_deref(),
            Some("4:def")
        );
        record(&store, &e1, &g, None).expect("forget");
        assert_eq!(recorded_digest(&store, &e1, &g).expect("read"), None);
        // bookkeeping stays out of the data
        assert!(store.data_graphs().expect("graphs").is_empty());
    }

    #[test]
    fn the_merged_layout_needs_a_graph_name() {
        let store = NewsStore::memory().expect("store");
        let opts = PushOptions::new(
            Url::parse("http://127.0.0.1:1/gsp").expect("url"),
            Protocol::GraphStore,
        );
        assert!(matches!(units(&store, &opts), Err(PushError::NoGraph)));
    }
}
