//! `newsgraph push` against a small HTTP server in the test that answers with failures
//! on cue (401, 404, 500 half-way, 503 then success, no answer at all): every fault ends
//! in a message naming the endpoint and status, the right exit code, and nothing
//! recorded as sent that was not.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tempfile::TempDir;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    target: String,
    authorization: Option<String>,
    body: String,
}

/// What to answer: status, extra headers, body; `None` answers nothing (a hung server).
type Answer = Option<(u16, Vec<(&'static str, String)>, String)>;

struct Server {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

fn read_request(r: &mut BufReader<TcpStream>) -> Option<Seen> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let (mut len, mut authorization) = (0usize, None);
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        match k.to_ascii_lowercase().as_str() {
            "content-length" => len = v.trim().parse().ok()?,
            "authorization" => authorization = Some(v.trim().to_string()),
            _ => {}
        }
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some(Seen {
        method,
        target,
        authorization,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Starts a server on 127.0.0.1 whose `answer(n, request)` decides the n-th answer.
fn serve(answer: impl Fn(usize, &Seen) -> Answer + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let answer = Arc::new(answer);
    let count = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        // bounded: a test makes a few dozen connections at most
        for stream in listener.incoming().take(200) {
            let Ok(stream) = stream else { continue };
            let (log, answer, count) = (log.clone(), answer.clone(), count.clone());
            std::thread::spawn(move || {
                let mut w = stream.try_clone().expect("clone");
                let mut r = BufReader::new(stream);
                while let Some(req) = read_request(&mut r) {
                    let n = count.fetch_add(1, Ordering::SeqCst);
                    log.lock().expect("log").push(req.clone());
                    match answer(n, &req) {
                        Some((status, headers, body)) => {
                            let mut head = format!(
                                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\n",
                                body.len()
                            );
                            for (k, v) in headers {
                                head.push_str(&format!("{k}: {v}\r\n"));
                            }
                            head.push_str("\r\n");
                            if w.write_all(head.as_bytes()).is_err()
                                || w.write_all(body.as_bytes()).is_err()
                            {
                                return;
                            }
                        }
                        None => {
                            std::thread::sleep(Duration::from_secs(4));
                            return;
                        }
                    }
                }
            });
        }
    });
    Server { url, seen }
}

/// A store with the bundled examples.
fn store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("tempdir");
    let kg = dir.path().join("kg");
    let ok = bin()
        .args(["ingest", "-q", "--store"])
        .arg(&kg)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .status()
        .expect("runs");
    assert!(ok.success());
    (dir, kg)
}

fn push(kg: &Path, url: &str, extra: &[&str]) -> Output {
    bin()
        .args(["push", "--store"])
        .arg(kg)
        .args(["--endpoint", url, "--graph", "https://example.org/g"])
        .args(extra)
        .env("NG_TEST_PW", "s3cret-pw")
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a dry run says of the one merged graph: "send" or "unchanged".
fn planned(kg: &Path, url: &str) -> String {
    let o = push(kg, url, &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    out.split('\t')
        .nth(2)
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn wrong_credentials_are_a_clear_401_and_the_password_never_shows() {
    let s = serve(|_, _| {
        Some((
            401,
            vec![("WWW-Authenticate", "Basic realm=\"test\"".into())],
            "bad password".into(),
        ))
    });
    let (_d, kg) = store();
    let url = format!("{}/gsp", s.url);
    let o = push(
        &kg,
        &url,
        &["--user", "dba", "--password-env", "NG_TEST_PW"],
    );
    assert_eq!(o.status.code(), Some(7), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("401 Unauthorized for user \"dba\""), "{err}");
    assert!(err.contains(&url), "names the endpoint: {err}");
    assert!(!err.contains("s3cret-pw"), "{err}");
    let seen = s.seen.lock().expect("log").clone();
    assert!(seen.len() >= 2, "answered the Basic challenge once");
    assert!(seen[1]
        .authorization
        .as_deref()
        .is_some_and(|a| a.starts_with("Basic ")));
    // and without credentials the message says what to give
    let o = push(&kg, &url, &[]);
    assert_eq!(o.status.code(), Some(7));
    assert!(stderr(&o).contains("give --user and --password-env"));
    assert_eq!(planned(&kg, &url), "send", "nothing recorded as sent");
}

#[test]
fn a_missing_endpoint_is_named_with_its_status() {
    let s = serve(|_, _| Some((404, vec![], "no such service".into())));
    let (_d, kg) = store();
    let url = format!("{}/wrong-path", s.url);
    let o = push(&kg, &url, &[]);
    assert_eq!(o.status.code(), Some(7));
    let err = stderr(&o);
    assert!(err.contains(&url) && err.contains("404"), "{err}");
    assert!(err.contains("no such service"), "the server's text: {err}");
}

#[test]
fn a_failure_half_way_through_a_graph_says_it_is_incomplete() {
    // PUT of the first batch accepted, every POST after it fails
    let s = serve(|_, r| {
        Some(if r.method == "PUT" {
            (201, vec![], String::new())
        } else {
            (500, vec![], "disk full".into())
        })
    });
    let (_d, kg) = store();
    let url = format!("{}/gsp", s.url);
    let o = push(&kg, &url, &["--batch-triples", "100", "--retries", "1"]);
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("INCOMPLETE") && err.contains("100 of") && err.contains("500"),
        "{err}"
    );
    assert!(err.contains("<https://example.org/g>"), "{err}");
    let seen = s.seen.lock().expect("log").clone();
    assert_eq!(seen[0].method, "PUT");
    assert!(seen[0]
        .target
        .contains("graph=https%3A%2F%2Fexample.org%2Fg"));
    assert_eq!(seen[0].body.lines().count(), 100, "batches of 100 triples");
    assert_eq!(
        seen.iter().filter(|r| r.method == "POST").count(),
        2,
        "one POST and one retry"
    );
    assert_eq!(planned(&kg, &url), "send", "the graph will be sent again");
}

#[test]
fn server_errors_are_retried_with_backoff() {
    let s = serve(|n, _| {
        Some(if n < 2 {
            (503, vec![], "busy".into())
        } else {
            (201, vec![], String::new())
        })
    });
    let (_d, kg) = store();
    let url = format!("{}/gsp", s.url);
    let o = push(&kg, &url, &["--retries", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 retried"), "{}", stderr(&o));
    assert_eq!(planned(&kg, &url), "unchanged", "recorded once accepted");
    // a second push sends nothing
    let before = s.seen.lock().expect("log").len();
    let o = push(&kg, &url, &[]);
    assert!(o.status.success());
    assert_eq!(s.seen.lock().expect("log").len(), before);
}

#[test]
fn a_server_that_does_not_answer_times_out() {
    let s = serve(|_, _| None);
    let (_d, kg) = store();
    let url = format!("{}/gsp", s.url);
    let o = push(&kg, &url, &["--timeout", "1", "--retries", "0"]);
    assert_eq!(o.status.code(), Some(7));
    let err = stderr(&o);
    assert!(
        err.contains("did not answer within 1 s") && err.contains(&url),
        "{err}"
    );
}

#[test]
fn nobody_listening_is_a_connection_error() {
    // a port just released: nothing listens there
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let (_d, kg) = store();
    let url = format!("http://127.0.0.1:{port}/gsp");
    let o = push(&kg, &url, &["--retries", "1"]);
    assert_eq!(o.status.code(), Some(7));
    let err = stderr(&o);
    assert!(err.contains("cannot reach") && err.contains(&url), "{err}");
}

#[test]
fn update_failures_leave_the_target_graph_alone() {
    // SPARQL Update: the staging graph's second INSERT fails; the target is never touched
    let s = serve(|_, r| {
        Some(
            if r.body.contains("INSERT DATA") && r.body.contains("prov#") {
                (500, vec![], "failed".into())
            } else {
                (200, vec![], String::new())
            },
        )
    });
    let (_d, kg) = store();
    let url = format!("{}/update", s.url);
    let o = bin()
        .args(["push", "--store"])
        .arg(&kg)
        .args([
            "--update-endpoint",
            &url,
            "--graph",
            "https://example.org/g",
        ])
        .args(["--batch-triples", "50", "--retries", "0"])
        .args(["--query-endpoint", &format!("{}/query", s.url)])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(7), "{}", stderr(&o));
    let seen = s.seen.lock().expect("log").clone();
    let bodies: Vec<&str> = seen.iter().map(|r| r.body.as_str()).collect();
    assert!(bodies[0].starts_with("DROP SILENT GRAPH <urn:newsgraph:staging:"));
    assert!(
        bodies
            .iter()
            .all(|b| !b.contains("<https://example.org/g>")),
        "the target graph is not written: {bodies:?}"
    );
    assert!(
        bodies
            .last()
            .is_some_and(|b| b.starts_with("DROP SILENT GRAPH <urn:newsgraph:staging:")),
        "the staging graph is dropped after the failure"
    );
    assert!(seen
        .iter()
        .all(|r| r.method == "POST" && r.target == "/update"));
}
