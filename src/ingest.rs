//! Stage 1 of the pipeline: files → [`Article`]s with metadata.
//!
//! newsgraph reads news as people have it: text pasted from web pages (headline,
//! standfirst, repeated photo captions, bylines, datelines, "READ MORE" lines), HTML
//! pages, and JSON Lines feeds. Every format ends as one [`Article`]: its text, the
//! metadata the text or page gives (title, outlet, authors, date) and a layout of
//! [`Block`]s with byte spans into the text, so that later stages know which lines are
//! prose, which are bylines and which are boilerplate that must not feed extraction.

mod dates;
mod html;
mod jsonl;
mod layout;
mod source;
mod wrap;

use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use dates::{
    month_name, month_number, parse_date, resolve_month_day, resolve_weekday, weekday,
};
pub use layout::{analyse as analyse_layout, title_case, Layout, OUTLETS};
pub use source::{
    list_inputs, read_bytes, read_input, InputFormat, ReadOptions, DEFAULT_MAX_ARTICLE_BYTES,
};

/// What a block of an article's text is, as far as extraction cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The headline: a phrase, often in title case.
    Headline,
    /// The summary line under the headline.
    Standfirst,
    /// A photo caption (its repeats are marked [`BlockKind::Boilerplate`]).
    Caption,
    /// "By Jane Doe and John Roe": names of the authors.
    Byline,
    /// A line that only carries the publication date and time.
    Timestamp,
    /// Reporting credits: "(Additional reporting by …; Editing by …)".
    Credit,
    /// A paragraph of the story.
    Body,
    /// Navigation, share buttons, "READ MORE", tags, copyright: not part of the story.
    Boilerplate,
}

impl BlockKind {
    /// Whether extraction reads this block as prose.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            BlockKind::Headline | BlockKind::Standfirst | BlockKind::Caption | BlockKind::Body
        )
    }
}

/// A line or paragraph of an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte span into [`Article::text`].
    pub span: Range<usize>,
    /// What the block is.
    pub kind: BlockKind,
}

/// A dateline at the start of a story paragraph: "GENEVA, Nov 24 (Reuters) - ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte span of the whole dateline (up to and including the dash).
    pub span: Range<usize>,
    /// Byte span of the place name, if any ("GENEVA").
    pub place: Option<Range<usize>>,
    /// Byte span of the agency in parentheses, if any ("Reuters").
    pub agency: Option<Range<usize>>,
    /// Byte span of the region or country after the place ("South Korea"), if any.
    pub region: Option<Range<usize>>,
    /// Whether the dateline is a line of its own ending in an ISO date ("LYON, France
    /// 1997-03-14") rather than the opening of a paragraph.
    pub iso: bool,
}

/// One news article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Hex SHA-256 of [`Article::text`]: the article's identity.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSON Lines, or `<stdin>`.
    pub source: String,
    /// The page address, when known.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// Authors from bylines and credits.
    pub authors: Vec<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The text that all spans refer to (newlines normalised to `\n`).
    pub text: String,
    /// The layout of [`Article::text`], in order, covering every non-empty line.
    pub blocks: Vec<Block>,
    /// Datelines found at the start of body paragraphs.
    pub datelines: Vec<Dateline>,
    /// Spans of people named in bylines, credits and photo credits.
    pub credit_persons: Vec<Range<usize>>,
    /// Spans of organisations (agencies) named in credits and datelines.
    pub credit_orgs: Vec<Range<usize>>,
    /// Spans of places named in credits ("… in Cairo").
    pub credit_places: Vec<Range<usize>>,
}

/// Metadata a container (HTML page, JSON line) gives beside the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Page or feed id (JSON Lines `id`).
    pub id: Option<String>,
    /// Page address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Publication date, as the container states it.
    pub published: Option<String>,
}

