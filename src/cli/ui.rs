//! How the commands talk to people on stderr: notices, warnings and errors with the
//! `newsgraph:` prefix, colour only where it helps, and progress bars on long work.
//!
//! Everything for people goes to stderr, so stdout stays clean for pipes
//! (`newsgraph export … | gzip`). `--quiet` keeps only errors and skipped inputs;
//! `--verbose` adds details. Colour and progress bars appear only on a terminal (and
//! colour not when `NO_COLOR` is set, <https://no-color.org>), so logs and CI output stay
//! plain text.

use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{ColorWhen, GlobalOpts};

const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The messages and progress of one command.
#[derive(Debug)]
pub struct Ui {
    quiet: bool,
    verbose: bool,
    color: bool,
    bars: bool,
    /// The bar being drawn, cleared around every message so they do not mix.
    bar: RefCell<Option<ProgressBar>>,
}

/// An error and its causes on one line, "outer: cause: cause's cause", each said once: a
/// message that already ends with its cause's text (`"cannot open store kg: {source}"`)
/// does not repeat it.
pub fn chain_message<'a>(
    causes: impl IntoIterator<Item = &'a (dyn std::error::Error + 'static)>,
) -> String {
    let mut out = String::new();
    for c in causes {
        let m = c.to_string();
        if out.is_empty() {
            out = m;
        } else if !out.ends_with(&m) {
            out.push_str(": ");
            out.push_str(&m);
        }
    }
    out
}

impl Ui {
    /// From the global options, looking at the real stderr.
    pub fn new(g: &GlobalOpts) -> Ui {
        let tty = std::io::stderr().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ui {
            quiet: g.quiet,
            verbose: g.verbose,
            color: match g.color {
                ColorWhen::Always => true,
                ColorWhen::Never => false,
                ColorWhen::Auto => tty && !no_color,
            },
            bars: tty && !g.quiet,
            bar: RefCell::new(None),
        }
    }

    /// Whether `--quiet` was given.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// Whether `--verbose` was given.
    pub fn verbose(&self) -> bool {
        self.verbose
    }

    fn print(&self, line: &str) {
        match &*self.bar.borrow() {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn paint(&self, style: &str, s: &str) -> String {
        if self.color {
            format!("{style}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    /// A summary or notice (not with `--quiet`).
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            self.print(&format!("{} {msg}", self.paint(BOLD, "newsgraph:")));
        }
    }

    /// A detail (only with `--verbose`).
    pub fn detail(&self, msg: impl std::fmt::Display) {
        if self.verbose {
            self.print(&format!("newsgraph: {msg}"));
        }
    }

    /// Something the user must see even with `--quiet`: an input skipped, a graph left
    /// incomplete.
    pub fn warn(&self, msg: impl std::fmt::Display) {
        self.print(&format!("{} {msg}", self.paint(YELLOW, "newsgraph:")));
    }

    /// The error a command ends with.
    pub fn error(&self, msg: impl std::fmt::Display) {
        self.print(&format!(
            "newsgraph: {} {msg}",
            self.paint(RED_BOLD, "error:")
        ));
    }

    /// Starts a progress bar: `total` items when known (a bar with an estimate of the
    /// time left), else a counter with the rate. Drawn only on a terminal and not with
    /// `--quiet`; elsewhere it costs nothing. The bar is cleared when dropped.
    pub fn progress(&self, total: Option<u64>, unit: &str) -> Progress<'_> {
        let bar = match total {
            Some(n) => ProgressBar::with_draw_target(Some(n), self.target()).with_style(
                ProgressStyle::with_template(&format!(
                    "newsgraph: {{bar:30}} {{pos}}/{{len}} {unit} ({{rate}}, {{eta}} left) {{msg}}"
                ))
                .map(with_rate)
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::with_draw_target(None, self.target()).with_style(
                ProgressStyle::with_template(&format!(
                    "newsgraph: {{spinner}} {{pos}} {unit} ({{rate}}, {{elapsed}}) {{msg}}"
                ))
                .map(with_rate)
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        *self.bar.borrow_mut() = Some(bar.clone());
        Progress { ui: self, bar }
    }

    fn target(&self) -> ProgressDrawTarget {
        if self.bars {
            ProgressDrawTarget::stderr_with_hz(8)
        } else {
            ProgressDrawTarget::hidden()
        }
    }
}

/// `{rate}` in a template: items per second, whole.
fn with_rate(style: ProgressStyle) -> ProgressStyle {
    style.with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", state.per_sec());
        },
    )
}

/// A running progress bar (see [`Ui::progress`]).
#[derive(Debug)]
pub struct Progress<'a> {
    ui: &'a Ui,
    bar: ProgressBar,
}

impl Progress<'_> {
    /// Sets how many items are done.
    pub fn set(&self, done: u64) {
        self.bar.set_position(done);
    }

    /// Sets the text after the counts.
    pub fn message(&self, msg: impl Into<std::borrow::Cow<'static, str>>) {
        self.bar.set_message(msg);
    }
}

impl Drop for Progress<'_> {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
        self.ui.bar.borrow_mut().take();
    }
}

#[cfg(test)]
mod tests {
    use super::chain_message;

    #[derive(Debug, thiserror::Error)]
    enum Outer {
        #[error("cannot open store kg: {source}")]
        Repeats { source: std::io::Error },
        #[error("cannot open store kg")]
        Plain {
            #[source]
            source: std::io::Error,
        },
    }

    #[test]
    fn each_cause_is_said_once() {
        let io = || std::io::Error::other("disk on fire");
        let e = anyhow::Error::from(Outer::Repeats { source: io() });
        assert_eq!(
            chain_message(e.chain()),
            "cannot open store kg: disk on fire"
        );
        let e = anyhow::Error::from(Outer::Plain { source: io() });
        assert_eq!(
            chain_message(e.chain()),
            "cannot open store kg: disk on fire"
        );
        let e = anyhow::Error::from(Outer::Plain { source: io() }).context("ingest failed");
        assert_eq!(
            chain_message(e.chain()),
            "ingest failed: cannot open store kg: disk on fire"
        );
    }
}
