//! The `newsgraph` command: parses arguments and dispatches to the library's stages.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

use newsgraph::export::{self, Format};
use newsgraph::extract::Gazetteer;
use newsgraph::graph::DEFAULT_BASE;
use newsgraph::ingest::{InputFormat, ReadOptions};
use newsgraph::pipeline;
use newsgraph::query::{self, Bundled, ResultsFormat, BUNDLED};
use newsgraph::store::NewsStore;

/// Exit code of an error not listed below (a bad file given, a bad query, …).
const EXIT_ERROR: u8 = 1;
// 2 is clap's, for usage errors.
/// Exit code when some inputs were skipped.
const EXIT_PARTIAL: u8 = 3;
/// Exit code when an eval floor was not met.
const EXIT_EVAL_FLOOR: u8 = 4;
/// Exit code when a push left a remote graph incomplete.
const EXIT_INCOMPLETE: u8 = 5;
/// Exit code when the store cannot be opened, is locked or in use, or fails.
const EXIT_STORE: u8 = 6;
/// Exit code when a remote store cannot be reached or refuses a push.
const EXIT_REMOTE: u8 = 7;

/// The exit code an error ends the process with.
fn exit_code(e: &anyhow::Error) -> u8 {
    use newsgraph::export::ExportError;
    use newsgraph::pipeline::{PipelineError, RebuildError};
    use newsgraph::push::PushError;
    use newsgraph::store::{LockError, StoreError};
    for cause in e.chain() {
        let store = cause.is::<StoreError>()
            || cause.is::<LockError>()
            || matches!(cause.downcast_ref(), Some(PipelineError::Store(_)))
            || matches!(cause.downcast_ref(), Some(ExportError::Store(_)))
            || matches!(cause.downcast_ref(), Some(PushError::Store(_)))
            || matches!(
                cause.downcast_ref(),
                Some(RebuildError::Pipeline(PipelineError::Store(_)))
            );
        if store {
            return EXIT_STORE;
        }
        match cause.downcast_ref::<PushError>() {
            Some(PushError::BadUrl { .. }) => return EXIT_ERROR,
            Some(_) => return EXIT_REMOTE,
            None => {}
        }
    }
    EXIT_ERROR
}

#[derive(Parser, Debug)]
#[command(
    name = "newsgraph",
    version,
    about = "Turn English news articles into an evidence-backed RDF knowledge graph",
    long_about = "newsgraph reads news articles (pasted text, HTML pages, JSON Lines feeds), finds the people, \
organisations, places and events, and who met with whom, who backs whom and who proposed what. \
It merges what many articles say into one graph in an embedded Oxigraph store, keeping for every \
fact the article and sentence it came from.",
    after_help = "Examples:\n  newsgraph ingest --store kg/ articles/\n  newsgraph queries\n  newsgraph query --store kg/ who-met-whom\n  newsgraph query --store kg/ entity --param entity=\"Sergei Lavrov\"\n  newsgraph export --store kg/ --format turtle -o kg.ttl\n  cat feed.jsonl | newsgraph extract - --input-format jsonl --format ntriples > kg.nt\n  newsgraph push --store kg/ --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --graph https://example.org/news --user dba --password-env PW\n\nExit codes: 0 success; 1 error; 2 usage error; 3 some inputs were skipped (the rest was stored);\n4 an eval floor was not met; 5 a push left a remote graph incomplete; 6 store error (cannot open,\nlocked or in use by another process, another format); 7 remote store error (unreachable, refused)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read articles into a store (files, folders recursively, or - for stdin)
    #[command(
        after_help = "Examples:\n  newsgraph ingest --store kg/ examples/\n  newsgraph ingest --store kg/ feed.jsonl page.html story.txt\n  curl -s https://… | newsgraph ingest --store kg/ --input-format html -\n\nArticles already in the store (same text) are skipped, so re-running adds nothing."
    )]
    Ingest {
        /// The store folder (created if missing)
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        /// Files or folders of articles; - reads stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Commit when this many quads are pending (and at least every 2 s); 1 commits
        /// after every article
        #[arg(long, value_name = "N", default_value_t = pipeline::BATCH_QUADS)]
        commit_quads: usize,
        #[command(flatten)]
        opts: ExtractOpts,
    },
    /// Extract articles straight to RDF on stdout (no store), for pipelines
    #[command(
        after_help = "Examples:\n  newsgraph extract examples/ --format turtle\n  newsgraph extract story.txt --format ntriples -o story.nt"
    )]
    Extract {
        /// Files or folders of articles; - reads stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// RDF format of the output
        #[arg(long, value_enum, default_value = "turtle")]
        format: Format,
        /// Write to this file instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Instead of RDF, show what was found in each article and by which rule
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        opts: ExtractOpts,
    },
    /// Write the store's graph as RDF
    #[command(
        after_help = "Examples:\n  newsgraph export --store kg/ --format turtle -o kg.ttl\n  newsgraph export --store kg/ --format nquads | gzip > kg.nq.gz\n\nFormats and media types: turtle (text/turtle), trig (application/trig), ntriples (application/n-triples),\nnquads (application/n-quads), rdfxml (application/rdf+xml), jsonld (application/ld+json)."
    )]
    Export {
        /// The store folder
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        /// RDF format
        #[arg(long, value_enum, default_value = "turtle")]
        format: Format,
        /// Write to this file instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Keep each article's facts in its own named graph (named by the article IRI) and
        /// the merged entities and relations in the world graph (trig, nquads, jsonld)
        #[arg(long)]
        graph_per_article: bool,
    },
    /// Load the store's graph into an external triple store over HTTP
    #[command(after_help = "Examples:\n  \