impl Article {
    /// Builds an article from text, reading its layout and merging the container's
    /// metadata (which wins over what the text suggests).
    pub fn from_text(source: impl Into<String>, text: &str, meta: Metadata) -> Self {
        let text = normalise_text(text);
        // the id names the input as given, so a text ingested before unwrapping was done
        // keeps its id
        let id = hex_sha256(text.as_bytes());
        let text = wrap::unwrap_paragraphs(text);
        let layout = layout::analyse(&text);
        let dateline_agency = layout
            .datelines
            .iter()
            .find_map(|d| d.agency.clone())
            .map(|r| text[r].to_string());
        let published = meta
            .published
            .as_deref()
            .and_then(parse_date)
            .or(layout.published);
        let mut authors = meta.authors;
        for a in layout.authors {
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
        Article {
            id,
            source: source.into(),
            url: meta.url,
            title: meta.title.or(layout.title),
            outlet: meta.outlet.or(layout.outlet).or(dateline_agency),
            authors,
            published,
            text,
            blocks: layout.blocks,
            datelines: layout.datelines,
            credit_persons: layout.person_names,
            credit_orgs: layout.org_names,
            credit_places: layout.place_names,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: &Range<usize>) -> &str {
        &self.text[span.clone()]
    }

    /// Character offset (in Unicode scalar values) of a byte offset, as RDF consumers count.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.text[..byte].chars().count()
    }

    /// Character offsets of many byte offsets, in one pass over the text.
    ///
    /// ```
    /// use newsgraph::ingest::{Article, Metadata};
    /// let a = Article::from_text("t", "Zürich – Genève\n", Metadata::default());
    /// let m = a.char_offsets([0, 3, 12]);
    /// assert_eq!((m[&0], m[&3], m[&12]), (0, 2, 9));
    /// ```
    pub fn char_offsets(
        &self,
        bytes: impl IntoIterator<Item = usize>,
    ) -> std::collections::HashMap<usize, usize> {
        let mut wanted: Vec<usize> = bytes.into_iter().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = std::collections::HashMap::with_capacity(wanted.len());
        if self.text.is_ascii() {
            out.extend(wanted.into_iter().map(|b| (b, b)));
            return out;
        }
        let (mut byte, mut chars) = (0, 0);
        for w in wanted {
            chars += self.text[byte..w].chars().count();
            byte = w;
            out.insert(w, chars);
        }
        out
    }
}

/// Errors of the ingest stage. Each names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist or cannot be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text (a binary file, or another encoding).
    #[error("{path}: not a UTF-8 text file (binary or other encoding); skipped")]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The file or line holds no article text.
    #[error("{location}: empty article; skipped")]
    Empty {
        /// `path` or `path:line`.
        location: String,
    },
    /// An article longer than the limit (a log file, a database dump, a runaway page).
    #[error("{location}: article is over the limit of {} {}(--max-article-bytes); skipped", human_bytes(*limit as u64), size.map(|s| format!("(it has {}) ", human_bytes(s))).unwrap_or_default())]
    TooLarge {
        /// `path` or `path:line`.
        location: String,
        /// Its size in bytes, when known (not for pipes).
        size: Option<u64>,
        /// The limit in bytes.
        limit: usize,
    },
    /// A file found in a folder whose extension is not an article format's. Not an
    /// error: reported so that nothing is left out unseen, but not counted as skipped.
    #[error("{path}: not an article file (.txt .text .md .html .htm .xhtml .jsonl .ndjson); ignored (name it on the command line to read it as text)")]
    Ignored {
        /// The file.
        path: PathBuf,
    },
    /// An article whose extraction or graph building failed (a bug in newsgraph caught
    /// by [`crate::pipeline::isolate`]); the other articles go on.
    #[error("{location}: {}{stage} failed: {message}; {}", title.as_deref().map(|t| format!("{t:?}: ")).unwrap_or_default(), if *kept { "stored without facts" } else { "skipped" })]
    Article {
        /// `path` or `path:line`.
        location: String,
        /// The article's headline, when known.
        title: Option<String>,
        /// The stage that failed.
        stage: &'static str,
        /// What went wrong.
        message: String,
        /// Whether the article was stored anyway, with its text and metadata but no
        /// facts (by `rebuild`, which must not lose a stored article).
        kept: bool,
    },
    /// A JSON Lines record that does not parse or lacks text.
    #[error("{path}:{line}: {message}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Normalises line ends and strips trailing spaces, so the same article pasted on two
/// systems has one identity.
pub fn normalise_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed = out.trim_matches('\n');
    let mut s = trimmed.to_string();
    s.push('\n');
    s
}

impl IngestError {
    /// Whether this is only a notice (a file ignored by its extension), not a skipped input.
    pub fn is_notice(&self) -> bool {
        matches!(self, IngestError::Ignored { .. })
    }
}

/// A size for people: `532 B`, `16.0 MiB`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// Lower-case hex SHA-256.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_with_other_line_ends_has_one_identity() {
        let a = Article::from_text("a", "Title\r\n\r\nBody text.\r\n", Metadata::default());
        let b = Article::from_text("b", "Title\n\nBody text.\n", Metadata::default());
        assert_eq!(a.id, b.id);
    }
}
