//! JSON Lines feeds: one article per line, `{"id", "url", "title", "source", "published",
//! "text"}` (only `text` is required; `body`, `content`, `outlet`, `publisher`, `date`,
//! `published_at`, `datePublished` and `author(s)` are accepted too). A bad line is
//! reported with its number and what is wrong with it, and the rest are read (the
//! streaming itself is in `source.rs`).

use std::path::Path;

use serde_json::{Map, Value};

use super::{Article, IngestError, Metadata};

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The first of `keys` present and not null, with the key found.
fn field<'a>(
    obj: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, &'a Value)> {
    keys.iter()
        .find_map(|k| obj.get(*k).filter(|v| !v.is_null()).map(|v| (*k, v)))
}

fn string(obj: &Map<String, Value>, keys: &[&'static str]) -> Result<Option<String>, String> {
    match field(obj, keys) {
        None => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s.clone())),
        Some((k, v)) => Err(format!("\"{k}\" is {}, not a string; skipped", kind(v))),
    }
}

fn authors(obj: &Map<String, Value>) -> Result<Vec<String>, String> {
    let wrong = |k: &str, v: &Value| {
        format!(
            "\"{k}\" is {}, not a string or a list of strings; skipped",
            kind(v)
        )
    };
    match field(obj, &["authors", "author"]) {
        None => Ok(Vec::new()),
        Some((_, Value::String(s))) => Ok(vec![s.clone()]),
        Some((k, Value::Array(items))) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(wrong(k, other)),
            })
            .collect(),
        Some((k, v)) => Err(wrong(k, v)),
    }
}

/// Reads one line (not blank) of a JSON Lines feed; `line` is its 1-based number.
pub fn record(path: &Path, line: usize, content: &str) -> Result<Article, IngestError> {
    let err = |message: String| IngestError::Json {
        path: path.to_path_buf(),
        line,
        message,
    };
    let value: Value = serde_json::from_str(content).map_err(|e| {
        err(if e.is_eof() {
            format!(
                "truncated JSON (the line ends at column {}); skipped",
                e.column()
            )
        } else {
            format!("not valid JSON: {e}; skipped")
        })
    })?;
    let Value::Object(obj) = value else {
        return Err(err(format!(
            "{} where an article object {{\"text\": …}} was expected; skipped",
            kind(&value)
        )));
    };
    let body = string(&obj, &["text", "body", "content"])
        .map_err(err)?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| err("no \"text\" field (or it is empty); skipped".into()))?;
    let title = string(&obj, &["title", "headline"]).map_err(err)?;
    let meta = Metadata {
        id: match obj.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
            Some(v) => {
                return Err(err(format!(
                    "\"id\" is {}, not a string or number; skipped",
                    kind(v)
                )))
            }
        },
        url: string(&obj, &["url", "link"]).map_err(err)?,
        title: title.clone(),
        outlet: string(&obj, &["source", "outlet", "publisher"]).map_err(err)?,
        authors: authors(&obj).map_err(err)?,
        published: string(
            &obj,
            &["published", "date", "published_at", "datePublished"],
        )
        .map_err(err)?,
    };
    // The title leads the text, as on the page, unless the text already starts with it.
    let text = match &title {
        Some(t) if !body.trim_start().starts_with(t.trim()) => format!("{}\n\n{}", t.trim(), body),
        _ => body,
    };
    Ok(Article::from_text(
        format!("{}:{line}", path.display()),
        &text,
        meta,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Result<Article, String> {
        record(Path::new("feed.jsonl"), 3, line).map_err(|e| e.to_string())
    }

    #[test]
    fn a_record_with_metadata() {
        let a = read("{\"id\": 7, \"title\": \"Leaders meet\", \"source\": \"Example Wire\", \"published\": \"2015-02-12\", \"author\": [\"A. Writer\"], \"text\": \"They met.\"}")
            .expect("reads");
        assert_eq!(a.text, "Leaders meet\n\nThey met.\n");
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2015, 2, 12));
        assert_eq!(a.authors, ["A. Writer"]);
        assert_eq!(a.source, "feed.jsonl:3");
    }

    #[test]
    fn each_fault_is_named() {
        let cases = [
            ("{\"text\": \"trunc", "feed.jsonl:3: truncated JSON (the line ends at column 15); skipped"),
            ("{broken}", "feed.jsonl:3: not valid JSON: key must be a string at line 1 column 2; skipped"),
            ("[1, 2]", "feed.jsonl:3: a list where an article object {\"text\": …} was expected; skipped"),
            ("{\"title\": \"no text\"}", "feed.jsonl:3: no \"text\" field (or it is empty); skipped"),
            ("{\"text\": 5}", "feed.jsonl:3: \"text\" is a number, not a string; skipped"),
            ("{\"text\": \"x\", \"authors\": {\"a\": 1}}", "feed.jsonl:3: \"authors\" is an object, not a string or a list of strings; skipped"),
            ("{\"text\": \"x\", \"id\": [1]}", "feed.jsonl:3: \"id\" is a list, not a string or number; skipped"),
        ];
        for (line, want) in cases {
            assert_eq!(read(line).err().as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn nulls_are_absent_fields() {
        let a = read(
            "{\"text\": \"They met.\", \"title\": null, \"published\": null, \"authors\": null}",
        )
        .expect("reads");
        assert_eq!((a.published, a.authors.len()), (None, 0));
    }
}
