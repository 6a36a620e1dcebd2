//! Every real and hand-written article this project can see goes through extraction and
//! graph building without a panic, keeping every span and index promise: the shared
//! seeds, `corpus/dev`, every Wikinews set (including the 281 raw reports of 2019–2020,
//! three of which panicked before issue 22), the project's fixtures and examples.
//!
//! `../shared` is beside the checkout in development and in CI; elsewhere its part is
//! skipped with a notice, unless `NEWSGRAPH_REQUIRE_TOOLS` is set.

use std::path::{Path, PathBuf};

use newsgraph::extract::{extract, Gazetteer};
use newsgraph::graph::{GraphBuilder, DEFAULT_BASE};
use newsgraph::ingest::{list_inputs, read_input, ReadOptions};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Extracts and builds every article under `dir`; returns how many there were.
fn run_all(dir: &Path) -> usize {
    let gaz = Gazetteer::bundled();
    let mut builder = GraphBuilder::new(DEFAULT_BASE).expect("base IRI");
    let mut n = 0;
    for input in list_inputs(&[dir.to_path_buf()]) {
        let Ok(path) = input else { continue };
        for article in read_input(&path, ReadOptions::default()) {
            let a = article.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            a.check()
                .unwrap_or_else(|e| panic!("{}: layout: {e}", a.source));
            let x = extract(&a, gaz);
            x.check(&a)
                .unwrap_or_else(|e| panic!("{}: extraction: {e}", a.source));
            for m in &x.mentions {
                let surface = &a.text[m.span.clone()];
                assert!(
                    !surface.is_empty() && surface == surface.trim(),
                    "{}: mention {:?} at {:?}",
                    a.source,
                    surface,
                    m.span
                );
            }
            let quads = builder.add_article(&a, &x, gaz);
            assert!(!quads.is_empty(), "{}: no quads", a.source);
            n += 1;
        }
    }
    n
}

fn shared() -> Option<PathBuf> {
    let s = root().join("../shared");
    if s.join("corpus").is_dir() {
        Some(s)
    } else if std::env::var_os("NEWSGRAPH_REQUIRE_TOOLS").is_some() {
        panic!("../shared is missing and NEWSGRAPH_REQUIRE_TOOLS is set");
    } else {
        eprintln!("skipped: no ../shared beside the checkout");
        None
    }
}

#[test]
fn every_shared_article_extracts_and_keeps_its_promises() {
    let Some(shared) = shared() else { return };
    let mut total = 0;
    for dir in ["seeds", "corpus/dev", "corpus/wikinews"] {
        let d = shared.join(dir);
        if d.is_dir() {
            let n = run_all(&d);
            assert!(n > 0, "no articles in {}", d.display());
            total += n;
        }
    }
    let raw = shared.join("corpus/wikinews/raw/wikinews-2019-2020.jsonl");
    if raw.is_file() {
        assert_eq!(run_all(&raw), 281, "the raw Wikinews reports");
    }
    assert!(total > 300, "{total} articles");
}

#[test]
fn every_fixture_and_example_extracts_and_keeps_its_promises() {
    let n = run_all(&root().join("tests/fixtures")) + run_all(&root().join("examples"));
    assert!(n >= 40, "{n} articles");
}
