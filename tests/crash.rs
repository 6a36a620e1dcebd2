//! `kill -9` during an ingest loses nothing that was committed and half-writes nothing:
//! a real `newsgraph ingest` of 2,000 articles (committed in batches of 6,000 quads, ~107
//! articles, which go through the bulk loader) is killed several times at random moments;
//! after each kill the store opens and holds exactly the articles whose commit was
//! reported (or one batch more, committed but not yet reported), each of them whole. What a kill between the bulk load and the
//! commit of a batch leaves (article graphs without their article marker, which are not
//! articles) is removed by the next ingest: a last run adds the rest, and the result
//! equals an ingest that was never interrupted.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tempfile::TempDir;

use common::{articles, bin, stdout_of};

const ARTICLES: usize = 2000;
const COMMIT_QUADS: &str = "6000";
/// More articles than one batch of COMMIT_QUADS can hold.
const BATCH_ARTICLES: usize = 128;

/// The articles stored (those with their marker).
fn marked(store: &Path) -> std::collections::BTreeSet<String> {
    stdout_of(
        bin()
            .args(["query", "--results", "tsv", "--store"])
            .arg(store)
            .args([
                "--sparql",
                "SELECT ?a WHERE { GRAPH ?a { ?a a <https://schema.org/NewsArticle> } }",
            ]),
    )
    .lines()
    .skip(1)
    .map(str::to_string)
    .collect()
}

/// Triples per data graph (articles and the world graph).
fn graph_sizes(store: &Path) -> BTreeMap<String, usize> {
    // the store must open after a kill: stdout_of fails the test if it does not
    let out = stdout_of(
        bin()
            .args(["query", "--results", "tsv", "--store"])
            .arg(store)
            .args([
                "--sparql",
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
                 FILTER(!STRSTARTS(STR(?g), \"urn:newsgraph:\")) } GROUP BY ?g",
            ]),
    );
    out.lines()
        .skip(1)
        .filter_map(|l| {
            let (g, n) = l.split_once('\t')?;
            let n = n.split("^^").next()?.trim_matches('"').parse().ok()?;
            Some((g.to_string(), n))
        })
        .collect()
}

fn ingest(store: &Path, feed: &Path) -> std::process::Command {
    let mut c = bin();
    c.args([
        "ingest",
        "--verbose",
        "--commit-quads",
        COMMIT_QUADS,
        "--store",
    ])
    .arg(store)
    .arg(feed);
    c
}

/// A pseudo-random delay in `[lo, hi)` ms from the clock (printed, to replay a failure).
fn delay(lo: u64, hi: u64) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() as u64);
    Duration::from_millis(lo + nanos % (hi - lo))
}

#[test]
fn kill_9_during_ingest_loses_and_half_writes_nothing() {
    let dir = TempDir::new().expect("tempdir");
    let feed = dir.path().join("feed.jsonl");
    common::write_feed(&feed, ARTICLES);

    // the reference: one uninterrupted ingest
    let reference = dir.path().join("reference");
    let started = Instant::now();
    let out = ingest(&reference, &feed).output().expect("runs");
    assert!(out.status.success());
    let full_run = started.elapsed();
    let expected = graph_sizes(&reference);
    assert_eq!(
        expected.len(),
        ARTICLES + 1,
        "a graph per article and the world graph"
    );
    let world = expected
        .keys()
        .find(|g| g.ends_with("graph/world>"))
        .expect("world graph")
        .clone();

    // The kills fall inside the time one whole run took. That time is measured under the
    // machine's load of the moment, which may fall before the runs below: when a run
    // finishes before its kill, the store is complete and proves nothing, so the test
    // starts again on a new store with half the window (at most three times).
    let mut window = full_run.as_millis().max(400) as u64;
    let mut store = dir.path().join("kg");
    let (mut killed, mut stored_before) = (0, 0);
    for attempt in 0..3 {
        if attempt > 0 {
            if killed > 0 {
                break;
            }
            window = (window / 2).max(200);
            store = dir.path().join(format!("kg-{attempt}"));
            stored_before = 0;
            eprintln!("attempt {attempt}: a run finished before its kill; window {window} ms");
        }
        kill_rounds(
            &store,
            &feed,
            window,
            &expected,
            &world,
            &mut killed,
            &mut stored_before,
        );
    }
    assert!(
        killed > 0,
        "no ingest was killed (the machine is too fast for the window)"
    );

    // the last run adds the rest, and nothing twice
    let out = ingest(&store, &feed).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(articles(&store), ARTICLES);
    let sizes = graph_sizes(&store);
    assert_eq!(sizes.len(), expected.len());
    for (g, n) in &expected {
        if *g != world {
            assert_eq!(sizes.get(g), Some(n), "article graph {g}");
        }
    }
    // the merged world: the same entities and relations as the uninterrupted run
    assert_eq!(sizes.get(&world), expected.get(&world), "world graph");
}

/// Up to four ingests of `feed` into `store`, each killed with SIGKILL at a random moment
/// inside `window` ms, checking after each kill that only whole articles are stored;
/// stops at the first run that finishes before its kill.
fn kill_rounds(
    store: &Path,
    feed: &Path,
    window: u64,
    expected: &BTreeMap<String, usize>,
    world: &str,
    killed: &mut usize,
    stored_before: &mut usize,
) {
    for round in 0..4 {
        let wait = delay(100, window * 9 / 10);
        let mut child = ingest(store, feed)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // read the log as it comes, so the child never waits on a full pipe
        let mut pipe = child.stderr.take().expect("stderr");
        let reader = std::thread::spawn(move || {
            let mut log = String::new();
            pipe.read_to_string(&mut log).map(|_| log)
        });
        std::thread::sleep(wait);
        let finished = child.try_wait().expect("wait").is_some();
        child.kill().ok(); // SIGKILL
        child.wait().expect("reap");
        let log = reader.join().expect("reader").expect("read log");
        let reported = log
            .lines()
            .filter(|l| l.starts_with("newsgraph: stored "))
            .count();
        let stored = articles(store);
        eprintln!("round {round}: killed after {wait:?} (finished: {finished}); {reported} newly reported, {stored} stored");
        if finished {
            break;
        }
        *killed += 1;
        let sizes = graph_sizes(store);
        let articles = marked(store);
        assert_eq!(articles.len(), stored);
        // every stored article is whole: its graph as large as in the reference
        for g in &articles {
            assert_eq!(
                sizes.get(g),
                expected.get(g),
                "article graph {g} after the kill"
            );
        }
        // graphs of a batch cut between its bulk load and its commit: not articles
        let orphans = sizes.len() - articles.len() - usize::from(sizes.contains_key(world));
        assert!(orphans <= BATCH_ARTICLES, "{orphans} unmarked graphs");
        eprintln!("  {orphans} unmarked article graphs left by the kill");
        // exactly the committed articles: those stored before, those this run reported,
        // and at most one batch committed whose report the kill cut off
        assert!(
            (*stored_before + reported..=*stored_before + reported + BATCH_ARTICLES)
                .contains(&stored),
            "{stored} stored: {} before, {reported} reported by this run",
            *stored_before
        );
        *stored_before = stored;
    }
}
