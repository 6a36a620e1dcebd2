//! Criterion benchmarks of each pipeline stage on one synthetic corpus (`newsgraph synth`,
//! 200 articles, seed 1), so a change to one stage shows in that stage's figure:
//!
//! - `ingest`: text → [`Article`] (normalisation, layout, metadata);
//! - `extract`: article → mentions, entities, relations (one core);
//! - `graph`: extractions → quads (IRIs, merging, tallies);
//! - `store`: quads into an in-memory Oxigraph store;
//! - `export`: the store as Turtle.
//!
//! `cargo bench --bench stages` (BENCHMARKS.md gives the figures); throughput is in bytes
//! of article text, so the stages compare with each other.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsgraph::export::{self, Format};
use newsgraph::extract::{extract, Extraction, Gazetteer};
use newsgraph::graph::{GraphBuilder, DEFAULT_BASE};
use newsgraph::ingest::{Article, Metadata};
use newsgraph::store::NewsStore;
use oxigraph::model::Quad;

/// The allocator the `newsgraph` binary uses, so that the stages are timed as they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The corpus's texts.
fn texts() -> Vec<String> {
    let opts = newsgraph::synth::SynthOptions {
        articles: 200,
        seed: 1,
        ..Default::default()
    };
    let mut jsonl = Vec::new();
    newsgraph::synth::write_corpus(&opts, &mut jsonl).expect("synth writes to memory");
    String::from_utf8(jsonl)
        .expect("synth writes UTF-8")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("synth writes JSON");
            v["text"].as_str().expect("every line has text").to_string()
        })
        .collect()
}

fn articles(texts: &[String]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(format!("synth:{i}"), t, Metadata::default()))
        .collect()
}

fn graph(articles: &[Article], xs: &[Extraction], gaz: &Gazetteer) -> Vec<Quad> {
    let mut b = GraphBuilder::new(DEFAULT_BASE).expect("the default base is an IRI");
    let mut quads = Vec::new();
    for (a, x) in articles.iter().zip(xs) {
        quads.extend(b.add_article(a, x, gaz));
    }
    quads.extend(b.entity_quads(gaz).1);
    quads
}

fn stages(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let articles = articles(&texts);
    let xs: Vec<Extraction> = articles.iter().map(|a| extract(a, gaz)).collect();
    let quads = graph(&articles, &xs, gaz);

    let mut g = c.benchmark_group("stages");
    g.sample_size(10)
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("ingest", |b| b.iter(|| self::articles(&texts)));
    g.bench_function("extract", |b| {
        b.iter(|| articles.iter().map(|a| extract(a, gaz)).collect::<Vec<_>>())
    });
    g.bench_function("graph", |b| b.iter(|| graph(&articles, &xs, gaz)));
    g.bench_function("store", |b| {
        b.iter_batched(
            || quads.clone(),
            |q| {
                let s = NewsStore::memory().expect("a memory store");
                s.inner().extend(q).expect("memory insert");
                s
            },
            BatchSize::LargeInput,
        )
    });
    let store = NewsStore::memory().expect("a memory store");
    store.inner().extend(quads.clone()).expect("memory insert");
    g.bench_function("export", |b| {
        b.iter(|| export::export(&store, Format::Turtle, std::io::sink()).expect("export"))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
