//! One article never stops an ingest (issue 22). The article from the issue, which
//! panicked the extractor and stored nothing, now ingests beside the examples; an article
//! whose extraction panics (made to by the test failpoint `NEWSGRAPH_FAILPOINT_EXTRACT`)
//! is named on stderr with its file, line and title, counted, and skipped, while every
//! other article is stored — by `ingest`, `extract` and `extract --explain` alike, and
//! without a raw panic message unless `RUST_BACKTRACE` asks for one.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{articles, bin, examples, stdout_of};

/// The article of issue 22, as a user wrote it.
const LEADERS: &str = "Leaders meet\n\nLONDON (Wire) - Prime Minister Ana Silva met President Bo Lund in London on Monday.\n\nThe talks lasted two hours.\n\nHe backs the rebels.\n";

const MARKER: &str = "XQZ-FAILPOINT";

/// A folder with the examples, the issue's article, and a feed whose second line
/// carries the failpoint marker.
fn folder(dir: &Path) -> PathBuf {
    let f = dir.join("articles");
    fs::create_dir(&f).expect("mkdir");
    for e in fs::read_dir(examples()).expect("examples") {
        let p = e.expect("entry").path();
        fs::copy(&p, f.join(p.file_name().expect("name"))).expect("copy");
    }
    fs::write(f.join("leaders.txt"), LEADERS).expect("write");
    fs::write(
        f.join("feed.jsonl"),
        format!(
            "{}\n{}\n{}\n",
            serde_json::json!({"title": "Talks in Bern", "text": "Rosa Lind met Piet Kamp in Bern on Monday."}),
            serde_json::json!({"title": "Talks in Lund", "text": format!("Jonas Ek met Sara Dahl in Lund. {MARKER}")}),
            serde_json::json!({"title": "Talks in Oslo", "text": "Anna Berg met Tom Vale in Oslo on Friday."}),
        ),
    )
    .expect("write");
    f
}

/// Runs `newsgraph ARGS…` with the failpoint set to `marker` (or unset), without
/// `RUST_BACKTRACE`.
fn run(args: &[&std::ffi::OsStr], marker: Option<&str>) -> std::process::Output {
    let mut cmd = bin();
    cmd.env_remove("RUST_BACKTRACE").args(args);
    match marker {
        Some(m) => cmd.env("NEWSGRAPH_FAILPOINT_EXTRACT", m),
        None => cmd.env_remove("NEWSGRAPH_FAILPOINT_EXTRACT"),
    };
    cmd.output().expect("runs")
}

/// `newsgraph ingest --store STORE FOLDER` (with `--json` when asked).
fn ingest(store: &Path, folder: &Path, json: bool, marker: Option<&str>) -> std::process::Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["ingest".as_ref()];
    if json {
        args.push("--json".as_ref());
    }
    args.extend([
        std::ffi::OsStr::new("--store"),
        store.as_os_str(),
        folder.as_os_str(),
    ]);
    run(&args, marker)
}

fn example_count() -> usize {
    fs::read_dir(examples()).expect("examples").count()
}

#[test]
fn the_issues_article_ingests_with_the_examples() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = folder(dir.path());
    fs::remove_file(f.join("feed.jsonl")).expect("rm");
    let store = dir.path().join("kg");
    let out = ingest(&store, &f, false, None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(articles(&store), example_count() + 1);
    // and on its own through extract
    let nt = stdout_of(
        bin()
            .args(["extract", "--format", "ntriples"])
            .arg(f.join("leaders.txt")),
    );
    assert!(nt.contains("Ana Silva") && nt.contains("metWith"), "{nt}");
}

#[test]
fn a_panicking_article_is_named_and_skipped_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = folder(dir.path());
    let store = dir.path().join("kg");
    let out = ingest(&store, &f, true, Some(MARKER));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let line = format!(
        "{}:2: \"Talks in Lund\": extraction failed: failpoint NEWSGRAPH_FAILPOINT_EXTRACT ({MARKER}) reached (at src/pipeline/isolate.rs:",
        f.join("feed.jsonl").display()
    );
    assert!(stderr.contains(&line), "{stderr}");
    assert!(stderr.contains("; skipped"), "{stderr}");
    assert!(!stderr.contains("panicked"), "no raw panic: {stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "no raw panic: {stderr}");
    // every other article is stored: the examples, the issue's, two of the feed's three
    assert_eq!(articles(&store), example_count() + 1 + 2);
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON summary");
    assert_eq!(summary["inputs_failed"], 1, "{summary}");
    assert_eq!(summary["articles_added"], example_count() + 3, "{summary}");

    // the skipped article ingests once the bug is gone, and nothing else is added twice
    let again = ingest(&store, &f, false, None);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(articles(&store), example_count() + 4);
}

#[test]
fn extract_and_explain_skip_the_failing_article_too() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = folder(dir.path());
    let feed = f.join("feed.jsonl");
    for explain in [false, true] {
        let mut cmd = bin();
        cmd.env("NEWSGRAPH_FAILPOINT_EXTRACT", MARKER)
            .env_remove("RUST_BACKTRACE")
            .args(["extract", "--format", "ntriples"])
            .arg(&feed);
        if explain {
            cmd.arg("--explain");
        }
        let out = cmd.output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(3), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "{}:2: \"Talks in Lund\": extraction failed",
                feed.display()
            )),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        for name in ["Rosa Lind", "Anna Berg"] {
            assert!(stdout.contains(name), "explain={explain}: {name} missing");
        }
        assert!(
            !stdout.contains("Jonas Ek"),
            "explain={explain}: the failed article"
        );
    }
}

#[test]
fn rust_backtrace_brings_the_panic_report_back() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = folder(dir.path());
    let out = bin()
        .env("NEWSGRAPH_FAILPOINT_EXTRACT", MARKER)
        .env("RUST_BACKTRACE", "1")
        .args(["extract", "--format", "ntriples"])
        .arg(f.join("feed.jsonl"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("panicked at src/pipeline/isolate.rs"),
        "{stderr}"
    );
    assert!(stderr.contains("extraction failed"), "{stderr}");
}

#[test]
fn rebuild_keeps_an_article_whose_extraction_fails() {
    let dir = tempfile::tempdir().expect("tmp");
    let f = folder(dir.path());
    let store = dir.path().join("kg");
    let out = ingest(&store, &f, false, None);
    assert_eq!(out.status.code(), Some(0));
    let before = articles(&store);
    let out = run(
        &["rebuild".as_ref(), "--store".as_ref(), store.as_ref()],
        Some(MARKER),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("\"Talks in Lund\": extraction failed")
            && stderr.contains("stored without facts"),
        "{stderr}"
    );
    // no stored article is lost: the failed one is kept with its text
    assert_eq!(articles(&store), before);
    let text = stdout_of(
        bin()
            .args(["query", "--store"])
            .arg(&store)
            .args([
                "--results",
                "tsv",
                "--sparql",
                "SELECT ?t WHERE { GRAPH ?g { ?a <https://schema.org/headline> \"Talks in Lund\" ; <https://w3id.org/newsgraph/ontology#text> ?t } }",
            ]),
    );
    assert!(text.contains(MARKER), "{text}");
}
