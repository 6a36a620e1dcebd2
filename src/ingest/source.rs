//! Reading inputs, the front door of stage 1: paths → files → articles.
//!
//! Folders are walked recursively in a stable order. Each file is read as plain text, an
//! HTML page or a JSON Lines feed, and nothing one file holds can stop the others: a file
//! that cannot be read, is not UTF-8, is empty or is over the size limit gives an
//! [`IngestError`] naming it, and reading goes on. JSON Lines are streamed a line at a
//! time, so a feed of any size is read in constant memory and a bad line (broken JSON, a
//! wrong type, invalid UTF-8, a record over the limit) loses only itself. No more than
//! [`ReadOptions::max_article_bytes`] (plus one byte) of an article is ever held in memory.

use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::iter;
use std::path::{Path, PathBuf};

use super::{html, jsonl, Article, IngestError, Metadata};

/// The default limit on one article's size: 16 MiB, a hundred times the longest news
/// story, so that a log file or a database dump given by mistake is refused, not parsed.
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The input formats newsgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Guess from the file extension (and content, for stdin).
    Auto,
    /// Plain text, one article per file.
    Text,
    /// An HTML page, one article per file.
    Html,
    /// JSON Lines: one article per line with `text` and optional id, url, title, source, published.
    Jsonl,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format, or [`InputFormat::Auto`].
    pub format: InputFormat,
    /// Articles (files, or JSON lines) longer than this many bytes are skipped.
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: InputFormat::Auto,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

impl ReadOptions {
    /// Options with the given format and the default limit.
    pub fn format(format: InputFormat) -> Self {
        ReadOptions {
            format,
            ..ReadOptions::default()
        }
    }
}

/// The articles of one input, read lazily.
pub type Articles = Box<dyn Iterator<Item = Result<Article, IngestError>>>;

const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson",
];

/// Lists the article files under the given paths: files as given, folders recursively
/// (hidden files and folders skipped), in a stable order. `-` stands for stdin.
/// Paths that cannot be listed are errors; files in folders with other extensions are
/// [`IngestError::Ignored`] notices.
pub fn list_inputs(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(path.clone()));
            continue;
        }
        match fs::metadata(path) {
            Err(source) => out.push(Err(IngestError::Io {
                path: path.clone(),
                source,
            })),
            Ok(m) if m.is_dir() => walk(path, &mut out),
            Ok(_) => out.push(Ok(path.clone())),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, IngestError>>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if has_article_extension(e.path()) {
                    out.push(Ok(e.into_path()));
                } else {
                    out.push(Err(IngestError::Ignored {
                        path: e.into_path(),
                    }));
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                let source = match err.loop_ancestor() {
                    Some(a) => io::Error::other(format!(
                        "symbolic link loop back to {}; not followed",
                        a.display()
                    )),
                    None => err
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("cannot walk")),
                };
                out.push(Err(IngestError::Io { path, source }));
            }
        }
    }
}

fn has_article_extension(path: &Path) -> bool {
    extension(path).is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The format a file's extension names; `None` when there is no extension to go by.
fn format_by_extension(path: &Path) -> Option<InputFormat> {
    Some(match extension(path)?.as_str() {
        "html" | "htm" | "xhtml" => InputFormat::Html,
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        _ => InputFormat::Text,
    })
}

/// The format of content without a telling name (stdin, files without an extension).
fn sniff(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<!doctype html") || (lower.starts_with(b"<") && contains(b"<html")) {
        InputFormat::Html
    } else if lower.starts_with(b"{") {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    }
}

/// Reads one input (a file, or stdin for `-`) into articles. A JSON Lines input gives
/// one result per line, read as the iterator is driven.
pub fn read_input(path: &Path, opts: ReadOptions) -> Articles {
    if path.as_os_str() == "-" {
        let reader = Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
        return read_stream(path, "<stdin>".into(), reader, opts, None);
    }
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(source) => {
            return error(IngestError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    // the size of a regular file, for messages (not of pipes and devices)
    let size = file
        .metadata()
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| m.len());
    let reader = Box::new(BufReader::with_capacity(1 << 16, file));
    read_stream(path, path.display().to_string(), reader, opts, size)
}

/// Reads articles from bytes already in memory; `label` names them in messages.
pub fn read_bytes(
    path: &Path,
    label: &str,
    bytes: &[u8],
    opts: ReadOptions,
) -> Vec<Result<Article, IngestError>> {
    let reader = Box::new(Cursor::new(bytes.to_vec()));
    read_stream(
        path,
        label.to_string(),
        reader,
        opts,
        Some(bytes.len() as u64),
    )
    .collect()
}

fn error(e: IngestError) -> Articles {
    Box::new(iter::once(Err(e)))
}

fn read_stream(
    path: &Path,
    label: String,
    mut reader: Box<dyn BufRead>,
    opts: ReadOptions,
    size: Option<u64>,
) -> Articles {
    let io_error = |source| IngestError::Io {
        path: PathBuf::from(&label),
        source,
    };
    let format = match (opts.format, format_by_extension(path)) {
        (InputFormat::Auto, Some(f)) => f,
        (InputFormat::Auto, None) => {
            // look at the first bytes, then read them again with the rest
            let mut head = Vec::new();
            if let Err(e) = (&mut reader).take(4096).read_to_end(&mut head) {
                return error(io_error(e));
            }
            let format = sniff(&head);
            reader = Box::new(BufReader::new(Cursor::new(head).chain(reader)));
            format
        }
        (f, _) => f,
    };
    if format == InputFormat::Jsonl {
        return Box::new(JsonLines {
            reader,
            path: PathBuf::from(label),
            line: 0,
            max: opts.max_article_bytes,
            buf: Vec::new(),
            done: false,
        });
    }
    let mut bytes = Vec::new();
    let limit = opts.max_article_bytes as u64;
    if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
        return error(io_error(e));
    }
    if bytes.len() as u64 > limit {
        return error(IngestError::TooLarge {
            location: label,
            size,
            limit: opts.max_article_bytes,
        });
    }
    error_or_article(decode_one(&label, &bytes, format))
}

