//! `newsgraph push` into a real Virtuoso 7, with both protocols: the dev corpus's graph
//! is pushed, then read back over HTTP, and the remote triple counts (per graph) and the
//! answers of every bundled query (run by Virtuoso on the merged graph) must equal the
//! local ones. Then more articles are ingested and pushed again: only what changed is
//! sent, and nothing is doubled. (The bundled queries are not run over the per-article
//! graphs listed one by one: Virtuoso 7's cost estimate refuses them with a dozen
//! `default-graph-uri`s, though it answers them over all its graphs.)
//!
//! The server is the one named by `NEWSGRAPH_VIRTUOSO_URL` (`.ci/run` starts one with
//! `scripts/virtuoso-test-server.sh`); without it, one is started here when `virtuoso-t`
//! is installed. With `NEWSGRAPH_REQUIRE_TOOLS=1` a missing server fails the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use newsgraph::push::http::{AuthScheme, Client, Credentials};
use newsgraph::query::{run, Request, ResultsFormat, BUNDLED};
use newsgraph::store::NewsStore;
use tempfile::TempDir;
use url::Url;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// A Virtuoso for this test: the given one, or a private one stopped on drop.
struct Virtuoso {
    url: String,
    private: Option<TempDir>,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        if let Some(dir) = &self.private {
            let _ = Command::new("bash")
                .arg(Path::new(ROOT).join("scripts/virtuoso-test-server.sh"))
                .arg("stop")
                .arg(dir.path())
                .status();
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn virtuoso() -> Option<Virtuoso> {
    if let Ok(url) = std::env::var("NEWSGRAPH_VIRTUOSO_URL") {
        return Some(Virtuoso { url, private: None });
    }
    let required = std::env::var("NEWSGRAPH_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
    let found = Command::new("sh")
        .args(["-c", "command -v virtuoso-t"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            !required,
            "no Virtuoso: set NEWSGRAPH_VIRTUOSO_URL or install virtuoso-opensource (.ci/run does)"
        );
        eprintln!("SKIPPED: Virtuoso push tests (no NEWSGRAPH_VIRTUOSO_URL, no virtuoso-t)");
        return None;
    }
    let dir = TempDir::new().expect("tempdir");
    let out = Command::new("bash")
        .arg(Path::new(ROOT).join("scripts/virtuoso-test-server.sh"))
        .arg("start")
        .arg(dir.path())
        .arg(free_port().to_string())
        .arg(free_port().to_string())
        .output()
        .expect("runs the start script");
    let v = Virtuoso {
        url: String::from_utf8_lossy(&out.stdout).trim().to_string(),
        private: Some(dir),
    };
    assert!(
        out.status.success(),
        "Virtuoso did not start: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(v)
}

fn push(kg: &Path, args: &[&str]) -> Output {
    let o = bin()
        .args(["push", "--store"])
        .arg(kg)
        .args(["--user", "dba", "--password-env", "NG_VIRTUOSO_PW"])
        .args(args)
        .env("NG_VIRTUOSO_PW", "dba")
        .output()
        .expect("runs");
    assert!(
        o.status.success(),
        "push {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn ingest(kg: &Path, path: &Path) {
    let ok = bin()
        .args(["ingest", "-q", "--store"])
        .arg(kg)
        .arg(path)
        .status()
        .expect("runs");
    assert!(ok.success());
}

fn client() -> Client {
    Client::new(
        Duration::from_secs(60),
        2,
        Some(Credentials {
            user: "dba".into(),
            password: "dba".into(),
        }),
        AuthScheme::Auto,
    )
}

/// Runs a query at the remote endpoint over the given default graphs.
fn remote_json(base: &str, query: &str, graphs: &[String]) -> serde_json::Value {
    let url = Url::parse(&format!("{base}/sparql")).expect("url");
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("query", query);
    for g in graphs {
        form.append_pair("default-graph-uri", g);
    }
    let body = form.finish();
    let r = client()
        .send(
            "POST",
            &url,
            Some("application/x-www-form-urlencoded"),
            Some("application/sparql-results+json"),
            body.as_bytes(),
        )
        .expect("the remote query runs");
    serde_json::from_str(&r.body).expect("JSON results")
}

fn remote_count(base: &str, graphs: &[String]) -> usize {
    let j = remote_json(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graphs);
    j["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .and_then(|n| n.parse().ok())
        .expect("a count")
}

/// Variables whose value an engine may pick (`SAMPLE`) or order freely (`GROUP_CONCAT`).
fn loose_vars(query: &str) -> (Vec<String>, Vec<String>) {
    let re =
        regex::Regex::new(r"(?is)(SAMPLE|GROUP_CONCAT)\s*\(.*?\)\s*AS\s*\?(\w+)").expect("regex");
    let mut sample = Vec::new();
    let mut concat = Vec::new();
    for c in re.captures_iter(query) {
        if c[1].eq_ignore_ascii_case("sample") {
            sample.push(c[2].to_string());
        } else {
            concat.push(c[2].to_string());
        }
    }
    (sample, concat)
}

/// Rows of SPARQL JSON results as sorted, comparable strings.
fn normalise(j: &serde_json::Value, query: &str) -> Vec<String> {
    let (sample, concat) = loose_vars(query);
    let mut rows: Vec<String> = j["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|row| {
            let mut m = BTreeMap::new();
            for (k, v) in row.as_object().expect("row") {
                if sample.contains(k) {
                    continue;
                }
                let mut value = v["value"].as_str().unwrap_or_default().to_string();
                let dt = v["datatype"].as_str().unwrap_or_default();
                if dt.ends_with("#decimal") || dt.ends_with("#double") {
                    value = format!("{:.4}", value.parse::<f64>().unwrap_or(f64::NAN));
                }
                if concat.contains(k) {
                    let mut parts: Vec<&str> = value.split(", ").collect();
                    parts.sort_unstable();
                    value = parts.join(", ");
                }
                let kind = if v["type"] == "uri" { "iri" } else { "lit" };
                m.insert(k.clone(), format!("{kind}:{value}"));
            }
            format!("{m:?}")
        })
        .collect();
    rows.sort();
    rows
}

/// Each bundled query's answers from the local store and from Virtuoso (over `graphs`).
fn compare_bundled_queries(base: &str, kg: &Path, graphs: &[String]) {
    let store = NewsStore::open_read_only(kg).expect("store");
    for q in BUNDLED {
        let mut text = q.text.to_string();
        let mut params = Vec::new();
        if q.name == "entity" {
            params = newsgraph::query::parse_params(&["entity=Sergei Lavrov".to_string()])
                .expect("param");
            // the remote engine gets the same binding as a VALUES block
            let at = text.find("WHERE {").expect("a WHERE clause") + "WHERE {".len();
            text.insert_str(at, " VALUES ?entity { \"Sergei Lavrov\" } ");
        }
        let mut out = Vec::new();
        let req = Request {
            params: &params,
            format: ResultsFormat::Json,
            base: "",
            ..Request::new(q.name, q.text)
        };
        let n = run(&store, &req, &mut out).expect("local query");
        assert!(n > 0, "{} has no local rows", q.name);
        let local: serde_json::Value = serde_json::from_slice(&out).expect("json");
        let remote = remote_json(base, &text, graphs);
        assert_eq!(
            normalise(&local, q.text),
            normalise(&remote, q.text),
            "{}: Virtuoso's answers differ from the local ones",
            q.name
        );
    }
}

/// The local graphs and their triple counts, from an N-Quads export per article.
fn local_graphs(kg: &Path) -> BTreeMap<String, usize> {
    let o = bin()
        .args([
            "export",
            "--format",
            "nquads",
            "--graph-per-article",
            "--store",
        ])
        .arg(kg)
        .output()
        .expect("runs");
    assert!(o.status.success());
    let mut m = BTreeMap::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let g = line
            .trim_end_matches(" .")
            .rsplit(' ')
            .next()
            .expect("a graph")
            .trim_matches(['<', '>'])
            .to_string();
        *m.entry(g).or_insert(0) += 1;
    }
    m
}

/// The remote names of the local graphs when the world graph is pushed to `world`.
fn remote_graphs(local: &BTreeMap<String, usize>, world: &str) -> Vec<String> {
    local
        .keys()
        .map(|g| {
            if g.ends_with("graph/world") {
                world.to_string()
            } else {
                g.clone()
            }
        })
        .collect()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn push_to_virtuoso_with_both_protocols() {
    let Some(v) = virtuoso() else { return };
    let base = v.url.clone();
    let dir = TempDir::new().expect("tempdir");
    let kg = dir.path().join("kg");
    let dev: PathBuf = Path::new(ROOT).join("tests/fixtures/dev");
    ingest(&kg, &dev);
    let local = local_graphs(&kg);
    let total: usize = local.values().sum();
    assert!(local.len() > 10 && total > 1000, "{local:?}");
    let run_id = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("time")
            .as_millis()
    );

    // 1. Graph Store Protocol, the merged graph, in batches of 500 triples
    let merged = format!("https://example.org/newsgraph-test/{run_id}/merged");
    let gsp = format!("{base}/sparql-graph-crud-auth");
    let query = format!("{base}/sparql");
    let o = push(
        &kg,
        &[
            "--endpoint",
            &gsp,
            "--graph",
            &merged,
            "--batch-triples",
            "500",
            "--query-endpoint",
            &query,
        ],
    );
    assert!(
        err(&o).contains(&format!("pushed {total} triples in 1 graph"))
            && err(&o).contains("the remote counts equal the local ones"),
        "{}",
        err(&o)
    );
    assert_eq!(remote_count(&base, std::slice::from_ref(&merged)), total);
    compare_bundled_queries(&base, &kg, std::slice::from_ref(&merged));

    // 2. SPARQL Update, one graph per article plus the world graph, small batches so the
    // larger graphs go through a staging graph
    let world = format!("https://example.org/newsgraph-test/{run_id}/world");
    let upd = format!("{base}/sparql-auth");
    let o = push(
        &kg,
        &[
            "--update-endpoint",
            &upd,
            "--graph-per-article",
            "--graph",
            &world,
            "--batch-triples",
            "200",
        ],
    );
    assert!(
        err(&o).contains(&format!("in {} graphs", local.len()))
            && err(&o).contains("the remote counts equal the local ones"),
        "{}",
        err(&o)
    );
    let graphs = remote_graphs(&local, &world);
    for (g, (lg, n)) in graphs.iter().zip(&local) {
        assert_eq!(remote_count(&base, std::slice::from_ref(g)), *n, "{lg}");
    }
    assert_eq!(remote_count(&base, &graphs), total);

    // 3. Incremental refresh: one more article; only it and the world graph are sent
    ingest(&kg, &Path::new(ROOT).join("examples"));
    let local2 = local_graphs(&kg);
    let added = local2.len() - local.len();
    assert!(added >= 1);
    let o = push(
        &kg,
        &[
            "--update-endpoint",
            &upd,
            "--graph-per-article",
            "--graph",
            &world,
            "--batch-triples",
            "200",
        ],
    );
    assert!(
        err(&o).contains(&format!(
            "in {} graphs to {upd} ({} unchanged",
            added + 1,
            local.len() - 1
        )),
        "{}",
        err(&o)
    );
    let graphs2 = remote_graphs(&local2, &world);
    assert_eq!(
        remote_count(&base, &graphs2),
        local2.values().sum::<usize>(),
        "nothing doubled"
    );

    // 4. The merged graph again: replaced, not added to
    let o = push(
        &kg,
        &[
            "--endpoint",
            &gsp,
            "--graph",
            &merged,
            "--query-endpoint",
            &query,
        ],
    );
    assert!(err(&o).contains("pushed"), "{}", err(&o));
    assert_eq!(
        remote_count(&base, std::slice::from_ref(&merged)),
        local2.values().sum::<usize>()
    );
    compare_bundled_queries(&base, &kg, std::slice::from_ref(&merged));

    // 5. Unchanged: nothing is sent
    let o = push(&kg, &["--endpoint", &gsp, "--graph", &merged]);
    assert!(err(&o).contains("pushed 0 triples"), "{}", err(&o));

    // leave the shared server as it was
    let upd_url = Url::parse(&upd).expect("url");
    let mut c = client();
    for g in std::iter::once(&merged).chain(&graphs2) {
        c.send(
            "POST",
            &upd_url,
            Some("application/sparql-update"),
            None,
            format!("DROP SILENT GRAPH <{g}>").as_bytes(),
        )
        .expect("drop");
    }
    drop(v);
}
