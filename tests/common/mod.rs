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

/// Writes a JSON Lines feed of `n` distinct, short articles (`newsgraph synth`, seed 1),
/// for tests that need many articles.
pub fn write_feed(path: &Path, n: usize) {
    let opts = newsgraph::synth::SynthOptions {
        articles: n as u64,
        words: 40,
        ..Default::default()
    };
    let file = std::io::BufWriter::new(std::fs::File::create(path).expect("create feed"));
    newsgraph::synth::write_corpus(&opts, file).expect("write feed");
}

/// Chromium, when installed; a panic when it is missing and NEWSGRAPH_REQUIRE_TOOLS is
/// set (as `.ci/run` sets it).
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() && std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_some() {
        panic!("chromium is required (NEWSGRAPH_REQUIRE_TOOLS is set): apt-get install chromium");
    }
    found
}

/// Headless Chromium with a profile of its own, no network of its own (this machine's
/// closed network refuses Chromium's background connections), 10 s of page time for
/// scripts, a 1280×900 window.
pub fn headless(browser: &str, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--virtual-time-budget=10000",
        "--window-size=1280,900",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}
