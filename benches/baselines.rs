//! Oxigraph's own figures on the same data newsgraph writes, measured in the same run as
//! newsgraph's (see BENCHMARKS.md and `scripts/bench.sh`):
//!
//! `cargo bench --bench baselines -- FILE.nq [WORK_DIR]` loads the N-Quads file with
//! Oxigraph's bulk loader into a new RocksDB store and into memory, dumps each store as
//! Turtle (the merged graph, as `newsgraph export` writes it), and prints one JSON object
//! of quads and seconds.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::GraphNameRef;
use oxigraph::store::Store;

fn dump_turtle(store: &Store) -> io::Result<usize> {
    let mut ser =
        RdfSerializer::from_format(RdfFormat::Turtle).for_writer(BufWriter::new(io::sink()));
    let mut n = 0;
    for q in store.iter() {
        let q = q.map_err(io::Error::other)?;
        ser.serialize_quad(oxigraph::model::QuadRef::new(
            &q.subject,
            &q.predicate,
            &q.object,
            GraphNameRef::DefaultGraph,
        ))?;
        n += 1;
    }
    ser.finish()?.flush()?;
    Ok(n)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // cargo bench passes --bench; the rest are ours
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(file) = args.first() else {
        eprintln!("usage: cargo bench --bench baselines -- FILE.nq [WORK_DIR]");
        return Ok(());
    };
    let data = std::fs::read(file)?;
    let work = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "target/bench-baseline".into()),
    );
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    let mut out = serde_json::Map::new();

    let t = Instant::now();
    let disk = Store::open(&work)?;
    let mut loader = disk.bulk_loader();
    loader.load_from_slice(RdfFormat::NQuads, data.as_slice())?;
    loader.commit()?;
    out.insert(
        "bulk_load_rocksdb_s".into(),
        t.elapsed().as_secs_f64().into(),
    );
    let quads = disk.len()?;
    out.insert("quads".into(), quads.into());

    let t = Instant::now();
    dump_turtle(&disk)?;
    out.insert(
        "dump_turtle_rocksdb_s".into(),
        t.elapsed().as_secs_f64().into(),
    );
    drop(disk);

    let t = Instant::now();
    let memory = Store::new()?;
    let mut loader = memory.bulk_loader();
    loader.load_from_slice(RdfFormat::NQuads, data.as_slice())?;
    loader.commit()?;
    out.insert(
        "bulk_load_memory_s".into(),
        t.elapsed().as_secs_f64().into(),
    );
    let t = Instant::now();
    dump_turtle(&memory)?;
    out.insert(
        "dump_turtle_memory_s".into(),
        t.elapsed().as_secs_f64().into(),
    );

    std::fs::remove_dir_all(&work)?;
    println!("{}", serde_json::Value::Object(out));
    Ok(())
}
