//! HTTP content negotiation for the endpoint: which serialisation an `Accept` header
//! asks for, among those a query's results can take (RFC 9110 §12.5.1: media ranges
//! with `q` weights, `*/*` and `type/*` wildcards; the first of equal weight wins).

use oxigraph::io::RdfFormat;

use crate::query::ResultsFormat;

/// Formats of SELECT and ASK results, by media type; the first is the default.
pub const SOLUTION_TYPES: &[(&str, ResultsFormat)] = &[
    ("application/sparql-results+json", ResultsFormat::Json),
    ("application/sparql-results+xml", ResultsFormat::Xml),
    ("text/csv", ResultsFormat::Csv),
    ("text/tab-separated-values", ResultsFormat::Tsv),
    ("application/json", ResultsFormat::Json),
    ("application/xml", ResultsFormat::Xml),
];

/// Formats of CONSTRUCT and DESCRIBE results; the first is the default.
pub const GRAPH_TYPES: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/rdf+xml", RdfFormat::RdfXml),
    (
        "application/ld+json",
        RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
    ),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/trig", RdfFormat::TriG),
    ("text/plain", RdfFormat::NTriples),
];

/// The media ranges of an `Accept` header with their weights, in header order.
fn ranges(accept: &str) -> Vec<(String, f32)> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut fields = part.split(';');
            let range = fields.next()?.trim().to_ascii_lowercase();
            if range.is_empty() {
                return None;
            }
            let q = fields
                .filter_map(|f| f.trim().strip_prefix("q="))
                .find_map(|v| v.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((range, q.clamp(0.0, 1.0)))
        })
        .collect()
}

/// Whether a media range covers a media type.
fn covers(range: &str, media: &str) -> bool {
    range == "*/*"
        || range == media
        || range
            .strip_suffix("/*")
            .is_some_and(|t| media.split('/').next() == Some(t))
}

/// The offered format an `Accept` header prefers: none when it accepts none of them
/// (`406 Not Acceptable`). No header, or an empty one, takes the first offered.
///
/// ```
/// use newsgraph::serve::negotiate::{choose, SOLUTION_TYPES};
///
/// let accept = "text/csv;q=0.5, application/sparql-results+xml";
/// let (media, _) = choose(Some(accept), SOLUTION_TYPES).expect("one is acceptable");
/// assert_eq!(media, "application/sparql-results+xml");
/// assert!(choose(Some("image/png"), SOLUTION_TYPES).is_none());
/// ```
pub fn choose<T: Copy>(
    accept: Option<&str>,
    offered: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offered.first().copied();
    };
    let ranges = ranges(accept);
    let weight = |media: &str| {
        // the most specific range decides (a type beats type/*, which beats */*)
        ranges
            .iter()
            .filter(|(r, _)| covers(r, media))
            .max_by_key(|(r, _)| (r == media, !r.starts_with('*')))
            .map_or(0.0, |(_, q)| *q)
    };
    let mut best: Option<((&'static str, T), f32)> = None;
    for &(media, value) in offered {
        let w = weight(media);
        if w > 0.0 && best.is_none_or(|(_, b)| w > b) {
            best = Some(((media, value), w));
        }
    }
    best.map(|(chosen, _)| chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solutions(accept: Option<&str>) -> Option<&'static str> {
        choose(accept, SOLUTION_TYPES).map(|(m, _)| m)
    }

    #[test]
    fn picks_by_weight_specificity_and_order() {
        assert_eq!(solutions(None), Some("application/sparql-results+json"));
        assert_eq!(
            solutions(Some("*/*")),
            Some("application/sparql-results+json")
        );
        assert_eq!(solutions(Some("text/csv")), Some("text/csv"));
        assert_eq!(
            solutions(Some("text/csv;q=0.5, application/sparql-results+xml")),
            Some("application/sparql-results+xml")
        );
        assert_eq!(
            solutions(Some("text/*;q=0.9, */*;q=0.1")),
            Some("text/csv"),
            "text/* prefers the first text type offered"
        );
        assert_eq!(
            solutions(Some("text/*, text/csv;q=0")),
            Some("text/tab-separated-values"),
            "a specific q=0 refuses what the wildcard allowed"
        );
        assert_eq!(solutions(Some("image/png")), None);
        assert_eq!(
            choose(
                Some("application/n-triples, text/turtle;q=0.8"),
                GRAPH_TYPES
            )
            .map(|(m, _)| m),
            Some("application/n-triples")
        );
        assert_eq!(
            choose(Some("application/sparql-results+json"), GRAPH_TYPES),
            None
        );
    }
}
