//! HTML pages: the story's text (headline and paragraphs, without scripts, navigation,
//! asides or footers) and the metadata the page declares (Open Graph, `article:*`,
//! `<meta name="author">`, `<time datetime>`, the canonical link).

use std::borrow::Cow;

use ego_tree::iter::Edge;
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

/// Elements that flow inside a paragraph: their text joins the text around them.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// Appends the collapsed text of a run to the paragraphs, if it has any.
fn flush(run: &mut String, out: &mut Vec<String>) {
    let text = run.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        out.push(text);
    }
    run.clear();
}

/// The paragraphs under `root`: each block element's text, and the runs of text that
/// stand directly in containers (`<div>Text <b>more</b></div>`). Iterative, so any
/// depth of nesting is walked without recursion.
fn collect(root: ElementRef<'_>, out: &mut Vec<String>) {
    let mut run = String::new();
    // the element whose subtree is being passed over (skipped, or taken whole as a block)
    let mut inside: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if inside.is_some() {
                    continue;
                }
                if let Some(text) = node.value().as_text() {
                    run.push_str(text);
                    continue;
                }
                let Some(el) = node.value().as_element() else {
                    continue;
                };
                let name = el.name();
                if SKIP.contains(&name) {
                    inside = Some(node.id());
                } else if BLOCKS.contains(&name) {
                    flush(&mut run, out);
                    if let Some(e) = ElementRef::wrap(node) {
                        run.extend(e.text());
                        flush(&mut run, out);
                    }
                    inside = Some(node.id());
                } else if !INLINE.contains(&name) {
                    flush(&mut run, out);
                }
            }
            Edge::Close(node) => {
                if inside == Some(node.id()) {
                    inside = None;
                } else if inside.is_none()
                    && node
                        .value()
                        .as_element()
                        .is_some_and(|e| !INLINE.contains(&e.name()))
                {
                    flush(&mut run, out);
                }
            }
        }
    }
    flush(&mut run, out);
}

/// The deepest element nesting passed to the HTML parser. The parser looks through the
/// open elements at each new tag, so a page of N nested elements costs N² (100,000
/// nested `<div>`s took 24 s); browsers cap nesting too. Deeper tags are dropped and
/// their text kept.
const MAX_NESTING: usize = 512;

/// Elements that never nest (void) or close themselves when the next one opens.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// A tag found by [`scan_tags`].
enum Tag {
    Open,
    Close,
    Other,
}

/// Walks the tags of `html` (linear; approximate, as a guard needs to be), calling `f`
/// with each tag's byte range, kind and the nesting depth after it.
fn scan_tags(html: &str, mut f: impl FnMut(std::ops::Range<usize>, Tag, usize)) {
    let b = html.as_bytes();
    let find = |from: usize, needle: &str| html[from..].find(needle).map(|i| from + i);
    let (mut i, mut depth) = (0, 0usize);
    while let Some(lt) = find(i, "<") {
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(lt + 4, "-->").map_or(b.len(), |e| e + 3);
            f(lt..end, Tag::Other, depth);
            i = end;
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(close);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            let end = if matches!(rest.first(), Some(b'!' | b'?')) {
                find(lt, ">").map_or(b.len(), |e| e + 1)
            } else {
                lt + 1
            };
            f(lt..end, Tag::Other, depth);
            i = end;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = find(name_start, ">").map_or(b.len(), |e| e + 1);
        if close {
            if !NON_NESTING.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            f(lt..end, Tag::Close, depth);
            i = end;
            continue;
        }
        let self_closing = b[..end].ends_with(b"/>");
        if NON_NESTING.contains(&name.as_str()) || self_closing {
            f(lt..end, Tag::Other, depth);
            i = end;
        } else if RAW_TEXT.contains(&name.as_str()) {
            // the element and its raw text go through whole
            let lower_end = html[end..].to_ascii_lowercase();
            let close_at = lower_end
                .find(&format!("</{name}"))
                .map_or(b.len(), |c| end + c);
            let after = find(close_at, ">").map_or(b.len(), |e| e + 1);
            f(lt..after, Tag::Other, depth);
            i = after;
        } else {
            depth += 1;
            f(lt..end, Tag::Open, depth);
            i = end;
        }
    }
}

/// The page with tags nested deeper than [`MAX_NESTING`] removed (their text kept), or
/// the page itself when it is not that deep.
fn limit_nesting(html: &str) -> Cow<'_, str> {
    let mut deepest = 0;
    scan_tags(html, |_, _, d| deepest = deepest.max(d));
    if deepest <= MAX_NESTING {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    scan_tags(html, |range, tag, depth| {
        let too_deep = match tag {
            Tag::Open => depth > MAX_NESTING,
            Tag::Close => depth >= MAX_NESTING,
            Tag::Other => false,
        };
        if too_deep {
            out.push_str(&html[copied..range.start]);
            copied = range.end;
        }
    });
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Reads an HTML page into article text and metadata.
pub fn read(content: &str) -> (String, Metadata) {
    let doc = Html::parse_document(&limit_nesting(content));
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
    collect(root, &mut paras);
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
        assert_eq!(read(&deep).0, "deep");
    }

    #[test]
    fn text_directly_in_containers_is_kept_in_order() {
        let (text, _) = read(
            "<body><div>Kerry met <b>Lavrov</b> in Paris.<div>Second run</div><p>A paragraph.</p>Tail text<script>x()</script></div></body>",
        );
        assert_eq!(
            text,
            "Kerry met Lavrov in Paris.\n\nSecond run\n\nA paragraph.\n\nTail text"
        );
    }

    #[test]
    fn pathological_nesting_is_cut_and_its_text_kept() {
        let page = format!(
            "<html><body>{}Kerry met Lavrov in Paris.<script>if (a < b) {{}}</script><!-- <div> -->{}",
            "<div>".repeat(100_000),
            "</div>".repeat(10)
        );
        let limited = limit_nesting(&page);
        let mut deepest = 0;
        scan_tags(&limited, |_, _, d| deepest = deepest.max(d));
        assert_eq!(deepest, MAX_NESTING);
        assert!(limited.contains("<script>if (a < b) {}</script><!-- <div> -->"));
        assert_eq!(read(&page).0, "Kerry met Lavrov in Paris.");
        // an ordinary page goes to the parser untouched
        let page = "<html><body><div><p>One<p>Two<br><img src=x></div></body></html>";
        assert!(matches!(limit_nesting(page), Cow::Borrowed(_)));
    }
}
