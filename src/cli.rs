//! The command line's definition: every command, option and help text (clap).
//!
//! In the library rather than the binary so that the shell completions and the man page
//! (`newsgraph completions`, `newsgraph man`) and the tests see exactly what users see.
//! `src/main.rs` parses with it and dispatches to the pipeline's stages; [`ui`] is how
//! the commands talk to people (progress, colour, verbosity) and [`config`] reads
//! `newsgraph.toml`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::Format;
use crate::ingest::{InputFormat, ReadOptions};
use crate::pipeline;
use crate::query::ResultsFormat;

pub mod config;
pub mod ui;

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
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalOpts,
}

/// Options every command takes, before or after its name.
#[derive(clap::Args, Debug, Clone)]
pub struct GlobalOpts {
    /// Print only errors (no progress, notices or summary)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more: each article as it is stored, every miss of `eval`, settings read
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Colour in messages: auto (only on a terminal, and not when NO_COLOR is set)
    #[arg(
        long,
        value_enum,
        global = true,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorWhen,
    /// Read settings from this file [default: ./newsgraph.toml when present, or $NEWSGRAPH_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// When messages are coloured.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read articles into a store (files, folders recursively, or - for stdin)
    #[command(
        after_help = "Examples:\n  newsgraph ingest --store kg/ examples/\n  newsgraph ingest --store kg/ feed.jsonl page.html story.txt\n  curl -s https://… | newsgraph ingest --store kg/ --input-format html -\n\nArticles already in the store (same text) are skipped, so re-running adds nothing."
    )]
    Ingest {
        /// The store folder, created if missing [default: `store` in newsgraph.toml]
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// Files or folders of articles; - reads stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Commit when this many quads are pending (and at least every 2 s); 1 commits
        /// after every article
        #[arg(long, value_name = "N", default_value_t = pipeline::BATCH_QUADS)]
        commit_quads: usize,
        /// Print the summary (articles, entities and relations by type, quads, time) as
        /// JSON on stdout
        #[arg(long)]
        json: bool,
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
        /// The store folder [default: `store` in newsgraph.toml]
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
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
        after_help = "Examples:\n  newsgraph query --store kg/ who-met-whom                 # the 50 most reported pairs\n  newsgraph query --store kg/ who-met-whom --offset 50     # the next 50\n  newsgraph query --store kg/ entity --param entity=\"John Kerry\"\n  newsgraph query --store kg/ evidence --param subject=\"John Kerry\" --param predicate=metWith\n  newsgraph query --store kg/ evidence --results csv -o evidence.csv   # every row, streamed\n  newsgraph query --store kg/ my-query.rq --results json\n  newsgraph query --store kg/ --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n\nA table is a page (50 rows unless --limit or --all); the other formats and -o FILE get every row unless --limit.\n\nParameters are bound as RDF terms (a string literal, or an IRI for http(s): values), never pasted into the query.\nOne the store matches is where the query starts, so one entity's rows come fast on a large store."
    )]
    Query(QueryArgs),
    /// Score a graph against gold annotations (P/R/F1 per type, type confusions, the misses)
    #[command(
        after_help = "Examples:\n  newsgraph eval --gold gold.json --store kg/\n  newsgraph eval --gold gold.json --ttl kg.ttl --verbose\n  newsgraph eval --gold gold.json articles/ --min-relations-f1 0.8\n  newsgraph eval --gold gold.json articles/ --rules     # which rule stated what, and how often it was right\n\nThe report ends with a table of entity types, gold (rows) against system (columns), - for none.\nThe gold format is described in the README (\"Measuring quality\"). Exit code 4 when a --min-* floor is not met."
    )]
    Eval(EvalArgs),
    /// Describe a store: format, versions, articles, entities, relations, pushes
    #[command(
        after_help = "Examples:\n  newsgraph info --store kg/\n  newsgraph info --store kg/ --json | jq .articles\n\nWorks on stores of any format (it says when one needs `newsgraph rebuild`)."
    )]
    Info {
        /// The store folder [default: `store` in newsgraph.toml]
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
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
        /// The store folder [default: `store` in newsgraph.toml]
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// Build the new store here and leave the old one as it is
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
        /// Base IRI of minted nodes [default: the one the store's articles have]
        #[arg(long, value_name = "IRI")]
        base: Option<String>,
        /// Extra gazetteer entries: name<TAB>type[<TAB>alias|alias] per line
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
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
    /// Serve the store over HTTP: a SPARQL endpoint at /query and a query page at /
    #[command(
        after_help = "Examples:\n  newsgraph serve --store kg/\n      then open http://127.0.0.1:7878/ (the query page), or ask the endpoint:\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query\n  curl 'http://127.0.0.1:7878/query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D'\n  newsgraph serve --store kg/ --bind 0.0.0.0:8080      # reachable from other machines\n\n\
The endpoint follows the SPARQL 1.1 Protocol: GET /query?query=…, POST application/sparql-query or a form\n\
(query=…). Results by the Accept header: application/sparql-results+json (default), application/sparql-results+xml,\n\
text/csv, text/tab-separated-values; CONSTRUCT/DESCRIBE as text/turtle (default), application/n-triples,\n\
application/rdf+xml, application/ld+json, application/n-quads, application/trig. The default graph is the union\n\
of all graphs, as for `newsgraph query`; param=name=value binds a bundled query's parameter (as --param).\n\
Read-only unless --allow-update (then POST /update takes SPARQL Update, and no other command can use the store).\n\
Stop it with Ctrl-C."
    )]
    Serve {
        /// The store folder [default: `store` in newsgraph.toml]
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// Address and port to listen on (127.0.0.1: this machine only; port 0 picks a free one)
        #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Take SPARQL updates at /update (the store is then held for writing)
        #[arg(long)]
        allow_update: bool,
        /// Stop each query after this many seconds
        #[arg(long, value_name = "SECS", default_value = "30", value_parser = parse_seconds)]
        timeout: f64,
        /// The most rows of one SELECT answer (0: no limit); an answer cut there has the
        /// header Newsgraph-Rows-Truncated
        #[arg(long, value_name = "N", default_value_t = crate::serve::DEFAULT_MAX_ROWS)]
        max_rows: usize,
    },
    /// Draw the graph: entities, each meeting once, backs and proposed edges (DOT, SVG, PNG, HTML)
    #[command(
        after_help = "Examples:\n  newsgraph viz --store kg/ -o graph.html            # one page that opens offline\n  newsgraph viz --store kg/ --entity \"Sergei Lavrov\" -o lavrov.svg\n  newsgraph viz --store kg/ --type Person --from 2014-01-01 --to 2014-01-31 -o january.png\n  newsgraph viz --store kg/ --outlet Reuters --min-articles 2 | dot -Tpdf > reuters.pdf\n\n\
The format follows the extension of -o (.dot, .gv, .svg, .png, .html), or --format; without -o, DOT goes to stdout.\n\
SVG and PNG are drawn by Graphviz (`neato`, or --layout dot/fdp/sfdp/circo), which must be installed; DOT and\n\
HTML need nothing. Each real meeting is one node (a diamond) joined to its participants, however many articles\n\
report it (--pairs: a \"met\" edge between every two participants instead). Each edge says how many articles\n\
state it; its tooltip gives the outlets, dates and one sentence as evidence. Dates are publication dates of\n\
the articles."
    )]
    Viz(VizArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Examples:\n  newsgraph completions bash > ~/.local/share/bash-completion/completions/newsgraph\n  newsgraph completions zsh > ~/.zfunc/_newsgraph        # with fpath+=(~/.zfunc) in ~/.zshrc\n  newsgraph completions fish > ~/.config/fish/completions/newsgraph.fish\n  source <(newsgraph completions bash)                    # this shell only"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder
    #[command(
        after_help = "Examples:\n  newsgraph man | man -l -\n  newsgraph man --out ~/.local/share/man/man1     # then `man newsgraph-ingest`"
    )]
    Man {
        /// Write newsgraph.1 and newsgraph-COMMAND.1 for every command into this folder
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// List the bundled queries
    #[command(
        after_help = "Examples:\n  newsgraph queries\n  newsgraph queries --full          # with each query's text\n  newsgraph query --store kg/ who-backs-whom"
    )]
    Queries {
        /// Print each query's full text
        #[arg(long)]
        full: bool,
    },
    /// Run the whole job on the bundled example articles: ingest, every query, a Turtle file
    #[command(
        after_help = "Examples:\n  newsgraph demo                       # from the project's top folder\n  newsgraph demo --examples my-articles/ --store /tmp/kg --output /tmp/kg.ttl\n\nThe store folder is emptied first."
    )]
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

