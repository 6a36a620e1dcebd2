//! `newsgraph serve` over real HTTP: the SPARQL 1.1 Protocol at /query (GET, POST as a
//! query and as a form), content negotiation, errors, read-only unless asked, and the
//! query page in headless Chromium (when `chromium` is installed; required under
//! NEWSGRAPH_REQUIRE_TOOLS=1, as `.ci/run` sets it), with a screenshot.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};

use common::{bin, chromium, headless, ingested};

/// A running `newsgraph serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
        let mut child = bin()
            .args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(store)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("serve prints its address");
        let url = line.trim().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// (status, content type, body) of a GET.
fn get(url: &str, accept: Option<&str>) -> (u16, String, String) {
    let mut req = agent().get(url);
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    answer(req.call().expect("the server answers"))
}

fn post(url: &str, content_type: &str, accept: &str, body: &str) -> (u16, String, String) {
    let r = agent()
        .post(url)
        .header("Content-Type", content_type)
        .header("Accept", accept)
        .send(body)
        .expect("the server answers");
    answer(r)
}

fn answer(mut r: ureq::http::Response<ureq::Body>) -> (u16, String, String) {
    let status = r.status().as_u16();
    let media = r
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = r.body_mut().read_to_string().expect("a text body");
    (status, media, body)
}

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

const PEOPLE: &str = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
    SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name";

#[test]
fn the_endpoint_speaks_the_sparql_protocol() {
    let (_dir, store) = ingested();
    let s = Server::start(&store, &[]);
    let q = format!("{}query", s.url);

    // GET, no Accept: SPARQL results JSON
    let (status, media, body) = get(&format!("{q}?query={}", encode(PEOPLE)), None);
    assert_eq!(
        (status, media.as_str()),
        (200, "application/sparql-results+json")
    );
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON results");
    let names: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .filter_map(|b| b["name"]["value"].as_str())
        .collect();
    assert!(
        names.contains(&"John Kerry") && names.contains(&"Sergei Lavrov"),
        "{names:?}"
    );

    // the same query in every results format, by Accept
    for (accept, expect_media, marker) in [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<literal>John Kerry</literal>",
        ),
        ("text/csv", "text/csv", "\r\nJohn Kerry\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "\n\"John Kerry\"\n",
        ),
        (
            "text/csv;q=0.2, application/sparql-results+xml;q=0.9",
            "application/sparql-results+xml",
            "John Kerry",
        ),
    ] {
        let (status, media, body) = get(&format!("{q}?query={}", encode(PEOPLE)), Some(accept));
        assert_eq!(status, 200, "{accept}: {body}");
        assert_eq!(media, expect_media, "{accept}");
        assert!(body.contains(marker), "{accept}: {body}");
    }

    // POST as a query and as a form give what GET gives
    let (status, _, direct) = post(&q, "application/sparql-query", "text/csv", PEOPLE);
    assert_eq!(status, 200);
    let (status, _, form) = post(
        &q,
        "application/x-www-form-urlencoded",
        "text/csv",
        &format!("query={}", encode(PEOPLE)),
    );
    assert_eq!(status, 200);
    assert_eq!(direct, form);
    assert!(direct.starts_with("name\r\n"), "{direct}");

    // CONSTRUCT: RDF, Turtle by default, N-Triples when asked
    let construct = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> CONSTRUCT { ?p a ng:Person } WHERE { ?p a ng:Person }";
    let (status, media, turtle) = get(&format!("{q}?query={}", encode(construct)), None);
    assert_eq!((status, media.as_str()), (200, "text/turtle"));
    assert!(turtle.contains("Person"), "{turtle}");
    let (status, media, nt) = get(
        &format!("{q}?query={}", encode(construct)),
        Some("application/n-triples"),
    );
    assert_eq!((status, media.as_str()), (200, "application/n-triples"));
    assert_eq!(
        nt.lines().count(),
        names.len(),
        "one triple per person: {nt}"
    );
    assert!(
        nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")),
        "{nt}"
    );

    // a bundled query with a parameter bound as a term, as --param does
    let entity = newsgraph::query::Bundled::get("entity")
        .expect("bundled")
        .text;
    let (status, _, body) = post(
        &q,
        "application/x-www-form-urlencoded",
        "text/csv",
        &format!(
            "query={}&param={}",
            encode(entity),
            encode("entity=Sergei Lavrov")
        ),
    );
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("Sergei Lavrov,http://www.w3.org/2000/01/rdf-schema#label,Sergei Lavrov"),
        "{body}"
    );

    // errors: the status and a message that says what is wrong
    let (status, _, body) = get(
        &format!("{q}?query={}", encode("SELECT ?x WHERE { ?x ?y")),
        None,
    );
    assert_eq!(status, 400);
    assert!(
        body.contains("SPARQL syntax error") && body.contains("1:"),
        "{body}"
    );
    let (status, _, _) = get(&q, None);
    assert_eq!(status, 400, "no query");
    let (status, _, body) = get(&format!("{q}?query={}", encode(PEOPLE)), Some("image/png"));
    assert_eq!(status, 406);
    assert!(body.contains("text/csv"), "names what it can give: {body}");
    let (status, _, _) = post(&q, "text/plain", "*/*", PEOPLE);
    assert_eq!(status, 415);
    let (status, _, _) = get(&format!("{}nowhere", s.url), None);
    assert_eq!(status, 404);

    // read-only: an update is refused and changes nothing
    let (status, _, body) = post(
        &format!("{}update", s.url),
        "application/sparql-update",
        "*/*",
        "CLEAR ALL",
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("--allow-update"), "{body}");
    let (_, _, after) = get(&format!("{q}?query={}", encode(PEOPLE)), Some("text/csv"));
    assert_eq!(after, direct);

    // a read-only server is a reader: an ingest is refused while it runs
    let out = bin()
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(common::examples())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(6));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`newsgraph serve`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // the bundled queries for the page
    let (status, media, list) = get(&format!("{}queries", s.url), None);
    assert_eq!((status, media.as_str()), (200, "application/json"));
    let list: serde_json::Value = serde_json::from_str(&list).expect("JSON");
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(newsgraph::query::BUNDLED.len())
    );
}

