//! HTML pages: the story's text (headline and paragraphs, without scripts, navigation,
//! asides or footers) and the metadata the page declares (Open Graph, `article:*`,
//! `<meta name="author">`, `<time datetime>`, the canonical link).

use scraper::{ElementRef, Html, Selector};

use super::Metadata;

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    for key in keys {
        for attr in ["property", "name", "itemprop"] {
            let s = sel(&format!("meta[{attr}=\"{key}\"]"))?;
            if let Some(v) = doc
                .select(&s)
                .filter_map(|e| e.value().attr("content"))
                .map(str::trim)
                .find(|v| !v.is_empty())
            {
                return Some(v.to_string());
            }
        }
    }
    None
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "header", "aside", "form", "button", "svg",
    "template", "iframe",
];
const BLOCKS: &[&str] = &[
    "h1",
    "h2",
    "h3",
    "p",
    "li",
    "figcaption",
    "blockquote",
    "pre",
    "td",
    "dd",
    "dt",
];

fn collect(el: ElementRef<'_>, out: &mut Vec<String>, depth: usize) {
    if depth > 200 {
        return; // pathological nesting: the text so far is kept
    }
    let name = el.value().name();
    if SKIP.contains(&name) {
        return;
    }
    if BLOCKS.contains(&name) {
        let text: String = el.text().collect::<Vec<_>>().join("");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(text);
        }
        return;
    }
    for child in el.children().filter_map(ElementRef::wrap) {
        collect(child, out, depth + 1);
    }
}

/// Reads an HTML page into article text and metadata.
pub fn read(content: &str) -> (String, Metadata) {
    let doc = Html::parse_document(content);
    let title_el = sel("title")
        .and_then(|s| doc.select(&s).next())
        .map(|e| e.text().collect::<String>().trim().to_string());
    let h1 = sel("h1").and_then(|s| doc.select(&s).next()).map(|e| {
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let title = meta(&doc, &["og:title", "twitter:title", "headline"])
        .or(h1.clone())
        .or(title_el);
    let outlet = meta(
        &doc,
        &[
            "og:site_name",
            "publisher",
            "article:publisher",
            "application-name",
        ],
    );
    let mut authors: Vec<String> = Vec::new();
    if let Some(s) =
        sel("meta[name=\"author\"], meta[property=\"article:author\"], meta[name=\"byl\"]")
    {
        for e in doc.select(&s) {
            if let Some(v) = e.value().attr("content") {
                let v = v.trim().trim_start_matches("By ").trim();
                if !v.is_empty() && !v.starts_with("http") && !authors.iter().any(|a| a == v) {
                    authors.push(v.to_string());
                }
            }
        }
    }
    let published = meta(
        &doc,
        &[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "dc.date",
            "DC.date.issued",
        ],
    )
    .or_else(|| {
        sel("time[datetime]")
            .and_then(|s| doc.select(&s).next())
            .and_then(|e| e.value().attr("datetime").map(str::to_string))
    });
    let url = sel("link[rel=\"canonical\"]")
        .and_then(|s| doc.select(&s).next())
        .and_then(|e| e.value().attr("href").map(str::to_string))
        .or_else(|| meta(&doc, &["og:url"]));

    let root = sel("article")
        .and_then(|s| doc.select(&s).next())
        .or_else(|| sel("main").and_then(|s| doc.select(&s).next()))
        .or_else(|| sel("body").and_then(|s| doc.select(&s).next()))
        .unwrap_or_else(|| doc.root_element());
    let mut paras = Vec::new();
    collect(root, &mut paras, 0);
    if let Some(t) = &title {
        if paras.first() != Some(t) {
            paras.insert(0, t.clone());
        }
    }
    let text = paras.join("\n\n");
    (
        text,
        Metadata {
            id: None,
            url,
            title,
            outlet,
            authors,
            published,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text_and_metadata() {
        let page = r#"<!doctype html><html><head><title>Site | Talks</title>
            <meta property="og:title" content="Leaders meet in Oslo">
            <meta property="og:site_name" content="The Example Times">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2014-03-03T09:15:00Z">
            <link rel="canonical" href="https://example.org/oslo"></head>
            <body><nav><p>Home</p></nav><article><h1>Leaders meet in Oslo</h1>
            <p>The  two leaders
            met on Monday.</p><aside><p>Most read</p></aside><p>They will meet again.</p></article>
            <script>var x = "<p>no</p>";</script></body></html>"#;
        let (text, m) = read(page);
        assert_eq!(
            text,
            "Leaders meet in Oslo\n\nThe two leaders met on Monday.\n\nThey will meet again."
        );
        assert_eq!(m.title.as_deref(), Some("Leaders meet in Oslo"));
        assert_eq!(m.outlet.as_deref(), Some("The Example Times"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.published.as_deref(), Some("2014-03-03T09:15:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/oslo"));
    }

    #[test]
    fn broken_html_does_not_panic() {
        let (text, _) = read("<html><body><p>Unclosed <b>bold <div><p>nested</html>");
        assert!(text.contains("Unclosed"));
        let deep = "<div>".repeat(5000) + "<p>deep</p>";
        let _ = read(&deep);
    }
}