fn error_or_article(r: Result<Article, IngestError>) -> Articles {
    Box::new(iter::once(r))
}

/// One article from a whole file's bytes.
fn decode_one(label: &str, bytes: &[u8], format: InputFormat) -> Result<Article, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let content = match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => s,
        _ => {
            return Err(IngestError::NotText {
                path: PathBuf::from(label),
            })
        }
    };
    let (text, meta) = match format {
        InputFormat::Html => html::read(content),
        _ => (content.to_string(), Metadata::default()),
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            location: label.to_string(),
        });
    }
    Ok(Article::from_text(label, &text, meta))
}

/// A JSON Lines feed, read one line at a time.
struct JsonLines {
    reader: Box<dyn BufRead>,
    path: PathBuf,
    line: usize,
    max: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    fn error(&self, message: String) -> IngestError {
        IngestError::Json {
            path: self.path.clone(),
            line: self.line,
            message,
        }
    }

    /// Skips the rest of an over-long line; returns how many bytes it had.
    fn skip_line(&mut self) -> io::Result<u64> {
        let mut skipped = 0;
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(skipped);
            }
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.reader.consume(i + 1);
                    return Ok(skipped + i as u64); // not counting the newline
                }
                None => {
                    let n = buf.len();
                    self.reader.consume(n);
                    skipped += n as u64;
                }
            }
        }
    }
}

impl Iterator for JsonLines {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            self.buf.clear();
            let read = (&mut self.reader)
                .take(self.max as u64 + 1)
                .read_until(b'\n', &mut self.buf);
            match read {
                Ok(0) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(format!("cannot read: {e}"))));
                }
                Ok(_) => {
                    let ended = self.buf.last() == Some(&b'\n');
                    if !ended && self.buf.len() > self.max {
                        let rest = match self.skip_line() {
                            Ok(n) => n,
                            Err(e) => {
                                self.done = true;
                                return Some(Err(self.error(format!("cannot read: {e}"))));
                            }
                        };
                        return Some(Err(IngestError::TooLarge {
                            location: format!("{}:{}", self.path.display(), self.line),
                            size: Some(self.buf.len() as u64 + rest),
                            limit: self.max,
                        }));
                    }
                    let mut bytes = self.buf.as_slice();
                    bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
                    bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let text = match std::str::from_utf8(bytes) {
                        Ok(t) => t,
                        Err(e) => {
                            return Some(Err(self.error(format!(
                                "not UTF-8 text (invalid byte at column {}); skipped",
                                e.valid_up_to() + 1
                            ))))
                        }
                    };
                    return Some(jsonl::record(&self.path, self.line, text));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8], opts: ReadOptions) -> Vec<Result<Article, IngestError>> {
        read_bytes(Path::new(name), name, bytes, opts)
    }

    fn messages(r: &[Result<Article, IngestError>]) -> Vec<String> {
        r.iter()
            .map(|x| match x {
                Ok(a) => format!("ok {}", a.source),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    #[test]
    fn binary_input_is_reported_with_its_name() {
        let r = read("x.txt", b"\x00\x01\xff", ReadOptions::default());
        assert_eq!(
            messages(&r),
            ["x.txt: not a UTF-8 text file (binary or other encoding); skipped"]
        );
    }

    #[test]
    fn empty_input_is_an_error() {
        let r = read("e.txt", b"  \n\n", ReadOptions::default());
        assert!(matches!(r.as_slice(), [Err(IngestError::Empty { .. })]));
    }

    #[test]
    fn an_article_over_the_limit_is_refused_with_its_size() {
        let opts = ReadOptions {
            max_article_bytes: 10,
            ..ReadOptions::default()
        };
        let r = read("big.txt", b"Twelve bytes", opts);
        assert_eq!(
            messages(&r),
            ["big.txt: article is over the limit of 10 B (it has 12 B) (--max-article-bytes); skipped"]
        );
        assert_eq!(
            messages(&read("ok.txt", b"Ten bytes.", opts)),
            ["ok ok.txt"]
        );
    }

    #[test]
    fn json_lines_lose_only_their_bad_lines() {
        let feed = b"{\"text\": \"One.\"}\n{\"text\": \"bad \xff byte\"}\n{\"text\": \"a much longer line than allowed\"}\n\n{\"text\": \"Two.\"}";
        let opts = ReadOptions {
            max_article_bytes: 24,
            ..ReadOptions::default()
        };
        let r = read("f.jsonl", feed, opts);
        assert_eq!(
            messages(&r),
            [
                "ok f.jsonl:1",
                "f.jsonl:2: not UTF-8 text (invalid byte at column 15); skipped",
                "f.jsonl:3: article is over the limit of 24 B (it has 43 B) (--max-article-bytes); skipped",
                "ok f.jsonl:5",
            ]
        );
    }

    #[test]
    fn content_without_an_extension_is_sniffed() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><p>x"),
            InputFormat::Html
        );
        assert_eq!(sniff(b"<html lang=en>"), InputFormat::Html);
        assert_eq!(sniff(b"\n{\"text\": \"x\"}"), InputFormat::Jsonl);
        assert_eq!(sniff(b"<b>Not a page</b> but text"), InputFormat::Text);
        assert_eq!(sniff(b""), InputFormat::Text);
        let r = read(
            "-",
            b"{\"text\": \"From a feed.\"}\n",
            ReadOptions::default(),
        );
        assert_eq!(messages(&r), ["ok -:1"]);
    }
}
