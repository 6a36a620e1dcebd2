//! Tallies (`ng:Tally`, counted at ingest for the bundled summaries) and meetings
//! (`ng:Meeting`, one per real meeting over its reports in many articles) are derived
//! data: an ingest stopped after committing articles but before adding them leaves the
//! store flagged, and the next writer derives them again from the stored articles, giving
//! what an uninterrupted ingest gives; a store built in several runs, in any order, holds
//! what one run gives. (`tests/crash.rs` kills real ingests at random; these tests stop
//! one at exactly that point.)

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
    assert_eq!(
        meetings(&expected),
        1,
        "the three reports of the Paris talks"
    );

    // stopped after the commit, before the tallies were added
    let stopped = NewsStore::memory().expect("store");
    ingest(&stopped, &articles, false);
    assert!(stopped.tallies_stale().expect("flag"));
    let partial = sorted_ntriples(&stopped);
    assert!(
        !partial.iter().any(|l| l.contains("ontology#Tally>")),
        "no tallies were written"
    );
    assert_eq!(meetings(&partial), 0, "no meetings were written");

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

/// The `ng:Meeting` nodes among sorted N-Triples.
fn meetings(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|l| l.ends_with("<https://w3id.org/newsgraph/ontology#Meeting> ."))
        .count()
}

#[test]
fn meetings_of_runs_in_any_order_equal_those_of_one() {
    let articles = articles();
    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &articles, true);
    let expected = sorted_ntriples(&whole);
    let reports = expected
        .iter()
        .filter(|l| l.contains("ontology#report>"))
        .count();
    assert_eq!((meetings(&expected), reports), (1, 3));

    // one article a run, last first: each run resolves its reports with those stored
    let runs = NewsStore::memory().expect("store");
    for a in articles.iter().rev() {
        ingest(&runs, std::slice::from_ref(a), true);
    }
    // (which of two names of one event an entity node takes depends on the order the
    // articles come in, so the meetings are compared, not the whole store)
    let of_meetings = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .filter(|l| l.starts_with(&format!("<{DEFAULT_BASE}meeting/")))
            .collect()
    };
    let expected = of_meetings(expected);
    assert_eq!(expected.len(), 13, "{expected:#?}");
    assert_eq!(of_meetings(sorted_ntriples(&runs)), expected);

    let mut reversed = articles.clone();
    reversed.reverse();
    let one = NewsStore::memory().expect("store");
    ingest(&one, &reversed, true);
    assert_eq!(of_meetings(sorted_ntriples(&one)), expected);
}

/// A report of no day (an article with no date, and no date in the sentence) joins the
/// meeting of a day it tells of, whichever run stores it.
#[test]
fn an_undated_report_joins_the_meeting_it_tells_of_in_any_run() {
    let dated = Article::from_text(
        "dated.txt",
        "Talks in Oslo\n\nAnna Berg met Tomas Lind in Oslo on Monday.\n",
        newsgraph::ingest::Metadata {
            published: Some("2024-03-05".to_string()),
            ..Default::default()
        },
    );
    let undated = Article::from_text(
        "undated.txt",
        "Oslo meeting\n\nAnna Berg and Tomas Lind held talks in Oslo.\n",
        Default::default(),
    );
    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &[dated.clone(), undated.clone()], true);
    let expected = sorted_ntriples(&whole);
    assert_eq!(meetings(&expected), 1, "{expected:#?}");
    for order in [[&undated, &dated], [&dated, &undated]] {
        let runs = NewsStore::memory().expect("store");
        for a in order {
            ingest(&runs, std::slice::from_ref(a), true);
        }
        assert_eq!(sorted_ntriples(&runs), expected);
    }
}

/// An article published on `published` (YYYY-MM-DD), named after it.
fn dated(published: &str, text: &str) -> Article {
    Article::from_text(
        format!("{published}.txt"),
        text,
        newsgraph::ingest::Metadata {
            published: Some(published.to_string()),
            ..Default::default()
        },
    )
}

/// Reports of two days in a row that name the same people and place are one meeting
/// (talks past midnight), whichever run stores which.
#[test]
fn a_meeting_over_two_days_is_one_in_any_run() {
    let first = dated(
        "2024-03-04",
        "Talks in Oslo\n\nAnna Berg met Tomas Lind in Oslo.\n",
    );
    let second = dated(
        "2024-03-05",
        "Oslo talks end\n\nAnna Berg and Tomas Lind held talks in Oslo.\n",
    );
    // three days on, the same people in the same place: another meeting
    let later = dated(
        "2024-03-08",
        "Oslo again\n\nAnna Berg met Tomas Lind in Oslo.\n",
    );
    let all = [first.clone(), second.clone(), later.clone()];
    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &all, true);
    let expected = sorted_ntriples(&whole);
    assert_eq!(meetings(&expected), 2, "{expected:#?}");
    for order in [
        [&later, &second, &first],
        [&first, &later, &second],
        [&second, &first, &later],
    ] {
        let runs = NewsStore::memory().expect("store");
        for a in order {
            ingest(&runs, std::slice::from_ref(a), true);
        }
        assert_eq!(sorted_ntriples(&runs), expected);
    }
}

/// A series of talks over several days is one named event with its sessions: each day's
/// meeting is an `ng:Meeting` of its own with its date, and all of them are `ng:partOf`
/// the one event node, whichever run stores which.
#[test]
fn a_series_of_talks_is_one_event_with_its_sessions() {
    let articles = [
        dated(
            "2024-05-06",
            "Lisbon talks open\n\nAnna Berg and Tomas Lind met in Lisbon on 6 May for the first day of the Lisbon talks.\n",
        ),
        dated(
            "2024-05-08",
            "Lisbon talks resume\n\nAnna Berg met Tomas Lind again at the Lisbon talks on 8 May.\n",
        ),
        dated(
            "2024-05-10",
            "Lisbon talks end\n\nThe Lisbon talks ended when Anna Berg and Tomas Lind held a last round of talks on 10 May.\n",
        ),
    ];
    let whole = NewsStore::memory().expect("store");
    ingest(&whole, &articles, true);
    let expected = sorted_ntriples(&whole);
    let event = format!("<{DEFAULT_BASE}event/lisbon-talks>");
    let sessions: Vec<&String> = expected
        .iter()
        .filter(|l| {
            l.starts_with(&format!("<{DEFAULT_BASE}meeting/"))
                && l.contains("ontology#partOf>")
                && l.contains(&event)
        })
        .collect();
    assert_eq!(
        (meetings(&expected), sessions.len()),
        (3, 3),
        "{expected:#?}"
    );
    let days: std::collections::BTreeSet<&str> = expected
        .iter()
        .filter(|l| {
            l.starts_with(&format!("<{DEFAULT_BASE}meeting/")) && l.contains("ontology#date>")
        })
        .filter_map(|l| l.split('"').nth(1))
        .collect();
    assert_eq!(days.len(), 3, "{expected:#?}");
    for order in [[2, 0, 1], [1, 2, 0]] {
        let runs = NewsStore::memory().expect("store");
        for i in order {
            ingest(&runs, std::slice::from_ref(&articles[i]), true);
        }
        assert_eq!(sorted_ntriples(&runs), expected);
    }
}