/// What `newsgraph query` is asked.
#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// The store folder [default: `store` in newsgraph.toml]
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// A bundled query name (see `newsgraph queries`) or a .rq file
    #[arg(value_name = "QUERY", required_unless_present = "sparql")]
    pub query: Option<String>,
    /// A SPARQL query given inline
    #[arg(long, conflicts_with = "query")]
    pub sparql: Option<String>,
    /// A parameter, name=value (repeatable)
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Result format
    #[arg(long, value_enum, default_value = "table")]
    pub results: ResultsFormat,
    /// Base IRI used to shorten IRIs in tables [default: `base` in newsgraph.toml, or
    /// https://example.org/newsgraph/]
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Stop the query after this many seconds
    #[arg(long, value_name = "SECS", value_parser = parse_seconds)]
    pub timeout: Option<f64>,
    /// Write at most this many rows (a page; a notice says when more follow) [default: 50
    /// for a table on the terminal; every row in the other formats and to a file]
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<usize>,
    /// Skip this many rows first (the next page: --offset 50)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Write every row of a table too (the other formats and files have every row unless
    /// --limit is given; they stream)
    #[arg(long)]
    pub all: bool,
    /// Write the results to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `newsgraph eval` is asked.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold annotations (JSON)
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Score this store
    #[arg(long, value_name = "DIR", conflicts_with = "ttl")]
    pub store: Option<PathBuf>,
    /// Score this Turtle file
    #[arg(long, value_name = "FILE")]
    pub ttl: Option<PathBuf>,
    /// Or extract these articles and score the result
    #[arg(value_name = "PATH", conflicts_with_all = ["store", "ttl"])]
    pub paths: Vec<PathBuf>,
    /// Print the figures as JSON
    #[arg(long)]
    pub json: bool,
    /// Also show each rule that stated relations: how often it fired and how often it was
    /// right against the gold (the store's `ng:Assertion`s, by `ng:rule`)
    #[arg(long)]
    pub rules: bool,
    /// Fail (exit 4) when entities F1 is below this
    #[arg(long, value_name = "F1")]
    pub min_entities_f1: Option<f64>,
    /// Fail (exit 4) when relations F1 is below this
    #[arg(long, value_name = "F1")]
    pub min_relations_f1: Option<f64>,
}

