//! Helpers shared by the tests that run the `newsgraph` binary.
#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use tempfile::TempDir;

/// The built binary.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// The built binary, with `write_stdin` for input.
pub fn bin_stdin() -> assert_cmd::Command {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// The bundled example articles.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// A temporary folder with the examples ingested into `kg/` inside it.
pub fn ingested() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("kg");
    bin()
        .args(["ingest", "-q", "--store"])
        .arg(&store)
        .arg(examples())
        .assert()
        .success();
    (dir, store)
}

/// Runs a command that must succeed; its stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The single number a `SELECT (COUNT(…) AS ?n)` query gives on a store.
pub fn count(store: &Path, sparql: &str) -> usize {
    stdout_of(bin().args(["query", "--store"]).arg(store).args([
        "--sparql",
        sparql,
        "--results",
        "csv",
    ]))
    .lines()
    .nth(1)
    .and_then(|l| l.trim().parse().ok())
    .expect("a count")
}

/// Number of triples the queries see.
pub fn quads(store: &Path) -> usize {
    count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
}

/// Number of articles stored.
pub fn articles(store: &Path) -> usize {
    count(
        store,
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }",
    )
}

/// Writes a JSON Lines feed of `n` distinct, plausible articles (deterministic), for
/// tests that need many articles.
pub fn write_feed(path: &Path, n: usize) {
    const FIRST: &[&str] = &[
        "Anna", "Tomas", "Maria", "Kofi", "Lena", "Omar", "Ingrid", "Pavel", "Sofia", "Ravi",
        "Chen", "Amara", "Diego", "Yara", "Jonas",
    ];
    const LAST: &[&str] = &[
        "Berg", "Vale", "Okafor", "Lind", "Haddad", "Novak", "Sato", "Moreau", "Petrov", "Diaz",
        "Kamau", "Fischer", "Rossi", "Nilsson", "Tan", "Kowalski", "Mensah",
    ];
    const PLACES: &[&str] = &[
        "Paris", "Geneva", "Vienna", "Oslo", "Cairo", "Nairobi", "Lima", "Hanoi", "Ankara",
        "Madrid", "Warsaw", "Dakar",
    ];
    const ROLES: &[&str] = &["Foreign Minister", "President", "Prime Minister", "envoy"];
    const THINGS: &[&str] = &[
        "a ceasefire",
        "new talks",
        "a trade agreement",
        "an exchange of prisoners",
        "a joint commission",
    ];
    let person = |i: usize| {
        format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()]
        )
    };
    let mut out = String::new();
    for i in 0..n {
        let (a, b, c) = (person(i * 7 + 1), person(i * 11 + 3), person(i * 5 + 2));
        let place = PLACES[i % PLACES.len()];
        let line = serde_json::json!({
            "id": format!("a{i}"),
            "title": format!("{a} and {b} hold talks in {place}"),
            "source": "Example Wire",
            "published": format!("2014-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "text": format!(
                "{place} - {} {a} met {} {b} in {place} on Monday for the {i}th round of talks. \
                 {a} proposed {}. {c} backs {b}, officials said.\n\n\
                 The two sides are expected to meet again next month.",
                ROLES[i % ROLES.len()],
                ROLES[(i + 1) % ROLES.len()],
                THINGS[i % THINGS.len()],
            ),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("write feed");
}
