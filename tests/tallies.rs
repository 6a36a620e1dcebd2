//! Tallies (`ng:Tally`, counted at ingest for the bundled summaries) are derived data: an
//! ingest stopped after committing articles but before adding their tallies leaves the
//! store flagged, and the next writer counts them again from the stored articles, giving
//! what an uninterrupted ingest gives. (`tests/crash.rs` kills real ingests at random;
//! this test stops one at exactly that point.)

use newsgraph::export::{export, Format};
use newsgraph::extract::Gazetteer;
use newsgraph::graph::DEFAULT_BASE;
use newsgraph::ingest::{read_bytes, Article, ReadOptions};
use newsgraph::pipeline::Ingester;
use newsgraph::store::NewsStore;

fn articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut out = Vec::new();
    for name in [
        "01-wire-paris-talks.txt",
        "02-broadcaster-analysis.txt",
        "03-feed.jsonl",
    ] {
        let path = std::path::Path::new(dir).join(name);
        let bytes = std::fs::read(&path).expect("example");
        for a in read_bytes(&path, name, &bytes, ReadOptions::default()) {
            out.push(a.expect("example article reads"));
        }
    }
    out
}

fn sorted_ntriples(store: &NewsStore) -> Vec<String> {
    let nt = export(store, Format::Ntriples, Vec::new()).expect("export");
    let mut lines: Vec<String> = String::from_utf8(nt)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// Ingests `articles` into `store` with one ingester: to the end (`finish`), or stopped
/// after the last commit, before the tallies are added.
fn ingest(store: &NewsStore, articles: &[Article], finish: bool) {
    let mut ingester = Ingester::new(store, DEFAULT_BASE, Gazetteer::bundled()).expect("ingester");
    for a in articles {
        ingester.add(a).expect("add");
    }
    if finish {
        ingester.finish().expect("finish");
    } else {
        ingester.commit().expect("commit");
    }
}

#[test]
fn tallies_left_behind_are_recounted_by_the_next_writer() {
    let gaz = Gazetteer::bundled();
    let articles = articles();
    assert!(articles.len() >= 3);

    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &articles, true);
    assert!(!whole.tallies_stale().expect("flag"));
    let expected = sorted_ntriples(&whole);
    let tallies = expected
        .iter()
        .filter(|l| l.contains("ontology#Tally>"))
        .count();
    assert!(tallies > 20, "the examples give tallies ({tallies})");

    // stopped after the commit, before the tallies were added
    let stopped = NewsStore::memory().expect("store");
    ingest(&stopped, &articles, false);
    assert!(stopped.tallies_stale().expect("flag"));
    let partial = sorted_ntriples(&stopped);
    assert!(
        !partial.iter().any(|l| l.contains("ontology#Tally>")),
        "no tallies were written"
    );

    // the next writer recounts
    let ingester = Ingester::new(&stopped, DEFAULT_BASE, gaz).expect("ingester");
    drop(ingester);
    assert!(!stopped.tallies_stale().expect("flag"));
    assert_eq!(sorted_ntriples(&stopped), expected);
}

#[test]
fn tallies_of_two_runs_equal_those_of_one() {
    let articles = articles();
    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &articles, true);

    // the second run merges its tallies with those stored (read back from the store)
    let split = NewsStore::memory().expect("store");
    for part in [&articles[..1], &articles[1..]] {
        ingest(&split, part, true);
    }
    assert_eq!(sorted_ntriples(&split), sorted_ntriples(&whole));
}
