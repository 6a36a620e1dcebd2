//! The `newsgraph` command: parses arguments (their definition is the library's
//! [`newsgraph::cli`]) and dispatches to the commands in `src/commands/`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use newsgraph::cli::config::Config;
use newsgraph::cli::ui::Ui;
use newsgraph::cli::{Cli, Command};

mod commands;

use commands::{Ctx, EXIT_ERROR, EXIT_REMOTE, EXIT_STORE};

/// mimalloc instead of the system allocator: extraction makes many small strings and
/// glibc's malloc and free were a fifth of its time (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

fn run(ctx: &Ctx, command: Command) -> Result<ExitCode> {
    use commands::{ingest, push, read};
    match command {
        Command::Ingest {
            store,
            paths,
            commit_quads,
            json,
            opts,
        } => ingest::ingest(ctx, store, &paths, commit_quads, json, &opts),
        Command::Extract {
            paths,
            format,
            output,
            explain,
            opts,
        } => ingest::extract(ctx, &paths, format, output.as_deref(), explain, &opts),
        Command::Export {
            store,
            format,
            output,
            graph_per_article,
        } => read::export(ctx, store, format, output.as_deref(), graph_per_article),
        Command::Push(args) => push::push(ctx, args),
        Command::Query(args) => read::query(ctx, args),
        Command::Queries { full } => read::queries(full),
        Command::Eval(args) => read::eval(ctx, args),
        Command::Demo {
            examples,
            store,
            output,
        } => ingest::demo(ctx, &examples, &store, &output),
        Command::Synth {
            articles,
            seed,
            words,
            output,
        } => read::synth(articles, seed, words, output.as_deref()),
        Command::Serve {
            store,
            bind,
            allow_update,
            timeout,
            max_rows,
        } => read::serve(ctx, store, bind, allow_update, timeout, max_rows),
        Command::Viz(args) => read::viz(ctx, args),
        Command::Completions { shell } => commands::meta::completions(shell),
        Command::Man { out } => commands::meta::man(ctx, out.as_deref()),
        Command::Info { store, json } => read::info(ctx, store, json),
        Command::Rebuild {
            store,
            into,
            base,
            gazetteer,
        } => ingest::rebuild(ctx, store, into.as_deref(), base, gazetteer.as_deref()),
    }
}

fn main() -> ExitCode {
    // a bug caught in one article is that article's one-line error, not a raw panic
    newsgraph::pipeline::isolate::quiet_panics();
    let cli = Cli::parse();
    let ui = Ui::new(&cli.global);
    let ctx = match Config::find(cli.global.config.as_deref()) {
        Ok(config) => Ctx { ui, config },
        Err(e) => {
            ui.error(e);
            return ExitCode::from(EXIT_ERROR);
        }
    };
    if let Some(p) = &ctx.config.path {
        ctx.ui.detail(format!("settings from {}", p.display()));
    }
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) if commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            ctx.ui.error(newsgraph::cli::ui::chain_message(e.chain()));
            ExitCode::from(exit_code(&e))
        }
    }
}
