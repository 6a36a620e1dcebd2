//! `ingest`, `extract`, `rebuild` and `demo`: the commands that run the extractor.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use newsgraph::cli::ExtractOpts;
use newsgraph::export::{self, Format};
use newsgraph::extract::Gazetteer;
use newsgraph::pipeline::{self, Summary};
use newsgraph::query::{self, BUNDLED};
use newsgraph::store::NewsStore;

use super::{open_output, write_or_pipe, Ctx, EXIT_PARTIAL};

/// Success, or [`EXIT_PARTIAL`] when inputs were skipped.
fn partial(skipped: usize) -> ExitCode {
    if skipped > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    }
}

/// `name 3, other 5` of a count map.
fn listed(m: &std::collections::BTreeMap<&'static str, usize>) -> String {
    if m.is_empty() {
        return "none".to_string();
    }
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary after an ingest, as JSON (`ingest --json`).
fn summary_json(sum: &Summary, quads: usize, seconds: f64) -> serde_json::Value {
    serde_json::json!({
        "articles_read": sum.added + sum.unchanged,
        "articles_added": sum.added,
        "articles_already_stored": sum.unchanged,
        "inputs_failed": sum.skipped,
        "entities": sum.entities,
        "relations": sum.relations_by_kind,
        "relations_total": sum.relations,
        "mentions": sum.mentions,
        "store_quads": quads,
        "seconds": (seconds * 1000.0).round() / 1000.0,
    })
}

/// `newsgraph ingest`.
pub fn ingest(
    ctx: &Ctx,
    store: Option<PathBuf>,
    paths: &[PathBuf],
    commit_quads: usize,
    json: bool,
    opts: &ExtractOpts,
) -> Result<ExitCode> {
    let gaz = ctx.gazetteer(opts.gazetteer.as_deref())?;
    let s = if opts.memory {
        NewsStore::memory()?
    } else {
        NewsStore::open(&ctx.store(store)?, "ingest")?
    };
    let started = std::time::Instant::now();
    let ui = &ctx.ui;
    let progress = ui.progress(None, "articles stored");
    let stored = |p: &Summary, source: &str, iri: &oxigraph::model::NamedNode| {
        ui.detail(format!("stored {source} as {iri}"));
        progress.set(p.added as u64);
        if p.unchanged > 0 {
            progress.message(format!("{} were already there", p.unchanged));
        }
    };
    let ingest_opts = pipeline::IngestOptions {
        read: opts.read(),
        base: ctx.base(opts.base.clone()),
        batch_quads: commit_quads,
    };
    let sum = pipeline::ingest(&s, paths, &ingest_opts, gaz, |e| ctx.report(e), stored)?;
    drop(progress);
    let quads = s.len()?;
    let secs = started.elapsed().as_secs_f64();
    if json {
        let mut out = io::stdout().lock();
        write_or_pipe(writeln!(out, "{}", summary_json(&sum, quads, secs)))?;
    } else {
        ui.note(format!(
            "{} articles added, {} already stored, {} inputs skipped ({secs:.1} s); the store holds {quads} quads",
            sum.added, sum.unchanged, sum.skipped
        ));
        ui.note(format!(
            "entities found: {} (once per article each is in)",
            listed(&sum.entities)
        ));
        ui.note(format!(
            "relations found: {} ({} in all)",
            listed(&sum.relations_by_kind),
            sum.relations
        ));
    }
    Ok(partial(sum.skipped))
}

/// `newsgraph extract`.
pub fn extract(
    ctx: &Ctx,
    paths: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    explain: bool,
    opts: &ExtractOpts,
) -> Result<ExitCode> {
    let gaz = ctx.gazetteer(opts.gazetteer.as_deref())?;
    if explain {
        let mut w = open_output(output)?;
        // the first write error (a closed pipe, a full disk) ends the output
        let mut written: io::Result<()> = Ok(());
        let mut failed = 0;
        let skipped = pipeline::read_all(
            paths,
            opts.read(),
            |a| {
                if written.is_ok() {
                    match pipeline::isolate::extract_isolated(&a, gaz) {
                        Ok(x) => {
                            written = w.write_all(newsgraph::extract::explain(&a, &x).as_bytes());
                        }
                        Err(failure) => {
                            failed += 1;
                            ctx.report(&failure.into_error(&a, false));
                        }
                    }
                }
                Ok(())
            },
            |e| ctx.report(e),
        )?;
        write_or_pipe(written.and_then(|()| w.flush()))?;
        return Ok(partial(skipped + failed));
    }
    let base = ctx.base(opts.base.clone());
    let (quads, sum) = pipeline::extract_all(paths, opts.read(), &base, gaz, |e| ctx.report(e))?;
    let store = NewsStore::memory()?;
    store.inner().extend(quads)?;
    let w = open_output(output)?;
    write_or_pipe(export::export(&store, format, w).map(|mut w| w.flush()))?;
    ctx.ui.note(format!(
        "{} articles, {} relations, {} inputs skipped",
        sum.added, sum.relations, sum.skipped
    ));
    Ok(partial(sum.skipped))
}

/// `newsgraph rebuild`.
pub fn rebuild(
    ctx: &Ctx,
    store: Option<PathBuf>,
    into: Option<&Path>,
    base: Option<String>,
    gazetteer: Option<&Path>,
) -> Result<ExitCode> {
    let gaz = ctx.gazetteer(gazetteer)?;
    let store = ctx.store(store)?;
    let base = base.or_else(|| ctx.config.base.clone());
    let mut progress = None;
    let mut failed = 0;
    let r = pipeline::rebuild(
        &store,
        into,
        base.as_deref(),
        gaz,
        |done, total| {
            progress
                .get_or_insert_with(|| ctx.ui.progress(Some(total as u64), "articles"))
                .set(done as u64);
        },
        |e| {
            failed += 1;
            ctx.report(e);
        },
    )?;
    drop(progress);
    ctx.ui.note(format!(
        "rebuilt {} articles from store format {} into {} (format {}; {} relations){}",
        r.articles,
        r.from_format,
        r.store.display(),
        newsgraph::store::STORE_FORMAT,
        r.summary.relations,
        r.backup
            .map(|b| format!("; the old store is kept at {}", b.display()))
            .unwrap_or_default()
    ));
    Ok(partial(failed))
}

/// `newsgraph demo`: the main job on the bundled example articles.
pub fn demo(ctx: &Ctx, examples: &Path, store: &Path, output: &Path) -> Result<ExitCode> {
    if !examples.is_dir() {
        bail!(
            "{} is not a folder of articles (run the demo from the project's top folder)",
            examples.display()
        );
    }
    if store.exists() {
        std::fs::remove_dir_all(store)
            .with_context(|| format!("cannot clear {}", store.display()))?;
    }
    if let Some(parent) = output.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let s = NewsStore::open(store, "demo")?;
    let sum = pipeline::ingest(
        &s,
        &[examples.to_path_buf()],
        &pipeline::IngestOptions::default(),
        Gazetteer::bundled(),
        |e| ctx.report(e),
        |_, _, _| {},
    )?;
    let f = io::BufWriter::new(
        std::fs::File::create(output)
            .with_context(|| format!("cannot create {}", output.display()))?,
    );
    export::export(&s, Format::Turtle, f)?.flush()?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Ingested {} example articles from {} into {} ({} quads).\n",
        sum.added,
        examples.display(),
        store.display(),
        s.len()?
    )?;
    for q in BUNDLED {
        let mut params = Vec::new();
        if q.name == "entity" {
            params = query::parse_params(&["entity=Sergei Lavrov".to_string()])?;
        }
        writeln!(
            out,
            "== {} — {}{}",
            q.name,
            q.summary(),
            if params.is_empty() {
                String::new()
            } else {
                " (entity = Sergei Lavrov)".to_string()
            }
        )?;
        let req = query::Request {
            params: &params,
            ..query::Request::new(q.name, q.text)
        };
        query::run(&s, &req, &mut out)?;
        writeln!(out)?;
    }
    writeln!(out, "The graph as Turtle: {}", output.display())?;
    Ok(ExitCode::SUCCESS)
}
