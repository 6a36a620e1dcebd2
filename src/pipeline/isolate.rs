//! One article never stops the others: each article's extraction and graph building run
//! behind [`catch`], so a bug that panics on one phrasing becomes that article's error
//! ([`ArticleFailure`], reported and counted like a bad input) while every other article
//! is stored.
//!
//! A caught panic prints nothing of its own once [`quiet_panics`] is installed (the
//! `newsgraph` binary does it first thing): the article's one-line report carries the
//! message and where it came from, and `RUST_BACKTRACE=1` brings Rust's own report and
//! backtrace back for whoever debugs it. Panics outside a guarded stage are untouched.
//!
//! For tests, `NEWSGRAPH_FAILPOINT_EXTRACT=MARKER` makes the extraction of every article
//! whose text contains `MARKER` panic (see [`failpoint`]): the isolation is then tested on
//! the real binary without a real bug to trigger it.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::OnceLock;

use crate::extract::{extract, Extraction, Gazetteer};
use crate::ingest::{Article, IngestError};

thread_local! {
    /// Depth of [`catch`] calls on this thread: a panic here is caught and reported.
    static GUARDED: Cell<u32> = const { Cell::new(0) };
    /// Where the last caught panic on this thread happened (set by the quiet hook).
    static WHERE: Cell<Option<String>> = const { Cell::new(None) };
}

/// What went wrong with one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFailure {
    /// The stage that failed: `extraction` or `graph building`.
    pub stage: &'static str,
    /// The panic's message, or the broken promise.
    pub message: String,
}

impl ArticleFailure {
    /// The failure as the input error that reports it: the article's source (`path` or
    /// `path:line`), its title, the stage and the message.
    /// `kept` says the article was stored without facts instead of skipped.
    pub fn into_error(self, article: &Article, kept: bool) -> IngestError {
        IngestError::Article {
            location: article.source.clone(),
            title: article.title.clone(),
            stage: self.stage,
            message: self.message,
            kept,
        }
    }
}

/// Whether `RUST_BACKTRACE` asks for Rust's own panic reports.
fn backtrace_wanted() -> bool {
    std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0")
}

/// Installs a panic hook that keeps panics caught by [`catch`] quiet (their article's
/// report says what happened) unless `RUST_BACKTRACE` is set; every other panic is
/// reported by the hook that was there before. Call it once, at start-up.
pub fn quiet_panics() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) > 0 {
                WHERE.with(|w| w.set(info.location().map(ToString::to_string)));
                if backtrace_wanted() {
                    previous(info);
                }
            } else {
                previous(info);
            }
        }));
    });
}

/// The text of a panic's payload.
fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// Runs `f`; a panic in it becomes a failure of `stage`, with the panic's message and,
/// when [`quiet_panics`] is installed, its source location.
pub fn catch<T>(stage: &'static str, f: impl FnOnce() -> T) -> Result<T, ArticleFailure> {
    GUARDED.with(|g| g.set(g.get() + 1));
    WHERE.with(|w| w.set(None));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    r.map_err(|payload| {
        let mut message = payload_message(payload.as_ref());
        if let Some(at) = WHERE.with(Cell::take) {
            message = format!(
                "{message} (at {at}; a bug in newsgraph: please report it with the article)"
            );
        }
        ArticleFailure { stage, message }
    })
}

/// The marker of the test failpoint (`NEWSGRAPH_FAILPOINT_EXTRACT`), read once.
fn failpoint_marker() -> Option<&'static str> {
    static MARKER: OnceLock<Option<String>> = OnceLock::new();
    MARKER
        .get_or_init(|| {
            std::env::var("NEWSGRAPH_FAILPOINT_EXTRACT")
                .ok()
                .filter(|m| !m.is_empty())
        })
        .as_deref()
}

/// The test failpoint: panics when `NEWSGRAPH_FAILPOINT_EXTRACT` is set and the article's
/// text contains its value. Costs one load per article when unset.
pub fn failpoint(article: &Article) {
    if let Some(m) = failpoint_marker() {
        if article.text.contains(m) {
            panic!("failpoint NEWSGRAPH_FAILPOINT_EXTRACT ({m}) reached");
        }
    }
}

/// [`extract`] behind [`catch`], with the extraction's promises checked
/// ([`Extraction::check`]): what reaches the graph stage has spans and indexes that hold.
pub fn extract_isolated(article: &Article, gaz: &Gazetteer) -> Result<Extraction, ArticleFailure> {
    let x = catch("extraction", || {
        failpoint(article);
        extract(article, gaz)
    })?;
    x.check(article).map_err(|message| ArticleFailure {
        stage: "extraction",
        message,
    })?;
    Ok(x)
}

/// Builds an article's quads from its (isolated) extraction, with graph building behind
/// [`catch`] too: the quads and the extraction, or what failed first.
pub fn build(
    builder: &mut crate::graph::GraphBuilder,
    article: &Article,
    extraction: Result<Extraction, ArticleFailure>,
    gaz: &Gazetteer,
) -> Result<(Vec<oxigraph::model::Quad>, Extraction), ArticleFailure> {
    let x = extraction?;
    let quads = catch("graph building", || builder.add_article(article, &x, gaz))?;
    Ok((quads, x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Metadata;

    #[test]
    fn a_panic_is_caught_with_its_message_and_the_next_call_runs() {
        quiet_panics();
        let e = catch("extraction", || -> usize { panic!("boom {}", 7) }).expect_err("caught");
        assert_eq!(e.stage, "extraction");
        assert!(
            e.message.starts_with("boom 7 (at src/pipeline/isolate.rs:"),
            "{}",
            e.message
        );
        let v: Vec<u8> = Vec::new();
        let e = catch("graph building", || v[3]).expect_err("caught");
        assert!(e.message.contains("index out of bounds"), "{}", e.message);
        assert_eq!(catch("extraction", || 5), Ok(5));
        assert_eq!(GUARDED.with(Cell::get), 0);
    }

    #[test]
    fn a_failure_reports_the_articles_source_and_title() {
        let a = Article::from_text(
            "feed.jsonl:4",
            "Leaders meet\n\nAna Silva met Bo Lund.\n",
            Metadata {
                title: Some("Leaders meet".into()),
                ..Metadata::default()
            },
        );
        let e = ArticleFailure {
            stage: "extraction",
            message: "index out of bounds".into(),
        }
        .into_error(&a, false);
        assert_eq!(
            e.to_string(),
            "feed.jsonl:4: \"Leaders meet\": extraction failed: index out of bounds; skipped"
        );
        assert!(!e.is_notice());
        let kept = ArticleFailure {
            stage: "graph building",
            message: "x".into(),
        }
        .into_error(
            &Article::from_text("a.txt", "Talks\n\nText.\n", Metadata::default()),
            true,
        );
        assert_eq!(
            kept.to_string(),
            "a.txt: \"Talks\": graph building failed: x; stored without facts"
        );
    }
}
