//! `export`, `query`, `queries`, `eval`, `info` and `synth`: the commands that read a
//! store (or write a corpus) and change nothing.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use newsgraph::cli::{EvalArgs, QueryArgs, VizArgs, VizFormat};
use newsgraph::export::{self, Format};
use newsgraph::extract::Gazetteer;
use newsgraph::ingest::ReadOptions;
use newsgraph::pipeline;
use newsgraph::query::{self, Bundled, BUNDLED};
use newsgraph::store::NewsStore;

use super::{open_output, write_or_pipe, Ctx, EXIT_ERROR, EXIT_EVAL_FLOOR};

/// `newsgraph export`.
pub fn export(
    ctx: &Ctx,
    store: Option<PathBuf>,
    format: Format,
    output: Option<&Path>,
    graph_per_article: bool,
) -> Result<ExitCode> {
    let s = NewsStore::open_read_only(&ctx.store(store)?)?;
    let layout = if graph_per_article {
        export::Layout::GraphPerArticle
    } else {
        export::Layout::Merged
    };
    if layout == export::Layout::GraphPerArticle && !format.rdf_format().supports_datasets() {
        bail!(
            "{} has no named graphs: --graph-per-article needs --format trig, nquads or jsonld",
            format.rdf_format().name()
        );
    }
    let w = open_output(output)?;
    write_or_pipe(export::export_layout(&s, format, layout, w).map(|mut w| w.flush()))?;
    Ok(ExitCode::SUCCESS)
}

/// The text of a query given by name, file or `--sparql`, and what to call it in messages.
pub fn query_text(query: Option<String>, sparql: Option<String>) -> Result<(String, String)> {
    Ok(match (query, sparql) {
        (_, Some(q)) => ("--sparql".to_string(), q),
        (Some(name), None) => match Bundled::get(&name) {
            Some(b) => (b.name.to_string(), b.text.to_string()),
            None if Path::new(&name).exists() => (
                name.clone(),
                std::fs::read_to_string(&name).with_context(|| format!("cannot read {name}"))?,
            ),
            None => {
                bail!("no bundled query named {name:?} and no such file (see `newsgraph queries`)")
            }
        },
        (None, None) => bail!("give a query name, a .rq file or --sparql"),
    })
}