VIRTUOSO_PASSWORD=dba newsgraph push --store kg/ --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth \\\n      \
--graph https://example.org/news --user dba --password-env VIRTUOSO_PASSWORD\n  \
newsgraph push --store kg/ --update-endpoint http://127.0.0.1:8890/sparql-auth --graph-per-article --user dba --password-env PW\n  \
newsgraph push --store kg/ --endpoint http://localhost:7878/store --graph https://example.org/news --dry-run\n\n\
--endpoint speaks the SPARQL 1.1 Graph Store Protocol (PUT replaces a graph, POST adds), --update-endpoint SPARQL 1.1 Update\n\
(INSERT DATA). Each remote graph is replaced, never added to twice; a push records what it sent, so the next one sends only\n\
graphs that changed (--full sends all). Large graphs go in batches (--batch-triples). With a query endpoint (--query-endpoint,\n\
or the Update endpoint itself) the remote triple counts are compared with the local ones afterwards.\n\
Passwords come from an environment variable (--password-env) or a prompt, never from the command line.\n\n\
Exit codes: 0 done (and verified when a query endpoint is known); 7 the remote store failed or refused, the remote\n\
graphs as they were or complete; 5 a remote graph was left incomplete (the message names it; push again to replace it);\n\
6 the local store cannot be opened (in use by an ingest?); 1 other errors (a bad URL, a missing password).")]
    Push(PushArgs),
    /// Run a bundled query by name, a .rq file, or --sparql '…'
    #[command(
        after_help = "Examples:\n  newsgraph query --store kg/ who-met-whom\n  newsgraph query --store kg/ entity --param entity=\"John Kerry\"\n  newsgraph query --store kg/ my-query.rq --results json\n  newsgraph query --store kg/ --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n\nParameters are bound as RDF terms (a string literal, or an IRI for http(s): values), never pasted into the query."
    )]
    Query {
        /// The store folder
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        /// A bundled query name (see `newsgraph queries`) or a .rq file
        #[arg(value_name = "QUERY", required_unless_present = "sparql")]
        query: Option<String>,
        /// A SPARQL query given inline
        #[arg(long, conflicts_with = "query")]
        sparql: Option<String>,
        /// A parameter, name=value (repeatable)
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Result format
        #[arg(long, value_enum, default_value = "table")]
        results: ResultsFormat,
        /// Base IRI used to shorten IRIs in tables
        #[arg(long, default_value = DEFAULT_BASE)]
        base: String,
        /// Stop the query after this many seconds
        #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
        timeout: Option<f64>,
    },
    /// Score a graph against gold annotations (P/R/F1 per type, and the misses)
    #[command(
        after_help = "Examples:\n  newsgraph eval --gold gold.json --store kg/\n  newsgraph eval --gold gold.json --ttl kg.ttl --verbose\n  newsgraph eval --gold gold.json articles/ --min-relations-f1 0.8\n\nThe gold format is described in the README (\"Measuring quality\"). Exit code 4 when a --min-* floor is not met."
    )]
    Eval {
        /// Gold annotations (JSON)
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        /// Score this store
        #[arg(long, value_name = "DIR", conflicts_with = "ttl")]
        store: Option<PathBuf>,
        /// Score this Turtle file
        #[arg(long, value_name = "FILE")]
        ttl: Option<PathBuf>,
        /// Or extract these articles and score the result
        #[arg(value_name = "PATH", conflicts_with_all = ["store", "ttl"])]
        paths: Vec<PathBuf>,
        /// List every miss and error
        #[arg(short, long)]
        verbose: bool,
        /// Print the figures as JSON
        #[arg(long)]
        json: bool,
        /// Fail (exit 4) when entities F1 is below this
        #[arg(long, value_name = "F1")]
        min_entities_f1: Option<f64>,
        /// Fail (exit 4) when relations F1 is below this
        #[arg(long, value_name = "F1")]
        min_relations_f1: Option<f64>,
    },
    /// Describe a store: format, versions, articles, entities, relations, pushes
    #[command(
        after_help = "Examples:\n  newsgraph info --store kg/\n  newsgraph info --store kg/ --json | jq .articles\n\nWorks on stores of any format (it says when one needs `newsgraph rebuild`)."
    )]
    Info {
        /// The store folder
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        /// Print the description as JSON
        #[arg(long)]
        json: bool,
    },
    /// Extract every stored article again into a new store (upgrades old store formats)
    #[command(
        after_help = "Examples:\n  newsgraph rebuild --store kg/\n  newsgraph rebuild --store kg/ --into kg-new/\n\n\
Each article's text and metadata are kept in the store, so the original files are not needed. In place,\n\
the old store is kept beside the new one as DIR.formatN.bak; nothing else can open the store meanwhile.\n\
Use it after upgrading newsgraph (a store of an older format is refused until rebuilt), or to apply a\n\
better extractor or a new gazetteer to everything already ingested."
    )]
    Rebuild {
        /// The store folder
        #[arg(long, value_name = "DIR")]
        store: PathBuf,
        /// Build the new store here and leave the old one as it is
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// Base IRI of minted nodes [default: the one the store's articles have]
        #[arg(long, value_name = "IRI")]
        base: Option<String>,
        /// Extra gazetteer entries: name<TAB>type[<TAB>alias|alias] per line
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
        /// No progress or summary on stderr
        #[arg(short, long)]
        quiet: bool,
    },
    /// Write a synthetic news corpus (JSON Lines) for benchmarks and scale tests
    #[command(
        after_help = "Examples:\n  newsgraph synth --articles 100000 -o corpus.jsonl\n  newsgraph synth --articles 1000 --seed 7 | newsgraph ingest --store kg/ -\n\nThe same seed gives the same bytes on every machine. The articles are load shaped like news\n(datelines, bylines, noise lines, many names and sentence shapes), not quality test data."
    )]
    Synth {
        /// Number of articles
        #[arg(long, default_value_t = 1000)]
        articles: u64,
        /// Seed
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Words of body text per article (about)
        #[arg(long, default_value_t = 500)]
        words: usize,
        /// Write to this file instead of stdout
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the bundled queries
    Queries {
        /// Print each query's full text
        #[arg(long)]
        full: bool,
    },
    /// Run the whole job on the bundled example articles: ingest, every query, a Turtle file
    Demo {
        /// Folder of example articles
        #[arg(long, default_value = "examples")]
        examples: PathBuf,
        /// Store folder
        #[arg(long, default_value = "target/demo-kg")]
        store: PathBuf,
        /// Turtle output
        #[arg(short, long, default_value = "target/demo-kg.ttl")]
        output: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
struct ExtractOpts {
    /// Input format (auto: by extension and content)
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Skip articles (files, or JSON lines) larger than this (bytes, or with K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    max_article_bytes: usize,
    /// Base IRI of minted nodes (must end with / or #)
    #[arg(long, default_value = DEFAULT_BASE, value_name = "IRI")]
    base: String,
    /// Extra gazetteer entries: name<TAB>type[<TAB>alias|alias] per line
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// Keep the store in memory (nothing written to disk; for trying things out)
    #[arg(long)]
    memory: bool,
    /// No progress or summary on stderr
    #[arg(short, long)]
    quiet: bool,
    /// Name each article on stderr as it is stored (after its commit)
    #[arg(short, long, conflicts_with = "quiet")]
    verbose: bool,
}

/// A positive number of seconds.
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        _ => Err(format!("{s:?} is not a positive number of seconds")),
    }
}

/// A size in bytes: `1000`, `64K`, `16M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => {
            return Err(format!(
                "{s:?} is not a size (a number of bytes, or with K, M or G)"
            ))
        }
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size (a number of bytes, or with K, M or G)"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{s:?} is out of range"))
}