#[test]
fn updates_only_when_allowed() {
    let (_dir, store) = ingested();
    {
        let s = Server::start(&store, &["--allow-update"]);
        let (status, _, body) = post(
            &format!("{}update", s.url),
            "application/sparql-update",
            "*/*",
            "INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:note> \"checked by hand\" } }",
        );
        assert_eq!(status, 204, "{body}");
        let (_, _, csv) = get(
            &format!(
                "{}query?query={}",
                s.url,
                encode("SELECT ?n WHERE { <urn:a> <urn:note> ?n }")
            ),
            Some("text/csv"),
        );
        assert_eq!(csv, "n\r\nchecked by hand\r\n");
        // a writer holds the store: nothing else may open it meanwhile
        let out = bin()
            .args(["query", "--store"])
            .arg(&store)
            .args(["--sparql", "ASK {}"])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(6),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // the update was stored
    let out = common::stdout_of(
        bin()
            .args(["query", "--results", "csv", "--store"])
            .arg(&store)
            .args(["--sparql", "SELECT ?n WHERE { <urn:a> <urn:note> ?n }"]),
    );
    assert_eq!(out, "n\r\nchecked by hand\r\n");
}

#[test]
fn the_query_page_runs_a_bundled_query_in_a_real_browser() {
    let Some(browser) = chromium() else {
        eprintln!("chromium not installed: the page test is skipped");
        return;
    };
    let (dir, store) = ingested();
    let s = Server::start(&store, &[]);
    let page = format!("{}?run=who-met-whom", s.url);
    let dom = headless(browser, &dir.path().join("profile-dom"))
        .arg("--dump-dom")
        .arg(&page)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout);
    // the page loaded the bundled queries, ran who-met-whom and drew its table
    assert!(
        dom.contains("data-ready=\"1\""),
        "the page's script finished: {dom}"
    );
    assert!(dom.contains("<option value=\"who-met-whom\""), "{dom}");
    assert!(
        dom.contains(
            "<th>a</th><th>b</th><th>places</th><th>date</th><th>outlets</th><th>articles</th>"
        ),
        "who-met-whom's columns: {dom}"
    );
    for name in ["John Kerry", "Sergei Lavrov"] {
        assert!(
            dom.contains(&format!(">{name}<")),
            "{name} in a table cell: {dom}"
        );
    }
    let rows = dom.matches("<tr>").count();
    assert!(rows >= 3, "a header and rows: {rows}");
    assert!(
        dom.contains(&format!("{} rows", rows - 1)),
        "the status counts the rows: {dom}"
    );

    // a parameterised query: the parameter's field is filled from the link
    let page = format!(
        "{}?run=entity&param={}",
        s.url,
        encode("entity=Sergei Lavrov")
    );
    let dom = headless(browser, &dir.path().join("profile-entity"))
        .arg("--dump-dom")
        .arg(&page)
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("data-param=\"entity\""), "{dom}");
    assert!(
        dom.contains(">Mr Lavrov<") || dom.contains(">Lavrov<"),
        "{dom}"
    );

    // a screenshot of the page with results, kept for people to look at
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-page.png");
    let _ = std::fs::remove_file(&shot);
    let out = headless(browser, &dir.path().join("profile-shot"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("{}?run=who-met-whom", s.url))
        .output()
        .expect("chromium runs");
    let png = std::fs::read(&shot).unwrap_or_else(|_| {
        panic!(
            "no screenshot at {}: {}",
            shot.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(
        png.len() > 20_000,
        "a page with a table, not a blank one: {} bytes",
        png.len()
    );
    eprintln!("screenshot of the query page: {}", shot.display());
}

#[test]
fn an_answer_stops_at_the_row_limit_and_says_so() {
    let (_dir, store) = ingested();
    let all = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";
    let rows = |url: &str| -> (usize, Option<String>) {
        let r = agent()
            .get(&format!("{url}query?query={}", encode(all)))
            .header("Accept", "text/csv")
            .call()
            .expect("the server answers");
        assert_eq!(r.status().as_u16(), 200);
        let cut = r
            .headers()
            .get("Newsgraph-Rows-Truncated")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = r.into_body().read_to_string().expect("body");
        (body.lines().count() - 1, cut)
    };
    let capped = Server::start(&store, &["--max-rows", "7"]);
    assert_eq!(rows(&capped.url), (7, Some("7".to_string())));
    // the default holds every row of a small store, and says nothing
    let open = Server::start(&store, &[]);
    let (n, cut) = rows(&open.url);
    assert!(n > 100, "{n} rows");
    assert_eq!(cut, None);
}