/// What `newsgraph viz` is asked.
#[derive(clap::Args, Debug)]
pub struct VizArgs {
    /// The store folder [default: `store` in newsgraph.toml]
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Only this entity (a name or alias) and what it is related to
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Only entities of this type: Person, Organization, Place, Event, Proposal (repeatable)
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only what articles published on or after this day state (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<String>,
    /// Only what articles published on or before this day state (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<String>,
    /// Only what this outlet's articles state
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only edges that at least this many articles state
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_articles: usize,
    /// At most this many edges, the most reported first (0: all)
    #[arg(long, value_name = "N", default_value_t = 300)]
    pub max_edges: usize,
    /// Draw each pair that met as a "met" edge, instead of each meeting once as a node
    /// (diamond) joined to its participants
    #[arg(long)]
    pub pairs: bool,
    /// Output format [default: from the extension of -o, else dot]
    #[arg(long, value_enum)]
    pub format: Option<VizFormat>,
    /// Graphviz layout program for SVG and PNG
    #[arg(long, value_name = "PROGRAM", default_value = "neato")]
    pub layout: String,
    /// Write to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ExtractOpts {
    /// Input format (auto: by extension and content)
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormat,
    /// Skip articles (files, or JSON lines) larger than this (bytes, or with K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_article_bytes: usize,
    /// Base IRI of minted nodes, ending with / or # [default: `base` in newsgraph.toml, or
    /// https://example.org/newsgraph/]
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,
    /// Extra gazetteer entries: name<TAB>type[<TAB>alias|alias] per line
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// Keep the store in memory (nothing written to disk; for trying things out)
    #[arg(long)]
    pub memory: bool,
}

/// Formats of `newsgraph viz`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum VizFormat {
    /// Graphviz DOT (text/vnd.graphviz)
    Dot,
    /// SVG, drawn by Graphviz (image/svg+xml)
    Svg,
    /// PNG, drawn by Graphviz (image/png)
    Png,
    /// One HTML page that lays the graph out itself and opens offline (text/html)
    Html,
}