impl ExtractOpts {
    fn read(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            max_article_bytes: self.max_article_bytes,
        }
    }
}

fn gazetteer(path: Option<&Path>) -> Result<&'static Gazetteer> {
    match path {
        None => Ok(Gazetteer::bundled()),
        Some(p) => {
            // a user's entries on top of the bundled data, for the life of the process
            let mut g = newsgraph::extract::gazetteer::Gazetteer::bundled_copy();
            let n = g.add_user_file(p)?;
            eprintln!(
                "newsgraph: {n} gazetteer entries added from {}",
                p.display()
            );
            Ok(Box::leak(Box::new(g)))
        }
    }
}

fn report(e: &newsgraph::ingest::IngestError) {
    eprintln!("newsgraph: {e}");
}

/// Reports skipped inputs always, and notices (files ignored by extension) unless quiet.
fn reporter(quiet: bool) -> impl FnMut(&newsgraph::ingest::IngestError) {
    move |e| {
        if !(quiet && e.is_notice()) {
            report(e);
        }
    }
}

fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            store,
            paths,
            commit_quads,
            opts,
        } => {
            let gaz = gazetteer(opts.gazetteer.as_deref())?;
            let s = if opts.memory {
                NewsStore::memory()?
            } else {
                NewsStore::open(&store, "ingest")?
            };
            let started = std::time::Instant::now();
            let tty = io::stderr().is_terminal() && !opts.quiet;
            let verbose = opts.verbose;
            let stored = |p: &pipeline::Summary, source: &str, iri: &oxigraph::model::NamedNode| {
                if verbose {
                    eprintln!("newsgraph: stored {source} as {iri}");
                } else if tty {
                    // on a terminal: articles stored and the rate, rewritten in place
                    let secs = started.elapsed().as_secs_f64().max(1e-3);
                    eprint!(
                        "\r\x1b[Knewsgraph: {} articles stored ({:.0}/s; {} were already there)…",
                        p.added,
                        p.added as f64 / secs,
                        p.unchanged
                    );
                }
            };
            let ingest_opts = pipeline::IngestOptions {
                read: opts.read(),
                base: opts.base.clone(),
                batch_quads: commit_quads,
            };
            let sum =
                pipeline::ingest(&s, &paths, &ingest_opts, gaz, reporter(opts.quiet), stored)?;
            if tty {
                eprint!("\r\x1b[K");
            }
            if !opts.quiet {
                eprintln!(
                    "newsgraph: {} articles added, {} already stored, {} inputs skipped; {} relations; store holds {} quads ({:.1}s)",
                    sum.added, sum.unchanged, sum.skipped, sum.relations, s.len()?, started.elapsed().as_secs_f64()
                );
            }
            Ok(if sum.skipped > 0 {
                ExitCode::from(EXIT_PARTIAL)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract {
            paths,
            format,
            output,
            explain,
            opts,
        } => {
            let gaz = gazetteer(opts.gazetteer.as_deref())?;
            if explain {
                let mut w = open_output(output.as_deref())?;
                // the first write error (a closed pipe, a full disk) ends the output
                let mut written: io::Result<()> = Ok(());
                let skipped = pipeline::read_all(
                    &paths,
                    opts.read(),
                    |a| {
                        if written.is_ok() {
                            let x = newsgraph::extract::extract(&a, gaz);
                            written = w.write_all(newsgraph::extract::explain(&a, &x).as_bytes());
                        }
                        Ok(())
                    },
                    report,
                )?;
                write_or_pipe(written.and_then(|()| w.flush()))?;
                return Ok(if skipped > 0 {
                    ExitCode::from(EXIT_PARTIAL)
                } else {
                    ExitCode::SUCCESS
                });
            }
            let (quads, sum) =
                pipeline::extract_all(&paths, opts.read(), &opts.base, gaz, reporter(opts.quiet))?;
            let store = NewsStore::memory()?;
            store.inner().extend(quads)?;
            let w = open_output(output.as_deref())?;
            write_or_pipe(export::export(&store, format, w).map(|mut w| w.flush()))?;
            if !opts.quiet {
                eprintln!(
                    "newsgraph: {} articles, {} relations, {} inputs skipped",
                    sum.added, sum.relations, sum.skipped
                );
            }
            Ok(if sum.skipped > 0 {
                ExitCode::from(EXIT_PARTIAL)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Export {
            store,
            format,
            output,
            graph_per_article,
        } => {
            let s = NewsStore::open_read_only(&store)?;
            let layout = if graph_per_article {
                export::Layout::GraphPerArticle
            } else {
                export::Layout::Merged
            };
            if layout == export::Layout::GraphPerArticle && !format.rdf_format().supports_datasets()
            {
                bail!("{} has no named graphs: --graph-per-article needs --format trig, nquads or jsonld", format.rdf_format().name());
            }
            let w = open_output(output.as_deref())?;
            write_or_pipe(export::export_layout(&s, format, layout, w).map(|mut w| w.flush()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Push(args) => push(args),
        Command::Query {
            store,
            query,
            sparql,
            params,
            results,
            base,
            timeout,
        } => {
            let s = NewsStore::open_read_only(&store)?;
            let (origin, text) = match (query, sparql) {
                (_, Some(q)) => ("--sparql".to_string(), q),
                (Some(name), None) => match Bundled::get(&name) {
                    Some(b) => (b.name.to_string(), b.text.to_string()),
                    None if Path::new(&name).exists() => (name.clone(), std::fs::read_to_string(&name).with_context(|| format!("cannot read {name}"))?),
                    None => bail!("no bundled query named {name:?} and no such file (see `newsgraph queries`)"),
                },
                (None, None) => bail!("give a query name, a .rq file or --sparql"),
            };
            let params = query::parse_params(&params)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            if let Some(secs) = timeout {
                // The evaluator stops at its next read of the store; a query that works
                // from memory (a sort of a cross product) may not read again for long, so
                // the process ends itself a second after the limit. It writes nothing.
                let origin = origin.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(std::time::Duration::from_secs_f64(secs + 1.0));
                    eprintln!("newsgraph: error: {origin}: stopped after {secs} s (--timeout); narrow the query or raise the limit");
                    std::process::exit(EXIT_ERROR.into());
                });
            }
            let req = query::Request {
                params: &params,
                format: results,
                base: &base,
                timeout: timeout.map(std::time::Duration::from_secs_f64),
                ..query::Request::new(&origin, &text)
            };
            write_or_pipe(
                query::run(&s, &req, &mut out)
                    .map_err(anyhow::Error::from)
                    .and_then(|_| Ok(out.flush()?)),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Queries { full } => {
            let mut out = io::stdout().lock();
            for q in BUNDLED {
                if full {
                    writeln!(out, "== {} ==\n{}", q.name, q.text)?;
                } else {
                    writeln!(out, "{:22} {}", q.name, q.summary())?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            gold,
            store,
            ttl,
            paths,
            verbose,
            json,
            min_entities_f1,
            min_relations_f1,
        } => {
            let gold = newsgraph::eval::Gold::load(&gold)?;
            let s = match (store, ttl) {
                (Some(dir), _) => NewsStore::open_read_only(&dir)?,
                (None, Some(file)) => {
                    let s = NewsStore::memory()?;
                    let data = std::fs::read(&file)
                        .with_context(|| format!("cannot read {}", file.display()))?;
                    s.load(oxigraph::io::RdfFormat::Turtle, &data)
                        .with_context(|| format!("{} is not valid Turtle", file.display()))?;
                    s
                }
                (None, None) if !paths.is_empty() => {
                    let (quads, _) = pipeline::extract_all(
                        &paths,
                        ReadOptions::default(),
                        DEFAULT_BASE,
                        Gazetteer::bundled(),
                        report,
                    )?;
                    let s = NewsStore::memory()?;
                    s.inner().extend(quads)?;
                    s
                }
                _ => bail!("give --store DIR, --ttl FILE or articles to score"),
            };
            let r = newsgraph::eval::evaluate(&s, &gold)?;
            let mut out = io::stdout().lock();
            if json {
                writeln!(out, "{}", r.to_json())?;
            } else {
                write!(out, "{}", r.to_text(verbose))?;
            }
            let e = r.get("entities").map_or(0.0, |p| p.f1);
            let rel = r.get("relations").map_or(0.0, |p| p.f1);
            let below =
                min_entities_f1.is_some_and(|m| e < m) || min_relations_f1.is_some_and(|m| rel < m);
            Ok(if below {
                ExitCode::from(EXIT_EVAL_FLOOR)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Demo {
            examples,
            store,
            output,
        } => demo(&examples, &store, &output),
        Command::Synth {
            articles,
            seed,
            words,
            output,
        } => {
            let opts = newsgraph::synth::SynthOptions {
                articles,
                seed,
                words,
                ..Default::default()
            };
            let w = open_output(output.as_deref())?;
            write_or_pipe(newsgraph::synth::write_corpus(&opts, w))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Info { store, json } => {
            let info = NewsStore::open_any_format(&store, None)?.info()?;
            let mut out = io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&info)?)?;
            } else {
                write!(out, "{}", describe(&store, &info))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rebuild {
            store,
            into,
            base,
            gazetteer: gaz_file,
            quiet,
        } => {
            let gaz = gazetteer(gaz_file.as_deref())?;
            let tty = io::stderr().is_terminal() && !quiet;
            let r = pipeline::rebuild(
                &store,
                into.as_deref(),
                base.as_deref(),
                gaz,
                |done, total| {
                    if tty && (done.is_multiple_of(25) || done == total) {
                        eprint!("\rnewsgraph: {done}/{total} articles…");
                    }
                },
            )?;
            if tty {
                eprint!("\r\x1b[K");
            }
            if !quiet {
                eprintln!(
                    "newsgraph: rebuilt {} articles from store format {} into {} (format {}; {} relations){}",
                    r.articles,
                    r.from_format,
                    r.store.display(),
                    newsgraph::store::STORE_FORMAT,
                    r.summary.relations,
                    r.backup
                        .map(|b| format!("; the old store is kept at {}", b.display()))
                        .unwrap_or_default()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[derive(clap::Args, Debug)]
struct PushArgs {
    /// The store folder
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth
    #[arg(
        long,
        value_name = "URL",
        required_unless_present = "update_endpoint",
        conflicts_with = "update_endpoint"
    )]
    endpoint: Option<String>,
    /// SPARQL 1.1 Update endpoint, e.g. http://127.0.0.1:8890/sparql-auth
    #[arg(long, value_name = "URL")]
    update_endpoint: Option<String>,
    /// SPARQL query endpoint used to check the remote counts afterwards
    #[arg(long, value_name = "URL")]
    query_endpoint: Option<String>,
    /// Remote graph of the merged graph (with --graph-per-article: of the world graph)
    #[arg(
        long,
        value_name = "IRI",
        required_unless_present = "graph_per_article"
    )]
    graph: Option<String>,
    /// One remote graph per article (its IRI) plus the world graph
    #[arg(long)]
    graph_per_article: bool,
    /// User name for the remote store
    #[arg(long, value_name = "USER")]
    user: Option<String>,
    /// Environment variable holding the password (asked on the terminal when absent)
    #[arg(long, value_name = "VAR", requires = "user")]
    password_env: Option<String>,
    /// Authentication to offer
    #[arg(long, value_enum, default_value = "auto")]
    auth: newsgraph::push::AuthScheme,
    /// Triples per request, at most [default: 50000 with --endpoint, 500 with --update-endpoint]
    #[arg(long, value_name = "N")]
    batch_triples: Option<usize>,
    /// Seconds to wait for each request
    #[arg(long, default_value_t = 120.0, value_name = "SECS")]
    timeout: f64,
    /// Repeats of a request after a connection error, timeout or 5xx
    #[arg(long, default_value_t = 3, value_name = "N")]
    retries: u32,
    /// Send every graph, even those unchanged since the last push
    #[arg(long)]
    full: bool,
    /// Show what would be sent, send nothing
    #[arg(long)]
    dry_run: bool,
    /// No progress or summary on stderr
    #[arg(short, long)]
    quiet: bool,
}

fn password(user: &str, env: Option<&str>) -> Result<String> {
    if let Some(var) = env {
        return std::env::var(var).with_context(|| {
            format!("--password-env {var}: the environment variable {var} is not set")
        });
    }
    if !io::stdin().is_terminal() {
        bail!("--user {user} needs a password: name an environment variable holding it with --password-env VAR");
    }
    rpassword::prompt_password(format!("Password for {user}: "))
        .context("cannot read the password from the terminal")
}

fn push(a: PushArgs) -> Result<ExitCode> {
    use newsgraph::push::{self as p, Protocol, PushError, PushOptions};
    let (url, protocol) = match (&a.endpoint, &a.update_endpoint) {
        (Some(u), _) => (u, Protocol::GraphStore),
        (None, Some(u)) => (u, Protocol::Update),
        (None, None) => {
            bail!("give --endpoint URL (Graph Store Protocol) or --update-endpoint URL")
        }
    };
    let mut opts = PushOptions::new(p::endpoint_url(url)?, protocol);
    if let Some(q) = &a.query_endpoint {
        opts.query_endpoint = Some(p::endpoint_url(q)?);
    }
    if let Some(g) = &a.graph {
        opts.graph = Some(
            oxigraph::model::NamedNode::new(g)
                .with_context(|| format!("--graph {g:?} is not an absolute IRI"))?,
        );
    }
    if a.graph_per_article {
        opts.layout = p::Layout::GraphPerArticle;
    }
    if let Some(n) = a.batch_triples {
        if n == 0 {
            bail!("--batch-triples must be at least 1");
        }
        opts.batch_triples = n;
    }
    if !(a.timeout > 0.0 && a.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
    opts.timeout = std::time::Duration::from_secs_f64(a.timeout);
    opts.retries = a.retries;
    opts.full = a.full;
    opts.auth = a.auth;
    let s = NewsStore::open(&a.store, "push")?;
    if a.dry_run {
        let plan = p::plan(&s, &opts)?;
        let mut out = io::stdout().lock();
        let (mut n, mut t) = (0, 0);
        for (graph, count, unchanged) in &plan {
            writeln!(
                out,
                "{graph}\t{count}\t{}",
                if *unchanged { "unchanged" } else { "send" }
            )?;
            if !unchanged {
                n += 1;
                t += count;
            }
        }
        eprintln!(
            "newsgraph: dry run: would send {t} triples in {n} of {} graphs to {}",
            plan.len(),
            p::http::without_query(&opts.endpoint)
        );
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(user) = &a.user {
        opts.credentials = Some(p::Credentials {
            user: user.clone(),
            password: password(user, a.password_env.as_deref())?,
        });
    }
    let tty = io::stderr().is_terminal() && !a.quiet;
    let r = p::push(&s, &opts, |done, total| {
        if tty {
            eprint!("\rnewsgraph: pushing graph {done}/{total}…");
        }
    });
    if tty {
        eprint!("\r\x1b[K");
    }
    match r {
        Ok(sum) => {
            if !a.quiet {
                let graphs = |n: usize| format!("{n} graph{}", if n == 1 { "" } else { "s" });
                let check = match sum.verified_graphs {
                    Some(n) => format!(
                        "checked: the remote counts equal the local ones ({} triples in {}{})",
                        sum.triples_total,
                        graphs(n),
                        if sum.resent > 0 {
                            format!("; {} sent again after the check", graphs(sum.resent))
                        } else {
                            String::new()
                        }
                    ),
                    None => "not checked (give --query-endpoint to compare the remote counts)"
                        .to_string(),
                };
                eprintln!(
                    "newsgraph: pushed {} triples in {} to {} ({} unchanged, {} requests, {} retried, {:.1}s); {check}",
                    sum.triples_sent,
                    graphs(sum.graphs_sent + sum.resent),
                    p::http::without_query(&opts.endpoint),
                    sum.graphs_unchanged,
                    sum.requests,
                    sum.retried,
                    sum.seconds
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ PushError::Incomplete { .. }) => {
            eprintln!("newsgraph: error: {e}");
            Ok(ExitCode::from(EXIT_INCOMPLETE))
        }
        Err(e) => Err(e.into()),
    }
}

fn demo(examples: &Path, store: &Path, output: &Path) -> Result<ExitCode> {
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
        report,
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

/// A closed pipe (`newsgraph … | head`) is not an error.
fn write_or_pipe<T, E: Into<anyhow::Error>>(r: std::result::Result<T, E>) -> Result<()> {
    match r {
        Ok(_) => Ok(()),
        Err(e) => {
            let e: anyhow::Error = e.into();
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
                    || c.to_string().contains("Broken pipe")
            }) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<io::Error>()
                    .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {e:#}");
            ExitCode::from(exit_code(&e))
        }
    }
}
