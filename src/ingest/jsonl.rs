//! JSON Lines feeds: one article per line, `{"id", "url", "title", "source", "published",
//! "text"}` (only `text` is required; `body`, `content`, `outlet`, `date` and `author(s)`
//! are accepted too). A bad line is reported with its number and the rest are read.

use std::path::Path;

use serde::Deserialize;

use super::{Article, IngestError, Metadata};

#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    #[serde(alias = "outlet", alias = "publisher")]
    source: Option<String>,
    #[serde(alias = "date", alias = "published_at", alias = "datePublished")]
    published: Option<String>,
    #[serde(alias = "body", alias = "content")]
    text: Option<String>,
    #[serde(default, alias = "author")]
    authors: Authors,
}

#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum Authors {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

/// Reads every line of a JSON Lines file.
pub fn read(path: &Path, content: &str) -> Vec<Result<Article, IngestError>> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| IngestError::Json {
            path: path.to_path_buf(),
            line: n,
            message,
        };
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(err(format!("not a JSON object: {e}"))));
                continue;
            }
        };
        let Some(body) = rec.text.filter(|t| !t.trim().is_empty()) else {
            out.push(Err(err(
                "no \"text\" field (or it is empty); skipped".into()
            )));
            continue;
        };
        // The title leads the text, as on the page, unless the text already starts with it.
        let text = match &rec.title {
            Some(t) if !body.trim_start().starts_with(t.trim()) => {
                format!("{}\n\n{}", t.trim(), body)
            }
            _ => body,
        };
        let meta = Metadata {
            id: rec.id.map(|v| match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            }),
            url: rec.url,
            title: rec.title,
            outlet: rec.source,
            authors: match rec.authors {
                Authors::None => Vec::new(),
                Authors::One(a) => vec![a],
                Authors::Many(v) => v,
            },
            published: rec.published,
        };
        out.push(Ok(Article::from_text(
            format!("{}:{n}", path.display()),
            &text,
            meta,
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let content = "{\"id\": 7, \"title\": \"Leaders meet\", \"source\": \"Example Wire\", \"published\": \"2015-02-12\", \"text\": \"They met.\"}\n{broken\n\n{\"title\": \"no text\"}\n";
        let r = read(Path::new("feed.jsonl"), content);
        assert_eq!(r.len(), 3);
        let a = r[0].as_ref().expect("first line reads");
        assert_eq!(a.text, "Leaders meet\n\nThey met.\n");
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2015, 2, 12));
        assert_eq!(a.source, "feed.jsonl:1");
        let e2 = r[1].as_ref().expect_err("line 2 is broken").to_string();
        assert!(e2.starts_with("feed.jsonl:2: not a JSON object"), "{e2}");
        let e3 = r[2].as_ref().expect_err("line 4 has no text").to_string();
        assert!(e3.starts_with("feed.jsonl:4: no \"text\""), "{e3}");
    }
}