impl VizFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &std::path::Path) -> Option<VizFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(VizFormat::Dot),
            "svg" => Some(VizFormat::Svg),
            "png" => Some(VizFormat::Png),
            "html" | "htm" => Some(VizFormat::Html),
            _ => None,
        }
    }
}

/// A day, YYYY-MM-DD.
pub fn parse_day(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{s:?} is not a day written YYYY-MM-DD"))
}

/// A positive number of seconds.
pub fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        _ => Err(format!("{s:?} is not a positive number of seconds")),
    }
}

/// A size in bytes: `1000`, `64K`, `16M`, `1G` (powers of 1024).
pub fn parse_size(s: &str) -> Result<usize, String> {
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
    pub fn read(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            max_article_bytes: self.max_article_bytes,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct PushArgs {
    /// The store folder [default: `store` in newsgraph.toml]
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Graph Store Protocol endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth
    #[arg(
        long,
        value_name = "URL",
        required_unless_present = "update_endpoint",
        conflicts_with = "update_endpoint"
    )]
    pub endpoint: Option<String>,
    /// SPARQL 1.1 Update endpoint, e.g. http://127.0.0.1:8890/sparql-auth
    #[arg(long, value_name = "URL")]
    pub update_endpoint: Option<String>,
    /// SPARQL query endpoint used to check the remote counts afterwards
    #[arg(long, value_name = "URL")]
    pub query_endpoint: Option<String>,
    /// Remote graph of the merged graph (with --graph-per-article: of the world graph)
    #[arg(
        long,
        value_name = "IRI",
        required_unless_present = "graph_per_article"
    )]
    pub graph: Option<String>,
    /// One remote graph per article (its IRI) plus the world graph
    #[arg(long)]
    pub graph_per_article: bool,
    /// User name for the remote store
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Environment variable holding the password (asked on the terminal when absent)
    #[arg(long, value_name = "VAR", requires = "user")]
    pub password_env: Option<String>,
    /// Authentication to offer
    #[arg(long, value_enum, default_value = "auto")]
    pub auth: crate::push::AuthScheme,
    /// Triples per request, at most [default: 50000 with --endpoint, 500 with --update-endpoint]
    #[arg(long, value_name = "N")]
    pub batch_triples: Option<usize>,
    /// Seconds to wait for each request
    #[arg(long, default_value_t = 120.0, value_name = "SECS")]
    pub timeout: f64,
    /// Repeats of a request after a connection error, timeout or 5xx
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,
    /// Send every graph, even those unchanged since the last push
    #[arg(long)]
    pub full: bool,
    /// Show what would be sent, send nothing
    #[arg(long)]
    pub dry_run: bool,
}