/// `newsgraph query`.
pub fn query(ctx: &Ctx, a: QueryArgs) -> Result<ExitCode> {
    let s = NewsStore::open_read_only(&ctx.store(a.store)?)?;
    let (origin, text) = query_text(a.query, a.sparql)?;
    let params = query::parse_params(&a.params)?;
    let base = ctx.base(a.base);
    let mut out = open_output(a.output.as_deref())?;
    if let Some(secs) = a.timeout {
        // The evaluator stops at its next read of the store; a query that works from
        // memory (a sort of a cross product) may not read again for long, so the process
        // ends itself a second after the limit. It writes nothing.
        let origin = origin.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs + 1.0));
            eprintln!("newsgraph: error: {origin}: stopped after {secs} s (--timeout); narrow the query or raise the limit");
            std::process::exit(EXIT_ERROR.into());
        });
    }
    let page = query::Page {
        offset: a.offset,
        // a table is read by a person: a page; the other formats and files are read by
        // programs: every row unless told otherwise
        limit: match (a.all, a.limit) {
            (true, _) => None,
            (false, Some(n)) => Some(n),
            (false, None) if a.results == query::ResultsFormat::Table && a.output.is_none() => {
                Some(query::Page::DEFAULT_ROWS)
            }
            (false, None) => None,
        },
    };
    let req = query::Request {
        params: &params,
        format: a.results,
        base: &base,
        timeout: a.timeout.map(std::time::Duration::from_secs_f64),
        page,
        ..query::Request::new(&origin, &text)
    };
    let written = write_or_pipe(
        query::run_page(&s, &req, &mut out)
            .map_err(anyhow::Error::from)
            .and_then(|w| Ok(out.flush().map(|()| w)?)),
    )?;
    if let Some(w) = written.filter(|w| w.more) {
        let (first, last) = (page.offset + 1, page.offset + w.rows);
        ctx.ui.note(format!(
            "rows {first}-{last} shown, more follow: --offset {last} for the next page, --all for every row"
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph serve`.
pub fn serve(
    ctx: &Ctx,
    store: Option<PathBuf>,
    bind: std::net::SocketAddr,
    allow_update: bool,
    timeout: f64,
    max_rows: usize,
) -> Result<ExitCode> {
    let path = ctx.store(store)?;
    let s = if allow_update {
        NewsStore::open(&path, "serve --allow-update")?
    } else {
        NewsStore::open_read_only(&path)?
    };
    let opts = newsgraph::serve::ServeOptions {
        bind,
        allow_update,
        timeout: std::time::Duration::from_secs_f64(timeout),
        max_rows: (max_rows > 0).then_some(max_rows),
        ..Default::default()
    };
    newsgraph::serve::serve(&s, &opts, |addr| {
        // the address goes to stdout, so scripts started with port 0 can read it
        println!("http://{addr}/");
        let _ = io::stdout().flush();
        ctx.ui.note(format!(
            "serving {} at http://{addr}/ (SPARQL endpoint http://{addr}/query{}); Ctrl-C stops",
            path.display(),
            if allow_update {
                format!(", updates at http://{addr}/update")
            } else {
                ", read-only".to_string()
            }
        ));
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph viz`.
pub fn viz(ctx: &Ctx, a: VizArgs) -> Result<ExitCode> {
    use newsgraph::viz;
    let output = a.output.as_deref();
    let filter = viz::Filter {
        entity: a.entity,
        types: a.types,
        from: a.from,
        to: a.to,
        outlet: a.outlet,
        min_articles: a.min_articles,
        max_edges: a.max_edges,
        pairs: a.pairs,
    };
    let (format, layout, store) = (a.format, a.layout.as_str(), a.store);
    let format = match (format, output) {
        (Some(f), _) => f,
        (None, Some(p)) => VizFormat::from_path(p).with_context(|| {
            format!(
                "cannot tell the format from {}: name a .dot, .svg, .png or .html file, or give --format",
                p.display()
            )
        })?,
        (None, None) => VizFormat::Dot,
    };
    let path = ctx.store(store)?;
    let s = NewsStore::open_read_only(&path)?;
    let picture = viz::picture(&s, &filter)?;
    drop(s);
    let bytes = match format {
        VizFormat::Dot => viz::to_dot(&picture).into_bytes(),
        VizFormat::Svg => viz::render(&viz::to_dot(&picture), layout, "svg")?,
        VizFormat::Png => viz::render(&viz::to_dot(&picture), layout, "png")?,
        VizFormat::Html => {
            let title = filter
                .entity
                .clone()
                .unwrap_or_else(|| path.display().to_string());
            viz::html::to_html(&picture, &title).into_bytes()
        }
    };
    let mut w = open_output(output)?;
    write_or_pipe(w.write_all(&bytes).and_then(|()| w.flush()))?;
    ctx.ui.note(format!(
        "drew {} entities and {} relations{}",
        picture.nodes.len(),
        picture.edges.len(),
        output
            .map(|p| format!(" into {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph queries`.
pub fn queries(full: bool) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    for q in BUNDLED {
        let r = if full {
            writeln!(out, "== {} ==\n{}", q.name, q.text)
        } else {
            writeln!(out, "{:22} {}", q.name, q.summary())
        };
        write_or_pipe(r)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph eval`.
pub fn eval(ctx: &Ctx, a: EvalArgs) -> Result<ExitCode> {
    let gold = newsgraph::eval::Gold::load(&a.gold)?;
    // with nothing named, the store of newsgraph.toml
    let store = match (&a.store, &a.ttl, a.paths.is_empty()) {
        (None, None, true) => ctx.config.store.clone(),
        _ => a.store,
    };
    let s = match (store, a.ttl) {
        (Some(dir), _) => NewsStore::open_read_only(&dir)?,
        (None, Some(file)) => {
            let s = NewsStore::memory()?;
            let data =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            s.load(oxigraph::io::RdfFormat::Turtle, &data)
                .with_context(|| format!("{} is not valid Turtle", file.display()))?;
            s
        }
        (None, None) if !a.paths.is_empty() => {
            let (quads, _) = pipeline::extract_all(
                &a.paths,
                ReadOptions::default(),
                &ctx.base(None),
                Gazetteer::bundled(),
                |e| ctx.report(e),
            )?;
            let s = NewsStore::memory()?;
            s.inner().extend(quads)?;
            s
        }
        _ => bail!("give --store DIR, --ttl FILE or articles to score"),
    };
    let r = newsgraph::eval::evaluate(&s, &gold)?;
    let rules = if a.rules {
        Some(newsgraph::eval::rule_report(&s, &gold)?)
    } else {
        None
    };
    let mut out = io::stdout().lock();
    match (a.json, &rules) {
        (true, None) => writeln!(out, "{}", r.to_json())?,
        (true, Some(rules)) => writeln!(
            out,
            "{}",
            serde_json::json!({
                "scores": serde_json::from_str::<serde_json::Value>(&r.to_json())?,
                "rules": rules,
            })
        )?,
        (false, _) => {
            write!(out, "{}", r.to_text(ctx.ui.verbose()))?;
            if let Some(rules) = &rules {
                write!(out, "\n{}", rules.to_text())?;
            }
        }
    }
    let e = r.get("entities").map_or(0.0, |p| p.f1);
    let rel = r.get("relations").map_or(0.0, |p| p.f1);
    let below =
        a.min_entities_f1.is_some_and(|m| e < m) || a.min_relations_f1.is_some_and(|m| rel < m);
    Ok(if below {
        ExitCode::from(EXIT_EVAL_FLOOR)
    } else {
        ExitCode::SUCCESS
    })
}

/// `newsgraph info`.
pub fn info(ctx: &Ctx, store: Option<PathBuf>, json: bool) -> Result<ExitCode> {
    let store = ctx.store(store)?;
    let info = NewsStore::open_any_format(&store, None)?.info()?;
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&info)?)?;
    } else {
        write!(out, "{}", describe(&store, &info))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph info` for people.
fn describe(path: &Path, i: &newsgraph::store::StoreInfo) -> String {
    let list = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut s = format!(
        "store {}: format {}{}\n",
        path.display(),
        i.format,
        if i.current {
            " (current)".to_string()
        } else {
            format!(
                " (this newsgraph reads format {}: run `newsgraph rebuild --store {}`)",
                newsgraph::store::STORE_FORMAT,
                path.display()
            )
        }
    );
    s += &format!(
        "written by newsgraph {}, ontology version {}\n",
        i.written_by.as_deref().unwrap_or("(not recorded)"),
        i.ontology.as_deref().unwrap_or("(not recorded)")
    );
    s += &format!(
        "articles {}; graphs {}; triples {}\n",
        i.articles, i.graphs, i.triples
    );
    s += &format!("entities: {}\n", list(&i.entities));
    s += &format!("relations: {}\n", list(&i.relations));
    for (endpoint, graph) in &i.pushed {
        s += &format!("pushed: <{graph}> to {endpoint}\n");
    }
    s
}

/// `newsgraph synth`.
pub fn synth(articles: u64, seed: u64, words: usize, output: Option<&Path>) -> Result<ExitCode> {
    let opts = newsgraph::synth::SynthOptions {
        articles,
        seed,
        words,
        ..Default::default()
    };
    let w = open_output(output)?;
    write_or_pipe(newsgraph::synth::write_corpus(&opts, w))?;
    Ok(ExitCode::SUCCESS)
}
