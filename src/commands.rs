//! The binary's side of each command (this folder belongs to `src/main.rs`, not to the
//! library): turns parsed arguments and `newsgraph.toml` into calls of the pipeline's
//! stages, and tells people what happened through [`Ui`]. Errors are `anyhow` here and
//! typed in the library.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use newsgraph::cli::config::Config;
use newsgraph::cli::ui::Ui;
use newsgraph::extract::Gazetteer;
use newsgraph::graph::DEFAULT_BASE;

/// Exit code of an error not listed below (a bad file given, a bad query, …).
pub const EXIT_ERROR: u8 = 1;
// 2 is clap's, for usage errors.
/// Exit code when some inputs were skipped.
pub const EXIT_PARTIAL: u8 = 3;
/// Exit code when an eval floor was not met.
pub const EXIT_EVAL_FLOOR: u8 = 4;
/// Exit code when a push left a remote graph incomplete.
pub const EXIT_INCOMPLETE: u8 = 5;
/// Exit code when the store cannot be opened, is locked or in use, or fails.
pub const EXIT_STORE: u8 = 6;
/// Exit code when a remote store cannot be reached or refuses a push.
pub const EXIT_REMOTE: u8 = 7;

pub mod ingest;
pub mod meta;
pub mod push;
pub mod read;

/// What every command needs: how to talk to people and the settings file.
#[derive(Debug)]
pub struct Ctx {
    /// Messages and progress.
    pub ui: Ui,
    /// `newsgraph.toml` (all defaults when there is none).
    pub config: Config,
}

impl Ctx {
    /// The store folder: `--store`, else `store` in newsgraph.toml.
    pub fn store(&self, flag: Option<PathBuf>) -> Result<PathBuf> {
        flag.or_else(|| self.config.store.clone()).ok_or_else(|| {
            anyhow::anyhow!(
                "give the store folder with --store DIR (or set `store = \"DIR\"` in newsgraph.toml)"
            )
        })
    }

    /// The base IRI: `--base`, else `base` in newsgraph.toml, else the default.
    pub fn base(&self, flag: Option<String>) -> String {
        flag.or_else(|| self.config.base.clone())
            .unwrap_or_else(|| DEFAULT_BASE.to_string())
    }

    /// The bundled gazetteer plus the entries of `--gazetteer FILE` and newsgraph.toml.
    pub fn gazetteer(&self, file: Option<&Path>) -> Result<&'static Gazetteer> {
        if file.is_none() && !self.config.adds_to_gazetteer() {
            return Ok(Gazetteer::bundled());
        }
        // a user's entries on top of the bundled data, for the life of the process
        let mut g = Gazetteer::bundled_copy();
        for f in self
            .config
            .gazetteer_files
            .iter()
            .map(PathBuf::as_path)
            .chain(file)
        {
            let n = g.add_user_file(f)?;
            self.ui
                .detail(format!("{n} gazetteer entries added from {}", f.display()));
        }
        let shown = self
            .config
            .path
            .as_deref()
            .map_or_else(String::new, |p| p.display().to_string());
        for e in &self.config.gazetteer {
            let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
            g.add_user_entry(&e.name, &e.etype, &aliases)
                .map_err(|m| anyhow::anyhow!("{shown}: [[gazetteer]] {:?}: {m}", e.name))?;
        }
        if !self.config.gazetteer.is_empty() {
            self.ui.detail(format!(
                "{} gazetteer entries added from {shown}",
                self.config.gazetteer.len()
            ));
        }
        Ok(Box::leak(Box::new(g)))
    }

    /// Reports an input that could not be read; notices (files ignored by their
    /// extension) only without `--quiet`.
    pub fn report(&self, e: &newsgraph::ingest::IngestError) {
        if e.is_notice() {
            self.ui.note(e);
        } else {
            self.ui.warn(e);
        }
    }
}

/// A file, or stdout for none, buffered.
pub fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    })
}

/// Whether an error is a closed pipe (`newsgraph … | head`), which is not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

/// A closed pipe (`newsgraph … | head`) is not an error: the value written, or `None`
/// when the reader went away.
pub fn write_or_pipe<T, E: Into<anyhow::Error>>(r: std::result::Result<T, E>) -> Result<Option<T>> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            let e: anyhow::Error = e.into();
            if is_broken_pipe(&e) {
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
