//! The picture as one HTML file that opens offline: the nodes and edges as JSON inside
//! the page, and a small script that lays them out (a force layout) and draws SVG —
//! nothing fetched from anywhere, so it can be mailed or archived with a story.

use super::Picture;

const TEMPLATE: &str = include_str!("view.html");
const DATA: &str = "/*NEWSGRAPH-DATA*/null";

/// The page for a picture; `title` heads it.
pub fn to_html(p: &Picture, title: &str) -> String {
    // inside <script>, "</" would end the script: JSON lets it be written "<\/"
    let json = serde_json::to_string(p)
        .unwrap_or_else(|_| "null".to_string())
        .replace("</", "<\\/");
    let title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    TEMPLATE
        .replace("NEWSGRAPH-TITLE", &title)
        .replacen(DATA, &json, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::{Edge, Node};

    #[test]
    fn the_data_cannot_end_the_script() {
        let p = Picture {
            nodes: vec![
                Node {
                    iri: "https://e.org/a".into(),
                    label: "A </script><b>".into(),
                    etype: "Person".into(),
                },
                Node {
                    iri: "https://e.org/b".into(),
                    label: "B".into(),
                    etype: "Place".into(),
                },
            ],
            edges: vec![Edge {
                from: 0,
                to: 1,
                relation: "metWith".into(),
                articles: 2,
                outlets: Default::default(),
                dates: None,
                sentence: "They met.".into(),
            }],
        };
        let html = to_html(&p, "<x>");
        assert_eq!(html.matches("</script>").count(), 1, "only the page's own");
        assert!(html.contains("A <\\/script><b>"));
        assert!(html.contains("<title>newsgraph: &lt;x&gt;</title>"));
        assert!(!html.contains(DATA));
    }
}
