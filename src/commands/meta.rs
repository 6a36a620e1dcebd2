//! `completions` and `man`: the shell completions and manual pages, generated from the
//! command line's own definition ([`newsgraph::cli::Cli`]), so they never disagree with
//! `--help`.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use newsgraph::cli::Cli;

use super::{write_or_pipe, Ctx};

/// `newsgraph completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "newsgraph", &mut out);
    write_or_pipe(io::stdout().lock().write_all(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// `newsgraph man [--out DIR]`: the page of `newsgraph` on stdout, or every page
/// (`newsgraph.1`, `newsgraph-ingest.1`, …) into a folder.
pub fn man(ctx: &Ctx, out: Option<&Path>) -> Result<ExitCode> {
    let cmd = Cli::command();
    let Some(dir) = out else {
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut page)?;
        write_or_pipe(io::stdout().lock().write_all(&page))?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = 0;
    let mut pages = vec![("newsgraph".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands() {
        let name = format!("newsgraph-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, page) in pages {
        let path = dir.join(format!("{name}.1"));
        let mut f = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        clap_mangen::Man::new(page).render(&mut f)?;
        written += 1;
    }
    ctx.ui.note(format!(
        "{written} manual pages written to {} (read one with `man -l {}/newsgraph.1`)",
        dir.display(),
        dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}
